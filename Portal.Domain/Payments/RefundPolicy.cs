using Portal.Domain.Shared;

namespace Portal.Domain.Payments;

/// <summary>Refunds above <see cref="SecondApprovalAbove"/> need a second person's approval (four eyes).</summary>
public sealed record RefundPolicy(Money SecondApprovalAbove)
{
    public bool NeedsSecondApproval(Money amount) => amount > SecondApprovalAbove;
}
