using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.AuditTrail;

/// <summary>
/// What the audit trail says of each change to a project and to the structures' records: one line per
/// event (who, when, old → new), added to the change's own SaveChanges. The one place where these lines are
/// written: use cases no longer write them by hand.
/// </summary>
public sealed class AuditTrailHandlers(Audit audit, RecordNames names, TrajectoirEssDbContext db) :
    IDomainEventHandler<MeetingRecorded>,
    IDomainEventHandler<InternalNoteAdded>,
    IDomainEventHandler<PoleWroteToPorteurs>,
    IDomainEventHandler<ProjectQualified>,
    IDomainEventHandler<ReferentAssigned>,
    IDomainEventHandler<ProjectTransferred>,
    IDomainEventHandler<ProjectClosed>,
    IDomainEventHandler<ProjectPaused>,
    IDomainEventHandler<ProjectResumed>,
    IDomainEventHandler<ProjectReopened>,
    IDomainEventHandler<ReferralCreated>,
    IDomainEventHandler<ReferralRelaunched>,
    IDomainEventHandler<ReferralWithdrawn>,
    IDomainEventHandler<ReferralAnswered>,
    IDomainEventHandler<SessionCreated>,
    IDomainEventHandler<SessionUpdated>,
    IDomainEventHandler<SessionStatusChanged>,
    IDomainEventHandler<ProjectEnrolled>,
    IDomainEventHandler<CandidacyRegistered>,
    IDomainEventHandler<JuryDecided>,
    IDomainEventHandler<PromotedFromWaitingList>,
    IDomainEventHandler<EnrolmentLeft>,
    IDomainEventHandler<EnrolmentCompleted>,
    IDomainEventHandler<FinancingApplied>,
    IDomainEventHandler<FinancingDecided>,
    IDomainEventHandler<FinancingPaymentRecorded>,
    IDomainEventHandler<TerritoryNeedRaised>,
    IDomainEventHandler<OpportunityStudyConcluded>,
    IDomainEventHandler<StudyHandedOver>,
    IDomainEventHandler<SharingConsentChanged>,
    IDomainEventHandler<SharingConsentRequested>
{
    public const string SessionEntity = "Session";
    public const string TerritoryNeedEntity = "TerritoryNeed";

    public Task HandleAsync(MeetingRecorded e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Rendez-vous noté",
            ("Rendez-vous", null, $"{Meeting.Label(e.Meeting.Kind)} du {Format.Date(e.Meeting.HeldAt)}"),
            ("Statut", e.Welcomed ? ProjectStatus.Submitted.Label() : null, e.Welcomed ? e.Project.Status.Label() : null));

    public async Task HandleAsync(SharingConsentChanged e, CancellationToken cancellationToken) =>
        await OnProject(e.ActorId, e.Project.Id, e.Given ? "Partage autorisé par les porteurs" : "Partage retiré par les porteurs",
            ("Partage avec " + await names.StructureAsync(e.StructureId, cancellationToken), e.Given ? "non autorisé" : "autorisé", e.Given ? "autorisé" : "retiré"));

    public async Task HandleAsync(SharingConsentRequested e, CancellationToken cancellationToken) =>
        await OnProject(e.ActorId, e.Project.Id, "Accord de partage demandé aux porteurs", ("Structure", null, await names.StructureAsync(e.StructureId, cancellationToken)));

    public Task HandleAsync(InternalNoteAdded e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Note interne ajoutée");

    public Task HandleAsync(PoleWroteToPorteurs e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, e.AsksForInformation ? "Informations demandées aux porteurs" : "Message envoyé aux porteurs");

    /// <summary>In words, as the pôle's staff chose them: the needs' and the sector's labels, not their codes.</summary>
    public async Task HandleAsync(ProjectQualified e, CancellationToken cancellationToken)
    {
        var sectors = await db.ListItems.AsNoTracking()
            .Where(i => i.Kind == ListKind.Sector && (i.Code == e.OldSectorCode || i.Code == e.Project.SectorCode))
            .ToDictionaryAsync(i => i.Code, i => i.Label, cancellationToken);
        await OnProject(e.ActorId, e.Project.Id, "Projet qualifié",
            ("Stade", e.OldStage?.Label(), e.Project.Stage?.Label()),
            ("Besoins", Needs(e.OldNeeds), Needs(e.Project.Needs)),
            ("Secteur", e.OldSectorCode is { } old ? sectors.GetValueOrDefault(old, old) : null, e.Project.SectorCode is { } now ? sectors.GetValueOrDefault(now, now) : null));

        static string? Needs(SupportNeeds needs) => needs == SupportNeeds.None ? null : string.Join(", ", needs.Each().Select(n => n.Label()));
    }

    public async Task HandleAsync(ReferentAssigned e, CancellationToken cancellationToken)
    {
        var names = await db.Users.AsNoTracking().Where(u => u.Id == e.OldReferentId || u.Id == e.NewReferentId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        await OnProject(e.ActorId, e.Project.Id, "Référent désigné",
            ("Référent", e.OldReferentId is { } old ? names.GetValueOrDefault(old) : null, e.NewReferentId is { } now ? names.GetValueOrDefault(now) : null));
    }

    public async Task HandleAsync(ProjectTransferred e, CancellationToken cancellationToken) =>
        await OnProject(e.ActorId, e.Project.Id, "Projet transféré",
            ("Pôle", await names.PoleAsync(e.FromPoleId, cancellationToken), await names.PoleAsync(e.ToPoleId, cancellationToken)),
            ("Motif", null, e.Reason));

    public Task HandleAsync(ProjectClosed e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Projet clos",
            ("Statut", e.From.Label(), $"{e.Project.Status.Label()} ({e.Outcome.Label()})"),
            ("Motif", null, e.Reason),
            ("Entreprise", null, e.Company is not { } company ? null : $"{company.LegalFormCode}, créée le {company.CreatedOn:dd/MM/yyyy}{(company.Siret is null ? "" : ", SIRET " + company.Siret)}"));

    public Task HandleAsync(ProjectPaused e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Projet mis en pause", ("Statut", e.From.Label(), e.Project.Status.Label()), ("Motif", null, e.Reason));

    public Task HandleAsync(ProjectResumed e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Reprise du projet", ("Statut", ProjectStatus.Paused.Label(), e.Project.Status.Label()));

    public Task HandleAsync(ProjectReopened e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Projet rouvert", ("Statut", ProjectStatus.Closed.Label(), e.Project.Status.Label()), ("Motif", null, e.Reason));

    public async Task HandleAsync(ReferralCreated e, CancellationToken cancellationToken) =>
        await OnProject(e.ActorId, e.Project.Id, "Projet orienté", ("Orientation", null, await ProgrammeAsync(e.Referral.ProgrammeId, cancellationToken)));

    public async Task HandleAsync(ReferralRelaunched e, CancellationToken cancellationToken) =>
        await OnProject(e.ActorId, e.Referral.ProjectId, "Orientation relancée", ("Orientation", null, await ProgrammeAsync(e.Referral.ProgrammeId, cancellationToken)));

    public async Task HandleAsync(ReferralWithdrawn e, CancellationToken cancellationToken) =>
        await OnProject(e.ActorId, e.Project.Id, "Orientation retirée",
            ("Orientation " + await ProgrammeAsync(e.Referral.ProgrammeId, cancellationToken), Referral.Label(e.From), Referral.Label(e.Referral.Status)));

    public async Task HandleAsync(ReferralAnswered e, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAsync(e.Referral.ProgrammeId, cancellationToken);
        await (e.Referral.Status switch
        {
            ReferralStatus.Accepted => OnProject(e.ActorId, e.Project.Id, "Orientation acceptée", ("Orientation " + programme, Referral.Label(e.From), Referral.Label(e.Referral.Status))),
            ReferralStatus.Declined => OnProject(e.ActorId, e.Project.Id, "Orientation refusée", ("Orientation " + programme, null, e.Referral.Reason)),
            _ => OnProject(e.ActorId, e.Project.Id, "Informations demandées par la structure", ("Question", null, e.Referral.Reason)),
        });
    }

    public Task HandleAsync(SessionCreated e, CancellationToken cancellationToken) =>
        Record(e.ActorId, SessionEntity, e.Session.Id, "Session créée", ("Session", null, $"{e.Session.Name} ({e.ProgrammeName})"));

    public Task HandleAsync(SessionUpdated e, CancellationToken cancellationToken) =>
        Record(e.ActorId, SessionEntity, e.Session.Id, "Session modifiée",
            ("Capacité", e.OldCapacity, e.Session.Capacity), ("Début", e.OldStartsOn, e.Session.StartsOn), ("Fin", e.OldEndsOn, e.Session.EndsOn));

    public Task HandleAsync(SessionStatusChanged e, CancellationToken cancellationToken) =>
        Record(e.ActorId, SessionEntity, e.Session.Id, "Statut de session", ("Statut", Session.Label(e.From), Session.Label(e.Session.Status)));

    public Task HandleAsync(ProjectEnrolled e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Inscription dans une session", ("Session", null, e.Session.Name));

    public Task HandleAsync(CandidacyRegistered e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Candidature à une promotion", ("Session", null, e.Session.Name));

    public Task HandleAsync(JuryDecided e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Décision du jury", ("Promotion " + e.Session.Name, null, Enrolment.Label(e.Enrolment.Status)));

    public Task HandleAsync(PromotedFromWaitingList e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Place libérée : sorti de la liste d'attente",
            ("Promotion " + e.Session.Name, Enrolment.Label(EnrolmentStatus.WaitingList), Enrolment.Label(e.Enrolment.Status)));

    public Task HandleAsync(EnrolmentLeft e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Sortie de session", ("Session " + e.Session.Name, null, e.Reason));

    public async Task HandleAsync(EnrolmentCompleted e, CancellationToken cancellationToken) =>
        await OnProject(e.ActorId, e.Project.Id, "Programme terminé", (await ProgrammeAsync(e.Session.ProgrammeId, cancellationToken) ?? string.Empty, null, Enrolment.Label(e.Outcome)));

    public Task HandleAsync(FinancingApplied e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Project.Id, "Demande de financement",
            (FinancingApplication.Label(e.Application.Instrument), null, FinancingApplication.Euros(e.Application.AmountRequested)));

    public Task HandleAsync(FinancingDecided e, CancellationToken cancellationToken)
    {
        var granted = e.Application.Decision == FinancingDecision.Granted;
        return OnProject(e.ActorId, e.Project.Id, granted ? "Financement accordé" : "Financement refusé",
            (FinancingApplication.Label(e.Application.Instrument), null, granted ? FinancingApplication.Euros(e.Application.AmountGranted!.Value) : e.Application.RefusalReason));
    }

    public Task HandleAsync(FinancingPaymentRecorded e, CancellationToken cancellationToken) =>
        OnProject(e.ActorId, e.Application.ProjectId, "Versement enregistré", ("Versement", null, FinancingApplication.Euros(e.Payment.Amount)));

    public Task HandleAsync(TerritoryNeedRaised e, CancellationToken cancellationToken) =>
        Record(e.ActorId, TerritoryNeedEntity, e.Need.Id, "Besoin du territoire enregistré", ("Besoin", null, e.Need.Title));

    public Task HandleAsync(OpportunityStudyConcluded e, CancellationToken cancellationToken) =>
        Record(e.ActorId, TerritoryNeedEntity, e.Need.Id, "Étude d'opportunité conclue", ("Conclusion", null, TerritoryNeed.Label(e.Need.Status)));

    public Task HandleAsync(StudyHandedOver e, CancellationToken cancellationToken) =>
        Record(e.ActorId, TerritoryNeedEntity, e.Need.Id, "Étude remise à un porteur", ("Projet", null, e.Project.Title));

    private Task OnProject(Guid actorId, Guid projectId, string action, params (string Field, object? Old, object? New)[] changes) =>
        Record(actorId, Audit.Project, projectId, action, changes);

    private Task Record(Guid actorId, string entityType, Guid entityId, string action, params (string Field, object? Old, object? New)[] changes)
    {
        audit.Record(actorId, entityType, entityId, action, changes);
        return Task.CompletedTask;
    }

    private Task<string?> ProgrammeAsync(Guid programmeId, CancellationToken cancellationToken) => names.ProgrammeAsync(programmeId, cancellationToken);
}
