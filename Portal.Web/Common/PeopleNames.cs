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

    /// <summary>The actor recorded for what a person typed (a sign-in name or e-mail): that account's id, else the text as typed.</summary>
    public static async Task<string> ActorOfAsync(PortalDbContext db, string typed, CancellationToken cancellationToken)
    {
        var normalized = typed.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName == normalized || u.NormalizedEmail == normalized)
            .Select(u => u.Id)
            .FirstOrDefaultAsync(cancellationToken) ?? typed.Trim();
    }

    /// <summary>Replaces recorded actors by current display names, for read models built from several records.</summary>
    public static async Task<Func<string?, string?>> NamerAsync(PortalDbContext db, IEnumerable<string?> actors, CancellationToken cancellationToken)
    {
        var names = await ForAsync(db, actors, cancellationToken);
        return actor => actor is not null && names.TryGetValue(actor, out var name) ? name : actor;
    }
}
