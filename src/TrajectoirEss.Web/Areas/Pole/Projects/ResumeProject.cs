using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>A project on hold resumes.</summary>
public sealed class ResumeProject(PoleProjects projects, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        project.Resume(staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
