namespace Portal.E2E.Pages;

/// <summary>A seeded demo user and the one area of the portal its role works in.</summary>
public sealed record DemoUser(string Role, string Email, string Href, string EnglishTitle, string ChineseTitle, params string[] SharedHrefs)
{
    /// <summary>The role's own area plus the areas it shares with other roles (e.g. orders for reps and back office).</summary>
    public int MenuCount => 1 + SharedHrefs.Length;

    public override string ToString() => Role; // readable Theory case names
}

/// <summary>The demo users the app seeds in Development (password <see cref="Password"/>).</summary>
public static class DemoUsers
{
    public const string Password = "Demo!2345";

    public static readonly DemoUser Rep = new("Rep", "rep@portal.local", "rep", "Rep workspace", "客服工作台", "orders/new", "orders", "rep/tasks");
    public static readonly DemoUser BackOffice = new("BackOffice", "backoffice@portal.local", "backoffice", "Opportunity queue", "商机队列", "orders/new", "orders", "finance/refunds");
    public static readonly DemoUser Dispatcher = new("Dispatcher", "dispatcher@portal.local", "dispatch", "Dispatch", "配送调度", "dispatch/kpis");
    public static readonly DemoUser Courier = new("Courier", "courier@portal.local", "courier", "My deliveries", "我的配送");
    public static readonly DemoUser Cashier = new("Cashier", "cashier@portal.local", "cashier", "Station cashier", "网点收银");
    public static readonly DemoUser Finance = new("Finance", "finance@portal.local", "finance", "Finance audit", "财务稽核", "finance/ledger", "finance/refunds", "finance/reports");
    public static readonly DemoUser Admin = new("Admin", "admin@portal.local", "admin", "Administration", "系统管理", "dispatch/kpis", "admin/overview");

    public static readonly DemoUser Supervisor = new("Supervisor", "supervisor@portal.local", "admin/overview", "Overview", "运营总览", "rep/tasks");

    public static readonly IReadOnlyList<DemoUser> All = [Rep, BackOffice, Dispatcher, Courier, Cashier, Finance, Admin, Supervisor];

    public static TheoryData<string> Roles => new(All.Select(u => u.Role));

    public static DemoUser ForRole(string role) => All.Single(u => u.Role == role);
}
