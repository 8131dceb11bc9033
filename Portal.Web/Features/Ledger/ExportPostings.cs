using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Ledger;

/// <summary>
/// The ledger entries the finance screen lists, as CSV for a spreadsheet. A text cell that a spreadsheet would run
/// as a formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe, so a description can never
/// become a formula on the auditor's machine.
/// </summary>
public static class ExportPostings
{
    public const string Route = "/finance/ledger/entries.csv";

    /// <summary>One export is at most this many entries; a longer period is exported in parts.</summary>
    public const int MaxRows = 50_000;

    [AuthorizeRequest(Roles.Finance)]
    public sealed record Query(string? Account, DateOnly? From, DateOnly? To) : IRequest<string>;

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query request, CancellationToken cancellationToken)
        {
            var rows = await ListPostings.Filter(db, new ListPostings.Query(request.Account, request.From, request.To))
                .Take(MaxRows + 1).ToListAsync(cancellationToken);
            if (rows.Count > MaxRows)
            {
                throw RequestValidationException.For("To", "Choose a shorter period: one export holds at most 50000 entries.");
            }

            var csv = new StringBuilder("posted_at_china,kind,description,order,account,account_name,debit,credit,posted_by\r\n");
            var name = await PeopleNames.NamerAsync(db, rows.Select(r => r.PostedBy), cancellationToken);
            foreach (var row in rows.Select(r => ListPostings.ToRow(r with { PostedBy = name(r.PostedBy)! })))
            {
                csv.AppendJoin(',', [
                    Portal.Domain.Shared.ChinaTime.Format(row.PostedAtUtc), Cell(row.Kind), Cell(row.Description), Cell(row.OrderNumber), Cell(row.AccountCode),
                    Cell(row.AccountName), row.Debit.ToString("0.00", CultureInfo.InvariantCulture), row.Credit.ToString("0.00", CultureInfo.InvariantCulture),
                    Cell(row.PostedBy)]).Append("\r\n");
            }

            return csv.ToString();
        }
    }

    /// <summary>A quoted CSV text cell, defused if a spreadsheet would read it as a formula.</summary>
    public static string Cell(string? text)
    {
        var value = text ?? "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static IEndpointRouteBuilder MapLedgerExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, async (HttpContext http, ScopedSender sender, string? account, DateOnly? from, DateOnly? to, CancellationToken ct) =>
            {
                var csv = await sender.Send(new Query(account, from, to), http.User, ct);
                return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "ledger-entries.csv");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Finance))
            .ExcludeFromDescription();
        return endpoints;
    }
}
