using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Platform;

/// <summary>A session in a member's list: when, where, where it stands, the person's registration, the minutes they may read.</summary>
public sealed record MemberSessionLine(
    Guid Id,
    DateTimeOffset StartsAt,
    string Semester,
    PlatformSessionStatus Status,
    string? Place,
    bool Registered,
    bool CanRegister,
    Minutes? Minutes);

/// <summary>The members' home: their organisation (none for the coordination), its sessions and commitments.</summary>
public sealed record MemberHomePage(
    string? Organisation,
    IReadOnlyList<MemberSessionLine> Upcoming,
    IReadOnlyList<MemberSessionLine> Past,
    IReadOnlyList<CommitmentLine> Carried,
    IReadOnlyList<CommitmentLine> Contributed);

public sealed record InvitedOrganisation(string Name, College College, AttendanceStatus Status);

public sealed record AgendaLine(int Position, string Title, int DurationMinutes, AgendaItemKind Kind);

/// <summary>A session's page for a member: what it is, who is invited, the person's registration, the minutes they may read.</summary>
public sealed record MemberSessionPage(
    Guid Id,
    string Body,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Semester,
    PlatformSessionStatus Status,
    string? Place,
    Uri? VideoLink,
    IReadOnlyList<AgendaLine> Agenda,
    IReadOnlyList<InvitedOrganisation> Invited,
    string? Organisation,
    bool Registered,
    bool CanRegister,
    Minutes? Minutes,
    DateTimeOffset? PackPublishedAt)
{
    /// <summary>The evaluation's shared readings scheduled at the session (their campaigns and years).</summary>
    public IReadOnlyList<Evaluation.Reading.ScheduledReading> Readings { get; init; } = [];
}

/// <summary>News of a commitment from its carrier: a narrative and the progress.</summary>
public sealed class CommitmentUpdateInput
{
    [Display(Name = "Où en est l'engagement ?")]
    public string? Narrative { get; set; }

    [Display(Name = "Avancement (%)")]
    public int? Progress { get; set; }
}

/// <summary>Why the carrier drops or reopens a commitment (the names are the domain's fields, so its message lands beside the box).</summary>
public sealed class CommitmentReasonInput
{
    [Display(Name = "Motif d'abandon")]
    public string? DropReason { get; set; }

    [Display(Name = "Motif de réouverture")]
    public string? Reason { get; set; }
}

/// <summary>A commitment's page for a member: read only, or with the carrier's forms.</summary>
public sealed record MemberCommitmentPage(CommitmentDetail Commitment, bool IsCarrier, bool RunsThePlatform, CommitmentUpdateInput Update, CommitmentReasonInput Reason)
{
    public bool CanPost => IsCarrier && Domain.Coordination.Commitment.CanApply(Commitment.Status, CommitmentAction.PostUpdate);

    public bool Can(CommitmentAction action) => IsCarrier && Domain.Coordination.Commitment.CanApply(Commitment.Status, action);
}

/// <summary>The carrier's moves on a commitment: start, complete, drop, reopen.</summary>
public enum CarrierMove
{
    Start = 1,
    Complete = 2,
    Drop = 3,
    Reopen = 4,
}

/// <summary>
/// The members' space: the sessions their organisation is invited to (the coordination sees all), registration, and
/// the commitments their organisation carries (it reports on them; a record it does not carry is a 404 for a POST).
/// </summary>
public sealed class MemberSpace(TrajectoirEssDbContext db, UnitOfWork unitOfWork, PlatformDirectory directory, CommitmentQueries commitments, TimeProvider clock, ILogger<MemberSpace> logger)
{
    private const int PastSessionsShown = 6;

    public async Task<MemberHomePage> HomeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var organisation = PlatformDirectory.OrganisationOf(user);
        var userId = user.GetUserId();
        var sessions = db.PlatformSessions.AsNoTracking();
        if (organisation is { } org)
        {
            sessions = sessions.Where(s => s.Attendances.Any(a => a.Organisation == org));
        }
        else if (!PlatformDirectory.RunsThePlatform(user))
        {
            sessions = sessions.Where(_ => false);
        }

        var upcoming = await sessions.Where(s => PlatformSession.UpcomingStatuses.Contains(s.Status)).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        var past = await sessions.Where(s => PlatformSession.PastStatuses.Contains(s.Status)).OrderByDescending(s => s.StartsAt).Take(PastSessionsShown).ToListAsync(cancellationToken);
        var reader = Reader(user);
        MemberSessionLine Line(PlatformSession s)
        {
            var registered = organisation is { } o && s.Attendance(o)?.People.Any(p => p.UserId == userId) == true;
            return new MemberSessionLine(s.Id, s.StartsAt, s.Semester.Label, s.Status, s.Place, registered, organisation is not null && !registered && s.Can(PlatformSessionAction.Register), s.MinutesFor(reader));
        }

        var names = organisation is { } mine ? await directory.NamesAsync([mine], cancellationToken) : null;
        var (carried, contributed) = organisation is { } of ? await commitments.OfAsync(of, cancellationToken) : ([], []);
        return new MemberHomePage(organisation is { } n ? names![n] : null, [.. upcoming.Select(Line)], [.. past.Select(Line)], carried, contributed);
    }

    /// <summary>A session's page; null when the person's organisation is not invited (and they do not run the platform).</summary>
    public async Task<MemberSessionPage?> SessionAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var session = await db.PlatformSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var organisation = PlatformDirectory.OrganisationOf(user);
        if (session is null || !MaySee(user, session, organisation))
        {
            return null;
        }

        var userId = user.GetUserId();
        var body = await db.Bodies.AsNoTracking().Where(b => b.Id == session.BodyId).Select(b => b.Name).SingleAsync(cancellationToken);
        var names = await directory.NamesAsync(session.Attendances.Select(a => a.Organisation), cancellationToken);
        var registered = organisation is { } o && session.Attendance(o)?.People.Any(p => p.UserId == userId) == true;
        return new MemberSessionPage(
            session.Id,
            body,
            session.StartsAt,
            session.EndsAt,
            session.Semester.Label,
            session.Status,
            session.Place,
            session.VideoLink,
            [.. session.Agenda.Select(i => new AgendaLine(i.Position, i.Title, i.DurationMinutes, i.Kind))],
            [.. session.Attendances.OrderBy(a => a.College).ThenBy(a => names[a.Organisation], StringComparer.CurrentCulture).Select(a => new InvitedOrganisation(names[a.Organisation], a.College, a.Status))],
            organisation is { } mine ? names.GetValueOrDefault(mine) : null,
            registered,
            organisation is not null && !registered && session.Can(PlatformSessionAction.Register),
            session.MinutesFor(Reader(user)),
            await db.ReadingPacks.AsNoTracking().Where(p => p.SessionId == session.Id && p.Status == ReadingPackStatus.Published).Select(p => p.PublishedAt).SingleOrDefaultAsync(cancellationToken))
        {
            Readings = await Evaluation.Reading.SharedReadings.AtSessionAsync(db, session.Id, cancellationToken),
        };
    }

    /// <summary>The signed-in person registers for their organisation; false when the session is not theirs (a 404).</summary>
    public async Task<bool> RegisterAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var session = await db.PlatformSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || PlatformDirectory.OrganisationOf(user) is not { } organisation || session.Attendance(organisation) is null)
        {
            return false;
        }

        session.Register(organisation, user.GetUserId(), clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
        logger.LogInformation("Registration for platform session {SessionId} by {UserId}", id, user.GetUserId());
        return true;
    }

    /// <summary>A commitment's page; the carrier's forms only for the carrier's staff.</summary>
    public async Task<MemberCommitmentPage?> CommitmentAsync(ClaimsPrincipal user, Guid id, CommitmentUpdateInput? update, CommitmentReasonInput? reason, CancellationToken cancellationToken)
    {
        var detail = await commitments.DetailAsync(id, cancellationToken);
        return detail is null
            ? null
            : new MemberCommitmentPage(detail, PlatformDirectory.OrganisationOf(user) == detail.Carrier, PlatformDirectory.RunsThePlatform(user), update ?? new CommitmentUpdateInput { Progress = detail.Progress }, reason ?? new CommitmentReasonInput());
    }

    /// <summary>The carrier posts news; false when the person does not speak for the carrier (a 404).</summary>
    public async Task<bool> PostUpdateAsync(ClaimsPrincipal user, Guid id, CommitmentUpdateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await CarriedAsync(user, id, cancellationToken) is not { } commitment)
        {
            return false;
        }

        if (input.Progress is not { } progress)
        {
            throw new DomainException($"Indiquez l'avancement, un pourcentage de {Commitment.MinProgress} à {Commitment.MaxProgress}.", nameof(CommitmentUpdateInput.Progress));
        }

        commitment.PostUpdate(input.Narrative, progress, commitment.Carrier, user.GetUserId(), clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>The carrier starts, completes, drops or reopens its commitment; false when the person does not speak for the carrier (a 404).</summary>
    public async Task<bool> MoveAsync(ClaimsPrincipal user, Guid id, CarrierMove move, string? reason, CancellationToken cancellationToken)
    {
        if (await CarriedAsync(user, id, cancellationToken) is not { } commitment)
        {
            return false;
        }

        var (actor, now) = (user.GetUserId(), clock.GetUtcNow());
        switch (move)
        {
            case CarrierMove.Start:
                commitment.Start(actor, now);
                break;
            case CarrierMove.Complete:
                commitment.Complete(actor, now);
                break;
            case CarrierMove.Drop:
                commitment.Drop(reason, actor, now);
                break;
            case CarrierMove.Reopen:
                commitment.Reopen(reason, actor, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move));
        }

        await unitOfWork.SaveAsync(cancellationToken);
        return true;
    }

    private static MinutesReader Reader(ClaimsPrincipal user) =>
        PlatformDirectory.RunsThePlatform(user) ? MinutesReader.Coordination : MinutesReader.Member;

    private static bool MaySee(ClaimsPrincipal user, PlatformSession session, OrganisationRef? organisation) =>
        organisation is { } o ? session.Attendance(o) is not null : PlatformDirectory.RunsThePlatform(user);

    private async Task<Commitment?> CarriedAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        if (PlatformDirectory.OrganisationOf(user) is not { } organisation)
        {
            return null;
        }

        return await db.Commitments.SingleOrDefaultAsync(c => c.Id == id && c.Carrier == organisation, cancellationToken);
    }
}
