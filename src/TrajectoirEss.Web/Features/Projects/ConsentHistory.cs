using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Projects;

/// <summary>
/// Each change of a consent to share goes to the porteur's consent history (shown in "Mes données", exported with
/// their data), in the change's own SaveChanges: the project holds the current state, the history every change.
/// </summary>
public sealed class ConsentHistory(TrajectoirEssDbContext db) : IDomainEventHandler<SharingConsentChanged>
{
    public Task HandleAsync(SharingConsentChanged e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        db.Consents.Add(new ConsentRecord(Guid.CreateVersion7(e.OccurredAt), e.ActorId, e.Project.Id, ConsentKind.SharingWithPartners, e.Given, e.OccurredAt, e.StructureId));
        return Task.CompletedTask;
    }
}
