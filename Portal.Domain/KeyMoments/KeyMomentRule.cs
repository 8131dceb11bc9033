using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Shared;

namespace Portal.Domain.KeyMoments;

/// <summary>The moments worth a call (服务营销的关键时刻).</summary>
public enum KeyMomentKind
{
    /// <summary>Data used reaches the threshold (% of quota) before the cut-off day of the month.</summary>
    DataRunningOut,

    /// <summary>The contract ends within the threshold (days).</summary>
    ContractEnding,

    /// <summary>The handset is older than the threshold (months).</summary>
    OldHandset,

    /// <summary>The bill is above the threshold (% of the plan's monthly fee).</summary>
    BillShock,
}

/// <summary>
/// An admin-editable rule: when a customer's facts show its moment, a rep task is raised suggesting the rule's
/// offers (policy codes) with its script, at its priority, for the customer tiers it names (none named: every tier).
/// </summary>
public sealed partial class KeyMomentRule : Entity
{
    private List<string> _offerCodes = [];
    private List<CustomerTier> _tiers = [];

    private KeyMomentRule()
    {
        Code = null!;
        NameEn = null!;
        NameZh = null!;
        ScriptEn = null!;
        ScriptZh = null!;
    }

    public string Code { get; private set; }

    public KeyMomentKind Kind { get; private set; }

    /// <summary>Per cent for data and bill, days for a contract, months for a handset.</summary>
    public int Threshold { get; private set; }

    /// <summary>For data: the moment counts only before this day of the month.</summary>
    public int? BeforeDay { get; private set; }

    public string NameEn { get; private set; }

    public string NameZh { get; private set; }

    public string ScriptEn { get; private set; }

    public string ScriptZh { get; private set; }

    /// <summary>1 is the most urgent.</summary>
    public int Priority { get; private set; }

    public bool IsActive { get; private set; }

    public IReadOnlyList<string> OfferCodes => _offerCodes;

    public IReadOnlyList<CustomerTier> Tiers => _tiers;

    public int Version { get; private set; }

    public static KeyMomentRule Create(string code, KeyMomentKind kind, KeyMomentRuleSettings settings)
    {
        var normalised = (code ?? string.Empty).Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(normalised))
        {
            throw new DomainException("key_moment.invalid_code", $"Rule code '{code}' must be 2–32 characters of A–Z, 0–9, '-' and '_'");
        }

        var rule = new KeyMomentRule { Code = normalised, Kind = kind, IsActive = true };
        rule.Change(settings);
        return rule;
    }

    public void Change(KeyMomentRuleSettings settings)
    {
        var (min, max) = Kind switch
        {
            KeyMomentKind.DataRunningOut => (1, 100),
            KeyMomentKind.ContractEnding => (1, 365),
            KeyMomentKind.OldHandset => (1, 120),
            _ => (101, 1000),
        };
        if (settings.Threshold < min || settings.Threshold > max)
        {
            throw new DomainException("key_moment.invalid", $"The threshold must be between {min} and {max}");
        }

        if (settings.Priority is < 1 or > 9)
        {
            throw new DomainException("key_moment.invalid", "Priority must be between 1 and 9");
        }

        if (Kind == KeyMomentKind.DataRunningOut && settings.BeforeDay is not (>= 2 and <= 31))
        {
            throw new DomainException("key_moment.invalid", "The cut-off day must be between 2 and 31");
        }

        var offers = settings.OfferCodes
            .Select(c => Require.Text(c, "Offer code", 32, "key_moment.invalid").ToUpperInvariant())
            .Distinct()
            .ToList();
        if (offers.Count == 0)
        {
            throw new DomainException("key_moment.invalid", "A rule names at least one offer");
        }

        Threshold = settings.Threshold;
        BeforeDay = Kind == KeyMomentKind.DataRunningOut ? settings.BeforeDay : null;
        NameEn = Require.Text(settings.NameEn, "English name", 100, "key_moment.invalid");
        NameZh = Require.Text(settings.NameZh, "Chinese name", 100, "key_moment.invalid");
        ScriptEn = Require.Text(settings.ScriptEn, "English script", 2000, "key_moment.invalid");
        ScriptZh = Require.Text(settings.ScriptZh, "Chinese script", 2000, "key_moment.invalid");
        Priority = settings.Priority;
        _offerCodes = offers;
        _tiers = settings.Tiers.Distinct().Order().ToList();
        Version++;
    }

    public void SetActive(bool active)
    {
        IsActive = active;
        Version++;
    }

    public bool AppliesTo(CustomerTier tier) => _tiers.Count == 0 || _tiers.Contains(tier);

    /// <summary>
    /// The moment these facts show, or null. <paramref name="planFee"/> is the plan's monthly fee when known;
    /// <paramref name="today"/> is the China date of the evaluation.
    /// </summary>
    public KeyMoment? Evaluate(UsageFact fact, CustomerTier tier, Money? planFee, DateOnly today)
    {
        if (!IsActive || !AppliesTo(tier))
        {
            return null;
        }

        switch (Kind)
        {
            case KeyMomentKind.DataRunningOut when fact.DataQuotaMb > 0
                && fact.AsOf.Day < BeforeDay
                && fact.DataUsedMb * 100L >= (long)fact.DataQuotaMb * Threshold:
                return Moment(fact.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture), FormattableString.Invariant($"{fact.DataUsedGb:0.0}/{fact.DataQuotaGb:0.#} GB @ {fact.AsOf:MM-dd}"));

            case KeyMomentKind.ContractEnding when fact.ContractEndsOn is { } ends
                && ends >= today && ends.DayNumber - today.DayNumber <= Threshold:
                return Moment(ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

            case KeyMomentKind.OldHandset when fact.HandsetSince is { } since && MonthsBetween(since, today) > Threshold:
                return Moment(
                    since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    FormattableString.Invariant($"{fact.HandsetModel ?? "?"} · {since:yyyy-MM} ({MonthsBetween(since, today)})"));

            case KeyMomentKind.BillShock when planFee is { } fee && fee > Money.Zero
                && fact.Bill.Amount * 100m > fee.Amount * Threshold:
                return Moment(fact.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture), FormattableString.Invariant($"{fact.Bill} / {fee}"));

            default:
                return null;
        }

        KeyMoment Moment(string occasion, string evidence) => new(Code, fact.Phone, $"{Code}:{occasion}", evidence, Priority);
    }

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return to.Day < from.Day ? months - 1 : months;
    }

    [GeneratedRegex("^[A-Z0-9_-]{2,32}$")]
    private static partial Regex CodePattern();
}

public sealed record KeyMomentRuleSettings(
    string NameEn,
    string NameZh,
    string ScriptEn,
    string ScriptZh,
    int Threshold,
    int? BeforeDay,
    int Priority,
    IReadOnlyCollection<string> OfferCodes,
    IReadOnlyCollection<CustomerTier> Tiers);

/// <summary>
/// A moment one rule found for one number. <see cref="MomentKey"/> names the occasion (the month, the contract end,
/// the handset's start) so the same occasion never raises a second task; <see cref="Evidence"/> is language-neutral.
/// </summary>
public sealed record KeyMoment(string RuleCode, Msisdn Phone, string MomentKey, string Evidence, int Priority);
