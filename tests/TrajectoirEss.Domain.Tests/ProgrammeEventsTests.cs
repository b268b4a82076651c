using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using static TrajectoirEss.Domain.Tests.Fixtures;

namespace TrajectoirEss.Domain.Tests;

/// <summary>What sessions, their rosters and the révélateur's territory needs raise, and what a refused move does not.</summary>
public sealed class ProgrammeEventsTests
{
    private static TEvent Raised<TEvent>(AggregateRoot aggregate)
        where TEvent : IDomainEvent =>
        Assert.IsType<TEvent>(Assert.Single(aggregate.DomainEvents));

    /// <summary>An incubator promotion of <paramref name="capacity"/> places and the accepted referrals of <paramref name="candidates"/> projects, all applied.</summary>
    private static (SessionRoster Roster, List<(Project Project, Referral Referral, Enrolment Enrolment)> Candidates) Promotion(int capacity, int candidates)
    {
        var incubateur = ProgrammeOf(ProgrammeType.Incubateur);
        var roster = new SessionRoster(SessionOf(incubateur, capacity), []);
        var list = new List<(Project, Referral, Enrolment)>();
        for (var i = 0; i < candidates; i++)
        {
            var (project, referral) = Accepted(incubateur);
            list.Add((project, referral, roster.Apply(project, referral, 1, Staff, T0)));
        }

        roster.Session.DiscardDomainEvents();
        return (roster, list);
    }

    [Fact]
    public void SessionCreate_RaisesSessionCreatedWithTheProgrammesName()
    {
        var programme = ProgrammeOf(ProgrammeType.Ideateur);

        var session = Session.Create(Guid.CreateVersion7(), programme, "Session de printemps", new DateOnly(2027, 3, 1), new DateOnly(2027, 5, 1), null, 12, null, Staff, T0);

        var created = Raised<SessionCreated>(session);
        Assert.Same(session, created.Session);
        Assert.Equal(programme.Name, created.ProgrammeName);
        Assert.Equal((Staff, T0), (created.ActorId, created.OccurredAt));
    }

    [Fact]
    public void SessionCreate_ForAnInactiveProgramme_IsRefused()
    {
        var programme = ProgrammeOf(ProgrammeType.Ideateur);
        programme.Deactivate();

        Assert.Throws<DomainException>(() => Session.Create(Guid.CreateVersion7(), programme, "S", new DateOnly(2027, 3, 1), new DateOnly(2027, 5, 1), null, 12, null, Staff, T0));
    }

    [Fact]
    public void SessionUpdate_RaisesSessionUpdatedWithTheOldCapacityAndDates()
    {
        var session = SessionOf(ProgrammeOf(ProgrammeType.Ideateur), 10);

        session.Update("Session d'hiver", new DateOnly(2027, 2, 1), new DateOnly(2027, 4, 1), null, 14, null, placesTaken: 3, Staff, T0.AddDays(1));

        var updated = Raised<SessionUpdated>(session);
        Assert.Equal((10, new DateOnly(2027, 1, 10), new DateOnly(2027, 3, 10)), (updated.OldCapacity, updated.OldStartsOn, updated.OldEndsOn));
        Assert.Equal((14, new DateOnly(2027, 2, 1), new DateOnly(2027, 4, 1)), (session.Capacity, session.StartsOn, session.EndsOn));
        Assert.Equal((Staff, T0.AddDays(1)), (updated.ActorId, updated.OccurredAt));
    }

    [Fact]
    public void SessionUpdate_WhenRefused_RaisesNothingAndChangesNothing()
    {
        var session = SessionOf(ProgrammeOf(ProgrammeType.Ideateur), 10);

        Assert.Throws<DomainException>(() => session.Update("Autre nom", session.StartsOn, session.EndsOn, null, 2, null, placesTaken: 3, Staff, T0));

        Assert.Empty(session.DomainEvents);
        Assert.Equal(("Session d'automne", 10), (session.Name, session.Capacity));
    }

    [Fact]
    public void SessionStart_RaisesSessionStatusChangedFromOpen()
    {
        var session = SessionOf(ProgrammeOf(ProgrammeType.Creopss), 10);

        session.Start(Staff, T0);

        var changed = Raised<SessionStatusChanged>(session);
        Assert.Equal(SessionStatus.Open, changed.From);
        Assert.Equal(SessionStatus.Running, session.Status);
        Assert.Equal((Staff, T0), (changed.ActorId, changed.OccurredAt));
    }

    [Theory]
    [InlineData(SessionStatus.Open)]
    [InlineData(SessionStatus.Running)]
    public void SessionFinish_RaisesSessionStatusChangedFromTheStatusBefore(SessionStatus from)
    {
        var session = SessionOf(ProgrammeOf(ProgrammeType.Creopss), 10);
        if (from == SessionStatus.Running)
        {
            session.Start(Staff, T0);
            session.DiscardDomainEvents();
        }

        session.Finish(Staff, T0.AddDays(60));

        var changed = Raised<SessionStatusChanged>(session);
        Assert.Equal(from, changed.From);
        Assert.Equal(SessionStatus.Finished, session.Status);
    }

    [Fact]
    public void SessionStartOrFinish_WhenRefused_RaisesNothing()
    {
        var session = SessionOf(ProgrammeOf(ProgrammeType.Creopss), 10);
        session.Finish(Staff, T0);
        session.DiscardDomainEvents();

        Assert.Throws<DomainException>(() => session.Start(Staff, T0));
        Assert.Throws<DomainException>(() => session.Finish(Staff, T0));

        Assert.Empty(session.DomainEvents);
    }

    [Fact]
    public void Enrol_RaisesProjectEnrolledOnTheSession_AndStartsTheReferral()
    {
        var ideateur = ProgrammeOf(ProgrammeType.Ideateur);
        var roster = new SessionRoster(SessionOf(ideateur, 5), []);
        var (project, referral) = Accepted(ideateur);

        var enrolment = roster.Enrol(project, referral, 2, Staff, T0.AddDays(1));

        var enrolled = Raised<ProjectEnrolled>(roster.Session);
        Assert.Equal((roster.Session, enrolment, project, referral), (enrolled.Session, enrolled.Enrolment, enrolled.Project, enrolled.Referral));
        Assert.Equal((Staff, T0.AddDays(1)), (enrolled.ActorId, enrolled.OccurredAt));
        Assert.Equal(EnrolmentStatus.Enrolled, enrolment.Status);
        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Equal(ProjectStatus.InSupport, project.Status);
        Assert.Empty(referral.DomainEvents);
        Assert.Empty(project.DomainEvents);
    }

    [Fact]
    public void Enrol_WhenRefused_RaisesNothingAndLeavesTheReferralAccepted()
    {
        var ideateur = ProgrammeOf(ProgrammeType.Ideateur);
        var roster = new SessionRoster(SessionOf(ideateur, 1), []);
        var (first, firstReferral) = Accepted(ideateur);
        roster.Enrol(first, firstReferral, 1, Staff, T0);
        roster.Session.DiscardDomainEvents();
        var (project, referral) = Accepted(ideateur);

        Assert.Throws<DomainException>(() => roster.Enrol(project, referral, 1, Staff, T0));
        Assert.Throws<DomainException>(() => roster.Apply(project, referral, 1, Staff, T0));

        Assert.Empty(roster.Session.DomainEvents);
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
        Assert.Equal(ProjectStatus.Welcomed, project.Status);
    }

    [Fact]
    public void Apply_RaisesCandidacyRegistered_AndLeavesTheReferralAccepted()
    {
        var incubateur = ProgrammeOf(ProgrammeType.Incubateur);
        var roster = new SessionRoster(SessionOf(incubateur, 5), []);
        var (project, referral) = Accepted(incubateur);

        var enrolment = roster.Apply(project, referral, 3, Staff, T0);

        var candidacy = Raised<CandidacyRegistered>(roster.Session);
        Assert.Equal((enrolment, project, referral), (candidacy.Enrolment, candidacy.Project, candidacy.Referral));
        Assert.Equal(EnrolmentStatus.Applied, enrolment.Status);
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
    }

    [Fact]
    public void Select_RaisesJuryDecidedWithTheEnrolmentEnrolled()
    {
        var (roster, candidates) = Promotion(capacity: 1, candidates: 1);
        var (project, referral, enrolment) = candidates[0];

        roster.Select(enrolment, project, referral, Staff, T0.AddDays(3));

        var decided = Raised<JuryDecided>(roster.Session);
        Assert.Equal((enrolment, project, referral), (decided.Enrolment, decided.Project, decided.Referral));
        Assert.Equal(EnrolmentStatus.Enrolled, decided.Enrolment.Status);
        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Equal(ProjectStatus.InSupport, project.Status);
        Assert.Equal((Staff, T0.AddDays(3)), (decided.ActorId, decided.OccurredAt));
    }

    [Fact]
    public void PutOnWaitingList_RaisesJuryDecidedWithTheEnrolmentWaitingInRank()
    {
        var (roster, candidates) = Promotion(capacity: 1, candidates: 2);

        roster.PutOnWaitingList(candidates[0].Enrolment, candidates[0].Project, candidates[0].Referral, Staff, T0);
        roster.PutOnWaitingList(candidates[1].Enrolment, candidates[1].Project, candidates[1].Referral, Staff, T0);

        Assert.Collection(
            roster.Session.DomainEvents.Cast<JuryDecided>(),
            e => Assert.Equal((candidates[0].Enrolment, EnrolmentStatus.WaitingList, 1), (e.Enrolment, e.Enrolment.Status, e.Enrolment.WaitingRank)),
            e => Assert.Equal((candidates[1].Enrolment, EnrolmentStatus.WaitingList, 2), (e.Enrolment, e.Enrolment.Status, e.Enrolment.WaitingRank)));
        Assert.Equal(ReferralStatus.Accepted, candidates[0].Referral.Status);
        Assert.Same(candidates[0].Enrolment, roster.NextOnWaitingList);
    }

    [Fact]
    public void Reject_RaisesJuryDecidedWithTheEnrolmentNotSelected_AndAbandonsTheReferral()
    {
        var (roster, candidates) = Promotion(capacity: 1, candidates: 1);
        var (project, referral, enrolment) = candidates[0];

        roster.Reject(enrolment, project, referral, "Projet pas assez collectif", Staff, T0);

        var decided = Raised<JuryDecided>(roster.Session);
        Assert.Equal(EnrolmentStatus.NotSelected, decided.Enrolment.Status);
        Assert.Equal("Projet pas assez collectif", enrolment.DecisionReason);
        Assert.Equal(ReferralStatus.Abandoned, referral.Status);
    }

    [Fact]
    public void JuryDecision_WhenRefused_RaisesNothing()
    {
        var (roster, candidates) = Promotion(capacity: 1, candidates: 2);
        roster.Select(candidates[0].Enrolment, candidates[0].Project, candidates[0].Referral, Staff, T0);
        roster.Session.DiscardDomainEvents();

        Assert.Throws<DomainException>(() => roster.Select(candidates[1].Enrolment, candidates[1].Project, candidates[1].Referral, Staff, T0));
        Assert.Throws<DomainException>(() => roster.Reject(candidates[1].Enrolment, candidates[1].Project, candidates[1].Referral, " ", Staff, T0));
        Assert.Throws<DomainException>(() => roster.PutOnWaitingList(candidates[0].Enrolment, candidates[0].Project, candidates[0].Referral, Staff, T0));

        Assert.Empty(roster.Session.DomainEvents);
        Assert.Equal(EnrolmentStatus.Applied, candidates[1].Enrolment.Status);
        Assert.Equal(ReferralStatus.Accepted, candidates[1].Referral.Status);
    }

    [Fact]
    public void Leave_WithoutAWaitingList_RaisesOnlyEnrolmentLeft()
    {
        var creopss = ProgrammeOf(ProgrammeType.Creopss);
        var roster = new SessionRoster(SessionOf(creopss, 5), []);
        var (project, referral) = Accepted(creopss);
        var enrolment = roster.Enrol(project, referral, 1, Staff, T0);
        roster.Session.DiscardDomainEvents();

        roster.Leave(enrolment, project, referral, "  Départ du porteur ", Staff, T0.AddDays(20));

        var left = Raised<EnrolmentLeft>(roster.Session);
        Assert.Equal((enrolment, project, referral, "Départ du porteur"), (left.Enrolment, left.Project, left.Referral, left.Reason));
        Assert.Equal((Staff, T0.AddDays(20)), (left.ActorId, left.OccurredAt));
        Assert.Equal(EnrolmentStatus.Left, enrolment.Status);
        Assert.Equal(ReferralStatus.Abandoned, referral.Status);
        Assert.Equal(0, roster.PlacesTaken);
        Assert.Null(roster.NextOnWaitingList);
    }

    [Fact]
    public void Leave_InAPromotionWithAWaitingList_RaisesEnrolmentLeftAndPromotedFromWaitingList_TheNextTakingThePlace()
    {
        var (roster, candidates) = Promotion(capacity: 1, candidates: 3);
        var (a, ra, ea) = candidates[0];
        var (b, rb, eb) = candidates[1];
        var (c, rc, ec) = candidates[2];
        roster.Select(ea, a, ra, Staff, T0);
        roster.PutOnWaitingList(eb, b, rb, Staff, T0);
        roster.PutOnWaitingList(ec, c, rc, Staff, T0);
        roster.Session.DiscardDomainEvents();

        roster.Leave(ea, a, ra, "Départ d'un associé", Staff, T0.AddDays(30), (b, rb));

        Assert.Collection(
            roster.Session.DomainEvents,
            e =>
            {
                var left = Assert.IsType<EnrolmentLeft>(e);
                Assert.Equal((ea, a, ra, "Départ d'un associé"), (left.Enrolment, left.Project, left.Referral, left.Reason));
            },
            e =>
            {
                var promoted = Assert.IsType<PromotedFromWaitingList>(e);
                Assert.Equal((eb, b, rb), (promoted.Enrolment, promoted.Project, promoted.Referral));
                Assert.Equal((Staff, T0.AddDays(30)), (promoted.ActorId, promoted.OccurredAt));
            });
        Assert.Equal((EnrolmentStatus.Left, ReferralStatus.Abandoned), (ea.Status, ra.Status));
        Assert.Equal((EnrolmentStatus.Enrolled, (int?)null, ReferralStatus.InProgress, ProjectStatus.InSupport), (eb.Status, eb.WaitingRank, rb.Status, b.Status));
        Assert.Equal(1, roster.PlacesTaken);
        Assert.Same(ec, roster.NextOnWaitingList);
    }

    [Fact]
    public void Leave_InAPromotionWithoutAWaitingList_RaisesOnlyEnrolmentLeft()
    {
        var (roster, candidates) = Promotion(capacity: 1, candidates: 1);
        var (a, ra, ea) = candidates[0];
        roster.Select(ea, a, ra, Staff, T0);
        roster.Session.DiscardDomainEvents();

        roster.Leave(ea, a, ra, "Départ d'un associé", Staff, T0.AddDays(30));

        Raised<EnrolmentLeft>(roster.Session);
        Assert.Equal(0, roster.PlacesTaken);
    }

    [Fact]
    public void Leave_InAPromotionWithAWaitingList_WithoutTheFirstOfTheList_IsRefusedAndChangesNothing()
    {
        var (roster, candidates) = Promotion(capacity: 1, candidates: 3);
        var (a, ra, ea) = candidates[0];
        var (b, rb, eb) = candidates[1];
        var (c, rc, ec) = candidates[2];
        roster.Select(ea, a, ra, Staff, T0);
        roster.PutOnWaitingList(eb, b, rb, Staff, T0);
        roster.PutOnWaitingList(ec, c, rc, Staff, T0);
        roster.Session.DiscardDomainEvents();

        Assert.Throws<InvalidOperationException>(() => roster.Leave(ea, a, ra, "Départ", Staff, T0.AddDays(30)));
        Assert.Throws<InvalidOperationException>(() => roster.Leave(ea, a, ra, "Départ", Staff, T0.AddDays(30), (c, rc)));
        Assert.Throws<InvalidOperationException>(() => roster.Leave(ea, a, ra, "Départ", Staff, T0.AddDays(30), (b, rc)));

        Assert.Empty(roster.Session.DomainEvents);
        Assert.Equal((EnrolmentStatus.Enrolled, ReferralStatus.InProgress), (ea.Status, ra.Status));
        Assert.Equal((EnrolmentStatus.WaitingList, ReferralStatus.Accepted), (eb.Status, rb.Status));
    }

    [Fact]
    public void Leave_WhenTheFirstOfTheWaitingListHasHadItsReferralWithdrawn_StillLetsTheProjectLeave()
    {
        // The pôle may withdraw an accepted referral while its project waits on the list (Withdraw is allowed
        // from Accepted and knows nothing of enrolments). The project that leaves must still be able to leave,
        // and a project whose referral was withdrawn must not take the place.
        var (roster, candidates) = Promotion(capacity: 1, candidates: 2);
        var (a, ra, ea) = candidates[0];
        var (b, rb, eb) = candidates[1];
        roster.Select(ea, a, ra, Staff, T0);
        roster.PutOnWaitingList(eb, b, rb, Staff, T0);
        rb.Withdraw(b, Staff, "Le collectif a choisi un autre programme", T0.AddDays(10));
        roster.Session.DiscardDomainEvents();

        var error = Record.Exception(() => roster.Leave(ea, a, ra, "Départ d'un associé", Staff, T0.AddDays(30), (b, rb)));

        Assert.Null(error);
        Assert.Equal(EnrolmentStatus.Left, ea.Status);
        Assert.NotEqual(EnrolmentStatus.Enrolled, eb.Status);
    }

    [Fact]
    public void Leave_WhenRefused_RaisesNothing()
    {
        var (roster, candidates) = Promotion(capacity: 1, candidates: 1);
        var (a, ra, ea) = candidates[0];

        Assert.Throws<DomainException>(() => roster.Leave(ea, a, ra, "Départ", Staff, T0));
        roster.Select(ea, a, ra, Staff, T0);
        roster.Session.DiscardDomainEvents();
        Assert.Throws<DomainException>(() => roster.Leave(ea, a, ra, " ", Staff, T0));

        Assert.Empty(roster.Session.DomainEvents);
        Assert.Equal(EnrolmentStatus.Enrolled, ea.Status);
    }

    [Fact]
    public void NextOnWaitingList_InASessionWithoutJury_IsNone()
    {
        var roster = new SessionRoster(SessionOf(ProgrammeOf(ProgrammeType.Ideateur), 5), []);

        Assert.Null(roster.NextOnWaitingList);
    }

    [Theory]
    [InlineData(EnrolmentOutcome.Go, ReferralStatus.Completed)]
    [InlineData(EnrolmentOutcome.NoGo, ReferralStatus.Completed)]
    public void Complete_RaisesEnrolmentCompletedWithTheOutcome(EnrolmentOutcome outcome, ReferralStatus referralStatus)
    {
        var ideateur = ProgrammeOf(ProgrammeType.Ideateur);
        var roster = new SessionRoster(SessionOf(ideateur, 5), []);
        var (project, referral) = Accepted(ideateur);
        var enrolment = roster.Enrol(project, referral, 1, Staff, T0);
        roster.Session.DiscardDomainEvents();

        roster.Complete(enrolment, project, referral, outcome, "Note d'intention", null, null, Staff, T0.AddDays(60));

        var completed = Raised<EnrolmentCompleted>(roster.Session);
        Assert.Equal((enrolment, project, referral, outcome), (completed.Enrolment, completed.Project, completed.Referral, completed.Outcome));
        Assert.Equal((Staff, T0.AddDays(60)), (completed.ActorId, completed.OccurredAt));
        Assert.Equal(EnrolmentStatus.Completed, enrolment.Status);
        Assert.Equal(referralStatus, referral.Status);
    }

    [Fact]
    public void Complete_WhenRefused_RaisesNothing()
    {
        var ideateur = ProgrammeOf(ProgrammeType.Ideateur);
        var roster = new SessionRoster(SessionOf(ideateur, 5), []);
        var (project, referral) = Accepted(ideateur);
        var enrolment = roster.Enrol(project, referral, 1, Staff, T0);
        roster.Session.DiscardDomainEvents();

        Assert.Throws<DomainException>(() => roster.Complete(enrolment, project, referral, EnrolmentOutcome.Go, null, null, null, Staff, T0));
        Assert.Throws<DomainException>(() => roster.Complete(enrolment, project, referral, EnrolmentOutcome.Certified, "Note", null, null, Staff, T0));

        Assert.Empty(roster.Session.DomainEvents);
        Assert.Equal(ReferralStatus.InProgress, referral.Status);
    }

    [Fact]
    public void TerritoryNeedRaise_RaisesTerritoryNeedRaised()
    {
        var need = TerritoryNeed.Raise(ProgrammeOf(ProgrammeType.Revelateur), "Épicerie du bourg", "Plus de commerce", "Commune de Locronan", new DateOnly(2026, 2, 1), "29135", Today, Staff, T0);

        var raised = Raised<TerritoryNeedRaised>(need);
        Assert.Same(need, raised.Need);
        Assert.Equal((Staff, T0), (raised.ActorId, raised.OccurredAt));
    }

    [Theory]
    [InlineData(true, TerritoryNeedStatus.ConcludedPositive)]
    [InlineData(false, TerritoryNeedStatus.ConcludedNegative)]
    public void TerritoryNeedConclude_RaisesOpportunityStudyConcluded_AndOnlyOnce(bool positive, TerritoryNeedStatus status)
    {
        var need = TerritoryNeed.Raise(ProgrammeOf(ProgrammeType.Revelateur), "Épicerie du bourg", "Plus de commerce", "Commune de Locronan", new DateOnly(2026, 2, 1), "29135", Today, Staff, T0);
        need.DiscardDomainEvents();

        need.Conclude(positive, "Étude conclue", new DateOnly(2026, 6, 30), Today, Staff, T0.AddDays(1));
        Assert.Throws<DomainException>(() => need.Conclude(positive, "Encore", new DateOnly(2026, 7, 30), Today, Staff, T0.AddDays(2)));

        var concluded = Raised<OpportunityStudyConcluded>(need);
        Assert.Equal(status, concluded.Need.Status);
        Assert.Equal((Staff, T0.AddDays(1)), (concluded.ActorId, concluded.OccurredAt));
    }

    [Fact]
    public void TerritoryNeedHandOverToNewProject_RaisesStudyHandedOverWithTheNewDraft()
    {
        var need = TerritoryNeed.Raise(ProgrammeOf(ProgrammeType.Revelateur), "Épicerie du bourg", "Plus de commerce", "Commune de Locronan", new DateOnly(2026, 2, 1), "29135", Today, Staff, T0);
        need.Conclude(true, "Marché confirmé", new DateOnly(2026, 6, 30), Today, Staff, T0);
        need.DiscardDomainEvents();

        var project = need.HandOverToNewProject(Guid.CreateVersion7(), Staff, T0.AddDays(1));

        var handed = Raised<StudyHandedOver>(need);
        Assert.Same(project, handed.Project);
        Assert.True(handed.NewProject);
        Assert.Equal(ProjectStatus.Draft, project.Status);
        Assert.Equal((Staff, T0.AddDays(1)), (handed.ActorId, handed.OccurredAt));
    }

    [Fact]
    public void TerritoryNeedHandOverTo_AProjectUnderWay_RaisesStudyHandedOverAndAppendsTheRevelateurSteps()
    {
        var need = TerritoryNeed.Raise(ProgrammeOf(ProgrammeType.Revelateur), "Épicerie du bourg", "Plus de commerce", "Commune de Locronan", new DateOnly(2026, 2, 1), "29135", Today, Staff, T0);
        need.Conclude(true, "Marché confirmé", new DateOnly(2026, 6, 30), Today, Staff, T0);
        need.DiscardDomainEvents();
        var project = ProjectTests.InStatus(ProjectStatus.InSupport);

        need.HandOverTo(project, Staff, T0.AddDays(1));

        var handed = Raised<StudyHandedOver>(need);
        Assert.Same(project, handed.Project);
        Assert.False(handed.NewProject);
        Assert.Equal(TerritoryNeedStatus.HandedOver, need.Status);
        Assert.Equal(project.Id, need.ProjectId);
        Assert.Equal([TrajectoryStepKind.TerritoryNeedRaised, TrajectoryStepKind.OpportunityStudyConcluded, TrajectoryStepKind.HandedOverToPorteur], project.Steps.TakeLast(3).Select(s => s.Kind));
    }

    [Fact]
    public void TerritoryNeedHandOver_WhenRefused_RaisesNothing()
    {
        var need = TerritoryNeed.Raise(ProgrammeOf(ProgrammeType.Revelateur), "Épicerie du bourg", "Plus de commerce", "Commune de Locronan", new DateOnly(2026, 2, 1), "29135", Today, Staff, T0);
        need.DiscardDomainEvents();
        var closed = ProjectTests.InStatus(ProjectStatus.Closed);

        Assert.Throws<DomainException>(() => need.HandOverToNewProject(Guid.CreateVersion7(), Staff, T0));
        need.Conclude(true, "Marché confirmé", new DateOnly(2026, 6, 30), Today, Staff, T0);
        need.DiscardDomainEvents();
        Assert.Throws<DomainException>(() => need.HandOverTo(closed, Staff, T0));

        Assert.Empty(need.DomainEvents);
        Assert.Equal(TerritoryNeedStatus.ConcludedPositive, need.Status);
    }
}
