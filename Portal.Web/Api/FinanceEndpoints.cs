using System.Globalization;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Reconciliation;

namespace Portal.Web.Api;

/// <summary>The three-tier audit for the finance systems (scope finance): statement and settlement files in, a day's reconciliation out.</summary>
public static class FinanceEndpoints
{
    public sealed record ImportDto(Guid ImportId, int Lines, int Duplicates, IReadOnlyList<string> Errors);

    public sealed record ReconciliationDto(string Date, string Status, IReadOnlyList<TierDto> Tiers);

    public sealed record TierDto(int Tier, decimal Expected, decimal Actual, decimal Matched, decimal Unmatched, decimal Variance);

    public static void MapFinanceEndpoints(this RouteGroupBuilder api)
    {
        var finance = api.MapGroup("/finance").RequireAuthorization(ApiEndpoints.ScopePolicy(ApiScopes.Finance));

        finance.MapPost("/bank-statements", (IFormFile? file, HttpContext http, ScopedSender sender, CancellationToken ct) =>
                Import(file, content => new ImportBankStatement.Command(file!.FileName, content), http, sender, ct))
            .DisableAntiforgery()
            .WithName("ImportBankStatement")
            .WithSummary("A bank statement as multipart 'file': CSV (BookingDate,ValueDate,Amount,Currency,Reference,Counterparty,Narrative,LineId) or camt.053 XML. Lines seen before are counted as duplicates; a bad file is refused whole (scope finance).")
            .Produces<ImportDto>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();

        finance.MapPost("/pos-settlements", (IFormFile? file, HttpContext http, ScopedSender sender, CancellationToken ct) =>
                Import(file, content => new ImportPosSettlement.Command(file!.FileName, content), http, sender, ct))
            .DisableAntiforgery()
            .WithName("ImportPosSettlement")
            .WithSummary("The acquirer's settlement CSV as multipart 'file' (SettlementDate,TerminalId,BatchNo,Reference,CardLast4,Amount,Fee,NetAmount); fees are posted (scope finance).")
            .Produces<ImportDto>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();

        finance.MapGet("/reconciliation", async (string? date, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["date"] = ["date must be a day as YYYY-MM-DD."] });
                }

                var report = await sender.Send(new GetReconciliation.Query(day), http.User, ct);
                return TypedResults.Ok(new ReconciliationDto(
                    report.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    report.Status.ToString(),
                    [.. report.Tiers.Select(t => new TierDto(t.Number, t.Expected, t.Actual, t.Matched, t.Unmatched, t.Variance))]));
            })
            .WithName("GetReconciliation")
            .WithSummary("A China business day across the three tiers: expected, actual, matched, unmatched and variance, and whether it is Open, Balanced or Closed (scope finance).")
            .Produces<ReconciliationDto>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> Import(
        IFormFile? file, Func<byte[], MediatR.IRequest<ImportResult>> command, HttpContext http, ScopedSender sender, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Attach the file as multipart form field 'file'."] });
        }

        if (file.Length > StatementFile.MaxBytes)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["A file is at most 50 MB."] });
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var result = await sender.Send(command(buffer.ToArray()), http.User, ct);
        return TypedResults.Accepted((string?)null, new ImportDto(result.ImportId, result.Lines, result.Duplicates, result.Errors));
    }
}
