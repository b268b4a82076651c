using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Coordination.Platform;

/// <summary>A session in a list: its body, when, where, its semester and status.</summary>
public sealed record SessionLine(Guid Id, string BodyName, DateTimeOffset StartsAt, int DurationMinutes, Semester Semester, PlatformSessionStatus Status, string? Place, bool ByVideo);

/// <summary>The platform's home for coordinators: sessions to come, past sessions (paged), attendance per college.</summary>
public sealed record PlatformHomePage(
    IReadOnlyList<SessionLine> Upcoming,
    IReadOnlyList<SessionLine> Past,
    Paging Paging,
    IReadOnlyList<CollegeAttendance> Attendance,
    int AttendanceSessions,
    string PlatformName);

public sealed record BodyLine(Guid Id, string Name, BodyKind Kind, int Members, int Sessions);

public sealed record BodiesPage(IReadOnlyList<BodyLine> Bodies, BodyInput Input);

public sealed class BodyInput
{
    [Display(Name = "Type d'instance")]
    public BodyKind? Kind { get; set; }

    [Display(Name = "Nom de l'instance")]
    public string? Name { get; set; }
}

/// <summary>A person named to represent a member organisation.</summary>
public sealed record RepresentativeLine(Guid Id, string Name, string Role, DateOnly From, DateOnly? To, bool Current);

/// <summary>A seat in a body, with its representatives and the accounts that can be named.</summary>
public sealed record MemberLine(
    Guid Id,
    OrganisationEntry Organisation,
    College College,
    DateOnly From,
    DateOnly? To,
    bool Current,
    IReadOnlyList<RepresentativeLine> Representatives,
    IReadOnlyList<(Guid Id, string Name)> Accounts);

public sealed record BodyPage(
    Guid Id,
    string Name,
    BodyKind Kind,
    DateOnly Today,
    IReadOnlyList<(College College, IReadOnlyList<MemberLine> Members)> Colleges,
    IReadOnlyList<OrganisationEntry> Organisations);

public sealed class MemberInput
{
    public string? Organisation { get; set; }

    public College? College { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

public sealed class EndInput
{
    public DateOnly? To { get; set; }
}

public sealed class RepresentativeInput
{
    public Guid? UserId { get; set; }

    public string? Role { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

/// <summary>Where and when a session takes place (planning or rescheduling it).</summary>
public sealed class ScheduleInput
{
    public const string OwnSemester = "date";
    public const string PreviousSemester = "precedent";
    public const string NextSemester = "suivant";

    public Guid? Body { get; set; }

    [Display(Name = "Date et heure")]
    public DateTime? StartsAt { get; set; }

    [Display(Name = "Durée (minutes)")]
    public int? DurationMinutes { get; set; }

    [Display(Name = "Lieu")]
    public string? Place { get; set; }

    [Display(Name = "Lien de visioconférence")]
    public string? VideoLink { get; set; }

    /// <summary><see cref="OwnSemester"/> (or empty), <see cref="PreviousSemester"/> or <see cref="NextSemester"/>.</summary>
    [Display(Name = "Semestre")]
    public string? Semester { get; set; }
}

public sealed record NewSessionPage(Guid BodyId, string BodyName, IReadOnlyList<(Guid Id, string Name)> Bodies, IReadOnlyList<(MilestoneKind Kind, int DaysBefore)> Template, ScheduleInput Input);

public sealed class ReasonInput
{
    public string? CancellationReason { get; set; }

    public string? Reason { get; set; }
}

public sealed class MilestoneInput
{
    public MilestoneKind? Kind { get; set; }

    public DateOnly? DueOn { get; set; }
}

public sealed class AgendaInput
{
    public string? Title { get; set; }

    public int? DurationMinutes { get; set; }

    public AgendaItemKind? Kind { get; set; }

    /// <summary>A target of <see cref="AgendaLink.Targets"/>, as <see cref="AgendaLink.Value"/> writes it; blank for none.</summary>
    public string? Link { get; set; }
}

public sealed class AttendanceInput
{
    public string? Organisation { get; set; }

    public AttendanceStatus? Status { get; set; }

    public string? RepresentedBy { get; set; }

    public Guid? UserId { get; set; }
}

public sealed class DecisionInput
{
    public string? Text { get; set; }

    public Guid? AgendaItemId { get; set; }

    public string? ProposedBy { get; set; }
}

public sealed class MinutesInput
{
    public string? Text { get; set; }

    public MinutesVisibility? Visibility { get; set; }
}

public sealed record MilestoneLine(MilestoneKind Kind, DateOnly DueOn, MilestoneState State, DateTimeOffset? DoneAt, string? DoneBy);

public sealed record AttendeeLine(Guid UserId, string Name, AttendanceStatus Status);

public sealed record AttendanceLine(OrganisationEntry Organisation, College College, AttendanceStatus Status, string? RepresentedBy, IReadOnlyList<AttendeeLine> People, IReadOnlyList<(Guid Id, string Name)> Accounts);

public sealed record DecisionLine(Guid Id, string Text, string? AgendaItem, string? ProposedBy, DateTimeOffset RecordedAt);

/// <summary>A session's page for the coordinators: everything of its life, and what the transition table allows now.</summary>
public sealed record SessionPage(
    PlatformSession Session,
    string BodyName,
    DateOnly Today,
    IReadOnlyList<MilestoneLine> Milestones,
    IReadOnlyList<AttendanceLine> Attendances,
    IReadOnlyList<DecisionLine> Decisions,
    int MembersNotInvited,
    string? MinutesBy)
{
    public bool Can(PlatformSessionAction action) => Session.Can(action);

    /// <summary>The evaluation's shared readings scheduled at the session (their campaigns and years).</summary>
    public IReadOnlyList<Features.Evaluation.Reading.ScheduledReading> Readings { get; init; } = [];
}
