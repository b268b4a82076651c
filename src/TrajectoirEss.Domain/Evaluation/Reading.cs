using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;

namespace TrajectoirEss.Domain.Evaluation;

/// <summary>How far the actors agreed on a finding's reading: dissent is recorded, not erased.</summary>
public enum AgreementLevel
{
    Consensus = 1,
    Majority = 2,
    OpenDisagreement = 3,
}

public enum ReadingStatus
{
    /// <summary>The coordination records the findings; nothing is public.</summary>
    Draft = 1,

    /// <summary>The public synthesis is published (it can be withdrawn to correct it).</summary>
    Published = 2,
}

public enum ReadingAction
{
    /// <summary>Record, change or remove a finding, its interpretations and recommendations; write the synthesis; choose its key indicators.</summary>
    EditFindings = 1,
    Publish = 2,
    Withdraw = 3,

    /// <summary>Put the reading on a session of the coordination platform (or take it off).</summary>
    Schedule = 4,

    /// <summary>A recommendation became a commitment of the platform.</summary>
    LinkCommitment = 5,
}

/// <summary>
/// The shared reading of a frozen campaign: the findings the actors reach together on its evaluative questions —
/// an observation, the interpretations proposed (each by an organisation), the agreement reached (dissent kept), the
/// negative or unintended effects noticed, the recommendations (each may become a commitment of the platform) — and
/// the public synthesis the coordination publishes when ready. Organisations are named, never persons.
/// <code>
/// Draft (EditFindings, Schedule, LinkCommitment) ──Publish──▶ Published (Schedule, LinkCommitment) ──Withdraw──▶ Draft
/// </code>
/// </summary>
public sealed class EvaluationReading : AggregateRoot
{
    public const int SummaryMaxLength = 4000;
    public const int MaxFindings = 60;
    public const int MaxKeyIndicators = 8;

    public static readonly IReadOnlyDictionary<ReadingAction, (ReadingStatus[] From, ReadingStatus? To)> Transitions =
        new Dictionary<ReadingAction, (ReadingStatus[] From, ReadingStatus? To)>
        {
            [ReadingAction.EditFindings] = ([ReadingStatus.Draft], null),
            [ReadingAction.Publish] = ([ReadingStatus.Draft], ReadingStatus.Published),
            [ReadingAction.Withdraw] = ([ReadingStatus.Published], ReadingStatus.Draft),
            [ReadingAction.Schedule] = ([ReadingStatus.Draft, ReadingStatus.Published], null),
            [ReadingAction.LinkCommitment] = ([ReadingStatus.Draft, ReadingStatus.Published], null),
        };

    private readonly List<Finding> _findings = [];
    private readonly List<Guid> _keyIndicators = [];

    private EvaluationReading(Guid id, Guid campaignId, Guid referentialId, int year, DateTimeOffset startedAt)
    {
        Id = id;
        CampaignId = campaignId;
        ReferentialId = referentialId;
        Year = year;
        StartedAt = startedAt;
        Status = ReadingStatus.Draft;
    }

    private EvaluationReading()
    {
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    /// <summary>The frame's version the campaign used (its questions and indicators are the ones read).</summary>
    public Guid ReferentialId { get; private set; }

    public int Year { get; private set; }

    public ReadingStatus Status { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The session of the coordination platform where the actors read the campaign together, if any.</summary>
    public Guid? SessionId { get; private set; }

    /// <summary>The synthesis' opening text, for the public.</summary>
    public string? Summary { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<Finding> Findings => [.. _findings.OrderBy(f => f.Position)];

    /// <summary>The indicators the public synthesis shows, in order.</summary>
    public IReadOnlyList<Guid> KeyIndicatorIds => _keyIndicators;

    public static bool CanApply(ReadingStatus status, ReadingAction action) => Transitions[action].From.Contains(status);

    public bool Can(ReadingAction action) => CanApply(Status, action);

    /// <summary>Starts the reading of a frozen campaign (its values no longer change).</summary>
    public static EvaluationReading Start(Guid id, Campaign campaign, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Status != CampaignStatus.Frozen)
        {
            throw new DomainException("La lecture partagée porte sur une campagne figée : figez d'abord ses valeurs.");
        }

        var reading = new EvaluationReading(id, campaign.Id, campaign.ReferentialId, campaign.Year, now);
        reading.Raise(new ReadingChanged(reading, actorId, now));
        return reading;
    }

    public Finding Finding(Guid findingId) =>
        _findings.SingleOrDefault(f => f.Id == findingId) ?? throw new DomainException("Ce constat ne fait pas partie de la lecture.");

    /// <summary>Records a finding on one evaluative question of the campaign's frame.</summary>
    public Finding RecordFinding(Referential referential, Guid? questionId, FindingTerms terms, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.EditFindings);
        var question = QuestionOf(referential, questionId);
        if (_findings.Count >= MaxFindings)
        {
            throw new DomainException($"Une lecture compte au plus {MaxFindings} constats.");
        }

        var finding = new Finding(Guid.CreateVersion7(now), question, _findings.Select(f => f.Position).DefaultIfEmpty(0).Max() + 1);
        finding.Change(FindingTerms.Validate(terms));
        _findings.Add(finding);
        Raise(new ReadingChanged(this, actorId, now));
        return finding;
    }

    public void EditFinding(Referential referential, Guid findingId, Guid? questionId, FindingTerms terms, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.EditFindings);
        var finding = Finding(findingId);
        var question = QuestionOf(referential, questionId);
        var valid = FindingTerms.Validate(terms);
        finding.MoveTo(question);
        finding.Change(valid);
        Raise(new ReadingChanged(this, actorId, now));
    }

    public void RemoveFinding(Guid findingId, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.EditFindings);
        var finding = Finding(findingId);
        if (finding.Recommendations.Any(r => r.CommitmentId is not null))
        {
            throw new DomainException("Une recommandation de ce constat est devenue un engagement : le constat reste.");
        }

        _findings.Remove(finding);
        Raise(new ReadingChanged(this, actorId, now));
    }

    /// <summary>An interpretation of the finding, proposed by an organisation (the coordination's own organisation, a pôle, a structure, a public partner).</summary>
    public Interpretation Interpret(Guid findingId, string? text, OrganisationRef? proposedBy, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.EditFindings);
        var interpretation = Finding(findingId).Interpret(
            Guid.CreateVersion7(now),
            Guard.Required(text, Interpretation.TextMaxLength, "L'interprétation", nameof(Interpretation.Text)),
            OrganisationRef.Valid(proposedBy, nameof(Interpretation.ProposedBy), "Indiquez l'organisation qui propose cette interprétation."));
        Raise(new ReadingChanged(this, actorId, now));
        return interpretation;
    }

    public void RemoveInterpretation(Guid findingId, Guid interpretationId, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.EditFindings);
        Finding(findingId).RemoveInterpretation(interpretationId);
        Raise(new ReadingChanged(this, actorId, now));
    }

    public Recommendation Recommend(Guid findingId, string? text, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.EditFindings);
        var recommendation = Finding(findingId).Recommend(
            Guid.CreateVersion7(now),
            Guard.Required(text, Recommendation.TextMaxLength, "La recommandation", nameof(Recommendation.Text)));
        Raise(new ReadingChanged(this, actorId, now));
        return recommendation;
    }

    public void RemoveRecommendation(Guid findingId, Guid recommendationId, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.EditFindings);
        Finding(findingId).RemoveRecommendation(recommendationId);
        Raise(new ReadingChanged(this, actorId, now));
    }

    /// <summary>The recommendation became this commitment of the platform (once; the commitment then lives its own life).</summary>
    public void LinkCommitment(Guid findingId, Guid recommendationId, Guid commitmentId, Guid actorId, DateTimeOffset now)
    {
        CheckLink(findingId, recommendationId).BecomeCommitment(commitmentId);
        Raise(new ReadingChanged(this, actorId, now));
    }

    /// <summary>
    /// The recommendation that may become a commitment (before the commitment's form is shown), or the domain's reason
    /// why not: not of this reading, or already a commitment.
    /// </summary>
    public Recommendation CheckLink(Guid findingId, Guid recommendationId)
    {
        Ensure(ReadingAction.LinkCommitment);
        var recommendation = Finding(findingId).Recommendation(recommendationId);
        recommendation.EnsureNotCommitment();
        return recommendation;
    }

    /// <summary>The synthesis' opening text, for the public (blank: none yet).</summary>
    public void WriteSummary(string? text, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.EditFindings);
        Summary = Guard.Optional(text, SummaryMaxLength, "Le texte de la synthèse", nameof(Summary));
        Raise(new ReadingChanged(this, actorId, now));
    }

    /// <summary>The key indicators of the public synthesis: indicators of the campaign's frame with a number (computed or declared), at most <see cref="MaxKeyIndicators"/>.</summary>
    public void ChooseKeyIndicators(Referential referential, IEnumerable<Guid> indicatorIds, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.EditFindings);
        EnsureFrame(referential);
        ArgumentNullException.ThrowIfNull(indicatorIds);
        var chosen = indicatorIds.Distinct().ToList();
        if (chosen.Count > MaxKeyIndicators)
        {
            throw new DomainException($"Choisissez au plus {MaxKeyIndicators} indicateurs clés.", nameof(KeyIndicatorIds));
        }

        if (chosen.Any(id => referential.Indicators.SingleOrDefault(i => i.Id == id) is not { } indicator || !indicator.Terms.Source.IsQuantitative()))
        {
            throw new DomainException("Les indicateurs clés sont des indicateurs chiffrés du référentiel de la campagne.", nameof(KeyIndicatorIds));
        }

        _keyIndicators.Clear();
        _keyIndicators.AddRange(chosen);
        Raise(new ReadingChanged(this, actorId, now));
    }

    /// <summary>Puts the reading on a session of the platform that is not over (null: takes it off).</summary>
    public void Schedule(PlatformSession? session, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.Schedule);
        if (session is not null && session.Status is PlatformSessionStatus.Closed or PlatformSessionStatus.Cancelled)
        {
            throw new DomainException("Choisissez une séance à venir ou en cours.", nameof(SessionId));
        }

        SessionId = session?.Id;
        Raise(new ReadingChanged(this, actorId, now));
    }

    /// <summary>
    /// Publishes the synthesis: an opening text, at least one main finding and one key indicator, each finding with
    /// at least one interpretation, and an open disagreement with the two interpretations (at least) it opposes.
    /// </summary>
    public void Publish(Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.Publish);
        if (Summary is null)
        {
            throw new DomainException("Écrivez le texte d'ouverture de la synthèse avant de la publier.", nameof(Summary));
        }

        if (!_findings.Any(f => f.IsMain))
        {
            throw new DomainException("Marquez au moins un constat principal : la synthèse publique les présente.");
        }

        if (_keyIndicators.Count == 0)
        {
            throw new DomainException("Choisissez au moins un indicateur clé pour la synthèse publique.", nameof(KeyIndicatorIds));
        }

        if (_findings.FirstOrDefault(f => f.Interpretations.Count == 0) is { } bare)
        {
            throw new DomainException($"Le constat « {bare.Observation} » n'a pas encore d'interprétation.");
        }

        if (_findings.FirstOrDefault(f => f.Agreement == AgreementLevel.OpenDisagreement && f.Interpretations.Count < 2) is { } split)
        {
            throw new DomainException($"Le désaccord sur « {split.Observation} » oppose au moins deux interprétations : consignez-les.");
        }

        PublishedAt = now;
        Status = ReadingStatus.Published;
        Raise(new ReadingChanged(this, actorId, now));
    }

    /// <summary>Withdraws the public synthesis, to correct it.</summary>
    public void Withdraw(Guid actorId, DateTimeOffset now)
    {
        Ensure(ReadingAction.Withdraw);
        PublishedAt = null;
        Status = ReadingStatus.Draft;
        Raise(new ReadingChanged(this, actorId, now));
    }

    private Guid QuestionOf(Referential referential, Guid? questionId)
    {
        EnsureFrame(referential);
        return questionId is { } id && referential.Questions.Any(q => q.Id == id)
            ? id
            : throw new DomainException("Choisissez la question évaluative sur laquelle porte le constat.", "QuestionId");
    }

    private void EnsureFrame(Referential referential)
    {
        ArgumentNullException.ThrowIfNull(referential);
        if (referential.Id != ReferentialId)
        {
            throw new ArgumentException("The reading is made on its campaign's frame.", nameof(referential));
        }
    }

    private void Ensure(ReadingAction action)
    {
        if (!Can(action))
        {
            throw new DomainException(Status == ReadingStatus.Published
                ? "La synthèse est publiée : retirez-la de la publication pour la corriger."
                : "La synthèse n'est pas publiée.");
        }
    }
}

/// <summary>What a finding says, as a form gives it.</summary>
/// <param name="Dissent">What those who do not share the reading think: required unless the agreement is a consensus.</param>
/// <param name="IsMain">A main finding, shown by the public synthesis.</param>
public sealed record FindingTerms(string? Observation, AgreementLevel? Agreement, string? Dissent, string? NegativeEffects, bool IsMain)
{
    public const int ObservationMaxLength = 2000;
    public const int DissentMaxLength = 2000;
    public const int NegativeEffectsMaxLength = 2000;

    public static FindingTerms Validate(FindingTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var observation = Guard.Required(terms.Observation, ObservationMaxLength, "Le constat", nameof(Observation));
        if (terms.Agreement is not { } agreement || !Enum.IsDefined(agreement))
        {
            throw new DomainException("Indiquez le niveau d'accord atteint.", nameof(Agreement));
        }

        var dissent = Guard.Optional(terms.Dissent, DissentMaxLength, "Le désaccord", nameof(Dissent));
        if (agreement != AgreementLevel.Consensus && dissent is null)
        {
            throw new DomainException("Sans consensus, consignez le désaccord : il est gardé, pas effacé.", nameof(Dissent));
        }

        return new FindingTerms(observation, agreement, dissent, Guard.Optional(terms.NegativeEffects, NegativeEffectsMaxLength, "Les effets négatifs ou inattendus", nameof(NegativeEffects)), terms.IsMain);
    }
}

/// <summary>A finding of the shared reading, on one evaluative question.</summary>
public sealed class Finding
{
    public const int MaxInterpretations = 10;
    public const int MaxRecommendations = 10;

    private readonly List<Interpretation> _interpretations = [];
    private readonly List<Recommendation> _recommendations = [];

    internal Finding(Guid id, Guid questionId, int position)
    {
        Id = id;
        QuestionId = questionId;
        Position = position;
        Observation = string.Empty;
    }

    private Finding()
    {
        Observation = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid QuestionId { get; private set; }

    public int Position { get; private set; }

    public string Observation { get; private set; }

    public AgreementLevel Agreement { get; private set; }

    public string? Dissent { get; private set; }

    public string? NegativeEffects { get; private set; }

    public bool IsMain { get; private set; }

    public IReadOnlyList<Interpretation> Interpretations => _interpretations;

    public IReadOnlyList<Recommendation> Recommendations => _recommendations;

    public Recommendation Recommendation(Guid recommendationId) =>
        _recommendations.SingleOrDefault(r => r.Id == recommendationId) ?? throw new DomainException("Cette recommandation ne fait pas partie du constat.");

    internal void Change(FindingTerms terms) =>
        (Observation, Agreement, Dissent, NegativeEffects, IsMain) = (terms.Observation!, terms.Agreement!.Value, terms.Dissent, terms.NegativeEffects, terms.IsMain);

    internal void MoveTo(Guid questionId) => QuestionId = questionId;

    internal Interpretation Interpret(Guid id, string text, OrganisationRef proposedBy)
    {
        if (_interpretations.Count >= MaxInterpretations)
        {
            throw new DomainException($"Un constat compte au plus {MaxInterpretations} interprétations.");
        }

        var interpretation = new Interpretation(id, text, proposedBy);
        _interpretations.Add(interpretation);
        return interpretation;
    }

    internal void RemoveInterpretation(Guid interpretationId) =>
        _interpretations.Remove(_interpretations.SingleOrDefault(i => i.Id == interpretationId) ?? throw new DomainException("Cette interprétation ne fait pas partie du constat."));

    internal Recommendation Recommend(Guid id, string text)
    {
        if (_recommendations.Count >= MaxRecommendations)
        {
            throw new DomainException($"Un constat compte au plus {MaxRecommendations} recommandations.");
        }

        var recommendation = new Recommendation(id, text);
        _recommendations.Add(recommendation);
        return recommendation;
    }

    internal void RemoveRecommendation(Guid recommendationId)
    {
        var recommendation = Recommendation(recommendationId);
        if (recommendation.CommitmentId is not null)
        {
            throw new DomainException("Cette recommandation est devenue un engagement : elle reste.");
        }

        _recommendations.Remove(recommendation);
    }
}

/// <summary>A reading of a finding, proposed by an organisation (never a person).</summary>
public sealed class Interpretation
{
    public const int TextMaxLength = 2000;

    internal Interpretation(Guid id, string text, OrganisationRef proposedBy)
    {
        Id = id;
        Text = text;
        ProposedBy = proposedBy;
    }

    private Interpretation()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; }

    public OrganisationRef ProposedBy { get; private set; }
}

/// <summary>A recommendation drawn from a finding; it may become a commitment of the coordination platform.</summary>
public sealed class Recommendation
{
    public const int TextMaxLength = 1000;

    internal Recommendation(Guid id, string text)
    {
        Id = id;
        Text = text;
    }

    private Recommendation()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; }

    /// <summary>The commitment it became, if it did.</summary>
    public Guid? CommitmentId { get; private set; }

    internal void BecomeCommitment(Guid commitmentId)
    {
        EnsureNotCommitment();
        CommitmentId = commitmentId;
    }

    internal void EnsureNotCommitment()
    {
        if (CommitmentId is not null)
        {
            throw new DomainException("Cette recommandation est déjà devenue un engagement.");
        }
    }
}

public static class ReadingLabels
{
    public static string Label(this AgreementLevel level) => level switch
    {
        AgreementLevel.Consensus => "Consensus",
        AgreementLevel.Majority => "Accord majoritaire",
        AgreementLevel.OpenDisagreement => "Désaccord ouvert",
        _ => level.ToString(),
    };

    public static string Label(this ReadingStatus status) => status switch
    {
        ReadingStatus.Draft => "En préparation",
        ReadingStatus.Published => "Synthèse publiée",
        _ => status.ToString(),
    };
}
