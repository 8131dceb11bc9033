using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;

namespace Portal.Infrastructure.Outbox;

/// <summary>Delivers one kind of outbox message. Throwing asks for a retry (with back-off) unless the attempt was the last.</summary>
public interface IOutboxHandler<in TMessage>
{
    Task HandleAsync(TMessage message, OutboxAttempt attempt, CancellationToken cancellationToken);
}

/// <summary>Which attempt this is; on the last one a handler records the final failure instead of throwing.</summary>
public sealed record OutboxAttempt(long MessageId, int Number, bool IsLast);

/// <summary>Maps each message type to its stable kind name and back; filled by <see cref="OutboxSetup.AddOutboxHandler{TMessage,THandler}"/>.</summary>
public sealed class OutboxRegistry
{
    private readonly Dictionary<Type, string> _kinds = [];
    private readonly Dictionary<string, Type> _types = [];

    public void Add(Type type, string kind)
    {
        _kinds.Add(type, kind);
        _types.Add(kind, type);
    }

    public string KindOf(Type type) =>
        _kinds.TryGetValue(type, out var kind) ? kind : throw new InvalidOperationException($"{type.Name} has no outbox handler registered.");

    public Type? TypeOf(string kind) => _types.GetValueOrDefault(kind);
}

/// <summary>Writes messages into the outbox through the request's DbContext, so they commit or roll back with the change.</summary>
public sealed class OutboxWriter(PortalDbContext db, OutboxRegistry registry, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Enqueue<TMessage>(TMessage message) where TMessage : notnull =>
        db.OutboxMessages.Add(OutboxMessage.Create(registry.KindOf(typeof(TMessage)), JsonSerializer.Serialize(message, Json), time.GetUtcNow().UtcDateTime));

    public static object? Deserialize(string payload, Type type) => JsonSerializer.Deserialize(payload, type, Json);
}

/// <summary>Wakes the dispatcher when a transaction that wrote outbox messages commits, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

public sealed class OutboxOptions
{
    /// <summary>How long a claim protects a message from other nodes; longer than any single delivery takes.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Off only where a test drives delivery passes itself, one at a time.</summary>
    public bool RunInBackground { get; set; } = true;

    public int MaxAttempts { get; set; } = 8;

    public int BatchSize { get; set; } = 20;

    /// <summary>Wait before attempt n+1: 5 s, 30 s, 2 min, 10 min, then every 30 min.</summary>
    public static TimeSpan BackOff(int attemptsSoFar) => attemptsSoFar switch
    {
        <= 1 => TimeSpan.FromSeconds(5),
        2 => TimeSpan.FromSeconds(30),
        3 => TimeSpan.FromMinutes(2),
        4 => TimeSpan.FromMinutes(10),
        _ => TimeSpan.FromMinutes(30),
    };
}

public static class OutboxSetup
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var registry = new OutboxRegistry();
            foreach (var (type, kind) in sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxRegistryOptions>>().Value.Kinds)
            {
                registry.Add(type, kind);
            }

            return registry;
        });
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxWriter>();
        return services;
    }

    /// <summary>Registers the handler of one message kind; the kind is what is stored, so keep it stable.</summary>
    public static IServiceCollection AddOutboxHandler<TMessage, THandler>(this IServiceCollection services, string kind)
        where THandler : class, IOutboxHandler<TMessage>
    {
        services.AddScoped<IOutboxHandler<TMessage>, THandler>();
        services.Configure<OutboxRegistryOptions>(o => o.Kinds.Add((typeof(TMessage), kind)));
        return services;
    }
}

public sealed class OutboxRegistryOptions
{
    public List<(Type Type, string Kind)> Kinds { get; } = [];
}
