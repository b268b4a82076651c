using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Evaluation.Reading;

/// <summary>What the audit trail says of the shared reading: one line per change, saved with it (its status and session as they are after the change).</summary>
public sealed class ReadingAuditHandler(Audit audit) : IDomainEventHandler<ReadingChanged>
{
    public const string Entity = "EvaluationReading";

    public Task HandleAsync(ReadingChanged e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var reading = e.Reading;
        audit.Record(
            e.ActorId,
            Entity,
            reading.Id,
            $"Lecture partagée {reading.Year} modifiée",
            ("Statut", null, reading.Status.Label()),
            ("Constats", null, reading.Findings.Count),
            ("Séance", null, reading.SessionId));
        return Task.CompletedTask;
    }
}
