using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Opportunities;

/// <summary>
/// The customer will not buy (or the opportunity is a duplicate): close it for good with a reason. A claimed
/// opportunity can be closed only by its claimant; an unclaimed one by any back-office user.
/// </summary>
public static class CloseOpportunityAsLost
{
    [AuthorizeRequest(Roles.BackOffice)]
    public sealed record Command(string Number, string? Reason) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Number).NotEmpty().WithMessage("Opportunity number is required.");
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Reason is required.")
                .MaximumLength(500).WithMessage("Reason must be at most 500 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var number = request.Number.Trim().ToUpperInvariant();
            var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Number == number, cancellationToken)
                ?? throw new NotFoundException($"Opportunity {number}");
            opportunity.CloseAsLost(request.Reason!, user.Actor, clock.UtcNow);
            return Unit.Value;
        }
    }
}
