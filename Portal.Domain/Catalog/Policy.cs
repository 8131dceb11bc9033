using System.Text.RegularExpressions;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Shared;

namespace Portal.Domain.Catalog;

/// <summary>A promotion or contract policy the rep may offer, with the script they read to the customer.</summary>
public sealed partial class Policy : Entity
{
    private Policy()
    {
        Code = null!;
        Name = null!;
        CallScript = null!;
        Eligibility = null!;
        Effect = null!;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string CallScript { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime? ValidFromUtc { get; private set; }

    public DateTime? ValidToUtc { get; private set; }

    public PolicyEligibility Eligibility { get; private set; }

    public PolicyEffect Effect { get; private set; }

    public static Policy Create(
        string code,
        string name,
        string callScript,
        PolicyEligibility eligibility,
        PolicyEffect effect,
        DateTime? validFromUtc = null,
        DateTime? validToUtc = null)
    {
        var normalisedCode = (code ?? string.Empty).Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(normalisedCode))
        {
            throw new DomainException("policy.invalid_code", $"Policy code '{code}' must be 2–32 characters of A–Z, 0–9, '-' and '_'");
        }

        if (validFromUtc is { } from && validToUtc is { } to && to <= from)
        {
            throw new DomainException("policy.invalid", "A policy must end after it starts");
        }

        return new Policy
        {
            Code = normalisedCode,
            Name = Require.Text(name, "Policy name", 100, "policy.invalid"),
            CallScript = Require.Text(callScript, "Call script", 2000, "policy.invalid"),
            Eligibility = eligibility,
            Effect = effect,
            IsActive = true,
            ValidFromUtc = validFromUtc,
            ValidToUtc = validToUtc,
        };
    }

    public EligibilityResult CheckEligibility(CustomerProfile profile, DateTime nowUtc)
    {
        if (!IsActive)
        {
            return EligibilityResult.Ineligible(DomainMessage.Literal("Policy is inactive"));
        }

        if (ValidFromUtc is { } from && nowUtc < from)
        {
            return EligibilityResult.Ineligible($"Policy starts on {from:yyyy-MM-dd HH:mm} UTC");
        }

        if (ValidToUtc is { } to && nowUtc >= to)
        {
            return EligibilityResult.Ineligible(DomainMessage.Literal("Policy has expired"));
        }

        return Eligibility.ReasonToRefuse(profile) is { } reason
            ? EligibilityResult.Ineligible(reason)
            : EligibilityResult.Eligible;
    }

    public void Deactivate()
    {
        if (!IsActive)
        {
            throw new DomainException("policy.already_inactive", $"Policy {Code} is already inactive");
        }

        IsActive = false;
    }

    public void Activate()
    {
        if (IsActive)
        {
            throw new DomainException("policy.already_active", $"Policy {Code} is already active");
        }

        IsActive = true;
    }

    [GeneratedRegex("^[A-Z0-9_-]{2,32}$")]
    private static partial Regex CodePattern();
}
