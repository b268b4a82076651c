using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>A Serilog sink in the app's container (Serilog reads sinks from the services): every event the app logs.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The security events logged (the value of the SecurityEvent property) with their user id.</summary>
    public IReadOnlyList<(string Event, string? UserId, LogEvent Log)> SecurityEvents() =>
        Events.Where(e => e.Properties.ContainsKey("SecurityEvent"))
            .Select(e => (((ScalarValue)e.Properties["SecurityEvent"]).Value?.ToString() ?? string.Empty, e.Properties.TryGetValue("UserId", out var id) ? (id as ScalarValue)?.Value?.ToString() : null, e))
            .ToList();

    /// <summary>Every event as it would be written, message and properties, for searching personal data in it.</summary>
    public string AllText() => string.Join('\n', Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join(' ', e.Properties.Select(p => p.Key + "=" + p.Value)) + " " + e.Exception));
}
