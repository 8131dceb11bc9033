using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Marketing;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common;
using Portal.Web.Common.Security;
using Portal.Web.Features.Orders;

namespace Portal.Web.Features.Opportunities;

/// <summary>
/// One opportunity in full. The back office calls the customer back, so it sees the full phone number and every
/// opportunity; a rep sees only the opportunities they registered, with the phone number masked.
/// </summary>
public static class GetOpportunity
{
    [AuthorizeRequest(Roles.BackOffice, Roles.Rep)]
    public sealed record Query(string Number) : IRequest<Detail>;

    public sealed record Detail(
        string Number,
        long CustomerId,
        string CustomerName,
        string Phone,
        DateTime PreferredAtUtc,
        ContactChannel Channel,
        string? Note,
        OpportunityStatus Status,
        string? ClaimedBy,
        bool ClaimedByYou,
        bool IsOverdue,
        string? ConvertedOrderNumber,
        string? LostReason,
        DateTime CreatedAtUtc,
        string CreatedBy,
        IReadOnlyList<Line> Lines,
        IReadOnlyList<Contact> Contacts,
        IReadOnlyList<Step> Timeline,
        string? ClaimedByName = null)
    {
        public bool IsOpen => Status is OpportunityStatus.New or OpportunityStatus.Claimed;
    }

    public sealed record Line(string Sku, string Name, int Quantity, Money UnitPrice)
    {
        public Money Total => UnitPrice * Quantity;
    }

    public sealed record Contact(DateTime AtUtc, string By, ContactOutcome Outcome, string? Note);

    /// <param name="ActorName">The current display name of <paramref name="Actor"/>, for pages.</param>
    public sealed record Step(DateTime AtUtc, string Actor, OpportunityStatus? From, OpportunityStatus To, string? Reason, string? ActorName = null);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Number).NotEmpty().WithMessage("Opportunity number is required.");
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, IOptions<OpportunityOptions> options)
        : IRequestHandler<Query, Detail>
    {
        public async Task<Detail> Handle(Query request, CancellationToken cancellationToken)
        {
            var number = request.Number.Trim().ToUpperInvariant();
            var backOffice = user.IsInRole(Roles.BackOffice);
            var me = user.Actor;
            var o = await db.Opportunities.AsNoTracking().AsSplitQuery().VisibleTo(user)
                .Where(x => x.Number == number)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"Opportunity {number}");
            var names = await PeopleNames.ForAsync(db, o.Timeline.Select(e => e.Actor).Concat(o.ContactAttempts.Select(a => a.By)).Append(o.ClaimedBy).Append(o.CreatedBy), cancellationToken);

            return new Detail(
                o.Number,
                o.CustomerId,
                o.CustomerName,
                backOffice ? o.Phone.Value : o.Phone.Masked,
                Utc(o.PreferredAtUtc),
                o.PreferredChannel,
                o.Note,
                o.Status,
                o.ClaimedBy,
                o.Status == OpportunityStatus.Claimed && o.ClaimedBy == me,
                o.IsOverdue(clock.UtcNow, options.Value.ContactWithin),
                o.ConvertedOrderNumber,
                o.LostReason,
                Utc(o.CreatedAtUtc),
                names[o.CreatedBy],
                o.InterestedLines.Select(l => new Line(l.Sku, l.Name, l.Quantity, l.UnitPrice)).ToList(),
                o.ContactAttempts.OrderBy(a => a.AtUtc).Select(a => new Contact(Utc(a.AtUtc), names[a.By], a.Outcome, a.Note)).ToList(),
                o.Timeline.OrderBy(e => e.AtUtc).Select(e => new Step(Utc(e.AtUtc), e.Actor, e.FromStatus, e.ToStatus, e.Reason, names[e.Actor])).ToList(),
                o.ClaimedBy is { } claimant ? names[claimant] : null);
        }

        // SQLite hands dates back without a kind; they were stored as UTC.
        private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }
}
