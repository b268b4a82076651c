using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Sessions;

/// <summary>A project ends its programme, with its outcome (a company created, and what is known of it).</summary>
public sealed class CompleteEnrolment(StructureRecords records, UnitOfWork changes, ListValues lists, TimeProvider clock) : IUseCase
{
    private DateOnly Today => Format.ParisDate(clock.GetUtcNow());

    public async Task RunAsync(Guid staffId, Guid structureId, Guid sessionId, Guid enrolmentId, EnrolmentOutcome? outcome, string? note, ClosingCompanyInput company, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(company);
        var roster = await records.RosterAsync(structureId, sessionId, cancellationToken);
        var (enrolment, referral, project, _) = await records.EnrolmentAsync(structureId, sessionId, enrolmentId, cancellationToken);
        if (outcome is not { } result)
        {
            throw new DomainException("Choisissez l'issue du programme.");
        }

        CompanyCreation? creation = null;
        if (result == EnrolmentOutcome.CompanyCreated)
        {
            if (company.LegalFormCode is { } form)
            {
                await lists.RequireActiveAsync(ListKind.LegalForm, form, "Choisissez la forme juridique dans la liste.", cancellationToken);
            }

            creation = new CompanyCreation(company.LegalFormCode, company.CreatedOn, company.Siret, Today);
        }

        roster.Complete(enrolment, project, referral, result, note, creation, company.Jobs, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}

/// <summary>What the staff typed about the company, for an enrolment completed with a company created.</summary>
public sealed record ClosingCompanyInput(string? LegalFormCode, DateOnly? CreatedOn, string? Siret, int? Jobs);
