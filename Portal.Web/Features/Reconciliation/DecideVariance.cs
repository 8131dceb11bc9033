using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Reconciliation;

/// <summary>Four eyes: a Finance approver who neither raised nor counted the difference approves it or sends it back.</summary>
public static class DecideVariance
{
    [AuthorizeRequest(Roles.Finance)]
    public sealed record Command(Guid VarianceId, bool Approve, string? Note = null) : ICommand<string>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).MaximumLength(500);
            RuleFor(c => c.Note).NotEmpty().When(c => !c.Approve).WithMessage("Say why it goes back.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var variance = await db.AuditVariances.FirstOrDefaultAsync(v => v.Key == request.VarianceId, cancellationToken)
                ?? throw new NotFoundException("Variance");
            if (request.Approve)
            {
                variance.Approve(user.Actor, clock.UtcNow, request.Note);
            }
            else
            {
                variance.Reject(user.Actor, request.Note!, clock.UtcNow);
            }

            return variance.Status.ToString();
        }
    }
}
