using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Notifications;

/// <summary>
/// Who is told what, for each event: the porteurs, the pôle's référent or staff, the structure's staff
/// (each only for the kinds of e-mail they did not switch off, see <see cref="Notifier"/>). The messages go to
/// the outbox with the change itself: a change that is not saved sends nothing.
/// </summary>
public sealed class NotificationHandlers(Notifier notifier, RecordNames names, TrajectoirEssDbContext db) :
    IDomainEventHandler<ProjectSubmitted>,
    IDomainEventHandler<ProjectWelcomed>,
    IDomainEventHandler<PorteursWroteToPole>,
    IDomainEventHandler<PoleWroteToPorteurs>,
    IDomainEventHandler<CoPorteurInvited>,
    IDomainEventHandler<ProjectTransferred>,
    IDomainEventHandler<ProjectClosed>,
    IDomainEventHandler<ReferralCreated>,
    IDomainEventHandler<ReferralRelaunched>,
    IDomainEventHandler<ReferralReminderDue>,
    IDomainEventHandler<ReferralExpired>,
    IDomainEventHandler<ReferralAnswered>,
    IDomainEventHandler<ProjectEnrolled>,
    IDomainEventHandler<JuryDecided>,
    IDomainEventHandler<PromotedFromWaitingList>,
    IDomainEventHandler<EnrolmentCompleted>,
    IDomainEventHandler<FinancingDecided>,
    IDomainEventHandler<StudyHandedOver>,
    IDomainEventHandler<SharingConsentRequested>
{
    public async Task HandleAsync(SharingConsentRequested e, CancellationToken cancellationToken) =>
        await notifier.SharingRequestedAsync(e.Project, await names.PoleAsync(e.Project.PoleId, cancellationToken) ?? "Votre pôle ESS", await names.StructureAsync(e.StructureId, cancellationToken) ?? "une structure partenaire", cancellationToken);

    public async Task HandleAsync(ProjectSubmitted e, CancellationToken cancellationToken) =>
        await notifier.ProjectSubmittedAsync(e.Project, await names.PoleAsync(e.Project.PoleId, cancellationToken) ?? "l'équipe régionale du programme", cancellationToken);

    public Task HandleAsync(ProjectWelcomed e, CancellationToken cancellationToken) =>
        notifier.ProjectChangedAsync(e.Project, "Votre projet est accueilli", $"Votre projet « {e.Project.Title} » est accueilli par votre pôle ESS.", cancellationToken);

    public Task HandleAsync(PorteursWroteToPole e, CancellationToken cancellationToken) => notifier.PorteurWroteAsync(e.Project, cancellationToken);

    public Task HandleAsync(PoleWroteToPorteurs e, CancellationToken cancellationToken) => notifier.PoleWroteAsync(e.Project, cancellationToken);

    public async Task HandleAsync(CoPorteurInvited e, CancellationToken cancellationToken)
    {
        var inviter = await db.Users.AsNoTracking().Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        await notifier.InvitationAsync(e.Invitation.Email, inviter, e.Project, e.Token, cancellationToken);
    }

    public async Task HandleAsync(ProjectTransferred e, CancellationToken cancellationToken)
    {
        await notifier.ProjectTransferredInAsync(e.Project, await names.PoleAsync(e.FromPoleId, cancellationToken) ?? string.Empty, cancellationToken);
        await notifier.ProjectChangedAsync(e.Project, "Votre projet change de pôle", $"Votre projet « {e.Project.Title} » est désormais suivi par {await names.PoleAsync(e.ToPoleId, cancellationToken)}.", cancellationToken);
    }

    public Task HandleAsync(ProjectClosed e, CancellationToken cancellationToken) =>
        notifier.ProjectChangedAsync(e.Project, "Votre projet est clos", $"Le suivi de votre projet « {e.Project.Title} » par le programme est clos : {e.Outcome.Label()}.", cancellationToken);

    public async Task HandleAsync(ReferralCreated e, CancellationToken cancellationToken) =>
        await notifier.ReferralCreatedAsync(e.Project, await ProgrammeAsync(e.Referral, cancellationToken), e.Referral.StructureId, e.Referral.Id, cancellationToken);

    public async Task HandleAsync(ReferralRelaunched e, CancellationToken cancellationToken) =>
        await notifier.ReferralReminderAsync(await TitleAsync(e.Referral, cancellationToken), await ProgrammeAsync(e.Referral, cancellationToken), e.Referral.StructureId, e.Referral.Id, 0, cancellationToken);

    public async Task HandleAsync(ReferralReminderDue e, CancellationToken cancellationToken) =>
        await notifier.ReferralReminderAsync(await TitleAsync(e.Referral, cancellationToken), await ProgrammeAsync(e.Referral, cancellationToken), e.Referral.StructureId, e.Referral.Id, e.DaysWaiting, cancellationToken);

    public async Task HandleAsync(ReferralExpired e, CancellationToken cancellationToken) =>
        await notifier.ReferralExpiredAsync(e.Project, await ProgrammeAsync(e.Referral, cancellationToken), cancellationToken);

    public async Task HandleAsync(ReferralAnswered e, CancellationToken cancellationToken) =>
        await notifier.ReferralMovedAsync(e.Project, await ProgrammeAsync(e.Referral, cancellationToken), e.Referral.Status switch
        {
            ReferralStatus.Accepted => "orientation acceptée",
            ReferralStatus.Declined => "orientation refusée",
            _ => "la structure demande des informations",
        }, cancellationToken);

    public async Task HandleAsync(ProjectEnrolled e, CancellationToken cancellationToken) =>
        await notifier.ReferralMovedAsync(e.Project, await ProgrammeAsync(e.Referral, cancellationToken), "entrée dans le programme", cancellationToken);

    public async Task HandleAsync(JuryDecided e, CancellationToken cancellationToken) =>
        await notifier.ReferralMovedAsync(e.Project, await ProgrammeAsync(e.Referral, cancellationToken), "décision du jury : " + Enrolment.Label(e.Enrolment.Status).ToLowerInvariant(), cancellationToken);

    public async Task HandleAsync(PromotedFromWaitingList e, CancellationToken cancellationToken) =>
        await notifier.ReferralMovedAsync(e.Project, await ProgrammeAsync(e.Referral, cancellationToken), "une place s'est libérée : retenu dans la promotion", cancellationToken);

    public async Task HandleAsync(EnrolmentCompleted e, CancellationToken cancellationToken) =>
        await notifier.ReferralMovedAsync(e.Project, await ProgrammeAsync(e.Referral, cancellationToken), Enrolment.Label(e.Outcome).ToLowerInvariant(), cancellationToken);

    public async Task HandleAsync(FinancingDecided e, CancellationToken cancellationToken) =>
        await notifier.ReferralMovedAsync(e.Project, await ProgrammeNameAsync(e.Application.ProgrammeId, cancellationToken),
            e.Application.Decision == FinancingDecision.Granted ? "financement accordé" : "financement refusé", cancellationToken);

    /// <summary>A study handed over to a porteur: a new draft appears in their space, or their project's trajectory grows; they are told.</summary>
    public async Task HandleAsync(StudyHandedOver e, CancellationToken cancellationToken)
    {
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == e.Need.StructureId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) ?? "Le révélateur";
        await (e.NewProject
            ? notifier.ProjectChangedAsync(e.Project, "Une étude d'opportunité vous est remise", $"{structure} vous remet l'étude d'opportunité « {e.Need.Title} » : elle est devenue le projet « {e.Project.Title} » dans votre espace. Complétez-le puis déposez-le pour qu'il soit accueilli par votre pôle ESS.", cancellationToken)
            : notifier.ProjectChangedAsync(e.Project, "Une étude d'opportunité rejoint votre projet", $"{structure} a joint l'étude d'opportunité « {e.Need.Title} » au parcours de votre projet « {e.Project.Title} ».", cancellationToken));
    }

    private Task<string> ProgrammeAsync(Referral referral, CancellationToken cancellationToken) => ProgrammeNameAsync(referral.ProgrammeId, cancellationToken);

    private async Task<string> ProgrammeNameAsync(Guid programmeId, CancellationToken cancellationToken) =>
        await names.ProgrammeAsync(programmeId, cancellationToken) ?? string.Empty;

    /// <summary>The project's title as the referral's structure may read it (not once the porteurs withdrew their consent).</summary>
    private async Task<string> TitleAsync(Referral referral, CancellationToken cancellationToken) =>
        (db.Projects.Local.FirstOrDefault(p => p.Id == referral.ProjectId) is { } local
            ? (local.SharesWith(referral.StructureId) ? local.Title : null)
            : await db.Projects.AsNoTracking().Where(p => p.Id == referral.ProjectId)
                .Select(p => p.Sharing.Any(c => c.StructureId == referral.StructureId && c.Given) ? p.Title : null)
                .SingleAsync(cancellationToken))
        ?? Features.Projects.ProjectDetailsViewModel.NotSharedTitle;
}
