using Portal.Web.Common;
using Portal.Web.Features.KeyMoments;

namespace Portal.Web.Api;

/// <summary>The operator's CRM (scope "crm"): usage facts in, shared offer outcomes out.</summary>
public static class CustomerEndpoints
{
    public sealed record UsageRowDto(
        string? Phone,
        string? Period,
        string? PlanCode,
        int? DataUsedMb,
        int? DataQuotaMb,
        int? VoiceMinutes,
        decimal? Bill,
        DateOnly? ContractEndsOn = null,
        string? HandsetModel = null,
        DateOnly? HandsetSince = null);

    public static void MapCustomerEndpoints(this RouteGroupBuilder crm)
    {
        var customers = crm.MapGroup("/customers");

        customers.MapPost("/usage", async (HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                var rows = await ApiJson.ReadAsync<List<UsageRowDto>>(http.Request, ct);
                var result = await sender.Send(
                    new RecordUsage.Command(rows.Select(r => r is null ? null! : new RecordUsage.Row(
                        r.Phone, r.Period, r.PlanCode, r.DataUsedMb, r.DataQuotaMb, r.VoiceMinutes, r.Bill, r.ContractEndsOn, r.HandsetModel, r.HandsetSince)).ToList()),
                    http.User,
                    ct);
                return TypedResults.Ok(result);
            })
            .Accepts<List<UsageRowDto>>("application/json")
            .WithName("RecordCustomerUsage")
            .WithSummary("A batch of usage facts, one per phone and month (YYYY-MM); the same batch again changes nothing. Any bad row refuses the whole batch.")
            .ProducesValidationProblem();

        customers.MapGet("/{phone}/outcomes", async (string phone, HttpContext http, ScopedSender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetCustomerOutcomes.Query(phone), http.User, ct)))
            .WithName("GetCustomerOutcomes")
            .WithSummary("What the customer said about offers, and which offers are in their quiet period: ask before you call.")
            .ProducesValidationProblem();
    }
}
