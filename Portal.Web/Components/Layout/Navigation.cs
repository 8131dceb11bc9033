using Portal.Infrastructure.Identity;

namespace Portal.Web.Components.Layout;

/// <summary>
/// The areas of the portal and which roles use them. The menu shows only these for the user's roles;
/// each page also carries [Authorize(Roles = ...)], which is what the server enforces.
/// </summary>
public static class Navigation
{
    public sealed record Area(string Href, string Title, string Icon, params string[] Roles)
    {
        /// <summary>"orders" must not light up on "orders/new", which has its own entry.</summary>
        public bool MatchesExactly => Areas.Any(other => other != this && other.Href.StartsWith(Href + "/", StringComparison.Ordinal));
    }

    public static readonly IReadOnlyList<Area> Areas =
    [
        new("rep", "Rep workspace", "support_agent", Roles.Rep),
        new("backoffice", "Opportunity queue", "assignment_ind", Roles.BackOffice),
        new("dispatch", "Dispatch", "local_shipping", Roles.Dispatcher),
        new("courier", "My deliveries", "delivery_dining", Roles.Courier),
        new("cashier", "Station cashier", "point_of_sale", Roles.Cashier),
        new("finance", "Finance audit", "account_balance", Roles.Finance),
        new("admin", "Administration", "admin_panel_settings", Roles.Admin),
        new("orders/new", "New order", "add_shopping_cart", Roles.Rep, Roles.BackOffice),
        new("orders", "Orders", "receipt_long", Roles.Rep, Roles.BackOffice),
    ];

    public static IEnumerable<Area> For(System.Security.Claims.ClaimsPrincipal user) =>
        Areas.Where(a => a.Roles.Any(user.IsInRole));
}
