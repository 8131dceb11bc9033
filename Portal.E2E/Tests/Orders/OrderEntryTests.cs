using System.Text.RegularExpressions;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Orders;

/// <summary>A rep on a call enters an order in each of the three flows; the back office converts an appointment.</summary>
public sealed partial class OrderEntryTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    [Fact]
    public Task Rep_enters_a_pre_order_with_an_offer_for_delivery_paid_in_cash() => RunAsync(async () =>
    {
        await new LoginPage(Page).SignInAsync(DemoUsers.Rep);
        var entry = await new OrderEntryPage(Page).GotoAsync();

        await entry.LookUpAsync("13800138000");
        await Expect(entry.CustomerCard).ToContainTextAsync("王小明");
        await entry.ChooseFlowAsync("flow-preorder");
        await entry.AddProductAsync("HS-OPPO-RENO11-256-GRN");
        await entry.CheckAsync("offer-PRESTORE-168-504");
        await Expect(Page.GetByTestId("call-script-PRESTORE-168-504")).ToContainTextAsync("预存168元");
        await entry.SetDeliveryDateAsync(DateOnly.FromDateTime(OrderEntryPage.ChinaNow.AddDays(1)));
        await entry.CheckAsync("slot-14:00-18:00");
        await entry.CheckAsync("payment-CashOnDelivery");
        await Expect(Page.GetByTestId("review-to-collect")).ToContainTextAsync("¥2,867.00");
        await entry.SubmitAsync();

        await Expect(entry.ResultNumber).ToHaveTextAsync(OrderNumber());
        await Expect(entry.ResultStatus).ToContainTextAsync("Ready for dispatch");
        await Expect(entry.ResultTracking).ToHaveTextAsync(new Regex("^[2-9A-HJ-NP-Z]{12}$"));
    });

    [Fact]
    public Task Rep_handles_a_data_pack_directly_and_it_is_provisioned_at_once() => RunAsync(async () =>
    {
        await new LoginPage(Page).SignInAsync(DemoUsers.Rep);
        var entry = await new OrderEntryPage(Page).GotoAsync();

        await entry.LookUpAsync("15018765432");
        await Expect(entry.CustomerCard).ToContainTextAsync("张丽华");
        await entry.ChooseFlowAsync("flow-direct");
        await entry.AddProductAsync("ADDON-DATA-30G");
        await entry.CheckAsync("payment-BillToAccount");
        await entry.SubmitAsync();

        await Expect(entry.ResultNumber).ToHaveTextAsync(OrderNumber());
        await Expect(entry.ResultStatus).ToContainTextAsync("Completed");
    });

    [Fact]
    public Task Rep_registers_an_appointment_and_the_back_office_converts_it_into_an_order() => RunAsync(async () =>
    {
        await new LoginPage(Page).SignInAsync(DemoUsers.Rep);
        var entry = await new OrderEntryPage(Page).GotoAsync();
        await entry.LookUpAsync("13760001111");
        await Expect(entry.CustomerCard).ToContainTextAsync("黄美玲");
        await entry.ChooseFlowAsync("flow-appointment");
        await entry.AddProductAsync("HS-VIVO-X100-256-BLU");
        await entry.SetPreferredTimeAsync(OrderEntryPage.ChinaNow.Date.AddDays(1).AddHours(10));
        await Page.GetByTestId("appointment-note").FillAsync("想先比较一下价格");
        await entry.SubmitAsync();
        var opportunity = (await entry.ResultNumber.InnerTextAsync()).Trim();
        Assert.Matches("^OP[A-Z0-9]{12}$", opportunity);

        await Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(DemoUsers.BackOffice);
        var page = await new OpportunityPage(Page).GotoAsync(opportunity);
        await page.ClaimAsync();
        await page.ConvertAsync();

        var conversion = new OrderEntryPage(Page);
        await new PortalShell(Page).WaitForInteractiveAsync();
        await Expect(conversion.CustomerCard).ToContainTextAsync("黄美玲");
        await Expect(Page.GetByTestId("line-row")).ToContainTextAsync("HS-VIVO-X100-256-BLU");
        await conversion.ChooseFlowAsync("flow-preorder");
        await conversion.SetDeliveryDateAsync(DateOnly.FromDateTime(OrderEntryPage.ChinaNow.AddDays(2)));
        await conversion.CheckAsync("slot-09:00-12:00");
        await conversion.CheckAsync("payment-PosOnDelivery");
        await conversion.SubmitAsync();
        await Expect(conversion.ResultNumber).ToHaveTextAsync(OrderNumber());

        await new OpportunityPage(Page).GotoAsync(opportunity);
        await Expect(page.Status).ToHaveTextAsync("Converted");
    });

    [GeneratedRegex("^SO[A-Z0-9]{12}$")]
    private static partial Regex OrderNumber();
}
