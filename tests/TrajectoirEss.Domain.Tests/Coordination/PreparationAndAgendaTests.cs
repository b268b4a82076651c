using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using static TrajectoirEss.Domain.Tests.Coordination.CoordinationFixtures;

namespace TrajectoirEss.Domain.Tests.Coordination;

/// <summary>The preparation timeline (dates from the template, editing, reminders) and the agenda.</summary>
public sealed class PreparationAndAgendaTests
{
    [Fact]
    public void Plan_DatesTheMilestonesFromTheTemplate_D21_D10_D7()
    {
        var session = Planned(Platform());

        Assert.Equal(
            [(MilestoneKind.DataFrozen, new DateOnly(2026, 3, 26)), (MilestoneKind.PackPublished, new DateOnly(2026, 4, 6)), (MilestoneKind.AgendaSent, new DateOnly(2026, 4, 9))],
            session.Milestones.Select(m => (m.Kind, m.DueOn)));
        Assert.All(session.Milestones, m => Assert.False(m.IsDone));
    }

    [Fact]
    public void Plan_WithAnotherTemplate_UsesIt()
    {
        var session = PlatformSession.Plan(Guid.CreateVersion7(), Platform(), StartsAt, 120, "Rennes", null, null, Staff, T0, [(MilestoneKind.PackPublished, 14), (MilestoneKind.AgendaSent, 0)]);

        Assert.Equal([new DateOnly(2026, 4, 2), SessionDate], session.Milestones.Select(m => m.DueOn));
    }

    public static TheoryData<MilestoneKind, string, bool> MilestoneMoves() => new()
    {
        { MilestoneKind.DataFrozen, "2026-03-20", true },
        { MilestoneKind.DataFrozen, "2026-04-06", true },
        { MilestoneKind.DataFrozen, "2026-04-07", false },
        { MilestoneKind.PackPublished, "2026-03-26", true },
        { MilestoneKind.PackPublished, "2026-03-25", false },
        { MilestoneKind.PackPublished, "2026-04-09", true },
        { MilestoneKind.PackPublished, "2026-04-10", false },
        { MilestoneKind.AgendaSent, "2026-04-16", true },
        { MilestoneKind.AgendaSent, "2026-04-17", false },
        { MilestoneKind.AgendaSent, "1999-12-31", false },
    };

    [Theory]
    [MemberData(nameof(MilestoneMoves))]
    public void MoveMilestone_NotAfterTheSessionAndInOrder(MilestoneKind kind, string date, bool allowed)
    {
        var session = Planned(Platform());
        var dueOn = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var before = Snapshot(session);

        if (allowed)
        {
            session.MoveMilestone(kind, dueOn);
            Assert.Equal(dueOn, session.Milestone(kind).DueOn);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => session.MoveMilestone(kind, dueOn));
            Assert.Equal(nameof(PreparationMilestone.DueOn), error.Field);
            Assert.Equal(before, Snapshot(session));
        }
    }

    [Fact]
    public void MarkMilestoneDone_RecordsWhoAndWhen_OnceOnly_AndCanBeUndone()
    {
        var session = Planned(Platform());
        var at = T0.AddDays(20);

        session.MarkMilestoneDone(MilestoneKind.DataFrozen, Staff, at);

        var milestone = session.Milestone(MilestoneKind.DataFrozen);
        Assert.Equal((at, Staff), (milestone.DoneAt!.Value, milestone.DoneBy!.Value));
        Assert.Throws<DomainException>(() => session.MarkMilestoneDone(MilestoneKind.DataFrozen, Guid.CreateVersion7(), at.AddDays(1)));
        Assert.Equal(Staff, milestone.DoneBy);

        session.MarkMilestoneNotDone(MilestoneKind.DataFrozen);
        Assert.False(milestone.IsDone);
        Assert.Null(milestone.DoneBy);
    }

    [Fact]
    public void MarkMilestoneDone_OfAMilestoneNotInTheTimeline_IsRefused()
    {
        var session = PlatformSession.Plan(Guid.CreateVersion7(), Platform(), StartsAt, 120, "Rennes", null, null, Staff, T0, [(MilestoneKind.AgendaSent, 7)]);

        Assert.Throws<DomainException>(() => session.MarkMilestoneDone(MilestoneKind.DataFrozen, Staff, T0));
    }

    /// <summary>DataFrozen 26/03, PackPublished 06/04, AgendaSent 09/04; the reminder window is two days.</summary>
    public static TheoryData<string, MilestoneState, MilestoneState, MilestoneState> StatesOn() => new()
    {
        { "2026-03-23", MilestoneState.Upcoming, MilestoneState.Upcoming, MilestoneState.Upcoming },
        { "2026-03-24", MilestoneState.Due, MilestoneState.Upcoming, MilestoneState.Upcoming },
        { "2026-03-26", MilestoneState.Due, MilestoneState.Upcoming, MilestoneState.Upcoming },
        { "2026-03-27", MilestoneState.Late, MilestoneState.Upcoming, MilestoneState.Upcoming },
        { "2026-04-07", MilestoneState.Late, MilestoneState.Late, MilestoneState.Due },
        { "2026-04-10", MilestoneState.Late, MilestoneState.Late, MilestoneState.Late },
    };

    [Theory]
    [MemberData(nameof(StatesOn))]
    public void StateOn_IsUpcomingDueOrLate_ByTheDate(string date, MilestoneState frozen, MilestoneState pack, MilestoneState agenda)
    {
        var session = Planned(Platform());
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal([frozen, pack, agenda], session.Milestones.Select(m => m.StateOn(on)));
        Assert.Equal(
            session.Milestones.Where(m => m.StateOn(on) is MilestoneState.Due or MilestoneState.Late).Select(m => m.Kind),
            session.MilestonesToRemind(on).Select(m => m.Kind));
    }

    [Fact]
    public void MilestonesToRemind_LeavesOutThoseDone_AndEverythingOnceTheSessionIsHeldOrCancelled()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        session.MarkMilestoneDone(MilestoneKind.DataFrozen, Staff, T0.AddDays(20));
        var on = new DateOnly(2026, 4, 10);

        Assert.Equal([MilestoneKind.PackPublished, MilestoneKind.AgendaSent], session.MilestonesToRemind(on).Select(m => m.Kind));
        Assert.Equal(MilestoneState.Done, session.Milestone(MilestoneKind.DataFrozen).StateOn(on));

        session.Cancel("Reportée à l'automne", Staff, T0.AddDays(30));
        Assert.Empty(session.MilestonesToRemind(on));
    }

    /// <summary>Day by day, what a daily job running twice a day takes: each milestone once a day while it is due or late.</summary>
    public static TheoryData<string, MilestoneKind[], MilestoneKind[]> RemindersByDay() => new()
    {
        { "2026-03-23", [], [] },
        { "2026-03-24", [MilestoneKind.DataFrozen], [] },
        { "2026-03-25", [MilestoneKind.DataFrozen], [] },
        { "2026-04-07", [MilestoneKind.DataFrozen, MilestoneKind.PackPublished, MilestoneKind.AgendaSent], [] },
    };

    [Theory]
    [MemberData(nameof(RemindersByDay))]
    public void TakeRemindersFor_GivesEachMilestoneOncePerDay(string date, MilestoneKind[] first, MilestoneKind[] second)
    {
        var session = Planned(Platform());
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(first, session.TakeRemindersFor(on).Select(m => m.Kind));
        Assert.Equal(second, session.TakeRemindersFor(on).Select(m => m.Kind));
        Assert.Equal(first, session.TakeRemindersFor(on.AddDays(1)).Select(m => m.Kind).Where(first.Contains));
        Assert.All(session.Milestones.Where(m => first.Contains(m.Kind)), m => Assert.Equal(on.AddDays(1), m.RemindedOn));
    }

    [Theory]
    [InlineData(MilestoneKind.DataFrozen, true)]
    [InlineData(MilestoneKind.PackPublished, true)]
    [InlineData(MilestoneKind.AgendaSent, false)]
    public void IsDoneByTheReadingPack_ForTheFreezeAndThePublication(MilestoneKind kind, bool byThePack) =>
        Assert.Equal(byThePack, kind.IsDoneByTheReadingPack());

    [Fact]
    public void TakeRemindersFor_TakesNothing_OnceTheMilestoneIsDone_OrTheSessionCancelled()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        var on = new DateOnly(2026, 4, 10);
        session.MarkMilestoneDone(MilestoneKind.DataFrozen, Staff, T0.AddDays(20));

        Assert.Equal([MilestoneKind.PackPublished, MilestoneKind.AgendaSent], session.TakeRemindersFor(on).Select(m => m.Kind));
        Assert.Null(session.Milestone(MilestoneKind.DataFrozen).RemindedOn);

        session.Cancel("Reportée à l'automne", Staff, T0.AddDays(30));
        Assert.Empty(session.TakeRemindersFor(on.AddDays(1)));
    }

    [Fact]
    public void AddAgendaItem_AppendsInOrder_WithItsLink()
    {
        var session = Planned(Platform());

        var first = session.AddAgendaItem(" Chiffres du semestre ", 30, AgendaItemKind.Information, AgendaLink.Create(AgendaLinkKind.DashboardFigure, "premiers-accueils"), T0);
        var second = session.AddAgendaItem("Revue des engagements", 45, AgendaItemKind.CommitmentsReview, AgendaLink.Commitments, T0);

        Assert.Equal([first.Id, second.Id], session.Agenda.Select(i => i.Id));
        Assert.Equal([1, 2], session.Agenda.Select(i => i.Position));
        Assert.Equal("Chiffres du semestre", first.Title);
        Assert.Equal((AgendaLinkKind.DashboardFigure, "premiers-accueils"), (first.Link!.Kind, first.Link.Key));
        Assert.Equal(75, session.AgendaMinutes);
    }

    public static TheoryData<string?, int, AgendaItemKind, string> RefusedItems() => new()
    {
        { null, 30, AgendaItemKind.Information, nameof(AgendaItem.Title) },
        { new string('t', AgendaItem.TitleMaxLength + 1), 30, AgendaItemKind.Information, nameof(AgendaItem.Title) },
        { "Point", 0, AgendaItemKind.Information, nameof(AgendaItem.DurationMinutes) },
        { "Point", 30, (AgendaItemKind)0, nameof(AgendaItem.Kind) },

        // 120 minutes already on the agenda of a 180-minute session.
        { "Point", 61, AgendaItemKind.Decision, nameof(AgendaItem.DurationMinutes) },
    };

    [Theory]
    [MemberData(nameof(RefusedItems))]
    public void AddAgendaItem_Invalid_OrBeyondTheSessionsDuration_IsRefusedOnItsField_AndNothingChanges(string? title, int minutes, AgendaItemKind kind, string field)
    {
        var session = Planned(Platform());
        session.AddAgendaItem("Ouverture", 120, AgendaItemKind.Information, null, T0);
        var before = Snapshot(session);

        var error = Assert.Throws<DomainException>(() => session.AddAgendaItem(title, minutes, kind, null, T0));

        Assert.Equal(field, error.Field);
        Assert.Equal(before, Snapshot(session));
    }

    [Fact]
    public void AddAgendaItem_FillingTheSessionExactly_IsAllowed()
    {
        var session = Planned(Platform());
        session.AddAgendaItem("Ouverture", 120, AgendaItemKind.Information, null, T0);

        session.AddAgendaItem("Décisions", 60, AgendaItemKind.Decision, null, T0);

        Assert.Equal(session.DurationMinutes, session.AgendaMinutes);
    }

    [Fact]
    public void AddAgendaItem_BeyondTheMaximumCount_IsRefused()
    {
        var session = PlatformSession.Plan(Guid.CreateVersion7(), Platform(), StartsAt, PlatformSession.MaxDurationMinutes, "Rennes", null, null, Staff, T0);
        for (var i = 0; i < PlatformSession.MaxAgendaItems; i++)
        {
            session.AddAgendaItem($"Point {i + 1}", 5, AgendaItemKind.Information, null, T0);
        }

        Assert.Throws<DomainException>(() => session.AddAgendaItem("Un de trop", 5, AgendaItemKind.Information, null, T0));
        Assert.Equal(PlatformSession.MaxAgendaItems, session.Agenda.Count);
    }

    public static TheoryData<int, int, string> Moves() => new()
    {
        { 0, -1, "A,B,C" },
        { 0, 1, "B,A,C" },
        { 2, -1, "A,C,B" },
        { 2, 1, "A,B,C" },
        { 1, 5, "A,C,B" },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void MoveAgendaItem_SwapsWithItsNeighbour_TheEndsStay(int index, int offset, string expected)
    {
        var session = Planned(Platform());
        var items = new[] { "A", "B", "C" }.Select(t => session.AddAgendaItem(t, 10, AgendaItemKind.Information, null, T0)).ToList();

        session.MoveAgendaItem(items[index].Id, offset);

        Assert.Equal(expected, string.Join(",", session.Agenda.Select(i => i.Title)));
        Assert.Equal([1, 2, 3], session.Agenda.Select(i => i.Position));
    }

    [Fact]
    public void RemoveAgendaItem_RenumbersTheRest_AndAnUnknownItemIsRefused()
    {
        var session = Planned(Platform());
        var items = new[] { "A", "B", "C" }.Select(t => session.AddAgendaItem(t, 10, AgendaItemKind.Information, null, T0)).ToList();

        session.RemoveAgendaItem(items[0].Id);

        Assert.Equal([("B", 1), ("C", 2)], session.Agenda.Select(i => (i.Title, i.Position)));
        Assert.Throws<DomainException>(() => session.RemoveAgendaItem(items[0].Id));
        Assert.Throws<DomainException>(() => session.MoveAgendaItem(Guid.CreateVersion7(), 1));
    }

    [Theory]
    [InlineData(AgendaLinkKind.Commitments, "cle", "LinkKey")]
    [InlineData(AgendaLinkKind.EvaluationReading, "2025", "LinkKey")]
    [InlineData(AgendaLinkKind.DashboardFigure, null, "LinkKey")]
    [InlineData(AgendaLinkKind.ReadingPackSection, " ", "LinkKey")]
    [InlineData((AgendaLinkKind)7, "cle", "LinkKind")]
    public void AgendaLink_TheCommitmentsTakeNoKey_TheOthersNeedOne(AgendaLinkKind kind, string? key, string field) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() => AgendaLink.Create(kind, key)).Field);

    [Fact]
    public void AgendaLink_ToTheCommitments_IsTheOneLink() =>
        Assert.Same(AgendaLink.Commitments, AgendaLink.Create(AgendaLinkKind.Commitments, "  "));

    [Fact]
    public void AgendaLink_ToTheEvaluationReading_IsTheOneLink_WithNoKey()
    {
        Assert.Same(AgendaLink.EvaluationReading, AgendaLink.Create(AgendaLinkKind.EvaluationReading, null));
        Assert.Equal("EvaluationReading", AgendaLink.EvaluationReading.Value);
        Assert.Equal("Lecture partagée de l'évaluation", AgendaLinkKind.EvaluationReading.Label());
    }

    [Theory]
    [InlineData("DashboardFigure:par-pole", AgendaLinkKind.DashboardFigure, "par-pole")]
    [InlineData(" ReadingPackSection:pack-engagements ", AgendaLinkKind.ReadingPackSection, "pack-engagements")]
    [InlineData("Commitments", AgendaLinkKind.Commitments, null)]
    [InlineData(" EvaluationReading ", AgendaLinkKind.EvaluationReading, null)]
    public void AgendaLink_Target_IsOneOfTheListsTargets(string value, AgendaLinkKind kind, string? key)
    {
        var link = AgendaLink.Target(value)!;
        Assert.Equal((kind, key), (link.Kind, link.Key));
        Assert.Contains(AgendaLink.Targets, t => t.Link == link && t.Label == link.Label);
    }

    [Theory]
    [InlineData("DashboardFigure:ailleurs")]
    [InlineData("ReadingPackSection")]
    [InlineData("Commitments:cle")]
    [InlineData("EvaluationReading:2025")]
    [InlineData("7:pack-poles")]
    public void AgendaLink_Target_OutsideTheList_IsRefusedBesideTheLink(string value) =>
        Assert.Equal("Link", Assert.Throws<DomainException>(() => AgendaLink.Target(value)).Field);

    [Fact]
    public void AgendaLink_Target_Blank_IsNoLink_AndEveryTargetReadsBack()
    {
        Assert.Null(AgendaLink.Target("  "));
        Assert.All(AgendaLink.Targets, t => Assert.Equal(t.Link, AgendaLink.Target(t.Link.Value)));
        Assert.Equal(AgendaLink.Targets.Count, AgendaLink.Targets.Select(t => t.Label).Distinct().Count());
    }
}
