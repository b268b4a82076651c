using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Indicators;

namespace TrajectoirEss.Domain.Evaluation;

public enum CampaignStatus
{
    Open = 1,

    /// <summary>Computed values computed once and stored; nothing changes any more.</summary>
    Frozen = 2,
}

public enum CampaignAction
{
    Declare = 1,
    Submit = 2,
    Validate = 3,
    Return = 4,
    ChangeDeadline = 5,
    Freeze = 6,
}

public enum DeclaredValueStatus
{
    Entered = 1,
    Submitted = 2,
    Validated = 3,

    /// <summary>Sent back by the coordination with a comment: to correct and submit again.</summary>
    Returned = 4,
}

public enum DeclaredValueAction
{
    Enter = 1,
    Submit = 2,
    Validate = 3,
    Return = 4,
}

/// <summary>
/// A value computed at the freeze for one indicator and one cell of its breakdowns ("total", "departement:29",
/// "pole:…", "programme:…", "annee:2024"), kept as it may be shown: the value, or — for a small cell — only the text
/// that replaces it (<see cref="Figure.MaskedText"/>). A masked value is never stored, so no later page can leak it.
/// </summary>
public sealed record ComputedValue(Guid IndicatorId, string Cell, decimal? Value, string? MaskedText)
{
    public const string Total = "total";
    public const int CellMaxLength = 100;

    public static ComputedValue Of(Guid indicatorId, string cell, Figure figure) =>
        new(indicatorId, cell, figure.Disclosed, figure.IsMasked ? figure.MaskedText : null);

    public bool IsMasked => MaskedText is not null;
}

/// <summary>Where a campaign stands for one organisation: how many declared indicators it owes, has submitted, had validated.</summary>
public sealed record Completeness(OrganisationRef Organisation, int Expected, int Entered, int Submitted, int Validated, int Returned)
{
    /// <summary>Submitted or validated, every one.</summary>
    public bool IsComplete => Submitted + Validated >= Expected;

    public int Percent => Expected == 0 ? 100 : (int)Math.Round(100m * (Submitted + Validated) / Expected, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A yearly campaign of the evaluation, for one adopted version of the frame: the organisations asked for their
/// declared indicators by a deadline, each value entered → submitted → validated (or returned with a comment and
/// submitted again), then the freeze: the computed indicators are computed once and stored with when; after the
/// freeze, nothing changes.
/// <code>
/// Open (Declare, Submit, Validate, Return, ChangeDeadline) ──Freeze──▶ Frozen
/// value: (none)/Entered/Returned ──Enter──▶ Entered ──Submit──▶ Submitted ──Validate──▶ Validated
///                                  Returned ──Submit──▶ Submitted ──Return──▶ Returned
/// </code>
/// </summary>
public sealed class Campaign : AggregateRoot
{
    public const int CommentMaxLength = 2000;
    public const int MaxComputedValues = 20_000;

    /// <summary>How many days before the deadline the organisations still owing values are reminded (then every day after, once a day).</summary>
    public const int ReminderLeadDays = 7;

    /// <summary>What any change to a frozen campaign is told.</summary>
    public const string FrozenMessage = "Cette campagne est figée : ses valeurs ne changent plus.";

    public static readonly IReadOnlyDictionary<CampaignAction, (CampaignStatus[] From, CampaignStatus? To)> Transitions =
        new Dictionary<CampaignAction, (CampaignStatus[] From, CampaignStatus? To)>
        {
            [CampaignAction.Declare] = ([CampaignStatus.Open], null),
            [CampaignAction.Submit] = ([CampaignStatus.Open], null),
            [CampaignAction.Validate] = ([CampaignStatus.Open], null),
            [CampaignAction.Return] = ([CampaignStatus.Open], null),
            [CampaignAction.ChangeDeadline] = ([CampaignStatus.Open], null),
            [CampaignAction.Freeze] = ([CampaignStatus.Open], CampaignStatus.Frozen),
        };

    /// <summary>A declared value's life: from which statuses each action is allowed (null: a value not entered yet), and where it leads.</summary>
    public static readonly IReadOnlyDictionary<DeclaredValueAction, (DeclaredValueStatus?[] From, DeclaredValueStatus To)> ValueTransitions =
        new Dictionary<DeclaredValueAction, (DeclaredValueStatus?[] From, DeclaredValueStatus To)>
        {
            [DeclaredValueAction.Enter] = ([null, DeclaredValueStatus.Entered, DeclaredValueStatus.Returned], DeclaredValueStatus.Entered),
            [DeclaredValueAction.Submit] = ([DeclaredValueStatus.Entered, DeclaredValueStatus.Returned], DeclaredValueStatus.Submitted),
            [DeclaredValueAction.Validate] = ([DeclaredValueStatus.Submitted], DeclaredValueStatus.Validated),
            [DeclaredValueAction.Return] = ([DeclaredValueStatus.Submitted], DeclaredValueStatus.Returned),
        };

    private readonly List<OrganisationRef> _organisations = [];
    private readonly List<DeclaredValue> _values = [];
    private readonly List<ComputedValue> _computed = [];
    private readonly List<CampaignReminder> _reminders = [];

    private Campaign(Guid id, Guid referentialId, int year, DateOnly deadline, DateTimeOffset openedAt)
    {
        Id = id;
        ReferentialId = referentialId;
        Year = year;
        Deadline = deadline;
        OpenedAt = openedAt;
        Status = CampaignStatus.Open;
    }

    private Campaign()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReferentialId { get; private set; }

    /// <summary>The year the campaign evaluates.</summary>
    public int Year { get; private set; }

    public DateOnly Deadline { get; private set; }

    public CampaignStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When the computed values were computed (the freeze).</summary>
    public DateTimeOffset? FrozenAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The organisations asked for their declared values.</summary>
    public IReadOnlyList<OrganisationRef> Organisations => _organisations;

    public IReadOnlyList<DeclaredValue> Values => _values;

    public IReadOnlyList<ComputedValue> ComputedValues => _computed;

    /// <summary>The last day each organisation was reminded (one line per organisation reminded at least once).</summary>
    public IReadOnlyList<CampaignReminder> Reminders => _reminders;

    public static bool CanApply(CampaignStatus status, CampaignAction action) => Transitions[action].From.Contains(status);

    public static bool CanApply(DeclaredValueStatus? status, DeclaredValueAction action) => ValueTransitions[action].From.Contains(status);

    public bool Can(CampaignAction action) => CanApply(Status, action);

    /// <summary>The refusal when the year already has its campaign (one a year; the database's unique index says so when two open at once).</summary>
    public static DomainException YearTaken(int year) =>
        new($"La campagne {year} existe déjà : une seule campagne par année évaluée.", nameof(Year));

    /// <summary>Opens the campaign of a year on the adopted frame, asking these organisations by the deadline.</summary>
    public static Campaign Open(Guid id, Referential referential, int year, DateOnly deadline, IEnumerable<OrganisationRef> organisations, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(referential);
        ArgumentNullException.ThrowIfNull(organisations);
        if (referential.Status != ReferentialStatus.Adopted)
        {
            throw new DomainException("Une campagne se fait sur la version adoptée du référentiel.");
        }

        if (year is < 2000 or > 2100)
        {
            throw new DomainException("Indiquez l'année évaluée (entre 2000 et 2100).", nameof(Year));
        }

        if (!PlausibleDates.Contains(deadline) || deadline < DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainException("L'échéance des déclarations est à venir.", nameof(Deadline));
        }

        var asked = organisations.Distinct().ToList();
        if (asked.Count == 0 || asked.Any(o => !Enum.IsDefined(o.Kind) || o.Id == Guid.Empty))
        {
            throw new DomainException("Choisissez les organisations à qui la campagne demande leurs valeurs.", nameof(Organisations));
        }

        var campaign = new Campaign(id, referential.Id, year, deadline, now);
        campaign._organisations.AddRange(asked);
        campaign.Raise(new CampaignOpened(campaign, actorId, now));
        return campaign;
    }

    public DeclaredValue? Value(OrganisationRef organisation, Guid indicatorId) =>
        _values.SingleOrDefault(v => v.Organisation == organisation && v.IndicatorId == indicatorId);

    public void ChangeDeadline(DateOnly deadline, DateTimeOffset now)
    {
        Ensure(CampaignAction.ChangeDeadline);
        if (!PlausibleDates.Contains(deadline) || deadline < DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainException("L'échéance des déclarations est à venir.", nameof(Deadline));
        }

        Deadline = deadline;
    }

    /// <summary>
    /// An organisation asked by the campaign enters (or corrects) its value of a declared indicator: a number in the
    /// indicator's unit, or a text for a qualitative one; a comment may explain it.
    /// </summary>
    public DeclaredValue Declare(Referential referential, OrganisationRef organisation, Guid indicatorId, decimal? value, string? comment, Guid authorId, DateTimeOffset now)
    {
        Ensure(CampaignAction.Declare);
        var indicator = DeclaredIndicator(referential, indicatorId);
        EnsureAsked(organisation);
        decimal? checkedValue = indicator.Terms.Source.IsQuantitative()
            ? indicator.Terms.Unit.Check(value ?? throw new DomainException("Indiquez la valeur.", nameof(DeclaredValue.Value)), "La valeur", nameof(DeclaredValue.Value))
            : null;
        var text = indicator.Terms.Source.IsQuantitative()
            ? Guard.Optional(comment, CommentMaxLength, "Le commentaire", nameof(DeclaredValue.Comment))
            : Guard.Required(comment, CommentMaxLength, "Le texte", nameof(DeclaredValue.Comment));
        var existing = Value(organisation, indicatorId);
        EnsureValue(existing?.Status, DeclaredValueAction.Enter);
        var declared = existing ?? new DeclaredValue(Guid.CreateVersion7(now), indicatorId, organisation);
        if (existing is null)
        {
            _values.Add(declared);
        }

        var from = existing?.Status;
        declared.Enter(checkedValue, text, authorId, now);
        Raise(new DeclaredValueMoved(this, declared, from, declared.Status, authorId, now));
        return declared;
    }

    /// <summary>The organisation submits its value to the coordination.</summary>
    public void Submit(OrganisationRef organisation, Guid indicatorId, Guid authorId, DateTimeOffset now)
    {
        Ensure(CampaignAction.Submit);
        var value = Value(organisation, indicatorId) ?? throw new DomainException("Saisissez d'abord la valeur.");
        Move(value, DeclaredValueAction.Submit, null, authorId, now);
    }

    /// <summary>Submits every value the organisation entered or corrected; returns how many.</summary>
    public int SubmitAll(OrganisationRef organisation, Guid authorId, DateTimeOffset now)
    {
        Ensure(CampaignAction.Submit);
        var ready = _values.Where(v => v.Organisation == organisation && CanApply(v.Status, DeclaredValueAction.Submit)).ToList();
        if (ready.Count == 0)
        {
            throw new DomainException("Aucune valeur saisie à transmettre.");
        }

        foreach (var value in ready)
        {
            Move(value, DeclaredValueAction.Submit, null, authorId, now);
        }

        return ready.Count;
    }

    public void Validate(Guid valueId, Guid actorId, DateTimeOffset now)
    {
        Ensure(CampaignAction.Validate);
        Move(Find(valueId), DeclaredValueAction.Validate, null, actorId, now);
    }

    /// <summary>Sends a submitted value back to its organisation, saying why.</summary>
    public void Return(Guid valueId, string? comment, Guid actorId, DateTimeOffset now)
    {
        Ensure(CampaignAction.Return);
        var why = Guard.Required(comment, CommentMaxLength, "Le commentaire de retour", nameof(DeclaredValue.ReturnComment));
        Move(Find(valueId), DeclaredValueAction.Return, why, actorId, now);
    }

    /// <summary>Where each organisation asked stands, against the declared indicators of the frame.</summary>
    public IReadOnlyList<Completeness> CompletenessOf(Referential referential)
    {
        ArgumentNullException.ThrowIfNull(referential);
        var expected = referential.DeclaredIndicators.Select(i => i.Id).ToHashSet();
        return
        [
            .. _organisations.Select(o =>
            {
                var values = _values.Where(v => v.Organisation == o && expected.Contains(v.IndicatorId)).ToList();
                return new Completeness(
                    o,
                    expected.Count,
                    values.Count(v => v.Status == DeclaredValueStatus.Entered),
                    values.Count(v => v.Status == DeclaredValueStatus.Submitted),
                    values.Count(v => v.Status == DeclaredValueStatus.Validated),
                    values.Count(v => v.Status == DeclaredValueStatus.Returned));
            }),
        ];
    }

    /// <summary>The organisations to remind: the deadline is near (within <paramref name="leadDays"/>) or past, and they have not submitted everything.</summary>
    public IReadOnlyList<OrganisationRef> ToRemind(Referential referential, DateOnly today, int leadDays) =>
        Status == CampaignStatus.Open && today >= Deadline.AddDays(-leadDays)
            ? [.. CompletenessOf(referential).Where(c => !c.IsComplete).Select(c => c.Organisation)]
            : [];

    /// <summary>
    /// The organisations to remind on <paramref name="today"/> (<see cref="ToRemind"/> with <see cref="ReminderLeadDays"/>)
    /// that were not reminded that day yet, the day kept as theirs: a second reminder the same day finds none.
    /// </summary>
    public IReadOnlyList<OrganisationRef> TakeRemindersFor(Referential referential, DateOnly today)
    {
        var due = ToRemind(referential, today, ReminderLeadDays).Where(o => LastRemindedOn(o) != today).ToList();
        foreach (var organisation in due)
        {
            _reminders.RemoveAll(r => r.Organisation == organisation);
            _reminders.Add(new CampaignReminder(organisation, today));
        }

        return due;
    }

    /// <summary>The last day the organisation was reminded; null when never.</summary>
    public DateOnly? LastRemindedOn(OrganisationRef organisation) => _reminders.SingleOrDefault(r => r.Organisation == organisation)?.RemindedOn;

    /// <summary>
    /// Freezes the campaign with the computed indicators' values, computed once now (each for a computed indicator
    /// of the frame); declared values not validated stay as they are, and nothing changes any more.
    /// </summary>
    public void Freeze(Referential referential, IReadOnlyList<ComputedValue> computed, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(referential);
        ArgumentNullException.ThrowIfNull(computed);
        if (Status == CampaignStatus.Frozen)
        {
            throw new DomainException("Cette campagne est déjà figée : ses valeurs ne changent plus.");
        }

        if (referential.Id != ReferentialId)
        {
            throw new DomainException("Cette campagne porte sur une autre version du référentiel.");
        }

        var computedIndicators = referential.Indicators.Where(i => i.Terms.Source == IndicatorSource.Computed).Select(i => i.Id).ToHashSet();
        if (computed.Any(c => !computedIndicators.Contains(c.IndicatorId) || string.IsNullOrWhiteSpace(c.Cell) || c.Cell.Length > ComputedValue.CellMaxLength || (c.Value is not null && c.MaskedText is not null))
            || computed.Count > MaxComputedValues
            || computed.GroupBy(c => (c.IndicatorId, c.Cell)).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("Computed values are one per computed indicator of the frame and cell.", nameof(computed));
        }

        _computed.AddRange(computed);
        FrozenAt = now;
        Status = CampaignStatus.Frozen;
        Raise(new CampaignFrozen(this, actorId, now));
    }

    private static EvaluationIndicator DeclaredIndicator(Referential referential, Guid indicatorId)
    {
        ArgumentNullException.ThrowIfNull(referential);
        var indicator = referential.Indicator(indicatorId);
        return indicator.Terms.Source == IndicatorSource.Declared
            ? indicator
            : throw new DomainException("Cet indicateur n'est pas déclaré par les organisations.", nameof(DeclaredValue.IndicatorId));
    }

    private void EnsureAsked(OrganisationRef organisation)
    {
        if (!_organisations.Contains(organisation))
        {
            throw new DomainException("Cette organisation n'est pas sollicitée par la campagne.", nameof(DeclaredValue.Organisation));
        }
    }

    private static void EnsureValue(DeclaredValueStatus? status, DeclaredValueAction action)
    {
        if (!CanApply(status, action))
        {
            throw new DomainException(status switch
            {
                DeclaredValueStatus.Validated => "Cette valeur est validée : elle ne change plus.",
                DeclaredValueStatus.Submitted when action == DeclaredValueAction.Enter => "Cette valeur est transmise : attendez la réponse de la coordination.",
                DeclaredValueStatus.Submitted => "Cette valeur est déjà transmise.",
                _ => "Cette valeur n'est pas transmise.",
            });
        }
    }

    private DeclaredValue Find(Guid valueId) => _values.SingleOrDefault(v => v.Id == valueId) ?? throw new DomainException("Cette valeur ne fait pas partie de la campagne.");

    private void Move(DeclaredValue value, DeclaredValueAction action, string? comment, Guid actorId, DateTimeOffset now)
    {
        EnsureValue(value.Status, action);
        var from = value.Status;
        value.MoveTo(ValueTransitions[action].To, comment, actorId, now);
        Raise(new DeclaredValueMoved(this, value, from, value.Status, actorId, now));
    }

    private void Ensure(CampaignAction action)
    {
        if (!Can(action))
        {
            throw new DomainException(FrozenMessage);
        }
    }
}

/// <summary>The last day an organisation was reminded of the campaign's deadline.</summary>
public sealed class CampaignReminder
{
    internal CampaignReminder(OrganisationRef organisation, DateOnly remindedOn) => (Organisation, RemindedOn) = (organisation, remindedOn);

    private CampaignReminder()
    {
    }

    public OrganisationRef Organisation { get; private set; }

    public DateOnly RemindedOn { get; private set; }
}

/// <summary>An organisation's value of a declared indicator for a campaign.</summary>
public sealed class DeclaredValue
{
    internal DeclaredValue(Guid id, Guid indicatorId, OrganisationRef organisation)
    {
        Id = id;
        IndicatorId = indicatorId;
        Organisation = organisation;
    }

    private DeclaredValue()
    {
    }

    public Guid Id { get; private set; }

    public Guid IndicatorId { get; private set; }

    public OrganisationRef Organisation { get; private set; }

    /// <summary>Null before the first entry (never saved so) and for a qualitative indicator.</summary>
    public DeclaredValueStatus Status { get; private set; }

    public decimal? Value { get; private set; }

    /// <summary>The organisation's comment (the text itself for a qualitative indicator).</summary>
    public string? Comment { get; private set; }

    /// <summary>The coordination's comment when it returned the value.</summary>
    public string? ReturnComment { get; private set; }

    public Guid LastChangedBy { get; private set; }

    public DateTimeOffset LastChangedAt { get; private set; }

    internal void Enter(decimal? value, string? comment, Guid authorId, DateTimeOffset now)
    {
        (Value, Comment, Status, LastChangedBy, LastChangedAt) = (value, comment, DeclaredValueStatus.Entered, authorId, now);
    }

    internal void MoveTo(DeclaredValueStatus status, string? returnComment, Guid actorId, DateTimeOffset now)
    {
        Status = status;
        if (status == DeclaredValueStatus.Returned)
        {
            ReturnComment = returnComment;
        }

        (LastChangedBy, LastChangedAt) = (actorId, now);
    }
}
