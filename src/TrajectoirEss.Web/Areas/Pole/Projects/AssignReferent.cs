using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The pôle names (or removes) the project's référent.</summary>
public sealed class AssignReferent(PoleProjects projects, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, Guid? referentId, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        if (referentId is { } id && !await IsStaffOfAsync(id, poleId, cancellationToken))
        {
            throw new DomainException("Le référent doit faire partie de l'équipe du pôle.");
        }

        project.AssignReferent(referentId, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    private Task<bool> IsStaffOfAsync(Guid userId, Guid poleId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.PoleId == poleId && !u.IsDisabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.PoleStaff)), cancellationToken);
}
