using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Infrastructure.Identity;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Admin.Users;
using static Portal.Tests.Components.OpportunityActionsTests;

namespace Portal.Tests.Components.Admin;

/// <summary>The /admin/users components against the real rules: what each account offers, creating one, resetting a password.</summary>
public sealed class UserAdministrationTests(PortalHostFixture fixture) : PortalComponentTest, IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private static ListUsers.Row Row(bool disabled = false, bool lockedOut = false) =>
        new("u1", "someone@example.com", "某人", ["Rep"], disabled, lockedOut, null);

    [Fact]
    public void An_active_account_offers_disable_roles_and_reset_but_not_unlock_or_enable()
    {
        var actions = Render<UserActions>(p => p.Add(a => a.User, Row()));

        Assert.Equal(
            ["user-disable-someone@example.com", "user-roles-someone@example.com", "user-reset-someone@example.com"],
            actions.FindAll("button").Select(b => b.GetAttribute("data-testid")));
    }

    [Fact]
    public void A_locked_out_account_offers_unlock_and_a_disabled_one_offers_enable_instead_of_disable()
    {
        var locked = Render<UserActions>(p => p.Add(a => a.User, Row(lockedOut: true)));
        var disabled = Render<UserActions>(p => p.Add(a => a.User, Row(disabled: true)));

        Assert.NotNull(locked.Find("[data-testid='user-unlock-someone@example.com']"));
        Assert.NotNull(disabled.Find("[data-testid='user-enable-someone@example.com']"));
        Assert.Empty(disabled.FindAll("[data-testid='user-disable-someone@example.com']"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_at_the_password_field_and_no_account_is_created()
    {
        await using var context = new PortalComponentContext(Host, await Host.PrincipalFor("admin@portal.local"));
        var created = new List<string>();
        var form = context.Render<UserCreateForm>(p => p.Add(f => f.Created, e => created.Add(e)));
        var email = $"weak-{Guid.NewGuid():N}@example.com";

        await Field(form, "user-email").ChangeAsync(new ChangeEventArgs { Value = email });
        await Field(form, "user-password").ChangeAsync(new ChangeEventArgs { Value = "short" });
        await form.InvokeAsync(() => form.FindComponent<MudSelect<string>>().Instance.SelectedValuesChanged.InvokeAsync([Roles.Courier]));
        await form.Find("[data-testid=user-create-submit]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Contains(form.FindAll(".mud-input-helper-text.mud-input-error"), e => e.TextContent.Contains("at least 8 characters")));
        Assert.Empty(form.FindAll("[data-testid=user-create-error]"));
        Assert.Empty(created);
        Assert.False(await Host.WithDb(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_new_user_is_created_with_the_chosen_roles_and_reported_by_email()
    {
        await using var context = new PortalComponentContext(Host, await Host.PrincipalFor("admin@portal.local"));
        var created = new List<string>();
        var form = context.Render<UserCreateForm>(p => p.Add(f => f.Created, e => created.Add(e)));
        var email = $"rep-{Guid.NewGuid():N}@example.com";

        await Field(form, "user-email").ChangeAsync(new ChangeEventArgs { Value = email });
        await Field(form, "user-name").ChangeAsync(new ChangeEventArgs { Value = "新客服" });
        await Field(form, "user-password").ChangeAsync(new ChangeEventArgs { Value = "Rep-Passw0rd!" });
        await form.InvokeAsync(() => form.FindComponent<MudSelect<string>>().Instance.SelectedValuesChanged.InvokeAsync([Roles.Rep, Roles.BackOffice]));
        await form.Find("[data-testid=user-create-submit]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Equal([email], created));
        var row = (await Host.Send(new ListUsers.Query(email), await Host.PrincipalFor("admin@portal.local"))).Items.Single();
        Assert.Equal("新客服", row.DisplayName);
        Assert.Equal(["BackOffice", "Rep"], row.Roles);
    }

    [Fact]
    public async Task Resetting_a_password_keeps_the_dialog_open_on_a_weak_one_and_sets_a_strong_one()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var email = $"reset-{Guid.NewGuid():N}@example.com";
        var user = await Host.Send(new CreateUser.Command(email, null, ["Courier"], "Old-Passw0rd!"), admin);
        await using var context = new PortalComponentContext(Host, admin);
        var dialogs = context.Render<MudDialogProvider>();
        var row = (await Host.Send(new ListUsers.Query(email), admin)).Items.Single();

        var reset = dialogs.InvokeAsync(() => ResetPasswordDialog.ShowAsync(context.Services.GetRequiredService<IDialogService>(), Localizer(context), row));
        await Field(dialogs, "reset-password").ChangeAsync(new ChangeEventArgs { Value = "weak" });
        await dialogs.Find("[data-testid=reset-password-submit]").ClickAsync(new MouseEventArgs());

        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll(".mud-input-helper-text.mud-input-error"), e => e.TextContent.Contains("at least 8 characters")));
        Assert.False(reset.IsCompleted);

        await Field(dialogs, "reset-password").ChangeAsync(new ChangeEventArgs { Value = "New-Passw0rd!" });
        await dialogs.Find("[data-testid=reset-password-submit]").ClickAsync(new MouseEventArgs());

        Assert.True(await reset);
        var passwordWorks = false;
        await Host.WithUsers(async users => passwordWorks = await users.CheckPasswordAsync((await users.FindByIdAsync(user.UserId))!, "New-Passw0rd!"));
        Assert.True(passwordWorks);
    }

    internal static Microsoft.Extensions.Localization.IStringLocalizer<Portal.Web.SharedResource> Localizer(BunitContext context) =>
        context.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Portal.Web.SharedResource>>();
}
