using System.Text;
using TrajectoirEss.Domain.Audit;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>Adds entries to the audit trail, saved with the change they describe (same SaveChanges).</summary>
public sealed class Audit(TrajectoirEssDbContext db, TimeProvider clock)
{
    public const string Project = "Project";

    public void Record(Guid actorId, string entityType, Guid entityId, string action, params (string Field, object? Old, object? New)[] changes)
    {
        var text = new StringBuilder();
        foreach (var (field, old, @new) in changes.Where(c => !Equals(c.Old, c.New)))
        {
            text.Append(field).Append(" : ").Append(old ?? "—").Append(" → ").Append(@new ?? "—").Append('\n');
        }

        var now = clock.GetUtcNow();
        db.AuditEntries.Add(new AuditEntry(Guid.CreateVersion7(now), now, actorId, entityType, entityId, action, text.Length == 0 ? null : text.ToString().TrimEnd()));
    }
}
