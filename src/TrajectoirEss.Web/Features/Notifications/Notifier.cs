using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Notifications;

/// <summary>
/// The e-mails about projects, each sent only to the people who did not switch that kind off. They name
/// the project and link to the portal; the details stay behind the login. Each goes to the outbox of the
/// request's DbContext (<see cref="EmailOutbox.Add"/>), saved with the change that it announces.
/// </summary>
public sealed class Notifier(TrajectoirEssDbContext db, EmailOutbox outbox, IOptions<PortalOptions> portal, IOptions<WorkspaceOptions> workspace)
{
    public async Task ProjectSubmittedAsync(Project project, string poleName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var title = project.Title;
        foreach (var porteur in await MembersAsync(project, NotificationKinds.ProjectUpdates, cancellationToken))
        {
            await SendAsync(
                porteur,
                "Votre projet a bien été déposé",
                $"Votre projet « {title} » a bien été déposé sous le numéro de dossier {project.FileReference}, à rappeler dans vos échanges. Il sera accueilli par {poleName}, qui vous contactera sous {workspace.Value.FirstContactAlertDays} jours.",
                Link($"/porteur/projets/{project.Id}"),
                cancellationToken);
        }

        foreach (var member in await PoleStaffAsync(project.PoleId, NotificationKinds.NewProjects, cancellationToken))
        {
            await SendAsync(
                member,
                "Nouveau projet déposé auprès de votre pôle",
                $"Un nouveau projet, « {title} » (dossier {project.FileReference}), vient d'être déposé auprès de {poleName}.",
                Link("/pole"),
                cancellationToken);
        }
    }

    public async Task PorteurWroteAsync(Project project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        foreach (var member in await PoleStaffAsync(project.PoleId, NotificationKinds.Messages, cancellationToken))
        {
            await SendAsync(member, "Nouveau message d'un porteur de projet", $"Les porteurs du projet « {project.Title} » vous ont écrit.", Link("/pole"), cancellationToken);
        }
    }

    /// <summary>A step of the project that its porteurs should hear about (welcomed, transferred, closed…).</summary>
    public async Task ProjectChangedAsync(Project project, string subject, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        foreach (var porteur in await MembersAsync(project, NotificationKinds.ProjectUpdates, cancellationToken))
        {
            await SendAsync(porteur, subject, text, Link($"/porteur/projets/{project.Id}"), cancellationToken);
        }
    }

    /// <summary>The pôle asks the porteurs to let a partner see their project: the link opens the project's sharing choices.</summary>
    public async Task SharingRequestedAsync(Project project, string pole, string structure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        foreach (var porteur in await MembersAsync(project, NotificationKinds.ProjectUpdates, cancellationToken))
        {
            await SendAsync(
                porteur,
                "Votre pôle vous demande votre accord pour partager votre projet",
                $"{pole} souhaite orienter votre projet « {project.Title} » vers {structure}. Pour cela, {structure} doit pouvoir voir votre projet : vous pouvez l'autoriser (ou non) depuis la page de votre projet, section « Partage avec les partenaires ». Vous pourrez retirer cet accord à tout moment.",
                Link($"/porteur/projets/{project.Id}#partage"),
                cancellationToken);
        }
    }

    public async Task PoleWroteAsync(Project project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        foreach (var porteur in await MembersAsync(project, NotificationKinds.Messages, cancellationToken))
        {
            await SendAsync(porteur, "Nouveau message de votre pôle ESS", $"Votre pôle ESS vous a écrit au sujet du projet « {project.Title} ».", Link($"/porteur/projets/{project.Id}#messages"), cancellationToken);
        }
    }

    /// <summary>Tells the staff of the pôle that receives a transferred project.</summary>
    public async Task ProjectTransferredInAsync(Project project, string fromPole, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        foreach (var member in await PoleStaffAsync(project.PoleId, NotificationKinds.NewProjects, cancellationToken))
        {
            await SendAsync(member, "Un projet vous a été transféré", $"Le projet « {project.Title} » vous a été transféré par {fromPole}.", Link($"/pole/projets/{project.Id}"), cancellationToken);
        }
    }

    public async Task ReferralCreatedAsync(Project project, string programmeName, Guid structureId, Guid referralId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        foreach (var member in await StructureStaffAsync(structureId, cancellationToken))
        {
            await SendAsync(member, "Nouvelle orientation reçue", $"Un pôle ESS vous oriente le projet « {project.Title} » pour le programme {programmeName}. Merci d'y répondre sur le portail.", Link($"/structure/orientations/{referralId}"), cancellationToken);
        }

        await ProjectChangedAsync(project, "Votre projet est orienté vers un programme", $"Votre pôle ESS a proposé votre projet « {project.Title} » au programme {programmeName}.", cancellationToken);
    }

    public async Task ReferralReminderAsync(string projectTitle, string programmeName, Guid structureId, Guid referralId, int days, CancellationToken cancellationToken = default)
    {
        foreach (var member in await StructureStaffAsync(structureId, cancellationToken))
        {
            await SendAsync(member, "Rappel : une orientation attend votre réponse", $"L'orientation du projet « {projectTitle} » vers {programmeName} attend votre réponse depuis {days} jours.", Link($"/structure/orientations/{referralId}"), cancellationToken);
        }
    }

    /// <summary>Tells the référent (or, without one, the pôle's staff) that a referral lapsed.</summary>
    public async Task ReferralExpiredAsync(Project project, string programmeName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        foreach (var member in await FollowersAsync(project, NotificationKinds.ReferralUpdates, cancellationToken))
        {
            await SendAsync(member, "Orientation expirée sans réponse", $"L'orientation du projet « {project.Title} » vers {programmeName} a expiré sans réponse de la structure.", Link($"/pole/projets/{project.Id}"), cancellationToken);
        }
    }

    /// <summary>A structure answered or moved a referral: the pôle's référent (or staff) and the porteurs hear of it.</summary>
    public async Task ReferralMovedAsync(Project project, string programmeName, string what, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        foreach (var member in await FollowersAsync(project, NotificationKinds.ReferralUpdates, cancellationToken))
        {
            await SendAsync(member, $"Orientation : {what}", $"L'orientation du projet « {project.Title} » vers {programmeName} : {what}.", Link($"/pole/projets/{project.Id}"), cancellationToken);
        }

        await ProjectChangedAsync(project, $"Votre parcours : {what}", $"Votre projet « {project.Title} » et le programme {programmeName} : {what}.", cancellationToken);
    }

    public Task InvitationAsync(string email, string inviterName, Project project, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var link = Link($"/invitation/{token}");
        var days = (int)ProjectInvitation.Lifetime.TotalDays;
        var text = $"{inviterName} vous invite à rejoindre le projet « {project.Title} » sur le portail Trajectoir'ESS. Ce lien est valable {days} jours : {link}";
        var html = $"<p>{HtmlEncoder.Default.Encode(inviterName)} vous invite à rejoindre le projet « {HtmlEncoder.Default.Encode(project.Title)} » sur le portail Trajectoir'ESS.</p><p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Rejoindre le projet</a> (lien valable {days} jours)</p>";
        outbox.Add(new OutgoingEmail(email, email, "Invitation à rejoindre un projet", $"Bonjour,\n\n{text}\n\n— Trajectoir'ESS", $"<p>Bonjour,</p>{html}<p>— Trajectoir'ESS</p>"));
        return Task.CompletedTask;
    }

    /// <summary>
    /// "The pôle's staff", the one definition: accounts of the pôle with the pôle staff role (an account that
    /// changed role keeps no e-mail of its former pôle), who want this kind of e-mail.
    /// </summary>
    private async Task<List<ApplicationUser>> PoleStaffAsync(Guid? poleId, NotificationKinds kind, CancellationToken cancellationToken) =>
        (await PoleStaffAsync(poleId, cancellationToken)).Where(u => u.Wants(kind)).ToList();

    private async Task<List<ApplicationUser>> PoleStaffAsync(Guid? poleId, CancellationToken cancellationToken) =>
        poleId is null
            ? []
            : await db.Users.AsNoTracking()
                .Where(u => u.PoleId == poleId && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.PoleStaff)))
                .ToListAsync(cancellationToken);

    /// <summary>
    /// Who follows a project at its pôle: its référent while they are on the pôle's staff (one who muted this kind of
    /// e-mail gets none, and nobody gets it instead), otherwise — no référent, or one who left — the pôle's staff.
    /// </summary>
    private async Task<List<ApplicationUser>> FollowersAsync(Project project, NotificationKinds kind, CancellationToken cancellationToken)
    {
        var staff = await PoleStaffAsync(project.PoleId, cancellationToken);
        var referent = staff.Where(u => u.Id == project.ReferentId && !u.IsDisabled).ToList();
        return (referent.Count > 0 ? referent : staff).Where(u => u.Wants(kind)).ToList();
    }

    private async Task<List<ApplicationUser>> StructureStaffAsync(Guid structureId, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => u.StructureId == structureId).ToListAsync(cancellationToken))
            .Where(u => u.Wants(NotificationKinds.NewProjects)).ToList();

    private async Task<List<ApplicationUser>> MembersAsync(Project project, NotificationKinds kind, CancellationToken cancellationToken)
    {
        var ids = project.Members.Select(m => m.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        return users.Where(u => u.Wants(kind)).ToList();
    }

    /// <summary>An e-mail to one person about the portal's page at <paramref name="path"/> (the caller chose the person by their preferences).</summary>
    public Task SendToAsync(ApplicationUser to, string subject, string text, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        return SendAsync(to, subject, text, Link(path), cancellationToken);
    }

    private string Link(string path) => portal.Value.PublicBaseUrl.TrimEnd('/') + path;

    private Task SendAsync(ApplicationUser to, string subject, string text, string link, CancellationToken cancellationToken)
    {
        var html = $"<p>Bonjour {HtmlEncoder.Default.Encode(to.DisplayName)},</p><p>{HtmlEncoder.Default.Encode(text)}</p><p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Ouvrir le portail</a></p>" +
                   "<p class=\"small\">Vous pouvez choisir les courriels que vous recevez dans votre espace.</p><p>— Trajectoir'ESS</p>";
        outbox.Add(
            new OutgoingEmail(to.Email!, to.DisplayName, subject, $"Bonjour {to.DisplayName},\n\n{text}\n{link}\n\nVous pouvez choisir les courriels que vous recevez dans votre espace.\n— Trajectoir'ESS", html));
        return Task.CompletedTask;
    }
}
