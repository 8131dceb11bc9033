namespace Portal.Domain.Common;

/// <summary>The current time in UTC; injected so rules that depend on "now" can be tested.</summary>
public interface IClock
{
    DateTime UtcNow { get; }
}

/// <summary>Reads the registered <see cref="TimeProvider"/>, so one fake time drives rules, handlers and workers alike.</summary>
public sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
