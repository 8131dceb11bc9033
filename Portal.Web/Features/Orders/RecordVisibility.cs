using Portal.Domain.Marketing;
using Portal.Domain.Orders;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>
/// Who may read which order or opportunity, in one place, so every query that answers with one (GetOrder, GetOrderStatus,
/// GetOpportunity, the API) hides the same records: the back office reads every opportunity, anyone else the ones they
/// registered; staff read every order, an integration client only the orders it placed. Hidden reads as not found.
/// </summary>
public static class RecordVisibility
{
    public static IQueryable<Order> VisibleTo(this IQueryable<Order> orders, ICurrentUser user)
    {
        if (!user.IsInRole(Roles.Integration))
        {
            return orders;
        }

        var me = user.Name;
        return orders.Where(o => o.CreatedBy == me);
    }

    public static IQueryable<Opportunity> VisibleTo(this IQueryable<Opportunity> opportunities, ICurrentUser user)
    {
        if (user.IsInRole(Roles.BackOffice) && !user.IsInRole(Roles.Integration))
        {
            return opportunities;
        }

        var me = user.Name;
        return opportunities.Where(o => o.CreatedBy == me);
    }
}
