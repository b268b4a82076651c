using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Platform.Pack;

/// <summary>What the audit trail says of a reading pack: each freeze (with its period and how many times) and its publication.</summary>
public sealed class ReadingPackAudit(Audit audit) :
    IDomainEventHandler<ReadingPackFrozen>,
    IDomainEventHandler<ReadingPackPublished>
{
    public const string EntityType = "ReadingPack";

    public Task HandleAsync(ReadingPackFrozen domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var pack = domainEvent.Pack;
        audit.Record(domainEvent.ActorId, EntityType, pack.Id, pack.Freezes == 1 ? "Données figées" : "Données figées à nouveau", ("Période", null, pack.Content.Period.Label), ("Gels", pack.Freezes - 1, pack.Freezes));
        return Task.CompletedTask;
    }

    public Task HandleAsync(ReadingPackPublished domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        audit.Record(domainEvent.ActorId, EntityType, domainEvent.Pack.Id, "Dossier de séance publié");
        return Task.CompletedTask;
    }
}
