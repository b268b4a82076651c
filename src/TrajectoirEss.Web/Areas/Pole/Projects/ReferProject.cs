using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The pôle refers the project to a programme.</summary>
public sealed class ReferProject(PoleProjects projects, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock, ILogger<ReferProject> logger) : IUseCase
{
    /// <summary>Refers the project to a programme, if its porteurs accepted that it be shared with the programme's partners.</summary>
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, Guid programmeId, string? message, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == programmeId, cancellationToken)
            ?? throw new DomainException("Choisissez un programme de la liste.");
        var referrals = await db.Referrals.Where(r => r.ProjectId == projectId && r.ProgrammeId == programmeId).ToListAsync(cancellationToken);
        var referral = Referral.Create(project, programme, referrals, poleId, staffId, await OwnerConsentsToSharingAsync(project, cancellationToken), message, clock.GetUtcNow());
        db.Referrals.Add(referral);
        await changes.SaveAsync(cancellationToken);
        logger.LogInformation("Project {ProjectId} referred to programme {ProgrammeId}", project.Id, programme.Id);
    }

    /// <summary>The owner's latest decision on sharing the project with the programme's partners.</summary>
    private async Task<bool> OwnerConsentsToSharingAsync(Project project, CancellationToken cancellationToken)
    {
        var ownerId = project.Members.FirstOrDefault(m => m.Role == MemberRole.Owner)?.UserId;
        return ownerId is not null && await db.Consents
            .Where(c => c.UserId == ownerId && c.ProjectId == project.Id && c.Kind == ConsentKind.SharingWithPartners)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .Select(c => c.Given)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
