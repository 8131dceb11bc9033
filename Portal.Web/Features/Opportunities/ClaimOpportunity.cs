using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Opportunities;

/// <summary>A back-office user takes an opportunity to follow it up; nobody else can then work it.</summary>
public static class ClaimOpportunity
{
    [AuthorizeRequest(Roles.BackOffice)]
    public sealed record Command(string Number) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Number).NotEmpty().WithMessage("Opportunity number is required.");
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var number = request.Number.Trim().ToUpperInvariant();
            // Commands run in an immediate transaction: a second claimant waits until the first commits, then reads
            // the opportunity as claimed here and the domain refuses it ("Already claimed by ...").
            var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Number == number, cancellationToken)
                ?? throw new NotFoundException($"Opportunity {number}");
            opportunity.Claim(user.Actor, clock.UtcNow);
            return Unit.Value;
        }
    }
}
