using System.Globalization;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Ledger;

namespace Portal.Web.Api;

/// <summary>The ledger for the finance systems: only clients holding the "finance" scope.</summary>
public static class LedgerEndpoints
{
    public sealed record TrialBalanceDto(string Date, IReadOnlyList<AccountDto> Accounts, decimal TotalDebit, decimal TotalCredit);

    public sealed record AccountDto(string Code, string Name, decimal Debit, decimal Credit, decimal Balance);

    public static void MapLedgerEndpoints(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/ledger").RequireAuthorization(p => p.RequireClaim(ApiScopes.ClaimType, ApiScopes.Finance));

        ledger.MapGet("/trial-balance", async (string? date, HttpContext http, ScopedSender sender, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["date"] = ["date must be a day as YYYY-MM-DD."] });
                }

                var balance = await sender.Send(new GetTrialBalance.Query(day), http.User, ct);
                return TypedResults.Ok(new TrialBalanceDto(
                    balance.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    [.. balance.Accounts.Select(a => new AccountDto(a.Code, a.Name, a.Debit, a.Credit, a.Balance))],
                    balance.TotalDebit,
                    balance.TotalCredit));
            })
            .WithName("GetTrialBalance")
            .WithSummary("Debits, credits and balance of every ledger account up to the end of a China business day (scope finance).")
            .Produces<TrialBalanceDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
