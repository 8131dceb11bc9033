using System.Net;
using System.Net.Http.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;

namespace Portal.Tests.Api;

/// <summary>An Idempotency-Key belongs to one request: other parameters are refused, a running request is not run twice, keys expire.</summary>
public sealed class IdempotencyKeyTests
{
    private static readonly string Tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_422_problem_and_places_nothing()
    {
        await using var host = await Start();
        using var api = host.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        var first = await Post(api, Order("ACC-CASE-CLEAR"), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var orders = await host.WithDb(db => db.Orders.CountAsync());

        var second = await Post(api, Order("ACC-CHARGER-66W"), key);

        var problem = await ApiErrorTests.AssertProblem(second, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("other parameters", problem.GetProperty("detail").GetString());
        Assert.Equal(orders, await host.WithDb(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task The_same_key_while_the_first_request_is_still_running_is_a_409_problem()
    {
        var hold = new HoldsPlacedOrders();
        await using var host = await Start(b => b.Services.AddSingleton<INotificationHandler<DomainEventNotification<OrderPlaced>>>(hold));
        using var api = host.CreateApiClient();
        var key = Guid.NewGuid().ToString();

        var running = Post(api, Order("ACC-CASE-CLEAR"), key);
        await hold.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var duplicate = await Post(api, Order("ACC-CASE-CLEAR"), key);
        hold.Release.SetResult();
        var first = await running;

        await ApiErrorTests.AssertProblem(duplicate, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var replay = await Post(api, Order("ACC-CASE-CLEAR"), key);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<Placed>())!.Number,
            (await replay.Content.ReadFromJsonAsync<Placed>())!.Number);
    }

    [Fact]
    public async Task A_key_expires_after_24_hours()
    {
        await using var host = await Start();
        using var api = host.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        var first = await (await Post(api, Order("ACC-CASE-CLEAR"), key)).Content.ReadFromJsonAsync<Placed>();

        _time.Advance(TimeSpan.FromHours(23));
        var withinADay = await (await Post(api, Order("ACC-CASE-CLEAR"), key)).Content.ReadFromJsonAsync<Placed>();
        _time.Advance(TimeSpan.FromHours(2));
        var afterADay = await Post(api, Order("ACC-CASE-CLEAR"), key);

        Assert.Equal(first!.Number, withinADay!.Number);
        Assert.Equal(HttpStatusCode.Created, afterADay.StatusCode);
        Assert.NotEqual(first.Number, (await afterADay.Content.ReadFromJsonAsync<Placed>())!.Number);
    }

    public sealed record Placed(string Number);

    /// <summary>Keeps the first order's transaction open until the test lets it go.</summary>
    public sealed class HoldsPlacedOrders : INotificationHandler<DomainEventNotification<OrderPlaced>>
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task Handle(DomainEventNotification<OrderPlaced> notification, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task;
        }
    }

    private Task<PortalHost> Start(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null) =>
        PortalHost.StartAsync(configure: b =>
        {
            b.Services.AddSingleton<TimeProvider>(_time);
            configure?.Invoke(b);
        });

    private static async Task<HttpResponseMessage> Post(HttpClient api, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await api.SendAsync(request);
    }

    private static object Order(string sku) => new
    {
        flow = "PreOrderDelivery",
        customer = new { name = "陈国强", phone = "13631230000", address = new { city = "广州市", district = "海珠区", line = "江南大道中168号" } },
        lines = new[] { new { sku, quantity = 1 } },
        payment = "CashOnDelivery",
        deliveryWindow = new { date = Tomorrow, slot = "14:00-18:00" },
    };
}
