using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The pôle qualifies a project.</summary>
public sealed class QualifyProject(PoleProjects projects, TrajectoirEssDbContext db, UnitOfWork changes, ListValues lists, TimeProvider clock) : IUseCase
{
    /// <summary>Corrects stage, needs and sector; the version the person started from guards against silent overwrites.</summary>
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, uint version, ProjectStage stage, SupportNeeds needs, string? sectorCode, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        db.Entry(project).Property(p => p.Version).OriginalValue = version;
        if (sectorCode is not null)
        {
            await lists.RequireActiveAsync(ListKind.Sector, sectorCode, "Choisissez un secteur de la liste.", cancellationToken);
        }

        project.Qualify(stage, needs, sectorCode, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
