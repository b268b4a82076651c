using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using static TrajectoirEss.Domain.Tests.Coordination.CoordinationFixtures;

namespace TrajectoirEss.Domain.Tests.Coordination;

/// <summary>Invitations, registrations, the attendance recorded once held, and the rate per college.</summary>
public sealed class AttendanceTests
{
    [Fact]
    public void Invite_InvitesTheMembersOnTheSessionsDate_InTheirCollege()
    {
        var body = Platform();
        var session = Planned(body);

        var invited = session.Invite(body, Staff, T0);

        Assert.Equal(Members.OrderBy(o => o.Id), invited.OrderBy(o => o.Id));
        Assert.DoesNotContain(Former, invited);
        Assert.DoesNotContain(Newcomer, invited);
        Assert.All(session.Attendances, a => Assert.Equal(AttendanceStatus.Invited, a.Status));
        Assert.Equal(College.PublicAuthorities, session.Attendance(Region)!.College);
    }

    [Fact]
    public void Invite_Again_InvitesOnlyTheNewMembers_AndNobodyNewIsRefused()
    {
        var body = Platform();
        var session = Planned(body);
        session.Invite(body, Staff, T0);
        session.Register(Pole, Staff, T0.AddDays(1));
        var joined = new OrganisationRef(OrganisationKind.Network, Guid.CreateVersion7());
        body.AddMember(joined, College.Networks, new DateOnly(2026, 4, 1), null, Staff, T0.AddDays(2));

        Assert.Equal([joined], session.Invite(body, Staff, T0.AddDays(2)));
        Assert.Equal(AttendanceStatus.Registered, session.Attendance(Pole)!.Status);
        Assert.Throws<DomainException>(() => session.Invite(body, Staff, T0.AddDays(3)));
        Assert.Equal(5, session.Attendances.Count);
    }

    [Fact]
    public void Invite_FromAnotherBody_IsRefused()
    {
        var session = Planned(Platform());

        Assert.Throws<DomainException>(() => session.Invite(Platform(), Staff, T0));
        Assert.Empty(session.Attendances);
    }

    [Fact]
    public void Register_APersonOfAnInvitedOrganisation_RegistersIt_OnceEach()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        var person = Guid.CreateVersion7();

        session.Register(Tag, person, T0.AddDays(3));
        session.Register(Tag, Guid.CreateVersion7(), T0.AddDays(4));

        var attendance = session.Attendance(Tag)!;
        Assert.Equal(AttendanceStatus.Registered, attendance.Status);
        Assert.Equal(2, attendance.People.Count);
        Assert.Throws<DomainException>(() => session.Register(Tag, person, T0.AddDays(5)));
        Assert.Equal(2, attendance.People.Count);
    }

    [Fact]
    public void Register_ForAnOrganisationNotInvited_IsRefused()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        var before = Snapshot(session);

        var error = Assert.Throws<DomainException>(() => session.Register(Newcomer, Guid.CreateVersion7(), T0.AddDays(3)));

        Assert.Equal("Organisation", error.Field);
        Assert.Equal(before, Snapshot(session));
    }

    [Theory]
    [InlineData(AttendanceStatus.Present)]
    [InlineData(AttendanceStatus.Excused)]
    public void RecordAttendance_PresentOrExcused_IsKept(AttendanceStatus status)
    {
        var (session, _) = InStatus(PlatformSessionStatus.Held);

        session.RecordAttendance(Tag, status, Cress, Staff, StartsAt.AddHours(4));

        Assert.Equal(status, session.Attendance(Tag)!.Status);
        Assert.Null(session.Attendance(Tag)!.RepresentedBy);
    }

    [Fact]
    public void RecordAttendance_Represented_ByAnotherInvitedOrganisation_IsKept()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Held);

        session.RecordAttendance(Tag, AttendanceStatus.Represented, Cress, Staff, StartsAt.AddHours(4));

        Assert.Equal((AttendanceStatus.Represented, (OrganisationRef?)Cress), (session.Attendance(Tag)!.Status, session.Attendance(Tag)!.RepresentedBy));
    }

    public static TheoryData<int, AttendanceStatus, int?, string> RefusedRecords() => new()
    {
        // Organisations by index: 0 Tag, 1 Cress, 2 Newcomer (not invited).
        { 0, AttendanceStatus.Represented, null, nameof(SessionAttendance.RepresentedBy) },
        { 0, AttendanceStatus.Represented, 0, nameof(SessionAttendance.RepresentedBy) },
        { 0, AttendanceStatus.Represented, 2, nameof(SessionAttendance.RepresentedBy) },
        { 0, AttendanceStatus.Invited, null, nameof(SessionAttendance.Status) },
        { 0, AttendanceStatus.Registered, null, nameof(SessionAttendance.Status) },
        { 2, AttendanceStatus.Present, null, "Organisation" },
    };

    [Theory]
    [MemberData(nameof(RefusedRecords))]
    public void RecordAttendance_RepresentedWithoutAnotherInvitedOrganisation_OrNotARecordedStatus_IsRefused_AndNothingChanges(int who, AttendanceStatus status, int? by, string field)
    {
        OrganisationRef[] organisations = [Tag, Cress, Newcomer];
        var (session, _) = InStatus(PlatformSessionStatus.Held);
        var before = Snapshot(session);

        var error = Assert.Throws<DomainException>(() =>
            session.RecordAttendance(organisations[who], status, by is { } i ? organisations[i] : null, Staff, StartsAt.AddHours(4)));

        Assert.Equal(field, error.Field);
        Assert.Equal(before, Snapshot(session));
    }

    [Fact]
    public void RecordPersonAttendance_APersonPresent_MakesTheOrganisationPresent_EvenUnregistered()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Held);
        var walkIn = Guid.CreateVersion7();

        session.RecordPersonAttendance(Region, walkIn, AttendanceStatus.Present, Staff, StartsAt.AddHours(4));

        var attendance = session.Attendance(Region)!;
        Assert.Equal(AttendanceStatus.Present, attendance.Status);
        Assert.Equal((walkIn, AttendanceStatus.Present), (attendance.People[0].UserId, attendance.People[0].Status));
    }

    [Fact]
    public void RecordPersonAttendance_APersonExcused_LeavesTheOrganisationAsItIs_AndOtherStatusesAreRefused()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        var person = Guid.CreateVersion7();
        session.Register(Pole, person, T0.AddDays(3));
        session.Hold(Staff, StartsAt);

        session.RecordPersonAttendance(Pole, person, AttendanceStatus.Excused, Staff, StartsAt.AddHours(4));

        Assert.Equal(AttendanceStatus.Registered, session.Attendance(Pole)!.Status);
        Assert.Equal(AttendanceStatus.Excused, session.Attendance(Pole)!.People.Single().Status);
        Assert.Throws<DomainException>(() => session.RecordPersonAttendance(Pole, person, AttendanceStatus.Represented, Staff, StartsAt.AddHours(4)));
    }

    [Fact]
    public void RecordAttendance_AfterClosing_IsRefused_UntilReopened()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Closed);

        Assert.Throws<DomainException>(() => session.RecordAttendance(Tag, AttendanceStatus.Present, null, Staff, StartsAt.AddDays(8)));
        Assert.Throws<DomainException>(() => session.RecordPersonAttendance(Tag, Staff, AttendanceStatus.Present, Staff, StartsAt.AddDays(8)));

        session.Reopen("Une présence oubliée", Staff, StartsAt.AddDays(9));
        session.RecordAttendance(Tag, AttendanceStatus.Present, null, Staff, StartsAt.AddDays(9));
        Assert.Equal(AttendanceStatus.Present, session.Attendance(Tag)!.Status);
    }

    /// <summary>
    /// Two held sessions: in the first, the pôle is present, the TAg represented, the Région excused, the CRESS never
    /// recorded; in the second, the pôle is excused and the others present. A planned and a cancelled session do not count.
    /// </summary>
    [Fact]
    public void ByCollege_CountsPresentOrRepresented_OverInvited_PerCollege_OverHeldOrClosedSessions()
    {
        var (first, _) = InStatus(PlatformSessionStatus.Held);
        first.RecordAttendance(Pole, AttendanceStatus.Present, null, Staff, StartsAt.AddHours(4));
        first.RecordAttendance(Tag, AttendanceStatus.Represented, Pole, Staff, StartsAt.AddHours(4));
        first.RecordAttendance(Region, AttendanceStatus.Excused, null, Staff, StartsAt.AddHours(4));

        var (second, _) = InStatus(PlatformSessionStatus.Held);
        second.RecordAttendance(Pole, AttendanceStatus.Excused, null, Staff, StartsAt.AddHours(4));
        second.RecordPersonAttendance(Tag, Guid.CreateVersion7(), AttendanceStatus.Present, Staff, StartsAt.AddHours(4));
        second.RecordAttendance(Region, AttendanceStatus.Present, null, Staff, StartsAt.AddHours(4));
        second.RecordAttendance(Cress, AttendanceStatus.Present, null, Staff, StartsAt.AddHours(4));
        second.Close(Staff, StartsAt.AddDays(1));

        var (planned, _) = InStatus(PlatformSessionStatus.Planned);
        var (cancelled, _) = InStatus(PlatformSessionStatus.Cancelled);

        var rates = AttendanceRates.ByCollege([first, second, planned, cancelled]);

        Assert.Equal(
            [
                new CollegeAttendance(College.EssActors, 2, 2),
                new CollegeAttendance(College.Poles, 2, 1),
                new CollegeAttendance(College.PublicAuthorities, 2, 1),
                new CollegeAttendance(College.Networks, 2, 1),
            ],
            rates);
        Assert.Equal([1m, 0.5m, 0.5m, 0.5m], rates.Select(r => r.Rate));
    }

    [Fact]
    public void ByCollege_WithoutSessions_GivesEveryCollegeWithoutARate()
    {
        var rates = AttendanceRates.ByCollege([]);

        Assert.Equal(Enum.GetValues<College>(), rates.Select(r => r.College));
        Assert.All(rates, r => Assert.Null(r.Rate));
    }
}
