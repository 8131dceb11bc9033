using Portal.Domain.Marketing;
using Portal.Domain.Orders;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>
/// Who may read which order or opportunity, in one place, so every query that answers with one (GetOrder, GetOrderStatus,
/// GetOpportunity, the API) hides the same records: the back office reads every opportunity, anyone else the ones they
/// registered; every role allowed to ask reads every order (channels take payment links for orders a rep placed).
/// Hidden reads as not found.
/// </summary>
public static class RecordVisibility
{
    /// <summary>Orders have no per-owner rule yet; the seam is here so the next one lands in every query at once.</summary>
    public static IQueryable<Order> VisibleTo(this IQueryable<Order> orders, ICurrentUser user) => orders;

    public static IQueryable<Opportunity> VisibleTo(this IQueryable<Opportunity> opportunities, ICurrentUser user)
    {
        if (user.IsInRole(Roles.BackOffice) && !user.IsInRole(Roles.Integration))
        {
            return opportunities;
        }

        var me = user.Actor;
        return opportunities.Where(o => o.CreatedBy == me);
    }
}
