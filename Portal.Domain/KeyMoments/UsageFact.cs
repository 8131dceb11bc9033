using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.KeyMoments;

/// <summary>
/// What the operator's systems report about one number in one billing month (the first of the month names it):
/// plan, data and voice used, the bill, the contract and the handset. One fact per number and month; a later report
/// for the same month revises it.
/// </summary>
public sealed class UsageFact : Entity
{
    private UsageFact()
    {
        Phone = null!;
        PlanCode = null!;
    }

    public Msisdn Phone { get; private set; }

    /// <summary>Retention: the month's figures stay for the statistics, the number they belonged to does not.</summary>
    public void AnonymiseNumber(Msisdn anonymous) => Phone = anonymous;

    /// <summary>The first day of the billing month.</summary>
    public DateOnly Period { get; private set; }

    /// <summary>The China date the figures were taken; data use "before the 20th" is judged on it.</summary>
    public DateOnly AsOf { get; private set; }

    public string PlanCode { get; private set; }

    public int DataUsedMb { get; private set; }

    public int DataQuotaMb { get; private set; }

    public int VoiceMinutes { get; private set; }

    public Money Bill { get; private set; }

    public DateOnly? ContractEndsOn { get; private set; }

    public string? HandsetModel { get; private set; }

    public DateOnly? HandsetSince { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    public decimal DataUsedGb => Math.Round(DataUsedMb / 1024m, 1);

    public decimal DataQuotaGb => Math.Round(DataQuotaMb / 1024m, 1);

    public static UsageFact Record(Msisdn phone, DateOnly period, UsageFigures figures, DateOnly asOf, DateTime nowUtc)
    {
        var fact = new UsageFact { Phone = phone, Period = StartOfMonth(period) };
        fact.Apply(figures, asOf);
        fact.ReceivedAtUtc = nowUtc;
        return fact;
    }

    /// <summary>Applies a repeated report for the same month; false (and nothing changed) when it says the same.</summary>
    public bool Revise(UsageFigures figures, DateOnly asOf, DateTime nowUtc)
    {
        if (Figures == figures.Normalised())
        {
            return false;
        }

        Apply(figures, asOf);
        ReceivedAtUtc = nowUtc;
        return true;
    }

    public UsageFigures Figures =>
        new(PlanCode, DataUsedMb, DataQuotaMb, VoiceMinutes, Bill, ContractEndsOn, HandsetModel, HandsetSince);

    /// <summary>The first of the month of a "yyyy-MM" period, or null when it is not one.</summary>
    public static DateOnly? ParsePeriod(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static DateOnly StartOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private void Apply(UsageFigures figures, DateOnly asOf)
    {
        var f = figures.Normalised();
        if (f.DataUsedMb < 0 || f.DataQuotaMb < 0 || f.VoiceMinutes < 0)
        {
            throw new DomainException("usage.invalid", "Data and voice figures cannot be negative");
        }

        Require.NotNegative(f.Bill, "Bill", "usage.invalid");
        PlanCode = f.PlanCode;
        DataUsedMb = f.DataUsedMb;
        DataQuotaMb = f.DataQuotaMb;
        VoiceMinutes = f.VoiceMinutes;
        Bill = f.Bill;
        ContractEndsOn = f.ContractEndsOn;
        HandsetModel = f.HandsetModel;
        HandsetSince = f.HandsetSince;
        AsOf = asOf < Period ? Period : asOf > Period.AddMonths(1).AddDays(-1) ? Period.AddMonths(1).AddDays(-1) : asOf;
    }
}

/// <summary>The reported figures of one month, compared as a whole to tell a repeat from a revision.</summary>
public sealed record UsageFigures(
    string PlanCode,
    int DataUsedMb,
    int DataQuotaMb,
    int VoiceMinutes,
    Money Bill,
    DateOnly? ContractEndsOn,
    string? HandsetModel,
    DateOnly? HandsetSince)
{
    public UsageFigures Normalised() => this with
    {
        PlanCode = Require.Text(PlanCode, "Plan code", 32, "usage.invalid").ToUpperInvariant(),
        HandsetModel = Require.OptionalText(HandsetModel, "Handset model", 50, "usage.invalid"),
    };
}
