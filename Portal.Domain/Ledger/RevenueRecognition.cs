using Portal.Domain.Shared;
using static Portal.Domain.Ledger.ChartOfAccounts;
using static Portal.Domain.Ledger.LedgerEntry;

namespace Portal.Domain.Ledger;

/// <summary>
/// Revenue is earned when the order is fulfilled (delivered, or completed in the store), and then only what was
/// received for it through any channel — captured online, in cash, by POS or on a Terminal reader, less what is
/// owed back. It is worked out from the order's own postings, so asking again posts nothing new; money received
/// or refunded after fulfilment moves revenue by the difference (a refund reverses what was recognised).
/// See docs/adr/0013-revenue-recognition.md.
/// </summary>
public static class RevenueRecognition
{
    public static readonly IReadOnlySet<LedgerTransactionKind> Captures = new HashSet<LedgerTransactionKind>
    {
        LedgerTransactionKind.OnlinePayment,
        LedgerTransactionKind.TerminalPayment,
        LedgerTransactionKind.CashCollected,
        LedgerTransactionKind.PosSlip,
    };

    /// <summary>What the customer paid and kept paid: captures less refunds owed.</summary>
    public static Money Received(IEnumerable<LedgerTransaction> orderPostings)
    {
        var received = Money.Zero;
        foreach (var posting in orderPostings)
        {
            if (Captures.Contains(posting.Kind))
            {
                received += posting.Total;
            }
            else if (posting.Kind == LedgerTransactionKind.RefundOwed)
            {
                received -= posting.Total;
            }
            else if (IsCancelledRefund(posting))
            {
                received += posting.Total;
            }
        }

        return received;
    }

    /// <summary>Whether posting it can change what the order's revenue should be.</summary>
    public static bool AffectsReceived(LedgerTransaction posting) =>
        Captures.Contains(posting.Kind) || posting.Kind == LedgerTransactionKind.RefundOwed || IsCancelledRefund(posting);

    /// <summary>The reversal of a refund owed (the refund failed at the bank): the money stays received.</summary>
    private static bool IsCancelledRefund(LedgerTransaction posting) =>
        posting.Kind == LedgerTransactionKind.Reversal
        && posting.Entries.Any(e => e.AccountCode == RefundsPayable && e.Debit > Money.Zero)
        && posting.Entries.Any(e => e.AccountCode == ContractLiability && e.Credit > Money.Zero);

    /// <summary>Revenue recognised so far: recognitions less reversals.</summary>
    public static Money Recognised(IEnumerable<LedgerTransaction> orderPostings) =>
        orderPostings
            .Where(p => p.Kind is LedgerTransactionKind.RevenueRecognised or LedgerTransactionKind.RevenueReversed)
            .SelectMany(p => p.Entries)
            .Where(e => e.AccountCode == Revenue)
            .Aggregate(Money.Zero, (sum, e) => sum + e.Credit - e.Debit);

    /// <summary>
    /// The posting that brings the order's revenue to what was received, or null when nothing is due: not fulfilled
    /// yet, already even, or invoiced before revenue waited for fulfilment (its revenue was booked at invoicing).
    /// </summary>
    public static LedgerTransaction? Due(string orderNumber, bool fulfilled, IReadOnlyCollection<LedgerTransaction> orderPostings, string actor, DateTime nowUtc)
    {
        if (!fulfilled || orderPostings.Any(p => p.Kind == LedgerTransactionKind.OrderInvoiced && p.Entries.Any(e => e.AccountCode == Revenue)))
        {
            return null;
        }

        var difference = Received(orderPostings) - Recognised(orderPostings);
        if (difference == Money.Zero)
        {
            return null;
        }

        // The first recognition is "revenue:{order}"; each later change is numbered, so the ledger's unique key
        // refuses a second copy of the same step from a concurrent request.
        var step = orderPostings.Count(p => p.Kind is LedgerTransactionKind.RevenueRecognised or LedgerTransactionKind.RevenueReversed);
        var source = step == 0 ? $"revenue:{orderNumber}" : $"revenue:{orderNumber}/{step}";
        return difference > Money.Zero
            ? LedgerTransaction.Post(
                Guid.NewGuid(), LedgerTransactionKind.RevenueRecognised, source, orderNumber, $"Revenue of order {orderNumber} recognised",
                [DebitOf(ContractLiability, difference), CreditOf(Revenue, difference)], actor, nowUtc)
            : LedgerTransaction.Post(
                Guid.NewGuid(), LedgerTransactionKind.RevenueReversed, source, orderNumber, $"Revenue of order {orderNumber} reversed (refund)",
                [DebitOf(Revenue, Money.Zero - difference), CreditOf(ContractLiability, Money.Zero - difference)], actor, nowUtc);
    }
}
