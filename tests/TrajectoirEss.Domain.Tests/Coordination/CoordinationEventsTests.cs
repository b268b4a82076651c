using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using static TrajectoirEss.Domain.Tests.Coordination.CoordinationFixtures;

namespace TrajectoirEss.Domain.Tests.Coordination;

/// <summary>What the coordination's moves raise, for the e-mails and the audit trail, and what they must not.</summary>
public sealed class CoordinationEventsTests
{
    /// <summary>The event each allowed session action raises, written out by hand (null: none of its own).</summary>
    private static string? EventOf(PlatformSessionAction action) => action switch
    {
        PlatformSessionAction.Reschedule => nameof(PlatformSessionRescheduled),
        PlatformSessionAction.Convene => nameof(SessionConvened),
        PlatformSessionAction.Hold => nameof(SessionHeld),
        PlatformSessionAction.Close => nameof(SessionClosed),
        PlatformSessionAction.Cancel => nameof(SessionCancelled),
        PlatformSessionAction.Reopen => nameof(SessionReopened),
        PlatformSessionAction.Prepare => nameof(MilestoneDone),
        PlatformSessionAction.Invite => nameof(OrganisationsInvited),
        PlatformSessionAction.Register => nameof(AttendeeRegistered),
        PlatformSessionAction.RecordAttendance => nameof(AttendanceRecorded),
        PlatformSessionAction.RecordDecision => nameof(DecisionRecorded),
        PlatformSessionAction.WriteMinutes => nameof(MinutesWritten),

        // The agenda is a draft until it is sent (the AgendaSent milestone says so).
        PlatformSessionAction.EditAgenda => null,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static string EventOf(CommitmentAction action) => action switch
    {
        CommitmentAction.Edit => nameof(CommitmentEdited),
        CommitmentAction.PostUpdate => nameof(CommitmentUpdated),
        CommitmentAction.Start or CommitmentAction.Complete or CommitmentAction.Drop or CommitmentAction.Reopen => nameof(CommitmentStatusChanged),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [Theory]
    [MemberData(nameof(PlatformSessionTests.Table), MemberType = typeof(PlatformSessionTests))]
    public void SessionAction_RaisesItsEventWhereAllowed_AndNothingWhereRefused(PlatformSessionStatus from, PlatformSessionAction action, PlatformSessionStatus? expected)
    {
        var (session, body) = InStatus(from);

        try
        {
            PlatformSessionTests.Apply(session, body, action);
        }
        catch (DomainException)
        {
            Assert.Null(expected);
        }

        if (expected is not null && EventOf(action) is { } name)
        {
            Assert.Equal(name, Assert.Single(session.DomainEvents).GetType().Name);
        }
        else
        {
            Assert.Empty(session.DomainEvents);
        }
    }

    [Theory]
    [MemberData(nameof(CommitmentTests.Table), MemberType = typeof(CommitmentTests))]
    public void CommitmentAction_RaisesItsEventWhereAllowed_AndNothingWhereRefused(CommitmentStatus from, CommitmentAction action, CommitmentStatus? expected)
    {
        var commitment = CommitmentIn(from);

        try
        {
            CommitmentTests.Apply(commitment, action);
        }
        catch (DomainException)
        {
            Assert.Null(expected);
        }

        if (expected is not null)
        {
            Assert.Equal(EventOf(action), Assert.Single(commitment.DomainEvents).GetType().Name);
        }
        else
        {
            Assert.Empty(commitment.DomainEvents);
        }
    }

    [Fact]
    public void Convene_RaisesSessionConvened_WithTheInvitedOrganisations()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Planned);

        session.Convene(Staff, T0.AddDays(1));

        var convened = Assert.IsType<SessionConvened>(Assert.Single(session.DomainEvents));
        Assert.Equal(Members.OrderBy(o => o.Id), convened.Invited.OrderBy(o => o.Id));
        Assert.Equal((Staff, T0.AddDays(1)), (convened.ActorId, convened.OccurredAt));
    }

    [Fact]
    public void Drop_RaisesCommitmentStatusChanged_FromToAndWhy()
    {
        var commitment = CommitmentIn(CommitmentStatus.InProgress);

        commitment.Drop("Faute de bénévoles", Staff, T0.AddDays(9));

        var changed = Assert.IsType<CommitmentStatusChanged>(Assert.Single(commitment.DomainEvents));
        Assert.Equal((CommitmentStatus.InProgress, CommitmentStatus.Dropped, "Faute de bénévoles"), (changed.From, changed.To, changed.Reason));
    }

    [Fact]
    public void PostUpdate_RaisesCommitmentUpdated_WithTheProgressBefore()
    {
        var commitment = CommitmentIn(CommitmentStatus.InProgress);
        commitment.PostUpdate("Premier pas", 25, Pole, Staff, T0.AddDays(5));
        commitment.DiscardDomainEvents();

        var update = commitment.PostUpdate("À mi-chemin", 50, Pole, Staff, T0.AddDays(20));

        var updated = Assert.IsType<CommitmentUpdated>(Assert.Single(commitment.DomainEvents));
        Assert.Equal((25, update), (updated.OldProgress, updated.Update));
    }

    [Fact]
    public void Body_RaisesAnEventForEachChangeOfItsMembers()
    {
        var body = Body.Create(Guid.CreateVersion7(), BodyKind.ThematicGroup, "Groupe accueil", Staff, T0);
        var membership = body.AddMember(Cress, College.Networks, new DateOnly(2026, 1, 1), null, Staff, T0);
        var representative = body.NameRepresentative(membership.Id, Guid.CreateVersion7(), "Animatrice", new DateOnly(2026, 1, 1), null, Staff, T0);
        body.EndRepresentative(membership.Id, representative.Id, new DateOnly(2026, 6, 30), Staff, T0);
        body.EndMembership(membership.Id, new DateOnly(2026, 12, 31), Staff, T0);

        Assert.Equal(
            [nameof(BodyCreated), nameof(MembershipAdded), nameof(RepresentativeNamed), nameof(RepresentativeEnded), nameof(MembershipEnded)],
            body.DomainEvents.Select(e => e.GetType().Name));
    }
}
