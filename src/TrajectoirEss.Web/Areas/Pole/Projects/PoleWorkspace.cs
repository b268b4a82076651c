using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Porteur.Projects;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>What the staff typed about the company, for a project closed as created.</summary>
public sealed record ClosingCompany(string? LegalFormCode, DateOnly? CreatedOn, string? Siret);

/// <summary>
/// The pôle staff's use cases. Every method loads the project through <see cref="FindAsync"/>: a project
/// of another pôle (or a draft) is "not found". Every change is saved through <see cref="UnitOfWork"/>: its
/// audit line and e-mails follow from the domain's events.
/// </summary>
public sealed class PoleWorkspace(TrajectoirEssDbContext db, UnitOfWork changes, ListValues lists, TimeProvider clock, ILogger<PoleWorkspace> logger)
{
    public async Task<Project> FindAsync(Guid projectId, Guid poleId, CancellationToken cancellationToken = default) =>
        await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId && p.PoleId == poleId && p.Status != ProjectStatus.Draft, cancellationToken)
        ?? throw new ProjectNotFoundException();

    public async Task RecordMeetingAsync(Guid staffId, Guid poleId, Guid projectId, DateTimeOffset heldAt, MeetingKind kind, string? summary, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var wasSubmitted = project.Status == ProjectStatus.Submitted;
        db.Meetings.Add(Meeting.Record(project, heldAt, kind, summary, staffId, clock.GetUtcNow()));
        await changes.SaveAsync(cancellationToken);
        if (wasSubmitted)
        {
            logger.LogInformation("Project {ProjectId} welcomed by pôle {PoleId}", project.Id, poleId);
        }
    }

    public async Task AddNoteAsync(Guid staffId, Guid poleId, Guid projectId, string? body, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        db.InternalNotes.Add(InternalNote.Write(project, staffId, body, clock.GetUtcNow()));
        await changes.SaveAsync(cancellationToken);
    }

    /// <summary>A message to the porteurs; a request for information also goes to the trajectory.</summary>
    public async Task ReplyAsync(Guid staffId, Guid poleId, Guid projectId, string? body, bool asksForInformation = false, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        db.ProjectMessages.Add(ProjectMessage.FromPole(project, staffId, body, asksForInformation, clock.GetUtcNow()));
        await changes.SaveAsync(cancellationToken);
    }

    /// <summary>Corrects stage, needs and sector; the version the person started from guards against silent overwrites.</summary>
    public async Task QualifyAsync(Guid staffId, Guid poleId, Guid projectId, uint version, ProjectStage stage, SupportNeeds needs, string? sectorCode, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        db.Entry(project).Property(p => p.Version).OriginalValue = version;
        if (sectorCode is not null)
        {
            await lists.RequireActiveAsync(ListKind.Sector, sectorCode, "Choisissez un secteur de la liste.", cancellationToken);
        }

        project.Qualify(stage, needs, sectorCode, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    public async Task AssignReferentAsync(Guid staffId, Guid poleId, Guid projectId, Guid? referentId, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        if (referentId is { } id && !await IsStaffOfAsync(id, poleId, cancellationToken))
        {
            throw new DomainException("Le référent doit faire partie de l'équipe du pôle.");
        }

        project.AssignReferent(referentId, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    public async Task TransferAsync(Guid staffId, Guid poleId, Guid projectId, Guid toPoleId, string? reason, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        // A deactivated pôle (emptied by a merge) takes no new project.
        if (!await db.Poles.AnyAsync(p => p.Id == toPoleId && p.IsActive, cancellationToken))
        {
            throw new DomainException("Choisissez un pôle de la liste.");
        }

        project.Transfer(toPoleId, reason, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
        logger.LogInformation("Project {ProjectId} transferred from pôle {FromPoleId} to pôle {ToPoleId}", project.Id, poleId, toPoleId);
    }

    public async Task CloseAsync(Guid staffId, Guid poleId, Guid projectId, ProjectOutcome outcome, string? reasonCode, string? details, ClosingCompany? company = null, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
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

    public async Task PauseAsync(Guid staffId, Guid poleId, Guid projectId, string? reason, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        project.Pause(reason, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    public async Task ResumeAsync(Guid staffId, Guid poleId, Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        project.Resume(staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    public async Task ReopenAsync(Guid staffId, Guid poleId, Guid projectId, string? reason, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        project.Reopen(reason, staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    /// <summary>Refers the project to a programme, if its porteurs accepted that it be shared with the programme's partners.</summary>
    public async Task ReferAsync(Guid staffId, Guid poleId, Guid projectId, Guid programmeId, string? message, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == programmeId, cancellationToken)
            ?? throw new DomainException("Choisissez un programme de la liste.");
        var referrals = await db.Referrals.Where(r => r.ProjectId == projectId && r.ProgrammeId == programmeId).ToListAsync(cancellationToken);
        var referral = Referral.Create(project, programme, referrals, poleId, staffId, await OwnerConsentsToSharingAsync(project, cancellationToken), message, clock.GetUtcNow());
        db.Referrals.Add(referral);
        await changes.SaveAsync(cancellationToken);
        logger.LogInformation("Project {ProjectId} referred to programme {ProgrammeId}", project.Id, programme.Id);
    }

    public async Task RelaunchAsync(Guid staffId, Guid poleId, Guid projectId, Guid referralId, CancellationToken cancellationToken = default)
    {
        var (_, referral) = await ReferralAsync(poleId, projectId, referralId, cancellationToken);
        referral.Relaunch(staffId, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    public async Task WithdrawAsync(Guid staffId, Guid poleId, Guid projectId, Guid referralId, string? reason, CancellationToken cancellationToken = default)
    {
        var (project, referral) = await ReferralAsync(poleId, projectId, referralId, cancellationToken);
        referral.Withdraw(project, staffId, reason, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }

    private async Task<(Project Project, Referral Referral)> ReferralAsync(Guid poleId, Guid projectId, Guid referralId, CancellationToken cancellationToken)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.ProjectId == projectId, cancellationToken)
            ?? throw new ProjectNotFoundException();
        return (project, referral);
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

    private Task<bool> IsStaffOfAsync(Guid userId, Guid poleId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.PoleId == poleId && !u.IsDisabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.PoleStaff)), cancellationToken);
}
