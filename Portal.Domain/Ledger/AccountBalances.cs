using Portal.Domain.Shared;

namespace Portal.Domain.Ledger;

public sealed record AccountBalance(string Code, Money Debit, Money Credit)
{
    /// <summary>Debit minus credit (assets and expenses positive, liabilities and revenue negative).</summary>
    public Money Balance => Debit - Credit;
}

/// <summary>Balances are never stored apart from the entries: they are always the replay of them.</summary>
public sealed class AccountBalances
{
    private readonly SortedDictionary<string, AccountBalance> _accounts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<AccountBalance> Accounts => _accounts.Values;

    public Money this[string code] => _accounts.TryGetValue(code, out var balance) ? balance.Balance : Money.Zero;

    public Money TotalDebit => _accounts.Values.Aggregate(Money.Zero, (sum, a) => sum + a.Debit);

    public Money TotalCredit => _accounts.Values.Aggregate(Money.Zero, (sum, a) => sum + a.Credit);

    public static AccountBalances Replay(IEnumerable<LedgerEntry> entries)
    {
        var balances = new AccountBalances();
        foreach (var entry in entries)
        {
            balances.Apply(entry);
        }

        return balances;
    }

    public static AccountBalances Replay(IEnumerable<LedgerTransaction> transactions) =>
        Replay(transactions.SelectMany(t => t.Entries));

    public void Apply(LedgerEntry entry)
    {
        var current = _accounts.TryGetValue(entry.AccountCode, out var balance) ? balance : new AccountBalance(entry.AccountCode, Money.Zero, Money.Zero);
        _accounts[entry.AccountCode] = current with { Debit = current.Debit + entry.Debit, Credit = current.Credit + entry.Credit };
    }
}
