namespace Portal.Domain.Common;

/// <summary>The current time in UTC; injected so rules that depend on "now" can be tested.</summary>
public interface IClock
{
    DateTime UtcNow { get; }
}

public sealed class SystemClock : IClock
{
    public DateTime UtcNow => DateTime.UtcNow;
}
