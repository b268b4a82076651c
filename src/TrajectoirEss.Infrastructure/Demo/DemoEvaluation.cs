using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Infrastructure.Demo;

/// <summary>
/// The evaluation's first référentiel for the demo, built from the programme's values (issue 21): five values written
/// for the public, eight evaluative questions each tied to a decision, fifteen criteria and thirty indicators (twenty
/// computed from the portal's records, eight declared by the organisations, a survey and a qualitative one for the
/// evaluation's second part), put to the members' consultation in spring 2022 and adopted by the coordination
/// platform in June 2022 — its contributions answered, kept with it.
/// </summary>
public sealed class DemoEvaluation(TrajectoirEssDbContext db)
{
    public static readonly DateOnly AdoptedOn = new(2022, 6, 14);

    private static readonly (string Title, string Text)[] Values =
    [
        ("Entreprendre autrement et ensemble", "Nous accompagnons des projets portés à plusieurs, qui partagent le pouvoir et les résultats : associations, coopératives, sociétés de l'ESS."),
        ("Ancrage territorial", "Chaque territoire de Bretagne, rural ou urbain, a son pôle ESS : l'idée d'un habitant y est accueillie près de chez lui."),
        ("Accès de toutes et tous à l'entrepreneuriat", "Entreprendre ne doit pas être réservé à celles et ceux qui en ont déjà les codes : le programme va au-devant des personnes qui n'y pensaient pas."),
        ("Coopération entre acteurs", "Les pôles, les TAg, Kejal, France Active, les CAE et l'URSCOP font un seul parcours : un projet passe de l'un à l'autre sans se perdre."),
        ("Des emplois de qualité et durables", "Les entreprises créées durent, créent des emplois et les font vivre dans de bonnes conditions."),
    ];

    private static readonly (string Text, string Decision)[] Questions =
    [
        ("Le programme permet-il à des projets collectifs d'aboutir ?", "Renforcer ou non l'accompagnement spécifique des collectifs"),
        ("Les projets trouvent-ils sans délai la bonne suite après l'accueil ?", "Organiser des comités d'orientation départementaux"),
        ("Le programme touche-t-il tous les territoires, ruraux compris ?", "Développer l'accueil itinérant dans les communes rurales"),
        ("Les personnes éloignées de l'entrepreneuriat y accèdent-elles ?", "Financer des actions d'aller-vers dans les quartiers et avec les missions locales"),
        ("Les parcours relient-ils plusieurs structures ?", "Outiller la coordination entre les structures d'accompagnement"),
        ("Les entreprises créées durent-elles et créent-elles de l'emploi ?", "Mettre en place un suivi après la création"),
        ("Le financement suit-il l'accompagnement ?", "Articuler les financements régionaux, départementaux et ceux de France Active"),
        ("Les acteurs coopèrent-ils davantage au fil des années ?", "Choisir comment animer le réseau des acteurs"),
    ];

    // Criterion: text, value index, question index.
    private static readonly (string Text, int Value, int Question)[] Criteria =
    [
        ("Les projets collectifs sont accueillis", 0, 0),
        ("Les projets collectifs deviennent des entreprises", 0, 0),
        ("Les projets sont orientés rapidement", 3, 1),
        ("Les structures répondent aux orientations dans les délais", 3, 1),
        ("Tous les départements sont couverts", 1, 2),
        ("Les communes rurales sont touchées", 1, 2),
        ("Des personnes nouvelles viennent à l'entrepreneuriat", 2, 3),
        ("Les idées sont explorées avant d'être écartées", 2, 3),
        ("Les projets passent d'un programme à l'autre", 3, 4),
        ("Plusieurs structures accompagnent un même projet", 3, 4),
        ("Des entreprises sont créées", 4, 5),
        ("Les entreprises créées emploient", 4, 5),
        ("Les études de faisabilité sont financées", 4, 6),
        ("Les acteurs prennent part à la coordination", 3, 7),
        ("Les financements irriguent tous les territoires", 1, 6),
    ];

    private static readonly (int Criterion, IndicatorTerms Terms)[] IndicatorRows =
    [
        (0, C("Projets collectifs parmi les projets accueillis", IndicatorLevel.Realisation, MeasureCode.CollectiveProjectsShare, IndicatorDirection.HigherIsBetter, 38, 45, Breakdowns.Year | Breakdowns.Departement | Breakdowns.Pole)),
        (0, D("Ateliers collectifs d'émergence animés", IndicatorLevel.Realisation, MeasureUnit.Count, null, 40)),
        (1, C("Entreprises créées", IndicatorLevel.Resultat, MeasureCode.CompaniesCreated, IndicatorDirection.HigherIsBetter, 45, 60, Breakdowns.Year | Breakdowns.Departement | Breakdowns.Pole)),
        (1, D("Entreprises créées en Scop ou en Scic", IndicatorLevel.Resultat, MeasureUnit.Count, 6, 12)),
        (2, C("Délai médian entre l'accueil et la première orientation", IndicatorLevel.Realisation, MeasureCode.MedianDaysToFirstReferral, IndicatorDirection.LowerIsBetter, 45, 30, Breakdowns.Year)),
        (2, C("Délai médian avant le premier contact", IndicatorLevel.Realisation, MeasureCode.MedianDaysToFirstContact, IndicatorDirection.LowerIsBetter, 12, 8, Breakdowns.Year | Breakdowns.Pole)),
        (3, C("Orientations traitées dans les délais", IndicatorLevel.Realisation, MeasureCode.ReferralsAnsweredWithinDeadline, IndicatorDirection.HigherIsBetter, 70, 90, Breakdowns.Year | Breakdowns.Programme)),
        (4, C("Projets accueillis par département", IndicatorLevel.Realisation, MeasureCode.ProjectsWelcomed, IndicatorDirection.HigherIsBetter, 380, 450, Breakdowns.Year | Breakdowns.Departement)),
        (4, C("Porteurs accueillis", IndicatorLevel.Realisation, MeasureCode.PorteursWelcomed, IndicatorDirection.HigherIsBetter, 600, 700, Breakdowns.Year | Breakdowns.Departement | Breakdowns.Pole)),
        (5, C("Porteurs des communes de moins de 2 000 habitants", IndicatorLevel.Impact, MeasureCode.RuralPorteursShare, IndicatorDirection.HigherIsBetter, 18, 25, Breakdowns.Year | Breakdowns.Departement)),
        (5, D("Permanences d'accueil tenues dans des communes rurales", IndicatorLevel.Realisation, MeasureUnit.Count, null, 60)),
        (6, D("Actions d'aller-vers (quartiers, missions locales, lycées)", IndicatorLevel.Realisation, MeasureUnit.Count, null, 50)),
        (6, new IndicatorTerms("Porteurs qui n'avaient jamais envisagé d'entreprendre", IndicatorLevel.Resultat, MeasureUnit.Percent, IndicatorDirection.HigherIsBetter, IndicatorSource.Survey, null, null, 40, Breakdowns.Year)),
        (7, C("Idées explorées avec l'idéateur", IndicatorLevel.Realisation, MeasureCode.IdeasExplored, IndicatorDirection.HigherIsBetter, 90, 110, Breakdowns.Year | Breakdowns.Programme)),
        (7, C("Études d'opportunité conclues", IndicatorLevel.Realisation, MeasureCode.OpportunityStudies, IndicatorDirection.HigherIsBetter, 40, 50, Breakdowns.Year | Breakdowns.Programme)),
        (7, C("Personnes formées par Creopss", IndicatorLevel.Realisation, MeasureCode.CreopssPeople, IndicatorDirection.HigherIsBetter, 45, 60, Breakdowns.Year)),
        (8, C("Projets qui atteignent un second programme", IndicatorLevel.Resultat, MeasureCode.SecondProgrammeShare, IndicatorDirection.HigherIsBetter, 25, 35, Breakdowns.Year | Breakdowns.Departement)),
        (8, C("Projets accompagnés par l'incubateur", IndicatorLevel.Realisation, MeasureCode.IncubatedProjects, IndicatorDirection.HigherIsBetter, 40, 48, Breakdowns.Year | Breakdowns.Programme)),
        (9, C("Structures différentes sur un parcours", IndicatorLevel.Resultat, MeasureCode.DistinctStructuresPerTrajectory, IndicatorDirection.HigherIsBetter, 1.3m, 1.8m, Breakdowns.Year)),
        (9, D("Projets suivis conjointement avec une autre structure", IndicatorLevel.Resultat, MeasureUnit.Count, null, 30)),
        (10, C("Entreprises créées pour 100 projets accueillis", IndicatorLevel.Resultat, MeasureCode.CompaniesPer100Welcomed, IndicatorDirection.HigherIsBetter, 10, 14, Breakdowns.Year | Breakdowns.Departement)),
        (10, D("Entreprises créées toujours en activité deux ans après", IndicatorLevel.Impact, MeasureUnit.Count, null, 40)),
        (11, C("Emplois créés", IndicatorLevel.Impact, MeasureCode.Jobs, IndicatorDirection.HigherIsBetter, 90, 120, Breakdowns.Year | Breakdowns.Departement | Breakdowns.Pole)),
        (11, C("Emplois par entreprise créée", IndicatorLevel.Impact, MeasureCode.JobsPerCompany, IndicatorDirection.HigherIsBetter, 1.8m, 2.2m, Breakdowns.Year)),
        (11, D("Part des emplois créés en CDI", IndicatorLevel.Impact, MeasureUnit.Percent, 55, 70)),
        (12, C("Études de faisabilité financées", IndicatorLevel.Realisation, MeasureCode.StudiesFinanced, IndicatorDirection.HigherIsBetter, 10, 14, Breakdowns.Year)),
        (12, C("Montants accordés aux études", IndicatorLevel.Realisation, MeasureCode.AmountGranted, IndicatorDirection.HigherIsBetter, 120_000, 180_000, Breakdowns.Year)),
        (13, D("Réunions de coordination territoriale tenues", IndicatorLevel.Realisation, MeasureUnit.Count, null, 24)),
        (13, new IndicatorTerms("Ce que les acteurs disent de leur coopération", IndicatorLevel.Impact, MeasureUnit.Count, IndicatorDirection.Neither, IndicatorSource.Qualitative, null, null, null, Breakdowns.Year)),
        (14, C("Montants accordés par département", IndicatorLevel.Impact, MeasureCode.AmountGranted, IndicatorDirection.Neither, null, null, Breakdowns.Year | Breakdowns.Departement)),
    ];

    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default) => db.Referentials.AnyAsync(cancellationToken);

    /// <summary>The first référentiel, consulted and adopted (ids new each time; the content the same).</summary>
    public async Task<Referential> CreateReferentialAsync(CancellationToken cancellationToken = default)
    {
        var coordinator = await DemoPlatformHistory.CoordinatorAsync(db, cancellationToken);
        var drafted = new DateTimeOffset(2022, 1, 17, 9, 0, 0, TimeSpan.Zero);
        var referential = Build(coordinator, drafted);

        // The consultation, from the members: two pôles and the Région; every contribution answered.
        referential.OpenConsultation(coordinator, drafted.AddDays(30));
        var contributors = await ContributorsAsync(cancellationToken);
        var consulted = drafted.AddDays(40);
        foreach (var (target, text, outcome, answer, who) in Contributions(referential))
        {
            if (contributors.Count == 0)
            {
                break;
            }

            var (organisation, person) = contributors[who % contributors.Count];
            var comment = referential.Comment(target, text, organisation, person, consulted);
            referential.AnswerComment(comment.Id, outcome, answer, coordinator, consulted.AddDays(20));
            consulted = consulted.AddDays(3);
        }

        referential.Adopt(AdoptedOn, null, "Plateforme de coordination de la stratégie régionale de l'ESS", null, coordinator, new DateTimeOffset(AdoptedOn.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero));
        db.Referentials.Add(referential);
        db.DiscardDomainEvents();
        await db.SaveChangesAsync(cancellationToken);
        return referential;
    }

    /// <summary>The frame's content, as a draft (also what the tests check the demo against).</summary>
    public static Referential Build(Guid coordinator, DateTimeOffset at)
    {
        var referential = Referential.Draft(Guid.CreateVersion7(at), "Référentiel d'évaluation de l'utilité sociale de Trajectoir'ESS", coordinator, at);
        var values = Values.Select(v => referential.AddValue(v.Title, v.Text, at)).ToList();
        var questions = Questions.Select(q => referential.AddQuestion(q.Text, q.Decision, at)).ToList();
        var criteria = Criteria.Select(c => referential.AddCriterion(values[c.Value].Id, questions[c.Question].Id, c.Text, at)).ToList();
        foreach (var (criterion, terms) in IndicatorRows)
        {
            referential.AddIndicator(criteria[criterion].Id, terms, at);
        }

        return referential;
    }

    private static IEnumerable<(CommentTarget Target, string Text, CommentOutcome Outcome, string? Answer, int Who)> Contributions(Referential referential)
    {
        var rural = referential.Criteria.Single(c => c.Text == "Les communes rurales sont touchées");
        var cooperation = referential.Values.Single(v => v.Title == "Coopération entre acteurs");
        var jobs = referential.Indicators.Single(i => i.Title == "Part des emplois créés en CDI");
        yield return (new CommentTarget(CommentTargetKind.Criterion, rural.Id), "Que veut dire « rural » ? Nos communautés de communes mêlent bourgs et campagne.", CommentOutcome.Changed, "Le critère s'appuie sur les communes de moins de 2 000 habitants, définition précisée dans l'indicateur.", 0);
        yield return (new CommentTarget(CommentTargetKind.Value, cooperation.Id), "La coopération ne se voit pas seulement dans les parcours : aussi dans les réunions que nous tenons ensemble.", CommentOutcome.Changed, "Un indicateur déclaré compte désormais les réunions de coordination territoriale.", 1);
        yield return (new CommentTarget(CommentTargetKind.ProposedIndicator, null), "Suivre le chiffre d'affaires des entreprises créées.", CommentOutcome.Declined, "Donnée que le portail ne recueille pas et que les porteurs ne souhaitent pas partager ; le suivi à deux ans sera discuté avec les CAE.", 2);
        yield return (new CommentTarget(CommentTargetKind.Indicator, jobs.Id), "Le CDI n'est pas le seul emploi de qualité dans l'ESS (CDD d'insertion, entrepreneurs-salariés).", CommentOutcome.Kept, "Remarque juste, gardée pour la prochaine version ; l'indicateur reste tel quel pour la première campagne.", 2);
        yield return (new CommentTarget(CommentTargetKind.Frame, null), "Un référentiel lisible par les élus : gardons peu d'indicateurs par question.", CommentOutcome.Kept, null, 1);
    }

    private async Task<List<(OrganisationRef Organisation, Guid Person)>> ContributorsAsync(CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking()
            .Where(u => u.PoleId != null || u.PublicAuthorityId != null)
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.PoleId, u.PublicAuthorityId })
            .ToListAsync(cancellationToken);
        return
        [
            .. people.Select(p => (p.PoleId is { } pole ? new OrganisationRef(OrganisationKind.Pole, pole) : new OrganisationRef(OrganisationKind.PublicAuthority, p.PublicAuthorityId!.Value), p.Id))
                .DistinctBy(p => p.Item1)
                .Take(3),
        ];
    }

    private static IndicatorTerms C(string title, IndicatorLevel level, MeasureCode measure, IndicatorDirection direction, decimal? baseline, decimal? target, Breakdowns breakdowns) =>
        new(title, level, Measures.Of(measure).Unit, direction, IndicatorSource.Computed, measure, baseline, target, breakdowns);

    private static IndicatorTerms D(string title, IndicatorLevel level, MeasureUnit unit, decimal? baseline, decimal? target) =>
        new(title, level, unit, IndicatorDirection.HigherIsBetter, IndicatorSource.Declared, null, baseline, target, Breakdowns.Pole);
}
