using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Evaluation;
using static TrajectoirEss.Domain.Tests.Evaluation.EvaluationFixtures;

namespace TrajectoirEss.Domain.Tests.Evaluation;

public sealed class ReferentialTests
{
    /// <summary>Every status × action, written out by hand: the expected table, independent of the code's.</summary>
    public static TheoryData<ReferentialStatus, ReferentialAction, ReferentialStatus?> Table() => new()
    {
        { ReferentialStatus.Draft, ReferentialAction.EditFrame, ReferentialStatus.Draft },
        { ReferentialStatus.Draft, ReferentialAction.OpenConsultation, ReferentialStatus.UnderConsultation },
        { ReferentialStatus.Draft, ReferentialAction.Comment, null },
        { ReferentialStatus.Draft, ReferentialAction.AnswerComment, null },
        { ReferentialStatus.Draft, ReferentialAction.Adopt, null },
        { ReferentialStatus.Draft, ReferentialAction.Replace, null },
        { ReferentialStatus.Draft, ReferentialAction.StartNextVersion, null },
        { ReferentialStatus.UnderConsultation, ReferentialAction.EditFrame, ReferentialStatus.UnderConsultation },
        { ReferentialStatus.UnderConsultation, ReferentialAction.OpenConsultation, null },
        { ReferentialStatus.UnderConsultation, ReferentialAction.Comment, ReferentialStatus.UnderConsultation },
        { ReferentialStatus.UnderConsultation, ReferentialAction.AnswerComment, ReferentialStatus.UnderConsultation },
        { ReferentialStatus.UnderConsultation, ReferentialAction.Adopt, ReferentialStatus.Adopted },
        { ReferentialStatus.UnderConsultation, ReferentialAction.Replace, null },
        { ReferentialStatus.UnderConsultation, ReferentialAction.StartNextVersion, null },
        { ReferentialStatus.Adopted, ReferentialAction.EditFrame, null },
        { ReferentialStatus.Adopted, ReferentialAction.OpenConsultation, null },
        { ReferentialStatus.Adopted, ReferentialAction.Comment, null },
        { ReferentialStatus.Adopted, ReferentialAction.AnswerComment, null },
        { ReferentialStatus.Adopted, ReferentialAction.Adopt, null },
        { ReferentialStatus.Adopted, ReferentialAction.Replace, ReferentialStatus.Replaced },
        { ReferentialStatus.Adopted, ReferentialAction.StartNextVersion, ReferentialStatus.Adopted },
        { ReferentialStatus.Replaced, ReferentialAction.EditFrame, null },
        { ReferentialStatus.Replaced, ReferentialAction.OpenConsultation, null },
        { ReferentialStatus.Replaced, ReferentialAction.Comment, null },
        { ReferentialStatus.Replaced, ReferentialAction.AnswerComment, null },
        { ReferentialStatus.Replaced, ReferentialAction.Adopt, null },
        { ReferentialStatus.Replaced, ReferentialAction.Replace, null },
        { ReferentialStatus.Replaced, ReferentialAction.StartNextVersion, null },
    };

    [Fact]
    public void Table_CoversEveryStatusAndAction() =>
        Assert.Equal(Enum.GetValues<ReferentialStatus>().Length * Enum.GetValues<ReferentialAction>().Length, Table().Count);

    /// <summary>Runs an action the way the web would, on the referential (replacing goes through the next version's adoption).</summary>
    private static void Apply(Referential referential, ReferentialAction action)
    {
        var at = T0.AddDays(90);
        switch (action)
        {
            case ReferentialAction.EditFrame:
                referential.AddValue("Coopération entre acteurs", "Les acteurs font réseau.", at);
                break;
            case ReferentialAction.OpenConsultation:
                referential.OpenConsultation(Coordinator, at);
                break;
            case ReferentialAction.Comment:
                referential.Comment(new CommentTarget(CommentTargetKind.Frame, null), "Ajouter la coopération", Pole, PoleStaff, at);
                break;
            case ReferentialAction.AnswerComment:
                var comment = referential.Comments.Count > 0 ? referential.Comments[0].Id : Guid.CreateVersion7();
                referential.AnswerComment(comment, CommentOutcome.Kept, null, Coordinator, at);
                break;
            case ReferentialAction.Adopt:
                referential.Adopt(new DateOnly(2026, 5, 30), SessionId, null, null, Coordinator, at);
                break;
            case ReferentialAction.Replace:
                // Only the next version's adoption replaces a version.
                var next = referential.Status == ReferentialStatus.Adopted ? referential.StartNextVersion(Guid.CreateVersion7(), Coordinator, at) : Referential.Draft(Guid.CreateVersion7(), "Autre", Coordinator, at);
                CopyFrame(next);
                next.OpenConsultation(Coordinator, at);
                next.Adopt(new DateOnly(2026, 5, 30), SessionId, null, referential, Coordinator, at);
                break;
            case ReferentialAction.StartNextVersion:
                referential.StartNextVersion(Guid.CreateVersion7(), Coordinator, at);
                break;
        }
    }

    private static void CopyFrame(Referential referential)
    {
        if (referential.Indicators.Count > 0)
        {
            return;
        }

        var value = referential.AddValue("V", "Texte", T0);
        var question = referential.AddQuestion("Q ?", "D", T0);
        var criterion = referential.AddCriterion(value.Id, question.Id, "C", T0);
        referential.AddIndicator(criterion.Id, Computed(), T0);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Action_FollowsTheTransitionTable(ReferentialStatus from, ReferentialAction action, ReferentialStatus? expected)
    {
        var referential = InStatus(from);
        if (action == ReferentialAction.AnswerComment && from == ReferentialStatus.UnderConsultation)
        {
            referential.Comment(new CommentTarget(CommentTargetKind.Frame, null), "Une remarque", Pole, PoleStaff, T0.AddDays(2));
        }

        var before = (referential.Status, referential.Values.Count, referential.Comments.Count, referential.Adoption);
        if (expected is { } to)
        {
            Apply(referential, action);
            Assert.Equal(to, referential.Status);
            Assert.True(Referential.CanApply(from, action));
        }
        else
        {
            Assert.Throws<DomainException>(() => Apply(referential, action));
            Assert.Equal(before, (referential.Status, referential.Values.Count, referential.Comments.Count, referential.Adoption));
            Assert.False(Referential.CanApply(from, action));
        }
    }

    [Theory]
    [InlineData(ReferentialStatus.Adopted)]
    [InlineData(ReferentialStatus.Replaced)]
    public void AnAdoptedVersion_NeverChanges_WhateverIsTried(ReferentialStatus status)
    {
        var referential = InStatus(status);
        var (value, question, criterion, indicator) = (referential.Values[0], referential.Questions[0], referential.Criteria[0], referential.Indicators[0]);
        var attempts = new Action[]
        {
            () => referential.Rename("Autre titre"),
            () => referential.AddValue("V", "T", T0),
            () => referential.EditValue(value.Id, "V", "T"),
            () => referential.RemoveValue(value.Id),
            () => referential.AddQuestion("Q", "D", T0),
            () => referential.EditQuestion(question.Id, "Q", "D"),
            () => referential.RemoveQuestion(question.Id),
            () => referential.AddCriterion(value.Id, question.Id, "C", T0),
            () => referential.EditCriterion(criterion.Id, value.Id, question.Id, "C"),
            () => referential.RemoveCriterion(criterion.Id),
            () => referential.AddIndicator(criterion.Id, Computed(), T0),
            () => referential.EditIndicator(indicator.Id, criterion.Id, Computed(target: 1)),
            () => referential.RemoveIndicator(indicator.Id),
            () => referential.Comment(new CommentTarget(CommentTargetKind.Frame, null), "Remarque", Pole, PoleStaff, T0),
        };

        foreach (var attempt in attempts)
        {
            Assert.Throws<DomainException>(attempt);
        }

        Assert.Equal("Référentiel d'utilité sociale", referential.Title);
        Assert.Equal((1, 1, 1, 2), (referential.Values.Count, referential.Questions.Count, referential.Criteria.Count, referential.Indicators.Count));
        Assert.Equal(450, referential.Indicators[0].Terms.Target);
    }

    public static TheoryData<string, IndicatorTerms, string> RefusedIndicators() => new()
    {
        { "a target over 100 for a percentage", Declared(MeasureUnit.Percent, target: 150), nameof(IndicatorTerms.Target) },
        { "a negative count", Declared(MeasureUnit.Count, target: -3), nameof(IndicatorTerms.Target) },
        { "a count with decimals", Declared(MeasureUnit.Count, target: 2.5m), nameof(IndicatorTerms.Target) },
        { "a score beyond the scale", Declared(MeasureUnit.Scale, target: 7), nameof(IndicatorTerms.Target) },
        { "a computed indicator without its measure", Computed() with { Measure = null }, nameof(IndicatorTerms.Measure) },
        { "a measure in another unit", Computed(MeasureCode.ProjectsWelcomed) with { Unit = MeasureUnit.Percent, Target = 50 }, nameof(IndicatorTerms.Unit) },
        { "a blank title", Computed() with { Title = "   " }, nameof(IndicatorTerms.Title) },
        { "an unknown level", Computed() with { Level = (IndicatorLevel)9 }, nameof(IndicatorTerms.Level) },
        { "a qualitative indicator with a target", Declared() with { Source = IndicatorSource.Qualitative }, nameof(IndicatorTerms.Target) },
    };

    [Theory]
    [MemberData(nameof(RefusedIndicators))]
    public void AddIndicator_WithBrokenTerms_IsRefusedOnItsField_AndNothingIsAdded(string what, IndicatorTerms terms, string field)
    {
        var referential = Draft();
        var error = Assert.Throws<DomainException>(() => referential.AddIndicator(referential.Criteria[0].Id, terms, T0));
        Assert.True(error.Field == field, $"{what}: {error.Field}");
        Assert.Equal(2, referential.Indicators.Count);
    }

    [Fact]
    public void AnIndicatorWithoutACriterion_IsRefused_BesideTheCriterion()
    {
        var referential = Draft();
        Assert.Equal(nameof(EvaluationIndicator.CriterionId), Assert.Throws<DomainException>(() => referential.AddIndicator(null, Computed(), T0)).Field);
        Assert.Equal(nameof(EvaluationIndicator.CriterionId), Assert.Throws<DomainException>(() => referential.AddIndicator(Guid.CreateVersion7(), Computed(), T0)).Field);
        Assert.Equal(2, referential.Indicators.Count);
    }

    [Fact]
    public void AComputedIndicator_ReadsTheDashboardsOwnDefinition()
    {
        var referential = Draft();
        var computed = referential.Indicators.Single(i => i.Terms.Source == IndicatorSource.Computed);
        Assert.Equal(TrajectoirEss.Domain.Indicators.Indicators.Of(TrajectoirEss.Domain.Indicators.Indicator.ProjectsWelcomed).Definition, computed.Definition);
        Assert.Null(referential.Indicators.Single(i => i.Terms.Source == IndicatorSource.Declared).Definition);
    }

    [Fact]
    public void Removing_AValueACriterionTranslates_IsRefused_UntilTheCriterionGoes()
    {
        var referential = Draft();
        Assert.Throws<DomainException>(() => referential.RemoveValue(referential.Values[0].Id));
        Assert.Throws<DomainException>(() => referential.RemoveCriterion(referential.Criteria[0].Id));
        foreach (var indicator in referential.Indicators)
        {
            referential.RemoveIndicator(indicator.Id);
        }

        referential.RemoveCriterion(referential.Criteria[0].Id);
        referential.RemoveValue(referential.Values[0].Id);
        Assert.Empty(referential.Values);
    }

    [Fact]
    public void OpenConsultation_OnAnIncompleteFrame_IsRefused()
    {
        var referential = Referential.Draft(Guid.CreateVersion7(), "Référentiel", Coordinator, T0);
        var value = referential.AddValue("V", "T", T0);
        var question = referential.AddQuestion("Q ?", "D", T0);
        referential.AddCriterion(value.Id, question.Id, "Critère sans indicateur", T0);
        Assert.Contains("indicateur", Assert.Throws<DomainException>(() => referential.OpenConsultation(Coordinator, T0)).Message, StringComparison.Ordinal);
        Assert.Equal(ReferentialStatus.Draft, referential.Status);
    }

    [Fact]
    public void Consultation_EveryContributionAnswered_BeforeAdoption_AndTheHistoryStays()
    {
        var referential = InStatus(ReferentialStatus.UnderConsultation);
        var onCriterion = referential.Comment(new CommentTarget(CommentTargetKind.Criterion, referential.Criteria[0].Id), "Préciser « rural »", Pole, PoleStaff, T0.AddDays(3));
        var proposal = referential.Comment(new CommentTarget(CommentTargetKind.ProposedIndicator, null), "Ajouter le nombre de permanences", OtherPole, PoleStaff, T0.AddDays(4));
        Assert.Throws<DomainException>(() => referential.Comment(new CommentTarget(CommentTargetKind.Value, Guid.CreateVersion7()), "?", Pole, PoleStaff, T0));

        Assert.Throws<DomainException>(() => referential.Adopt(new DateOnly(2026, 3, 20), SessionId, null, null, Coordinator, T0.AddDays(20)));
        referential.AnswerComment(onCriterion.Id, CommentOutcome.Changed, "Moins de 2 000 habitants", Coordinator, T0.AddDays(5));
        Assert.Equal(nameof(ConsultationComment.AnswerText), Assert.Throws<DomainException>(() => referential.AnswerComment(proposal.Id, CommentOutcome.Declined, " ", Coordinator, T0.AddDays(5))).Field);
        referential.AnswerComment(proposal.Id, CommentOutcome.Declined, "Déjà suivi par le tableau de bord", Coordinator, T0.AddDays(5));
        referential.Adopt(new DateOnly(2026, 3, 20), SessionId, null, null, Coordinator, T0.AddDays(20));

        Assert.Equal(ReferentialStatus.Adopted, referential.Status);
        Assert.Equal([CommentOutcome.Changed, CommentOutcome.Declined], referential.Comments.Select(c => c.Outcome!.Value));
        Assert.Equal(SessionId, referential.Adoption!.SessionId);
    }

    [Fact]
    public void Adopt_NeedsASessionOrABody_AndADateNotInTheFuture()
    {
        var referential = InStatus(ReferentialStatus.UnderConsultation);
        Assert.Equal(nameof(Adoption.SessionId), Assert.Throws<DomainException>(() => referential.Adopt(new DateOnly(2026, 3, 20), null, "  ", null, Coordinator, T0.AddDays(20))).Field);
        Assert.Equal(nameof(Adoption.AdoptedOn), Assert.Throws<DomainException>(() => referential.Adopt(new DateOnly(2027, 1, 1), null, "Comité de pilotage", null, Coordinator, T0.AddDays(20))).Field);
        referential.Adopt(new DateOnly(2026, 3, 20), null, "Comité de pilotage", null, Coordinator, T0.AddDays(20));
        Assert.Equal("Comité de pilotage", referential.Adoption!.BodyName);
    }

    [Fact]
    public void NextVersion_IsADraftCopy_WithItsLinks_AndReplacesTheAdoptedOneWhenAdopted()
    {
        var first = Adopted();
        var next = first.StartNextVersion(Guid.CreateVersion7(), Coordinator, T0.AddDays(40));

        Assert.Equal((2, ReferentialStatus.Draft, first.Id), (next.VersionNumber, next.Status, next.PreviousVersionId));
        Assert.Equal(first.Indicators.Select(i => i.Terms), next.Indicators.Select(i => i.Terms));
        Assert.Empty(next.Indicators.Select(i => i.Id).Intersect(first.Indicators.Select(i => i.Id)));
        Assert.All(next.Indicators, i => Assert.Contains(next.Criteria, c => c.Id == i.CriterionId));
        Assert.All(next.Criteria, c => Assert.Contains(next.Values, v => v.Id == c.ValueId));
        Assert.Empty(next.Comments);

        next.EditValue(next.Values[0].Id, "Accès de toutes et tous", "Nouveau texte");
        Assert.Equal("Accès de toutes et tous à l'entrepreneuriat", first.Values[0].Title);

        next.OpenConsultation(Coordinator, T0.AddDays(41));
        Assert.Throws<DomainException>(() => next.Adopt(new DateOnly(2026, 4, 20), SessionId, null, null, Coordinator, T0.AddDays(50)));
        next.Adopt(new DateOnly(2026, 4, 20), SessionId, null, first, Coordinator, T0.AddDays(50));
        Assert.Equal((ReferentialStatus.Adopted, ReferentialStatus.Replaced), (next.Status, first.Status));
    }
}
