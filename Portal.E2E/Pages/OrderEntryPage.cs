using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages;

/// <summary>The rep's one-screen order entry (/orders/new), driven the way a rep on a call uses it: keyboard first.</summary>
public sealed class OrderEntryPage(IPage page)
{
    public ILocator Result => page.GetByTestId("order-result");
    public ILocator ResultNumber => page.GetByTestId("result-number");
    public ILocator ResultStatus => page.GetByTestId("result-status");
    public ILocator ResultTracking => page.GetByTestId("result-tracking");
    public ILocator CustomerCard => page.GetByTestId("customer-card");

    public async Task<OrderEntryPage> GotoAsync(string? opportunity = null)
    {
        await page.GotoAsync(opportunity is null ? "orders/new" : $"orders/new?opportunity={opportunity}");
        await new PortalShell(page).WaitForInteractiveAsync();
        return this;
    }

    public async Task LookUpAsync(string phone)
    {
        var box = page.GetByTestId("customer-phone");
        await box.FillAsync(phone);
        await box.PressAsync("Enter");
    }

    public Task ChooseFlowAsync(string testId) => page.GetByTestId(testId).CheckAsync();

    /// <summary>Types into the product picker and takes the first match from its list.</summary>
    public async Task AddProductAsync(string search, int quantity = 1)
    {
        var picker = page.GetByTestId("product-picker");
        await picker.ClickAsync();
        await picker.FillAsync(search);
        var option = page.GetByTestId("product-option").Filter(new() { HasText = search }).First;
        // The list is redrawn when the search settles; a click on the outgoing list is lost, so confirm the choice took.
        var addLine = page.GetByTestId("add-line");
        await option.WaitForAsync();
        await PortalShell.ClickUntilAsync(option, () => addLine.IsEnabledAsync());
        await page.GetByTestId("quantity").FillAsync(quantity.ToString());
        var lines = await page.GetByTestId("line-row").CountAsync();
        await page.GetByTestId("add-line").ClickAsync();
        await Expect(page.GetByTestId("line-row")).ToHaveCountAsync(lines + 1);
    }

    public async Task SetDeliveryDateAsync(DateOnly date)
    {
        var input = page.Locator("#delivery-date");
        await input.FillAsync(date.ToString("yyyy-MM-dd"));
        await input.PressAsync("Tab");
    }

    public async Task SetPreferredTimeAsync(DateTime chinaTime)
    {
        var input = page.Locator("#preferred-at");
        await input.FillAsync(chinaTime.ToString("yyyy-MM-dd'T'HH:mm"));
        await input.PressAsync("Tab");
    }

    public Task CheckAsync(string testId) => page.GetByTestId(testId).CheckAsync();

    public async Task SubmitAsync()
    {
        await page.GetByTestId("submit-order").ClickAsync();
        await Expect(Result).ToBeVisibleAsync();
    }

    public static DateTime ChinaNow => DateTime.UtcNow.AddHours(8);
}
