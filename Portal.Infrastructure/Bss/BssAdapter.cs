namespace Portal.Infrastructure.Bss;

/// <summary>What the business support system is asked to do for a direct order.</summary>
public sealed record ProvisioningRequest(string OrderNumber, string Phone, IReadOnlyList<ProvisioningItem> Items, string? PolicyCode);

public sealed record ProvisioningItem(string Sku, string Kind, int Quantity);

/// <summary>Success, or the BSS's own error text, which is shown to the rep as is.</summary>
public sealed record ProvisioningResult(bool Succeeded, string? Error)
{
    public static ProvisioningResult Success { get; } = new(true, null);

    public static ProvisioningResult Failure(string error) => new(false, error);
}

/// <summary>The operator's business support system (BSS), which activates plans, add-ons and contract policies.</summary>
public interface IBssAdapter
{
    Task<ProvisioningResult> ProvisionAsync(ProvisioningRequest request, CancellationToken cancellationToken);
}
