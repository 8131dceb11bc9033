using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ledger;
using Portal.Domain.Orders;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.Payments;

/// <summary>Posting helpers shared by the money use cases: each business event posts once, whoever asks twice.</summary>
internal static class LedgerBook
{
    public static async Task<bool> PostOnceAsync(this PortalDbContext db, LedgerTransaction transaction, CancellationToken cancellationToken)
    {
        if (await IsPostedAsync(db, transaction.Kind, transaction.SourceReference, cancellationToken))
        {
            return false;
        }

        db.LedgerTransactions.Add(transaction);
        if (transaction.OrderNumber is { } orderNumber && RevenueRecognition.AffectsReceived(transaction))
        {
            await db.RecogniseRevenueAsync(orderNumber, transaction.PostedBy, transaction.PostedAtUtc, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Brings a fulfilled order's revenue to what was received for it (see <see cref="RevenueRecognition"/>); asked
    /// on fulfilment and whenever money for the order moves. Posts nothing when nothing changed.
    /// </summary>
    public static async Task<bool> RecogniseRevenueAsync(this PortalDbContext db, string orderNumber, string actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var status = db.Orders.Local.FirstOrDefault(o => o.Number == orderNumber)?.Status
            ?? await db.Orders.Where(o => o.Number == orderNumber).Select(o => (OrderStatus?)o.Status).FirstOrDefaultAsync(cancellationToken);
        if (status is not (OrderStatus.Delivered or OrderStatus.Completed))
        {
            return false;
        }

        var saved = await db.LedgerTransactions.AsNoTracking().Where(t => t.OrderNumber == orderNumber).ToListAsync(cancellationToken);
        var postings = db.LedgerTransactions.Local.Where(t => t.OrderNumber == orderNumber).Concat(saved).DistinctBy(t => t.Key).ToList();
        if (RevenueRecognition.Due(orderNumber, fulfilled: true, postings, actor, nowUtc) is not { } due)
        {
            return false;
        }

        db.LedgerTransactions.Add(due);
        return true;
    }

    public static async Task<LedgerTransaction?> FindPostingAsync(
        this PortalDbContext db, LedgerTransactionKind kind, string sourceReference, CancellationToken cancellationToken) =>
        db.LedgerTransactions.Local.FirstOrDefault(t => t.Kind == kind && t.SourceReference == sourceReference)
        ?? await db.LedgerTransactions.FirstOrDefaultAsync(t => t.Kind == kind && t.SourceReference == sourceReference, cancellationToken);

    /// <summary>
    /// The order is invoiced (receivable against revenue) when its first money is taken, so every payment
    /// posting has its receivable to settle.
    /// </summary>
    public static Task<bool> EnsureInvoicedAsync(this PortalDbContext db, Order order, string actor, DateTime nowUtc, CancellationToken cancellationToken) =>
        db.PostOnceAsync(Postings.OrderInvoiced(order.Number, order.Total, actor, nowUtc), cancellationToken);

    private static async Task<bool> IsPostedAsync(PortalDbContext db, LedgerTransactionKind kind, string sourceReference, CancellationToken cancellationToken) =>
        await db.FindPostingAsync(kind, sourceReference, cancellationToken) is not null;
}
