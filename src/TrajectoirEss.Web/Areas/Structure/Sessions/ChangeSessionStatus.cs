using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Sessions;

/// <summary>A session starts, or finishes.</summary>
public sealed class ChangeSessionStatus(StructureRecords records, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid structureId, Guid sessionId, bool finish, CancellationToken cancellationToken = default)
    {
        var session = await records.FindSessionAsync(structureId, sessionId, cancellationToken);
        if (finish)
        {
            session.Finish(staffId, clock.GetUtcNow());
        }
        else
        {
            session.Start(staffId, clock.GetUtcNow());
        }

        await changes.SaveAsync(cancellationToken);
    }
}
