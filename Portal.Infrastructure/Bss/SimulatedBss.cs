using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Bss;

public sealed class SimulatedBssOptions
{
    /// <summary>Numbers the simulator refuses, to rehearse the failure path (e.g. an account in arrears).</summary>
    public List<string> FailingPhones { get; set; } = [];

    public string FailureMessage { get; set; } = "BSS-4012: account is in arrears; settle the balance before changing the plan";
}

/// <summary>
/// Stands in for the operator's BSS, which is not reachable from here: it accepts every request except for the
/// configured numbers. The real adapter replaces it by registration only.
/// </summary>
public sealed class SimulatedBss(IOptionsMonitor<SimulatedBssOptions> options) : IBssAdapter
{
    public Task<ProvisioningResult> ProvisionAsync(ProvisioningRequest request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        return Task.FromResult(settings.FailingPhones.Contains(request.Phone)
            ? ProvisioningResult.Failure(settings.FailureMessage)
            : ProvisioningResult.Success);
    }
}
