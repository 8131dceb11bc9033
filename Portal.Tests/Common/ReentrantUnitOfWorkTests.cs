using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Orders;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Tests.Features.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Tests.Common;

/// <summary>A domain-event handler may send a command: it joins the running transaction instead of deadlocking on the write gate.</summary>
public sealed class ReentrantUnitOfWorkTests
{
    [AuthorizeRequest(Roles.System)]
    public sealed record NoteOrder(string Number) : ICommand<Unit>;

    public sealed class NoteOrderHandler(PortalDbContext db, ICurrentUser user, TimeProvider time) : IRequestHandler<NoteOrder, Unit>
    {
        public Task<Unit> Handle(NoteOrder request, CancellationToken cancellationToken)
        {
            db.ProcessedRequests.Add(ProcessedRequest.Record($"noted:{request.Number}:{user.Name}", "{}", time.GetUtcNow().UtcDateTime));
            return Task.FromResult(Unit.Value);
        }
    }

    /// <summary>Sends a command for every order placed, through the same sender pages and workers use.</summary>
    public sealed class NotesPlacedOrders(ScopedSender sender) : INotificationHandler<DomainEventNotification<OrderPlaced>>
    {
        public static string? FailFor { get; set; }

        public async Task Handle(DomainEventNotification<OrderPlaced> notification, CancellationToken cancellationToken)
        {
            await sender.Send(new NoteOrder(notification.Event.OrderNumber), SystemPrincipal.For("notes"), cancellationToken);
            if (notification.Event.Lines.Any(l => l.Sku == FailFor))
            {
                throw new InvalidOperationException("fails after the nested command");
            }
        }
    }

    [Fact]
    public async Task A_command_sent_from_a_domain_event_handler_joins_the_transaction_as_the_system()
    {
        await using var host = await Start();
        var rep = await host.PrincipalFor("rep@portal.local");

        var placed = await OrderSlice.PlacePreOrder(host, rep, OrderSlice.NewPhone()).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(await host.WithDb(db => db.ProcessedRequests.AnyAsync(r => r.Key == $"noted:{placed.Number}:system:notes")));
    }

    [Fact]
    public async Task When_the_outer_command_fails_the_nested_commands_effects_roll_back_with_it()
    {
        await using var host = await Start();
        var rep = await host.PrincipalFor("rep@portal.local");
        NotesPlacedOrders.FailFor = "ACC-CASE-CLEAR";
        var phone = OrderSlice.NewPhone();

        await Assert.ThrowsAsync<InvalidOperationException>(() => OrderSlice.PlacePreOrder(host, rep, phone, "ACC-CASE-CLEAR"));

        Assert.False(await host.WithDb(db => db.ProcessedRequests.AnyAsync(r => r.Key.StartsWith("noted:"))));
        Assert.False(await host.WithDb(db => db.Orders.AnyAsync(o => o.Phone == Portal.Domain.Shared.Msisdn.Parse(phone))));
    }

    private static Task<PortalHost> Start() => PortalHost.StartAsync(configure: b =>
    {
        b.Services.AddScoped<IRequestHandler<NoteOrder, Unit>, NoteOrderHandler>();
        b.Services.AddScoped<INotificationHandler<DomainEventNotification<OrderPlaced>>, NotesPlacedOrders>();
    });
}
