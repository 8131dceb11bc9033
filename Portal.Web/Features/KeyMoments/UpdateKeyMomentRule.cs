using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Customers;
using Portal.Domain.KeyMoments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.KeyMoments;

/// <summary>
/// An admin changes a rule: both languages' name and script, threshold, priority, offers and tiers. Tasks already
/// raised keep what they were raised with; the next run uses the new rule. A stale form (someone saved since) is refused.
/// </summary>
public static class UpdateKeyMomentRule
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(
        string Code, string? NameEn, string? NameZh, string? ScriptEn, string? ScriptZh, int Threshold, int? BeforeDay, int Priority,
        IReadOnlyList<string>? OfferCodes, IReadOnlyList<CustomerTier>? Tiers, bool IsActive, int Version) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            RuleFor(c => c.NameEn).NotEmpty().WithMessage("English name is required.").MaximumLength(100);
            RuleFor(c => c.NameZh).NotEmpty().WithMessage("Chinese name is required.").MaximumLength(100);
            RuleFor(c => c.ScriptEn).NotEmpty().WithMessage("English script is required.").MaximumLength(2000);
            RuleFor(c => c.ScriptZh).NotEmpty().WithMessage("Chinese script is required.").MaximumLength(2000);
            RuleFor(c => c.Priority).InclusiveBetween(1, 9).WithMessage("Priority must be between 1 and 9.");
            RuleFor(c => c.OfferCodes).NotEmpty().WithMessage("A rule names at least one offer.")
                .MustAsync(async (codes, ct) =>
                {
                    var wanted = codes!.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
                    return await db.Policies.CountAsync(p => wanted.Contains(p.Code), ct) == wanted.Count;
                })
                .WithMessage("Every offer must be a policy code in the catalog.");
            RuleForEach(c => c.Tiers).IsInEnum();
        }
    }

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var rule = await db.KeyMomentRules.FirstOrDefaultAsync(r => r.Code == request.Code, cancellationToken)
                ?? throw new NotFoundException($"Rule {request.Code}");
            if (rule.Version != request.Version)
            {
                throw new Common.Errors.ConcurrencyConflictException(
                    $"Rule {rule.Code} was changed by someone else in the meantime. It has been reloaded: check it and try again.");
            }

            rule.Change(new KeyMomentRuleSettings(
                request.NameEn!, request.NameZh!, request.ScriptEn!, request.ScriptZh!, request.Threshold, request.BeforeDay, request.Priority,
                request.OfferCodes!, request.Tiers ?? []));
            if (rule.IsActive != request.IsActive)
            {
                rule.SetActive(request.IsActive);
            }

            return Unit.Value;
        }
    }
}
