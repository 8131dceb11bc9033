using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Shared;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Infrastructure.Payments;

/// <summary>
/// The sandbox's payouts and balance transactions in Stripe's list wire format (object list, data, has_more,
/// starting_after), paid out daily from the payments it processed, read back through Stripe.net.
/// </summary>
public sealed class StripeSandboxPayoutTests : IAsyncLifetime
{
    // 10:00 China time, so a day's payments and the next morning's payout fall on clear China days.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private StripeSandboxHost _stripe = null!;

    public async Task InitializeAsync() => _stripe = await StripeSandboxHost.StartAsync(_time);

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task A_finished_day_is_paid_out_the_next_morning_as_its_payments_less_their_fees()
    {
        var gateway = _stripe.Gateway();
        await Pay(100m);
        await Pay(50m);

        Assert.Empty(await gateway.ListPayoutsAsync(_time.GetUtcNow().UtcDateTime.AddDays(-2), default));

        _time.Advance(TimeSpan.FromDays(1));
        await Pay(30m); // the next day's payment waits for its own payout
        var payout = Assert.Single(await gateway.ListPayoutsAsync(_time.GetUtcNow().UtcDateTime.AddDays(-2), default));

        Assert.Equal(Money.Yuan(150m - 0.6m - 0.3m), payout.Amount);
        Assert.Equal(new DateOnly(2026, 3, 3), ChinaTime.Today(payout.CreatedUtc));
        var charges = (await gateway.ListBalanceTransactionsAsync(payout.Id, default)).Where(t => t.Type == "charge").ToList();
        Assert.Equal([Money.Yuan(50), Money.Yuan(100)], charges.Select(c => c.Amount).Order());
        Assert.All(charges, c => Assert.StartsWith("pi_", c.PaymentIntent));
        Assert.All(charges, c => Assert.Equal(c.Amount - c.Fee, c.Net));
    }

    [Fact]
    public async Task Lists_page_with_has_more_and_starting_after_and_Stripe_net_reads_every_page()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Pay(10m * i);
            await _stripe.HelperAsync("payouts");
        }

        var first = await _stripe.GetAsync("payouts?limit=2");
        Assert.Equal("list", first.GetProperty("object").GetString());
        Assert.True(first.GetProperty("has_more").GetBoolean());
        var ids = first.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, ids.Count);
        var last = await _stripe.GetAsync($"payouts?limit=2&starting_after={ids[1]}");
        var rest = await _stripe.GetAsync($"payouts?limit=10&starting_after={ids[1]}");
        Assert.True(last.GetProperty("has_more").GetBoolean());
        Assert.False(rest.GetProperty("has_more").GetBoolean());
        Assert.Equal(3, rest.GetProperty("data").GetArrayLength());
        Assert.DoesNotContain(rest.GetProperty("data").EnumerateArray(), p => ids.Contains(p.GetProperty("id").GetString()!));

        var all = await _stripe.Gateway(pageSize: 2).ListPayoutsAsync(_time.GetUtcNow().UtcDateTime.AddDays(-1), default);
        Assert.Equal(5, all.Select(p => p.Id).Distinct().Count());
        Assert.Equal(Money.Yuan(10m - 0.06m), all[^1].Amount);
    }

    private async Task Pay(decimal yuan)
    {
        var intent = await _stripe.Gateway().CreateOnlineIntentAsync(Guid.NewGuid(), "SO202603020001", Money.Yuan(yuan), default);
        await _stripe.HelperAsync($"payment_intents/{intent.Id}/succeed");
    }
}
