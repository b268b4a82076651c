using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>An internal note on the project's file, for the pôle's staff only.</summary>
public sealed class AddNote(PoleProjects projects, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, string? body, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        db.InternalNotes.Add(InternalNote.Write(project, staffId, body, clock.GetUtcNow()));
        await changes.SaveAsync(cancellationToken);
    }
}
