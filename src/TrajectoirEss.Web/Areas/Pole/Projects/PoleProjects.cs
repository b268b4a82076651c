using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>
/// The projects the pôle staff's use cases change, each loaded through the staff member's pôle: a project of another
/// pôle (or a draft) is "not found" (<see cref="ProjectNotFoundException"/>, a 404).
/// </summary>
public sealed class PoleProjects(TrajectoirEssDbContext db)
{
    public async Task<Project> FindAsync(Guid projectId, Guid poleId, CancellationToken cancellationToken = default) =>
        await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId && p.PoleId == poleId && p.Status != ProjectStatus.Draft, cancellationToken)
        ?? throw new ProjectNotFoundException();

    /// <summary>A referral of one of the pôle's projects.</summary>
    public async Task<(Project Project, Referral Referral)> ReferralAsync(Guid poleId, Guid projectId, Guid referralId, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.ProjectId == projectId, cancellationToken)
            ?? throw new ProjectNotFoundException();
        return (project, referral);
    }
}
