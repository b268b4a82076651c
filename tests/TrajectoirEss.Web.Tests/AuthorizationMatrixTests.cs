using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.AuthorizationMatrixTests.Rule;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// Every endpoint of the app (from its endpoint data source) must be listed in the matrix below, and each
/// listed endpoint is called as every kind of user: allowed (the action runs: 200, a redirect, or a 4xx of
/// the form's own validation), sent to the login page (anonymous), 403 (wrong role), or 404 (right role,
/// someone else's record). A new route makes the coverage test fail until it is added here.
/// </summary>
public sealed class AuthorizationMatrixTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    /// <summary>Who may do what, as a rule per endpoint.</summary>
    public enum Rule
    {
        /// <summary>Everyone, signed in or not.</summary>
        Public,

        /// <summary>Anyone signed in.</summary>
        SignedIn,

        /// <summary>Any porteur (their own space).</summary>
        PorteurArea,

        /// <summary>The porteurs of the project; another porteur gets 404.</summary>
        PorteurRecord,

        /// <summary>Any pôle's staff.</summary>
        PoleArea,

        /// <summary>The staff of the project's pôle; another pôle's staff gets 404.</summary>
        PoleRecord,

        /// <summary>Any structure's staff.</summary>
        StructureArea,

        /// <summary>TAg29's staff, who received the referral (its session, its territory need); other structures get 404.</summary>
        StructureRecord,

        /// <summary>France Active's staff (the financing application); other structures get 404.</summary>
        FinancingRecord,

        /// <summary>Coordinators and administrators.</summary>
        Coordination,

        /// <summary>The programme's aggregates, read only: coordinators, administrators and public partners.</summary>
        ProgrammeIndicators,

        /// <summary>Administrators.</summary>
        Admin,


        /// <summary>No such page, for everyone.</summary>
        NotFound,

        /// <summary>The coordination platform's members' space: pôle and structure staff, public partners, coordinators, administrators.</summary>
        PlatformArea,

        /// <summary>
        /// A platform session (the upcoming one): the staff of its invited organisations (Morlaix's pôle, TAg29, France
        /// Active, the Région), coordinators and administrators; Réso solidaire's pôle and TAg35, not members, get 404.
        /// </summary>
        PlatformSession,

        /// <summary>Registering for a session: the staff of its invited organisations only; others signed in (non-members, coordinators, administrators, who speak for no organisation) get 404.</summary>
        PlatformRegistration,

        /// <summary>Reporting on a commitment (Morlaix's pôle's): its carrier's staff only; every other signed-in person gets 404.</summary>
        CommitmentCarrier,

        /// <summary>
        /// Declaring in the open evaluation campaign: the staff of the organisations it asks (Morlaix's pôle, TAg29); every
        /// other signed-in person (another pôle, TAg35, France Active, the Région, coordinators, administrators) gets 404.
        /// </summary>
        CampaignOrganisation,

        /// <summary>Contributing to the frame's consultation: whoever speaks for an organisation (pôle or structure staff, public partners); coordinators and administrators, who speak for none, get 404.</summary>
        PlatformContributor,
    }

    private const string Allowed = "allowed";
    private const string Login = "login";

    private static readonly Actor[] Order =
    [
        // Those who may change the seeded records come last, so every earlier check sees them as seeded.
        Actor.Anonymous, Actor.OtherPorteur, Actor.OtherPoleStaff, Actor.StructureWithoutReferral, Actor.Coordinator, Actor.PublicPartner,
        Actor.StructureWithReferral, Actor.Financer, Actor.PoleStaff, Actor.Porteur, Actor.Admin,
    ];

    /// <summary>A role that may not see a kind of page gets 403; on a record's page (an id in the path) it gets 404, like any record it may not see.</summary>
    public static string OnRecordRoute(string expected, string address) =>
        expected == "403" && address.Split('?')[0].Split('/').Any(segment => Guid.TryParse(segment, out _)) ? "404" : expected;

    public static string Expected(Rule rule, Actor actor) => (rule, actor) switch
    {
        (Public, _) => Allowed,
        (NotFound, _) => "404",
        (_, Actor.Anonymous) => Login,
        (SignedIn, _) => Allowed,
        (PorteurArea, Actor.Porteur or Actor.OtherPorteur) => Allowed,
        (PorteurRecord, Actor.Porteur) => Allowed,
        (PorteurRecord, Actor.OtherPorteur) => "404",
        (PoleArea, Actor.PoleStaff or Actor.OtherPoleStaff) => Allowed,
        (PoleRecord, Actor.PoleStaff) => Allowed,
        (PoleRecord, Actor.OtherPoleStaff) => "404",
        (StructureArea, Actor.StructureWithReferral or Actor.StructureWithoutReferral or Actor.Financer) => Allowed,
        (StructureRecord, Actor.StructureWithReferral) => Allowed,
        (StructureRecord, Actor.StructureWithoutReferral or Actor.Financer) => "404",
        (FinancingRecord, Actor.Financer) => Allowed,
        (FinancingRecord, Actor.StructureWithReferral or Actor.StructureWithoutReferral) => "404",
        (Coordination, Actor.Coordinator or Actor.Admin) => Allowed,
        (ProgrammeIndicators, Actor.Coordinator or Actor.PublicPartner or Actor.Admin) => Allowed,
        (Admin, Actor.Admin) => Allowed,
        (PlatformArea, Actor.PoleStaff or Actor.OtherPoleStaff or Actor.StructureWithReferral or Actor.StructureWithoutReferral or Actor.Financer
            or Actor.PublicPartner or Actor.Coordinator or Actor.Admin) => Allowed,
        (PlatformSession, Actor.PoleStaff or Actor.StructureWithReferral or Actor.Financer or Actor.PublicPartner or Actor.Coordinator or Actor.Admin) => Allowed,
        (PlatformSession, Actor.OtherPoleStaff or Actor.StructureWithoutReferral) => "404",
        (PlatformRegistration, Actor.PoleStaff or Actor.StructureWithReferral or Actor.Financer or Actor.PublicPartner) => Allowed,
        (PlatformRegistration, Actor.OtherPoleStaff or Actor.StructureWithoutReferral or Actor.Coordinator or Actor.Admin) => "404",
        (CommitmentCarrier, Actor.PoleStaff) => Allowed,
        (CommitmentCarrier, _) => "404",
        (CampaignOrganisation, Actor.PoleStaff or Actor.StructureWithReferral) => Allowed,
        (CampaignOrganisation, Actor.OtherPoleStaff or Actor.StructureWithoutReferral or Actor.Financer or Actor.PublicPartner or Actor.Coordinator or Actor.Admin) => "404",
        (PlatformContributor, Actor.PoleStaff or Actor.OtherPoleStaff or Actor.StructureWithReferral or Actor.StructureWithoutReferral or Actor.Financer or Actor.PublicPartner) => Allowed,
        (PlatformContributor, Actor.Coordinator or Actor.Admin) => "404",
        _ => "403",
    };

    /// <summary>Every endpoint: method and route pattern → the rule, and the address to call (with real ids of the seeded world).</summary>
    public static IReadOnlyDictionary<string, (Rule Rule, Func<SeededPortal, string> Path)> Matrix { get; } = new Dictionary<string, (Rule, Func<SeededPortal, string>)>(StringComparer.Ordinal)
    {
        ["GET "] = (Public, _ => "/"),
        ["GET accessibilite"] = (Public, _ => "/accessibilite"),
        ["GET donnees-personnelles"] = (Public, _ => "/donnees-personnelles"),
        ["GET health/live"] = (Public, _ => "/health/live"),
        ["GET health/ready"] = (Public, _ => "/health/ready"),
        ["GET erreur/{code:int}"] = (Public, _ => "/erreur/400"),
        ["GET {*path:nonfile}"] = (NotFound, _ => "/adresse-inconnue"),
        ["GET api/communes"] = (Public, _ => "/api/communes?q=morlaix"),

        ["GET compte/connexion"] = (Public, _ => "/compte/connexion"),
        ["POST compte/connexion"] = (Public, _ => "/compte/connexion"),
        ["GET compte/connexion/code"] = (Public, _ => "/compte/connexion/code"),
        ["POST compte/connexion/code"] = (Public, _ => "/compte/connexion/code"),
        ["GET compte/connexion/code-de-secours"] = (Public, _ => "/compte/connexion/code-de-secours"),
        ["POST compte/connexion/code-de-secours"] = (Public, _ => "/compte/connexion/code-de-secours"),
        ["POST compte/deconnexion"] = (SignedIn, _ => "/compte/deconnexion"),
        ["GET compte/inscription"] = (Public, _ => "/compte/inscription"),
        ["POST compte/inscription"] = (Public, _ => "/compte/inscription"),
        ["GET compte/inscription/confirmation"] = (Public, _ => "/compte/inscription/confirmation"),
        ["GET compte/confirmer"] = (Public, p => $"/compte/confirmer?userId={p.UserIds[Actor.Porteur]}&code=invalide"),
        ["GET compte/confirmer/nouveau-lien"] = (Public, _ => "/compte/confirmer/nouveau-lien"),
        ["POST compte/confirmer/nouveau-lien"] = (Public, _ => "/compte/confirmer/nouveau-lien"),
        ["GET compte/mot-de-passe-oublie"] = (Public, _ => "/compte/mot-de-passe-oublie"),
        ["POST compte/mot-de-passe-oublie"] = (Public, _ => "/compte/mot-de-passe-oublie"),
        ["GET compte/nouveau-mot-de-passe"] = (Public, p => $"/compte/nouveau-mot-de-passe?userId={p.UserIds[Actor.Porteur]}&code=invalide"),
        ["POST compte/nouveau-mot-de-passe"] = (Public, _ => "/compte/nouveau-mot-de-passe"),
        ["GET compte/invitation"] = (Public, p => $"/compte/invitation?userId={p.TargetAccountId}&code=invalide"),
        ["POST compte/invitation"] = (Public, _ => "/compte/invitation"),
        ["GET compte/preferences"] = (SignedIn, _ => "/compte/preferences"),
        ["POST compte/preferences"] = (SignedIn, _ => "/compte/preferences"),
        ["GET compte/securite"] = (SignedIn, _ => "/compte/securite"),
        ["GET compte/securite/activer"] = (SignedIn, _ => "/compte/securite/activer"),
        ["POST compte/securite/activer"] = (SignedIn, _ => "/compte/securite/activer"),
        ["POST compte/securite/cle"] = (SignedIn, _ => "/compte/securite/cle"),
        ["POST compte/securite/codes-de-secours"] = (SignedIn, _ => "/compte/securite/codes-de-secours"),
        ["POST compte/securite/desactiver"] = (SignedIn, _ => "/compte/securite/desactiver"),
        ["GET compte/securite/mot-de-passe"] = (SignedIn, _ => "/compte/securite/mot-de-passe"),
        ["POST compte/securite/mot-de-passe"] = (SignedIn, _ => "/compte/securite/mot-de-passe"),

        ["GET plateforme-de-coordination"] = (Public, _ => "/plateforme-de-coordination"),
        ["GET evaluation"] = (Public, _ => "/evaluation"),

        // The public synthesis of the frozen campaign of last year (the seeds' published reading).
        ["GET evaluation/{annee}"] = (Public, _ => $"/evaluation/{DateTimeOffset.UtcNow.Year - 1}"),
        ["GET plateforme"] = (PlatformArea, _ => "/plateforme"),
        ["GET plateforme/seances/{id:guid}"] = (PlatformSession, p => $"/plateforme/seances/{p.UpcomingPlatformSessionId}"),
        ["POST plateforme/seances/{id:guid}/inscription"] = (PlatformRegistration, p => $"/plateforme/seances/{p.UpcomingPlatformSessionId}/inscription"),
        ["GET plateforme/engagements"] = (PlatformArea, _ => "/plateforme/engagements?stale=true"),
        ["GET plateforme/engagements/{id:guid}"] = (PlatformArea, p => $"/plateforme/engagements/{p.PoleCommitmentId}"),
        ["POST plateforme/engagements/{id:guid}/point"] = (CommitmentCarrier, p => $"/plateforme/engagements/{p.PoleCommitmentId}/point"),
        ["POST plateforme/engagements/{id:guid}/demarrer"] = (CommitmentCarrier, p => $"/plateforme/engagements/{p.PoleCommitmentId}/demarrer"),
        ["POST plateforme/engagements/{id:guid}/terminer"] = (CommitmentCarrier, p => $"/plateforme/engagements/{p.PoleCommitmentId}/terminer"),
        ["POST plateforme/engagements/{id:guid}/abandonner"] = (CommitmentCarrier, p => $"/plateforme/engagements/{p.PoleCommitmentId}/abandonner"),
        ["POST plateforme/engagements/{id:guid}/rouvrir"] = (CommitmentCarrier, p => $"/plateforme/engagements/{p.PoleCommitmentId}/rouvrir"),
        ["GET coordination/plateforme/engagements"] = (Coordination, _ => "/coordination/plateforme/engagements"),
        ["GET coordination/plateforme/engagements/nouveau"] = (Coordination, p => $"/coordination/plateforme/engagements/nouveau?seance={p.HeldPlatformSessionId}"),
        ["POST coordination/plateforme/engagements/nouveau"] = (Coordination, _ => "/coordination/plateforme/engagements/nouveau"),
        ["GET coordination/plateforme/engagements/{id:guid}/modifier"] = (Coordination, p => $"/coordination/plateforme/engagements/{p.RegionCommitmentId}/modifier"),
        ["POST coordination/plateforme/engagements/{id:guid}/modifier"] = (Coordination, p => $"/coordination/plateforme/engagements/{p.RegionCommitmentId}/modifier"),
        ["POST coordination/plateforme/seances/{id:guid}/engagements/relance"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/engagements/relance"),
        ["GET admin/objectifs"] = (Admin, _ => "/admin/objectifs"),
        ["GET admin/objectifs/nouveau"] = (Admin, _ => "/admin/objectifs/nouveau"),
        ["POST admin/objectifs/nouveau"] = (Admin, _ => "/admin/objectifs/nouveau"),
        ["GET admin/objectifs/{id:guid}"] = (Admin, p => $"/admin/objectifs/{p.StrategyObjectiveId}"),
        ["POST admin/objectifs/{id:guid}"] = (Admin, p => $"/admin/objectifs/{p.StrategyObjectiveId}"),
        ["POST admin/objectifs/{id:guid}/desactiver"] = (Admin, p => $"/admin/objectifs/{p.StrategyObjectiveId}/desactiver"),
        ["POST admin/objectifs/{id:guid}/reactiver"] = (Admin, p => $"/admin/objectifs/{p.StrategyObjectiveId}/reactiver"),

        ["GET invitation/{token}"] = (Public, p => $"/invitation/{p.InvitationToken}"),
        ["POST invitation/{token}"] = (PorteurArea, p => $"/invitation/{p.InvitationToken}"),

        ["GET porteur"] = (PorteurArea, _ => "/porteur"),
        ["GET porteur/mes-donnees"] = (PorteurArea, _ => "/porteur/mes-donnees"),
        ["GET porteur/mes-donnees/export"] = (PorteurArea, _ => "/porteur/mes-donnees/export"),
        ["GET porteur/mes-donnees/supprimer"] = (PorteurArea, _ => "/porteur/mes-donnees/supprimer"),
        ["POST porteur/mes-donnees/supprimer"] = (PorteurArea, _ => "/porteur/mes-donnees/supprimer"),
        ["GET porteur/projets/nouveau"] = (PorteurArea, _ => "/porteur/projets/nouveau"),
        ["POST porteur/projets/nouveau"] = (PorteurArea, _ => "/porteur/projets/nouveau"),
        ["GET porteur/projets/{id:guid}"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}"),
        ["GET porteur/projets/{id:guid}/depot"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}/depot"),
        ["POST porteur/projets/{id:guid}/depot"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}/depot"),
        ["GET porteur/projets/{id:guid}/modifier"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}/modifier"),
        ["POST porteur/projets/{id:guid}/modifier"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}/modifier"),
        ["POST porteur/projets/{id:guid}/messages"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}/messages"),
        ["POST porteur/projets/{id:guid}/partage"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}/partage"),
        ["POST porteur/projets/{id:guid}/invitations"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}/invitations"),
        ["POST porteur/projets/{id:guid}/invitations/{invitationId:guid}/retirer"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}/invitations/{p.InvitationId}/retirer"),
        ["POST porteur/projets/{id:guid}/membres/{memberId:guid}/retirer"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}/membres/{p.CoPorteurId}/retirer"),
        ["POST porteur/projets/{id:guid}/quitter"] = (PorteurRecord, p => $"/porteur/projets/{p.ProjectId}/quitter"),

        ["GET pole"] = (PoleArea, _ => "/pole"),
        ["GET pole/territoire"] = (PoleArea, _ => "/pole/territoire"),
        ["GET pole/projets/{id:guid}"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}"),
        ["GET pole/projets/{id:guid}/clore"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/clore"),
        ["POST pole/projets/{id:guid}/clore"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/clore"),
        ["POST pole/projets/{id:guid}/messages"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/messages"),
        ["POST pole/projets/{id:guid}/notes"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/notes"),
        ["POST pole/projets/{id:guid}/orientations"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/orientations"),
        ["POST pole/projets/{id:guid}/partage/demande"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/partage/demande"),
        ["POST pole/projets/{id:guid}/orientations/{referralId:guid}/relancer"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/orientations/{p.ReferralId}/relancer"),
        ["POST pole/projets/{id:guid}/orientations/{referralId:guid}/retirer"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/orientations/{p.ReferralId}/retirer"),
        ["POST pole/projets/{id:guid}/pause"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/pause"),
        ["POST pole/projets/{id:guid}/qualifier"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/qualifier"),
        ["POST pole/projets/{id:guid}/referent"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/referent"),
        ["POST pole/projets/{id:guid}/rendez-vous"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/rendez-vous"),
        ["POST pole/projets/{id:guid}/reprise"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/reprise"),
        ["POST pole/projets/{id:guid}/rouvrir"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/rouvrir"),
        ["GET pole/projets/{id:guid}/transferer"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/transferer"),
        ["POST pole/projets/{id:guid}/transferer"] = (PoleRecord, p => $"/pole/projets/{p.ProjectId}/transferer"),

        ["GET structure"] = (StructureArea, _ => "/structure"),
        ["GET structure/programmes"] = (StructureArea, _ => "/structure/programmes"),
        ["GET structure/orientations/{id:guid}"] = (StructureRecord, p => $"/structure/orientations/{p.ReferralId}"),
        ["POST structure/orientations/{id:guid}/accepter"] = (StructureRecord, p => $"/structure/orientations/{p.ReferralId}/accepter"),
        ["POST structure/orientations/{id:guid}/refuser"] = (StructureRecord, p => $"/structure/orientations/{p.ReferralId}/refuser"),
        ["POST structure/orientations/{id:guid}/questions"] = (StructureRecord, p => $"/structure/orientations/{p.ReferralId}/questions"),
        ["POST structure/orientations/{id:guid}/inscription"] = (StructureRecord, p => $"/structure/orientations/{p.ReferralId}/inscription"),
        ["POST structure/orientations/{id:guid}/financement"] = (StructureRecord, p => $"/structure/orientations/{p.ReferralId}/financement"),
        ["GET structure/sessions"] = (StructureArea, _ => "/structure/sessions"),
        ["POST structure/sessions"] = (StructureArea, _ => "/structure/sessions"),
        ["GET structure/sessions/{id:guid}"] = (StructureRecord, p => $"/structure/sessions/{p.SessionId}"),
        ["POST structure/sessions/{id:guid}"] = (StructureRecord, p => $"/structure/sessions/{p.SessionId}"),
        ["POST structure/sessions/{id:guid}/demarrer"] = (StructureRecord, p => $"/structure/sessions/{p.SessionId}/demarrer"),
        ["POST structure/sessions/{id:guid}/terminer"] = (StructureRecord, p => $"/structure/sessions/{p.SessionId}/terminer"),
        ["POST structure/sessions/{id:guid}/inscriptions"] = (StructureRecord, p => $"/structure/sessions/{p.SessionId}/inscriptions"),
        ["POST structure/sessions/{id:guid}/inscriptions/{enrolmentId:guid}/issue"] = (StructureRecord, p => $"/structure/sessions/{p.SessionId}/inscriptions/{p.EnrolmentId}/issue"),
        ["POST structure/sessions/{id:guid}/inscriptions/{enrolmentId:guid}/jury"] = (StructureRecord, p => $"/structure/sessions/{p.SessionId}/inscriptions/{p.EnrolmentId}/jury"),
        ["POST structure/sessions/{id:guid}/inscriptions/{enrolmentId:guid}/sortie"] = (StructureRecord, p => $"/structure/sessions/{p.SessionId}/inscriptions/{p.EnrolmentId}/sortie"),
        ["GET structure/financements"] = (StructureArea, _ => "/structure/financements"),
        ["GET structure/financements/{id:guid}"] = (FinancingRecord, p => $"/structure/financements/{p.FinancingId}"),
        ["POST structure/financements/{id:guid}/decision"] = (FinancingRecord, p => $"/structure/financements/{p.FinancingId}/decision"),
        ["POST structure/financements/{id:guid}/versements"] = (FinancingRecord, p => $"/structure/financements/{p.FinancingId}/versements"),
        ["GET structure/besoins"] = (StructureArea, _ => "/structure/besoins"),
        ["POST structure/besoins"] = (StructureArea, _ => "/structure/besoins"),
        ["GET structure/besoins/{id:guid}"] = (StructureRecord, p => $"/structure/besoins/{p.NeedId}"),
        ["POST structure/besoins/{id:guid}/conclusion"] = (StructureRecord, p => $"/structure/besoins/{p.NeedId}/conclusion"),
        ["POST structure/besoins/{id:guid}/remise"] = (StructureRecord, p => $"/structure/besoins/{p.NeedId}/remise"),

        ["GET coordination"] = (ProgrammeIndicators, _ => "/coordination"),
        ["GET coordination/territoire"] = (Coordination, _ => "/coordination/territoire"),
        ["GET coordination/export.csv"] = (ProgrammeIndicators, _ => "/coordination/export.csv?table=indicateurs"),
        ["GET coordination/export.xlsx"] = (ProgrammeIndicators, _ => "/coordination/export.xlsx"),

        // The reading pack of the upcoming session (frozen and published in the seed: a second freeze or publication is refused, a 400).
        ["GET coordination/plateforme/seances/{id:guid}/dossier"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/dossier"),
        ["GET coordination/plateforme/seances/{id:guid}/dossier.xlsx"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/dossier.xlsx"),
        ["POST coordination/plateforme/seances/{id:guid}/dossier/figer"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/dossier/figer"),
        ["POST coordination/plateforme/seances/{id:guid}/dossier/publier"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/dossier/publier"),
        ["GET coordination/evaluation"] = (Coordination, _ => "/coordination/evaluation"),
        ["GET coordination/evaluation/campagnes"] = (Coordination, _ => "/coordination/evaluation/campagnes"),
        ["GET plateforme/evaluation"] = (PlatformArea, _ => "/plateforme/evaluation"),

        // The campaign's workflow. The POSTs, sent empty, are refused by the rules (no year, no deadline, no comment, no
        // confirmation, a value not submitted, none to remind before the deadline nears): the seeded open campaign stays open.
        ["GET coordination/evaluation/campagnes/nouvelle"] = (Coordination, _ => "/coordination/evaluation/campagnes/nouvelle"),
        ["POST coordination/evaluation/campagnes/nouvelle"] = (Coordination, _ => "/coordination/evaluation/campagnes/nouvelle"),
        ["GET coordination/evaluation/campagnes/{id:guid}"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.OpenCampaignId}"),
        ["POST coordination/evaluation/campagnes/{id:guid}/echeance"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.OpenCampaignId}/echeance"),
        ["POST coordination/evaluation/campagnes/{id:guid}/valeurs/{valueId:guid}/valider"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.OpenCampaignId}/valeurs/{p.PoleEnteredValueId}/valider"),
        ["POST coordination/evaluation/campagnes/{id:guid}/valeurs/{valueId:guid}/renvoyer"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.OpenCampaignId}/valeurs/{p.PoleSubmittedValueId}/renvoyer"),
        ["POST coordination/evaluation/campagnes/{id:guid}/relance"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.OpenCampaignId}/relance"),
        ["POST coordination/evaluation/campagnes/{id:guid}/figer"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.OpenCampaignId}/figer"),
        ["GET plateforme/evaluation/declarations"] = (PlatformArea, _ => "/plateforme/evaluation/declarations"),
        ["POST plateforme/evaluation/declarations/{id:guid}/indicateurs/{indicatorId:guid}"] = (CampaignOrganisation, p => $"/plateforme/evaluation/declarations/{p.OpenCampaignId}/indicateurs/{p.DeclaredPercentIndicatorId}"),
        ["POST plateforme/evaluation/declarations/{id:guid}/indicateurs/{indicatorId:guid}/transmettre"] = (CampaignOrganisation, p => $"/plateforme/evaluation/declarations/{p.OpenCampaignId}/indicateurs/{p.DeclaredPercentIndicatorId}/transmettre"),
        ["POST plateforme/evaluation/declarations/{id:guid}/transmettre"] = (CampaignOrganisation, p => $"/plateforme/evaluation/declarations/{p.OpenCampaignId}/transmettre"),
        ["GET coordination/evaluation/referentiel"] = (Coordination, _ => "/coordination/evaluation/referentiel"),
        ["POST coordination/evaluation/referentiel/commencer"] = (Coordination, _ => "/coordination/evaluation/referentiel/commencer"),
        ["POST coordination/evaluation/referentiel/version-suivante"] = (Coordination, _ => "/coordination/evaluation/referentiel/version-suivante"),
        ["POST coordination/evaluation/referentiel/{id:guid}/titre"] = (Coordination, p => $"/coordination/evaluation/referentiel/{p.ConsultationReferentialId}/titre"),
        ["GET coordination/evaluation/referentiel/{id:guid}/{kind:regex(^(valeurs|questions|criteres|indicateurs)$)}/nouveau"] = (Coordination, p => $"/coordination/evaluation/referentiel/{p.ConsultationReferentialId}/indicateurs/nouveau"),
        ["POST coordination/evaluation/referentiel/{id:guid}/{kind:regex(^(valeurs|questions|criteres|indicateurs)$)}/nouveau"] = (Coordination, p => $"/coordination/evaluation/referentiel/{p.ConsultationReferentialId}/valeurs/nouveau"),
        ["GET coordination/evaluation/referentiel/{id:guid}/{kind:regex(^(valeurs|questions|criteres|indicateurs)$)}/{elementId:guid}"] = (Coordination, p => $"/coordination/evaluation/referentiel/{p.ConsultationReferentialId}/questions/{p.ConsultationQuestionId}"),
        ["POST coordination/evaluation/referentiel/{id:guid}/{kind:regex(^(valeurs|questions|criteres|indicateurs)$)}/{elementId:guid}"] = (Coordination, p => $"/coordination/evaluation/referentiel/{p.ConsultationReferentialId}/questions/{p.ConsultationQuestionId}"),
        ["POST coordination/evaluation/referentiel/{id:guid}/{kind:regex(^(valeurs|questions|criteres|indicateurs)$)}/{elementId:guid}/retirer"] = (Coordination, p => $"/coordination/evaluation/referentiel/{p.ConsultationReferentialId}/questions/{p.ConsultationQuestionId}/retirer"),
        ["POST coordination/evaluation/referentiel/{id:guid}/consultation"] = (Coordination, p => $"/coordination/evaluation/referentiel/{p.ConsultationReferentialId}/consultation"),
        ["GET coordination/evaluation/referentiel/{id:guid}/contributions/{commentId:guid}"] = (Coordination, p => $"/coordination/evaluation/referentiel/{p.ConsultationReferentialId}/contributions/{p.ConsultationCommentId}"),
        ["POST coordination/evaluation/referentiel/{id:guid}/contributions/{commentId:guid}"] = (Coordination, p => $"/coordination/evaluation/referentiel/{p.ConsultationReferentialId}/contributions/{p.ConsultationCommentId}"),
        ["POST coordination/evaluation/referentiel/{id:guid}/adopter"] = (Coordination, p => $"/coordination/evaluation/referentiel/{p.ConsultationReferentialId}/adopter"),
        ["GET plateforme/evaluation/consultation"] = (PlatformArea, _ => "/plateforme/evaluation/consultation"),
        ["POST plateforme/evaluation/consultation"] = (PlatformContributor, _ => "/plateforme/evaluation/consultation"),
        // The shared reading: the published one (its forms refused by the domain, a 400), the draft one (every empty
        // form refused: a blank text, or a version that is not the stored one), an open campaign (not started: a 400).
        ["GET coordination/evaluation/campagnes/{id:guid}/lecture"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.FrozenCampaignId}/lecture"),
        ["POST coordination/evaluation/campagnes/{id:guid}/lecture"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.OpenCampaignId}/lecture"),
        ["POST coordination/evaluation/campagnes/{id:guid}/lecture/seance"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.EarlierFrozenCampaignId}/lecture/seance"),
        ["GET coordination/evaluation/campagnes/{id:guid}/lecture/questions/{questionId:guid}"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.FrozenCampaignId}/lecture/questions/{p.PublishedQuestionId}"),
        ["POST coordination/evaluation/campagnes/{id:guid}/lecture/questions/{questionId:guid}/constats"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.EarlierFrozenCampaignId}/lecture/questions/{p.DraftQuestionId}/constats"),
        ["POST coordination/evaluation/campagnes/{id:guid}/lecture/questions/{questionId:guid}/constats/{findingId:guid}"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.EarlierFrozenCampaignId}/lecture/questions/{p.DraftQuestionId}/constats/{p.DraftFindingId}"),
        ["POST coordination/evaluation/campagnes/{id:guid}/lecture/questions/{questionId:guid}/constats/{findingId:guid}/retirer"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.FrozenCampaignId}/lecture/questions/{p.PublishedQuestionId}/constats/{p.PublishedFindingId}/retirer"),
        ["POST coordination/evaluation/campagnes/{id:guid}/lecture/questions/{questionId:guid}/constats/{findingId:guid}/interpretations"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.EarlierFrozenCampaignId}/lecture/questions/{p.DraftQuestionId}/constats/{p.DraftFindingId}/interpretations"),
        ["POST coordination/evaluation/campagnes/{id:guid}/lecture/questions/{questionId:guid}/constats/{findingId:guid}/interpretations/{interpretationId:guid}/retirer"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.FrozenCampaignId}/lecture/questions/{p.PublishedQuestionId}/constats/{p.PublishedFindingId}/interpretations/{p.PublishedFindingId}/retirer"),
        ["POST coordination/evaluation/campagnes/{id:guid}/lecture/questions/{questionId:guid}/constats/{findingId:guid}/recommandations"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.EarlierFrozenCampaignId}/lecture/questions/{p.DraftQuestionId}/constats/{p.DraftFindingId}/recommandations"),
        ["POST coordination/evaluation/campagnes/{id:guid}/lecture/questions/{questionId:guid}/constats/{findingId:guid}/recommandations/{recommendationId:guid}/retirer"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.FrozenCampaignId}/lecture/questions/{p.PublishedQuestionId}/constats/{p.PublishedFindingId}/recommandations/{p.PublishedFindingId}/retirer"),

        // The members read the draft reading: it is scheduled at the upcoming session, so its invited organisations do (the others get 404).
        ["GET plateforme/evaluation/campagnes/{id:guid}/lecture"] = (PlatformSession, p => $"/plateforme/evaluation/campagnes/{p.EarlierFrozenCampaignId}/lecture"),
        ["GET plateforme/evaluation/campagnes/{id:guid}/lecture/questions/{questionId:guid}"] = (PlatformSession, p => $"/plateforme/evaluation/campagnes/{p.EarlierFrozenCampaignId}/lecture/questions/{p.DraftQuestionId}"),
        ["GET coordination/evaluation/campagnes/{id:guid}/rapport"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.FrozenCampaignId}/rapport"),
        ["GET coordination/evaluation/campagnes/{id:guid}/rapport.xlsx"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.FrozenCampaignId}/rapport.xlsx"),
        ["GET coordination/evaluation/campagnes/{id:guid}/synthese"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.EarlierFrozenCampaignId}/synthese"),
        ["POST coordination/evaluation/campagnes/{id:guid}/synthese"] = (Coordination, p => $"/coordination/evaluation/campagnes/{p.FrozenCampaignId}/synthese"),
        ["GET plateforme/seances/{id:guid}/dossier"] = (PlatformSession, p => $"/plateforme/seances/{p.UpcomingPlatformSessionId}/dossier"),
        ["GET plateforme/seances/{id:guid}/dossier.xlsx"] = (PlatformSession, p => $"/plateforme/seances/{p.UpcomingPlatformSessionId}/dossier.xlsx"),
        ["GET pole/indicateurs"] = (PoleArea, _ => "/pole/indicateurs"),

        // The coordination platform, as the coordinators run it (every empty POST is refused by a rule: nothing seeded changes).
        ["GET coordination/plateforme"] = (Coordination, _ => "/coordination/plateforme"),
        ["GET coordination/plateforme/instances"] = (Coordination, _ => "/coordination/plateforme/instances"),
        ["POST coordination/plateforme/instances"] = (Coordination, _ => "/coordination/plateforme/instances"),
        ["GET coordination/plateforme/instances/{id:guid}"] = (Coordination, p => $"/coordination/plateforme/instances/{p.PlatformBodyId}"),
        ["POST coordination/plateforme/instances/{id:guid}/membres"] = (Coordination, p => $"/coordination/plateforme/instances/{p.PlatformBodyId}/membres"),
        ["POST coordination/plateforme/instances/{id:guid}/membres/{membershipId:guid}/fin"] = (Coordination, p => $"/coordination/plateforme/instances/{p.PlatformBodyId}/membres/{p.PlatformBodyId}/fin"),
        ["POST coordination/plateforme/instances/{id:guid}/membres/{membershipId:guid}/representants"] = (Coordination, p => $"/coordination/plateforme/instances/{p.PlatformBodyId}/membres/{p.PlatformBodyId}/representants"),
        ["POST coordination/plateforme/instances/{id:guid}/membres/{membershipId:guid}/representants/{representativeId:guid}/fin"] = (Coordination, p => $"/coordination/plateforme/instances/{p.PlatformBodyId}/membres/{p.PlatformBodyId}/representants/{p.PlatformBodyId}/fin"),
        ["GET coordination/plateforme/seances/nouvelle"] = (Coordination, _ => "/coordination/plateforme/seances/nouvelle"),
        ["POST coordination/plateforme/seances/nouvelle"] = (Coordination, _ => "/coordination/plateforme/seances/nouvelle"),
        ["GET coordination/plateforme/seances/{id:guid}"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}"),
        ["POST coordination/plateforme/seances/{id:guid}/deplacer"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/deplacer"),
        ["POST coordination/plateforme/seances/{id:guid}/convoquer"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/convoquer"),
        ["POST coordination/plateforme/seances/{id:guid}/tenir"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/tenir"),
        ["POST coordination/plateforme/seances/{id:guid}/clore"] = (Coordination, p => $"/coordination/plateforme/seances/{p.HeldPlatformSessionId}/clore"),
        ["POST coordination/plateforme/seances/{id:guid}/annuler"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/annuler"),
        ["POST coordination/plateforme/seances/{id:guid}/rouvrir"] = (Coordination, p => $"/coordination/plateforme/seances/{p.HeldPlatformSessionId}/rouvrir"),
        ["POST coordination/plateforme/seances/{id:guid}/etapes/fait"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/etapes/fait"),
        ["POST coordination/plateforme/seances/{id:guid}/etapes/a-faire"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/etapes/a-faire"),
        ["POST coordination/plateforme/seances/{id:guid}/etapes/date"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/etapes/date"),
        ["POST coordination/plateforme/seances/{id:guid}/ordre-du-jour"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/ordre-du-jour"),
        ["POST coordination/plateforme/seances/{id:guid}/ordre-du-jour/{itemId:guid}/monter"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/ordre-du-jour/{p.UpcomingPlatformSessionId}/monter"),
        ["POST coordination/plateforme/seances/{id:guid}/ordre-du-jour/{itemId:guid}/descendre"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/ordre-du-jour/{p.UpcomingPlatformSessionId}/descendre"),
        ["POST coordination/plateforme/seances/{id:guid}/ordre-du-jour/{itemId:guid}/retirer"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/ordre-du-jour/{p.UpcomingPlatformSessionId}/retirer"),
        ["POST coordination/plateforme/seances/{id:guid}/inviter"] = (Coordination, p => $"/coordination/plateforme/seances/{p.UpcomingPlatformSessionId}/inviter"),
        ["POST coordination/plateforme/seances/{id:guid}/presences"] = (Coordination, p => $"/coordination/plateforme/seances/{p.HeldPlatformSessionId}/presences"),
        ["POST coordination/plateforme/seances/{id:guid}/presences/personnes"] = (Coordination, p => $"/coordination/plateforme/seances/{p.HeldPlatformSessionId}/presences/personnes"),
        ["POST coordination/plateforme/seances/{id:guid}/decisions"] = (Coordination, p => $"/coordination/plateforme/seances/{p.HeldPlatformSessionId}/decisions"),
        ["POST coordination/plateforme/seances/{id:guid}/compte-rendu"] = (Coordination, p => $"/coordination/plateforme/seances/{p.HeldPlatformSessionId}/compte-rendu"),

        ["GET admin"] = (Admin, _ => "/admin"),
        ["GET admin/comptes"] = (Admin, _ => "/admin/comptes"),
        ["GET admin/comptes/inviter"] = (Admin, _ => "/admin/comptes/inviter"),
        ["POST admin/comptes/inviter"] = (Admin, _ => "/admin/comptes/inviter"),
        ["GET admin/comptes/{id:guid}"] = (Admin, p => $"/admin/comptes/{p.TargetAccountId}"),
        ["POST admin/comptes/{id:guid}/role"] = (Admin, p => $"/admin/comptes/{p.TargetAccountId}/role"),
        ["POST admin/comptes/{id:guid}/desactiver"] = (Admin, p => $"/admin/comptes/{p.TargetAccountId}/desactiver"),
        ["POST admin/comptes/{id:guid}/reactiver"] = (Admin, p => $"/admin/comptes/{p.TargetAccountId}/reactiver"),
        ["POST admin/comptes/{id:guid}/renvoyer-invitation"] = (Admin, p => $"/admin/comptes/{p.TargetAccountId}/renvoyer-invitation"),
        ["POST admin/comptes/{id:guid}/double-authentification"] = (Admin, p => $"/admin/comptes/{p.TargetAccountId}/double-authentification"),
        ["GET admin/courriels"] = (Admin, _ => "/admin/courriels"),
        ["POST admin/courriels/{id:guid}/renvoyer"] = (Admin, p => $"/admin/courriels/{p.GivenUpEmailId}/renvoyer"),
        ["GET admin/journal"] = (Admin, _ => "/admin/journal"),
        ["GET admin/listes"] = (Admin, _ => "/admin/listes"),
        ["GET admin/listes/{kind}"] = (Admin, _ => "/admin/listes/Sector"),
        ["POST admin/listes/{kind}/ajouter"] = (Admin, _ => "/admin/listes/Sector/ajouter"),
        ["POST admin/listes/valeurs/{id:guid}"] = (Admin, p => $"/admin/listes/valeurs/{p.ListItemId}"),
        ["POST admin/listes/valeurs/{id:guid}/monter"] = (Admin, p => $"/admin/listes/valeurs/{p.ListItemId}/monter"),
        ["POST admin/listes/valeurs/{id:guid}/descendre"] = (Admin, p => $"/admin/listes/valeurs/{p.ListItemId}/descendre"),
        ["POST admin/listes/valeurs/{id:guid}/desactiver"] = (Admin, p => $"/admin/listes/valeurs/{p.ListItemId}/desactiver"),
        ["POST admin/listes/valeurs/{id:guid}/reactiver"] = (Admin, p => $"/admin/listes/valeurs/{p.ListItemId}/reactiver"),
        ["GET admin/poles"] = (Admin, _ => "/admin/poles"),
        ["GET admin/poles/nouveau"] = (Admin, _ => "/admin/poles/nouveau"),
        ["POST admin/poles/nouveau"] = (Admin, _ => "/admin/poles/nouveau"),
        ["GET admin/poles/{id:guid}"] = (Admin, p => $"/admin/poles/{p.MorlaixPoleId}"),
        ["POST admin/poles/{id:guid}"] = (Admin, p => $"/admin/poles/{p.MorlaixPoleId}"),
        ["GET admin/poles/{id:guid}/perimetre"] = (Admin, p => $"/admin/poles/{p.MorlaixPoleId}/perimetre"),
        ["POST admin/poles/{id:guid}/perimetre"] = (Admin, p => $"/admin/poles/{p.MorlaixPoleId}/perimetre"),
        ["POST admin/poles/{id:guid}/desactiver"] = (Admin, p => $"/admin/poles/{p.MorlaixPoleId}/desactiver"),
        ["POST admin/poles/{id:guid}/reactiver"] = (Admin, p => $"/admin/poles/{p.MorlaixPoleId}/reactiver"),
        ["GET admin/structures"] = (Admin, _ => "/admin/structures"),
        ["GET admin/structures/nouvelle"] = (Admin, _ => "/admin/structures/nouvelle"),
        ["POST admin/structures/nouvelle"] = (Admin, _ => "/admin/structures/nouvelle"),
        ["GET admin/structures/{id:guid}"] = (Admin, p => $"/admin/structures/{p.Tag29Id}"),
        ["POST admin/structures/{id:guid}"] = (Admin, p => $"/admin/structures/{p.Tag29Id}"),
        ["POST admin/structures/{id:guid}/desactiver"] = (Admin, p => $"/admin/structures/{p.Tag29Id}/desactiver"),
        ["POST admin/structures/{id:guid}/reactiver"] = (Admin, p => $"/admin/structures/{p.Tag29Id}/reactiver"),
        ["GET admin/structures/{id:guid}/programmes/nouveau"] = (Admin, p => $"/admin/structures/{p.Tag29Id}/programmes/nouveau"),
        ["POST admin/structures/{id:guid}/programmes/nouveau"] = (Admin, p => $"/admin/structures/{p.Tag29Id}/programmes/nouveau"),
        ["GET admin/programmes/{id:guid}"] = (Admin, p => $"/admin/programmes/{p.ProgrammeId}"),
        ["POST admin/programmes/{id:guid}"] = (Admin, p => $"/admin/programmes/{p.ProgrammeId}"),
        ["POST admin/programmes/{id:guid}/desactiver"] = (Admin, p => $"/admin/programmes/{p.ProgrammeId}/desactiver"),
        ["POST admin/programmes/{id:guid}/reactiver"] = (Admin, p => $"/admin/programmes/{p.ProgrammeId}/reactiver"),
        ["GET admin/autorites"] = (Admin, _ => "/admin/autorites"),
        ["GET admin/autorites/nouvelle"] = (Admin, _ => "/admin/autorites/nouvelle"),
        ["POST admin/autorites/nouvelle"] = (Admin, _ => "/admin/autorites/nouvelle"),
        ["GET admin/autorites/{id:guid}"] = (Admin, p => $"/admin/autorites/{p.RegionId}"),
        ["POST admin/autorites/{id:guid}"] = (Admin, p => $"/admin/autorites/{p.RegionId}"),
        ["POST admin/autorites/{id:guid}/desactiver"] = (Admin, p => $"/admin/autorites/{p.RegionId}/desactiver"),
        ["POST admin/autorites/{id:guid}/reactiver"] = (Admin, p => $"/admin/autorites/{p.RegionId}/reactiver"),
        ["GET admin/referentiel"] = (Admin, _ => "/admin/referentiel"),
        ["POST admin/referentiel/appliquer"] = (Admin, _ => "/admin/referentiel/appliquer"),
    };

    /// <summary>Every endpoint the app routes to, as "METHOD pattern" (endpoints for any method count as GET).</summary>
    public static IReadOnlyList<string> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText?.TrimStart('/')}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>What an answer means: the action ran, the login page, or a refusal.</summary>
    public static string Classify(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found
            && response.Headers.Location is { } location && location.OriginalString.Contains("/compte/connexion?ReturnUrl=", StringComparison.Ordinal))
        {
            return Login;
        }

        return status switch
        {
            403 or 404 or 405 or >= 500 => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => Allowed,
        };
    }

    private static async Task<HttpResponseMessage> SendAsync(HtmlClient client, string method, string path, string? token)
    {
        if (method == "GET")
        {
            return await client.GetAsync(path);
        }

        using var content = new FormUrlEncodedContent(token is null ? [] : [new KeyValuePair<string, string>("__RequestVerificationToken", token)]);
        return await client.Http.PostAsync(path, content);
    }

    [Fact]
    public void EveryEndpoint_IsInTheMatrix_AndTheMatrixHasNoStaleRoute()
    {
        var endpoints = Endpoints(portal.Services);
        var missing = endpoints.Where(e => !Matrix.ContainsKey(e)).ToList();
        var stale = Matrix.Keys.Where(k => !endpoints.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "Endpoints missing from the authorisation matrix (add them with their rule): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Matrix entries with no endpoint: " + string.Join(", ", stale));
        Assert.True(endpoints.Count > 130, $"Only {endpoints.Count} endpoints found");
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEveryActor_AsTheMatrixSays_AndNoGetChangesData()
    {
        var clients = new Dictionary<Actor, (HtmlClient Client, string Token)>();
        foreach (var actor in Order)
        {
            var client = await portal.ClientForAsync(actor);
            clients[actor] = (client, await SeededPortal.TokenAsync(client));
        }

        var wrong = new List<string>();
        var before = await DatabaseSnapshot.TakeAsync(portal.ConnectionString, "audit_entries", "access_log", "data_protection_keys");
        var cases = Matrix.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        foreach (var actor in Order)
        {
            foreach (var (key, (rule, path)) in cases.Where(c => c.Key.StartsWith("GET ", StringComparison.Ordinal)))
            {
                using var response = await SendAsync(clients[actor].Client, "GET", path(portal), null);
                Check(actor, key, rule, response);
            }
        }

        // Reading never writes (opening a project file is audited: the audit trail is left out).
        var changed = (await DatabaseSnapshot.TakeAsync(portal.ConnectionString, "audit_entries", "access_log", "data_protection_keys")).ChangedSince(before);
        Assert.True(changed.Count == 0, "GET requests changed: " + string.Join(", ", changed));

        foreach (var actor in Order)
        {
            // Logging out ends the session: last.
            foreach (var (key, (rule, path)) in cases.Where(c => c.Key.StartsWith("POST ", StringComparison.Ordinal)).OrderBy(c => c.Key == "POST compte/deconnexion"))
            {
                using var response = await SendAsync(clients[actor].Client, "POST", path(portal), clients[actor].Token);
                Check(actor, key, rule, response);
            }
        }

        foreach (var (client, _) in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers differ from the matrix:\n" + string.Join('\n', wrong));

        void Check(Actor actor, string key, Rule rule, HttpResponseMessage response)
        {
            var expected = OnRecordRoute(Expected(rule, actor), response.RequestMessage?.RequestUri?.AbsolutePath ?? string.Empty);
            var actual = Classify(response);
            if (actual != expected)
            {
                wrong.Add($"{actor,-26} {key,-75} expected {expected,-7} got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }
    }

    [Fact]
    public async Task EveryPost_WithoutTheAntiforgeryToken_IsRefused()
    {
        var clients = new Dictionary<Actor, HtmlClient>();
        var wrong = new List<string>();
        foreach (var (key, (rule, path)) in Matrix.Where(c => c.Key.StartsWith("POST ", StringComparison.Ordinal)))
        {
            // Someone the action is open to, with their session cookie but no token.
            var actor = Order.Reverse().First(a => Expected(rule, a) == Allowed);
            clients.TryGetValue(actor, out var client);
            client ??= clients[actor] = await portal.ClientForAsync(actor);
            using var response = await SendAsync(client, "POST", path(portal), token: null);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                wrong.Add($"{key} as {actor} → {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, "Accepted without an antiforgery token:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public async Task AGetOnAPostOnlyRoute_Is405()
    {
        using var client = await portal.ClientForAsync(Actor.Admin);
        var wrong = new List<string>();
        var getPatterns = Matrix.Keys.Where(k => k.StartsWith("GET ", StringComparison.Ordinal)).Select(k => k[4..]).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, (_, path)) in Matrix.Where(c => c.Key.StartsWith("POST ", StringComparison.Ordinal) && !getPatterns.Contains(c.Key[5..])))
        {
            using var response = await client.GetAsync(path(portal));
            if (response.StatusCode != HttpStatusCode.MethodNotAllowed)
            {
                wrong.Add($"GET {key[5..]} → {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, "Not 405:\n" + string.Join('\n', wrong));
    }
}
