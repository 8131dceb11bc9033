namespace Portal.Infrastructure.Jobs;

/// <summary>
/// Who runs a background job right now. One row per job name; a node may run the job only while it holds an
/// unexpired lease, so with N nodes each run happens once.
/// </summary>
public sealed class JobLease
{
    private JobLease() { }

    public string Name { get; private set; } = "";

    public string Holder { get; private set; } = "";

    public DateTime ExpiresAtUtc { get; private set; }

    public static JobLease Take(string name, string holder, DateTime expiresAtUtc) =>
        new() { Name = name, Holder = holder, ExpiresAtUtc = expiresAtUtc };
}
