using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Ledger;

/// <summary>One line of a transaction: exactly one of debit and credit is non-zero.</summary>
public sealed record LedgerEntry
{
    private LedgerEntry(string accountCode, Money debit, Money credit)
    {
        AccountCode = ChartOfAccounts.Describe(accountCode).Code;
        Debit = debit;
        Credit = credit;
    }

    public string AccountCode { get; private init; }

    public Money Debit { get; private init; }

    public Money Credit { get; private init; }

    /// <summary>Debit minus credit: what this line adds to its account's balance.</summary>
    public Money Net => Debit - Credit;

    public static LedgerEntry DebitOf(string accountCode, Money amount) => new(accountCode, Positive(amount), Money.Zero);

    public static LedgerEntry CreditOf(string accountCode, Money amount) => new(accountCode, Money.Zero, Positive(amount));

    /// <summary>The same line on the other side, for a reversing transaction.</summary>
    public LedgerEntry Opposite() => new(AccountCode, Credit, Debit);

    private static Money Positive(Money amount) =>
        amount > Money.Zero ? amount : throw new DomainException("ledger.invalid_amount", $"A ledger line needs a positive amount (was {amount})");
}
