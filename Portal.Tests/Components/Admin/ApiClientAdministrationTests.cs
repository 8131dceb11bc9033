using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Infrastructure.Identity;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Admin.ApiClients;
using static Portal.Tests.Components.OpportunityActionsTests;

namespace Portal.Tests.Components.Admin;

/// <summary>The /admin/api-clients components: a client is created with its scopes, its key shown once and copyable.</summary>
public sealed class ApiClientAdministrationTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_client_without_scopes_is_refused_at_the_scopes_and_nothing_is_stored()
    {
        await using var context = new PortalComponentContext(Host, await Host.PrincipalFor("admin@portal.local"));
        var created = new List<CreateApiClient.Result>();
        var form = context.Render<ApiClientCreateForm>(p => p.Add(f => f.Created, r => created.Add(r)));
        var name = $"noscope-{Guid.NewGuid():N}"[..20];

        await Field(form, "api-client-name").ChangeAsync(new ChangeEventArgs { Value = name });
        await Field(form, "api-client-scope-intake").ChangeAsync(new ChangeEventArgs { Value = false });
        await form.Find("[data-testid=api-client-create-submit]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Contains("at least one scope", form.Find("[data-testid=api-client-scopes] .portal-field-error").TextContent));
        Assert.Empty(created);
        Assert.False(await Host.WithDb(db => db.ApiClients.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task A_new_client_gets_the_chosen_scopes_and_a_key_that_only_the_result_holds()
    {
        await using var context = new PortalComponentContext(Host, await Host.PrincipalFor("admin@portal.local"));
        var created = new List<CreateApiClient.Result>();
        var form = context.Render<ApiClientCreateForm>(p => p.Add(f => f.Created, r => created.Add(r)));
        var name = $"shop-{Guid.NewGuid():N}"[..20];

        await Field(form, "api-client-name").ChangeAsync(new ChangeEventArgs { Value = name });
        await Field(form, "api-client-scope-crm").ChangeAsync(new ChangeEventArgs { Value = true });
        await form.Find("[data-testid=api-client-create-submit]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Single(created));
        var stored = await Host.WithDb(db => db.ApiClients.AsNoTracking().SingleAsync(c => c.Name == name));
        Assert.Equal("crm intake", stored.Scopes);
        Assert.Equal(ApiClient.Hash(created[0].Key), stored.KeyHash);
        Assert.StartsWith("msp_", created[0].Key);
    }

    [Fact]
    public async Task The_key_dialog_shows_the_key_and_copies_it()
    {
        await using var context = new PortalComponentContext(Host, await Host.PrincipalFor("admin@portal.local"));
        var issued = new CreateApiClient.Result(7, "web-shop", "msp_example-key");
        context.JSInterop.Setup<bool>("portal.copyText", "msp_example-key").SetResult(true);
        var dialogs = context.Render<MudDialogProvider>();

        var shown = dialogs.InvokeAsync(() => ApiKeyDialog.ShowAsync(context.Services.GetRequiredService<IDialogService>(), UserAdministrationTests.Localizer(context), issued));
        Assert.Equal("msp_example-key", Field(dialogs, "api-key-value").GetAttribute("value"));
        await dialogs.Find("[data-testid=api-key-copy]").ClickAsync(new MouseEventArgs());

        dialogs.WaitForAssertion(() => Assert.Contains("Copied.", dialogs.Markup));
        await dialogs.Find("[data-testid=api-key-done]").ClickAsync(new MouseEventArgs());
        await shown;
        Assert.Empty(dialogs.FindAll("[data-testid=api-key-value]"));
    }
}
