using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Ledger;

public enum LedgerTransactionKind
{
    OrderInvoiced,
    OnlinePayment,
    TerminalPayment,
    CashCollected,
    PosSlip,
    RefundOwed,
    RefundPaid,
    Fee,
    CashHandover,
    BankDeposit,
    StripePayout,
    PosSettlement,
    Reversal,
    Adjustment,
    RevenueRecognised,
    RevenueReversed,
}

/// <summary>
/// One business event in the append-only ledger. Its entries always sum to zero; once posted it never
/// changes, and a mistake is corrected by posting its reversal. (Kind, SourceReference) is unique, so the
/// same event can never be posted twice.
/// </summary>
public sealed class LedgerTransaction : Entity
{
    private readonly List<LedgerEntry> _entries = [];

    private LedgerTransaction()
    {
        SourceReference = null!;
        Description = null!;
        PostedBy = null!;
    }

    public Guid Key { get; private set; }

    public LedgerTransactionKind Kind { get; private set; }

    /// <summary>What caused it (payment, refund, event id): the idempotency key of posting.</summary>
    public string SourceReference { get; private set; }

    public string? OrderNumber { get; private set; }

    public string Description { get; private set; }

    public DateTime PostedAtUtc { get; private set; }

    public string PostedBy { get; private set; }

    /// <summary>The transaction this one cancels out, if it is a reversal.</summary>
    public Guid? Reverses { get; private set; }

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    public Money Total => _entries.Aggregate(Money.Zero, (sum, e) => sum + e.Debit);

    public static LedgerTransaction Post(
        Guid key,
        LedgerTransactionKind kind,
        string sourceReference,
        string? orderNumber,
        string description,
        IEnumerable<LedgerEntry> entries,
        string actor,
        DateTime nowUtc)
    {
        var transaction = new LedgerTransaction
        {
            Key = key == Guid.Empty ? throw new DomainException("ledger.key_required", "A transaction needs its own id") : key,
            Kind = kind,
            SourceReference = Require.Text(sourceReference, "Source reference", 100, "ledger.source_required"),
            OrderNumber = Require.OptionalText(orderNumber, "Order number", 14, "ledger.invalid"),
            Description = Require.Text(description, "Description", 200, "ledger.invalid"),
            PostedAtUtc = nowUtc,
            PostedBy = Require.Actor(actor),
        };
        transaction._entries.AddRange(entries);
        if (transaction._entries.Count < 2)
        {
            throw new DomainException("ledger.unbalanced", "A transaction needs at least one debit and one credit");
        }

        var net = transaction._entries.Aggregate(Money.Zero, (sum, e) => sum + e.Net);
        if (net != Money.Zero)
        {
            throw new DomainException("ledger.unbalanced", $"Debits and credits differ by {net}");
        }

        return transaction;
    }

    /// <summary>The correcting transaction: every line on the other side. A reversal itself is not reversed; post the event again instead.</summary>
    public LedgerTransaction Reverse(Guid key, string reason, string actor, DateTime nowUtc)
    {
        if (Kind == LedgerTransactionKind.Reversal)
        {
            throw new DomainException("ledger.reverse_reversal", "A reversal is not reversed; post the original event again");
        }

        var reversal = Post(
            key,
            LedgerTransactionKind.Reversal,
            $"reversal:{Key}",
            OrderNumber,
            Require.Text(reason, "Reason", 200, "ledger.reason_required"),
            _entries.Select(e => e.Opposite()),
            actor,
            nowUtc);
        reversal.Reverses = Key;
        return reversal;
    }
}
