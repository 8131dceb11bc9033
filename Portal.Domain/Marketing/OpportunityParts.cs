using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Marketing;

/// <summary>A product the customer is interested in, at the price quoted when the opportunity was registered.</summary>
public sealed record InterestedLine(string Sku, string Name, int Quantity, Money UnitPrice)
{
    public static InterestedLine From(CartItem item) => new(
        item.Product.Sku,
        item.Product.Name,
        Require.PositiveQuantity(item.Quantity, "opportunity.invalid_quantity"),
        item.Product.Price);
}

/// <param name="RequestId">The client's id for this attempt, so a repeat of the same click is recognised on any node.</param>
public sealed record ContactAttempt(DateTime AtUtc, string By, ContactOutcome Outcome, string? Note, Guid? RequestId = null);

public sealed record OpportunityTimelineEntry(
    DateTime AtUtc, string Actor, OpportunityStatus? FromStatus, OpportunityStatus ToStatus, string? Reason);

public sealed record OpportunityRegistered(string OpportunityNumber, ContactChannel Channel, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record OpportunityClaimed(string OpportunityNumber, string ClaimedBy, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record OpportunityConverted(string OpportunityNumber, string OrderNumber, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record OpportunityWentOverdue(string OpportunityNumber, string? ClaimedBy, DateTime OccurredAtUtc) : IDomainEvent;

public sealed record OpportunityLost(string OpportunityNumber, string Reason, DateTime OccurredAtUtc) : IDomainEvent;
