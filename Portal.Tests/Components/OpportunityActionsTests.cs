using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Marketing;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Opportunities;
using static Portal.Tests.Features.Opportunities.OpportunityTestData;

namespace Portal.Tests.Components;

public sealed class OpportunityActionsTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private async Task<(PortalComponentContext Context, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<OpportunityActions> Actions, Func<int> Changes)> Render(string number)
    {
        var backOffice = await Host.PrincipalFor(BackOffice);
        var context = new PortalComponentContext(Host, backOffice);
        var dialogs = context.Render<MudDialogProvider>();
        var detail = await Host.Send(new GetOpportunity.Query(number), backOffice);
        var changes = 0;
        var actions = context.Render<OpportunityActions>(p => p
            .Add(a => a.Detail, detail)
            .Add(a => a.OnChanged, () => changes++));
        return (context, dialogs, actions, () => changes);
    }

    [Fact]
    public async Task A_new_opportunity_can_be_claimed_or_closed_but_not_converted()
    {
        var number = await Register(Host);
        var (context, _, actions, changes) = await Render(number);
        await using var __ = context;

        Assert.Empty(actions.FindAll("[data-testid=convert-to-order]"));
        Assert.Empty(actions.FindAll("[data-testid=log-contact]"));
        Assert.NotNull(actions.Find("[data-testid=close-lost]"));

        await actions.Find("[data-testid=claim]").ClickAsync(new MouseEventArgs());

        actions.WaitForAssertion(() => Assert.Equal(1, changes()));
        var stored = await Load(Host, number);
        Assert.Equal((OpportunityStatus.Claimed, await Host.UserIdOf(BackOffice)), (stored.Status, stored.ClaimedBy));
    }

    [Fact]
    public async Task Closing_as_lost_asks_for_the_reason_in_a_dialog_and_sends_nothing_without_one()
    {
        var number = await Register(Host);
        var (context, dialogs, actions, changes) = await Render(number);
        await using var __ = context;

        // The click's handler waits for the dialog's answer, so it completes only after the dialog closes.
        var closing = actions.Find("[data-testid=close-lost]").ClickAsync(new MouseEventArgs());
        await dialogs.WaitForElement("[data-testid=confirm-yes]").ClickAsync(new MouseEventArgs());

        Assert.Equal(0, changes());
        Assert.Equal(OpportunityStatus.New, (await Load(Host, number)).Status);

        await Field(dialogs, "confirm-reason").ChangeAsync(new ChangeEventArgs { Value = "客户改变主意" });
        await dialogs.Find("[data-testid=confirm-yes]").ClickAsync(new MouseEventArgs());
        await closing;

        actions.WaitForAssertion(() => Assert.Equal(1, changes()));
        var stored = await Load(Host, number);
        Assert.Equal((OpportunityStatus.Lost, "客户改变主意"), (stored.Status, stored.LostReason));
    }

    [Fact]
    public async Task The_claimant_may_convert_after_confirming_and_log_contacts()
    {
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), await Host.PrincipalFor(BackOffice));
        var (context, dialogs, actions, _) = await Render(number);
        await using var __ = context;
        var navigation = context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();

        Assert.NotNull(actions.Find("[data-testid=log-contact]"));
        Assert.Empty(actions.FindAll("[data-testid=claim]"));

        var converting = actions.Find("[data-testid=convert-to-order]").ClickAsync(new MouseEventArgs());
        dialogs.WaitForElement("[data-testid=confirm-yes]");
        Assert.DoesNotContain("/orders/new", navigation.Uri);
        await dialogs.Find("[data-testid=confirm-yes]").ClickAsync(new MouseEventArgs());
        await converting;

        actions.WaitForAssertion(() => Assert.EndsWith($"/orders/new?opportunity={number}", navigation.Uri));
    }

    [Fact]
    public async Task A_colleague_sees_who_claimed_it_and_no_actions()
    {
        var number = await Register(Host);
        var (colleagueEmail, colleague) = await NewBackOfficeUser(Host);
        await Host.Send(new ClaimOpportunity.Command(number), colleague);
        var (context, _, actions, _) = await Render(number);
        await using var __ = context;

        Assert.Contains(colleagueEmail, actions.Find("[data-testid=claimed-by-other]").TextContent);
        Assert.Empty(actions.FindAll("button"));
    }

    /// <summary>The input or text area behind a MudBlazor field marked with a test id.</summary>
    internal static IElement Field<T>(IRenderedComponent<T> component, string testId) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var marked = component.Find($"[data-testid={testId}]");
        return marked.TagName is "INPUT" or "TEXTAREA" ? marked : marked.QuerySelector("input, textarea")!;
    }
}
