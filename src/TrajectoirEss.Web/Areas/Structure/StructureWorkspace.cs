using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Porteur.Projects;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Structure;

/// <summary>
/// The structures' use cases. Every record is loaded through the structure of the signed-in staff member:
/// a referral, session, financing or need of another structure is "not found". Every change is saved through
/// <see cref="UnitOfWork"/>: its audit line and e-mails follow from the domain's events.
/// </summary>
public sealed class StructureWorkspace(TrajectoirEssDbContext db, UnitOfWork changes, ListValues lists, IOptions<FinancingOptions> financing, TimeProvider clock, ILogger<StructureWorkspace> logger)
{
    private DateOnly Today => Format.ParisDate(clock.GetUtcNow());

    public async Task<(Referral Referral, Project Project, Programme Programme)> ReferralAsync(Guid structureId, Guid referralId, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.StructureId == structureId, cancellationToken)
            ?? throw new ProjectNotFoundException();
        var project = await db.Projects.SingleAsync(p => p.Id == referral.ProjectId, cancellationToken);
        var programme = await db.Programmes.SingleAsync(p => p.Id == referral.ProgrammeId, cancellationToken);
        return (referral, project, programme);
    }

    public async Task AcceptAsync(Guid staffId, Guid structureId, Guid referralId, CancellationToken cancellationToken = default)
    {
        var (referral, project, _) = await ReferralAsync(structureId, referralId, cancellationToken);
        referral.Accept(project, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    public async Task DeclineAsync(Guid staffId, Guid structureId, Guid referralId, string? reasonCode, string? details, CancellationToken cancellationToken = default)
    {
        var (referral, project, _) = await ReferralAsync(structureId, referralId, cancellationToken);
        var label = await lists.RequireActiveAsync(ListKind.DeclineReason, reasonCode, "Choisissez un motif de refus dans la liste.", cancellationToken);
        var reason = ListItem.WithDetails(label, details);
        referral.Decline(project, staffId, reasonCode, reason, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    public async Task AskAsync(Guid staffId, Guid structureId, Guid referralId, string? question, CancellationToken cancellationToken = default)
    {
        var (referral, project, _) = await ReferralAsync(structureId, referralId, cancellationToken);
        referral.RequestInformation(project, staffId, question, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    public async Task<Session> FindSessionAsync(Guid structureId, Guid sessionId, CancellationToken cancellationToken = default) =>
        await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.StructureId == structureId, cancellationToken)
        ?? throw new ProjectNotFoundException();

    public async Task<Session> CreateSessionAsync(Guid staffId, Guid structureId, Guid? programmeId, SessionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == programmeId && p.StructureId == structureId, cancellationToken)
            ?? throw new DomainException("Choisissez un de vos programmes.");
        var session = Session.Create(Guid.CreateVersion7(), programme, input.Name, input.StartsOn, input.EndsOn, input.Place, input.Capacity, input.JuryOn, staffId, clock.GetUtcNow());
        db.Sessions.Add(session);
        await changes.SaveAsync(cancellationToken);
        return session;
    }

    public async Task UpdateSessionAsync(Guid staffId, Guid structureId, Guid sessionId, uint version, SessionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var session = await FindSessionAsync(structureId, sessionId, cancellationToken);
        db.Entry(session).Property(s => s.Version).OriginalValue = version;
        var taken = await db.Enrolments.CountAsync(e => e.SessionId == sessionId && Enrolment.PlaceTakingStatuses.Contains(e.Status), cancellationToken);
        session.Update(input.Name, input.StartsOn, input.EndsOn, input.Place, input.Capacity, input.JuryOn, taken, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    public async Task ChangeSessionStatusAsync(Guid staffId, Guid structureId, Guid sessionId, bool finish, CancellationToken cancellationToken = default)
    {
        var session = await FindSessionAsync(structureId, sessionId, cancellationToken);
        if (finish)
        {
            session.Finish(staffId, clock.GetUtcNow());
        }
        else
        {
            session.Start(staffId, clock.GetUtcNow());
        }

        await changes.SaveAsync(cancellationToken);
    }

    /// <summary>Enrols (or, for a promotion with a jury, registers the candidacy of) a project whose referral was accepted.</summary>
    public async Task EnrolAsync(Guid staffId, Guid structureId, Guid sessionId, Guid? referralId, int? people, CancellationToken cancellationToken = default)
    {
        var roster = await RosterAsync(structureId, sessionId, cancellationToken);
        if (referralId is null)
        {
            throw new DomainException("Choisissez un projet orienté vers ce programme.");
        }

        var (referral, project, _) = await ReferralAsync(structureId, referralId.Value, cancellationToken);
        var now = clock.GetUtcNow();
        var enrolment = roster.Session.IsSelective
            ? roster.Apply(project, referral, people ?? 1, staffId, now)
            : roster.Enrol(project, referral, people ?? 1, staffId, now);
        db.Enrolments.Add(enrolment);
        await changes.SaveAsync(cancellationToken);
    }

    public async Task DecideAsync(Guid staffId, Guid structureId, Guid sessionId, Guid enrolmentId, JuryDecision decision, string? reason, CancellationToken cancellationToken = default)
    {
        var roster = await RosterAsync(structureId, sessionId, cancellationToken);
        var (enrolment, referral, project, _) = await EnrolmentAsync(structureId, sessionId, enrolmentId, cancellationToken);
        var now = clock.GetUtcNow();
        switch (decision)
        {
            case JuryDecision.Selected:
                roster.Select(enrolment, project, referral, staffId, now);
                break;
            case JuryDecision.WaitingList:
                roster.PutOnWaitingList(enrolment, project, referral, staffId, now);
                break;
            case JuryDecision.NotSelected:
                roster.Reject(enrolment, project, referral, reason, staffId, now);
                break;
            default:
                throw new DomainException("Choisissez une décision du jury.");
        }

        await changes.SaveAsync(cancellationToken);
    }

    /// <summary>A project leaves; in a promotion the first of the waiting list takes its place.</summary>
    public async Task LeaveAsync(Guid staffId, Guid structureId, Guid sessionId, Guid enrolmentId, string? reason, CancellationToken cancellationToken = default)
    {
        var roster = await RosterAsync(structureId, sessionId, cancellationToken);
        var (enrolment, referral, project, _) = await EnrolmentAsync(structureId, sessionId, enrolmentId, cancellationToken);
        (Project, Referral)? next = null;
        if (roster.NextOnWaitingList is { } waiting)
        {
            next = (await db.Projects.SingleAsync(p => p.Id == waiting.ProjectId, cancellationToken), await db.Referrals.SingleAsync(r => r.Id == waiting.ReferralId, cancellationToken));
        }

        roster.Leave(enrolment, project, referral, reason, staffId, clock.GetUtcNow(), next);
        await changes.SaveAsync(cancellationToken);
    }

    public async Task CompleteAsync(Guid staffId, Guid structureId, Guid sessionId, Guid enrolmentId, EnrolmentOutcome? outcome, string? note, ClosingCompanyInput company, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(company);
        var roster = await RosterAsync(structureId, sessionId, cancellationToken);
        var (enrolment, referral, project, _) = await EnrolmentAsync(structureId, sessionId, enrolmentId, cancellationToken);
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

    public async Task<FinancingApplication> FindFinancingAsync(Guid structureId, Guid id, CancellationToken cancellationToken = default) =>
        await db.FinancingApplications.SingleOrDefaultAsync(f => f.Id == id && f.StructureId == structureId, cancellationToken)
        ?? throw new ProjectNotFoundException();

    public async Task<FinancingApplication> ApplyForFinancingAsync(Guid staffId, Guid structureId, Guid referralId, FinancingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (referral, project, programme) = await ReferralAsync(structureId, referralId, cancellationToken);
        var applications = await db.FinancingApplications.Where(f => f.ReferralId == referral.Id).ToListAsync(cancellationToken);
        var application = FinancingApplication.Create(project, referral, programme, applications, input.Instrument, input.AmountRequested, input.StudyCost, input.Study, input.CommitteeOn, financing.Value.Rules, staffId, clock.GetUtcNow());
        db.FinancingApplications.Add(application);
        await changes.SaveAsync(cancellationToken);
        logger.LogInformation("Financing application {ApplicationId} for project {ProjectId} under programme {ProgrammeId}", application.Id, project.Id, programme.Id);
        return application;
    }

    public async Task DecideFinancingAsync(Guid staffId, Guid structureId, Guid id, bool grant, decimal? amount, string? reason, DateOnly? committeeOn, CancellationToken cancellationToken = default)
    {
        var application = await FindFinancingAsync(structureId, id, cancellationToken);
        var project = await db.Projects.SingleAsync(p => p.Id == application.ProjectId, cancellationToken);
        if (grant)
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == application.ProgrammeId, cancellationToken);
            application.Grant(project, programme, amount, committeeOn, staffId, financing.Value.Rules, clock.GetUtcNow());
        }
        else
        {
            application.Refuse(project, reason, committeeOn, staffId, clock.GetUtcNow());
        }

        await changes.SaveAsync(cancellationToken);
    }

    public async Task AddPaymentAsync(Guid staffId, Guid structureId, Guid id, DateOnly? paidOn, decimal? amount, CancellationToken cancellationToken = default)
    {
        var application = await FindFinancingAsync(structureId, id, cancellationToken);
        application.AddPayment(paidOn, amount, Today, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    public async Task<TerritoryNeed> RaiseNeedAsync(Guid staffId, Guid structureId, TerritoryNeedInput input, string? communeCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var revelateur = await db.Programmes.FirstOrDefaultAsync(p => p.StructureId == structureId && p.Type == ProgrammeType.Revelateur && p.IsActive, cancellationToken)
            ?? throw new DomainException("Votre structure ne porte pas de révélateur.");
        var need = TerritoryNeed.Raise(revelateur, input.Title, input.Description, input.RaisedBy, input.RaisedOn, communeCode, Today, staffId, clock.GetUtcNow());
        db.TerritoryNeeds.Add(need);
        await changes.SaveAsync(cancellationToken);
        return need;
    }

    public async Task<TerritoryNeed> FindNeedAsync(Guid structureId, Guid id, CancellationToken cancellationToken = default) =>
        await db.TerritoryNeeds.SingleOrDefaultAsync(n => n.Id == id && n.StructureId == structureId, cancellationToken)
        ?? throw new ProjectNotFoundException();

    public async Task ConcludeNeedAsync(Guid staffId, Guid structureId, Guid id, bool positive, string? conclusion, DateOnly? concludedOn, CancellationToken cancellationToken = default)
    {
        var need = await FindNeedAsync(structureId, id, cancellationToken);
        need.Conclude(positive, conclusion, concludedOn, Today, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    /// <summary>Hands a positive study over to a porteur: a new project in their space, or a project referred to us.</summary>
    public async Task<Guid> HandOverAsync(Guid staffId, Guid structureId, Guid id, string? porteurEmail, Guid? projectId, CancellationToken cancellationToken = default)
    {
        var need = await FindNeedAsync(structureId, id, cancellationToken);
        var now = clock.GetUtcNow();
        Project project;
        if (projectId is { } existing)
        {
            project = await db.Projects.SingleOrDefaultAsync(p => p.Id == existing && db.Referrals.Any(r => r.ProjectId == p.Id && r.StructureId == structureId), cancellationToken)
                ?? throw new DomainException("Choisissez un projet qui vous a été orienté.");
            need.HandOverTo(project, staffId, now);
        }
        else
        {
            var email = porteurEmail?.Trim().ToUpperInvariant();
            var porteur = (string.IsNullOrEmpty(email) ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email && !u.IsDisabled
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Porteur)), cancellationToken))
                ?? throw new DomainException("Aucun compte porteur ne correspond à cette adresse : le porteur doit d'abord créer son compte sur le portail.");
            project = need.HandOverToNewProject(porteur.Id, staffId, now);
            db.Projects.Add(project);
        }

        await changes.SaveAsync(cancellationToken);
        return project.Id;
    }

    private async Task<SessionRoster> RosterAsync(Guid structureId, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await FindSessionAsync(structureId, sessionId, cancellationToken);
        var enrolments = await db.Enrolments.Where(e => e.SessionId == sessionId).ToListAsync(cancellationToken);
        return new SessionRoster(session, enrolments);
    }

    private async Task<(Enrolment Enrolment, Referral Referral, Project Project, Programme Programme)> EnrolmentAsync(Guid structureId, Guid sessionId, Guid enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId && e.SessionId == sessionId, cancellationToken)
            ?? throw new ProjectNotFoundException();
        var (referral, project, programme) = await ReferralAsync(structureId, enrolment.ReferralId, cancellationToken);
        return (enrolment, referral, project, programme);
    }
}

public enum JuryDecision
{
    Selected = 1,
    WaitingList = 2,
    NotSelected = 3,
}

public sealed record SessionInput(string? Name, DateOnly? StartsOn, DateOnly? EndsOn, string? Place, int? Capacity, DateOnly? JuryOn);

public sealed record FinancingInput(FinancingInstrument? Instrument, decimal? AmountRequested, decimal? StudyCost, string? Study, DateOnly? CommitteeOn);

public sealed record TerritoryNeedInput(string? Title, string? Description, string? RaisedBy, DateOnly? RaisedOn);

public sealed record ClosingCompanyInput(string? LegalFormCode, DateOnly? CreatedOn, string? Siret, int? Jobs);
