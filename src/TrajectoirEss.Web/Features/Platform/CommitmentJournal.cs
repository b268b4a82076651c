using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Platform;

/// <summary>
/// Each move of a commitment goes to the audit journal (who, when, what), in the change's own SaveChanges: made,
/// terms changed, status changed (with the reason), news posted (the progress; the narrative stays on the commitment).
/// </summary>
public sealed class CommitmentJournal(Audit audit) :
    IDomainEventHandler<CommitmentMade>,
    IDomainEventHandler<CommitmentEdited>,
    IDomainEventHandler<CommitmentStatusChanged>,
    IDomainEventHandler<CommitmentUpdated>
{
    public const string Commitment = "Commitment";

    public Task HandleAsync(CommitmentMade domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        audit.Record(domainEvent.ActorId, Commitment, domainEvent.Commitment.Id, "Engagement enregistré", ("Titre", null, domainEvent.Commitment.Title));
        return Task.CompletedTask;
    }

    public Task HandleAsync(CommitmentEdited domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        audit.Record(domainEvent.ActorId, Commitment, domainEvent.Commitment.Id, "Engagement modifié");
        return Task.CompletedTask;
    }

    public Task HandleAsync(CommitmentStatusChanged domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        audit.Record(domainEvent.ActorId, Commitment, domainEvent.Commitment.Id, "Statut de l'engagement changé",
            ("Statut", domainEvent.From.Label(), domainEvent.To.Label()), ("Motif", null, domainEvent.Reason));
        return Task.CompletedTask;
    }

    public Task HandleAsync(CommitmentUpdated domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        audit.Record(domainEvent.ActorId, Commitment, domainEvent.Commitment.Id, "Point d'avancement publié", ("Avancement (%)", domainEvent.OldProgress, domainEvent.Update.Progress));
        return Task.CompletedTask;
    }
}
