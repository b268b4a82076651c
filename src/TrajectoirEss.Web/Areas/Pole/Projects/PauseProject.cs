using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The project is put on hold.</summary>
public sealed class PauseProject(PoleProjects projects, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, string? reason, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        project.Pause(reason, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
