using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Features.Evaluation.Results;
using TrajectoirEss.Web.Features.Platform;

namespace TrajectoirEss.Web.Features.Evaluation.Reading;

/// <summary>Who reads the reading's pages: the coordination (with its forms) or a member of the platform (read only).</summary>
public enum ReadingAudience
{
    Coordination = 1,
    Member = 2,
}

/// <summary>A finding as its form gives it; the names are the domain's (<see cref="FindingTerms"/>), so its messages land beside the field.</summary>
public sealed class FindingInput
{
    [Display(Name = "Constat")]
    public string? Observation { get; set; }

    [Display(Name = "Niveau d'accord")]
    public AgreementLevel? Agreement { get; set; }

    [Display(Name = "Désaccord")]
    public string? Dissent { get; set; }

    [Display(Name = "Effets négatifs ou inattendus")]
    public string? NegativeEffects { get; set; }

    [Display(Name = "Constat principal")]
    public bool IsMain { get; set; }

    public uint Version { get; set; }

    public FindingTerms Terms() => new(Observation, Agreement, Dissent, NegativeEffects, IsMain);
}

/// <summary>An interpretation: its text and the organisation that proposes it ("Kind:id", from the platform's directory).</summary>
public sealed class InterpretationInput
{
    [Display(Name = "Interprétation")]
    public string? Text { get; set; }

    [Display(Name = "Organisation qui la propose")]
    public string? ProposedBy { get; set; }

    public uint Version { get; set; }
}

public sealed class RecommendationInput
{
    [Display(Name = "Recommandation")]
    public string? Text { get; set; }

    public uint Version { get; set; }
}

/// <summary>The session the reading is put on (none: taken off).</summary>
public sealed class ScheduleReadingInput
{
    [Display(Name = "Séance de la plateforme")]
    public Guid? SessionId { get; set; }

    public uint Version { get; set; }
}

/// <summary>A removal: only the version the page showed (a concurrent change is told, not overwritten).</summary>
public sealed class VersionInput
{
    public uint Version { get; set; }
}

/// <summary>An evaluative question in the reading's list, with the decision it serves and its findings so far.</summary>
public sealed record ReadingQuestionLine(Guid Id, string Text, string DecisionServed, int Findings);

/// <summary>A session the reading can be put on.</summary>
public sealed record ReadingSessionChoice(Guid Id, string Label);

/// <summary>
/// The reading of a campaign: whether it can start (a frozen campaign without one), its status, the session it is
/// scheduled at, and the frame's questions with their findings count.
/// </summary>
public sealed record ReadingPage(
    ReadingAudience Audience,
    Guid CampaignId,
    int Year,
    CampaignStatus CampaignStatus,
    EvaluationReading? Reading,
    string? SessionLabel,
    IReadOnlyList<ReadingQuestionLine> Questions,
    IReadOnlyList<ReadingSessionChoice> Sessions)
{
    public string BasePath => ReadingPaths.Of(Audience, CampaignId);

    public bool IsFrozen => CampaignStatus == CampaignStatus.Frozen;
}

/// <summary>A criterion of the question, the value it translates, and its indicators' results.</summary>
public sealed record ReadingCriterion(Criterion Criterion, string Value, IReadOnlyList<IndicatorResult> Indicators);

public sealed record InterpretationLine(Interpretation Interpretation, string Organisation);

/// <summary>A finding as the page shows it: the organisations named, the commitments its recommendations became.</summary>
public sealed record FindingLine(Finding Finding, IReadOnlyList<InterpretationLine> Interpretations, IReadOnlyDictionary<Guid, string> Commitments);

/// <summary>What a chart draws (the same figures as the table beside it; a masked value is not drawn).</summary>
public sealed record ReadingChart(string Id, string Kind, IReadOnlyList<string> Labels, IReadOnlyList<decimal?> Values, string Unit);

/// <summary>The reading of one evaluative question: its criteria and indicators' results, its findings, and the forms while the reading allows.</summary>
public sealed record QuestionPage(
    ReadingAudience Audience,
    Guid CampaignId,
    int Year,
    EvaluationReading Reading,
    EvaluativeQuestion Question,
    IReadOnlyList<ReadingCriterion> Criteria,
    IReadOnlyList<FindingLine> Findings,
    IReadOnlyList<OrganisationEntry> Organisations,
    IReadOnlyList<ReadingChart> Charts)
{
    public string BasePath => ReadingPaths.Of(Audience, CampaignId);

    public string QuestionPath => $"{BasePath}/questions/{Question.Id}";

    /// <summary>Whether the findings' forms are shown: the coordination's page, while the reading's status allows.</summary>
    public bool CanEdit => Audience == ReadingAudience.Coordination && Reading.Can(ReadingAction.EditFindings);

    public bool CanLink => Audience == ReadingAudience.Coordination && Reading.Can(ReadingAction.LinkCommitment);
}

public static class ReadingPaths
{
    public static string Of(ReadingAudience audience, Guid campaignId) =>
        (audience == ReadingAudience.Coordination ? "/coordination" : "/plateforme") + $"/evaluation/campagnes/{campaignId}/lecture";
}
