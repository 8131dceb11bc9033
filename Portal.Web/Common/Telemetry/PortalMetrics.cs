using System.Diagnostics;
using System.Diagnostics.Metrics;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Marketing;
using Portal.Domain.Orders;
using Portal.Domain.Payments;

namespace Portal.Web.Common.Telemetry;

/// <summary>
/// The portal's own instruments (meter and activity source "Portal"). Business counts are taken from domain events
/// after their transaction commits (<see cref="Committed"/>), so a rolled-back or retried command is never counted.
/// Tags carry kinds and outcomes only, never a customer's phone, ID or card number.
/// </summary>
public sealed class PortalMetrics
{
    public const string Name = "Portal";

    /// <summary>Spans of the portal's own work (the command pipeline, its commit).</summary>
    public static readonly ActivitySource Activities = new(Name);

    private readonly Counter<long> _ordersPlaced;
    private readonly Counter<long> _payments;
    private readonly Histogram<double> _webhookDuration;
    private readonly Counter<long> _dispatchAssignments;
    private readonly Counter<long> _reconciliationRuns;
    private long _outboxDepth;
    private double _outboxOldestAgeSeconds;

    public PortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _ordersPlaced = meter.CreateCounter<long>("portal.orders.placed", "{order}", "Orders placed (appointments included), by flow");
        _payments = meter.CreateCounter<long>("portal.payments", "{payment}", "Payments settled, by method and result");
        _webhookDuration = meter.CreateHistogram<double>("portal.webhook.duration", "ms", "Time to verify and apply one provider webhook");
        _dispatchAssignments = meter.CreateCounter<long>("portal.dispatch.assignments", "{assignment}", "Deliveries assigned to a courier, by channel");
        _reconciliationRuns = meter.CreateCounter<long>("portal.reconciliation.runs", "{run}", "Reconciliation runs, by kind and outcome");
        meter.CreateObservableGauge("portal.outbox.depth", () => Interlocked.Read(ref _outboxDepth), "{message}", "Outbox messages not yet delivered");
        meter.CreateObservableGauge("portal.outbox.oldest_age", () => Volatile.Read(ref _outboxOldestAgeSeconds), "s", "Age of the oldest undelivered outbox message");
    }

    /// <summary>Counts what a committed transaction did; <paramref name="raisedBy"/> is the entity that raised each event.</summary>
    public void Committed(IEnumerable<(Entity RaisedBy, IDomainEvent Event)> events)
    {
        foreach (var (raisedBy, domainEvent) in events)
        {
            switch (domainEvent)
            {
                case OrderPlaced placed:
                    _ordersPlaced.Add(1, new KeyValuePair<string, object?>("flow", placed.Flow.ToString()));
                    break;
                case OpportunityRegistered:
                    _ordersPlaced.Add(1, new KeyValuePair<string, object?>("flow", nameof(OrderFlow.Appointment)));
                    break;
                case PaymentSucceeded succeeded:
                    Payment(succeeded.Channel.ToString(), "succeeded");
                    break;
                case PaymentFailed:
                    Payment((raisedBy as Payment)?.Channel.ToString() ?? "unknown", "failed");
                    break;
                case PaymentCancelled:
                    Payment((raisedBy as Payment)?.Channel.ToString() ?? "unknown", "cancelled");
                    break;
                case DeliveryAssigned assigned:
                    _dispatchAssignments.Add(1, new KeyValuePair<string, object?>("channel", assigned.Channel.ToString()));
                    break;
            }
        }
    }

    public void WebhookProcessed(string provider, string outcome, TimeSpan elapsed) =>
        _webhookDuration.Record(elapsed.TotalMilliseconds,
            new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>For the reconciliation runs (courier, station, finance tiers): call once per finished run.</summary>
    public void ReconciliationRun(string kind, string outcome) =>
        _reconciliationRuns.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The outbox backlog as last measured (by the dispatcher after each pass, and by the readiness check).</summary>
    public void OutboxBacklog(long depth, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _outboxDepth, depth);
        Volatile.Write(ref _outboxOldestAgeSeconds, oldestAge.TotalSeconds);
    }

    private void Payment(string method, string result) =>
        _payments.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("result", result));
}
