using System.Globalization;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Indicators;

namespace TrajectoirEss.Domain.Coordination;

/// <summary>Where a session's reading pack stands. Changes only through the methods of <see cref="ReadingPack"/>.</summary>
public enum ReadingPackStatus
{
    /// <summary>Its figures are computed and stored; coordinators read it, members do not yet. It can be frozen again.</summary>
    Frozen = 1,

    /// <summary>The members read it; nothing in it changes any more.</summary>
    Published = 2,
}

/// <summary>The moves a pack can make (its first freeze is its creation).</summary>
public enum ReadingPackAction
{
    /// <summary>Compute the content again from the portal's records, replacing the stored one.</summary>
    Freeze = 1,

    Publish = 2,
}

/// <summary>
/// The period a reading pack reads, [<see cref="From"/>, <see cref="To"/>) in Paris days, with its French label.
/// </summary>
public readonly record struct PackPeriod(DateOnly From, DateOnly To)
{
    /// <summary>How many months a pack reads: the platform meets twice a year.</summary>
    public const int Months = 6;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// The period of a pack frozen on <paramref name="freezeDay"/>: the six complete calendar months before the
    /// month of the freeze (frozen on 20 May 2026: November 2025 to April 2026). Complete months, because a month's
    /// records are entered in the weeks after it (the month under way would read low); six, because the platform
    /// meets twice a year, so consecutive packs read consecutive half-years and each session reads what happened
    /// since the one before (a June session reads the winter, a December one the summer) rather than a calendar
    /// semester already five months old. Its comparisons are <see cref="Previous"/> and <see cref="YearBefore"/>.
    /// </summary>
    public static PackPeriod FrozenOn(DateOnly freezeDay)
    {
        var to = new DateOnly(freezeDay.Year, freezeDay.Month, 1);
        return new PackPeriod(to.AddMonths(-Months), to);
    }

    /// <summary>The six months just before.</summary>
    public PackPeriod Previous() => new(From.AddMonths(-Months), From);

    /// <summary>The same months a year before.</summary>
    public PackPeriod YearBefore() => new(From.AddYears(-1), To.AddYears(-1));

    /// <summary>"de novembre 2025 à avril 2026".</summary>
    public string Label => "de " + From.ToString("MMMM yyyy", French) + " à " + To.AddDays(-1).ToString("MMMM yyyy", French);

    public override string ToString() => Label;
}

/// <summary>
/// A figure of a pack as it was shown at the freeze: its text (the value in its unit, "&lt; 3" or "s" when masked)
/// and its value only when it may be disclosed. A masked value is never stored, so no later page or export can show it.
/// </summary>
public sealed record PackFigure(string Text, decimal? Value, bool Masked)
{
    public static PackFigure Of(Figure figure, string text) => new(text, figure.Disclosed, figure.IsMasked);
}

/// <summary>One indicator of the period, beside the previous period and the same period a year before.</summary>
public sealed record PackIndicator(Indicator Code, string Label, PackFigure Current, PackFigure Previous, PackFigure YearBefore, string? ChangeOnPrevious, string? ChangeOnYearBefore);

/// <summary>A row of a table by area (a département or a pôle): one figure per indicator, in the order of <see cref="ReadingPackContent.Indicators"/>.</summary>
public sealed record PackAreaRow(string Name, string? Departement, IReadOnlyList<PackFigure> Cells);

public sealed record PackConversion(string Step, PackFigure Projects);

public sealed record PackFlow(string From, string To, PackFigure Projects);

public sealed record PackDelay(string From, string To, PackFigure Projects, PackFigure FirstQuartile, PackFigure Median, PackFigure ThirdQuartile);

/// <summary>A commitment as the pack reads it: its status then, and its last update.</summary>
public sealed record PackCommitment(
    Guid Id,
    string Title,
    string Carrier,
    CommitmentStatus Status,
    int Progress,
    DateOnly? DueOn,
    DateTimeOffset? LastUpdateAt,
    string? LastUpdate,
    bool NeedsUpdate,
    DateTimeOffset? ClosedAt,
    string? DropReason)
{
    /// <summary>
    /// A commitment as of the freeze: it needs an update when it is open and nothing was posted since the last held
    /// session (<see cref="Commitment.NeedsUpdateSince"/>); no session held yet, nothing owed.
    /// </summary>
    public static PackCommitment Of(Commitment commitment, string carrier, DateTimeOffset? lastSessionAt)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var updates = commitment.Updates;
        var last = updates.Count > 0 ? updates[^1] : null;
        return new PackCommitment(
            commitment.Id,
            commitment.Title,
            carrier,
            commitment.Status,
            commitment.Progress,
            commitment.DueOn,
            last?.PostedAt,
            last?.Narrative,
            lastSessionAt is { } at && commitment.NeedsUpdateSince(at),
            commitment.ClosedAt,
            commitment.DropReason);
    }
}

/// <summary>
/// The commitments at the freeze: every open one (with its last update, flagged when it has none since the last
/// held session), and those done or dropped since that session (all those done or dropped, when none was held).
/// </summary>
public sealed record PackCommitments(DateTimeOffset? LastSessionAt, IReadOnlyList<PackCommitment> Open, IReadOnlyList<PackCommitment> ClosedSinceLastSession)
{
    /// <summary>Sorts the commitments into the pack's two lists (open ones by title; closed ones the latest first).</summary>
    public static PackCommitments Of(IEnumerable<Commitment> commitments, Func<OrganisationRef, string> name, DateTimeOffset? lastSessionAt)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(name);
        var all = commitments.ToList();
        var open = all.Where(c => Commitment.OpenStatuses.Contains(c.Status))
            .OrderByDescending(c => lastSessionAt is { } at && c.NeedsUpdateSince(at)).ThenBy(c => c.Title, StringComparer.CurrentCulture)
            .Select(c => PackCommitment.Of(c, name(c.Carrier), lastSessionAt)).ToList();
        var closed = all.Where(c => !Commitment.OpenStatuses.Contains(c.Status) && (lastSessionAt is not { } at || c.ClosedAt is null || c.ClosedAt >= at))
            .OrderByDescending(c => c.ClosedAt)
            .Select(c => PackCommitment.Of(c, name(c.Carrier), lastSessionAt)).ToList();
        return new PackCommitments(lastSessionAt, open, closed);
    }
}

/// <summary>
/// What a reading pack holds, computed once at the freeze and stored as it is (a JSON document): opening the pack
/// never computes anything again. <see cref="SchemaVersion"/> says which shape a stored document has, should it change.
/// </summary>
/// <param name="Indicators">The period's indicators with their comparisons; the tables by area follow this order.</param>
/// <param name="Departements">The indicators by département (each département's own computation, not a sum of pôles).</param>
/// <param name="Poles">The indicators by pôle, masked cells protected against the total as on the dashboard.</param>
public sealed record ReadingPackContent(
    int SchemaVersion,
    DateTimeOffset ComputedAt,
    PackPeriod Period,
    PackPeriod PreviousPeriod,
    PackPeriod YearBeforePeriod,
    IReadOnlyList<PackIndicator> Indicators,
    IReadOnlyList<PackAreaRow> Departements,
    IReadOnlyList<PackAreaRow> Poles,
    IReadOnlyList<PackConversion> Conversions,
    IReadOnlyList<PackFlow> Flows,
    IReadOnlyList<PackDelay> Delays,
    PackCommitments Commitments)
{
    public const int CurrentSchemaVersion = 1;
}

/// <summary>
/// The reading pack (dossier de séance) of a session: the programme's figures for the period before it, computed
/// once at the data freeze and stored, then published to the members. Every move is checked against <see cref="Transitions"/>:
/// <code>
/// (first freeze) ──▶ Frozen ──Publish──▶ Published
///                     │ ▲
///                     └─┘ Freeze again (replaces the content, says when)
/// </code>
/// A pack prepares a session: it is frozen and published only while the session is still to come
/// (<see cref="PlatformSessionAction.Prepare"/>, Planned or Convened); after that it is the record of what the
/// members read. Freezing marks the session's milestone <see cref="MilestoneKind.DataFrozen"/> done, publishing
/// <see cref="MilestoneKind.PackPublished"/> (unless a coordinator already ticked it by hand).
/// </summary>
public sealed class ReadingPack : AggregateRoot
{
    public static readonly IReadOnlyDictionary<ReadingPackAction, (ReadingPackStatus[] From, ReadingPackStatus? To)> Transitions =
        new Dictionary<ReadingPackAction, (ReadingPackStatus[] From, ReadingPackStatus? To)>
        {
            [ReadingPackAction.Freeze] = ([ReadingPackStatus.Frozen], null),
            [ReadingPackAction.Publish] = ([ReadingPackStatus.Frozen], ReadingPackStatus.Published),
        };

    private ReadingPack(Guid id, Guid sessionId, ReadingPackContent content)
    {
        Id = id;
        SessionId = sessionId;
        Content = content;
        Status = ReadingPackStatus.Frozen;
    }

    private ReadingPack()
    {
        Content = null!;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public ReadingPackStatus Status { get; private set; }

    public ReadingPackContent Content { get; private set; }

    /// <summary>When its content was last computed (the figures also say it: <see cref="ReadingPackContent.ComputedAt"/>).</summary>
    public DateTimeOffset FrozenAt { get; private set; }

    public Guid FrozenBy { get; private set; }

    /// <summary>How many times it was frozen (1 the first time).</summary>
    public int Freezes { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public Guid? PublishedBy { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public bool IsPublished => Status == ReadingPackStatus.Published;

    public static bool CanApply(ReadingPackStatus status, ReadingPackAction action) => Transitions[action].From.Contains(status);

    public bool Can(ReadingPackAction action) => CanApply(Status, action);

    /// <summary>
    /// Whether the session's pack can be frozen (a first time, or again while <paramref name="existing"/> is not
    /// published), else the domain error: asked before computing the content, which costs.
    /// </summary>
    public static void EnsureCanFreeze(PlatformSession session, ReadingPack? existing)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (existing is not null)
        {
            existing.Ensure(ReadingPackAction.Freeze, "Le dossier de séance est publié : ses chiffres ne changent plus.");
            existing.EnsureOwn(session);
        }

        EnsureUpcoming(session);
    }

    /// <summary>The first freeze of a session's pack: the content computed now from the portal's records.</summary>
    public static ReadingPack Freeze(Guid id, PlatformSession session, ReadingPackContent content, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(content);
        EnsureCanFreeze(session, null);
        var pack = new ReadingPack(id, session.Id, content);
        pack.Store(session, content, actorId, now);
        return pack;
    }

    /// <summary>Freezes again (the data changed, a figure was corrected): the content is replaced and the pack says when.</summary>
    public void Refreeze(PlatformSession session, ReadingPackContent content, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(content);
        EnsureCanFreeze(session, this);
        Store(session, content, actorId, now);
    }

    /// <summary>Publishes the pack to the members invited to the session; nothing in it changes afterwards.</summary>
    public void Publish(PlatformSession session, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        Ensure(ReadingPackAction.Publish, "Le dossier de séance est déjà publié.");
        EnsureOwn(session);
        EnsureUpcoming(session);
        PublishedAt = now;
        PublishedBy = actorId;
        Status = Transitions[ReadingPackAction.Publish].To!.Value;
        MarkDone(session, MilestoneKind.PackPublished, actorId, now);
        Raise(new ReadingPackPublished(this, actorId, now));
    }

    private static void EnsureUpcoming(PlatformSession session)
    {
        if (!session.Can(PlatformSessionAction.Prepare))
        {
            throw new DomainException("Le dossier de séance se prépare avant la séance : celle-ci est tenue, close ou annulée.");
        }
    }

    private static void MarkDone(PlatformSession session, MilestoneKind kind, Guid actorId, DateTimeOffset now)
    {
        if (session.Milestones.Any(m => m.Kind == kind && !m.IsDone))
        {
            session.MarkMilestoneDone(kind, actorId, now);
        }
    }

    private void Store(PlatformSession session, ReadingPackContent content, Guid actorId, DateTimeOffset now)
    {
        Content = content;
        FrozenAt = now;
        FrozenBy = actorId;
        Freezes++;
        MarkDone(session, MilestoneKind.DataFrozen, actorId, now);
        Raise(new ReadingPackFrozen(this, actorId, now));
    }

    private void EnsureOwn(PlatformSession session)
    {
        if (session.Id != SessionId)
        {
            throw new DomainException("Ce dossier n'est pas celui de cette séance.");
        }
    }

    private void Ensure(ReadingPackAction action, string message)
    {
        if (!Can(action))
        {
            throw new DomainException(message);
        }
    }
}

/// <summary>A pack's content was computed and stored (the first time or again).</summary>
public sealed record ReadingPackFrozen(ReadingPack Pack, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);

/// <summary>The members can read the pack.</summary>
public sealed record ReadingPackPublished(ReadingPack Pack, Guid ActorId, DateTimeOffset OccurredAt) : DomainEvent(ActorId, OccurredAt);
