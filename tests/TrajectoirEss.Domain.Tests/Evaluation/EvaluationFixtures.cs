using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;

namespace TrajectoirEss.Domain.Tests.Evaluation;

internal static class EvaluationFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Coordinator = Guid.CreateVersion7();
    public static readonly Guid PoleStaff = Guid.CreateVersion7();
    public static readonly OrganisationRef Pole = new(OrganisationKind.Pole, Guid.CreateVersion7());
    public static readonly OrganisationRef OtherPole = new(OrganisationKind.Pole, Guid.CreateVersion7());
    public static readonly Guid SessionId = Guid.CreateVersion7();

    public static IndicatorTerms Computed(MeasureCode measure = MeasureCode.ProjectsWelcomed, decimal? target = 450) =>
        new("Projets accueillis", IndicatorLevel.Realisation, Measures.Of(measure).Unit, IndicatorDirection.HigherIsBetter, IndicatorSource.Computed, measure, null, target, Breakdowns.Year | Breakdowns.Pole);

    public static IndicatorTerms Declared(MeasureUnit unit = MeasureUnit.Percent, decimal? target = 60) =>
        new("Part des porteurs satisfaits de l'accueil", IndicatorLevel.Resultat, unit, IndicatorDirection.HigherIsBetter, IndicatorSource.Declared, null, null, target, Breakdowns.Pole);

    /// <summary>A complete draft: a value, a question, a criterion, a computed and a declared indicator.</summary>
    public static Referential Draft()
    {
        var referential = Referential.Draft(Guid.CreateVersion7(), "Référentiel d'utilité sociale", Coordinator, T0);
        var value = referential.AddValue("Accès de toutes et tous à l'entrepreneuriat", "Chacun, où qu'il vive, peut être accompagné.", T0);
        var question = referential.AddQuestion("Le programme touche-t-il les territoires ruraux ?", "Renforcer ou non l'accueil itinérant", T0);
        var criterion = referential.AddCriterion(value.Id, question.Id, "Les porteurs ruraux sont accueillis", T0);
        referential.AddIndicator(criterion.Id, Computed(), T0);
        referential.AddIndicator(criterion.Id, Declared(), T0);
        return referential;
    }

    public static Referential InStatus(ReferentialStatus status)
    {
        var referential = Draft();
        if (status == ReferentialStatus.Draft)
        {
            return referential;
        }

        referential.OpenConsultation(Coordinator, T0.AddDays(1));
        if (status == ReferentialStatus.UnderConsultation)
        {
            return referential;
        }

        referential.Adopt(new DateOnly(2026, 3, 20), SessionId, null, null, Coordinator, T0.AddDays(20));
        if (status == ReferentialStatus.Adopted)
        {
            return referential;
        }

        var next = referential.StartNextVersion(Guid.CreateVersion7(), Coordinator, T0.AddDays(30));
        next.OpenConsultation(Coordinator, T0.AddDays(31));
        next.Adopt(new DateOnly(2026, 5, 2), SessionId, null, referential, Coordinator, T0.AddDays(62));
        return referential;
    }

    public static Referential Adopted() => InStatus(ReferentialStatus.Adopted);

    public static Campaign OpenCampaign(Referential referential) =>
        Campaign.Open(Guid.CreateVersion7(), referential, 2025, new DateOnly(2026, 4, 30), [Pole, OtherPole], Coordinator, T0.AddDays(25));
}
