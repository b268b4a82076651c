using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Projects;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.TerritoryNeeds;

/// <summary>A positive study handed over to a porteur.</summary>
public sealed class HandOverNeed(StructureRecords records, TrajectoirEssDbContext db, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    /// <summary>Hands a positive study over to a porteur: a new project in their space, or a project referred to us.</summary>
    public async Task<Guid> RunAsync(Guid staffId, Guid structureId, Guid id, string? porteurEmail, Guid? projectId, CancellationToken cancellationToken = default)
    {
        var need = await records.FindNeedAsync(structureId, id, cancellationToken);
        var now = clock.GetUtcNow();
        Project project;
        if (projectId is { } existing)
        {
            project = await db.Projects.SharedWith(structureId)
                    .SingleOrDefaultAsync(p => p.Id == existing && db.Referrals.Any(r => r.ProjectId == p.Id && r.StructureId == structureId), cancellationToken)
                ?? throw new DomainException("Choisissez un projet qui vous a été orienté (et que ses porteurs partagent avec vous).", "projectId");
            need.HandOverTo(project, staffId, now);
        }
        else if (string.IsNullOrWhiteSpace(porteurEmail))
        {
            throw new DomainException("Choisissez le projet auquel joindre l'étude, ou saisissez l'adresse du compte d'un porteur.");
        }
        else
        {
            var email = porteurEmail.Trim().ToUpperInvariant();
            var porteur = (string.IsNullOrEmpty(email) ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email && !u.IsDisabled
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Porteur)), cancellationToken))
                ?? throw new DomainException("Aucun compte porteur ne correspond à cette adresse : le porteur doit d'abord créer son compte sur le portail.");
            project = need.HandOverToNewProject(porteur.Id, staffId, now);
            db.Projects.Add(project);
        }

        await changes.SaveAsync(cancellationToken);
        return project.Id;
    }
}
