using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.KeyMoments;
using Portal.Domain.Orders;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Localization;
using Portal.Web.Common.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.Customers;

/// <summary>
/// The customer's time axis (时间轴): month by month plan, data and bill; what they said to past offers; their orders;
/// and the plan they should move to, with the reasoning the rep reads out.
/// </summary>
public static class GetCustomerTimeAxis
{
    public const int Months = 12;

    [AuthorizeRequest(Roles.Rep, Roles.BackOffice, Roles.Supervisor, Roles.Admin)]
    public sealed record Query(string Phone) : IRequest<TimeAxis>;

    public sealed record TimeAxis(
        IReadOnlyList<MonthRow> Usage, IReadOnlyList<ContactRow> Contacts, IReadOnlyList<OrderRow> Orders, Suggestion? PlanSuggestion);

    public sealed record MonthRow(DateOnly Period, string PlanCode, decimal DataUsedGb, decimal DataQuotaGb, int VoiceMinutes, decimal Bill, bool PlanChanged);

    public sealed record ContactRow(DateTime AtUtc, string OfferCode, OfferOutcomeKind Outcome, string? Reason, string By);

    public sealed record OrderRow(DateTime AtUtc, string Number, OrderFlow Flow, OrderStatus Status, decimal Total);

    /// <summary><see cref="MonthlyChange"/>: positive costs more per month, negative saves.</summary>
    public sealed record Suggestion(string FromPlan, string ToPlan, string ToPlanName, decimal MonthlyChange, string Reasoning);

    internal sealed class Handler(PortalDbContext db, ServerText text) : IRequestHandler<Query, TimeAxis>
    {
        public async Task<TimeAxis> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!Msisdn.TryParse(request.Phone, out var phone, out var error))
            {
                throw RequestValidationException.For("phone", error);
            }

            var facts = await db.UsageFacts.AsNoTracking().Where(f => f.Phone == phone)
                .OrderByDescending(f => f.Period).Take(Months).ToListAsync(cancellationToken);
            facts.Reverse();
            var usage = facts.Select((f, i) => new MonthRow(
                f.Period, f.PlanCode, f.DataUsedGb, f.DataQuotaGb, f.VoiceMinutes, f.Bill.Amount, i > 0 && facts[i - 1].PlanCode != f.PlanCode)).ToList();

            var contacts = (await db.OfferOutcomes.AsNoTracking().Where(o => o.Phone == phone)
                    .Select(o => new ContactRow(o.RecordedAtUtc, o.OfferCode, o.Kind, o.Reason, o.RecordedBy)).ToListAsync(cancellationToken))
                .OrderByDescending(c => c.AtUtc).ToList();
            var name = await PeopleNames.NamerAsync(db, contacts.Select(c => c.By), cancellationToken);
            contacts = contacts.Select(c => c with { By = name(c.By)! }).ToList();
            var orders = (await db.Orders.AsNoTracking().Where(o => o.Phone == phone)
                    .Select(o => new { o.CreatedAtUtc, o.Number, o.Flow, o.Status, o.Total }).ToListAsync(cancellationToken))
                .OrderByDescending(o => o.CreatedAtUtc)
                .Select(o => new OrderRow(o.CreatedAtUtc, o.Number, o.Flow, o.Status, o.Total.Amount)).ToList();

            return new TimeAxis(usage, contacts, orders, await SuggestAsync(db, text, facts, cancellationToken));
        }
    }

    /// <summary>The plan suggestion alone, for the customer card on the order page.</summary>
    internal static async Task<Suggestion?> SuggestAsync(PortalDbContext db, ServerText text, Msisdn phone, CancellationToken cancellationToken)
    {
        var facts = await db.UsageFacts.AsNoTracking().Where(f => f.Phone == phone)
            .OrderByDescending(f => f.Period).Take(PlanAdvisor.MonthsConsidered).ToListAsync(cancellationToken);
        facts.Reverse();
        return await SuggestAsync(db, text, facts, cancellationToken);
    }

    private static async Task<Suggestion?> SuggestAsync(PortalDbContext db, ServerText text, IReadOnlyList<UsageFact> facts, CancellationToken cancellationToken)
    {
        if (facts.Count == 0)
        {
            return null;
        }

        var plans = (await db.Products.AsNoTracking().Where(p => p.Kind == ProductKind.Plan && p.IsActive)
                .Select(p => new { p.Sku, p.Name, p.Price, p.DataGb }).ToListAsync(cancellationToken))
            .Where(p => p.DataGb is not null).ToList();
        var current = plans.FirstOrDefault(p => p.Sku == facts[^1].PlanCode);
        if (current is null)
        {
            return null;
        }

        var suggestion = PlanAdvisor.Suggest(
            facts.Where(f => f.PlanCode == current.Sku).Select(f => new UsageMonth(f.Period, f.DataUsedMb, f.DataQuotaMb, f.Bill)),
            new PlanOption(current.Sku, current.Price, current.DataGb!.Value),
            plans.Select(p => new PlanOption(p.Sku, p.Price, p.DataGb!.Value)).ToList());
        return suggestion is null
            ? null
            : new Suggestion(suggestion.From.Code, suggestion.To.Code, plans.First(p => p.Sku == suggestion.To.Code).Name, suggestion.MonthlyChange.Amount, text.Say(suggestion.Reasoning));
    }
}
