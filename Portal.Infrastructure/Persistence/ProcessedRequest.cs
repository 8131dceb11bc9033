namespace Portal.Infrastructure.Persistence;

/// <summary>
/// A command that already ran, keyed by the client's request id, with the response it gave. A repeat of the same
/// request (double click, network retry) gets that response back instead of running twice.
/// </summary>
public sealed class ProcessedRequest
{
    private ProcessedRequest() { }

    public string Key { get; private set; } = "";
    public string ResponseJson { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public static ProcessedRequest Record(string key, string responseJson, DateTime nowUtc) =>
        new() { Key = key, ResponseJson = responseJson, CreatedAtUtc = nowUtc };
}
