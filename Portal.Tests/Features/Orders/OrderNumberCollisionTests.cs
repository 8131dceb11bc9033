using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.Orders;

/// <summary>A drawn order number that is already taken is drawn again, never reused or failed on.</summary>
public sealed class OrderNumberCollisionTests
{
    /// <summary>Repeats the first number it drew once, then draws at random.</summary>
    private sealed class RepeatsOnce : IOrderNumberSource
    {
        private readonly RandomOrderNumbers _random = new();
        private readonly Dictionary<string, string> _first = [];
        private readonly HashSet<string> _repeated = [];

        public string Next(string prefix, DateTime nowUtc)
        {
            if (!_first.TryGetValue(prefix, out var first))
            {
                return _first[prefix] = _random.Next(prefix, nowUtc);
            }

            return _repeated.Add(prefix) ? first : _random.Next(prefix, nowUtc);
        }
    }

    private sealed class AlwaysTheSame : IOrderNumberSource
    {
        public string Next(string prefix, DateTime nowUtc) => prefix + "261130AAAAAA";
    }

    [Fact]
    public async Task A_colliding_order_number_is_drawn_again()
    {
        await using var host = await PortalHost.StartAsync(configure: b => b.Services.AddSingleton<IOrderNumberSource>(new RepeatsOnce()));
        var rep = await host.PrincipalFor("rep@portal.local");

        var first = await OrderSlice.PlacePreOrder(host, rep, OrderSlice.NewPhone());
        var second = await OrderSlice.PlacePreOrder(host, rep, OrderSlice.NewPhone());

        Assert.NotEqual(first.Number, second.Number);
        Assert.Equal(2, await host.WithDb(db => db.Orders.CountAsync(o => o.Number == first.Number || o.Number == second.Number)));
    }

    [Fact]
    public async Task A_number_source_that_only_collides_fails_loudly_and_writes_nothing()
    {
        await using var host = await PortalHost.StartAsync(configure: b => b.Services.AddSingleton<IOrderNumberSource>(new AlwaysTheSame()));
        var rep = await host.PrincipalFor("rep@portal.local");
        await OrderSlice.PlacePreOrder(host, rep, OrderSlice.NewPhone());
        var orders = await host.WithDb(db => db.Orders.CountAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => OrderSlice.PlacePreOrder(host, rep, OrderSlice.NewPhone()));

        Assert.Equal(orders, await host.WithDb(db => db.Orders.CountAsync()));
    }
}
