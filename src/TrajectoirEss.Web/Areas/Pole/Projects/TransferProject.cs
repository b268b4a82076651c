using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The pôle hands the project over to another pôle.</summary>
public sealed class TransferProject(PoleProjects projects, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock, ILogger<TransferProject> logger) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, Guid toPoleId, string? reason, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        // A deactivated pôle (emptied by a merge) takes no new project.
        if (!await db.Poles.AnyAsync(p => p.Id == toPoleId && p.IsActive, cancellationToken))
        {
            throw new DomainException("Choisissez un pôle de la liste.");
        }

        project.Transfer(toPoleId, reason, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
        logger.LogInformation("Project {ProjectId} transferred from pôle {FromPoleId} to pôle {ToPoleId}", project.Id, poleId, toPoleId);
    }
}
