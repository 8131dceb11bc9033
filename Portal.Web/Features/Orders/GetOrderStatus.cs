using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Orders;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>
/// Where an order stands, cheaply, for the rep's result panel to follow a direct order until the BSS has answered.
/// </summary>
public static class GetOrderStatus
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice, Roles.Integration)]
    public sealed record Query(string Number) : IRequest<Result>;

    /// <summary><see cref="Message"/> carries the BSS's reason when provisioning failed.</summary>
    public sealed record Result(string Number, string Status, bool AwaitingBss, string? Message);

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var number = (request.Number ?? "").Trim().ToUpperInvariant();
            var order = await db.Orders.AsNoTracking().VisibleTo(user)
                .Where(o => o.Number == number)
                .Select(o => new { o.Number, o.Flow, o.Status, o.PaymentMethod, o.PaymentStatus })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"Order {number}");
            string? message = null;
            if (order.Status == OrderStatus.ProvisioningFailed)
            {
                var failed = await db.Orders.AsNoTracking().SingleAsync(o => o.Number == number, cancellationToken);
                message = failed.Timeline.LastOrDefault(t => t.ToStatus == OrderStatus.ProvisioningFailed)?.Reason;
            }

            var awaiting = order.Flow == OrderFlow.Direct && order.Status == OrderStatus.Submitted && !(order.PaymentMethod == PaymentMethod.Online && order.PaymentStatus != PaymentStatus.Paid);
            return new Result(order.Number, order.Status.ToString(), awaiting, message);
        }
    }
}
