using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Common;

/// <summary>
/// Timelines record who acted by their account (its sign-in name, or its id); pages show that person's current display
/// name, so a renamed colleague reads correctly on every record at once. An actor that is no account (an API client,
/// the system) shows as recorded.
/// </summary>
public static class PeopleNames
{
    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(PortalDbContext db, IEnumerable<string?> actors, CancellationToken cancellationToken)
    {
        var recorded = actors.OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var normalized = recorded.Select(a => a.ToUpperInvariant()).ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => recorded.Contains(u.Id) || normalized.Contains(u.NormalizedUserName!))
            .Select(u => new { u.Id, u.NormalizedUserName, u.DisplayName })
            .ToListAsync(cancellationToken);
        return recorded.ToDictionary(
            actor => actor,
            actor => people.FirstOrDefault(p => p.Id == actor || p.NormalizedUserName == actor.ToUpperInvariant()) is { DisplayName.Length: > 0 } person
                ? person.DisplayName
                : actor,
            StringComparer.Ordinal);
    }
}
