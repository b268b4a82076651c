using System.Globalization;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Areas.Admin.Shared;

namespace TrajectoirEss.Web.Features.Evaluation.Frame;

/// <summary>
/// The kinds of element of a frame the coordinators edit, as their addresses write them. The labels are the
/// domain's (<see cref="ConsultationLabels"/>): a value, a question, a criterion, an indicator.
/// </summary>
public static class FrameElementKinds
{
    public static readonly IReadOnlyDictionary<string, CommentTargetKind> BySlug = new Dictionary<string, CommentTargetKind>(StringComparer.Ordinal)
    {
        ["valeurs"] = CommentTargetKind.Value,
        ["questions"] = CommentTargetKind.Question,
        ["criteres"] = CommentTargetKind.Criterion,
        ["indicateurs"] = CommentTargetKind.Indicator,
    };

    public static string Slug(CommentTargetKind kind) => BySlug.Single(k => k.Value == kind).Key;

    public static CommentTargetKind? Parse(string? slug) => slug is not null && BySlug.TryGetValue(slug, out var kind) ? kind : null;
}

/// <summary>
/// An element of the frame as its form gives it — a value, a question, a criterion or an indicator: each kind uses
/// its fields. The names are the domain's, so its messages land beside the field; the rules are the domain's.
/// </summary>
public sealed class FrameElementInput
{
    /// <summary>A value's name, an indicator's name.</summary>
    public string? Title { get; set; }

    public string? PublicText { get; set; }

    /// <summary>A question's text, a criterion's text.</summary>
    public string? Text { get; set; }

    public string? DecisionServed { get; set; }

    public Guid? ValueId { get; set; }

    public Guid? QuestionId { get; set; }

    public Guid? CriterionId { get; set; }

    public IndicatorLevel? Level { get; set; }

    public MeasureUnit? Unit { get; set; }

    public IndicatorDirection? Direction { get; set; }

    public IndicatorSource? Source { get; set; }

    public MeasureCode? Measure { get; set; }

    public decimal? Baseline { get; set; }

    public decimal? Target { get; set; }

    public List<Breakdowns> Breakdowns { get; set; } = [];

    /// <summary>The version of the frame the form was read from (optimistic concurrency).</summary>
    public uint Version { get; set; }

    /// <summary>
    /// The indicator's terms as typed: a missing choice is passed on as an unknown one, which the domain refuses with
    /// its message; a computed indicator left without a unit takes its measure's (the domain checks any unit given).
    /// </summary>
    public IndicatorTerms Terms()
    {
        var unit = Unit ?? (Source == IndicatorSource.Computed && Measure is { } code && Measures.Exists(code) ? Measures.Of(code).Unit : default);
        var breakdowns = Breakdowns.Aggregate(Domain.Evaluation.Breakdowns.None, (all, b) => all | b);
        return new IndicatorTerms(Title, Level ?? default, unit, Direction ?? default, Source ?? default, Measure, Baseline, Target, breakdowns);
    }

    public static FrameElementInput From(Referential frame, CommentTargetKind kind, Guid elementId)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var input = new FrameElementInput { Version = frame.Version };
        switch (kind)
        {
            case CommentTargetKind.Value when frame.Values.SingleOrDefault(v => v.Id == elementId) is { } value:
                (input.Title, input.PublicText) = (value.Title, value.PublicText);
                break;
            case CommentTargetKind.Question when frame.Questions.SingleOrDefault(q => q.Id == elementId) is { } question:
                (input.Text, input.DecisionServed) = (question.Text, question.DecisionServed);
                break;
            case CommentTargetKind.Criterion when frame.Criteria.SingleOrDefault(c => c.Id == elementId) is { } criterion:
                (input.ValueId, input.QuestionId, input.Text) = (criterion.ValueId, criterion.QuestionId, criterion.Text);
                break;
            case CommentTargetKind.Indicator when frame.Indicators.SingleOrDefault(i => i.Id == elementId) is { } indicator:
                var t = indicator.Terms;
                input.CriterionId = indicator.CriterionId;
                (input.Title, input.Level, input.Unit, input.Direction, input.Source, input.Measure, input.Baseline, input.Target) =
                    (t.Title, t.Level, t.Unit, t.Direction, t.Source, t.Measure, t.Baseline, t.Target);
                input.Breakdowns = [.. Enum.GetValues<Breakdowns>().Where(b => b != Domain.Evaluation.Breakdowns.None && t.Breakdowns.HasFlag(b))];
                break;
        }

        return input;
    }

    /// <summary>What the form says, in words, to compare a concurrent change with what was typed.</summary>
    public IReadOnlyList<(string Label, string? Value)> Describe(CommentTargetKind kind, Referential frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        string? Decimal(decimal? d) => d?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"));
        return kind switch
        {
            CommentTargetKind.Value => [("Nom", Title), ("Texte pour le public", PublicText)],
            CommentTargetKind.Question => [("Question", Text), ("Pour décider", DecisionServed)],
            CommentTargetKind.Criterion =>
            [
                ("Valeur", frame.Values.SingleOrDefault(v => v.Id == ValueId)?.Title),
                ("Question", frame.Questions.SingleOrDefault(q => q.Id == QuestionId)?.Text),
                ("Critère", Text),
            ],
            _ =>
            [
                ("Critère", frame.Criteria.SingleOrDefault(c => c.Id == CriterionId)?.Text),
                ("Nom", Title),
                ("Niveau", Level?.Label()),
                ("Source", Source?.Label()),
                ("Mesure", Measure is { } m && Measures.Exists(m) ? Measures.Of(m).Label : null),
                ("Unité", Unit?.Label()),
                ("Sens", Direction?.Label()),
                ("Valeur de référence", Decimal(Baseline)),
                ("Cible", Decimal(Target)),
                ("Ventilations", string.Join(", ", Breakdowns.Order().Select(b => b.Label()))),
            ],
        };
    }
}

/// <summary>The page of one element: its form (new or edit) in the version in preparation.</summary>
public sealed class FrameElementPage
{
    public required Referential Frame { get; init; }

    public required CommentTargetKind Kind { get; init; }

    /// <summary>The element edited; null when adding one.</summary>
    public Guid? ElementId { get; init; }

    public required FrameElementInput Input { get; init; }

    public required IReadOnlyList<ConflictLine> Conflict { get; init; }

    public string Slug => FrameElementKinds.Slug(Kind);

    public string Action => ElementId is { } id ? $"/coordination/evaluation/referentiel/{Frame.Id}/{Slug}/{id}" : $"/coordination/evaluation/referentiel/{Frame.Id}/{Slug}/nouveau";

    public bool Editable => Frame.Can(ReferentialAction.EditFrame);
}

/// <summary>The title of the version in preparation.</summary>
public sealed class FrameTitleInput
{
    public string? Title { get; set; }

    public uint Version { get; set; }
}

/// <summary>A version adopted: the date, and the platform's session or the body named in words.</summary>
public sealed class AdoptionInput
{
    public DateOnly? AdoptedOn { get; set; }

    public Guid? SessionId { get; set; }

    public string? BodyName { get; set; }

    public uint Version { get; set; }
}

/// <summary>The coordination's answer to a contribution.</summary>
public sealed class CommentAnswerInput
{
    public CommentOutcome? Outcome { get; set; }

    public string? AnswerText { get; set; }

    public uint Version { get; set; }
}

/// <summary>A choice of session of the platform, for the adoption.</summary>
public sealed record AdoptionSessionChoice(Guid Id, string Label);

/// <summary>
/// The coordinators' page of the frame in preparation: the version in preparation (draft or under consultation)
/// with its elements, its contributions and what can be done with it; or, when there is none, how to start one.
/// </summary>
public sealed class FramePreparationPage
{
    /// <summary>The version in preparation; null when none.</summary>
    public Referential? InPreparation { get; init; }

    /// <summary>The version in force, from which the next one starts.</summary>
    public Referential? InForce { get; init; }

    public required IReadOnlyDictionary<OrganisationRef, string> Organisations { get; init; }

    public required IReadOnlyList<AdoptionSessionChoice> Sessions { get; init; }

    public FrameTitleInput Start { get; init; } = new();

    public FrameTitleInput Rename { get; init; } = new();

    public AdoptionInput Adopt { get; init; } = new();

    public bool Editable => InPreparation?.Can(ReferentialAction.EditFrame) == true;

    public string Base => $"/coordination/evaluation/referentiel/{InPreparation?.Id}";

    public IEnumerable<Criterion> CriteriaOf(EvaluativeQuestion question) => InPreparation?.Criteria.Where(c => c.QuestionId == question.Id) ?? [];

    public IEnumerable<EvaluationIndicator> IndicatorsOf(Criterion criterion) => InPreparation?.Indicators.Where(i => i.CriterionId == criterion.Id) ?? [];

    public string ValueTitle(Guid valueId) => InPreparation?.Values.FirstOrDefault(v => v.Id == valueId)?.Title ?? string.Empty;

    public string TargetOf(ConsultationComment comment) => FrameText.TargetOf(InPreparation, comment);
}

/// <summary>The page of one contribution, with the coordination's answer form.</summary>
public sealed class CommentAnswerPage
{
    public required Referential Frame { get; init; }

    public required ConsultationComment Comment { get; init; }

    public required string Organisation { get; init; }

    public required CommentAnswerInput Input { get; init; }

    public string Target => FrameText.TargetOf(Frame, Comment);
}

/// <summary>What a frame's texts say of its elements, for every page that shows a contribution.</summary>
public static class FrameText
{
    /// <summary>What a contribution is about, in words ("Une valeur : « Coopération »").</summary>
    public static string TargetOf(Referential? frame, ConsultationComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var element = comment.Target.ElementId is { } id && frame is not null
            ? comment.Target.Kind switch
            {
                CommentTargetKind.Value => frame.Values.FirstOrDefault(v => v.Id == id)?.Title,
                CommentTargetKind.Question => frame.Questions.FirstOrDefault(q => q.Id == id)?.Text,
                CommentTargetKind.Criterion => frame.Criteria.FirstOrDefault(c => c.Id == id)?.Text,
                CommentTargetKind.Indicator => frame.Indicators.FirstOrDefault(i => i.Id == id)?.Title,
                _ => null,
            }
            : null;
        return element is null ? comment.Target.Kind.Label() : $"{comment.Target.Kind.Label()} : « {element} »";
    }
}
