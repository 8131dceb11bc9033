using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Users;

/// <summary>Every staff account with its roles, state and last sign-in, for /admin/users.</summary>
public static class ListUsers
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(string UserId, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, DateTime? LastSignInAtUtc);

    internal sealed class Handler(PortalDbContext db, TimeProvider time) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var users = await db.Users.AsNoTracking()
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.LastSignInAtUtc })
                .ToListAsync(cancellationToken);
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken);
            return users
                .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
                .Select(u => new Row(
                    u.Id,
                    u.Email ?? "",
                    u.DisplayName,
                    roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
                    u.IsDisabled,
                    !u.IsDisabled && u.LockoutEnd > now,
                    u.LastSignInAtUtc))
                .ToList();
        }
    }
}
