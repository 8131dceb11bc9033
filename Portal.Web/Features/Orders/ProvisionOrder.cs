using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Orders;
using Portal.Infrastructure.Bss;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>
/// Provisions a direct order in the BSS after the order has committed, from the outbox: the BSS call runs outside
/// any transaction, and its outcome is recorded by a command in the same transaction that marks the message
/// delivered. The order number is the BSS's idempotency key, so a call repeated after a crash changes nothing twice.
/// </summary>
public static class ProvisionOrder
{
    public const string Kind = "orders.provision";

    public sealed record Message(string OrderNumber);

    internal sealed class Handler(PortalDbContext db, IBssAdapter bss, IMediator mediator) : IOutboxHandler<Message>
    {
        public async Task HandleAsync(Message message, OutboxAttempt attempt, CancellationToken cancellationToken)
        {
            var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Number == message.OrderNumber, cancellationToken);
            if (order is null || order.Status != OrderStatus.Submitted || (order.PaymentMethod == PaymentMethod.Online && order.PaymentStatus != PaymentStatus.Paid))
            {
                return; // cancelled meanwhile, or the outcome is already recorded
            }

            ProvisioningResult outcome;
            try
            {
                outcome = await bss.ProvisionAsync(
                    new ProvisioningRequest(order.Number, order.Phone.Value, order.Lines.Select(l => new ProvisioningItem(l.Sku, l.Kind.ToString(), l.Quantity)).ToList(), order.PolicyCode),
                    cancellationToken);
            }
            catch (Exception ex) when (attempt.IsLast && ex is not OperationCanceledException)
            {
                outcome = ProvisioningResult.Failure($"The BSS could not be reached after {attempt.Number} attempts; provision the order by hand.");
            }

            await mediator.Send(new RecordOutcome(order.Number, outcome.Succeeded ? null : outcome.Error), cancellationToken);
        }
    }

    /// <summary>Sent only by the portal itself; a repeat for an order whose outcome is recorded does nothing.</summary>
    [AuthorizeRequest(Roles.System)]
    public sealed record RecordOutcome(string OrderNumber, string? BssError) : ICommand<Unit>;

    internal sealed class RecordOutcomeHandler(PortalDbContext db, ICurrentUser user, TimeProvider time) : IRequestHandler<RecordOutcome, Unit>
    {
        public async Task<Unit> Handle(RecordOutcome request, CancellationToken cancellationToken)
        {
            var order = await db.Orders.FirstAsync(o => o.Number == request.OrderNumber, cancellationToken);
            if (order.Status != OrderStatus.Submitted)
            {
                return Unit.Value;
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (request.BssError is null)
            {
                order.MarkProvisioned(user.Actor, now);
            }
            else
            {
                order.MarkProvisioningFailed(user.Actor, now, request.BssError);
            }

            return Unit.Value;
        }
    }
}
