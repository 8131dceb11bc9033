using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Bench;

/// <summary>
/// Sums, per part of an order's path, the time of the portal's spans (authenticate, validate, turn, handle, save,
/// commit, the request through the pipeline, the HTTP request on the server) and the SQL commands EF Core ran while
/// that part was the innermost span.
/// </summary>
internal sealed class IntakeProfile : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string HttpRequest = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private readonly ConcurrentDictionary<string, Part> _parts = new();
    private readonly ActivityListener _spans;
    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];

    public IntakeProfile()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Portal" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Add(Name(activity), activity.Duration.TotalMilliseconds, 0, 0),
        };
        ActivitySource.AddActivityListener(_spans);
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IEnumerable<(string Name, double Milliseconds, long Commands, double CommandMilliseconds)> Parts() =>
        _parts.OrderByDescending(p => p.Value.Milliseconds).Select(p => (p.Key, p.Value.Milliseconds, p.Value.Commands, p.Value.CommandMilliseconds));

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandExecutedEventData executed)
        {
            // Attributed to the innermost span of the portal's own (the EF Core instrumentation wraps each command in one).
            var span = Activity.Current;
            while (span is not null && span.Source.Name is not ("Portal" or "Microsoft.AspNetCore"))
            {
                span = span.Parent;
            }

            Add(span is null ? "(outside any span)" : Name(span), 0, 1, executed.Duration.TotalMilliseconds);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _spans.Dispose();
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    private static string Name(Activity activity) => activity.OperationName switch
    {
        HttpRequest => "HTTP request on the server (all of it)",
        "PlaceOrder.Command" => "pipeline: PlaceOrder (all of it)",
        "turn" => "unit of work: wait for the turn, begin",
        "handle" => "handler (catalog, customer, policy, number)",
        "save" => "SaveChanges + domain events (stock) + outbox",
        "commit" => "commit (fsync; SQLite: the group's)",
        var other => other,
    };

    private void Add(string name, double milliseconds, long commands, double commandMilliseconds)
    {
        var part = _parts.GetOrAdd(name, _ => new Part());
        lock (part)
        {
            part.Milliseconds += milliseconds;
            part.Commands += commands;
            part.CommandMilliseconds += commandMilliseconds;
        }
    }

    private sealed class Part
    {
        public double Milliseconds { get; set; }

        public long Commands { get; set; }

        public double CommandMilliseconds { get; set; }
    }
}
