using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Users;

/// <summary>Staff accounts with their roles, state and last sign-in, one page at a time, for /admin/users.</summary>
public static class ListUsers
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Query(string? Text = null, ListRequest? Page = null) : IRequest<ListPage<Row>>;

    public sealed record Row(string UserId, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, DateTime? LastSignInAtUtc);

    public static SortColumns<PortalUser> Sort { get; } = new SortColumns<PortalUser>()
        .Add(nameof(Row.Email), u => u.NormalizedEmail)
        .Add(nameof(Row.DisplayName), u => u.DisplayName)
        .Add(nameof(Row.IsDisabled), u => u.IsDisabled)
        .Add(nameof(Row.LastSignInAtUtc), u => u.LastSignInAtUtc);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Text).MaximumLength(100).WithMessage("Search must be at most 100 characters.");
    }

    internal sealed class Handler(PortalDbContext db, TimeProvider time) : IRequestHandler<Query, ListPage<Row>>
    {
        public async Task<ListPage<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var users = db.Users.AsNoTracking();
            if (request.Text?.Trim() is { Length: > 0 } text)
            {
                var upper = text.ToUpperInvariant();
                users = users.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
            }

            var page = request.Page ?? new ListRequest();
            var found = await Sort.Apply(users, page, q => q.OrderBy(u => u.NormalizedEmail), nameof(Row.Email))
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.LastSignInAtUtc })
                .ToListPageAsync(page, cancellationToken);
            var ids = found.Items.Select(u => u.Id).ToList();
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken);
            var rows = found.Items.Select(u => new Row(
                    u.Id,
                    u.Email ?? "",
                    u.DisplayName,
                    roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
                    u.IsDisabled,
                    // LockoutEnd is compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
                    !u.IsDisabled && u.LockoutEnd > now,
                    u.LastSignInAtUtc))
                .ToList();
            return new ListPage<Row>(rows, found.Total);
        }
    }
}
