using System.Text.RegularExpressions;
using FluentValidation;
using Portal.Web.Common.Localization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Catalog;

/// <summary>Adds a targeted policy: who it is for, what it gives, the script the rep reads and when it runs.</summary>
public static partial class CreatePolicy
{
    /// <summary>
    /// <see cref="Amount"/> is the discount, or the prestore the customer pays; <see cref="Credit"/> only applies
    /// to prestores. No tiers means every tier; every required tag must be on the customer.
    /// </summary>
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(
        string? Code,
        string? Name,
        string? CallScript,
        PolicyEffectKind EffectKind,
        decimal Amount,
        decimal? Credit = null,
        decimal? MinPlanFee = null,
        decimal? MaxPlanFee = null,
        IReadOnlyList<CustomerTier>? AllowedTiers = null,
        IReadOnlyList<string>? RequiredTags = null,
        DateTime? ValidFromUtc = null,
        DateTime? ValidToUtc = null) : ICommand<string>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, ServerText text)
        {
            RuleFor(c => c.Code)
                .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Code is required.")
                .Must(c => CodePattern().IsMatch(CatalogRules.NormaliseCode(c))).When(c => !string.IsNullOrWhiteSpace(c.Code), ApplyConditionTo.CurrentValidator)
                .WithMessage("Code must be 2–32 characters of A–Z, 0–9, '-' and '_'.")
                .MustAsync(async (code, ct) =>
                {
                    var normalised = CatalogRules.NormaliseCode(code);
                    return !await db.Policies.AnyAsync(p => p.Code == normalised, ct);
                })
                .When(c => CodePattern().IsMatch(CatalogRules.NormaliseCode(c.Code)), ApplyConditionTo.CurrentValidator)
                .WithMessage(c => text.Say($"Policy code {CatalogRules.NormaliseCode(c.Code)} already exists."));
            RuleFor(c => c.Name).Text(text, "Name", 100);
            RuleFor(c => c.CallScript).Text(text, "Call script", 2000);
            RuleFor(c => c.MinPlanFee).Amount(text, "Minimum plan fee");
            RuleFor(c => c.MaxPlanFee).Amount(text, "Maximum plan fee");
            RuleFor(c => c.MinPlanFee)
                .Must((c, min) => min <= c.MaxPlanFee)
                .When(c => c.MinPlanFee is not null && c.MaxPlanFee is not null)
                .WithMessage("Minimum plan fee cannot be above the maximum plan fee.");
            RuleFor(c => c.AllowedTiers).Must(t => t is null || t.All(Enum.IsDefined)).WithMessage("Choose tiers from the list.");
            RuleFor(c => c.RequiredTags)
                .Must(tags => tags is null || tags.All(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 30))
                .WithMessage("Each required tag must be 1–30 characters.");
            RuleFor(c => c.EffectKind).IsInEnum().WithMessage("Choose what the policy gives.");
            RuleFor(c => c.Amount)
                .GreaterThan(0)
                .WithMessage(c => c.EffectKind == PolicyEffectKind.Discount
                    ? "Discount must be greater than zero."
                    : "Prestore must be greater than zero.")
                .Must(CatalogRules.HasAtMostTwoDecimals).WithMessage("Amount can have at most 2 decimal places.");
            When(c => c.EffectKind == PolicyEffectKind.PrestoreCredit, () =>
                RuleFor(c => c.Credit)
                    .Must(credit => credit > 0).WithMessage("Credit must be greater than zero.")
                    .Must(credit => credit is null || CatalogRules.HasAtMostTwoDecimals(credit.Value))
                    .WithMessage("Credit can have at most 2 decimal places."));
            RuleFor(c => c.ValidToUtc)
                .Must((c, to) => to > c.ValidFromUtc)
                .When(c => c.ValidFromUtc is not null && c.ValidToUtc is not null)
                .WithMessage("Valid to must be after valid from.");
        }
    }

    internal sealed class Handler(PortalDbContext db) : MediatR.IRequestHandler<Command, string>
    {
        public Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var eligibility = PolicyEligibility.Create(
                request.MinPlanFee is { } min ? Money.Yuan(min) : null,
                request.MaxPlanFee is { } max ? Money.Yuan(max) : null,
                request.AllowedTiers,
                request.RequiredTags);
            var effect = request.EffectKind == PolicyEffectKind.Discount
                ? PolicyEffect.Discount(Money.Yuan(request.Amount))
                : PolicyEffect.Prestore(Money.Yuan(request.Amount), Money.Yuan(request.Credit ?? 0));
            var policy = Policy.Create(
                request.Code!, request.Name!, request.CallScript!, eligibility, effect, request.ValidFromUtc, request.ValidToUtc);
            db.Policies.Add(policy);
            return Task.FromResult(policy.Code);
        }
    }

    [GeneratedRegex("^[A-Z0-9_-]{2,32}$")]
    private static partial Regex CodePattern();
}
