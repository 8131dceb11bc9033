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
