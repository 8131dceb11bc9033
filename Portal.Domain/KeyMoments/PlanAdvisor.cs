using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.KeyMoments;

/// <summary>A plan as the advisor compares it: code, monthly fee and data allowance.</summary>
public sealed record PlanOption(string Code, Money MonthlyFee, decimal DataGb);

/// <summary>One month of the customer's history as the advisor reads it.</summary>
public sealed record UsageMonth(DateOnly Period, int DataUsedMb, int DataQuotaMb, Money Bill);

/// <summary>
/// The plan the customer should move to. <see cref="MonthlyChange"/> is what they would pay more (positive) or
/// save (negative) per month against what they paid on average; <see cref="Reasoning"/> is the sentence the rep
/// reads ("Used 11.2 GB of 8 GB in 3 of the last 4 months").
/// </summary>
public sealed record PlanSuggestion(PlanOption From, PlanOption To, Money MonthlyChange, DomainMessage Reasoning)
{
    public bool IsUpgrade => To.MonthlyFee > From.MonthlyFee;
}

/// <summary>Suggests a plan migration from the last four months of usage, on the customer's time axis (时间轴).</summary>
public static class PlanAdvisor
{
    public const int MonthsConsidered = 4;

    public static PlanSuggestion? Suggest(IEnumerable<UsageMonth> history, PlanOption current, IReadOnlyCollection<PlanOption> plans)
    {
        var months = history.OrderByDescending(m => m.Period).Take(MonthsConsidered).ToList();
        if (months.Count < 3 || current.DataGb <= 0)
        {
            return null;
        }

        var quotaMb = current.DataGb * 1024m;
        var over = months.Where(m => m.DataUsedMb > quotaMb).ToList();
        var averageBill = Money.Yuan(months.Average(m => m.Bill.Amount));

        if (over.Count >= 3)
        {
            // Enough for the heaviest month, so next month's overage does not repeat.
            var neededGb = months.Max(m => m.DataUsedMb) / 1024m;
            var target = plans
                .Where(p => p.Code != current.Code && p.DataGb >= neededGb && p.MonthlyFee > current.MonthlyFee)
                .OrderBy(p => p.MonthlyFee)
                .FirstOrDefault();
            if (target is null)
            {
                return null;
            }

            var usedGb = Math.Round(over.Average(m => (decimal)m.DataUsedMb) / 1024m, 1);
            return new PlanSuggestion(
                current,
                target,
                target.MonthlyFee - averageBill,
                $"Used {usedGb:0.0} GB of {current.DataGb:0.#} GB in {over.Count} of the last {months.Count} months");
        }

        var peakMb = months.Max(m => m.DataUsedMb);
        if (peakMb * 2 < quotaMb)
        {
            // Room to spare: the cheapest plan that still covers the peak with a fifth in hand.
            var peakGb = Math.Round(peakMb / 1024m, 1);
            var target = plans
                .Where(p => p.Code != current.Code && p.MonthlyFee < current.MonthlyFee && p.DataGb * 1024m >= peakMb * 1.2m)
                .OrderBy(p => p.MonthlyFee)
                .FirstOrDefault();
            if (target is null)
            {
                return null;
            }

            return new PlanSuggestion(
                current,
                target,
                target.MonthlyFee - current.MonthlyFee,
                $"Used at most {peakGb:0.0} GB of {current.DataGb:0.#} GB in each of the last {months.Count} months");
        }

        return null;
    }
}
