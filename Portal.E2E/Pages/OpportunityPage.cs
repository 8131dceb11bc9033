using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// <summary>The back office's view of one opportunity (/backoffice/opportunities/{number}).</summary>
public sealed class OpportunityPage(IPage page)
{
    public ILocator Status => page.GetByTestId("opportunity-status");
    public ILocator Claim => page.GetByTestId("claim");
    public ILocator CloseAsLost => page.GetByTestId("close-lost");
    public ILocator ConvertToOrder => page.GetByTestId("convert-to-order");

    /// <summary>The confirmation dialog's reason field and its confirm button.</summary>
    private ILocator ConfirmReason => page.Locator("textarea[data-testid=confirm-reason], [data-testid=confirm-reason] textarea").First;
    private ILocator Confirm => page.GetByTestId("confirm-yes");

    public async Task<OpportunityPage> GotoAsync(string number)
    {
        await page.GotoAsync($"backoffice/opportunities/{number}");
        await new PortalShell(page).WaitForInteractiveAsync();
        return this;
    }

    /// <summary>Closes as lost: the button asks for the reason in a dialog.</summary>
    public async Task CloseAsLostAsync(string reason)
    {
        await CloseAsLost.ClickAsync();
        await ConfirmReason.FillAsync(reason);
        await Confirm.ClickAsync();
    }

    /// <summary>Converts: the button confirms in a dialog, then opens the order form.</summary>
    public async Task ConvertAsync()
    {
        await ConvertToOrder.ClickAsync();
        await Confirm.ClickAsync();
    }

    public async Task ClaimAsync()
    {
        await PortalShell.ClickUntilAsync(Claim, async () => await ConvertToOrder.IsVisibleAsync());
        await Assertions.Expect(Status).ToHaveTextAsync("Claimed");
    }
}
