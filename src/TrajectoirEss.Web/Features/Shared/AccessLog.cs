using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Audit;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>
/// Writes who opened a project's personal data, and when (RGPD: "log who accessed whose file"): the pôle's staff
/// opening the project file, a structure's staff opening a referral (the project and its porteurs' identity). One
/// insert, outside the chained audit trail, written directly: the change tracker's save pipeline was a tenth of
/// the file's work. Callers write it only once the record was found and may be seen.
/// </summary>
public sealed class AccessLog(TrajectoirEssDbContext db, TimeProvider clock)
{
    public async Task RecordOpeningAsync(Guid actorId, Guid projectId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var opening = new AccessLogEntry(Guid.CreateVersion7(now), now, actorId, Audit.Project, projectId);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO access_log (id, at, actor_id, entity_type, entity_id) VALUES ({opening.Id}, {opening.At}, {opening.ActorId}, {opening.EntityType}, {opening.EntityId})",
            cancellationToken);
    }
}
