using TrajectoirEss.Domain.Common;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The pôle asks the porteurs to let a partner structure see their project (they get an e-mail with a link to decide).</summary>
public sealed class AskForSharing(PoleProjects projects, ReferenceCache reference, UnitOfWork changes, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, Guid structureId, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        if (!(await reference.GetAsync(cancellationToken)).Partners.Any(p => p.Id == structureId))
        {
            throw new DomainException("Choisissez une structure partenaire de la liste.");
        }

        project.AskForSharing(structureId, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
