using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>A closed project is reopened.</summary>
public sealed class ReopenProject(PoleProjects projects, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, string? reason, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        project.Reopen(reason, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
