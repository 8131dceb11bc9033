using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Identity;
using Portal.Web.Components.Layout;

namespace Portal.Tests.Components;

/// <summary>The app bar's language switch and the drawer's role menu.</summary>
public sealed class ShellComponentTests : PortalComponentTest
{
    [Theory]
    [InlineData(Roles.Rep, new[] { "rep", "orders/new", "orders", "rep/tasks" })]
    [InlineData(Roles.BackOffice, new[] { "backoffice", "orders/new", "orders", "finance/refunds" })]
    [InlineData(Roles.Courier, new[] { "courier" })]
    [InlineData(Roles.Finance, new[] { "finance", "finance/ledger", "finance/refunds", "finance/reports" })]
    [InlineData(Roles.Supervisor, new[] { "admin/overview", "rep/tasks" })]
    public void The_menu_lists_only_the_areas_of_the_users_role(string role, string[] hrefs)
    {
        var auth = Context.AddAuthorization();
        auth.SetAuthorized("someone@portal.local");
        auth.SetRoles(role);

        var menu = Render<NavMenu>();

        Assert.Equal(hrefs, menu.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_orders_entry_is_not_highlighted_on_the_new_order_page()
    {
        var auth = Context.AddAuthorization();
        auth.SetAuthorized("rep@portal.local");
        auth.SetRoles(Roles.Rep);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("orders/new");

        var menu = Render<NavMenu>();

        var active = menu.FindAll("a.active").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["orders/new"], active);
    }

    [Fact]
    public void An_anonymous_visitor_gets_no_menu()
    {
        Context.AddAuthorization();

        Assert.Empty(Render<NavMenu>().FindAll("a"));
    }

    [Theory]
    [InlineData("en", "简体中文", "zh-CN")]
    [InlineData("zh-CN", "English", "en")]
    public void The_language_switch_offers_the_other_language_in_its_own_words_and_comes_back_to_the_same_page(string current, string label, string target)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(current);
        try
        {
            Context.SetRendererInfo(new RendererInfo("Static", isInteractive: false)); // e.g. the sign-in page
            Context.Services.GetRequiredService<NavigationManager>().NavigateTo("orders?status=New");

            var link = Render<LanguageSwitch>().Find("[data-testid=language-switch]");

            Assert.Equal(label, link.TextContent.Trim());
            Assert.Equal($"culture?culture={target}&returnUrl=%2Forders%3Fstatus%3DNew", link.GetAttribute("href"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void In_the_circuit_the_language_switch_reloads_the_page_through_the_culture_endpoint()
    {
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("rep");

        Render<LanguageSwitch>().Find("[data-testid=language-switch]").Click();

        Assert.EndsWith("/culture?culture=zh-CN&returnUrl=%2Frep", navigation.Uri);
    }
}
