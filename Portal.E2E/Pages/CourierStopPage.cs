using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages;

/// <summary>The courier's stop page (/courier/stops/{id}) on a phone, step by step as the courier works it.</summary>
public sealed partial class CourierStopPage(IPage page)
{
    public ILocator Steps => page.GetByTestId("stop-steps");
    public ILocator TrackingCode => page.GetByTestId("stop-tracking-code");
    public ILocator OrderNumber => page.GetByTestId("stop-order-number");
    public ILocator SignatureCanvas => page.GetByTestId("stop-signature-canvas");

    /// <summary>Opens the stop from today's list by the customer's name and waits until its steps are interactive.</summary>
    public async Task OpenFromRunAsync(string recipient)
    {
        await page.GotoAsync("courier");
        await new PortalShell(page).WaitForInteractiveAsync();
        await page.GetByTestId("courier-stop").Filter(new() { HasText = recipient }).ClickAsync();
        await Expect(page.GetByTestId("stop-header")).ToContainTextAsync(recipient);
        await new PortalShell(page).WaitForInteractiveAsync();
    }

    /// <summary>Pick-up at the station, then setting off: the stop is out for delivery.</summary>
    public async Task PickUpAndSetOffAsync()
    {
        await PortalShell.ClickUntilAsync(page.GetByTestId("stop-pick-up"), () => IsStatusAsync("PickedUp"));
        await PortalShell.ClickUntilAsync(page.GetByTestId("stop-start"), () => IsStatusAsync("OutForDelivery"));
    }

    public async Task CheckIdAsync(string residentId)
    {
        await page.GetByTestId("stop-id-number").FillAsync(residentId);
        await page.GetByTestId("stop-id-check").ClickAsync();
        await Expect(page.GetByTestId("stop-id-done")).ToContainTextAsync(residentId[^4..]);
    }

    /// <summary>The serial card of one SKU and the units reserved for it, as the page lists them.</summary>
    public async Task<(ILocator Card, string Reserved)> SerialCardAsync(string sku)
    {
        var card = page.GetByTestId("stop-serial").And(page.Locator($"[data-sku='{sku}']"));
        var text = await card.GetByTestId("stop-serial-reserved").InnerTextAsync();
        return (card, ReservedRegex().Match(text).Groups[1].Value);
    }

    public static async Task EnterSerialAsync(ILocator card, string serial)
    {
        await card.GetByTestId("stop-serial-input").FillAsync(serial);
        await card.GetByTestId("stop-serial-record").ClickAsync();
    }

    public async Task<bool> IsStatusAsync(string status) => await Steps.GetAttributeAsync("data-status") == status;

    [GeneratedRegex(@":\s*(\d+)")]
    private static partial Regex ReservedRegex();
}
