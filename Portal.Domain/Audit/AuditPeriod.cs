using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Audit;

public enum PeriodKind
{
    Day,
    Month,
}

public sealed record PeriodClosed(PeriodKind Kind, DateOnly Start, DateOnly End, string ClosedBy, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>
/// A closed business day or month. Closing needs every variance in it resolved and nothing left on the worklist;
/// once closed it takes no postings, and corrections go into the open period as reversing entries.
/// </summary>
public sealed class ClosedPeriod : Entity
{
    private ClosedPeriod()
    {
        ClosedBy = null!;
    }

    public PeriodKind Kind { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public string ClosedBy { get; private set; }

    public DateTime ClosedAtUtc { get; private set; }

    public static ClosedPeriod CloseDay(DateOnly day, int openWorkItems, string actor, DateTime nowUtc) =>
        Close(PeriodKind.Day, day, day, openWorkItems, actor, nowUtc);

    /// <summary>A month closes when each of its days is closed (the caller counts the days still open as work).</summary>
    public static ClosedPeriod CloseMonth(int year, int month, int openWorkItems, string actor, DateTime nowUtc)
    {
        var start = new DateOnly(year, month, 1);
        return Close(PeriodKind.Month, start, start.AddMonths(1).AddDays(-1), openWorkItems, actor, nowUtc);
    }

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    private static ClosedPeriod Close(PeriodKind kind, DateOnly start, DateOnly end, int openWorkItems, string actor, DateTime nowUtc)
    {
        if (end >= ChinaTime.Today(nowUtc))
        {
            throw new DomainException("audit.period_not_over", $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd} is not over yet");
        }

        if (openWorkItems > 0)
        {
            throw new DomainException("audit.period_not_balanced", $"{openWorkItems} item(s) are still on the worklist");
        }

        var period = new ClosedPeriod { Kind = kind, Start = start, End = end, ClosedBy = Require.Actor(actor), ClosedAtUtc = nowUtc };
        period.Raise(new PeriodClosed(kind, start, end, period.ClosedBy, nowUtc));
        return period;
    }
}

/// <summary>The closed periods together: whether a day still takes postings, and where a correction goes instead.</summary>
public sealed class PeriodLock(IEnumerable<ClosedPeriod> closed)
{
    private readonly List<ClosedPeriod> _closed = [.. closed];

    public bool IsClosed(DateOnly day) => _closed.Any(p => p.Contains(day));

    public void EnsureOpen(DateOnly day)
    {
        if (IsClosed(day))
        {
            throw new DomainException("audit.period_closed", $"{day:yyyy-MM-dd} is closed: post a correction in the open period instead");
        }
    }

    /// <summary>The day a correction of <paramref name="day"/> is posted on: itself while open, otherwise the first open day from today.</summary>
    public DateOnly CorrectionDay(DateOnly day, DateOnly today)
    {
        var target = day;
        if (IsClosed(target))
        {
            target = today;
            while (IsClosed(target))
            {
                target = target.AddDays(1);
            }
        }

        return target;
    }
}
