using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.KeyMoments;
using Portal.Infrastructure.Persistence;

namespace Portal.Web.Features.KeyMoments;

/// <summary>
/// Development data: the four key-moment rules and the demo usage file. The file is written for 12 November 2026;
/// seeding moves its months to the current month and its dates by the days since, so each customer stays as far from
/// their moment as the file meant. Runs once.
/// </summary>
public static class DemoKeyMoments
{
    public static readonly DateOnly FileDay = new(2026, 11, 12);

    public static string UsageFile()
    {
        using var stream = typeof(DemoKeyMoments).Assembly.GetManifestResourceStream("demo-usage.csv")
            ?? throw new InvalidOperationException("The demo usage file is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IEnumerable<KeyMomentRule> Rules()
    {
        yield return KeyMomentRule.Create("DATA-80", KeyMomentKind.DataRunningOut, new KeyMomentRuleSettings(
            "Data running out", "流量即将用尽",
            "You have used most of this month's data already. Upgrading your plan now gives you more data and ¥50 off a new phone.",
            "您本月流量已经快用完了，现在升级更高档的5G套餐，流量更充足，购机还可立减50元。",
            80, 20, 2, ["UPGRADE-5G-50"], []));
        yield return KeyMomentRule.Create("CONTRACT-60", KeyMomentKind.ContractEnding, new KeyMomentRuleSettings(
            "Contract ending", "合约即将到期",
            "Your contract ends soon. Renew now and take ¥100 off a new phone; your number and plan stay the same.",
            "您的合约即将到期，现在续约并选购新机可直接优惠100元，号码、套餐保持不变。",
            60, null, 1, ["RENEW-CONTRACT-100"], []));
        yield return KeyMomentRule.Create("HANDSET-30", KeyMomentKind.OldHandset, new KeyMomentRuleSettings(
            "Old handset", "手机使用已久",
            "Your phone is over two and a half years old. This month our 5G phones come with member discounts and free delivery.",
            "您的手机已经使用两年半以上了，本月5G新机有会员优惠，并可免费送货上门。",
            30, null, 3, ["VIP-HANDSET-300", "RENEW-CONTRACT-100"], []));
        yield return KeyMomentRule.Create("BILL-150", KeyMomentKind.BillShock, new KeyMomentRuleSettings(
            "Bill shock", "账单异常偏高",
            "Your last bill was well above your plan. A plan that fits your use would cost you less each month.",
            "您上月账单明显高于套餐费，换一个更适合您用量的套餐，每月花费会更低。",
            150, null, 2, ["UPGRADE-5G-50"], [CustomerTier.Vip, CustomerTier.FourStarPlus, CustomerTier.Standard]));
    }

    /// <summary>The demo file with its months moved by <paramref name="months"/> and its dates by <paramref name="days"/>.</summary>
    public static IReadOnlyList<RecordUsage.Row> UsageRows(int months = 0, int days = 0) =>
        UsageCsv.Parse(UsageFile()).Rows.Select(r => r.Row with
        {
            Period = UsageFact.ParsePeriod(r.Row.Period)!.Value.AddMonths(months).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            ContractEndsOn = r.Row.ContractEndsOn?.AddDays(days),
            HandsetSince = r.Row.HandsetSince?.AddDays(days),
        }).ToList();

    public static async Task SeedAsync(PortalDbContext db, IClock clock, CancellationToken cancellationToken = default)
    {
        if (!await db.KeyMomentRules.AnyAsync(cancellationToken))
        {
            db.KeyMomentRules.AddRange(Rules());
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.UsageFacts.AnyAsync(cancellationToken))
        {
            return;
        }

        var today = Portal.Domain.Shared.ChinaTime.Today(clock.UtcNow);
        var months = ((today.Year - FileDay.Year) * 12) + today.Month - FileDay.Month;
        await new RecordUsage.Handler(db, clock).Handle(new RecordUsage.Command(UsageRows(months, today.DayNumber - FileDay.DayNumber)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
