using System.Net;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Opportunities;
using static Portal.Tests.Features.Opportunities.OpportunityTestData;

namespace Portal.Tests.Features.Opportunities;

/// <summary>The queue and detail pages as the server first renders them (interaction is covered end to end).</summary>
public sealed class OpportunityPagesTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_queue_page_offers_search_and_the_queues_and_never_a_full_phone_number()
    {
        // Rows arrive once the page is interactive (a server-paged grid, cards on phones): see the E2E queue test.
        var overdue = await Register(Host, TimeSpan.FromHours(5));
        using var client = await SignedIn(BackOffice);

        var page = await client.GetStringAsync("/backoffice");

        Assert.Contains("data-testid=\"opportunity-search\"", page);
        Assert.Contains(">Overdue<", page);
        Assert.DoesNotContain((await Load(Host, overdue)).Phone.Value, page);
    }

    [Fact]
    public async Task A_new_opportunity_offers_claim_and_close_but_not_convert()
    {
        var number = await Register(Host);
        using var client = await SignedIn(BackOffice);

        var page = await client.GetStringAsync($"/backoffice/opportunities/{number}");

        Assert.Contains((await Load(Host, number)).Phone.Value, page);
        Assert.Contains("data-testid=\"opportunity-status\"", page);
        Assert.Contains("data-testid=\"claim\"", page);
        Assert.Contains("data-testid=\"close-lost\"", page);
        Assert.DoesNotContain("data-testid=\"convert-to-order\"", page);
        Assert.DoesNotContain("data-testid=\"log-contact\"", page);
    }

    [Fact]
    public async Task The_claimant_is_offered_convert_to_order_and_logging_a_contact()
    {
        var number = await Register(Host);
        await Host.Send(new ClaimOpportunity.Command(number), await Host.PrincipalFor(BackOffice));
        using var client = await SignedIn(BackOffice);

        var page = await client.GetStringAsync($"/backoffice/opportunities/{number}");

        Assert.Contains("data-testid=\"convert-to-order\"", page);
        Assert.Contains("data-testid=\"log-contact\"", page);
        Assert.Contains("data-testid=\"close-lost\"", page);
        Assert.DoesNotContain("data-testid=\"claim\"", page);
    }

    [Fact]
    public async Task A_colleague_sees_who_claimed_it_and_no_actions()
    {
        var number = await Register(Host);
        var (colleagueEmail, colleague) = await NewBackOfficeUser(Host);
        await Host.Send(new ClaimOpportunity.Command(number), colleague);
        using var client = await SignedIn(BackOffice);

        var page = await client.GetStringAsync($"/backoffice/opportunities/{number}");

        Assert.Contains(colleagueEmail, page);
        Assert.DoesNotContain("data-testid=\"convert-to-order\"", page);
        Assert.DoesNotContain("data-testid=\"log-contact\"", page);
        Assert.DoesNotContain("data-testid=\"close-lost\"", page);
    }

    [Fact]
    public async Task A_rep_is_turned_away_from_the_detail_page()
    {
        var number = await Register(Host);
        using var client = await SignedIn(Rep);

        var response = await client.GetAsync($"/backoffice/opportunities/{number}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", PortalHost.RedirectPath(response));
    }

    private async Task<HttpClient> SignedIn(string email)
    {
        var client = Host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalHost.SignInAsync(client, email)).StatusCode);
        return client;
    }
}
