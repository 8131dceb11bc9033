using Portal.Domain.Audit;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using static Portal.Domain.Ledger.ChartOfAccounts;
using static Portal.Domain.Ledger.LedgerEntry;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Audit;

/// <summary>
/// Random business days, each from a fixed seed (printed on failure): couriers collect cash and POS slips,
/// customers pay online; couriers hand over (some short), stations deposit (some on split slips), the acquirer
/// settles with fees (sometimes a slip twice), Stripe pays out net of fees, and the bank statement shows it all
/// (sometimes a line twice). Reconciled tier by tier, every injected fault lands on the worklist and nothing else
/// does; re-running decides nothing new; and the ledger shows the money conserved from the door to the bank.
/// </summary>
public class ReconciliationPropertyTests
{
    private const int Days = 1500;
    private static readonly DateOnly Day = new(2025, 5, 20);
    private static readonly MatchingOptions Options = MatchingOptions.Default;
    private static readonly (string Courier, string Station)[] Couriers =
        [("courier.wang", "tianhe"), ("courier.zhao", "tianhe"), ("courier.liu", "haizhu"), ("courier.sun", "haizhu")];

    [Fact]
    public void Every_injected_fault_and_nothing_else_lands_on_the_worklist_and_money_is_conserved()
    {
        for (var seed = 1; seed <= Days; seed++)
        {
            try
            {
                new BusinessDay(new Random(seed), seed).Reconcile();
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"The day with seed {seed} broke a reconciliation rule", ex);
            }
        }
    }

    private sealed class BusinessDay(Random random, int seed)
    {
        private readonly List<LedgerTransaction> _ledger = [];
        // Each fault is a set of keys of which exactly one must be on the worklist: of two identical lines, either may be the copy.
        private readonly List<string[]> _faults = [];
        private readonly List<HandoverLine> _handovers = [];
        private readonly List<MatchItem> _handoverItems = [];
        private readonly List<MatchItem> _depositSlips = [];
        private readonly List<MatchItem> _posPayments = [];
        private readonly List<MatchItem> _settlementLines = [];
        private readonly List<MatchItem> _batches = [];
        private readonly List<MatchItem> _onlinePayments = [];
        private readonly List<MatchItem> _balanceTransactions = [];
        private readonly List<MatchItem> _payouts = [];
        private readonly List<MatchItem> _bankLines = [];
        private Money _shortages = Money.Zero;
        private Money _fees = Money.Zero;
        private Money _duplicateSettlements = Money.Zero;
        private Money _duplicateBankLines = Money.Zero;
        private int _next;

        public void Reconcile()
        {
            CollectAndHandOver();
            Settle();
            PayOut();
            Statement();

            ReconciliationScope[] scopes =
            [
                new("deposits", AuditTier.Station, _handoverItems, _depositSlips),
                new("pos", AuditTier.Station, _posPayments, _settlementLines),
                new("stripe", AuditTier.Finance, _onlinePayments, _balanceTransactions),
                new("bank", AuditTier.Finance, [.. _depositSlips.Select(Banked), .. _batches, .. _payouts], _bankLines),
            ];
            var books = scopes.Select(_ => new MatchBook()).ToArray();
            var worklist = new List<WorkItem>(Reconciliation.HandoverWork(_handovers, Day.AddDays(1)));
            for (var i = 0; i < scopes.Length; i++)
            {
                books[i].Run(scopes[i].Expected, scopes[i].Actual, Options, Now);
                Assert.Empty(books[i].Run(scopes[i].Expected, scopes[i].Actual, Options, Now));
                Assert.Empty(new MatchBook(books[i].History).Run(scopes[i].Expected, scopes[i].Actual, Options, Now));
                worklist.AddRange(books[i].Worklist(scopes[i].Tier, scopes[i].Expected, scopes[i].Actual, Day.AddDays(1), Options));
            }

            var listed = worklist.Select(w => w.Key).ToHashSet();
            Assert.Equal(_faults.Count, listed.Count);
            Assert.All(_faults, fault => Assert.Single(fault, listed.Contains));

            // Money conserved: each tier's evidence is the previous tier's money, less fees, shortages and duplicates.
            var tiers = Enumerable.Range(0, scopes.Length).Select(i => (scopes[i], books[i])).ToArray();
            var handed = Reconciliation.SummariseHandovers(_handovers);
            var station = Reconciliation.Summarise(AuditTier.Station, tiers);
            var finance = Reconciliation.Summarise(AuditTier.Finance, tiers);
            Assert.Equal(Money.Zero - _shortages, handed.Variance);
            Assert.Equal(handed.Actual + Sum(_posPayments) + _duplicateSettlements, station.Actual);
            Assert.Equal(_duplicateSettlements + _duplicateBankLines, station.Unmatched + finance.Unmatched);

            var balances = AccountBalances.Replay(_ledger);
            Assert.Equal(Money.Zero, balances.TotalDebit - balances.TotalCredit);
            foreach (var (courier, stationName) in Couriers)
            {
                Assert.Equal(Money.Zero, balances[CourierCash(courier)]);
                Assert.Equal(Money.Zero, balances[StationSafe(stationName)]);
            }

            Assert.Equal(_shortages, Couriers.Aggregate(Money.Zero, (sum, c) => sum + balances[CourierReceivable(c.Courier)]));
            Assert.Equal(Money.Zero, balances[StripeBalance]);
            Assert.Equal(Money.Zero - _duplicateSettlements, balances[PosClearing]);
            Assert.Equal(_fees, balances[Fees]);
            Assert.Equal(Sum(_bankLines) - _duplicateBankLines, balances[Bank]);
            Assert.Equal(
                Sum(_handovers.Select(h => h.Expected)) + Sum(_posPayments) + Sum(_onlinePayments),
                balances[Bank] + balances[Fees] + _shortages - _duplicateSettlements);
        }

        private void CollectAndHandOver()
        {
            foreach (var stationGroup in Couriers.GroupBy(c => c.Station))
            {
                var counted = new List<Money>();
                foreach (var (courier, stationName) in stationGroup)
                {
                    var cash = Money.Zero;
                    for (var i = random.Next(7); i > 0; i--)
                    {
                        var amount = Amount();
                        cash += amount;
                        Capture(CourierCash(courier), amount);
                    }

                    for (var i = random.Next(4); i > 0; i--)
                    {
                        var amount = Amount();
                        _posPayments.Add(new MatchItem($"pos:{Id()}", amount, Day, $"SLIP-{seed}-{Id()}"));
                        Capture(PosClearing, amount);
                    }

                    if (cash == Money.Zero)
                    {
                        continue;
                    }

                    var shortage = random.Next(5) == 0 ? Money.FromMinorUnits(1 + random.NextInt64(cash.ToMinorUnits() / 2)) : Money.Zero;
                    var key = $"handover:{Id()}";
                    var inSafe = cash - shortage;
                    _handovers.Add(new HandoverLine(key, Day, cash, inSafe, false, []));
                    _handoverItems.Add(new MatchItem(key, inSafe, Day, Group: stationName));
                    _ledger.Add(Postings.CashCounted(key, courier, stationName, cash, inSafe, "cashier.chen", Now));
                    counted.Add(inSafe);
                    if (shortage > Money.Zero)
                    {
                        _shortages += shortage;
                        _faults.Add([key]);
                    }
                }

                Deposit(stationGroup.Key, counted.Aggregate(Money.Zero, (a, b) => a + b));
            }
        }

        private void Deposit(string stationName, Money total)
        {
            if (total == Money.Zero)
            {
                return;
            }

            // A split deposit: the safe goes to the bank on two or three slips cut at arbitrary amounts.
            var parts = new List<Money>();
            var left = total;
            for (var slips = random.Next(3) == 0 ? 1 + random.Next(2) : 0; slips > 0 && left.ToMinorUnits() > 1; slips--)
            {
                var part = Money.FromMinorUnits(1 + random.NextInt64(left.ToMinorUnits() - 1));
                parts.Add(part);
                left -= part;
            }

            parts.Add(left);
            foreach (var part in parts)
            {
                var slip = $"DS-{seed}-{Id()}";
                _depositSlips.Add(new MatchItem($"slip:{slip}", part, Day, slip, stationName));
                _ledger.Add(Postings.BankDeposit(slip, stationName, part, "cashier.chen", Now));
            }
        }

        private void Settle()
        {
            foreach (var batch in _posPayments.Chunk(5))
            {
                var batchNo = $"B{seed}-{Id()}";
                Money gross = Money.Zero, fee = Money.Zero;
                var lines = batch.ToList();
                (string Original, string Copy)? twiceKey = null;
                var settled = new Dictionary<string, string>();
                if (random.Next(8) == 0)
                {
                    // The acquirer settled one slip twice.
                    var twice = lines[random.Next(lines.Count)];
                    var duplicate = $"settlement:{Id()}";
                    _duplicateSettlements += twice.Amount;
                    lines.Add(twice with { Key = duplicate });
                    twiceKey = (twice.Key, duplicate);
                }

                foreach (var line in lines)
                {
                    var lineFee = Money.Yuan(decimal.Round(line.Amount.Amount * 0.006m, 2));
                    var settlement = line.Key.StartsWith("settlement:", StringComparison.Ordinal)
                        ? line with { Date = Day.AddDays(1) }
                        : new MatchItem($"settlement:{Id()}", line.Amount, Day.AddDays(1), line.Reference);
                    _settlementLines.Add(settlement);
                    settled[line.Key] = settlement.Key;
                    gross += line.Amount;
                    fee += lineFee;
                }

                if (twiceKey is { } pair)
                {
                    _faults.Add([settled[pair.Original], pair.Copy]);
                }

                _fees += fee;
                _batches.Add(new MatchItem($"batch:{batchNo}", gross - fee, Day.AddDays(1), batchNo));
                _ledger.Add(Postings.PosSettled(batchNo, gross, fee, "finance.zhou", Now));
            }
        }

        private void PayOut()
        {
            Money net = Money.Zero, fees = Money.Zero;
            for (var i = random.Next(16); i > 0; i--)
            {
                var amount = Amount();
                var intent = $"pi_{seed}_{Id()}";
                Capture(StripeBalance, amount);
                _onlinePayments.Add(new MatchItem($"payment:{intent}", amount, Day, intent));
                _balanceTransactions.Add(new MatchItem($"txn:{Id()}", amount, Day, intent));
                var fee = Money.Yuan(decimal.Round((amount.Amount * 0.029m) + 0.3m, 2));
                fees += fee;
                net += amount - fee;
            }

            if (net > Money.Zero)
            {
                var payout = $"po_{seed}_{Id()}";
                _fees += fees;
                _payouts.Add(new MatchItem($"payout:{payout}", net, Day.AddDays(2), payout));
                _ledger.Add(Postings.StripePaidOut(payout, net, fees, "finance.zhou", Now));
            }
        }

        private void Statement()
        {
            foreach (var slip in _depositSlips)
            {
                // Some branches print no slip number on the statement: those match by amount and date.
                _bankLines.Add(new MatchItem($"bank:{Id()}", slip.Amount, Day.AddDays(random.Next(2)), random.Next(3) == 0 ? null : slip.Reference));
            }

            _bankLines.AddRange(_batches.Concat(_payouts).Select(i => new MatchItem($"bank:{Id()}", i.Amount, i.Date, i.Reference)));
            if (_bankLines.Count > 0 && random.Next(6) == 0)
            {
                var twice = _bankLines[random.Next(_bankLines.Count)];
                var duplicate = twice with { Key = $"bank:{Id()}" };
                _bankLines.Add(duplicate);
                _duplicateBankLines += duplicate.Amount;
                _faults.Add([twice.Key, duplicate.Key]);
            }
        }

        // The bank side of a deposit slip: same slip, no station grouping (the bank knows no stations).
        private static MatchItem Banked(MatchItem slip) => slip with { Group = null };

        private void Capture(string account, Money amount) =>
            _ledger.Add(LedgerTransaction.Post(
                Guid.NewGuid(), LedgerTransactionKind.CashCollected, $"payment:{Id()}", null, "Collected",
                [DebitOf(account, amount), CreditOf(CustomerReceivable, amount)], "courier", Now));

        private Money Amount() => Money.FromMinorUnits(1000 + random.NextInt64(300_000));

        private int Id() => ++_next;

        private static Money Sum(IEnumerable<MatchItem> items) => items.Aggregate(Money.Zero, (s, i) => s + i.Amount);

        private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (s, a) => s + a);
    }
}
