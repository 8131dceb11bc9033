using System.Collections.Concurrent;

namespace Portal.Web.Features.Tracking;

/// <summary>
/// Counts failed tracking lookups per client address over a sliding minute; more than the limit answers 429, so
/// codes cannot be guessed by brute force. Kept per node: a guesser spread over nodes gets at most limit × nodes.
/// </summary>
public sealed class LookupGuard(TimeProvider time)
{
    public const int FailuresPerMinute = 10;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    public bool IsBlocked(string address)
    {
        if (!_failures.TryGetValue(address, out var failures))
        {
            return false;
        }

        lock (failures)
        {
            Prune(failures);
            return failures.Count >= FailuresPerMinute;
        }
    }

    public void RecordFailure(string address)
    {
        var failures = _failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Prune(failures);
            failures.Enqueue(time.GetUtcNow());
        }
    }

    private void Prune(Queue<DateTimeOffset> failures)
    {
        var cutoff = time.GetUtcNow().AddMinutes(-1);
        while (failures.Count > 0 && failures.Peek() < cutoff)
        {
            failures.Dequeue();
        }
    }
}
