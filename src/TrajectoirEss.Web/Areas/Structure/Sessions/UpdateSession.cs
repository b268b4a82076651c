using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Sessions;

/// <summary>A structure changes a session; the version the person started from guards against silent overwrites.</summary>
public sealed class UpdateSession(StructureRecords records, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid structureId, Guid sessionId, uint version, SessionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var session = await records.FindSessionAsync(structureId, sessionId, cancellationToken);
        db.Entry(session).Property(s => s.Version).OriginalValue = version;
        var taken = await db.Enrolments.CountAsync(e => e.SessionId == sessionId && Enrolment.PlaceTakingStatuses.Contains(e.Status), cancellationToken);
        session.Update(input.Name, input.StartsOn, input.EndsOn, input.Place, input.Capacity, input.JuryOn, taken, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
