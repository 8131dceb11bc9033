using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Documents;

public static class DocumentsSetup
{
    public static IServiceCollection AddPortalDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton<PrintFonts>();
        services.AddSingleton<ChromiumDocumentRenderer>();
        services.AddSingleton<IDocumentRenderer>(sp => sp.GetRequiredService<ChromiumDocumentRenderer>());
        services.AddHostedService<DocumentBrowserWarmUp>();
        return services;
    }
}

/// <summary>Starts the browser in the background at start-up, so the first manifest does not wait for it.</summary>
internal sealed class DocumentBrowserWarmUp(IDocumentRenderer renderer, IOptions<DocumentOptions> options, ILogger<DocumentBrowserWarmUp> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.StartBrowserOnStartup)
        {
            return;
        }

        try
        {
            await renderer.WarmUpAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The portal runs without PDFs rather than not at all; readiness reports the browser as not started.
            log.LogError(ex, "The document browser did not start; PDFs will try again");
        }
    }
}
