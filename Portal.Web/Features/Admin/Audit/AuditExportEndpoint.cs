using System.Globalization;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;

namespace Portal.Web.Features.Admin.Audit;

/// <summary>GET /admin/audit/export: the filtered audit trail as a CSV download, for administrators signed in to the portal.</summary>
public static class AuditExportEndpoint
{
    public const string Route = "/admin/audit/export";

    public static void MapAuditExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, async (string? user, long? customer, string? from, string? to, HttpContext http, ScopedSender sender, CancellationToken ct) =>
        {
            if (!TryDate(from, out var fromDate) || !TryDate(to, out var toDate))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["Dates are written yyyy-MM-dd."] });
            }

            try
            {
                var trail = await sender.Send(new AuditTrail.Query(user, null, fromDate, toDate, customer), http.User, ct);
                return Results.File(AuditTrail.ToCsv(trail.Entries), "text/csv; charset=utf-8", "audit-trail.csv");
            }
            catch (RequestValidationException ex)
            {
                return Results.ValidationProblem(ex.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
            }
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin));

    public static string Link(string? user, long? customer, DateOnly? from, DateOnly? to)
    {
        var query = new Dictionary<string, string?>
        {
            ["user"] = user, ["customer"] = customer?.ToString(CultureInfo.InvariantCulture),
            ["from"] = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Route, query.Where(q => !string.IsNullOrWhiteSpace(q.Value)));
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
