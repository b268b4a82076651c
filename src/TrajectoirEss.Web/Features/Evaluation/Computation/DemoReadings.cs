using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Evaluation.Computation;

/// <summary>
/// The demo's shared readings (issue 21): for each frozen campaign, four findings on different evaluative questions
/// — rural reach, collective projects, delays to the first referral, cooperation between pôles and the TAg, France
/// Active, the CAE, quality of jobs — each interpreted by two or three organisations (pôles, structures, the Région),
/// with agreement levels that vary (consensus, majority, open disagreement with its dissent), negative effects noticed
/// on some, recommendations (some became the platform's commitments), a summary and key indicators. The readings of
/// the earlier years are published; the last frozen year's is in preparation, on the agenda of the platform's next
/// session. Organisations are named, never a person nor a project. Idempotent: a campaign with a reading is left.
/// </summary>
public sealed class DemoReadings(TrajectoirEssDbContext db)
{
    /// <summary>Who proposes an interpretation, among the demo's organisations.</summary>
    private enum Voice
    {
        RuralPole,
        CityPole,
        Tag,
        FranceActive,
        Cae,
        Urscop,
        Region,
    }

    private sealed record Template(int Question, string Observation, AgreementLevel Agreement, string? Dissent, string? NegativeEffects, (Voice Voice, string Text)[] Interpretations, (string Text, string? Commitment)[] Recommendations);

    private static readonly Template[] Pool =
    [
        new(
            0,
            "les projets collectifs représentent une part croissante des projets accueillis, mais une partie d'entre eux s'arrête avant l'étude d'opportunité.",
            AgreementLevel.Consensus,
            null,
            null,
            [
                (Voice.RuralPole, "Les collectifs arrivent souvent avec une idée déjà partagée, mais sans accord sur la gouvernance : c'est là qu'ils s'arrêtent."),
                (Voice.Urscop, "Une orientation plus précoce vers la coopération, Scop ou Scic, aide les collectifs à poser leurs règles communes."),
            ],
            [("Présenter les statuts coopératifs dès l'accueil des projets collectifs.", "Un guide commun d'orientation vers les Scop et Scic")]),
        new(
            1,
            "le délai entre l'accueil et la première orientation reste supérieur à la cible, avec de fortes différences entre départements.",
            AgreementLevel.OpenDisagreement,
            "Les structures d'accompagnement estiment que le délai mesure surtout le temps de maturation du porteur, pas un retard des acteurs ; les pôles y voient un manque de coordination.",
            "Des porteurs orientés trop tôt vers un financement, pour raccourcir le délai, avant que leur projet soit prêt.",
            [
                (Voice.CityPole, "Sans rendez-vous commun entre acteurs, chaque orientation attend la disponibilité d'un interlocuteur."),
                (Voice.Tag, "Un délai plus long n'est pas un échec : certains porteurs ont besoin de temps avant d'entrer dans un programme."),
                (Voice.Region, "Les écarts entre départements suivent ceux des moyens d'animation des pôles."),
            ],
            [
                ("Réunir chaque mois les acteurs d'un département pour orienter ensemble les projets accueillis.", "Un comité d'orientation mensuel par département"),
                ("Distinguer dans l'indicateur le temps de maturation choisi par le porteur.", null),
            ]),
        new(
            2,
            "la part des porteurs venant de communes de moins de 2 000 habitants progresse, sans atteindre la cible.",
            AgreementLevel.Majority,
            "Un pôle considère que l'indicateur sous-estime l'accueil rural, les porteurs déclarant souvent la commune de leur activité et non celle de leur domicile.",
            "Une charge d'accueil accrue pour les petits pôles, qui tiennent des permanences loin de leurs locaux.",
            [
                (Voice.RuralPole, "Les permanences itinérantes font venir des porteurs qui ne se seraient pas déplacés jusqu'au pôle."),
                (Voice.Region, "La progression suit l'ouverture des permanences dans les communes rurales ; elle reste fragile sans moyens dédiés."),
            ],
            [("Tenir des permanences d'accueil dans les communes rurales de chaque territoire.", "Des permanences itinérantes d'accueil en milieu rural")]),
        new(
            3,
            "les personnes éloignées de l'entrepreneuriat accèdent au programme surtout par les actions d'aller-vers menées avec les missions locales.",
            AgreementLevel.Consensus,
            null,
            null,
            [
                (Voice.CityPole, "Les ateliers dans les quartiers touchent des personnes qui n'auraient pas poussé la porte d'un pôle."),
                (Voice.Tag, "L'idéateur accueille ces personnes sans exiger un projet déjà formé : c'est ce qui les retient."),
            ],
            [("Poursuivre les ateliers d'idéation avec les missions locales et les lycées.", null)]),
        new(
            4,
            "les parcours relient plus souvent plusieurs structures, grâce aux projets suivis conjointement par les pôles, les TAg et les CAE.",
            AgreementLevel.Majority,
            "Une structure estime que le nombre de structures par parcours mesure aussi la complexité du parcours imposée au porteur.",
            "Des porteurs qui racontent plusieurs fois leur projet à des interlocuteurs différents.",
            [
                (Voice.Cae, "Le passage en coopérative d'activités et d'emploi après l'incubateur devient un chemin connu des porteurs."),
                (Voice.Tag, "Les comités communs entre pôles et TAg ont rendu les orientations plus naturelles."),
                (Voice.FranceActive, "Le partage de la fiche du projet évite de reprendre l'instruction à zéro au moment du financement."),
            ],
            [("Partager une fiche de projet unique entre structures, avec l'accord du porteur.", null)]),
        new(
            5,
            "les entreprises créées emploient en moyenne un peu moins de deux personnes ; la part des emplois en CDI varie fortement selon les territoires.",
            AgreementLevel.OpenDisagreement,
            "Les coopératives d'activités et d'emploi comptent autrement l'emploi des entrepreneurs salariés ; elles contestent une lecture qui ne retient que le CDI comme emploi de qualité.",
            "Une pression à créer des emplois vite, au détriment de leur durabilité.",
            [
                (Voice.Cae, "Le statut d'entrepreneur salarié protège le porteur sans être un CDI classique : l'indicateur devrait le reconnaître."),
                (Voice.Region, "La qualité des emplois se lit dans la durée : il faut suivre les entreprises au-delà de leur création."),
            ],
            [
                ("Suivre les entreprises créées deux ans après leur création.", "Une enquête de suivi des entreprises créées"),
                ("Proposer un accompagnement post-création avec les CAE.", "Un parcours de suivi des jeunes entreprises avec les CAE"),
            ]),
        new(
            6,
            "les études de faisabilité financées progressent, mais les projets des départements les moins dotés en accèdent moins.",
            AgreementLevel.Majority,
            "Un pôle estime que l'écart vient du calendrier des appels à projets départementaux plus que de l'information des porteurs.",
            "Des porteurs orientés trop tôt vers un financement, avant d'avoir validé leur modèle économique.",
            [
                (Voice.FranceActive, "Les porteurs accompagnés connaissent mal les outils de financement des études : une information commune aiderait."),
                (Voice.RuralPole, "Dans les petits territoires, le montage du dossier repose sur le pôle, qui manque de temps."),
            ],
            [("Informer chaque année les porteurs accompagnés des outils de financement des études.", "Une session d'information sur les outils de France Active")]),
        new(
            7,
            "les acteurs prennent davantage part à la coordination : les réunions de coordination territoriale se tiennent dans la plupart des départements.",
            AgreementLevel.Consensus,
            null,
            null,
            [
                (Voice.Region, "La plateforme de coordination donne un lieu commun pour lire les chiffres et décider ensemble."),
                (Voice.CityPole, "Les réunions territoriales sont utiles quand elles débouchent sur des orientations concrètes."),
            ],
            [("Ouvrir une rencontre annuelle aux porteurs, aux structures et aux élus.", null)]),
    ];

    /// <summary>Which findings each year's reading holds (indexes in <see cref="Pool"/>), so that years differ.</summary>
    private static readonly int[][] Years = [[0, 1, 2, 7], [1, 3, 4, 5], [2, 5, 6, 7], [0, 1, 4, 6]];

    private static readonly string[] KeyIndicatorTitles =
    [
        "Projets collectifs parmi les projets accueillis",
        "Délai médian entre l'accueil et la première orientation",
        "Porteurs des communes de moins de 2 000 habitants",
        "Projets qui atteignent un second programme",
        "Emplois par entreprise créée",
    ];

    public const int FindingsPerReading = 4;

    /// <summary>Creates a reading for each frozen campaign that has none; returns how many.</summary>
    public async Task<int> CreateAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var campaigns = await db.Campaigns.AsNoTracking().AsSplitQuery()
            .Where(c => c.Status == CampaignStatus.Frozen && !db.EvaluationReadings.Any(r => r.CampaignId == c.Id))
            .OrderBy(c => c.Year)
            .ToListAsync(cancellationToken);
        if (campaigns.Count == 0)
        {
            return 0;
        }

        var lastFrozen = await db.Campaigns.Where(c => c.Status == CampaignStatus.Frozen).MaxAsync(c => c.Year, cancellationToken);
        var coordinator = await DemoPlatformHistory.CoordinatorAsync(db, cancellationToken);
        var voices = await VoicesAsync(cancellationToken);
        if (voices.Count == 0)
        {
            return 0;
        }

        var commitments = await db.Commitments.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Title }).ToListAsync(cancellationToken);
        var nextSession = await db.PlatformSessions.AsNoTracking()
            .Where(s => s.Status != PlatformSessionStatus.Closed && s.Status != PlatformSessionStatus.Cancelled && s.StartsAt > now)
            .OrderBy(s => s.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        var created = 0;
        foreach (var campaign in campaigns)
        {
            var referential = await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == campaign.ReferentialId, cancellationToken);
            var at = Min(new DateTimeOffset(campaign.Year + 1, 4, 2, 9, 0, 0, TimeSpan.Zero), now);
            var reading = EvaluationReading.Start(Guid.CreateVersion7(at), campaign, coordinator, at);
            var templates = Years[(campaign.Year - DemoCampaigns.FirstYear) % Years.Length].Select(i => Pool[i]).ToList();
            foreach (var (template, index) in templates.Select((t, i) => (t, i)))
            {
                if (template.Question >= referential.Questions.Count)
                {
                    continue;
                }

                var observation = $"En {campaign.Year}, {template.Observation}";
                var finding = reading.RecordFinding(
                    referential,
                    referential.Questions[template.Question].Id,
                    new FindingTerms(observation, template.Agreement, template.Dissent, template.NegativeEffects, index < 2),
                    coordinator,
                    at);
                foreach (var (voice, text) in template.Interpretations)
                {
                    reading.Interpret(finding.Id, text, voices.GetValueOrDefault(voice, voices.Values.First()), coordinator, at);
                }

                foreach (var (text, commitmentTitle) in template.Recommendations)
                {
                    var recommendation = reading.Recommend(finding.Id, text, coordinator, at);
                    if (commitmentTitle is not null && commitments.FirstOrDefault(c => c.Title == commitmentTitle) is { } commitment
                        && !reading.Findings.SelectMany(f => f.Recommendations).Any(r => r.CommitmentId == commitment.Id))
                    {
                        reading.LinkCommitment(finding.Id, recommendation.Id, commitment.Id, coordinator, at);
                    }
                }
            }

            reading.WriteSummary(
                $"En {campaign.Year}, les acteurs du programme ont lu ensemble les résultats de la campagne d'évaluation : "
                + "l'accueil des projets collectifs et des porteurs ruraux progresse, les délais d'orientation restent un sujet de débat, "
                + "et la coopération entre pôles, TAg, France Active et CAE s'installe. Les désaccords sont consignés avec chaque constat.",
                coordinator,
                at);
            var keys = KeyIndicatorTitles
                .Select(title => referential.Indicators.FirstOrDefault(i => i.Title == title && i.Terms.Source.IsQuantitative()))
                .OfType<EvaluationIndicator>()
                .Select(i => i.Id)
                .ToList();
            if (keys.Count == 0)
            {
                keys = [.. referential.Indicators.Where(i => i.Terms.Source.IsQuantitative()).Take(4).Select(i => i.Id)];
            }

            reading.ChooseKeyIndicators(referential, keys, coordinator, at);
            if (campaign.Year < lastFrozen)
            {
                reading.Publish(coordinator, Min(new DateTimeOffset(campaign.Year + 1, 6, 20, 14, 0, 0, TimeSpan.Zero), now));
            }
            else if (nextSession is not null)
            {
                reading.Schedule(nextSession, coordinator, at);
            }

            db.EvaluationReadings.Add(reading);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync(cancellationToken);
            created++;
        }

        return created;
    }

    /// <summary>The demo's organisations that speak in the readings (a voice with no such organisation is left out).</summary>
    private async Task<Dictionary<Voice, OrganisationRef>> VoicesAsync(CancellationToken cancellationToken)
    {
        var voices = new Dictionary<Voice, OrganisationRef>();
        var poles = await db.Poles.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
        if (poles.Count > 0)
        {
            voices[Voice.RuralPole] = new OrganisationRef(OrganisationKind.Pole, poles[0]);
            voices[Voice.CityPole] = new OrganisationRef(OrganisationKind.Pole, poles[^1]);
        }

        var structures = await db.Structures.AsNoTracking().Where(s => s.IsActive).Select(s => new { s.Id, s.Code }).ToListAsync(cancellationToken);
        void Structure(Voice voice, string code)
        {
            if (structures.FirstOrDefault(s => s.Code == code) is { } structure)
            {
                voices[voice] = new OrganisationRef(OrganisationKind.Structure, structure.Id);
            }
        }

        Structure(Voice.Tag, "tag29");
        Structure(Voice.FranceActive, "france-active-bretagne");
        Structure(Voice.Cae, "cae-chrysalide");
        Structure(Voice.Urscop, "urscop-ouest");
        if (await db.PublicAuthorities.AsNoTracking().Where(a => a.Code == "region-bretagne").Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken) is { } region)
        {
            voices[Voice.Region] = new OrganisationRef(OrganisationKind.PublicAuthority, region);
        }

        return voices;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
