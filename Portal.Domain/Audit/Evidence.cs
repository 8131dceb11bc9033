using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Audit;

public enum ImportKind
{
    BankStatement,
    PosSettlement,
    StripePayouts,
}

/// <summary>One accepted file: what it held and how much of it was already known.</summary>
public sealed class AuditImport : Entity
{
    private AuditImport()
    {
        FileName = null!;
        FileHash = null!;
        ImportedBy = null!;
    }

    public Guid Key { get; private set; }

    public ImportKind Kind { get; private set; }

    public string FileName { get; private set; }

    /// <summary>SHA-256 of the bytes: the same file again is recognised before its lines are read.</summary>
    public string FileHash { get; private set; }

    public int Lines { get; private set; }

    public int Duplicates { get; private set; }

    public string ImportedBy { get; private set; }

    public DateTime ImportedAtUtc { get; private set; }

    public static AuditImport Accept(Guid key, ImportKind kind, string fileName, string fileHash, int lines, int duplicates, string actor, DateTime nowUtc) =>
        new()
        {
            Key = key,
            Kind = kind,
            FileName = Require.Text(fileName, "File name", 200, "audit.file_required"),
            FileHash = Require.Text(fileHash, "File hash", 64, "audit.file_required"),
            Lines = lines,
            Duplicates = duplicates,
            ImportedBy = Require.Actor(actor),
            ImportedAtUtc = nowUtc,
        };
}

/// <summary>A line of the bank statement (credits positive). LineId is the bank's own id for it: seen once, kept once.</summary>
public sealed class BankStatementLine : Entity
{
    private BankStatementLine()
    {
        LineId = null!;
    }

    public string LineId { get; private set; }

    public DateOnly BookingDate { get; private set; }

    public DateOnly ValueDate { get; private set; }

    public Money Amount { get; private set; }

    public string? Reference { get; private set; }

    public string? Counterparty { get; private set; }

    public string? Narrative { get; private set; }

    public Guid ImportKey { get; private set; }

    public static BankStatementLine Create(
        string lineId, DateOnly bookingDate, DateOnly valueDate, Money amount, string currency, string? reference, string? counterparty, string? narrative, Guid importKey)
    {
        if (!string.Equals(currency?.Trim(), "CNY", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("audit.currency", $"Only CNY statements are reconciled (was {currency})");
        }

        if (amount == Money.Zero)
        {
            throw new DomainException("audit.invalid_amount", "A statement line moves some money");
        }

        return new BankStatementLine
        {
            LineId = Require.Text(lineId, "LineId", 64, "audit.line_id_required"),
            BookingDate = bookingDate,
            ValueDate = valueDate,
            Amount = amount,
            Reference = Require.OptionalText(reference, "Reference", 100, "audit.invalid"),
            Counterparty = Require.OptionalText(counterparty, "Counterparty", 200, "audit.invalid"),
            Narrative = Require.OptionalText(narrative, "Narrative", 500, "audit.invalid"),
            ImportKey = importKey,
        };
    }
}

/// <summary>A slip the acquirer settled: gross, its fee and the net paid into the bank with the rest of the batch.</summary>
public sealed class PosSettlementLine : Entity
{
    private PosSettlementLine()
    {
        TerminalId = null!;
        BatchNo = null!;
        Reference = null!;
    }

    public DateOnly SettlementDate { get; private set; }

    public string TerminalId { get; private set; }

    public string BatchNo { get; private set; }

    public string Reference { get; private set; }

    public string? CardLast4 { get; private set; }

    public Money Amount { get; private set; }

    public Money Fee { get; private set; }

    public Money NetAmount { get; private set; }

    public Guid ImportKey { get; private set; }

    public static PosSettlementLine Create(
        DateOnly settlementDate, string terminalId, string batchNo, string reference, string? cardLast4, Money amount, Money fee, Money net, Guid importKey)
    {
        if (amount - fee != net)
        {
            throw new DomainException("audit.net_mismatch", $"Amount {amount} less fee {fee} is not the net {net}");
        }

        if (fee < Money.Zero || amount <= Money.Zero)
        {
            throw new DomainException("audit.invalid_amount", "A settled slip has a positive amount and a fee of zero or more");
        }

        var last4 = Require.OptionalText(cardLast4, "CardLast4", 4, "audit.invalid");
        if (last4 is not null && !last4.All(char.IsAsciiDigit))
        {
            throw new DomainException("audit.invalid", "CardLast4 is four digits");
        }

        return new PosSettlementLine
        {
            SettlementDate = settlementDate,
            TerminalId = Require.Text(terminalId, "TerminalId", 64, "audit.invalid"),
            BatchNo = Require.Text(batchNo, "BatchNo", 64, "audit.invalid"),
            Reference = Require.Text(reference, "Reference", 64, "audit.invalid"),
            CardLast4 = last4,
            Amount = amount,
            Fee = fee,
            NetAmount = net,
            ImportKey = importKey,
        };
    }
}

/// <summary>Tier 2: a station's cash paid in at the bank, as the slip says.</summary>
public sealed class DepositSlip : Entity
{
    private DepositSlip()
    {
        SlipNumber = null!;
        Station = null!;
        Account = null!;
        RecordedBy = null!;
    }

    public string SlipNumber { get; private set; }

    public string Station { get; private set; }

    public DateOnly Day { get; private set; }

    public Money Amount { get; private set; }

    public string Account { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public static DepositSlip Record(string slipNumber, string station, DateOnly day, Money amount, string account, string actor, DateTime nowUtc) =>
        new()
        {
            SlipNumber = Require.Text(slipNumber, "Slip number", 64, "audit.slip_required"),
            Station = Require.Text(station, "Station", 100, "audit.station_required"),
            Day = day,
            Amount = amount > Money.Zero ? amount : throw new DomainException("audit.invalid_amount", "A deposit is a positive amount"),
            Account = Require.Text(account, "Account", 64, "audit.invalid"),
            RecordedBy = Require.Actor(actor),
            RecordedAtUtc = nowUtc,
        };
}

/// <summary>A recorded match decision of one reconciliation scope, as stored (the log the MatchBook replays).</summary>
public sealed class MatchDecisionRecord : Entity
{
    private MatchDecisionRecord()
    {
        Scope = null!;
        ExpectedKeys = null!;
        ActualKeys = null!;
        DecidedBy = null!;
    }

    public Guid Key { get; private set; }

    public string Scope { get; private set; }

    public MatchDecisionKind Kind { get; private set; }

    public MatchRule Rule { get; private set; }

    public string ExpectedKeys { get; private set; }

    public string ActualKeys { get; private set; }

    public Money Difference { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTime DecidedAtUtc { get; private set; }

    public Guid? Undoes { get; private set; }

    public string? Reason { get; private set; }

    public static MatchDecisionRecord Of(string scope, MatchDecision decision) =>
        new()
        {
            Key = decision.Key,
            Scope = scope,
            Kind = decision.Kind,
            Rule = decision.Rule,
            ExpectedKeys = string.Join('\n', decision.Expected),
            ActualKeys = string.Join('\n', decision.Actual),
            Difference = decision.Difference,
            DecidedBy = decision.DecidedBy,
            DecidedAtUtc = decision.DecidedAtUtc,
            Undoes = decision.Undoes,
            Reason = decision.Reason,
        };

    public MatchDecision ToDecision() =>
        new(Key, Kind, Rule, ExpectedKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries), ActualKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Difference, DecidedBy, DecidedAtUtc, Undoes, Reason);
}

/// <summary>A Stripe payout to the bank, as Stripe reports it (amount is what lands, after fees).</summary>
public sealed class StripePayoutLine : Entity
{
    private StripePayoutLine()
    {
        PayoutId = null!;
        Status = null!;
    }

    public string PayoutId { get; private set; }

    public DateOnly ArrivalDate { get; private set; }

    public Money Amount { get; private set; }

    public string Status { get; private set; }

    public DateTime FetchedAtUtc { get; private set; }

    public static StripePayoutLine Create(string payoutId, DateOnly arrivalDate, Money amount, string status, DateTime nowUtc) =>
        new()
        {
            PayoutId = Require.Text(payoutId, "Payout id", 64, "audit.invalid"),
            ArrivalDate = arrivalDate,
            Amount = amount,
            Status = Require.Text(status, "Status", 32, "audit.invalid"),
            FetchedAtUtc = nowUtc,
        };
}

/// <summary>One movement of a payout: a charge (gross and Stripe's fee) or a refund, tied to the PaymentIntent it came from.</summary>
public sealed class StripeBalanceLine : Entity
{
    private StripeBalanceLine()
    {
        TransactionId = null!;
        PayoutId = null!;
        Type = null!;
    }

    public string TransactionId { get; private set; }

    public string PayoutId { get; private set; }

    /// <summary>The PaymentIntent (our payment's reference) behind a charge, when there is one.</summary>
    public string? PaymentIntent { get; private set; }

    public string Type { get; private set; }

    public DateOnly Date { get; private set; }

    public Money Amount { get; private set; }

    public Money Fee { get; private set; }

    public Money Net { get; private set; }

    public static StripeBalanceLine Create(
        string transactionId, string payoutId, string? paymentIntent, string type, DateOnly date, Money amount, Money fee, Money net) =>
        amount - fee != net
            ? throw new DomainException("audit.net_mismatch", $"Amount {amount} less fee {fee} is not the net {net}")
            : new()
            {
                TransactionId = Require.Text(transactionId, "Balance transaction id", 64, "audit.invalid"),
                PayoutId = Require.Text(payoutId, "Payout id", 64, "audit.invalid"),
                PaymentIntent = Require.OptionalText(paymentIntent, "PaymentIntent", 64, "audit.invalid"),
                Type = Require.Text(type, "Type", 32, "audit.invalid"),
                Date = date,
                Amount = amount,
                Fee = fee,
                Net = net,
            };
}
