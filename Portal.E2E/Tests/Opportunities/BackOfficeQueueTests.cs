using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Opportunities;

public sealed class BackOfficeQueueTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    [Fact]
    public Task Back_office_finds_a_new_appointment_in_its_queue_claims_it_and_closes_it_as_lost() => RunAsync(async () =>
    {
        var number = await new IntakeApi(App.BaseUrl).RegisterAppointmentAsync("丢单客户", "13711112222", "HS-HONOR-X50-128-BLK");
        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.BackOffice);

        var row = Page.GetByTestId("opportunity-row").Filter(new() { HasText = number });
        await Expect(row).ToBeVisibleAsync();
        await row.GetByTestId("opportunity-link").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/backoffice/opportunities/{number}$"));
        await shell.WaitForInteractiveAsync();

        var opportunity = new OpportunityPage(Page);
        await opportunity.ClaimAsync();
        await opportunity.CloseAsLostAsync("客户已在别家办理");

        await Expect(opportunity.Status).ToHaveTextAsync("Lost");
        await Expect(Page.GetByText("客户已在别家办理")).Not.ToHaveCountAsync(0);
    });
}
