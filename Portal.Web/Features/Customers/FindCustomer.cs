using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Localization;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Customers;

/// <summary>
/// What the rep sees on opening a caller: who they are, their plan and tier, and the offers they are eligible for
/// with the script to read (统一政策视图). Offers they are not eligible for are listed with the reason.
/// </summary>
public static class FindCustomer
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice)]
    public sealed record Query(string Phone) : IRequest<CustomerCard?>;

    public sealed record CustomerCard(
        string Phone,
        string Name,
        string? IdNumberMasked,
        string? CurrentPlanSku,
        decimal? CurrentPlanFee,
        CustomerTier Tier,
        IReadOnlyList<string> Tags,
        IReadOnlyList<AddressRow> Addresses,
        IReadOnlyList<Offer> Offers,
        GetCustomerTimeAxis.Suggestion? PlanSuggestion = null);

    public sealed record AddressRow(string City, string District, string Line);

    /// <summary><see cref="Amount"/> is the discount or the prestore; <see cref="Credit"/> only applies to prestores.</summary>
    public sealed record Offer(
        string Code, string Name, string CallScript, string Effect, bool IsEligible, string? Reason, PolicyEffectKind EffectKind, decimal Amount, decimal Credit);

    /// <summary>Reasons and effects are worded in the rep's language: they are read out to the customer.</summary>
    internal sealed class Handler(
        PortalDbContext db, IClock clock, ServerText text, IStringLocalizer<SharedResource> L, Microsoft.Extensions.Options.IOptions<KeyMoments.KeyMomentOptions> options)
        : IRequestHandler<Query, CustomerCard?>
    {
        public async Task<CustomerCard?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!Msisdn.TryParse(request.Phone, out var phone, out var error))
            {
                throw RequestValidationException.For(nameof(Query.Phone), error);
            }

            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == phone, cancellationToken);
            if (customer is null)
            {
                return null;
            }

            var policies = await db.Policies.AsNoTracking().Where(p => p.IsActive).ToListAsync(cancellationToken);
            // An offer the customer declined (or asked not to be called about) stays off the list for the quiet period.
            var quiet = await KeyMoments.GetCustomerOutcomes.SuppressedAsync(
                db, Portal.Domain.KeyMoments.QuietPeriod.Days(options.Value.QuietPeriodDays), clock.UtcNow, [phone], cancellationToken);
            var offers = policies
                .Where(p => !quiet.Contains((phone, p.Code)))
                .Select(p => (Policy: p, Result: p.CheckEligibility(customer.Profile, clock.UtcNow)))
                .OrderByDescending(x => x.Result.IsEligible).ThenBy(x => x.Policy.Code, StringComparer.Ordinal)
                .Select(x => new Offer(x.Policy.Code, x.Policy.Name, x.Policy.CallScript, Describe(x.Policy.Effect), x.Result.IsEligible, x.Result.Why is { } why ? text.Say(why) : null,
                    x.Policy.Effect.Kind, x.Policy.Effect.Amount.Amount, x.Policy.Effect.Credit.Amount))
                .ToList();

            return new CustomerCard(
                customer.Phone.Value,
                customer.Name,
                customer.IdNumber?.Masked,
                customer.CurrentPlanSku,
                customer.CurrentPlanFee?.Amount,
                customer.Tier,
                customer.Tags.Order(StringComparer.Ordinal).ToList(),
                customer.Addresses.Select(a => new AddressRow(a.City, a.District, a.Line)).ToList(),
                offers,
                await GetCustomerTimeAxis.SuggestAsync(db, text, phone, cancellationToken));
        }

        private string Describe(PolicyEffect effect) => effect.Kind == PolicyEffectKind.Discount
            ? L["{0} off", effect.Amount]
            : L["Prestore {0}, get {1} credit", effect.Amount, effect.Credit];
    }
}
