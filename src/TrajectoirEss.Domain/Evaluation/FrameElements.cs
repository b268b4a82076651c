using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;

namespace TrajectoirEss.Domain.Evaluation;

/// <summary>A value (registre) of the frame, with a text written for the public ("entreprendre autrement et ensemble").</summary>
public sealed class EvaluationValue
{
    public const int TitleMaxLength = 150;
    public const int PublicTextMaxLength = 2000;

    internal EvaluationValue(Guid id, string title, string publicText, int position)
    {
        Id = id;
        Title = title;
        PublicText = publicText;
        Position = position;
    }

    private EvaluationValue()
    {
        Title = PublicText = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public string PublicText { get; private set; }

    public int Position { get; private set; }

    internal static string CleanTitle(string? title) => Guard.Required(title, TitleMaxLength, "Le nom de la valeur", nameof(Title));

    internal static string CleanText(string? text) => Guard.Required(text, PublicTextMaxLength, "Le texte pour le public", nameof(PublicText));

    internal void Change(string title, string publicText) => (Title, PublicText) = (title, publicText);
}

/// <summary>An evaluative question: what we want to know, and the decision it serves.</summary>
public sealed class EvaluativeQuestion
{
    public const int TextMaxLength = 300;
    public const int DecisionMaxLength = 500;

    internal EvaluativeQuestion(Guid id, string text, string decisionServed, int position)
    {
        Id = id;
        Text = text;
        DecisionServed = decisionServed;
        Position = position;
    }

    private EvaluativeQuestion()
    {
        Text = DecisionServed = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; }

    /// <summary>"Pour décider de…": the question comes first, tied to a decision.</summary>
    public string DecisionServed { get; private set; }

    public int Position { get; private set; }

    internal static string CleanText(string? text) => Guard.Required(text, TextMaxLength, "La question", nameof(Text));

    internal static string CleanDecision(string? text) => Guard.Required(text, DecisionMaxLength, "La décision que la question éclaire", nameof(DecisionServed));

    internal void Change(string text, string decision) => (Text, DecisionServed) = (text, decision);
}

/// <summary>A criterion: how a value is recognised, to answer a question.</summary>
public sealed class Criterion
{
    public const int TextMaxLength = 300;

    internal Criterion(Guid id, Guid valueId, Guid questionId, string text, int position)
    {
        Id = id;
        ValueId = valueId;
        QuestionId = questionId;
        Text = text;
        Position = position;
    }

    private Criterion()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ValueId { get; private set; }

    public Guid QuestionId { get; private set; }

    public string Text { get; private set; }

    public int Position { get; private set; }

    internal static string CleanText(string? text) => Guard.Required(text, TextMaxLength, "Le critère", nameof(Text));

    internal void Change(Guid valueId, Guid questionId, string text) => (ValueId, QuestionId, Text) = (valueId, questionId, text);
}

/// <summary>What an indicator is, as a form gives it; <see cref="Validate"/> checks it as a whole.</summary>
public sealed record IndicatorTerms(
    string? Title,
    IndicatorLevel Level,
    MeasureUnit Unit,
    IndicatorDirection Direction,
    IndicatorSource Source,
    MeasureCode? Measure,
    decimal? Baseline,
    decimal? Target,
    Breakdowns Breakdowns)
{
    public const int TitleMaxLength = 200;

    /// <summary>
    /// The terms, cleaned, or a domain error on the field at fault: a title, known level, unit, direction and source;
    /// a computed indicator names a measure of the catalogue, in the measure's own unit; baseline and target in the
    /// unit (a percentage from 0 to 100…); a qualitative indicator has neither.
    /// </summary>
    public static IndicatorTerms Validate(IndicatorTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var title = Guard.Required(terms.Title, TitleMaxLength, "Le nom de l'indicateur", nameof(Title));
        if (!Enum.IsDefined(terms.Level))
        {
            throw new DomainException("Choisissez le niveau de l'indicateur : réalisation, résultat ou impact.", nameof(Level));
        }

        if (!Enum.IsDefined(terms.Unit))
        {
            throw new DomainException("Choisissez l'unité de l'indicateur.", nameof(Unit));
        }

        if (!Enum.IsDefined(terms.Direction))
        {
            throw new DomainException("Indiquez dans quel sens l'indicateur progresse.", nameof(Direction));
        }

        if (!Enum.IsDefined(terms.Source))
        {
            throw new DomainException("Choisissez la source de l'indicateur.", nameof(Source));
        }

        if ((terms.Breakdowns & ~(Breakdowns.Year | Breakdowns.Departement | Breakdowns.Pole | Breakdowns.Programme)) != 0)
        {
            throw new DomainException("Choisissez les ventilations dans la liste.", nameof(Breakdowns));
        }

        MeasureCode? measure = null;
        if (terms.Source == IndicatorSource.Computed)
        {
            if (terms.Measure is not { } code || !Measures.Exists(code))
            {
                throw new DomainException("Un indicateur calculé choisit sa mesure dans le catalogue.", nameof(Measure));
            }

            if (Measures.Of(code).Unit != terms.Unit)
            {
                throw new DomainException($"Cette mesure s'exprime en « {Measures.Of(code).Unit.Label()} » : choisissez cette unité.", nameof(Unit));
            }

            measure = code;
        }

        if (!terms.Source.IsQuantitative() && (terms.Baseline is not null || terms.Target is not null))
        {
            throw new DomainException("Un indicateur qualitatif n'a ni valeur de référence ni cible.", nameof(Target));
        }

        var baseline = terms.Baseline is { } b ? terms.Unit.Check(b, "La valeur de référence", nameof(Baseline)) : (decimal?)null;
        var target = terms.Target is { } t ? terms.Unit.Check(t, "La cible", nameof(Target)) : (decimal?)null;
        return new IndicatorTerms(title, terms.Level, terms.Unit, terms.Direction, terms.Source, measure, baseline, target, terms.Breakdowns);
    }
}

/// <summary>An indicator of a criterion, with its terms (level, unit, direction, source, baseline, target, breakdowns).</summary>
public sealed class EvaluationIndicator
{
    internal EvaluationIndicator(Guid id, Guid criterionId, IndicatorTerms terms, int position)
    {
        Id = id;
        CriterionId = criterionId;
        Terms = terms;
        Position = position;
    }

    private EvaluationIndicator()
    {
        Terms = null!;
    }

    public Guid Id { get; private set; }

    public Guid CriterionId { get; private set; }

    public IndicatorTerms Terms { get; private set; }

    public int Position { get; private set; }

    public string Title => Terms.Title!;

    /// <summary>The definition shown beside the indicator: the measure's for a computed one (the dashboard's text when it is a dashboard indicator).</summary>
    public string? Definition => Terms.Measure is { } code ? Measures.Of(code).Definition : null;

    internal void Change(Guid criterionId, IndicatorTerms terms) => (CriterionId, Terms) = (criterionId, terms);
}

/// <summary>What a contribution to the consultation is about: an element of the frame, the frame as a whole, or a proposal of a new element.</summary>
public enum CommentTargetKind
{
    Frame = 1,
    Value = 2,
    Question = 3,
    Criterion = 4,
    Indicator = 5,
    ProposedQuestion = 6,
    ProposedCriterion = 7,
    ProposedIndicator = 8,
}

/// <summary>The element a contribution is about (none for the frame and for proposals).</summary>
public sealed record CommentTarget(CommentTargetKind Kind, Guid? ElementId);

/// <summary>The coordination's answer to a contribution.</summary>
public enum CommentOutcome
{
    /// <summary>Noted; the frame stays as it is (it already says so, or the remark is for later).</summary>
    Kept = 1,

    /// <summary>The frame was changed accordingly.</summary>
    Changed = 2,

    /// <summary>Declined, with the reason given to the organisation.</summary>
    Declined = 3,
}

public static class ConsultationLabels
{
    public static string Label(this CommentTargetKind kind) => kind switch
    {
        CommentTargetKind.Frame => "Le référentiel dans son ensemble",
        CommentTargetKind.Value => "Une valeur",
        CommentTargetKind.Question => "Une question évaluative",
        CommentTargetKind.Criterion => "Un critère",
        CommentTargetKind.Indicator => "Un indicateur",
        CommentTargetKind.ProposedQuestion => "Proposition d'une nouvelle question",
        CommentTargetKind.ProposedCriterion => "Proposition d'un nouveau critère",
        CommentTargetKind.ProposedIndicator => "Proposition d'un nouvel indicateur",
        _ => kind.ToString(),
    };

    public static string Label(this CommentOutcome outcome) => outcome switch
    {
        CommentOutcome.Kept => "Prise en compte, sans changement",
        CommentOutcome.Changed => "Le référentiel a été modifié",
        CommentOutcome.Declined => "Non retenue",
        _ => outcome.ToString(),
    };

    public static string Label(this ReferentialStatus status) => status switch
    {
        ReferentialStatus.Draft => "Projet",
        ReferentialStatus.UnderConsultation => "En consultation",
        ReferentialStatus.Adopted => "Adopté",
        ReferentialStatus.Replaced => "Remplacé",
        _ => status.ToString(),
    };

    public static string Label(this CampaignStatus status) => status switch
    {
        CampaignStatus.Open => "Ouverte",
        CampaignStatus.Frozen => "Figée",
        _ => status.ToString(),
    };

    public static string Label(this DeclaredValueStatus status) => status switch
    {
        DeclaredValueStatus.Entered => "Saisie",
        DeclaredValueStatus.Submitted => "Transmise",
        DeclaredValueStatus.Validated => "Validée",
        DeclaredValueStatus.Returned => "Renvoyée pour correction",
        _ => status.ToString(),
    };
}

/// <summary>A member organisation's contribution to the consultation, and the coordination's answer.</summary>
public sealed class ConsultationComment
{
    public const int TextMaxLength = 4000;
    public const int ReasonMaxLength = 2000;
    public const int MaxPerVersion = 1000;

    internal ConsultationComment(Guid id, CommentTarget target, string text, OrganisationRef organisation, Guid authorId, DateTimeOffset postedAt)
    {
        Id = id;
        Target = target;
        Text = text;
        Organisation = organisation;
        AuthorId = authorId;
        PostedAt = postedAt;
    }

    private ConsultationComment()
    {
        Target = null!;
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public CommentTarget Target { get; private set; }

    public string Text { get; private set; }

    public OrganisationRef Organisation { get; private set; }

    public Guid AuthorId { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public CommentOutcome? Outcome { get; private set; }

    public string? AnswerText { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    internal static string CleanText(string? text) => Guard.Required(text, TextMaxLength, "La contribution", nameof(Text));

    internal void Answer(CommentOutcome outcome, string? reason, Guid actorId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("Choisissez la suite donnée à la contribution.", nameof(Outcome));
        }

        var text = outcome == CommentOutcome.Declined
            ? Guard.Required(reason, ReasonMaxLength, "La raison", nameof(AnswerText))
            : Guard.Optional(reason, ReasonMaxLength, "La réponse", nameof(AnswerText));
        (Outcome, AnswerText, AnsweredBy, AnsweredAt) = (outcome, text, actorId, now);
    }
}
