using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using static Portal.Domain.Ledger.ChartOfAccounts;
using static Portal.Domain.Ledger.LedgerEntry;

namespace Portal.Domain.Ledger;

/// <summary>
/// The one place that says which accounts each business event moves money between. Source references are
/// stable per event, so posting the same event again is refused by the ledger's unique key.
/// </summary>
public static class Postings
{
    /// <summary>The customer owes the order's total; it is earned only once the order is fulfilled (see <see cref="RevenueRecognition"/>).</summary>
    public static LedgerTransaction OrderInvoiced(string orderNumber, Money total, string actor, DateTime nowUtc) =>
        LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.OrderInvoiced, $"order:{orderNumber}", orderNumber, $"Order {orderNumber} invoiced",
            [DebitOf(CustomerReceivable, total), CreditOf(ContractLiability, total)], actor, nowUtc);

    /// <summary>Captured money lands where it physically is: Stripe, the courier's pocket, or the POS acquirer.</summary>
    public static LedgerTransaction PaymentCaptured(Payment payment, string actor, DateTime nowUtc)
    {
        if (!payment.IsCaptured)
        {
            throw new DomainException("ledger.not_captured", $"Payment {payment.Key} has captured nothing");
        }

        var (kind, account) = payment.Channel switch
        {
            PaymentChannel.Online => (LedgerTransactionKind.OnlinePayment, StripeBalance),
            PaymentChannel.Terminal => (LedgerTransactionKind.TerminalPayment, StripeBalance),
            PaymentChannel.Cash => (LedgerTransactionKind.CashCollected, CourierCash(payment.SettledBy!)),
            _ => (LedgerTransactionKind.PosSlip, PosClearing),
        };
        return LedgerTransaction.Post(
            Guid.NewGuid(), kind, $"payment:{payment.Key}", payment.OrderNumber,
            $"{payment.Channel} payment {payment.Reference ?? payment.Key.ToString("N")}",
            [DebitOf(account, payment.Amount), CreditOf(CustomerReceivable, payment.Amount)], actor, nowUtc);
    }

    /// <summary>
    /// A refund decided (approved when it needed to be): we owe the customer instead of the goods. Revenue already
    /// recognised on a fulfilled order is reversed separately by <see cref="RevenueRecognition"/>.
    /// </summary>
    public static LedgerTransaction RefundOwed(Payment payment, PaymentRefund refund, string actor, DateTime nowUtc) =>
        LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.RefundOwed, $"refund:{refund.Key}", payment.OrderNumber, $"Refund owed on {payment.Channel} payment",
            [DebitOf(ContractLiability, refund.Amount), CreditOf(RefundsPayable, refund.Amount)], actor, nowUtc);

    /// <summary>The refund left through the channel it came in by; cash goes back out of a station's safe.</summary>
    public static LedgerTransaction RefundPaid(Payment payment, PaymentRefund refund, string? station, string actor, DateTime nowUtc)
    {
        var from = payment.Channel switch
        {
            PaymentChannel.Online or PaymentChannel.Terminal => StripeBalance,
            PaymentChannel.Pos => PosClearing,
            _ => StationSafe(station ?? throw new DomainException("ledger.station_required", "A cash refund is paid out of a station's safe")),
        };
        return LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.RefundPaid, $"refund-paid:{refund.Key}", payment.OrderNumber,
            $"Refund paid {refund.Reference ?? refund.Key.ToString("N")}",
            [DebitOf(RefundsPayable, refund.Amount), CreditOf(from, refund.Amount)], actor, nowUtc);
    }

    public static LedgerTransaction Fee(string reference, string? orderNumber, Money amount, string actor, DateTime nowUtc) =>
        LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.Fee, $"fee:{reference}", orderNumber, $"Stripe fee {reference}",
            [DebitOf(Fees, amount), CreditOf(StripeBalance, amount)], actor, nowUtc);

    /// <summary>Tier 1: the courier hands the day's cash to the station cashier.</summary>
    public static LedgerTransaction CashHandover(string reference, string courier, string station, Money amount, string actor, DateTime nowUtc) =>
        LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.CashHandover, $"handover:{reference}", null, $"Cash from {courier} to {station}",
            [DebitOf(StationSafe(station), amount), CreditOf(CourierCash(courier), amount)], actor, nowUtc);

    /// <summary>Tier 2: the station deposits its safe at the bank.</summary>
    public static LedgerTransaction BankDeposit(string slipNumber, string station, Money amount, string actor, DateTime nowUtc) =>
        LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.BankDeposit, $"deposit:{slipNumber}", null, $"Deposit {slipNumber} from {station}",
            [DebitOf(Bank, amount), CreditOf(StationSafe(station), amount)], actor, nowUtc);

    public static LedgerTransaction StripePayout(string payoutId, Money amount, string actor, DateTime nowUtc) =>
        LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.StripePayout, $"payout:{payoutId}", null, $"Stripe payout {payoutId}",
            [DebitOf(Bank, amount), CreditOf(StripeBalance, amount)], actor, nowUtc);

    public static LedgerTransaction PosSettlement(string batch, Money amount, string actor, DateTime nowUtc) =>
        LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.PosSettlement, $"pos-batch:{batch}", null, $"POS settlement {batch}",
            [DebitOf(Bank, amount), CreditOf(PosClearing, amount)], actor, nowUtc);

    /// <summary>
    /// Tier 1 as counted: the counted cash goes into the station's safe, the courier's cash-in-hand is cleared of
    /// everything they collected, and a shortage becomes what the courier owes (an overage goes to cash over/short).
    /// </summary>
    public static LedgerTransaction CashCounted(string reference, string courier, string station, Money expected, Money counted, string actor, DateTime nowUtc)
    {
        var entries = new List<LedgerEntry>();
        if (counted > Money.Zero)
        {
            entries.Add(DebitOf(StationSafe(station), counted));
        }

        if (counted < expected)
        {
            entries.Add(DebitOf(ChartOfAccounts.CourierReceivable(courier), expected - counted));
        }

        if (expected > Money.Zero)
        {
            entries.Add(CreditOf(CourierCash(courier), expected));
        }

        if (counted > expected)
        {
            entries.Add(CreditOf(CashOverShort, counted - expected));
        }

        return LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.CashHandover, $"handover:{reference}", null, $"Cash from {courier} to {station}",
            entries, actor, nowUtc);
    }

    /// <summary>Tier 2: the acquirer paid a batch of POS slips into the bank, net of its fees.</summary>
    public static LedgerTransaction PosSettled(string batch, Money gross, Money fee, string actor, DateTime nowUtc)
    {
        var entries = new List<LedgerEntry>();
        if (gross - fee > Money.Zero)
        {
            entries.Add(DebitOf(Bank, gross - fee));
        }

        if (fee > Money.Zero)
        {
            entries.Add(DebitOf(Fees, fee));
        }

        entries.Add(CreditOf(PosClearing, gross));
        return LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.PosSettlement, $"pos-batch:{batch}", null, $"POS settlement {batch}", entries, actor, nowUtc);
    }

    /// <summary>Tier 3: Stripe paid its balance into the bank; the fees it kept were charged against that balance.</summary>
    public static LedgerTransaction StripePaidOut(string payoutId, Money net, Money fees, string actor, DateTime nowUtc)
    {
        var entries = new List<LedgerEntry> { DebitOf(Bank, net) };
        if (fees > Money.Zero)
        {
            entries.Add(DebitOf(Fees, fees));
        }

        entries.Add(CreditOf(StripeBalance, net + fees));
        return LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.StripePayout, $"payout:{payoutId}", null, $"Stripe payout {payoutId}", entries, actor, nowUtc);
    }

    /// <summary>An approved adjustment: the difference is written off to cash over/short against the account it sat in.</summary>
    public static LedgerTransaction Adjustment(string reference, string account, Money difference, string reason, string actor, DateTime nowUtc)
    {
        LedgerEntry[] entries = difference > Money.Zero
            ? [DebitOf(account, difference), CreditOf(CashOverShort, difference)]
            : [DebitOf(CashOverShort, Money.Zero - difference), CreditOf(account, Money.Zero - difference)];
        return LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.Adjustment, $"adjustment:{reference}", null, reason, entries, actor, nowUtc);
    }
}
