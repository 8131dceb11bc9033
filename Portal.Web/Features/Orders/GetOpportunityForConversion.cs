using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Marketing;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>
/// What order entry needs to prefill an order from an opportunity the back office is converting: who the
/// customer is and what they were interested in. Everything else is decided again on the call.
/// </summary>
public static class GetOpportunityForConversion
{
    [AuthorizeRequest(Roles.BackOffice)]
    public sealed record Query(string Number) : IRequest<Opportunity>;

    /// <summary><see cref="ClaimedByYou"/> tells the page whether converting will be accepted.</summary>
    public sealed record Opportunity(string Number, string Phone, string CustomerName, string Status, bool ClaimedByYou, IReadOnlyList<Line> Lines);

    public sealed record Line(string Sku, int Quantity);

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Opportunity>
    {
        public async Task<Opportunity> Handle(Query request, CancellationToken cancellationToken)
        {
            var number = (request.Number ?? "").Trim().ToUpperInvariant();
            var opportunity = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Number == number, cancellationToken)
                ?? throw new NotFoundException($"Opportunity {number}");
            return new Opportunity(
                opportunity.Number,
                opportunity.Phone.Value,
                opportunity.CustomerName,
                opportunity.Status.ToString(),
                opportunity.Status == OpportunityStatus.Claimed && opportunity.ClaimedBy == user.Actor,
                opportunity.InterestedLines.Select(l => new Line(l.Sku, l.Quantity)).ToList());
        }
    }
}
