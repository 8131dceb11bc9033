using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.KeyMoments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.KeyMoments;

/// <summary>What the customer said about offers, newest first, and which offers are in their quiet period now: asked by any channel before it calls.</summary>
public static class GetCustomerOutcomes
{
    [AuthorizeRequest(Roles.Integration, Roles.Rep, Roles.BackOffice, Roles.Supervisor, Roles.Admin)]
    public sealed record Query(string Phone) : IRequest<Result>;

    public sealed record Result(string Phone, int QuietPeriodDays, IReadOnlyList<OutcomeRow> Outcomes, IReadOnlyList<SuppressedOffer> Suppressed);

    public sealed record OutcomeRow(string OfferCode, OfferOutcomeKind Outcome, string? Reason, DateTime RecordedAtUtc, string RecordedBy);

    public sealed record SuppressedOffer(string OfferCode, DateTime UntilUtc);

    internal sealed class Handler(PortalDbContext db, IClock clock, IOptions<KeyMomentOptions> options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!Msisdn.TryParse(request.Phone, out var phone, out var error))
            {
                throw RequestValidationException.For("phone", error);
            }

            var rows = await db.OfferOutcomes.AsNoTracking().Where(o => o.Phone == phone)
                .Select(o => new OutcomeRow(o.OfferCode, o.Kind, o.Reason, o.RecordedAtUtc, o.RecordedBy))
                .ToListAsync(cancellationToken);
            var name = await PeopleNames.NamerAsync(db, rows.Select(r => r.RecordedBy), cancellationToken);
            rows = rows.OrderByDescending(r => r.RecordedAtUtc).Select(r => r with { RecordedBy = name(r.RecordedBy)! }).ToList();
            var quiet = QuietPeriod.Days(options.Value.QuietPeriodDays);
            var now = clock.UtcNow;
            var history = rows.Select(r => (r.OfferCode, r.Outcome, r.RecordedAtUtc)).ToList();
            var suppressed = rows.Select(r => r.OfferCode).Distinct()
                .Select(code => (code, until: quiet.SuppressedUntil(history, code, now)))
                .Where(x => x.until is not null)
                .Select(x => new SuppressedOffer(x.code, x.until!.Value))
                .ToList();
            return new Result(phone.Value, options.Value.QuietPeriodDays, rows, suppressed);
        }
    }

    /// <summary>The offers in their quiet period for these numbers now, for the queue and the offer list.</summary>
    internal static async Task<HashSet<(Msisdn Phone, string OfferCode)>> SuppressedAsync(
        PortalDbContext db, QuietPeriod quiet, DateTime nowUtc, IReadOnlyCollection<Msisdn>? phones, CancellationToken cancellationToken)
    {
        var since = quiet.Since(nowUtc);
        var outcomes = db.OfferOutcomes.AsNoTracking()
            .Where(o => o.RecordedAtUtc > since && (o.Kind == OfferOutcomeKind.Declined || o.Kind == OfferOutcomeKind.DoNotContact));
        if (phones is not null)
        {
            outcomes = outcomes.Where(o => phones.Contains(o.Phone));
        }

        return (await outcomes.Select(o => new { o.Phone, o.OfferCode }).ToListAsync(cancellationToken))
            .Select(o => (o.Phone, o.OfferCode)).ToHashSet();
    }
}
