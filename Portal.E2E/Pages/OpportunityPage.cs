using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// <summary>The back office's view of one opportunity (/backoffice/opportunities/{number}).</summary>
public sealed class OpportunityPage(IPage page)
{
    public ILocator Status => page.GetByTestId("opportunity-status");
    public ILocator Claim => page.GetByTestId("claim");
    public ILocator LostReason => page.GetByTestId("lost-reason");
    public ILocator CloseAsLost => page.GetByTestId("close-lost");
    public ILocator ConvertToOrder => page.GetByTestId("convert-to-order");

    public async Task<OpportunityPage> GotoAsync(string number)
    {
        await page.GotoAsync($"backoffice/opportunities/{number}");
        await new PortalShell(page).WaitForInteractiveAsync();
        return this;
    }

    public async Task ClaimAsync()
    {
        await PortalShell.ClickUntilAsync(Claim, async () => await ConvertToOrder.IsVisibleAsync());
        await Assertions.Expect(Status).ToHaveTextAsync("Claimed");
    }
}
