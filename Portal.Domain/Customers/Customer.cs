using System.Text.RegularExpressions;
using Portal.Domain.Common;
using Portal.Domain.Shared;

namespace Portal.Domain.Customers;

/// <summary>A subscriber of the operator, identified by their mobile number.</summary>
public sealed partial class Customer : Entity
{
    private readonly List<Address> _addresses = [];
    private readonly List<string> _tags = [];

    private Customer()
    {
        Phone = null!;
        Name = null!;
    }

    public Msisdn Phone { get; private set; }

    public string Name { get; private set; }

    public ResidentId? IdNumber { get; private set; }

    public IReadOnlyList<Address> Addresses => _addresses;

    public Address? DefaultAddress => _addresses.FirstOrDefault();

    public string? CurrentPlanSku { get; private set; }

    public Money? CurrentPlanFee { get; private set; }

    public CustomerTier Tier { get; private set; }

    public IReadOnlyCollection<string> Tags => _tags;

    public CustomerProfile Profile => new(CurrentPlanFee, Tier, _tags.ToArray());

    public static Customer Register(Msisdn phone, string name, CustomerTier tier = CustomerTier.Standard) => new()
    {
        Phone = phone,
        Name = Require.Text(name, "Customer name", 50, "customer.invalid"),
        Tier = tier,
    };

    public void AddAddress(Address address)
    {
        if (_addresses.Contains(address))
        {
            throw new DomainException("customer.duplicate_address", $"The customer already has the address {address}");
        }

        _addresses.Add(address);
    }

    public void ChangePlan(string sku, Money monthlyFee)
    {
        CurrentPlanSku = Require.Text(sku, "Plan SKU", 32, "customer.invalid").ToUpperInvariant();
        CurrentPlanFee = Require.NotNegative(monthlyFee, "Monthly plan fee", "customer.invalid");
    }

    public void ChangeTier(CustomerTier tier) => Tier = tier;

    /// <summary>Records the real-name ID; once recorded it can only be confirmed, never silently replaced.</summary>
    /// <remarks>The refusal names neither ID: the caller may be someone else, who must not learn the registered one.</remarks>
    public void RecordIdNumber(ResidentId idNumber)
    {
        if (IdNumber is not null && IdNumber != idNumber)
        {
            throw new DomainException(
                "customer.id_number_mismatch",
                "The ID number differs from the one this customer is registered with") { Field = "idNumber" };
        }

        IdNumber = idNumber;
    }

    /// <summary>
    /// The caller says who they are: the name must be the registered one (spaces and letter case aside: "李 明" is 李明) and an ID,
    /// when given, the registered one. The refusal names the field that differs but never the registered value.
    /// </summary>
    public void ConfirmIdentity(string name, ResidentId? idNumber)
    {
        if (!string.Equals(Collapse(name), Collapse(Name), StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(
                "customer.name_mismatch",
                "The name differs from the one this customer is registered with") { Field = "name" };
        }

        if (idNumber is not null)
        {
            RecordIdNumber(idNumber);
        }
    }

    private static string Collapse(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public void AddTag(string tag)
    {
        var normalised = NormaliseTag(tag);
        if (_tags.Contains(normalised))
        {
            throw new DomainException("customer.duplicate_tag", $"The customer already has tag '{normalised}'");
        }

        _tags.Add(normalised);
    }

    public void RemoveTag(string tag)
    {
        if (!_tags.Remove(NormaliseTag(tag)))
        {
            throw new DomainException("customer.unknown_tag", $"The customer has no tag '{tag.Trim()}'");
        }
    }

    public bool IsAnonymised => Phone.IsAnonymous;

    /// <summary>
    /// Removes what identifies the person (name, number, ID, addresses, tags) for good; the plan and tier stay for
    /// statistics. Only a stored customer can be anonymised, and only once.
    /// </summary>
    public void Anonymise()
    {
        if (IsAnonymised)
        {
            throw new DomainException("customer.already_anonymised", "This customer's personal data was already removed");
        }

        Phone = Msisdn.Anonymous(Id);
        Name = Anonymous.Text;
        IdNumber = null;
        _addresses.Clear();
        _tags.Clear();
    }

    private static string NormaliseTag(string tag)
    {
        var normalised = Require.Text(tag, "Tag", 30, "customer.invalid_tag").ToLowerInvariant();
        return TagPattern().IsMatch(normalised)
            ? normalised
            : throw new DomainException("customer.invalid_tag", $"Tag '{normalised}' may contain only a–z, 0–9 and '-'");
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex TagPattern();
}
