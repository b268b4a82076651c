using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The pôle refers the project to a programme.</summary>
public sealed class ReferProject(PoleProjects projects, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock, ILogger<ReferProject> logger) : IUseCase
{
    /// <summary>Refers the project to a programme, if its porteurs let the programme's structure see it.</summary>
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, Guid programmeId, string? message, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == programmeId, cancellationToken)
            ?? throw new DomainException("Choisissez un programme de la liste.");
        var referrals = await db.Referrals.Where(r => r.ProjectId == projectId && r.ProgrammeId == programmeId).ToListAsync(cancellationToken);
        var referral = Referral.Create(project, programme, referrals, poleId, staffId, message, clock.GetUtcNow());
        db.Referrals.Add(referral);
        await changes.SaveAsync(cancellationToken);
        logger.LogInformation("Project {ProjectId} referred to programme {ProgrammeId}", project.Id, programme.Id);
    }
}
