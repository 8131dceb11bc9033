using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Catalog;

/// <summary>
/// The policies with who each is for and what it gives, worded for people (in the caller's UI language), one page at
/// a time; <see cref="Query.Text"/> finds a code or name.
/// </summary>
public static class ListPolicies
{
    [AuthorizeRequest(Roles.Admin, Roles.Rep, Roles.BackOffice)]
    public sealed record Query(bool IncludeInactive = false, string? Text = null, ListRequest? Page = null) : IRequest<ListPage<PolicyRow>>;

    public sealed record PolicyRow(
        string Code,
        string Name,
        string CallScript,
        string WhoFor,
        string Effect,
        PolicyEffectKind EffectKind,
        decimal EffectAmount,
        decimal? EffectCredit,
        DateTime? ValidFromUtc,
        DateTime? ValidToUtc,
        bool IsActive);

    public static SortColumns<Policy> Sort { get; } = new SortColumns<Policy>()
        .Add(nameof(PolicyRow.Code), p => p.Code)
        .Add(nameof(PolicyRow.Name), p => p.Name)
        .Add(nameof(PolicyRow.EffectAmount), p => (double)(decimal)(object)p.Effect.Amount)
        .Add(nameof(PolicyRow.ValidFromUtc), p => p.ValidFromUtc)
        .Add(nameof(PolicyRow.ValidToUtc), p => p.ValidToUtc)
        .Add(nameof(PolicyRow.IsActive), p => p.IsActive);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Text).MaximumLength(50).WithMessage("Search must be at most 50 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, IStringLocalizer<SharedResource> L)
        : IRequestHandler<Query, ListPage<PolicyRow>>
    {
        public async Task<ListPage<PolicyRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var matching = db.Policies.AsNoTracking().Where(p => request.IncludeInactive || p.IsActive);
            if (request.Text?.Trim() is { Length: > 0 } text)
            {
                var upper = text.ToUpperInvariant();
                matching = matching.Where(p => p.Code.Contains(upper) || p.Name.ToUpper().Contains(upper));
            }

            var page = request.Page ?? new ListRequest();
            var found = await Sort.Apply(matching, page, q => q.OrderBy(p => p.Code), nameof(PolicyRow.Code))
                .Select(p => new
                {
                    p.Code,
                    p.Name,
                    p.CallScript,
                    p.Eligibility,
                    EffectKind = p.Effect.Kind,
                    EffectAmount = p.Effect.Amount,
                    EffectCredit = p.Effect.Credit,
                    p.ValidFromUtc,
                    p.ValidToUtc,
                    p.IsActive,
                })
                .ToListPageAsync(page, cancellationToken);

            return new ListPage<PolicyRow>(
                found.Items.Select(p => new PolicyRow(
                    p.Code,
                    p.Name,
                    p.CallScript,
                    DescribeWhoFor(p.Eligibility),
                    p.EffectKind == PolicyEffectKind.Discount
                        ? L["{0} off", p.EffectAmount]
                        : L["Prestore {0}, get {1} credit", p.EffectAmount, p.EffectCredit],
                    p.EffectKind,
                    p.EffectAmount.Amount,
                    p.EffectKind == PolicyEffectKind.PrestoreCredit ? p.EffectCredit.Amount : null,
                    p.ValidFromUtc,
                    p.ValidToUtc,
                    p.IsActive))
                .ToList(),
                found.Total);
        }

        private string DescribeWhoFor(PolicyEligibility eligibility)
        {
            var clauses = new List<string>();
            clauses.AddRange((eligibility.MinPlanFee, eligibility.MaxPlanFee) switch
            {
                ({ } min, { } max) when min == max => [L["Customers on the {0} a month plan", min]],
                ({ } min, { } max) => [L["Customers on a plan of {0}–{1} a month", min, max]],
                ({ } min, null) => [L["Customers on a plan of at least {0} a month", min]],
                (null, { } max) => [L["Customers on a plan of at most {0} a month", max]],
                _ => Array.Empty<string>(),
            });

            if (eligibility.AllowedTiers.Count > 0)
            {
                clauses.Add(L["{0} customers only", string.Join(L[" or "], eligibility.AllowedTiers.Select(TierName))]);
            }

            if (eligibility.RequiredTags.Count > 0)
            {
                clauses.Add(L["Customers tagged {0}", string.Join(L[" and "], eligibility.RequiredTags)]);
            }

            return clauses.Count == 0 ? L["Every customer"] : string.Join(L["; "], clauses);
        }

        private string TierName(CustomerTier tier) => tier switch
        {
            CustomerTier.Vip => L["VIP"],
            CustomerTier.FourStarPlus => L["4-star+"],
            _ => L["Standard"],
        };
    }
}
