using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The pôle writes to the porteurs of a project.</summary>
public sealed class WriteToPorteurs(PoleProjects projects, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    /// <summary>A message to the porteurs; a request for information also goes to the trajectory.</summary>
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, string? body, bool asksForInformation = false, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        db.ProjectMessages.Add(ProjectMessage.FromPole(project, staffId, body, asksForInformation, clock.GetUtcNow()));
        await changes.SaveAsync(cancellationToken);
    }
}
