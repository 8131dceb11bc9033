using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Infrastructure.Identity;
using Portal.Tests.Infrastructure;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Admin.Users;
using static Portal.Tests.Components.OpportunityActionsTests;

namespace Portal.Tests.Components.Admin;

/// <summary>The roles dialog of /admin/users, in both languages: the last administrator is told why the Admin role stays.</summary>
public sealed class AccessChoicesDialogTests
{
    [Theory]
    [InlineData("en", "Admin", "You are the last administrator")]
    [InlineData("zh-CN", "管理员", "您是最后一位管理员")]
    public async Task The_last_administrator_unticking_admin_reads_why_in_the_dialog_and_keeps_the_role(string culture, string adminLabel, string message)
    {
        await using var host = await PortalHost.StartAsync();
        var admin = await host.PrincipalFor("admin@portal.local");
        var adminId = await host.UserIdOf("admin@portal.local");
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            await using var context = new PortalComponentContext(host, admin);
            var l = UserAdministrationTests.Localizer(context);
            var actions = context.Render<UserActions>(p => p.Add(a => a.User, new ListUsers.Row(adminId, "admin@portal.local", "Admin", ["Admin"], false, false, null)));
            Assert.NotNull(actions.Find("[data-testid='user-roles-admin@portal.local']"));
            var dialogs = context.Render<MudDialogProvider>();

            var shown = dialogs.InvokeAsync(() => ChoicesDialog.ShowAsync(
                context.Services.GetRequiredService<IDialogService>(), l["Change roles"], l["Choose the roles of {0}. The change counts from their next step.", "admin@portal.local"],
                [.. Roles.Staff.Select(r => (r, l["Role." + r].Value))], ["Admin"],
                roles => host.Send(new ChangeUserRoles.Command(adminId, roles), admin)));
            Assert.Contains(adminLabel, dialogs.Find("[data-testid=choices]").TextContent);
            await Field(dialogs, "choice-Admin").ChangeAsync(new ChangeEventArgs { Value = false });
            await Field(dialogs, "choice-Rep").ChangeAsync(new ChangeEventArgs { Value = true });
            await dialogs.Find("[data-testid=choices-save]").ClickAsync(new MouseEventArgs());

            dialogs.WaitForAssertion(() => Assert.Contains(message, dialogs.Find("[data-testid=choices-error]").TextContent));
            Assert.False(shown.IsCompleted);
            Assert.Equal(["Admin"], (await host.Send(new ListUsers.Query("admin@portal.local"), admin)).Items.Single().Roles);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
