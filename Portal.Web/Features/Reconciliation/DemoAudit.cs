using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Dispatch;
using Portal.Domain.Inventory;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.Seeding;

namespace Portal.Web.Features.Reconciliation;

/// <summary>
/// Development data: the audit behind the demo delivery history, so /cashier and /finance say something on first
/// run. Every cash or POS delivery of the history becomes the courier's payment; each courier's day is counted at
/// their station and signed by both, paid in at the bank (one slip per handover), and the POS slips are settled by
/// the acquirer and paid into the bank the next day, less its fee. Not clean, on purpose: one short handover,
/// explained and approved by Finance; one bank credit nobody can explain; and one courier's cash of the last day
/// still waiting at the desk. The days more than two weeks old are closed. Written straight to the database (no
/// ledger postings, like the history itself); seeded once.
/// </summary>
public static class DemoAudit
{
    public const string Cashier = "cashier@portal.local";
    public const string Finance = "finance@portal.local";
    public const string ShortCourier = "courier@portal.local";
    public const int ShortDaysAgo = 9;
    public const decimal Shortage = 50m;
    public const string ShortReason = "少了一张¥50纸币，快递员同意从下次结算中补回";
    public const int UnknownCreditDaysAgo = 5;
    public const string UnknownCreditLineId = "DEMO-UNKNOWN-1";
    public static readonly Money UnknownCredit = Money.Yuan(1234.56m);
    public const decimal PosFeeRate = 0.006m;
    public const int ClosedAfterDays = 14;
    private const string Account = "ICBC-GZ-0001";
    private const string BankFile = "demo-bank-statement.csv";

    public static async Task SeedAsync(PortalDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.AuditImports.AnyAsync(i => i.FileName == BankFile, ct) || await db.CashHandovers.AnyAsync(ct))
        {
            return;
        }

        var history = await db.Deliveries.AsNoTracking()
            .Where(d => d.OrderNumber.StartsWith(DemoDeliveryHistory.OrderPrefix) && d.Status == DeliveryStatus.Delivered && d.Collection != CollectionMethod.None)
            .Select(d => new { d.OrderNumber, d.CourierId, d.Collection, d.AmountToCollect, Day = d.Window.Date, d.Window.From })
            .ToListAsync(ct);
        if (history.Count == 0)
        {
            return;
        }

        var couriers = await db.Couriers.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var stations = await StationsByCourier(db, couriers.Values, ct);
        var people = await ActorsAsync(db, ct);
        var bankImport = AuditImport.Accept(Guid.NewGuid(), ImportKind.BankStatement, BankFile, new string('0', 64), 0, 0, people.Finance, nowUtc);
        var posImport = AuditImport.Accept(Guid.NewGuid(), ImportKind.PosSettlement, "demo-pos-settlement.csv", new string('1', 64), 0, 0, people.Finance, nowUtc);
        db.AuditImports.AddRange(bankImport, posImport);
        var today = ChinaTime.Today(nowUtc);
        var shortCounted = false;
        var waiting = WaitingAtTheDesk(history.Select(d => (d.CourierId!.Value, d.Day, d.Collection, d.AmountToCollect)), couriers);
        foreach (var courierDay in history.GroupBy(d => (d.CourierId, d.Day)).OrderBy(g => g.Key.Day).ThenBy(g => g.Key.CourierId))
        {
            var courier = couriers[courierDay.Key.CourierId!.Value];
            var day = courierDay.Key.Day;
            var station = stations[courier.Id];
            var terminal = $"T{courier.Id:D4}";
            var batch = $"B{day:yyMMdd}{courier.Id:D2}";
            var cash = Money.Zero;
            var pos = Money.Zero;
            var net = Money.Zero;
            var slips = new List<string>();
            foreach (var delivery in courierDay.OrderBy(d => d.OrderNumber, StringComparer.Ordinal))
            {
                var paidAt = ChinaTime.ToUtc(day.ToDateTime(delivery.From)).AddMinutes(30);
                if (delivery.Collection == CollectionMethod.Cash)
                {
                    db.Payments.Add(Payment.CollectCash(Guid.NewGuid(), delivery.OrderNumber, delivery.AmountToCollect, delivery.AmountToCollect, courier.Login, paidAt));
                    cash += delivery.AmountToCollect;
                    continue;
                }

                var slip = $"S{delivery.OrderNumber}";
                db.Payments.Add(Payment.RecordPosSlip(Guid.NewGuid(), delivery.OrderNumber, delivery.AmountToCollect, slip, terminal, courier.Login, paidAt));
                var fee = Money.Yuan(Math.Round(delivery.AmountToCollect.Amount * PosFeeRate, 2));
                db.PosSettlementLines.Add(PosSettlementLine.Create(
                    day.AddDays(1), terminal, batch, slip, null, delivery.AmountToCollect, fee, delivery.AmountToCollect - fee, posImport.Key));
                pos += delivery.AmountToCollect;
                net += delivery.AmountToCollect - fee;
                slips.Add(slip);
            }

            if (slips.Count > 0)
            {
                db.BankStatementLines.Add(BankStatementLine.Create(
                    $"DEMO-{batch}", day.AddDays(1), day.AddDays(1), net, "CNY", batch, "银联商务", "POS结算", bankImport.Key));
            }

            if (waiting == (courier.Id, day))
            {
                continue;
            }

            // The short count: the demo courier's first day from ShortDaysAgo on with enough cash to be short of.
            var isShort = !shortCounted && courier.Login == ShortCourier && day >= today.AddDays(-ShortDaysAgo) && cash.Amount > Shortage;
            shortCounted |= isShort;
            HandOver(db, courier.Login, station, day, cash, isShort ? cash - Money.Yuan(Shortage) : cash, slips, pos, bankImport.Key, people);
        }

        db.BankStatementLines.Add(BankStatementLine.Create(
            UnknownCreditLineId, today.AddDays(-UnknownCreditDaysAgo), today.AddDays(-UnknownCreditDaysAgo), UnknownCredit, "CNY", "HK20261120077",
            "广州市恒达贸易有限公司", "来账", bankImport.Key));
        await db.SaveChangesAsync(ct);

        var first = history.Min(d => d.Day);
        var books = await AuditBooks.LoadAsync(db, first.AddDays(-1), today, ct);
        foreach (var scope in books.Scopes)
        {
            db.MatchDecisions.AddRange(books.Books[scope.Name].Run(scope.Expected, scope.Actual, AuditBooks.Options, nowUtc).Select(d => MatchDecisionRecord.Of(scope.Name, d)));
        }

        await db.SaveChangesAsync(ct);
        // The old days close one after another, as Finance would, while nothing of theirs is on the worklist.
        var open = GetReconciliation.Worklist(await AuditBooks.LoadAsync(db, first.AddDays(-1), today, ct), today, today).Select(w => w.Date).ToHashSet();
        for (var day = first; day < today.AddDays(-ClosedAfterDays) && !open.Contains(day); day = day.AddDays(1))
        {
            db.ClosedPeriods.Add(ClosedPeriod.CloseDay(day, 0, people.Finance, nowUtc));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The last day's cash of the courier (one who signs in: not the courier company) who took the most: not handed
    /// over yet, so the cashier has a count to make on that day. Cash in hand is on no worklist until it is counted.
    /// </summary>
    public static (long CourierId, DateOnly Day)? WaitingAtTheDesk(
        IEnumerable<(long CourierId, DateOnly Day, CollectionMethod Collection, Money Amount)> collections, IReadOnlyDictionary<long, Courier> couriers)
    {
        var all = collections.ToList();
        var last = all.Max(c => c.Day);
        return all.Where(c => c.Day == last && c.Collection == CollectionMethod.Cash && couriers[c.CourierId].Channel != DeliveryChannel.CourierCompany)
            .GroupBy(c => c.CourierId)
            .Select(g => (CourierId: g.Key, Cash: g.Sum(c => c.Amount.Amount)))
            .Where(c => c.Cash > Shortage * 2)
            .OrderByDescending(c => c.Cash).ThenBy(c => c.CourierId)
            .Select(c => ((long CourierId, DateOnly Day)?)(c.CourierId, last))
            .FirstOrDefault();
    }

    /// <summary>The demo cashier and finance user as the portal records people: by account id.</summary>
    private sealed record Actors(string Cashier, string Finance);

    private static async Task<Actors> ActorsAsync(PortalDbContext db, CancellationToken ct)
    {
        var logins = new[] { Cashier.ToUpperInvariant(), Finance.ToUpperInvariant() };
        var ids = await db.Users.AsNoTracking().Where(u => logins.Contains(u.NormalizedUserName!)).ToDictionaryAsync(u => u.NormalizedUserName!, u => u.Id, ct);
        return new Actors(ids.GetValueOrDefault(logins[0], Cashier), ids.GetValueOrDefault(logins[1], Finance));
    }

    /// <summary>Counted at 20:00, signed by the courier, banked at 20:30; a shortage is explained and approved by Finance.</summary>
    private static void HandOver(PortalDbContext db, string courier, string station, DateOnly day, Money expected, Money counted, List<string> slips, Money pos, Guid bankImport, Actors people)
    {
        var countedAt = ChinaTime.ToUtc(day.ToDateTime(new TimeOnly(20, 0)));
        var handover = CashHandover.Record(Guid.NewGuid(), day, courier, station, expected, Notes(counted.Amount), slips, slips, pos, people.Cashier, countedAt);
        handover.SignByCourier(courier, countedAt.AddMinutes(5));
        db.CashHandovers.Add(handover);
        if (counted != expected)
        {
            var variance = Variance.Raise(
                Guid.NewGuid(), AuditTier.Courier, day, AuditBooks.Subject(handover.Key), counted - expected, ShortReason, people.Cashier, people.Cashier, Money.Yuan(10), countedAt);
            variance.Approve(people.Finance, countedAt.AddHours(14), "已与快递员确认");
            db.AuditVariances.Add(variance);
        }

        if (counted > Money.Zero)
        {
            var slip = $"DS{day:yyMMdd}{handover.Key.ToString("N")[..6].ToUpperInvariant()}";
            db.DepositSlips.Add(DepositSlip.Record(slip, station, day, counted, Account, people.Cashier, countedAt.AddMinutes(30)));
            db.BankStatementLines.Add(BankStatementLine.Create($"DEMO-{slip}", day.AddDays(1), day.AddDays(1), counted, "CNY", slip, station, "现金存款", bankImport));
        }
    }

    /// <summary>Each courier hands over at the station of their first zone's district (or the first station).</summary>
    private static async Task<Dictionary<long, string>> StationsByCourier(PortalDbContext db, IEnumerable<Courier> couriers, CancellationToken ct)
    {
        var districts = await db.Zones.AsNoTracking().ToDictionaryAsync(z => z.Code, z => z.District, ct);
        var stations = await db.StockLocations.AsNoTracking().Where(l => l.Kind == StockLocationKind.Station).OrderBy(l => l.Code)
            .Select(l => new { l.Code, l.District }).ToListAsync(ct);
        return couriers.ToDictionary(
            c => c.Id,
            c => stations.FirstOrDefault(s => c.ZoneCodes.Count > 0 && s.District == districts.GetValueOrDefault(c.ZoneCodes[0]))?.Code ?? stations[0].Code);
    }

    /// <summary>The amount in notes and coins, largest first.</summary>
    private static CashCount Notes(decimal amount)
    {
        var pieces = new List<KeyValuePair<decimal, int>>();
        foreach (var denomination in CashCount.Denominations)
        {
            var count = (int)(amount / denomination);
            pieces.Add(new(denomination, count));
            amount -= count * denomination;
        }

        return CashCount.Of(pieces);
    }
}
