using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Payments.Sandbox;

namespace Portal.Infrastructure.Payments;

public static class PaymentsSetup
{
    /// <summary>Stripe through Stripe.net; without Stripe:SecretKey, the built-in sandbox answers instead.</summary>
    public static IServiceCollection AddPortalPayments(this IServiceCollection services, IConfiguration configuration)
    {
        var stripe = configuration.GetSection(StripeOptions.Section).Get<StripeOptions>() ?? new StripeOptions();
        if (!stripe.UsesSandbox && stripe.WebhookSecret == StripeOptions.DevelopmentWebhookSecret)
        {
            throw new InvalidOperationException("Stripe:WebhookSecret must be the endpoint's own secret when Stripe:SecretKey is set");
        }

        if (stripe.UsesPaymentElement && (stripe.UsesSandbox || !stripe.PublishableKey!.StartsWith("pk_", StringComparison.Ordinal)))
        {
            // Stripe.js can only confirm against Stripe itself: a publishable key belongs with its account's secret key.
            throw new InvalidOperationException("Stripe:PublishableKey (pk_...) needs the same account's Stripe:SecretKey");
        }

        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section));
        services.AddOptions<StripeSandboxOptions>().Bind(configuration.GetSection(StripeSandboxOptions.Section));
        services.AddHttpClient<IPaymentGateway, StripeGateway>();
        if (stripe.UsesSandbox)
        {
            services.AddStripeSandbox();
            services.AddHttpClient<SandboxCheckout>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapPortalPayments(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<StripeSandbox>() is not null)
        {
            endpoints.MapStripeSandbox();
        }

        return endpoints;
    }
}
