using System.Net;
using System.Text.Json;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Features.Dispatch.DispatchSlice;

namespace Portal.Tests.Api;

/// <summary>Public tracking: no key needed, nothing personal shown, and no way to probe codes.</summary>
public sealed class PublicTrackingApiTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Shows_status_window_and_timeline_but_no_name_phone_or_address()
    {
        var order = await PlaceHandsetOrder(Host);
        var delivery = await DeliveryOf(Host, order.Number);

        var response = await Host.CreateApiClient(null).GetAsync($"/api/v1/public/tracking/{order.TrackingCode!.ToLowerInvariant()}?phoneLast4={delivery.RecipientPhone.Value[^4..]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(order.TrackingCode, body.GetProperty("code").GetString());
        Assert.Equal("Waiting", body.GetProperty("status").GetString());
        Assert.Equal("14:00-18:00", body.GetProperty("window").GetProperty("slot").GetString());
        Assert.Equal("Waiting", body.GetProperty("timeline")[0].GetProperty("status").GetString());
        Assert.DoesNotContain(delivery.RecipientPhone.Value, text);
        Assert.DoesNotContain("林晓", text);
        Assert.DoesNotContain("体育西路", text);
        Assert.Equal(["code", "status", "timeline", "window"], body.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task An_unknown_code_and_a_wrong_phone_get_the_same_answer()
    {
        var order = await PlaceHandsetOrder(Host);
        var client = Host.CreateApiClient(null);

        var wrongPhone = await client.GetAsync($"/api/v1/public/tracking/{order.TrackingCode}?phoneLast4=0000");
        var unknown = await client.GetAsync("/api/v1/public/tracking/ABCDEFGHJKMN?phoneLast4=0000");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (wrongPhone.StatusCode, unknown.StatusCode));
        Assert.Equal(Detail(await wrongPhone.Content.ReadAsStringAsync()), Detail(await unknown.Content.ReadAsStringAsync()));
    }

    private static string Detail(string problem)
    {
        var body = JsonDocument.Parse(problem).RootElement;
        return $"{body.GetProperty("title").GetString()}|{body.GetProperty("detail").GetString()}";
    }
}

/// <summary>Its own portal, so no other test's failed lookups count against the same address.</summary>
public sealed class TrackingRateLimitTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    [Fact]
    public async Task More_than_ten_failed_lookups_a_minute_are_answered_with_429_even_for_a_right_code()
    {
        var order = await PlaceHandsetOrder(fixture.Host);
        var delivery = await DeliveryOf(fixture.Host, order.Number);
        var client = fixture.Host.CreateApiClient(null);
        var last4 = delivery.RecipientPhone.Value[^4..];
        for (var i = 1; i <= 10; i++)
        {
            var wrong = ((int.Parse(last4) + i) % 10_000).ToString("D4");
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/public/tracking/{order.TrackingCode}?phoneLast4={wrong}")).StatusCode);
        }

        var blocked = await client.GetAsync($"/api/v1/public/tracking/{order.TrackingCode}?phoneLast4={last4}");

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
    }
}
