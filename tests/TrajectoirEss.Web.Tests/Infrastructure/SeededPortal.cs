using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Porteur.Projects;
using TrajectoirEss.Web.Areas.Structure.Financing;
using TrajectoirEss.Web.Areas.Structure.Referrals;
using TrajectoirEss.Web.Areas.Structure.Sessions;
using TrajectoirEss.Web.Areas.Structure.TerritoryNeeds;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>The kinds of people the authorisation tests act as.</summary>
public enum Actor
{
    Anonymous,
    Porteur,
    OtherPorteur,
    PoleStaff,
    OtherPoleStaff,
    StructureWithReferral,
    StructureWithoutReferral,
    Financer,
    Coordinator,
    PublicPartner,
    Admin,
}

/// <summary>
/// One portal with a small, complete world: a welcomed project of the Morlaix pôle with its owner, a
/// co-porteur and a pending invitation; referred (accepted) to TAg29's idéateur, enrolled in a TAg29
/// session; referred to France Active's Cap création ESS with a financing application; a TAg29
/// territory need; and one account per <see cref="Actor"/> (the public partner of the Région Bretagne), plus an
/// account for administrators to act on.
/// </summary>
public class SeededPortal : PortalFactory
{
    public static readonly IReadOnlyDictionary<Actor, string> ActorEmails = new Dictionary<Actor, string>
    {
        [Actor.Porteur] = "porteur@monde.test",
        [Actor.OtherPorteur] = "autre-porteur@monde.test",
        [Actor.PoleStaff] = "pole-morlaix@monde.test",
        [Actor.OtherPoleStaff] = "pole-rennes@monde.test",
        [Actor.StructureWithReferral] = "tag29@monde.test",
        [Actor.StructureWithoutReferral] = "tag35@monde.test",
        [Actor.Financer] = "france-active@monde.test",
        [Actor.Coordinator] = "coordination@monde.test",
        [Actor.PublicPartner] = "region@monde.test",
        [Actor.Admin] = "admin@monde.test",
    };

    public const string CoPorteurEmail = "co-porteur@monde.test";
    public const string InvitedEmail = "invite-tiers@monde.test";
    public const string TargetAccountEmail = "compte-cible@monde.test";

    public Dictionary<Actor, Guid> UserIds { get; } = [];

    public Guid ProjectId { get; private set; }

    public Guid CoPorteurId { get; private set; }

    public Guid InvitationId { get; private set; }

    public string InvitationToken { get; private set; } = string.Empty;

    public Guid ReferralId { get; private set; }

    public Guid FinancingReferralId { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public Guid FinancingId { get; private set; }

    public Guid NeedId { get; private set; }

    public Guid MorlaixPoleId { get; private set; }

    public Guid Tag29Id { get; private set; }

    public Guid ProgrammeId { get; private set; }

    /// <summary>The Région Bretagne, the public partner's authority.</summary>
    public Guid RegionId { get; private set; }

    public Guid ListItemId { get; private set; }

    public Guid TargetAccountId { get; private set; }

    /// <summary>A message of the outbox given up after its attempts (for the administrators' e-mail page).</summary>
    public Guid GivenUpEmailId { get; private set; }

    /// <summary>
    /// The regional coordination platform. Its members: Morlaix's pôle, TAg29, France Active Bretagne and the Région
    /// (whose staff are the matrix's members); Réso solidaire's pôle and TAg35 are not members.
    /// </summary>
    public Guid PlatformBodyId { get; private set; }

    /// <summary>A past session of the platform, held and closed (attendance, a decision, public minutes).</summary>
    public Guid HeldPlatformSessionId { get; private set; }

    /// <summary>The next session of the platform, convened (every member invited), its reading pack frozen and published (<see cref="ReadingPackId"/>).</summary>
    public Guid UpcomingPlatformSessionId { get; private set; }

    /// <summary>The reading pack of the upcoming session, frozen and published (its milestones DataFrozen and PackPublished done).</summary>
    public Guid ReadingPackId { get; private set; }

    /// <summary>A commitment of the held session carried by Morlaix's pôle, the Région contributing.</summary>
    public Guid PoleCommitmentId { get; private set; }

    /// <summary>A commitment of the held session carried by the Région.</summary>
    public Guid RegionCommitmentId { get; private set; }

    /// <summary>The objective of the strategy both seeded commitments serve (the first by code).</summary>
    public Guid StrategyObjectiveId { get; private set; }

    /// <summary>
    /// The evaluation's frame in force (version 1, adopted at the held session): 2 values, 2 questions, 2 criteria,
    /// 4 indicators — computed <see cref="MeasureCode.ProjectsWelcomed"/> and <see cref="MeasureCode.RuralPorteursShare"/>,
    /// declared <see cref="DeclaredPercentIndicatorId"/> (%) and <see cref="DeclaredCountIndicatorId"/> (count).
    /// </summary>
    public Guid AdoptedReferentialId { get; private set; }

    /// <summary>Version 2, its copy, under the members' consultation: one contribution of Morlaix's pôle, not answered yet (<see cref="ConsultationCommentId"/>).</summary>
    public Guid ConsultationReferentialId { get; private set; }

    public Guid ConsultationCommentId { get; private set; }

    /// <summary>The first question of the version under consultation (the one <see cref="ConsultationCommentId"/> is about).</summary>
    public Guid ConsultationQuestionId { get; private set; }

    /// <summary>A declared indicator in % of the frame in force (its id in version 1).</summary>
    public Guid DeclaredPercentIndicatorId { get; private set; }

    /// <summary>A declared indicator counted, of the frame in force (its id in version 1).</summary>
    public Guid DeclaredCountIndicatorId { get; private set; }

    /// <summary>
    /// This year's campaign, open (deadline in 30 days), asking Morlaix's pôle and TAg29: the pôle entered its %
    /// value (<see cref="PoleEnteredValueId"/>) and submitted its count (<see cref="PoleSubmittedValueId"/>); TAg29 nothing.
    /// </summary>
    public Guid OpenCampaignId { get; private set; }

    public Guid PoleEnteredValueId { get; private set; }

    public Guid PoleSubmittedValueId { get; private set; }

    /// <summary>Last year's campaign, frozen (both organisations' values validated), its reading published (<see cref="PublishedReadingId"/>).</summary>
    public Guid FrozenCampaignId { get; private set; }

    /// <summary>The campaign of two years ago, frozen, its reading in preparation (<see cref="DraftReadingId"/>).</summary>
    public Guid EarlierFrozenCampaignId { get; private set; }

    /// <summary>
    /// The published reading of <see cref="FrozenCampaignId"/>: one main finding (<see cref="PublishedFindingId"/>, majority,
    /// interpreted by Morlaix's pôle and by the Région, a recommendation), its synthesis and two key indicators.
    /// </summary>
    public Guid PublishedReadingId { get; private set; }

    public Guid PublishedFindingId { get; private set; }

    /// <summary>
    /// The reading in preparation of <see cref="EarlierFrozenCampaignId"/>: one finding (<see cref="DraftFindingId"/>, consensus, interpreted by TAg29, a recommendation <see cref="DraftRecommendationId"/>),
    /// on the question <see cref="DraftQuestionId"/>; scheduled at <see cref="UpcomingPlatformSessionId"/> (so the members invited to it read it).
    /// </summary>
    public Guid DraftReadingId { get; private set; }

    /// <summary>The evaluative question of the frame in force that <see cref="DraftFindingId"/> is on ("Les acteurs se passent-ils les projets ?").</summary>
    public Guid DraftQuestionId { get; private set; }

    /// <summary>The evaluative question of the frame in force that <see cref="PublishedFindingId"/> is on ("Le programme touche-t-il les territoires ruraux ?").</summary>
    public Guid PublishedQuestionId { get; private set; }

    public Guid DraftFindingId { get; private set; }

    public Guid DraftRecommendationId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UserIds[Actor.Porteur] = (await CreateUserAsync(ActorEmails[Actor.Porteur], Roles.Porteur)).Id;
        UserIds[Actor.OtherPorteur] = (await CreateUserAsync(ActorEmails[Actor.OtherPorteur], Roles.Porteur)).Id;
        UserIds[Actor.PoleStaff] = (await CreateUserAsync(ActorEmails[Actor.PoleStaff], Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix")).Id;
        UserIds[Actor.OtherPoleStaff] = (await CreateUserAsync(ActorEmails[Actor.OtherPoleStaff], Roles.PoleStaff, poleCode: "reso-solidaire")).Id;
        UserIds[Actor.StructureWithReferral] = (await CreateUserAsync(ActorEmails[Actor.StructureWithReferral], Roles.StructureStaff, structureCode: "tag29")).Id;
        UserIds[Actor.StructureWithoutReferral] = (await CreateUserAsync(ActorEmails[Actor.StructureWithoutReferral], Roles.StructureStaff, structureCode: "tag35")).Id;
        UserIds[Actor.Financer] = (await CreateUserAsync(ActorEmails[Actor.Financer], Roles.StructureStaff, structureCode: "france-active-bretagne")).Id;
        UserIds[Actor.Coordinator] = (await CreateUserAsync(ActorEmails[Actor.Coordinator], Roles.Coordinator)).Id;
        UserIds[Actor.PublicPartner] = (await CreateUserAsync(ActorEmails[Actor.PublicPartner], Roles.PublicPartner, publicAuthorityCode: "region-bretagne")).Id;
        UserIds[Actor.Admin] = (await CreateUserAsync(ActorEmails[Actor.Admin], Roles.Admin)).Id;
        CoPorteurId = (await CreateUserAsync(CoPorteurEmail, Roles.Porteur)).Id;
        TargetAccountId = (await CreateUserAsync(TargetAccountEmail, Roles.Coordinator)).Id;

        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TrajectoirEssDbContext>();
        var now = DateTimeOffset.UtcNow;
        MorlaixPoleId = await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync();
        Tag29Id = await db.Structures.Where(s => s.Code == "tag29").Select(s => s.Id).SingleAsync();
        RegionId = await db.PublicAuthorities.Where(a => a.Code == "region-bretagne").Select(a => a.Id).SingleAsync();
        var franceActiveId = await db.Structures.Where(s => s.Code == "france-active-bretagne").Select(s => s.Id).SingleAsync();
        ListItemId = await db.ListItems.Where(i => i.Kind == ListKind.Sector).OrderBy(i => i.SortOrder).Select(i => i.Id).FirstAsync();

        // The project: submitted to Morlaix, welcomed, the porteurs agreed to share it with partners.
        var owner = UserIds[Actor.Porteur];
        var project = Project.CreateDraft(Guid.CreateVersion7(), owner, new ProjectDetails("Tiers-lieu du monde", "Un tiers-lieu associatif", "Pas de lieu de rencontre", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement, 2, null), now.AddDays(-3));
        project.Submit(owner, MorlaixPoleId, consentToProcessing: true, now.AddDays(-3));
        project.Welcome(UserIds[Actor.PoleStaff], now.AddDays(-2));
        db.Projects.Add(project);
        db.DiscardDomainEvents();
        await db.SaveChangesAsync();
        ProjectId = project.Id;

        // A co-porteur who accepted, and an invitation still pending.
        var projects = services.GetRequiredService<PorteurProjects>();
        await projects.InviteAsync(owner, ProjectId, CoPorteurEmail);
        var accepted = await db.ProjectInvitations.SingleAsync(i => i.ProjectId == ProjectId && i.Email == CoPorteurEmail);
        accepted.Accept(await db.Projects.SingleAsync(p => p.Id == ProjectId), CoPorteurId, now);
        db.DiscardDomainEvents();
        await db.SaveChangesAsync();
        await projects.InviteAsync(owner, ProjectId, InvitedEmail);
        InvitationId = await db.ProjectInvitations.Where(i => i.ProjectId == ProjectId && i.Email == InvitedEmail).Select(i => i.Id).SingleAsync();
        InvitationToken = LinkInLastEmailTo(InvitedEmail).Split('/').Last();

        // Referred to TAg29's idéateur (accepted, enrolled in a session) and to France Active (a financing application).
        ReferralId = await ReferAsync(db, "tag29-ideateur", now);
        await services.GetRequiredService<AcceptReferral>().RunAsync(UserIds[Actor.StructureWithReferral], Tag29Id, ReferralId);
        ProgrammeId = await db.Programmes.Where(p => p.Code == "tag29-ideateur").Select(p => p.Id).SingleAsync();
        SessionId = (await services.GetRequiredService<CreateSession>().RunAsync(UserIds[Actor.StructureWithReferral], Tag29Id, ProgrammeId, new SessionInput("Session du monde", new DateOnly(2027, 1, 10), new DateOnly(2027, 3, 10), "Morlaix", 8, null))).Id;
        await services.GetRequiredService<EnrolProject>().RunAsync(UserIds[Actor.StructureWithReferral], Tag29Id, SessionId, ReferralId, 2);
        EnrolmentId = await db.Enrolments.Where(e => e.ReferralId == ReferralId).Select(e => e.Id).SingleAsync();
        FinancingReferralId = await ReferAsync(db, "fab-cap-creation-ess", now);
        await services.GetRequiredService<AcceptReferral>().RunAsync(UserIds[Actor.Financer], franceActiveId, FinancingReferralId);
        FinancingId = (await services.GetRequiredService<ApplyForFinancing>().RunAsync(UserIds[Actor.Financer], franceActiveId, FinancingReferralId, new FinancingInput(FinancingInstrument.CapCreationEss, 12_000m, null, "Étude de faisabilité", null))).Id;
        var givenUp = services.GetRequiredService<EmailOutbox>().Add(new OutgoingEmail("injoignable@monde.test", "Boîte injoignable", "Un courriel abandonné", "Texte", "<p>Texte</p>"));
        givenUp.MarkFailed(now, "Refusé par le serveur SMTP (550) : boîte inconnue", maxAttempts: 1);
        await db.SaveChangesAsync();
        GivenUpEmailId = givenUp.Id;
        NeedId = (await services.GetRequiredService<RaiseNeed>().RunAsync(UserIds[Actor.StructureWithReferral], Tag29Id, new TerritoryNeedInput("Épicerie au bourg", "Plus de commerce au bourg", "Mairie", new DateOnly(2026, 1, 5)), "29151")).Id;
        await SeedPlatformAsync(db, franceActiveId, now);

        // The upcoming session's reading pack, frozen and published as the coordinators do it.
        var packs = services.GetRequiredService<Web.Features.Platform.Pack.ReadingPacks>();
        await packs.FreezeAsync(UserIds[Actor.Coordinator], UpcomingPlatformSessionId, CancellationToken.None);
        await packs.PublishAsync(UserIds[Actor.Coordinator], UpcomingPlatformSessionId, CancellationToken.None);
        ReadingPackId = await db.ReadingPacks.Where(p => p.SessionId == UpcomingPlatformSessionId).Select(p => p.Id).SingleAsync();
        await SeedEvaluationAsync(services, db, now);
    }

    private async Task SeedEvaluationAsync(IServiceProvider services, TrajectoirEssDbContext db, DateTimeOffset now)
    {
        var coordinator = UserIds[Actor.Coordinator];
        var pole = new OrganisationRef(OrganisationKind.Pole, MorlaixPoleId);
        var tag29 = new OrganisationRef(OrganisationKind.Structure, Tag29Id);
        var region = new OrganisationRef(OrganisationKind.PublicAuthority, RegionId);
        var drafted = now.AddYears(-3);

        var v1 = Referential.Draft(Guid.CreateVersion7(), "Référentiel d'utilité sociale du monde", coordinator, drafted);
        var access = v1.AddValue("Accès de toutes et tous à l'entrepreneuriat", "Chacun, où qu'il vive, peut être accompagné.", drafted);
        var together = v1.AddValue("Coopération entre acteurs", "Les acteurs orientent ensemble.", drafted);
        var rural = v1.AddQuestion("Le programme touche-t-il les territoires ruraux ?", "Renforcer ou non l'accueil itinérant", drafted);
        var chain = v1.AddQuestion("Les acteurs se passent-ils les projets ?", "Ajuster les conventions entre acteurs", drafted);
        var reached = v1.AddCriterion(access.Id, rural.Id, "Les porteurs ruraux sont accueillis", drafted);
        var passed = v1.AddCriterion(together.Id, chain.Id, "Les projets passent d'un acteur à l'autre", drafted);
        IndicatorTerms Computed(string title, MeasureCode measure) =>
            new(title, IndicatorLevel.Realisation, Measures.Of(measure).Unit, IndicatorDirection.HigherIsBetter, IndicatorSource.Computed, measure, null, null, Breakdowns.Year | Breakdowns.Pole);
        v1.AddIndicator(reached.Id, Computed("Projets accueillis", MeasureCode.ProjectsWelcomed), drafted);
        v1.AddIndicator(reached.Id, Computed("Part des porteurs ruraux", MeasureCode.RuralPorteursShare), drafted);
        DeclaredPercentIndicatorId = v1.AddIndicator(passed.Id, new("Part des porteurs satisfaits de l'orientation", IndicatorLevel.Resultat, MeasureUnit.Percent, IndicatorDirection.HigherIsBetter, IndicatorSource.Declared, null, 50, 70, Breakdowns.Pole), drafted).Id;
        DeclaredCountIndicatorId = v1.AddIndicator(passed.Id, new("Rencontres entre acteurs organisées", IndicatorLevel.Realisation, MeasureUnit.Count, IndicatorDirection.HigherIsBetter, IndicatorSource.Declared, null, null, 12, Breakdowns.Pole), drafted).Id;
        v1.OpenConsultation(coordinator, drafted.AddDays(1));
        v1.Adopt(DateOnly.FromDateTime(drafted.AddDays(30).UtcDateTime), HeldPlatformSessionId, null, null, coordinator, drafted.AddDays(30));
        var v2 = v1.StartNextVersion(Guid.CreateVersion7(), coordinator, now.AddDays(-20));
        v2.OpenConsultation(coordinator, now.AddDays(-19));
        ConsultationCommentId = v2.Comment(new CommentTarget(CommentTargetKind.Question, v2.Questions[0].Id), "Ajouter les quartiers prioritaires à la question.", pole, UserIds[Actor.PoleStaff], now.AddDays(-10)).Id;
        db.Referentials.AddRange(v1, v2);
        AdoptedReferentialId = v1.Id;
        ConsultationReferentialId = v2.Id;
        ConsultationQuestionId = v2.Questions[0].Id;

        // Two past campaigns, frozen; this year's open.
        async Task<Campaign> FrozenAsync(int year)
        {
            var opened = new DateTimeOffset(year + 1, 1, 10, 9, 0, 0, TimeSpan.Zero);
            var campaign = Campaign.Open(Guid.CreateVersion7(), v1, year, DateOnly.FromDateTime(opened.AddDays(50).UtcDateTime), [pole, tag29], coordinator, opened);
            foreach (var (organisation, user) in new[] { (pole, UserIds[Actor.PoleStaff]), (tag29, UserIds[Actor.StructureWithReferral]) })
            {
                campaign.Declare(v1, organisation, DeclaredPercentIndicatorId, 64, null, user, opened.AddDays(5));
                campaign.Declare(v1, organisation, DeclaredCountIndicatorId, 9, "Rencontres trimestrielles", user, opened.AddDays(5));
                campaign.SubmitAll(organisation, user, opened.AddDays(6));
            }

            foreach (var value in campaign.Values.ToList())
            {
                campaign.Validate(value.Id, coordinator, opened.AddDays(20));
            }

            db.Campaigns.Add(campaign);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            await services.GetRequiredService<Web.Features.Evaluation.Computation.CampaignFreezing>().FreezeAsync(campaign.Id, coordinator, opened.AddDays(60));
            return campaign;
        }

        var earlier = await FrozenAsync(now.Year - 2);
        var last = await FrozenAsync(now.Year - 1);
        EarlierFrozenCampaignId = earlier.Id;
        FrozenCampaignId = last.Id;

        var open = Campaign.Open(Guid.CreateVersion7(), v1, now.Year, DateOnly.FromDateTime(now.AddDays(30).UtcDateTime), [pole, tag29], coordinator, now.AddDays(-5));
        PoleEnteredValueId = open.Declare(v1, pole, DeclaredPercentIndicatorId, 58, null, UserIds[Actor.PoleStaff], now.AddDays(-2)).Id;
        PoleSubmittedValueId = open.Declare(v1, pole, DeclaredCountIndicatorId, 4, null, UserIds[Actor.PoleStaff], now.AddDays(-2)).Id;
        open.Submit(pole, DeclaredCountIndicatorId, UserIds[Actor.PoleStaff], now.AddDays(-1));
        db.Campaigns.Add(open);
        OpenCampaignId = open.Id;

        var draft = EvaluationReading.Start(Guid.CreateVersion7(), await db.Campaigns.SingleAsync(c => c.Id == earlier.Id), coordinator, now.AddDays(-300));
        var draftFinding = draft.RecordFinding(v1, chain.Id, new FindingTerms("Les projets passent plus souvent d'un acteur à l'autre.", AgreementLevel.Consensus, null, null, true), coordinator, now.AddDays(-300));
        draft.Interpret(draftFinding.Id, "Les comités d'orientation communs portent leurs fruits.", tag29, coordinator, now.AddDays(-300));
        DraftRecommendationId = draft.Recommend(draftFinding.Id, "Réunir les comités d'orientation chaque trimestre.", coordinator, now.AddDays(-300)).Id;
        draft.Schedule(await db.PlatformSessions.SingleAsync(x => x.Id == UpcomingPlatformSessionId), coordinator, now.AddDays(-30));
        DraftFindingId = draftFinding.Id;
        DraftReadingId = draft.Id;
        DraftQuestionId = chain.Id;
        PublishedQuestionId = rural.Id;

        var published = EvaluationReading.Start(Guid.CreateVersion7(), await db.Campaigns.SingleAsync(c => c.Id == last.Id), coordinator, now.AddDays(-60));
        var finding = published.RecordFinding(v1, rural.Id, new FindingTerms("Les porteurs ruraux restent moins accueillis.", AgreementLevel.Majority, "Le pôle lit une sous-déclaration des communes rurales.", "Des porteurs ruraux orientés trop vite vers un financement.", true), coordinator, now.AddDays(-60));
        published.Interpret(finding.Id, "L'accueil itinérant manque de moyens.", region, coordinator, now.AddDays(-60));
        published.Interpret(finding.Id, "Les communes rurales sont sous-déclarées par les porteurs.", pole, coordinator, now.AddDays(-60));
        published.Recommend(finding.Id, "Ouvrir une permanence mensuelle dans chaque EPCI rural.", coordinator, now.AddDays(-60));
        published.WriteSummary("Ce que les acteurs ont lu ensemble de l'année écoulée.", coordinator, now.AddDays(-60));
        published.ChooseKeyIndicators(v1, [v1.Indicators[0].Id, v1.Indicators[1].Id], coordinator, now.AddDays(-60));
        published.Publish(coordinator, now.AddDays(-59));
        PublishedFindingId = finding.Id;
        PublishedReadingId = published.Id;
        db.EvaluationReadings.AddRange(draft, published);
        db.DiscardDomainEvents();
        await db.SaveChangesAsync();
    }

    private async Task SeedPlatformAsync(TrajectoirEssDbContext db, Guid franceActiveId, DateTimeOffset now)
    {
        var coordinator = UserIds[Actor.Coordinator];
        var body = await db.Bodies.SingleAsync(b => b.Kind == BodyKind.Platform);
        PlatformBodyId = body.Id;
        var since = DateOnly.FromDateTime(now.AddYears(-2).Date);
        var pole = new OrganisationRef(OrganisationKind.Pole, MorlaixPoleId);
        var region = new OrganisationRef(OrganisationKind.PublicAuthority, RegionId);
        var poleMembership = body.AddMember(pole, College.Poles, since, null, coordinator, now);
        body.AddMember(new OrganisationRef(OrganisationKind.Structure, Tag29Id), College.EssActors, since, null, coordinator, now);
        body.AddMember(new OrganisationRef(OrganisationKind.Structure, franceActiveId), College.EssActors, since, null, coordinator, now);
        var regionMembership = body.AddMember(region, College.PublicAuthorities, since, null, coordinator, now);
        body.NameRepresentative(poleMembership.Id, UserIds[Actor.PoleStaff], "Chargée de mission", since, null, coordinator, now);
        body.NameRepresentative(regionMembership.Id, UserIds[Actor.PublicPartner], "Chargé de mission ESS", since, null, coordinator, now);

        // The past session: planned four months ahead of itself, convened, held, a decision, minutes for the public, closed.
        var heldAt = now.AddDays(-120);
        var held = PlatformSession.Plan(Guid.CreateVersion7(), body, heldAt, 180, "Hôtel de Région, Rennes", null, null, coordinator, heldAt.AddDays(-60));
        var item = held.AddAgendaItem("Lecture des indicateurs du semestre", 60, AgendaItemKind.Analysis, null, heldAt.AddDays(-30));
        held.Invite(body, coordinator, heldAt.AddDays(-30));
        held.Convene(coordinator, heldAt.AddDays(-30));
        held.Register(pole, UserIds[Actor.PoleStaff], heldAt.AddDays(-20));
        held.Hold(coordinator, heldAt.AddHours(3));
        held.RecordAttendance(pole, AttendanceStatus.Present, null, coordinator, heldAt.AddHours(4));
        held.RecordAttendance(region, AttendanceStatus.Present, null, coordinator, heldAt.AddHours(4));
        var decision = held.RecordDecision("Mieux accueillir les projets collectifs en zone rurale", item.Id, pole, coordinator, heldAt.AddHours(4));
        held.WriteMinutes("La plateforme a lu les indicateurs du semestre et décidé d'agir pour les projets collectifs en zone rurale.", MinutesVisibility.Public, coordinator, heldAt.AddDays(2));
        held.Close(coordinator, heldAt.AddDays(3));
        db.PlatformSessions.Add(held);
        HeldPlatformSessionId = held.Id;

        // The next session, convened.
        var upcoming = PlatformSession.Plan(Guid.CreateVersion7(), body, now.AddDays(40), 180, "Maison de l'ESS, Morlaix", null, null, coordinator, now);
        upcoming.AddAgendaItem("Revue des engagements", 45, AgendaItemKind.CommitmentsReview, null, now);
        upcoming.Invite(body, coordinator, now);
        upcoming.Convene(coordinator, now);
        db.PlatformSessions.Add(upcoming);
        UpcomingPlatformSessionId = upcoming.Id;

        var objective = await db.StrategyObjectives.OrderBy(o => o.Code).FirstAsync();
        StrategyObjectiveId = objective.Id;
        var poleCommitment = Commitment.Make(
            Guid.CreateVersion7(),
            new CommitmentTerms("Un accueil itinérant des projets collectifs", "Des permanences dans trois communes rurales", pole, [region], objective, DateOnly.FromDateTime(now.AddDays(200).Date), null),
            held,
            decision.Id,
            coordinator,
            heldAt.AddDays(1));
        poleCommitment.Start(UserIds[Actor.PoleStaff], heldAt.AddDays(10));
        poleCommitment.PostUpdate("Deux permanences ont eu lieu.", 30, pole, UserIds[Actor.PoleStaff], heldAt.AddDays(40));
        var regionCommitment = Commitment.Make(
            Guid.CreateVersion7(),
            new CommitmentTerms("Un appel à projets pour les tiers-lieux ruraux", null, region, [], objective, null, upcoming.Id),
            held,
            null,
            coordinator,
            heldAt.AddDays(1));
        db.Commitments.AddRange(poleCommitment, regionCommitment);
        PoleCommitmentId = poleCommitment.Id;
        RegionCommitmentId = regionCommitment.Id;
        db.DiscardDomainEvents();
        await db.SaveChangesAsync();
    }

    private async Task<Guid> ReferAsync(TrajectoirEssDbContext db, string programmeCode, DateTimeOffset now)
    {
        var project = await db.Projects.SingleAsync(p => p.Id == ProjectId);
        var programme = await db.Programmes.SingleAsync(p => p.Code == programmeCode);
        var referral = Referral.Create(project.SharedWith(programme), programme, [], MorlaixPoleId, UserIds[Actor.PoleStaff], "Merci d'étudier ce projet", now);
        db.Referrals.Add(referral);
        db.DiscardDomainEvents();
        await db.SaveChangesAsync();
        return referral.Id;
    }

    /// <summary>A client that does not follow redirects (so each answer is seen as sent), signed in as the actor.</summary>
    public async Task<HtmlClient> ClientForAsync(Actor actor)
    {
        var client = new HtmlClient(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseAddress }));
        if (actor == Actor.Anonymous)
        {
            return client;
        }

        using var response = await client.SubmitAsync((await client.GetDocumentAsync("/compte/connexion")).Form(), new() { ["Adresse électronique"] = ActorEmails[actor], ["Mot de passe"] = Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/compte/connexion", StringComparison.Ordinal) == false, $"Login as {actor} failed");
        return client;
    }

    /// <summary>The antiforgery token of a client's session (from any form).</summary>
    public static async Task<string> TokenAsync(HtmlClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await client.GetDocumentAsync("/compte/connexion")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
