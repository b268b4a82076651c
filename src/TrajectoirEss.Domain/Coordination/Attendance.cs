namespace TrajectoirEss.Domain.Coordination;

/// <summary>Where an invited organisation, or one of its people, stands for a session.</summary>
public enum AttendanceStatus
{
    Invited = 1,
    Registered = 2,
    Present = 3,
    Excused = 4,

    /// <summary>Absent, its voice carried by another member organisation (an organisation only).</summary>
    Represented = 5,
}

public static class AttendanceStatuses
{
    /// <summary>What can be recorded once the session is held.</summary>
    public static readonly IReadOnlyList<AttendanceStatus> Recorded = [AttendanceStatus.Present, AttendanceStatus.Excused, AttendanceStatus.Represented];

    public static string Label(this AttendanceStatus status) => status switch
    {
        AttendanceStatus.Invited => "Invitée",
        AttendanceStatus.Registered => "Inscrite",
        AttendanceStatus.Present => "Présente",
        AttendanceStatus.Excused => "Excusée",
        AttendanceStatus.Represented => "Représentée",
        _ => status.ToString(),
    };

    /// <summary>Whether the organisation took part: present, or represented by another.</summary>
    public static bool Attended(this AttendanceStatus status) => status is AttendanceStatus.Present or AttendanceStatus.Represented;
}

/// <summary>
/// An organisation invited to a session (a member of the body on the session's date, in its college then), its
/// people who registered, and what was recorded once the session was held.
/// </summary>
public sealed class SessionAttendance
{
    private readonly List<Attendee> _people = [];

    internal SessionAttendance(OrganisationRef organisation, College college, DateTimeOffset invitedAt)
    {
        Organisation = organisation;
        College = college;
        InvitedAt = invitedAt;
        Status = AttendanceStatus.Invited;
    }

    private SessionAttendance()
    {
    }

    public OrganisationRef Organisation { get; private set; }

    public College College { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public AttendanceStatus Status { get; private set; }

    /// <summary>The member organisation that carried its voice, when <see cref="AttendanceStatus.Represented"/>.</summary>
    public OrganisationRef? RepresentedBy { get; private set; }

    public IReadOnlyList<Attendee> People => _people;

    internal Attendee? Person(Guid userId) => _people.SingleOrDefault(p => p.UserId == userId);

    internal void Register(Guid userId, DateTimeOffset now)
    {
        _people.Add(new Attendee(userId, now));
        Status = AttendanceStatus.Registered;
    }

    internal void Record(AttendanceStatus status, OrganisationRef? representedBy)
    {
        Status = status;
        RepresentedBy = representedBy;
    }

    internal void RecordPerson(Guid userId, AttendanceStatus status, DateTimeOffset now)
    {
        var person = Person(userId);
        if (person is null)
        {
            person = new Attendee(userId, now);
            _people.Add(person);
        }

        person.Record(status);
        if (status == AttendanceStatus.Present)
        {
            Record(AttendanceStatus.Present, null);
        }
    }
}

/// <summary>A person of an invited organisation: registered, then present or excused.</summary>
public sealed class Attendee
{
    internal Attendee(Guid userId, DateTimeOffset registeredAt)
    {
        UserId = userId;
        RegisteredAt = registeredAt;
        Status = AttendanceStatus.Registered;
    }

    private Attendee()
    {
    }

    public Guid UserId { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public AttendanceStatus Status { get; private set; }

    internal void Record(AttendanceStatus status) => Status = status;
}

/// <summary>The share of invited organisations that took part, for one college over some sessions.</summary>
public sealed record CollegeAttendance(College College, int Invited, int Attended)
{
    /// <summary>Attended over invited, from 0 to 1; null when nobody of the college was invited.</summary>
    public decimal? Rate => Invited == 0 ? null : (decimal)Attended / Invited;
}

/// <summary>The attendance figures of the coordination: their one home.</summary>
public static class AttendanceRates
{
    /// <summary>
    /// Per college, over the sessions held or closed (a planned, convened or cancelled one has no attendance yet):
    /// the organisations present or represented over the organisations invited, each session counting each invited
    /// organisation once. Every college is in the answer, in order, even with nobody invited.
    /// </summary>
    public static IReadOnlyList<CollegeAttendance> ByCollege(IEnumerable<PlatformSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var invitations = sessions
            .Where(s => s.Status is PlatformSessionStatus.Held or PlatformSessionStatus.Closed)
            .SelectMany(s => s.Attendances)
            .ToList();
        return
        [
            .. Enum.GetValues<College>().Select(c => new CollegeAttendance(
                c,
                invitations.Count(a => a.College == c),
                invitations.Count(a => a.College == c && a.Status.Attended()))),
        ];
    }
}
