using System.Diagnostics;
using System.Globalization;
using System.Text;
using Portal.Domain.Audit;
using Portal.Domain.Shared;
using Portal.Infrastructure.Audit;

namespace Portal.Bench;

/// <summary>
/// The three-tier audit end to end on a month of generated activity (fixed seed): payments (40% bank POS, 40%
/// online, 20% cash) with their acquirer settlement file and Stripe balance lines, the couriers' handovers and
/// the stations' deposits (a third split over several slips), and the bank statement as a CSV file. The files
/// are parsed, then every scope is matched; a few injected duplicates must end on the worklist.
/// Usage: dotnet run -c Release --project Portal.Bench -- reconcile [payments]
/// </summary>
internal static class ReconcileBenchmark
{
    private static readonly DateOnly Start = new(2026, 11, 1);

    public static BenchTable Run(string[] args)
    {
        var payments = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var input = Generate(payments, new Random(20261201));
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var table = new BenchTable("reconcile", "none", "scope", "ours", "theirs", "open", "wall s", "CPU s");
        table.Note($"{payments:N0} payments; settlement file {input.SettlementCsv.Length / 1048576.0:0.0} MB, bank file {input.BankCsv.Length / 1048576.0:0.0} MB; working set before {before / 1048576.0:0} MB");

        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        var settlement = StatementFiles.ParseSettlementCsv(input.SettlementCsv, Guid.NewGuid());
        var bank = StatementFiles.ParseBankStatement(input.BankCsv, Guid.NewGuid());
        if (settlement.Errors.Count + bank.Errors.Count > 0)
        {
            throw new InvalidOperationException("The generated files did not parse");
        }

        var parsed = clock.Elapsed;
        ReconciliationScope[] scopes =
        [
            new("deposits", AuditTier.Station, input.Handovers, input.Slips),
            new("pos", AuditTier.Station, input.PosPayments,
                [.. settlement.Rows.Select(l => new MatchItem($"settlement:{l.TerminalId}/{l.BatchNo}/{l.Reference}", l.Amount, l.SettlementDate, l.Reference))]),
            new("stripe", AuditTier.Finance, input.OnlinePayments, input.BalanceLines),
            new("bank", AuditTier.Finance,
                [
                    .. input.Slips.Select(s => s with { Group = null }),
                    .. settlement.Rows.GroupBy(l => (l.TerminalId, l.BatchNo)).Select(g => new MatchItem(
                        $"batch:{g.Key.TerminalId}/{g.Key.BatchNo}", g.Aggregate(Money.Zero, (sum, l) => sum + l.NetAmount), g.Max(l => l.SettlementDate), g.Key.BatchNo)),
                    .. input.Payouts,
                ],
                [.. bank.Rows.Select(l => new MatchItem($"bank:{l.LineId}", l.Amount, l.BookingDate, l.Reference))]),
        ];
        var matches = 0;
        var worklist = 0;
        var now = DateTime.UtcNow;
        foreach (var scope in scopes)
        {
            var scopeClock = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var book = new MatchBook();
            matches += book.Run(scope.Expected, scope.Actual, MatchingOptions.Default, now).Count;
            var open = book.Worklist(scope.Tier, scope.Expected, scope.Actual, Start.AddDays(40), MatchingOptions.Default).Count;
            table.Add(scope.Name, scope.Expected.Count, scope.Actual.Count, open, Math.Round(scopeClock.Elapsed.TotalSeconds, 2), Math.Round((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds, 2));
            worklist += open;
        }

        clock.Stop();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        table.Note($"parsed in {parsed.TotalSeconds:0.00} s; matched {matches:N0} in {(clock.Elapsed - parsed).TotalSeconds:0.00} s; total {clock.Elapsed.TotalSeconds:0.00} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:0.00} s CPU");
        table.Note($"worklist {worklist} (injected {input.Faults}); peak working set {peak / 1048576.0:0} MB ({(peak - before) / 1048576.0:0} MB above the start); allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:0} MB");
        if (worklist != input.Faults)
        {
            throw new InvalidOperationException($"Expected {input.Faults} items on the worklist, found {worklist}");
        }

        return table;
    }

    private sealed record Input(
        byte[] SettlementCsv, byte[] BankCsv, List<MatchItem> Handovers, List<MatchItem> Slips, List<MatchItem> PosPayments,
        List<MatchItem> OnlinePayments, List<MatchItem> BalanceLines, List<MatchItem> Payouts, int Faults);

    private static Input Generate(int payments, Random random)
    {
        var settlement = new StringBuilder(StatementFiles.SettlementHeader + "\n");
        var bank = new StringBuilder(StatementFiles.BankHeader + "\n");
        var handovers = new List<MatchItem>();
        var slips = new List<MatchItem>();
        var pos = new List<MatchItem>();
        var online = new List<MatchItem>();
        var balance = new List<MatchItem>();
        var payouts = new List<MatchItem>();
        var faults = 0;
        var bankLine = 0;
        const int days = 30, stations = 20, couriersPerStation = 10, terminals = 200;
        var perDay = payments / days;

        void Bank(DateOnly date, Money amount, string? reference) =>
            bank.Append(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd},{date:yyyy-MM-dd},{amount.Amount.ToString(CultureInfo.InvariantCulture)},CNY,{reference},,,L{++bankLine}\n");

        for (var d = 0; d < days; d++)
        {
            var day = Start.AddDays(d);
            var cash = new Money[stations * couriersPerStation];
            var batches = new Dictionary<int, (Money Net, List<string> Lines)>();
            Money payoutNet = Money.Zero;
            for (var i = 0; i < perDay; i++)
            {
                var amount = Money.FromMinorUnits(1_000 + random.NextInt64(500_000));
                var id = $"{d}-{i}";
                switch (random.Next(10))
                {
                    case < 4:
                        var terminal = random.Next(terminals);
                        var fee = Money.Yuan(decimal.Round(amount.Amount * 0.006m, 2));
                        pos.Add(new MatchItem($"payment:{id}", amount, day, $"S{id}"));
                        var line = $"{day.AddDays(1):yyyy-MM-dd},T{terminal},B{d}-{terminal},S{id},1234,{amount.Amount.ToString(CultureInfo.InvariantCulture)},{fee.Amount.ToString(CultureInfo.InvariantCulture)},{(amount - fee).Amount.ToString(CultureInfo.InvariantCulture)}\n";
                        settlement.Append(line);
                        if (random.Next(100_000) == 0)
                        {
                            // The acquirer settles a slip twice, in a batch of its own.
                            settlement.Append(line.Replace($",B{d}-{terminal},", $",BX{d}-{terminal}-{i},", StringComparison.Ordinal));
                            Bank(day.AddDays(1), amount - fee, $"BX{d}-{terminal}-{i}");
                            faults++;
                        }

                        var batch = batches.TryGetValue(terminal, out var b) ? b : (Money.Zero, []);
                        batches[terminal] = (batch.Net + amount - fee, batch.Lines);
                        break;
                    case < 8:
                        var stripeFee = Money.Yuan(decimal.Round((amount.Amount * 0.029m) + 0.3m, 2));
                        online.Add(new MatchItem($"payment:{id}", amount, day, $"pi_{id}"));
                        balance.Add(new MatchItem($"txn:{id}", amount, day, $"pi_{id}"));
                        payoutNet += amount - stripeFee;
                        break;
                    default:
                        cash[random.Next(cash.Length)] += amount;
                        break;
                }
            }

            foreach (var (terminal, batch) in batches)
            {
                Bank(day.AddDays(1), batch.Net, $"B{d}-{terminal}");
            }

            payouts.Add(new MatchItem($"payout:po_{d}", payoutNet, day.AddDays(2), $"po_{d}"));
            Bank(day.AddDays(2), payoutNet, $"po_{d}");

            for (var s = 0; s < stations; s++)
            {
                var total = Money.Zero;
                for (var c = 0; c < couriersPerStation; c++)
                {
                    var counted = cash[(s * couriersPerStation) + c];
                    if (counted > Money.Zero)
                    {
                        handovers.Add(new MatchItem($"handover:{d}-{s}-{c}", counted, day, Group: $"ST{s}"));
                        total += counted;
                    }
                }

                if (total == Money.Zero)
                {
                    continue;
                }

                var parts = random.Next(3) == 0 ? new[] { Money.FromMinorUnits(total.ToMinorUnits() / 3), Money.Zero } : [Money.Zero];
                if (parts.Length == 2)
                {
                    parts[1] = total - parts[0];
                }
                else
                {
                    parts[0] = total;
                }

                for (var p = 0; p < parts.Length; p++)
                {
                    var slip = $"DS{d}-{s}-{p}";
                    slips.Add(new MatchItem($"slip:{slip}", parts[p], day, slip, $"ST{s}"));
                    Bank(day.AddDays(random.Next(2)), parts[p], random.Next(3) == 0 ? null : slip);
                }
            }
        }

        return new Input(
            Encoding.UTF8.GetBytes(settlement.ToString()), Encoding.UTF8.GetBytes(bank.ToString()), handovers, slips, pos, online, balance, payouts, faults);
    }
}
