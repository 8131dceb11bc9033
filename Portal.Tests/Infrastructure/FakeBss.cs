using System.Collections.Concurrent;
using Portal.Infrastructure.Bss;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A BSS that can be made unreachable. Like the operator's BSS it treats the order number as the idempotency key:
/// a repeated request for a provisioned order is accepted without provisioning again, and is counted apart.
/// </summary>
public sealed class FakeBss : IBssAdapter
{
    private readonly ConcurrentDictionary<string, int> _provisioned = new();
    private int _calls;

    public bool Unreachable { get; set; }

    public int Calls => _calls;

    /// <summary>How many times the BSS changed the customer's services for this order (must never exceed one).</summary>
    public int ProvisionedTimes(string orderNumber) => _provisioned.GetValueOrDefault(orderNumber);

    public int RepeatedRequests { get; private set; }

    public Task<ProvisioningResult> ProvisionAsync(ProvisioningRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Unreachable)
        {
            throw new HttpRequestException("BSS gateway timed out");
        }

        if (_provisioned.ContainsKey(request.OrderNumber))
        {
            RepeatedRequests++;
            return Task.FromResult(ProvisioningResult.Success);
        }

        _provisioned.AddOrUpdate(request.OrderNumber, 1, (_, n) => n + 1);
        return Task.FromResult(ProvisioningResult.Success);
    }
}
