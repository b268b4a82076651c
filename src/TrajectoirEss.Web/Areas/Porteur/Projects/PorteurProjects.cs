using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Infrastructure.Persistence.Configurations;
using TrajectoirEss.Web.Features.Projects;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Porteur.Projects;

public enum SubmitResult
{
    Submitted,
    AlreadySubmitted,
}

/// <summary>
/// The porteurs' use cases on their projects. Every method loads the project through
/// <see cref="FindForMemberAsync"/>: a project the person does not belong to is "not found".
/// </summary>
public sealed class PorteurProjects(TrajectoirEssDbContext db, UnitOfWork changes, CommuneDirectory communes, ReferenceCache reference, TimeProvider clock, ILogger<PorteurProjects> logger)
{
    /// <summary>The fields of the project page's forms a refusal is shown beside.</summary>
    public const string MessageField = "body";

    public const string InvitationField = "email";

    private const string AlreadyInvited = "Cette personne fait déjà partie du projet ou a déjà une invitation en cours.";

    public Task<Project?> FindForMemberAsync(Guid projectId, Guid userId, CancellationToken cancellationToken = default) =>
        db.Projects.SingleOrDefaultAsync(p => p.Id == projectId && p.Members.Any(m => m.UserId == userId), cancellationToken);

    /// <summary>Creates the draft (once per form, whatever the number of clicks) or saves the changes.</summary>
    public async Task<Project> SaveAsync(Guid userId, Guid? projectId, ProjectForm form, string? communeCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.GetUtcNow();
        var details = form.ToDetails(communeCode);
        var addresses = ValidInvitationAddresses(form);
        Project project;
        if (projectId is { } id)
        {
            project = await FindForMemberAsync(id, userId, cancellationToken) ?? throw new ProjectNotFoundException();
            db.Entry(project).Property(p => p.Version).OriginalValue = form.Version;
            project.Edit(details, userId, now);
        }
        else
        {
            var key = form.ClientKey == Guid.Empty ? Guid.CreateVersion7(now) : form.ClientKey;
            var existing = await db.Projects.SingleOrDefaultAsync(p => p.Id == key, cancellationToken);
            if (existing is not null)
            {
                // The same form sent twice: the first one created the project.
                return existing.IsMember(userId) ? existing : throw new ProjectNotFoundException();
            }

            project = Project.CreateDraft(key, userId, details, now);
            db.Projects.Add(project);
        }

        await RecordConsentAsync(userId, project.Id, ConsentKind.DataProcessing, form.ConsentProcessing, now, cancellationToken);
        var invitations = await NewInvitationsAsync(project, userId, addresses, now, cancellationToken);
        try
        {
            await changes.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ProjectInvitationConfiguration.PendingIndex })
        {
            // A co-porteur invited at the same moment by another request: nothing of this change is saved.
            db.ChangeTracker.Clear();
            throw new DomainException(AlreadyInvited);
        }
        catch (DbUpdateException ex) when (projectId is null && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two identical requests at the same moment: the other one created the project.
            db.ChangeTracker.Clear();
            return await FindForMemberAsync(project.Id, userId, cancellationToken) ?? throw new ProjectNotFoundException();
        }

        LogInvitations(project, invitations);
        return project;
    }

    /// <summary>The person's latest decision on the processing of their data for this project.</summary>
    public Task<bool> ProcessingConsentAsync(Guid userId, Guid projectId, CancellationToken cancellationToken = default) =>
        db.Consents.AsNoTracking()
            .Where(c => c.UserId == userId && c.ProjectId == projectId && c.Kind == ConsentKind.DataProcessing)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .Select(c => c.Given)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Submits the draft with the porteur's sharing choices (<paramref name="sharedWith"/>: the partners ticked on the recap).</summary>
    public async Task<SubmitResult> SubmitAsync(Guid userId, Guid projectId, IReadOnlyCollection<Guid>? sharedWith, CancellationToken cancellationToken = default)
    {
        var project = await FindForMemberAsync(projectId, userId, cancellationToken) ?? throw new ProjectNotFoundException();
        if (project.Status != ProjectStatus.Draft)
        {
            return SubmitResult.AlreadySubmitted;
        }

        var commune = await communes.FindAsync(project.CommuneCode, cancellationToken);
        var processing = await ProcessingConsentAsync(userId, projectId, cancellationToken);
        var now = clock.GetUtcNow();
        SharingChoices.Apply(project, (await reference.GetAsync(cancellationToken)).Partners, sharedWith, userId, now);
        project.Submit(userId, commune?.Pole?.Id, processing, now);
        try
        {
            await changes.SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another click or a co-porteur submitted it at the same moment.
            return SubmitResult.AlreadySubmitted;
        }

        logger.LogInformation("Project {ProjectId} submitted to pôle {PoleId}", project.Id, project.PoleId);
        return SubmitResult.Submitted;
    }

    public async Task PostMessageAsync(Guid userId, Guid projectId, string? body, CancellationToken cancellationToken = default)
    {
        var project = await FindForMemberAsync(projectId, userId, cancellationToken) ?? throw new ProjectNotFoundException();
        if (project.Status == ProjectStatus.Draft)
        {
            throw new DomainException("Déposez d'abord votre projet : vous pourrez ensuite écrire à votre pôle.", MessageField);
        }

        try
        {
            db.ProjectMessages.Add(ProjectMessage.FromPorteurs(project, userId, body, clock.GetUtcNow()));
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            throw new DomainException(ex.Message, MessageField);
        }

        await changes.SaveAsync(cancellationToken);
    }

    public async Task InviteAsync(Guid userId, Guid projectId, string? email, CancellationToken cancellationToken = default)
    {
        var project = await FindForMemberAsync(projectId, userId, cancellationToken) ?? throw new ProjectNotFoundException();
        var address = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(address) || !new EmailAddressAttribute().IsValid(address) || address.Length > ProjectInvitation.EmailMaxLength)
        {
            throw new DomainException("Saisissez une adresse électronique valide, par exemple nom@exemple.fr.", InvitationField);
        }

        var invitations = await NewInvitationsAsync(project, userId, [address], clock.GetUtcNow(), cancellationToken);
        if (invitations.Count == 0)
        {
            throw new DomainException(AlreadyInvited, InvitationField);
        }

        await SaveInvitingAsync(cancellationToken);
        LogInvitations(project, invitations);
    }

    public async Task RevokeInvitationAsync(Guid userId, Guid projectId, Guid invitationId, CancellationToken cancellationToken = default)
    {
        _ = await FindForMemberAsync(projectId, userId, cancellationToken) ?? throw new ProjectNotFoundException();
        var invitation = await db.ProjectInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.ProjectId == projectId, cancellationToken)
            ?? throw new ProjectNotFoundException();
        invitation.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveMemberAsync(Guid ownerId, Guid projectId, Guid memberId, CancellationToken cancellationToken = default)
    {
        var project = await FindForMemberAsync(projectId, ownerId, cancellationToken) ?? throw new ProjectNotFoundException();
        project.RemoveCoPorteur(ownerId, memberId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task LeaveAsync(Guid userId, Guid projectId, CancellationToken cancellationToken = default)
    {
        var project = await FindForMemberAsync(projectId, userId, cancellationToken) ?? throw new ProjectNotFoundException();
        project.Leave(userId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IReadOnlyList<string> ValidInvitationAddresses(ProjectForm form)
    {
        var addresses = form.InvitationAddresses();
        if (addresses.Count > ProjectForm.MaxInvitations)
        {
            throw new DomainException($"Vous pouvez inviter au plus {ProjectForm.MaxInvitations} co-porteurs à la fois.");
        }

        var invalid = addresses.Where(a => a.Length > ProjectInvitation.EmailMaxLength || !new EmailAddressAttribute().IsValid(a)).ToList();
        if (invalid.Count > 0)
        {
            throw new DomainException("Ces adresses ne sont pas valides : " + string.Join(", ", invalid) + ".");
        }

        return addresses;
    }

    /// <summary>
    /// Invitations for the addresses that are neither porteurs nor invited yet; an expired invitation to the same
    /// address is revoked by the new one. The database keeps one pending invitation per address
    /// (<see cref="ProjectInvitationConfiguration.PendingIndex"/>): a simultaneous second request is refused on save.
    /// </summary>
    private async Task<List<(ProjectInvitation Invitation, string Token)>> NewInvitationsAsync(Project project, Guid userId, IEnumerable<string> addresses, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var memberIds = project.Members.Select(m => m.UserId).ToList();
        var memberEmails = await db.Users.Where(u => memberIds.Contains(u.Id)).Select(u => u.NormalizedEmail).ToListAsync(cancellationToken);
        var open = await db.ProjectInvitations
            .Where(i => i.ProjectId == project.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        var created = new List<(ProjectInvitation, string)>();
        foreach (var address in addresses.Where(a => !memberEmails.Contains(a.ToUpperInvariant()) && !open.Any(i => i.Email == a && i.IsPending(now))))
        {
            foreach (var expired in open.Where(i => i.Email == address))
            {
                expired.Revoke(now);
            }

            var invitation = ProjectInvitation.Create(project, address, userId, now);
            db.ProjectInvitations.Add(invitation.Invitation);
            created.Add(invitation);
        }

        return created;
    }

    /// <summary>Saves, an invitation that another request made meanwhile refusing the whole change (nothing is sent).</summary>
    private async Task SaveInvitingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await changes.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ProjectInvitationConfiguration.PendingIndex })
        {
            db.ChangeTracker.Clear();
            throw new DomainException(AlreadyInvited, InvitationField);
        }
    }

    private void LogInvitations(Project project, List<(ProjectInvitation Invitation, string Token)> invitations)
    {
        if (invitations.Count > 0)
        {
            logger.LogInformation("{Count} invitation(s) sent for project {ProjectId}", invitations.Count, project.Id);
        }
    }

    private async Task RecordConsentAsync(Guid userId, Guid projectId, ConsentKind kind, bool given, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await db.Consents.Where(c => c.UserId == userId && c.ProjectId == projectId && c.Kind == kind)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .Select(c => (bool?)c.Given)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest != given && !(latest is null && !given))
        {
            db.Consents.Add(new ConsentRecord(Guid.CreateVersion7(now), userId, projectId, kind, given, now));
        }
    }
}
