using MudBlazor;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Components.Layout;

/// <summary>
/// The areas of the portal and which roles use them. The menu shows only these for the user's roles;
/// each page also carries [Authorize(Roles = ...)], which is what the server enforces.
/// </summary>
public static class Navigation
{
    public sealed record Area(string Href, string Title, string Icon /* MudBlazor SVG */, params string[] Roles)
    {
        /// <summary>"orders" must not light up on "orders/new", which has its own entry.</summary>
        public bool MatchesExactly => Areas.Any(other => other != this && other.Href.StartsWith(Href + "/", StringComparison.Ordinal));
    }

    public static readonly IReadOnlyList<Area> Areas =
    [
        new("rep", "Rep workspace", Icons.Material.Filled.SupportAgent, Roles.Rep),
        new("backoffice", "Opportunity queue", Icons.Material.Filled.AssignmentInd, Roles.BackOffice),
        new("dispatch", "Dispatch", Icons.Material.Filled.LocalShipping, Roles.Dispatcher),
        new("courier", "My deliveries", Icons.Material.Filled.DeliveryDining, Roles.Courier),
        new("cashier", "Station cashier", Icons.Material.Filled.PointOfSale, Roles.Cashier),
        new("finance", "Finance audit", Icons.Material.Filled.AccountBalance, Roles.Finance),
        new("admin", "Administration", Icons.Material.Filled.AdminPanelSettings, Roles.Admin),
        new("orders/new", "New order", Icons.Material.Filled.AddShoppingCart, Roles.Rep, Roles.BackOffice),
        new("orders", "Orders", Icons.Material.Filled.ReceiptLong, Roles.Rep, Roles.BackOffice),
        new("dispatch/kpis", "Delivery KPIs", Icons.Material.Filled.Insights, Roles.Dispatcher, Roles.Admin),
        new("finance/ledger", "Ledger", Icons.Material.Filled.MenuBook, Roles.Finance),
        new("finance/refunds", "Refund approvals", Icons.Material.Filled.Approval, Roles.Finance, Roles.BackOffice),
        new("admin/overview", "Overview", Icons.Material.Filled.Dashboard, Roles.Supervisor, Roles.Admin),
        new("rep/tasks", "Key-moment tasks", Icons.Material.Filled.NotificationsActive, Roles.Rep, Roles.Supervisor),
        new("finance/reports", "Reconciliation report", Icons.Material.Filled.Assessment, Roles.Finance),
    ];

    public static IEnumerable<Area> For(System.Security.Claims.ClaimsPrincipal user) =>
        Areas.Where(a => a.Roles.Any(user.IsInRole));
}
