using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Portal.Domain.Shared;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Watches every log line (all levels) and every finished span of a test portal for a mobile number, a resident ID
/// number or a card number; <see cref="PortalHost"/> fails the test that started the portal if it saw one. Every
/// test that starts a portal is therefore also a check that the portal never logs or traces personal data.
/// </summary>
public sealed partial class PiiGuard
{
    private readonly ConcurrentQueue<string> _findings = new();

    public IReadOnlyCollection<string> Findings => _findings;

    public void Attach(WebApplicationBuilder builder)
    {
        builder.Logging.AddProvider(new LoggerProvider(this));
        builder.Logging.AddFilter<LoggerProvider>(null, LogLevel.Trace);
        // The portal keeps these quiet below Warning on every provider (they write raw request paths); the guard
        // watches them from the level the portal lets through, and everything else at every level.
        foreach (var category in Portal.Web.Common.Telemetry.TelemetrySetup.PathLoggingCategories)
        {
            builder.Logging.AddFilter<LoggerProvider>(category, LogLevel.Warning);
        }
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SpanProcessor(this)));
    }

    /// <summary>The personal numbers in <paramref name="text"/> (a masked number such as 138****8000 is none).</summary>
    public static IEnumerable<string> Find(string text)
    {
        foreach (Match match in DigitRun().Matches(text))
        {
            var run = match.Value;
            if (Msisdn.TryParse(run, out _, out _) && run.Length == 11)
            {
                yield return $"phone {run}";
            }
            else if (run.Length == 18 && ResidentId.TryParse(run, out _, out _))
            {
                yield return $"resident ID {run}";
            }
            else if (LooksLikeCard(run) && Luhn.IsValid(run))
            {
                yield return $"card number {run}";
            }
        }
    }

    /// <summary>Card brands' lengths and prefixes; a 15-digit IMEI (also Luhn-checked, 35/86...) is no card.</summary>
    private static bool LooksLikeCard(string run) => run.Length switch
    {
        15 => run.StartsWith("34", StringComparison.Ordinal) || run.StartsWith("37", StringComparison.Ordinal),
        16 => run[0] is '2' or '4' or '5' or '6',
        19 => run[0] is '4' or '6',
        _ => false,
    };

    private void Inspect(string where, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var finding in Find(text))
        {
            _findings.Enqueue($"{finding} in {where}: {(text.Length > 300 ? text[..300] : text)}");
        }
    }

    // A whole run of digits (an ID's final X included), not part of a longer token such as a hex trace id.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{11,19}[Xx]?(?![0-9A-Za-z])")]
    private static partial Regex DigitRun();

    private sealed class SpanProcessor(PiiGuard guard) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity activity)
        {
            guard.Inspect($"span {activity.DisplayName}", activity.DisplayName);
            foreach (var tag in activity.TagObjects)
            {
                guard.Inspect($"span {activity.DisplayName} tag {tag.Key}", tag.Value?.ToString());
            }

            foreach (var activityEvent in activity.Events)
            {
                foreach (var tag in activityEvent.Tags)
                {
                    guard.Inspect($"span {activity.DisplayName} event {activityEvent.Name}", tag.Value?.ToString());
                }
            }
        }
    }

    private sealed class LoggerProvider(PiiGuard guard) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, guard);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(string category, PiiGuard guard) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            guard.Inspect($"log {category}", formatter(state, exception));
            guard.Inspect($"log {category} exception", exception?.ToString());
        }
    }
}
