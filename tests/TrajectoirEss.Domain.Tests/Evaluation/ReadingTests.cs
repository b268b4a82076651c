using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Domain.Indicators;
using static TrajectoirEss.Domain.Tests.Evaluation.EvaluationFixtures;

namespace TrajectoirEss.Domain.Tests.Evaluation;

public sealed class ReadingTests
{
    private static readonly DateTimeOffset After = T0.AddDays(60);

    public static TheoryData<ReadingStatus, ReadingAction, ReadingStatus?> Table() => new()
    {
        { ReadingStatus.Draft, ReadingAction.EditFindings, ReadingStatus.Draft },
        { ReadingStatus.Draft, ReadingAction.Publish, ReadingStatus.Published },
        { ReadingStatus.Draft, ReadingAction.Withdraw, null },
        { ReadingStatus.Draft, ReadingAction.Schedule, ReadingStatus.Draft },
        { ReadingStatus.Draft, ReadingAction.LinkCommitment, ReadingStatus.Draft },
        { ReadingStatus.Published, ReadingAction.EditFindings, null },
        { ReadingStatus.Published, ReadingAction.Publish, null },
        { ReadingStatus.Published, ReadingAction.Withdraw, ReadingStatus.Draft },
        { ReadingStatus.Published, ReadingAction.Schedule, ReadingStatus.Published },
        { ReadingStatus.Published, ReadingAction.LinkCommitment, ReadingStatus.Published },
    };

    [Fact]
    public void Table_CoversEveryStatusAndAction() =>
        Assert.Equal(Enum.GetValues<ReadingStatus>().Length * Enum.GetValues<ReadingAction>().Length, Table().Count);

    private static Campaign Frozen(Referential referential)
    {
        var campaign = OpenCampaign(referential);
        campaign.Freeze(referential, [], Coordinator, T0.AddDays(50));
        return campaign;
    }

    private static FindingTerms Terms(AgreementLevel? agreement = AgreementLevel.Consensus, string? dissent = null, bool main = true) =>
        new("Les porteurs ruraux restent moins accueillis que les urbains.", agreement, dissent, "Des porteurs orientés trop tôt vers un financement.", main);

    /// <summary>A reading ready to publish: a main finding with an interpretation and a recommendation, a summary, a key indicator.</summary>
    private static (EvaluationReading Reading, Referential Referential, Finding Finding) Ready()
    {
        var referential = Adopted();
        var reading = EvaluationReading.Start(Guid.CreateVersion7(), Frozen(referential), Coordinator, After);
        var finding = reading.RecordFinding(referential, referential.Questions[0].Id, Terms(), Coordinator, After);
        reading.Interpret(finding.Id, "L'accueil itinérant manque de moyens.", Pole, Coordinator, After);
        reading.Recommend(finding.Id, "Ouvrir une permanence mensuelle dans chaque EPCI rural.", Coordinator, After);
        reading.WriteSummary("L'année 2025 en quelques constats partagés.", Coordinator, After);
        reading.ChooseKeyIndicators(referential, [referential.Indicators[0].Id], Coordinator, After);
        return (reading, referential, reading.Findings[0]);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Action_FollowsTheReadingTable(ReadingStatus from, ReadingAction action, ReadingStatus? expected)
    {
        var (reading, referential, finding) = Ready();
        if (from == ReadingStatus.Published)
        {
            reading.Publish(Coordinator, After);
        }

        var session = PlatformSessionFixture();
        Action act = action switch
        {
            ReadingAction.EditFindings => () => reading.Recommend(finding.Id, "Former les accueillants", Coordinator, After),
            ReadingAction.Publish => () => reading.Publish(Coordinator, After),
            ReadingAction.Withdraw => () => reading.Withdraw(Coordinator, After),
            ReadingAction.Schedule => () => reading.Schedule(session, Coordinator, After),
            _ => () => reading.LinkCommitment(finding.Id, finding.Recommendations[0].Id, Guid.CreateVersion7(), Coordinator, After),
        };
        var before = (reading.Status, reading.Findings[0].Recommendations.Count, reading.SessionId, reading.Findings[0].Recommendations[0].CommitmentId);
        if (expected is { } to)
        {
            act();
            Assert.Equal(to, reading.Status);
        }
        else
        {
            Assert.Throws<DomainException>(act);
            Assert.Equal(before, (reading.Status, reading.Findings[0].Recommendations.Count, reading.SessionId, reading.Findings[0].Recommendations[0].CommitmentId));
        }

        Assert.Equal(expected is not null, EvaluationReading.CanApply(from, action));
    }

    private static PlatformSession PlatformSessionFixture()
    {
        var body = Body.Create(Guid.CreateVersion7(), BodyKind.Platform, "Plateforme régionale", Coordinator, T0);
        return PlatformSession.Plan(Guid.CreateVersion7(), body, After.AddDays(40), 180, "Rennes", null, null, Coordinator, After);
    }

    [Fact]
    public void Start_NeedsAFrozenCampaign()
    {
        var referential = Adopted();
        Assert.Throws<DomainException>(() => EvaluationReading.Start(Guid.CreateVersion7(), OpenCampaign(referential), Coordinator, After));
    }

    [Theory]
    [InlineData(AgreementLevel.Majority, null, "Dissent")]
    [InlineData(AgreementLevel.OpenDisagreement, "  ", "Dissent")]
    [InlineData(null, null, "Agreement")]
    [InlineData((AgreementLevel)9, null, "Agreement")]
    public void Finding_WithoutConsensus_KeepsTheDissent_ElseRefusedBesideTheField(AgreementLevel? agreement, string? dissent, string field)
    {
        var (reading, referential, _) = Ready();
        var error = Assert.Throws<DomainException>(() => reading.RecordFinding(referential, referential.Questions[0].Id, Terms(agreement, dissent), Coordinator, After));
        Assert.Equal(field, error.Field);
        Assert.Single(reading.Findings);
    }

    [Fact]
    public void Finding_IsOnAQuestionOfTheCampaignsFrame()
    {
        var (reading, referential, _) = Ready();
        Assert.Equal("QuestionId", Assert.Throws<DomainException>(() => reading.RecordFinding(referential, Guid.CreateVersion7(), Terms(), Coordinator, After)).Field);
        Assert.Throws<ArgumentException>(() => reading.RecordFinding(Adopted(), referential.Questions[0].Id, Terms(), Coordinator, After));
    }

    [Fact]
    public void Interpretation_NamesTheOrganisationThatProposedIt()
    {
        var (reading, _, finding) = Ready();
        Assert.Equal("ProposedBy", Assert.Throws<DomainException>(() => reading.Interpret(finding.Id, "Une autre lecture", null, Coordinator, After)).Field);
        Assert.Equal("Text", Assert.Throws<DomainException>(() => reading.Interpret(finding.Id, " ", OtherPole, Coordinator, After)).Field);
        reading.Interpret(finding.Id, "Une autre lecture", OtherPole, Coordinator, After);
        Assert.Equal([Pole, OtherPole], reading.Findings[0].Interpretations.Select(i => i.ProposedBy));
    }

    [Fact]
    public void Publish_AnOpenDisagreement_NeedsTwoInterpretations()
    {
        var (reading, referential, finding) = Ready();
        reading.EditFinding(referential, finding.Id, finding.QuestionId, Terms(AgreementLevel.OpenDisagreement, "Le pôle de Morlaix lit autrement le chiffre."), Coordinator, After);
        Assert.Throws<DomainException>(() => reading.Publish(Coordinator, After));
        Assert.Equal(ReadingStatus.Draft, reading.Status);

        reading.Interpret(finding.Id, "Les chiffres ruraux sont sous-déclarés.", OtherPole, Coordinator, After);
        reading.Publish(Coordinator, After);
        Assert.Equal(ReadingStatus.Published, reading.Status);
        Assert.Equal(After, reading.PublishedAt);
    }

    [Fact]
    public void Publish_NeedsASummary_AMainFinding_AKeyIndicator_AndAnInterpretationForEachFinding()
    {
        var (reading, referential, finding) = Ready();
        reading.WriteSummary(" ", Coordinator, After);
        Assert.Equal("Summary", Assert.Throws<DomainException>(() => reading.Publish(Coordinator, After)).Field);
        reading.WriteSummary("Synthèse", Coordinator, After);

        reading.ChooseKeyIndicators(referential, [], Coordinator, After);
        Assert.Throws<DomainException>(() => reading.Publish(Coordinator, After));
        reading.ChooseKeyIndicators(referential, [referential.Indicators[0].Id], Coordinator, After);

        reading.EditFinding(referential, finding.Id, finding.QuestionId, Terms(main: false), Coordinator, After);
        Assert.Throws<DomainException>(() => reading.Publish(Coordinator, After));
        reading.EditFinding(referential, finding.Id, finding.QuestionId, Terms(), Coordinator, After);

        var bare = reading.RecordFinding(referential, referential.Questions[0].Id, Terms(main: false), Coordinator, After);
        Assert.Throws<DomainException>(() => reading.Publish(Coordinator, After));
        reading.RemoveFinding(bare.Id, Coordinator, After);

        reading.Publish(Coordinator, After);
        Assert.Equal(ReadingStatus.Published, reading.Status);
    }

    [Fact]
    public void KeyIndicators_AreNumberedIndicatorsOfTheFrame_AtMostEight()
    {
        var (reading, referential, _) = Ready();
        Assert.Throws<DomainException>(() => reading.ChooseKeyIndicators(referential, [Guid.CreateVersion7()], Coordinator, After));
        Assert.Throws<DomainException>(() => reading.ChooseKeyIndicators(referential, Enumerable.Range(0, EvaluationReading.MaxKeyIndicators + 1).Select(_ => Guid.CreateVersion7()), Coordinator, After));
        Assert.Equal([referential.Indicators[0].Id], reading.KeyIndicatorIds);
    }

    [Fact]
    public void ARecommendationBecomesACommitmentOnce_ThenItAndItsFindingStay()
    {
        var (reading, _, finding) = Ready();
        var recommendation = finding.Recommendations[0];
        var commitment = Guid.CreateVersion7();
        Assert.Same(recommendation, reading.CheckLink(finding.Id, recommendation.Id));
        reading.LinkCommitment(finding.Id, recommendation.Id, commitment, Coordinator, After);
        Assert.Equal(commitment, reading.Findings[0].Recommendations[0].CommitmentId);
        Assert.Equal("Cette recommandation est déjà devenue un engagement.", Assert.Throws<DomainException>(() => reading.CheckLink(finding.Id, recommendation.Id)).Message);
        Assert.Throws<DomainException>(() => reading.CheckLink(finding.Id, Guid.CreateVersion7()));
        Assert.Throws<DomainException>(() => reading.CheckLink(Guid.CreateVersion7(), recommendation.Id));
        Assert.Throws<DomainException>(() => reading.LinkCommitment(finding.Id, recommendation.Id, Guid.CreateVersion7(), Coordinator, After));
        Assert.Throws<DomainException>(() => reading.RemoveRecommendation(finding.Id, recommendation.Id, Coordinator, After));
        Assert.Throws<DomainException>(() => reading.RemoveFinding(finding.Id, Coordinator, After));
        Assert.Equal(commitment, reading.Findings[0].Recommendations[0].CommitmentId);
    }

    [Fact]
    public void Schedule_OnASessionNotOver()
    {
        var (reading, _, _) = Ready();
        var session = PlatformSessionFixture();
        reading.Schedule(session, Coordinator, After);
        Assert.Equal(session.Id, reading.SessionId);
        session.Cancel("Reportée", Coordinator, After);
        Assert.Throws<DomainException>(() => reading.Schedule(session, Coordinator, After));
        reading.Schedule(null, Coordinator, After);
        Assert.Null(reading.SessionId);
    }

    [Fact]
    public void APublishedSynthesis_DoesNotChange_UntilWithdrawn()
    {
        var (reading, referential, finding) = Ready();
        reading.Publish(Coordinator, After);
        Assert.Throws<DomainException>(() => reading.WriteSummary("Autre", Coordinator, After));
        Assert.Throws<DomainException>(() => reading.EditFinding(referential, finding.Id, finding.QuestionId, Terms(main: false), Coordinator, After));
        Assert.Throws<DomainException>(() => reading.ChooseKeyIndicators(referential, [], Coordinator, After));
        reading.Withdraw(Coordinator, After);
        Assert.Null(reading.PublishedAt);
        reading.WriteSummary("Autre", Coordinator, After);
        Assert.Equal("Autre", reading.Summary);
    }
}
