using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;

namespace TrajectoirEss.Domain.Evaluation;

public enum ReferentialStatus
{
    Draft = 1,
    UnderConsultation = 2,
    Adopted = 3,

    /// <summary>A later version was adopted: this one stays, as it was, for the campaigns that used it.</summary>
    Replaced = 4,
}

public enum ReferentialAction
{
    /// <summary>Add, change or remove a value, a question, a criterion or an indicator.</summary>
    EditFrame = 1,
    OpenConsultation = 2,
    Comment = 3,
    AnswerComment = 4,
    Adopt = 5,
    Replace = 6,

    /// <summary>Start the next version as a copy (the adopted version itself does not change).</summary>
    StartNextVersion = 7,
}

/// <summary>Where a référentiel was adopted: at a session of the coordination platform, or on a date by a body named in words.</summary>
public sealed record Adoption(DateOnly AdoptedOn, Guid? SessionId, string? BodyName, Guid AdoptedBy, DateTimeOffset RecordedAt);

/// <summary>
/// The evaluation's shared frame (référentiel), versioned: values written for the public, the evaluative questions
/// (what we want to know, to decide what), the criteria that translate a value to answer a question, and the
/// indicators of each criterion. A version is drafted by the coordination, put to the members' consultation (every
/// member organisation comments or proposes; the coordination answers each comment), then adopted — and never changes
/// again: the next version starts as its copy, and replaces it when adopted.
/// <code>
/// Draft ──OpenConsultation──▶ UnderConsultation ──Adopt──▶ Adopted ──Replace──▶ Replaced
///  (EditFrame)                 (EditFrame, Comment, AnswerComment)   (StartNextVersion)
/// </code>
/// </summary>
public sealed class Referential : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int BodyNameMaxLength = 200;
    public const int MaxElements = 200;

    /// <summary>From which statuses each action is allowed, and the status it leads to (null: unchanged).</summary>
    public static readonly IReadOnlyDictionary<ReferentialAction, (ReferentialStatus[] From, ReferentialStatus? To)> Transitions =
        new Dictionary<ReferentialAction, (ReferentialStatus[] From, ReferentialStatus? To)>
        {
            [ReferentialAction.EditFrame] = ([ReferentialStatus.Draft, ReferentialStatus.UnderConsultation], null),
            [ReferentialAction.OpenConsultation] = ([ReferentialStatus.Draft], ReferentialStatus.UnderConsultation),
            [ReferentialAction.Comment] = ([ReferentialStatus.UnderConsultation], null),
            [ReferentialAction.AnswerComment] = ([ReferentialStatus.UnderConsultation], null),
            [ReferentialAction.Adopt] = ([ReferentialStatus.UnderConsultation], ReferentialStatus.Adopted),
            [ReferentialAction.Replace] = ([ReferentialStatus.Adopted], ReferentialStatus.Replaced),
            [ReferentialAction.StartNextVersion] = ([ReferentialStatus.Adopted], null),
        };

    private readonly List<EvaluationValue> _values = [];
    private readonly List<EvaluativeQuestion> _questions = [];
    private readonly List<Criterion> _criteria = [];
    private readonly List<EvaluationIndicator> _indicators = [];
    private readonly List<ConsultationComment> _comments = [];

    private Referential(Guid id, int versionNumber, string title, Guid? previousVersionId, DateTimeOffset createdAt)
    {
        Id = id;
        VersionNumber = versionNumber;
        Title = title;
        PreviousVersionId = previousVersionId;
        CreatedAt = createdAt;
        Status = ReferentialStatus.Draft;
    }

    private Referential()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the first version, then one more each time.</summary>
    public int VersionNumber { get; private set; }

    public string Title { get; private set; }

    public ReferentialStatus Status { get; private set; }

    public Guid? PreviousVersionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ConsultationOpenedAt { get; private set; }

    public Adoption? Adoption { get; private set; }

    public DateTimeOffset? ReplacedAt { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<EvaluationValue> Values => [.. _values.OrderBy(v => v.Position)];

    public IReadOnlyList<EvaluativeQuestion> Questions => [.. _questions.OrderBy(q => q.Position)];

    public IReadOnlyList<Criterion> Criteria => [.. _criteria.OrderBy(c => c.Position)];

    public IReadOnlyList<EvaluationIndicator> Indicators => [.. _indicators.OrderBy(i => i.Position)];

    /// <summary>The consultation's comments, oldest first; kept with the adopted version.</summary>
    public IReadOnlyList<ConsultationComment> Comments => [.. _comments.OrderBy(c => c.PostedAt).ThenBy(c => c.Id)];

    public static bool CanApply(ReferentialStatus status, ReferentialAction action) => Transitions[action].From.Contains(status);

    public bool Can(ReferentialAction action) => CanApply(Status, action);

    /// <summary>The first version of a frame, empty, as a draft.</summary>
    public static Referential Draft(Guid id, string? title, Guid actorId, DateTimeOffset now)
    {
        var referential = new Referential(id, 1, Guard.Required(title, TitleMaxLength, "Le titre du référentiel", nameof(Title)), null, now);
        referential.Raise(new ReferentialDrafted(referential, actorId, now));
        return referential;
    }

    /// <summary>
    /// The next version, a draft copy of this adopted one (values, questions, criteria and indicators, with new ids
    /// and their links kept; not the consultation's comments, which stay with the version they were about).
    /// </summary>
    public Referential StartNextVersion(Guid id, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReferentialAction.StartNextVersion, "Une nouvelle version part de la version adoptée en vigueur.");
        var next = new Referential(id, VersionNumber + 1, Title, Id, now);
        var values = _values.ToDictionary(v => v.Id, v => Keep(new EvaluationValue(Guid.CreateVersion7(now), v.Title, v.PublicText, v.Position), next._values));
        var questions = _questions.ToDictionary(q => q.Id, q => Keep(new EvaluativeQuestion(Guid.CreateVersion7(now), q.Text, q.DecisionServed, q.Position), next._questions));
        var criteria = _criteria.ToDictionary(c => c.Id, c => Keep(new Criterion(Guid.CreateVersion7(now), values[c.ValueId].Id, questions[c.QuestionId].Id, c.Text, c.Position), next._criteria));
        // Each indicator gets its own copy of the terms: an owned value shared by two versions would be lost by the store.
        foreach (var i in _indicators)
        {
            next._indicators.Add(new EvaluationIndicator(Guid.CreateVersion7(now), criteria[i.CriterionId].Id, i.Terms with { }, i.Position));
        }

        next.Raise(new ReferentialDrafted(next, actorId, now));
        return next;
    }

    public void Rename(string? title)
    {
        Ensure(ReferentialAction.EditFrame, FrozenMessage);
        Title = Guard.Required(title, TitleMaxLength, "Le titre du référentiel", nameof(Title));
    }

    public EvaluationValue AddValue(string? title, string? publicText, DateTimeOffset now)
    {
        EnsureEditable();
        var value = new EvaluationValue(Guid.CreateVersion7(now), EvaluationValue.CleanTitle(title), EvaluationValue.CleanText(publicText), NextPosition(_values.Select(v => v.Position)));
        _values.Add(value);
        return value;
    }

    public void EditValue(Guid valueId, string? title, string? publicText)
    {
        EnsureEditable();
        var value = Find(_values, valueId, v => v.Id, "Cette valeur ne fait pas partie du référentiel.");
        value.Change(EvaluationValue.CleanTitle(title), EvaluationValue.CleanText(publicText));
    }

    public void RemoveValue(Guid valueId)
    {
        EnsureEditable();
        var value = Find(_values, valueId, v => v.Id, "Cette valeur ne fait pas partie du référentiel.");
        if (_criteria.Any(c => c.ValueId == valueId))
        {
            throw new DomainException("Des critères traduisent cette valeur : retirez-les ou rattachez-les à une autre valeur d'abord.");
        }

        _values.Remove(value);
    }

    public EvaluativeQuestion AddQuestion(string? text, string? decisionServed, DateTimeOffset now)
    {
        EnsureEditable();
        var question = new EvaluativeQuestion(Guid.CreateVersion7(now), EvaluativeQuestion.CleanText(text), EvaluativeQuestion.CleanDecision(decisionServed), NextPosition(_questions.Select(q => q.Position)));
        _questions.Add(question);
        return question;
    }

    public void EditQuestion(Guid questionId, string? text, string? decisionServed)
    {
        EnsureEditable();
        Find(_questions, questionId, q => q.Id, "Cette question ne fait pas partie du référentiel.")
            .Change(EvaluativeQuestion.CleanText(text), EvaluativeQuestion.CleanDecision(decisionServed));
    }

    public void RemoveQuestion(Guid questionId)
    {
        EnsureEditable();
        var question = Find(_questions, questionId, q => q.Id, "Cette question ne fait pas partie du référentiel.");
        if (_criteria.Any(c => c.QuestionId == questionId))
        {
            throw new DomainException("Des critères répondent à cette question : retirez-les ou rattachez-les à une autre question d'abord.");
        }

        _questions.Remove(question);
    }

    /// <summary>A criterion translates a value and helps answer a question: both are required, and both of this frame.</summary>
    public Criterion AddCriterion(Guid? valueId, Guid? questionId, string? text, DateTimeOffset now)
    {
        EnsureEditable();
        var (value, question) = Links(valueId, questionId);
        var criterion = new Criterion(Guid.CreateVersion7(now), value, question, Criterion.CleanText(text), NextPosition(_criteria.Select(c => c.Position)));
        _criteria.Add(criterion);
        return criterion;
    }

    public void EditCriterion(Guid criterionId, Guid? valueId, Guid? questionId, string? text)
    {
        EnsureEditable();
        var criterion = Find(_criteria, criterionId, c => c.Id, "Ce critère ne fait pas partie du référentiel.");
        var (value, question) = Links(valueId, questionId);
        criterion.Change(value, question, Criterion.CleanText(text));
    }

    public void RemoveCriterion(Guid criterionId)
    {
        EnsureEditable();
        var criterion = Find(_criteria, criterionId, c => c.Id, "Ce critère ne fait pas partie du référentiel.");
        if (_indicators.Any(i => i.CriterionId == criterionId))
        {
            throw new DomainException("Des indicateurs mesurent ce critère : retirez-les ou rattachez-les à un autre critère d'abord.");
        }

        _criteria.Remove(criterion);
    }

    /// <summary>An indicator measures one criterion of this frame (required), with terms checked together (<see cref="IndicatorTerms.Validate"/>).</summary>
    public EvaluationIndicator AddIndicator(Guid? criterionId, IndicatorTerms terms, DateTimeOffset now)
    {
        EnsureEditable();
        var criterion = CriterionOf(criterionId);
        var indicator = new EvaluationIndicator(Guid.CreateVersion7(now), criterion, IndicatorTerms.Validate(terms), NextPosition(_indicators.Select(i => i.Position)));
        _indicators.Add(indicator);
        return indicator;
    }

    public void EditIndicator(Guid indicatorId, Guid? criterionId, IndicatorTerms terms)
    {
        EnsureEditable();
        var indicator = Find(_indicators, indicatorId, i => i.Id, "Cet indicateur ne fait pas partie du référentiel.");
        var criterion = CriterionOf(criterionId);
        indicator.Change(criterion, IndicatorTerms.Validate(terms));
    }

    public void RemoveIndicator(Guid indicatorId)
    {
        EnsureEditable();
        _indicators.Remove(Find(_indicators, indicatorId, i => i.Id, "Cet indicateur ne fait pas partie du référentiel."));
    }

    public EvaluationIndicator Indicator(Guid indicatorId) =>
        _indicators.SingleOrDefault(i => i.Id == indicatorId) ?? throw new DomainException("Cet indicateur ne fait pas partie du référentiel.");

    /// <summary>The indicators the organisations declare in a campaign.</summary>
    public IReadOnlyList<EvaluationIndicator> DeclaredIndicators => [.. Indicators.Where(i => i.Terms.Source == IndicatorSource.Declared)];

    /// <summary>Opens the members' consultation on a complete draft: at least a value, a question, a criterion and an indicator, and no question nor criterion left without its indicators.</summary>
    public void OpenConsultation(Guid actorId, DateTimeOffset now)
    {
        Ensure(ReferentialAction.OpenConsultation, "Seul un projet de référentiel peut être soumis à la consultation.");
        EnsureComplete();
        ConsultationOpenedAt = now;
        Move(ReferentialAction.OpenConsultation, actorId, now);
    }

    /// <summary>A member organisation comments on an element of the frame, or proposes a new question, criterion or indicator.</summary>
    public ConsultationComment Comment(CommentTarget target, string? text, OrganisationRef organisation, Guid authorId, DateTimeOffset now)
    {
        Ensure(ReferentialAction.Comment, Status == ReferentialStatus.Draft ? "La consultation n'est pas encore ouverte." : "La consultation est close : ce référentiel est adopté.");
        ArgumentNullException.ThrowIfNull(target);
        var member = OrganisationRef.Valid(organisation, nameof(ConsultationComment.Organisation));
        var exists = target.Kind switch
        {
            CommentTargetKind.Value => _values.Any(v => v.Id == target.ElementId),
            CommentTargetKind.Question => _questions.Any(q => q.Id == target.ElementId),
            CommentTargetKind.Criterion => _criteria.Any(c => c.Id == target.ElementId),
            CommentTargetKind.Indicator => _indicators.Any(i => i.Id == target.ElementId),
            CommentTargetKind.ProposedQuestion or CommentTargetKind.ProposedCriterion or CommentTargetKind.ProposedIndicator => target.ElementId is null,
            CommentTargetKind.Frame => target.ElementId is null,
            _ => false,
        };
        if (!exists)
        {
            throw new DomainException("Choisissez l'élément du référentiel que vous commentez.", nameof(ConsultationComment.Target));
        }

        if (_comments.Count >= ConsultationComment.MaxPerVersion)
        {
            throw new DomainException($"La consultation compte au plus {ConsultationComment.MaxPerVersion} contributions.");
        }

        var comment = new ConsultationComment(Guid.CreateVersion7(now), target, ConsultationComment.CleanText(text), member, authorId, now);
        _comments.Add(comment);
        Raise(new ConsultationCommentPosted(this, comment, authorId, now));
        return comment;
    }

    /// <summary>The coordination's answer to a comment: kept, changed (the frame was changed accordingly), or declined with a reason. It can be revised until adoption.</summary>
    public void AnswerComment(Guid commentId, CommentOutcome outcome, string? reason, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReferentialAction.AnswerComment, "Les réponses aux contributions se donnent pendant la consultation.");
        var comment = Find(_comments, commentId, c => c.Id, "Cette contribution ne fait pas partie de la consultation.");
        comment.Answer(outcome, reason, actorId, now);
        Raise(new ConsultationCommentAnswered(this, comment, actorId, now));
    }

    /// <summary>
    /// Adopts the version, every contribution answered, at a session of the platform or on a date by a named body;
    /// the version in force until then (<paramref name="current"/>, adopted, the previous one) is replaced.
    /// </summary>
    public void Adopt(DateOnly adoptedOn, Guid? sessionId, string? bodyName, Referential? current, Guid actorId, DateTimeOffset now)
    {
        Ensure(ReferentialAction.Adopt, Status == ReferentialStatus.Draft ? "Un référentiel est adopté après la consultation des membres." : "Ce référentiel est déjà adopté.");
        if (!PlausibleDates.Contains(adoptedOn) || adoptedOn > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
        {
            throw new DomainException("Indiquez la date d'adoption : aujourd'hui ou avant.", nameof(Adoption.AdoptedOn));
        }

        var body = Guard.Optional(bodyName, BodyNameMaxLength, "L'instance", nameof(Adoption.BodyName));
        if (sessionId is null && body is null)
        {
            throw new DomainException("Indiquez la séance de la plateforme, ou l'instance, qui a adopté le référentiel.", nameof(Adoption.SessionId));
        }

        if (_comments.Any(c => c.Outcome is null))
        {
            throw new DomainException("Répondez à chaque contribution de la consultation avant l'adoption.");
        }

        if (current is not null && (current.Id == Id || current.Status != ReferentialStatus.Adopted || current.Id != PreviousVersionId))
        {
            throw new DomainException("Seule la version en vigueur, dont celle-ci est la suite, est remplacée.");
        }

        if (current is null && PreviousVersionId is not null)
        {
            throw new DomainException("Indiquez la version en vigueur que celle-ci remplace.");
        }

        EnsureComplete();
        Adoption = new Adoption(adoptedOn, sessionId, body, actorId, now);
        current?.Replace(actorId, now);
        Move(ReferentialAction.Adopt, actorId, now);
    }

    private void Replace(Guid actorId, DateTimeOffset now)
    {
        Ensure(ReferentialAction.Replace, "Seule une version adoptée est remplacée.");
        ReplacedAt = now;
        Move(ReferentialAction.Replace, actorId, now);
    }

    private const string FrozenMessage = "Un référentiel adopté ne change plus : commencez une nouvelle version.";

    private void EnsureEditable() => Ensure(ReferentialAction.EditFrame, FrozenMessage);

    private void EnsureComplete()
    {
        if (_values.Count == 0 || _questions.Count == 0 || _criteria.Count == 0 || _indicators.Count == 0)
        {
            throw new DomainException("Le référentiel compte au moins une valeur, une question évaluative, un critère et un indicateur.");
        }

        if (_criteria.FirstOrDefault(c => _indicators.All(i => i.CriterionId != c.Id)) is { } bare)
        {
            throw new DomainException($"Le critère « {bare.Text} » n'a pas encore d'indicateur.");
        }

        if (_questions.FirstOrDefault(q => _criteria.All(c => c.QuestionId != q.Id)) is { } open)
        {
            throw new DomainException($"La question « {open.Text} » n'a pas encore de critère.");
        }
    }

    private (Guid Value, Guid Question) Links(Guid? valueId, Guid? questionId)
    {
        if (valueId is not { } value || _values.All(v => v.Id != value))
        {
            throw new DomainException("Choisissez la valeur que le critère traduit.", nameof(Criterion.ValueId));
        }

        if (questionId is not { } question || _questions.All(q => q.Id != question))
        {
            throw new DomainException("Choisissez la question évaluative à laquelle le critère répond.", nameof(Criterion.QuestionId));
        }

        return (value, question);
    }

    private Guid CriterionOf(Guid? criterionId) =>
        criterionId is { } id && _criteria.Any(c => c.Id == id)
            ? id
            : throw new DomainException("Un indicateur mesure un critère : choisissez-le.", nameof(EvaluationIndicator.CriterionId));

    private int NextPosition(IEnumerable<int> positions)
    {
        if (_values.Count + _questions.Count + _criteria.Count + _indicators.Count >= MaxElements)
        {
            throw new DomainException($"Un référentiel compte au plus {MaxElements} éléments.");
        }

        return positions.DefaultIfEmpty(0).Max() + 1;
    }

    private static T Keep<T>(T element, List<T> list)
    {
        list.Add(element);
        return element;
    }

    private static T Find<T>(List<T> list, Guid id, Func<T, Guid> key, string message) =>
        list.SingleOrDefault(e => key(e) == id) ?? throw new DomainException(message);

    private void Ensure(ReferentialAction action, string message)
    {
        if (!Can(action))
        {
            throw new DomainException(message);
        }
    }

    private void Move(ReferentialAction action, Guid actorId, DateTimeOffset now)
    {
        var from = Status;
        if (Transitions[action].To is { } next)
        {
            Status = next;
        }

        Raise(new ReferentialStatusChanged(this, from, Status, actorId, now));
    }
}
