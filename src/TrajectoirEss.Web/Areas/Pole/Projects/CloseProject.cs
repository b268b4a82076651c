using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>What the staff typed about the company, for a project closed as created.</summary>
public sealed record ClosingCompany(string? LegalFormCode, DateOnly? CreatedOn, string? Siret);

/// <summary>The pôle closes the project, with its outcome and a reason from the list.</summary>
public sealed class CloseProject(PoleProjects projects, UnitOfWork changes, ListValues lists, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid poleId, Guid projectId, ProjectOutcome outcome, string? reasonCode, string? details, ClosingCompany? company = null, CancellationToken cancellationToken = default)
    {
        var project = await projects.FindAsync(projectId, poleId, cancellationToken);
        var kind = outcome == ProjectOutcome.Abandoned ? ListKind.AbandonReason : ListKind.ClosingReason;
        var reason = await lists.RequireActiveAsync(kind, reasonCode, "Choisissez un motif de la liste.", cancellationToken);
        var text = ListItem.WithDetails(reason, details);
        var now = clock.GetUtcNow();
        CompanyCreation? creation = null;
        if (outcome == ProjectOutcome.Created)
        {
            if (company?.LegalFormCode is { } form)
            {
                await lists.RequireActiveAsync(ListKind.LegalForm, form, "Choisissez la forme juridique dans la liste.", cancellationToken);
            }

            creation = new CompanyCreation(company?.LegalFormCode, company?.CreatedOn, company?.Siret, Format.ParisDate(now));
        }

        project.Close(outcome, text, staffId, now, creation);
        await changes.SaveAsync(cancellationToken);
    }
}
