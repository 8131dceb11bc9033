using System.Globalization;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Features.Documents;

namespace Portal.Web.Api;

/// <summary>The courier company's handover sheets (scope "deliveries"): the days it took parcels and each day's 交接单.</summary>
public static class HandoverEndpoints
{
    public sealed record HandoverDto(string Id, DateOnly Date, int ParcelCount, decimal CashOnDelivery, string SheetUrl);

    public static void MapHandoverEndpoints(this RouteGroupBuilder api)
    {
        var handovers = api.MapGroup("/handovers").RequireAuthorization(p => p.RequireClaim(ApiScopes.ClaimType, ApiScopes.Deliveries));

        handovers.MapGet("/", async (string? date, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    throw RequestValidationException.For("date", "date is required as YYYY-MM-DD.");
                }

                var rows = await sender.Send(new HandoverSheet.ListQuery(day), http.User, ct);
                return TypedResults.Ok(rows.Select(r => new HandoverDto(r.Id, r.Date, r.Parcels, r.CashOnDelivery, $"/api/v1/handovers/{r.Id}/sheet.pdf")).ToList());
            })
            .WithName("ListHandovers")
            .WithSummary("The calling courier company's handover on a day (an empty list when it took nothing).")
            .ProducesValidationProblem();

        handovers.MapGet("/{id}/sheet.pdf", async (string id, HttpContext http, ScopedSender sender, CancellationToken ct) =>
                await DocumentEndpoints.Pdf(http, await DocumentEndpoints.Handover(http, sender, id, ct), ct))
            .WithName("GetHandoverSheet")
            .WithSummary("The handover sheet (交接单) as PDF; another company's handover is not found.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
