using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Kpis;

public enum KpiDimension
{
    Channel,
    Courier,
    Zone,
    Day,
}

/// <summary>
/// How delivery went over a period (配送时限, 及时率, 成功率): hours from order to delivery, the share delivered inside
/// the promised window, the share delivered at the first attempt, and failures by reason, per channel, courier,
/// zone or day. Counted over the deliveries whose (last) window fell in the period and that are finished.
/// </summary>
public static class DeliveryKpis
{
    public const int MaxDays = 92;

    [AuthorizeRequest(Roles.Dispatcher, Roles.Admin)]
    public sealed record Query(DateOnly From, DateOnly To, KpiDimension By) : IRequest<Report>;

    public sealed record Report(DateOnly From, DateOnly To, KpiDimension By, IReadOnlyList<Row> Rows, Row Total);

    /// <summary>One group; rates are 0–1 and null when nothing in the group finished.</summary>
    public sealed record Row(
        string Group, int Finished, int Delivered, double? AverageHoursToDeliver, double? OnTimeRate, double? FirstAttemptRate, IReadOnlyDictionary<FailureReason, int> Failures);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.By).IsInEnum().WithMessage("Unknown grouping.");
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The period ends before it starts.");
            RuleFor(q => q).Must(q => q.To.DayNumber - q.From.DayNumber < MaxDays)
                .WithName("To").WithMessage($"Choose a period of at most {MaxDays} days.");
        }
    }

    /// <summary>What one finished delivery contributes.</summary>
    private sealed record Fact(
        DeliveryChannel? Channel, long? CourierId, string Zone, DateOnly Day, bool Delivered, double? Hours, bool OnTime, bool FirstAttempt, IReadOnlyList<FailureReason> Failures);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Report>
    {
        public async Task<Report> Handle(Query request, CancellationToken cancellationToken)
        {
            var deliveries = await db.Deliveries.AsNoTracking()
                .Where(d => d.Window.Date >= request.From && d.Window.Date <= request.To
                    && (d.Status == DeliveryStatus.Delivered || d.Status == DeliveryStatus.Returned || d.Status == DeliveryStatus.FailedAttempt))
                .ToListAsync(cancellationToken);
            var couriers = await db.Couriers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            var facts = deliveries.Select(FactOf).ToList();
            var rows = facts
                .GroupBy(f => GroupOf(f, request.By, couriers))
                .Select(g => RowOf(g.Key, g.ToList()))
                .OrderBy(r => r.Group, StringComparer.Ordinal)
                .ToList();
            return new Report(request.From, request.To, request.By, rows, RowOf("", facts));
        }
    }

    private static Fact FactOf(Domain.Dispatch.Delivery d)
    {
        var delivered = d.Status == DeliveryStatus.Delivered ? d.Timeline.LastOrDefault(t => t.ToStatus == DeliveryStatus.Delivered)?.AtUtc : null;
        var local = delivered is { } at ? ChinaTime.FromUtc(at) : (DateTime?)null;
        var onTime = local is { } l && DateOnly.FromDateTime(l) == d.Window.Date && TimeOnly.FromDateTime(l) <= d.Window.To;
        var failures = d.Timeline.Where(t => t.ToStatus == DeliveryStatus.FailedAttempt).Select(t => ReasonOf(t.Note)).ToList();
        return new Fact(
            d.Channel, d.CourierId, d.ZoneCode, d.Window.Date, delivered is not null,
            delivered is { } done ? (done - d.CreatedAtUtc).TotalHours : null, onTime, delivered is not null && failures.Count == 0, failures);
    }

    /// <summary>The timeline note of a failed attempt starts with the reason's name ("CustomerAbsent: ...").</summary>
    private static FailureReason ReasonOf(string? note) =>
        Enum.TryParse<FailureReason>((note ?? string.Empty).Split(':')[0], out var reason) && Enum.IsDefined(reason) ? reason : FailureReason.Other;

    private static string GroupOf(Fact fact, KpiDimension by, IReadOnlyDictionary<long, string> couriers) => by switch
    {
        KpiDimension.Channel => (fact.Channel ?? DeliveryChannel.CourierCompany).ToString(),
        KpiDimension.Courier => fact.CourierId is { } id && couriers.TryGetValue(id, out var name) ? name : "—",
        KpiDimension.Zone => fact.Zone,
        _ => fact.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Row RowOf(string group, IReadOnlyList<Fact> facts)
    {
        var delivered = facts.Where(f => f.Delivered).ToList();
        return new Row(
            group,
            facts.Count,
            delivered.Count,
            delivered.Count == 0 ? null : delivered.Average(f => f.Hours!.Value),
            delivered.Count == 0 ? null : (double)delivered.Count(f => f.OnTime) / delivered.Count,
            facts.Count == 0 ? null : (double)facts.Count(f => f.FirstAttempt) / facts.Count,
            facts.SelectMany(f => f.Failures).GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count()));
    }
}
