using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Porteur.Projects;
using TrajectoirEss.Web.Features.Notifications;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>What the staff typed about the company, for a project closed as created.</summary>
public sealed record ClosingCompany(string? LegalFormCode, DateOnly? CreatedOn, string? Siret);

/// <summary>
/// The pôle staff's use cases. Every method loads the project through <see cref="FindAsync"/>: a project
/// of another pôle (or a draft) is "not found". Every change goes to the audit trail.
/// </summary>
public sealed class PoleWorkspace(TrajectoirEssDbContext db, Audit audit, Notifier notifier, TimeProvider clock, ILogger<PoleWorkspace> logger)
{
    public async Task<Project> FindAsync(Guid projectId, Guid poleId, CancellationToken cancellationToken = default) =>
        await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId && p.PoleId == poleId && p.Status != ProjectStatus.Draft, cancellationToken)
        ?? throw new ProjectNotFoundException();

    public async Task RecordMeetingAsync(Guid staffId, Guid poleId, Guid projectId, DateTimeOffset heldAt, MeetingKind kind, string? summary, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var wasSubmitted = project.Status == ProjectStatus.Submitted;
        var meeting = Meeting.Record(project, heldAt, kind, summary, staffId, clock.GetUtcNow());
        db.Meetings.Add(meeting);
        audit.Record(staffId, Audit.Project, project.Id, "Rendez-vous noté", ("Rendez-vous", null, $"{Meeting.Label(kind)} du {Format.Date(heldAt)}"), ("Statut", wasSubmitted ? ProjectStatus.Submitted.Label() : null, wasSubmitted ? project.Status.Label() : null));
        await db.SaveChangesAsync(cancellationToken);
        if (wasSubmitted)
        {
            logger.LogInformation("Project {ProjectId} welcomed by pôle {PoleId}", project.Id, poleId);
            await notifier.ProjectChangedAsync(project, "Votre projet est accueilli", $"Votre projet « {project.Title} » est accueilli par votre pôle ESS.", cancellationToken);
        }
    }

    public async Task AddNoteAsync(Guid staffId, Guid poleId, Guid projectId, string? body, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var now = clock.GetUtcNow();
        db.InternalNotes.Add(new InternalNote(Guid.CreateVersion7(now), project.Id, staffId, body, now));
        audit.Record(staffId, Audit.Project, project.Id, "Note interne ajoutée");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A message to the porteurs; a request for information also goes to the trajectory.</summary>
    public async Task ReplyAsync(Guid staffId, Guid poleId, Guid projectId, string? body, bool asksForInformation = false, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var now = clock.GetUtcNow();
        db.ProjectMessages.Add(new ProjectMessage(Guid.CreateVersion7(now), project.Id, staffId, MessageSide.Pole, body, now));
        if (asksForInformation)
        {
            project.AskPorteur(body, staffId, now);
        }

        audit.Record(staffId, Audit.Project, project.Id, asksForInformation ? "Informations demandées aux porteurs" : "Message envoyé aux porteurs");
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PoleWroteAsync(project, cancellationToken);
    }

    /// <summary>Corrects stage, needs and sector; the version the person started from guards against silent overwrites.</summary>
    public async Task QualifyAsync(Guid staffId, Guid poleId, Guid projectId, uint version, ProjectStage stage, SupportNeeds needs, string? sectorCode, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        db.Entry(project).Property(p => p.Version).OriginalValue = version;
        if (sectorCode is not null && !await db.ListItems.AnyAsync(i => i.Kind == ListKind.Sector && i.Code == sectorCode && i.IsActive, cancellationToken))
        {
            throw new DomainException("Choisissez un secteur de la liste.");
        }

        var (oldStage, oldNeeds, oldSector) = (project.Stage, project.Needs, project.SectorCode);
        project.Qualify(stage, needs, sectorCode, clock.GetUtcNow());
        audit.Record(staffId, Audit.Project, project.Id, "Projet qualifié",
            ("Stade", oldStage?.Label(), project.Stage?.Label()),
            ("Besoins", oldNeeds, project.Needs),
            ("Secteur", oldSector, project.SectorCode));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AssignReferentAsync(Guid staffId, Guid poleId, Guid projectId, Guid? referentId, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        if (referentId is { } id && !await IsStaffOfAsync(id, poleId, cancellationToken))
        {
            throw new DomainException("Le référent doit faire partie de l'équipe du pôle.");
        }

        var old = project.ReferentId;
        var names = await db.Users.Where(u => u.Id == old || u.Id == referentId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        project.AssignReferent(referentId, clock.GetUtcNow());
        audit.Record(staffId, Audit.Project, project.Id, "Référent désigné",
            ("Référent", old is { } o ? names.GetValueOrDefault(o) : null, referentId is { } n ? names.GetValueOrDefault(n) : null));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task TransferAsync(Guid staffId, Guid poleId, Guid projectId, Guid toPoleId, string? reason, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        // A deactivated pôle (emptied by a merge) takes no new project.
        var poles = await db.Poles.Where(p => p.Id == poleId || (p.Id == toPoleId && p.IsActive)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        if (!poles.TryGetValue(toPoleId, out var toName))
        {
            throw new DomainException("Choisissez un pôle de la liste.");
        }

        project.Transfer(toPoleId, reason, staffId, clock.GetUtcNow());
        audit.Record(staffId, Audit.Project, project.Id, "Projet transféré", ("Pôle", poles[poleId], toName), ("Motif", null, reason?.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Project {ProjectId} transferred from pôle {FromPoleId} to pôle {ToPoleId}", project.Id, poleId, toPoleId);
        await notifier.ProjectTransferredInAsync(project, poles[poleId], cancellationToken);
        await notifier.ProjectChangedAsync(project, "Votre projet change de pôle", $"Votre projet « {project.Title} » est désormais suivi par {toName}.", cancellationToken);
    }

    public async Task CloseAsync(Guid staffId, Guid poleId, Guid projectId, ProjectOutcome outcome, string? reasonCode, string? details, ClosingCompany? company = null, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var kind = outcome == ProjectOutcome.Abandoned ? ListKind.AbandonReason : ListKind.ClosingReason;
        var reason = await db.ListItems.Where(i => i.Kind == kind && i.Code == reasonCode && i.IsActive).Select(i => i.Label).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("Choisissez un motif de la liste.");
        var text = string.IsNullOrWhiteSpace(details) ? reason : $"{reason} — {details.Trim()}";
        var old = project.Status;
        var now = clock.GetUtcNow();
        CompanyCreation? creation = null;
        if (outcome == ProjectOutcome.Created)
        {
            if (company?.LegalFormCode is { } form && !await db.ListItems.AnyAsync(i => i.Kind == ListKind.LegalForm && i.Code == form, cancellationToken))
            {
                throw new DomainException("Choisissez la forme juridique dans la liste.");
            }

            creation = new CompanyCreation(company?.LegalFormCode, company?.CreatedOn, company?.Siret, Format.ParisDate(now));
        }

        project.Close(outcome, text, staffId, now, creation);
        audit.Record(staffId, Audit.Project, project.Id, "Projet clos", ("Statut", old.Label(), $"{project.Status.Label()} ({outcome.Label()})"), ("Motif", null, text),
            ("Entreprise", null, creation is null ? null : $"{creation.LegalFormCode}, créée le {creation.CreatedOn:dd/MM/yyyy}{(creation.Siret is null ? "" : ", SIRET " + creation.Siret)}"));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.ProjectChangedAsync(project, "Votre projet est clos", $"Le suivi de votre projet « {project.Title} » par le programme est clos : {outcome.Label()}.", cancellationToken);
    }

    public async Task PauseAsync(Guid staffId, Guid poleId, Guid projectId, string? reason, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var old = project.Status;
        project.Pause(reason, staffId, clock.GetUtcNow());
        audit.Record(staffId, Audit.Project, project.Id, "Projet mis en pause", ("Statut", old.Label(), project.Status.Label()), ("Motif", null, reason?.Trim()));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ResumeAsync(Guid staffId, Guid poleId, Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        project.Resume(staffId, clock.GetUtcNow());
        audit.Record(staffId, Audit.Project, project.Id, "Reprise du projet", ("Statut", ProjectStatus.Paused.Label(), project.Status.Label()));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ReopenAsync(Guid staffId, Guid poleId, Guid projectId, string? reason, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        project.Reopen(reason, staffId, clock.GetUtcNow());
        audit.Record(staffId, Audit.Project, project.Id, "Projet rouvert", ("Statut", ProjectStatus.Closed.Label(), project.Status.Label()), ("Motif", null, reason?.Trim()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Refers the project to a programme, if its porteurs accepted that it be shared with the programme's partners.</summary>
    public async Task ReferAsync(Guid staffId, Guid poleId, Guid projectId, Guid programmeId, string? message, CancellationToken cancellationToken = default)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == programmeId, cancellationToken)
            ?? throw new DomainException("Choisissez un programme de la liste.");
        if (await db.Referrals.AnyAsync(r => r.ProjectId == projectId && r.ProgrammeId == programmeId && (r.Status == ReferralStatus.Proposed || r.Status == ReferralStatus.InformationRequested || r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.InProgress), cancellationToken))
        {
            throw new DomainException("Le projet est déjà orienté vers ce programme.");
        }

        var referral = Referral.Create(project, programme, poleId, staffId, await OwnerConsentsToSharingAsync(project, cancellationToken), message, clock.GetUtcNow());
        db.Referrals.Add(referral);
        audit.Record(staffId, Audit.Project, project.Id, "Projet orienté", ("Orientation", null, programme.Name));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Project {ProjectId} referred to programme {ProgrammeId}", project.Id, programme.Id);
        await notifier.ReferralCreatedAsync(project, programme.Name, programme.StructureId, cancellationToken);
    }

    public async Task RelaunchAsync(Guid staffId, Guid poleId, Guid projectId, Guid referralId, CancellationToken cancellationToken = default)
    {
        var (project, referral, programme) = await ReferralAsync(poleId, projectId, referralId, cancellationToken);
        referral.Relaunch(clock.GetUtcNow());
        audit.Record(staffId, Audit.Project, project.Id, "Orientation relancée", ("Orientation", null, programme));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.ReferralReminderAsync(project.Title, programme, referral.StructureId, 0, cancellationToken);
    }

    public async Task WithdrawAsync(Guid staffId, Guid poleId, Guid projectId, Guid referralId, string? reason, CancellationToken cancellationToken = default)
    {
        var (project, referral, programme) = await ReferralAsync(poleId, projectId, referralId, cancellationToken);
        var old = Referral.Label(referral.Status);
        referral.Withdraw(project, staffId, reason, clock.GetUtcNow());
        audit.Record(staffId, Audit.Project, project.Id, "Orientation retirée", ("Orientation " + programme, old, Referral.Label(referral.Status)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<(Project Project, Referral Referral, string Programme)> ReferralAsync(Guid poleId, Guid projectId, Guid referralId, CancellationToken cancellationToken)
    {
        var project = await FindAsync(projectId, poleId, cancellationToken);
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.ProjectId == projectId, cancellationToken)
            ?? throw new ProjectNotFoundException();
        var programme = await db.Programmes.Where(p => p.Id == referral.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken);
        return (project, referral, programme);
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
