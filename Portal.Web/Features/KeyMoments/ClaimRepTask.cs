using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.KeyMoments;

/// <summary>A rep takes a task to call the customer; no other rep can then take it, so nobody is called twice for one moment.</summary>
public static class ClaimRepTask
{
    [AuthorizeRequest(Roles.Rep)]
    public sealed record Command(long TaskId) : ICommand<Unit>;

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            // SQLite: the immediate transaction queues the second claimant, who then reads the task as taken.
            // PostgreSQL: both read it open; the row version fails the later write, the retry reads it taken.
            var task = await db.RepTasks.FirstOrDefaultAsync(t => t.Id == request.TaskId, cancellationToken)
                ?? throw new NotFoundException($"Task {request.TaskId}");
            task.Claim(user.Actor, clock.UtcNow);
            return Unit.Value;
        }
    }
}
