using Microsoft.EntityFrameworkCore;
using Portal.Domain.Customers;
using Portal.Domain.Marketing;
using Portal.Domain.Orders;
using Portal.Domain.Payments;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.Privacy;

/// <summary>
/// Removes one customer's personal data from every record that holds a copy of it (the customer, their orders,
/// opportunities and deliveries) and records that it did. Money is never touched: ledger transactions, payments and
/// order amounts keep their amounts and references, so balances and reconciliations stay as they were.
/// </summary>
internal static class CustomerAnonymisation
{
    private static readonly OrderStatus[] ClosedOrders =
        [OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Returned, OrderStatus.Cancelled, OrderStatus.ProvisioningFailed];

    /// <summary>True while the customer has an order, payment or refund in progress, or an open opportunity.</summary>
    public static async Task<bool> HasOpenBusinessAsync(PortalDbContext db, long customerId, CancellationToken ct)
    {
        var orders = db.Orders.Where(o => o.CustomerId == customerId);
        return await orders.AnyAsync(o => !ClosedOrders.Contains(o.Status), ct)
            || await db.Opportunities.AnyAsync(o => o.CustomerId == customerId && (o.Status == OpportunityStatus.New || o.Status == OpportunityStatus.Claimed), ct)
        || await db.RepTasks.AnyAsync(t => t.CustomerId == customerId && t.Status != Domain.KeyMoments.RepTaskStatus.Closed, ct)
            || await db.Payments.AnyAsync(p => orders.Select(o => o.Number).Contains(p.OrderNumber)
                && (p.Status == PaymentAttemptStatus.Pending
                    || p.Refunds.Any(r => r.Status == RefundStatus.AwaitingApproval || r.Status == RefundStatus.Requested)), ct);
    }

    public static async Task AnonymiseAsync(
        PortalDbContext db, Customer customer, string actor, PersonalDataAction action, string reason, DateTime nowUtc, CancellationToken ct)
    {
        var anonymous = Domain.Shared.Msisdn.Anonymous(customer.Id);
        var orders = await db.Orders.Where(o => o.CustomerId == customer.Id).ToListAsync(ct);
        orders.ForEach(o => o.AnonymiseCustomer(anonymous));
        var numbers = orders.Select(o => o.Number).ToList();
        var deliveries = await db.Deliveries.Where(d => numbers.Contains(d.OrderNumber)).ToListAsync(ct);
        deliveries.ForEach(d => d.AnonymiseRecipient(anonymous));
        var opportunities = await db.Opportunities.Where(o => o.CustomerId == customer.Id).ToListAsync(ct);
        opportunities.ForEach(o => o.AnonymiseCustomer(anonymous));
        // The operator's usage facts, the rep tasks and the offer outcomes carry the number too.
        var phone = customer.Phone;
        (await db.UsageFacts.Where(f => f.Phone == phone).ToListAsync(ct)).ForEach(f => f.AnonymiseNumber(anonymous));
        (await db.RepTasks.Where(t => t.CustomerId == customer.Id || t.Phone == phone).ToListAsync(ct)).ForEach(t => t.AnonymiseCustomer(anonymous));
        (await db.OfferOutcomes.Where(o => o.CustomerId == customer.Id || o.Phone == phone).ToListAsync(ct)).ForEach(o => o.AnonymiseNumber(anonymous));
        customer.Anonymise();
        db.PersonalDataAccesses.Add(PersonalDataAccess.Record(actor, customer.Id, action, reason, null, nowUtc));
    }
}
