using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Features.Tracking;

/// <summary>The customer's /track page: plain server-rendered forms, nothing personal shown, same limit as the API.</summary>
public sealed class TrackPageTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_customer_sees_status_window_and_timeline_without_signing_in_and_nothing_personal()
    {
        var order = await PlaceHandsetOrder(Host);
        var delivery = await DeliveryOf(Host, order.Number);
        using var client = Host.CreateClient();

        var page = await TrackPage.Find(client, order.TrackingCode!, delivery.RecipientPhone.Value[^4..]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-testid=\"track-result\"", page.Html);
        Assert.Contains("Waiting for a courier", page.Html);
        Assert.Contains("14:00-18:00", page.Html);
        Assert.Contains("data-testid=\"track-reschedule\"", page.Html);
        Assert.DoesNotContain("林晓", page.Html);
        Assert.DoesNotContain("体育西路", page.Html);
        Assert.DoesNotContain("blazor.server", page.Html);
    }

    [Fact]
    public async Task An_unknown_code_and_a_wrong_phone_read_the_same()
    {
        var order = await PlaceHandsetOrder(Host);
        using var client = Host.CreateClient();

        var wrongPhone = await TrackPage.Find(client, order.TrackingCode!, "0000");
        var unknown = await TrackPage.Find(client, "ABCDEFGHJKMN", "0000");

        Assert.Equal(TrackPage.Message(wrongPhone.Html), TrackPage.Message(unknown.Html));
        Assert.Contains("We found no delivery", TrackPage.Message(unknown.Html));
        Assert.DoesNotContain("data-testid=\"track-result\"", wrongPhone.Html);
    }

    [Fact]
    public async Task A_customer_moves_the_delivery_to_another_window_before_it_is_out()
    {
        var order = await PlaceHandsetOrder(Host);
        var delivery = await DeliveryOf(Host, order.Number);
        using var client = Host.CreateClient();
        var newDay = Tomorrow.AddDays(2);

        var page = await TrackPage.Reschedule(client, order.TrackingCode!, delivery.RecipientPhone.Value[^4..], newDay, "18:00-21:00");

        Assert.Contains("Your new time is noted", TrackPage.Message(page.Html));
        var saved = await DeliveryOf(Host, order.Number);
        Assert.Equal((newDay, new TimeOnly(18, 0)), (saved.Window.Date, saved.Window.From));
    }
}

/// <summary>Its own portal, so no other test's failed lookups count against the same address.</summary>
public sealed class TrackPageRateLimitTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    [Fact]
    public async Task More_than_ten_failed_lookups_a_minute_block_the_page_even_for_a_right_code()
    {
        var order = await PlaceHandsetOrder(fixture.Host);
        var last4 = (await DeliveryOf(fixture.Host, order.Number)).RecipientPhone.Value[^4..];
        using var client = fixture.Host.CreateClient();
        for (var i = 1; i <= 10; i++)
        {
            await TrackPage.Find(client, order.TrackingCode!, ((int.Parse(last4) + i) % 10_000).ToString("D4"));
        }

        var blocked = await TrackPage.Find(client, order.TrackingCode!, last4);

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.Status);
        Assert.DoesNotContain("data-testid=\"track-result\"", blocked.Html);
    }
}

internal static partial class TrackPage
{
    public static Task<(HttpStatusCode Status, string Html)> Find(HttpClient client, string code, string last4) =>
        Post(client, "track", new() { ["Lookup.Code"] = code, ["Lookup.PhoneLast4"] = last4 });

    public static Task<(HttpStatusCode Status, string Html)> Reschedule(HttpClient client, string code, string last4, DateOnly date, string slot) =>
        Post(client, "reschedule", new()
        {
            ["Change.Code"] = code,
            ["Change.PhoneLast4"] = last4,
            ["Change.Date"] = date.ToString("yyyy-MM-dd"),
            ["Change.Slot"] = slot,
        });

    public static string Message(string html) => MessageText().Match(html).Groups[1].Value;

    private static async Task<(HttpStatusCode, string)> Post(HttpClient client, string form, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/track");
        fields["_handler"] = form;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var response = await client.PostAsync("/track", new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-testid=\"track-message\"[^>]*>(?:<[^>]+>)*([^<]+)")]
    private static partial Regex MessageText();
}
