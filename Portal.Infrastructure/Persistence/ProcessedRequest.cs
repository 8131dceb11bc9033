namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A command sent with a client request id. The row is reserved (no response yet) before the command runs and
/// completed with its response in the command's own transaction. A repeat with the same body gets the stored
/// response; a repeat with another body, or while the first is still running, is refused. Rows expire after 24 h.
/// </summary>
public sealed class ProcessedRequest
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A reservation older than this belongs to a request that died; a retry may take it over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    private ProcessedRequest() { }

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the request's parameters, so a key reused for a different request is recognised.</summary>
    public string RequestHash { get; private set; } = "";

    public string? ResponseJson { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    public static ProcessedRequest Reserve(string key, string requestHash, DateTime nowUtc) =>
        new() { Key = key, RequestHash = requestHash, CreatedAtUtc = nowUtc };

    public static ProcessedRequest Record(string key, string responseJson, DateTime nowUtc) =>
        new() { Key = key, ResponseJson = responseJson, CreatedAtUtc = nowUtc, CompletedAtUtc = nowUtc };

    public void Complete(string responseJson, DateTime nowUtc)
    {
        ResponseJson = responseJson;
        CompletedAtUtc = nowUtc;
    }

    public bool IsExpired(DateTime nowUtc) => nowUtc - CreatedAtUtc >= Lifetime;

    public bool IsAbandoned(DateTime nowUtc) => ResponseJson is null && nowUtc - CreatedAtUtc >= AbandonedAfter;
}
