using Portal.Domain.Common;

namespace Portal.Domain.Ledger;

public enum AccountKind
{
    Asset,
    Liability,
    Revenue,
    Expense,
}

public sealed record LedgerAccount(string Code, string Name, AccountKind Kind);

/// <summary>
/// The accounts money moves between. Courier cash and station safes have one sub-account per courier and per
/// station ("1210-courier1"), so the three-tier audit can compare each of them with what was counted.
/// </summary>
public static class ChartOfAccounts
{
    public const string Bank = "1000";
    public const string CustomerReceivable = "1100";
    public const string CourierCashPrefix = "1210";
    public const string StationSafePrefix = "1220";
    public const string CourierReceivablePrefix = "1230";
    public const string PosClearing = "1300";
    public const string StripeBalance = "1400";
    public const string RefundsPayable = "2100";

    /// <summary>Money invoiced or received for goods not yet handed over: earned (moved to revenue) on fulfilment.</summary>
    public const string ContractLiability = "2200";
    public const string Revenue = "4000";
    public const string Fees = "6100";
    public const string CashOverShort = "6900";

    public const int MaxCodeLength = 128;

    public static readonly IReadOnlyList<LedgerAccount> Fixed =
    [
        new(Bank, "Bank", AccountKind.Asset),
        new(CustomerReceivable, "Customer receivable", AccountKind.Asset),
        new(PosClearing, "POS clearing", AccountKind.Asset),
        new(StripeBalance, "Stripe balance", AccountKind.Asset),
        new(RefundsPayable, "Refunds payable", AccountKind.Liability),
        new(ContractLiability, "Contract liability (deferred revenue)", AccountKind.Liability),
        new(Revenue, "Revenue", AccountKind.Revenue),
        new(Fees, "Fees", AccountKind.Expense),
        new(CashOverShort, "Cash over and short", AccountKind.Expense),
    ];

    public static string CourierCash(string courier) => Sub(CourierCashPrefix, courier, "courier");

    public static string StationSafe(string station) => Sub(StationSafePrefix, station, "station");

    /// <summary>What a courier owes after handing over less cash than they collected.</summary>
    public static string CourierReceivable(string courier) => Sub(CourierReceivablePrefix, courier, "courier");

    public static LedgerAccount Describe(string code)
    {
        if (Fixed.FirstOrDefault(a => a.Code == code) is { } account)
        {
            return account;
        }

        if (code.StartsWith(CourierCashPrefix + "-", StringComparison.Ordinal))
        {
            return new LedgerAccount(code, $"Courier cash in hand — {code[(CourierCashPrefix.Length + 1)..]}", AccountKind.Asset);
        }

        if (code.StartsWith(StationSafePrefix + "-", StringComparison.Ordinal))
        {
            return new LedgerAccount(code, $"Station safe — {code[(StationSafePrefix.Length + 1)..]}", AccountKind.Asset);
        }

        if (code.StartsWith(CourierReceivablePrefix + "-", StringComparison.Ordinal))
        {
            return new LedgerAccount(code, $"Receivable from courier — {code[(CourierReceivablePrefix.Length + 1)..]}", AccountKind.Asset);
        }

        throw new DomainException("ledger.unknown_account", $"{code} is not in the chart of accounts");
    }

    private static string Sub(string prefix, string owner, string what)
    {
        var name = owner?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxCodeLength - prefix.Length - 1)
        {
            throw new DomainException("ledger.unknown_account", $"A {what} account needs the {what}'s name");
        }

        return $"{prefix}-{name}";
    }
}
