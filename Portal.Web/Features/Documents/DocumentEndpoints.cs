using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Documents;
using Portal.Web.Common;
using Portal.Web.Common.Errors;

namespace Portal.Web.Features.Documents;

/// <summary>
/// Printable documents for signed-in staff: each as a PDF and (for the manifest) as the same page in HTML for the
/// browser's print dialog. Who may fetch what is decided by the request each endpoint sends.
/// </summary>
public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var documents = endpoints.MapGroup("").AddEndpointFilter<ProblemMappingFilter>().ExcludeFromDescription();

        documents.MapGet("/dispatch/runs/{runId:long}/manifest.pdf", async (long runId, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            await Pdf(http, await Manifest(http, sender, new RunManifest.Query(runId), ct), ct));

        documents.MapGet("/dispatch/runs/{runId:long}/manifest", async (long runId, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            Html(await Manifest(http, sender, new RunManifest.Query(runId), ct)));

        documents.MapGet("/courier/manifest.pdf", async (DateOnly? date, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            await Pdf(http, await Manifest(http, sender, new RunManifest.MineQuery(date), ct), ct));

        documents.MapGet("/dispatch/handovers/{id}/sheet.pdf", async (string id, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            await Pdf(http, await Handover(http, sender, id, ct), ct));

        documents.MapGet("/dispatch/summary/{date}.pdf", async (string date, HttpContext http, ScopedSender sender, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw Common.Behaviours.RequestValidationException.For("date", "The date is YYYY-MM-DD.");
            }

            var summary = await sender.Send(new DailySummary.Query(day), http.User, ct);
            return await Pdf(http, await Render<DailySummaryDocument>(http, $"{Text(http, "Daily dispatch summary")} {date}", new()
            {
                [nameof(DailySummaryDocument.Summary)] = summary,
            }), ct);
        });
    }

    internal static async Task<RenderedDocument> Handover(HttpContext http, ScopedSender sender, string id, CancellationToken ct)
    {
        var sheet = await sender.Send(new HandoverSheet.Query(id), http.User, ct);
        return await Render<HandoverSheetDocument>(http, $"{Text(http, "Handover sheet")} {sheet.Id}", new()
        {
            [nameof(HandoverSheetDocument.Sheet)] = sheet,
        });
    }

    internal static async Task<RenderedDocument> Manifest(
        HttpContext http, ScopedSender sender, MediatR.IRequest<RunManifest.Manifest> query, CancellationToken ct)
    {
        var manifest = await sender.Send(query, http.User, ct);
        var baseUrl = http.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value.PublicBaseUrl;
        return await RenderManifest(http.RequestServices, manifest, string.IsNullOrWhiteSpace(baseUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : baseUrl);
    }

    /// <summary>The manifest page in the current culture; the QR codes open each stop at <paramref name="baseUrl"/>.</summary>
    internal static Task<RenderedDocument> RenderManifest(IServiceProvider services, RunManifest.Manifest manifest, string baseUrl)
    {
        var title = $"{services.GetRequiredService<IStringLocalizer<SharedResource>>()["Run manifest"]} {manifest.CourierName} {manifest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return services.GetRequiredService<IDocumentRenderer>().RenderHtmlAsync<RunManifestDocument>(title, new Dictionary<string, object?>
        {
            [nameof(RunManifestDocument.Manifest)] = manifest,
            [nameof(RunManifestDocument.BaseUrl)] = baseUrl,
        });
    }

    internal static Task<RenderedDocument> Render<TComponent>(HttpContext http, string title, Dictionary<string, object?> parameters)
        where TComponent : IComponent =>
        http.RequestServices.GetRequiredService<IDocumentRenderer>().RenderHtmlAsync<TComponent>(title, parameters);

    internal static async Task<IResult> Pdf(HttpContext http, RenderedDocument document, CancellationToken ct)
    {
        var pdf = await http.RequestServices.GetRequiredService<IDocumentRenderer>().PrintPdfAsync(document, ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(pdf, "application/pdf", FileName(document));
    }

    internal static IResult Html(RenderedDocument document) => TypedResults.Content(document.Html, "text/html; charset=utf-8");

    internal static string Text(HttpContext http, string key) =>
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[key];

    /// <summary>The id in the name, so two printings of a changed run never share a file name.</summary>
    private static string FileName(RenderedDocument document)
    {
        var safe = new string([.. document.Title.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_')]);
        return $"{safe}_{document.Id}.pdf";
    }
}
