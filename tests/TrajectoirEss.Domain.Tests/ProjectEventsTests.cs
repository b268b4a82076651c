using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;

namespace TrajectoirEss.Domain.Tests;

/// <summary>What a project's moves raise, for the audit trail and the notifications, and what they must not.</summary>
public sealed class ProjectEventsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Staff = Guid.CreateVersion7();
    private static readonly Guid OtherPole = Guid.CreateVersion7();

    /// <summary>A project in a status, its events so far (those of the fixture) discarded.</summary>
    private static Project Fresh(ProjectStatus status)
    {
        var project = ProjectTests.InStatus(status);
        project.DiscardDomainEvents();
        return project;
    }

    private static TEvent Raised<TEvent>(AggregateRoot aggregate)
        where TEvent : IDomainEvent =>
        Assert.IsType<TEvent>(Assert.Single(aggregate.DomainEvents));

    /// <summary>The event each allowed action raises, written out by hand (null: none of its own).</summary>
    private static string? EventOf(ProjectAction action) => action switch
    {
        ProjectAction.Submit => nameof(ProjectSubmitted),
        ProjectAction.Welcome => nameof(ProjectWelcomed),
        ProjectAction.Close => nameof(ProjectClosed),
        ProjectAction.Reopen => nameof(ProjectReopened),
        ProjectAction.Qualify => nameof(ProjectQualified),
        ProjectAction.Transfer => nameof(ProjectTransferred),
        ProjectAction.AssignReferent => nameof(ReferentAssigned),
        ProjectAction.Pause => nameof(ProjectPaused),
        ProjectAction.Resume => nameof(ProjectResumed),
        ProjectAction.AskForSharing => nameof(SharingConsentRequested),

        // The porteurs' edits of their draft are not audited; the question to the porteurs is told by the
        // message that carries it (PoleWroteToPorteurs); entering support by the referral's or session's event.
        ProjectAction.Edit or ProjectAction.AskPorteur or ProjectAction.StartSupport => null,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [Theory]
    [MemberData(nameof(ProjectTests.Table), MemberType = typeof(ProjectTests))]
    public void Action_RaisesItsEventWhereAllowed_AndNothingWhereRefused(ProjectStatus from, ProjectAction action, ProjectStatus? expected)
    {
        var project = Fresh(from);

        try
        {
            ProjectTests.Apply(project, action);
        }
        catch (DomainException)
        {
            Assert.Null(expected);
        }

        if (expected is not null && EventOf(action) is { } name)
        {
            Assert.Equal(name, Assert.Single(project.DomainEvents).GetType().Name);
        }
        else
        {
            Assert.Empty(project.DomainEvents);
        }
    }

    [Fact]
    public void Submit_RaisesProjectSubmittedByThePorteur()
    {
        var project = Fresh(ProjectStatus.Draft);
        var owner = project.Members[0].UserId;

        project.Submit(owner, Guid.CreateVersion7(), consentToProcessing: true, T0);

        var submitted = Raised<ProjectSubmitted>(project);
        Assert.Same(project, submitted.Project);
        Assert.Equal(owner, submitted.ActorId);
        Assert.Equal(T0, submitted.OccurredAt);
    }

    [Fact]
    public void Welcome_RaisesProjectWelcomedAtTheFirstContact()
    {
        var project = Fresh(ProjectStatus.Submitted);
        var submittedAt = project.SubmittedAt!.Value;

        project.Welcome(Staff, submittedAt.AddHours(-3));

        var welcomed = Raised<ProjectWelcomed>(project);
        Assert.Equal(Staff, welcomed.ActorId);
        Assert.Equal(submittedAt, welcomed.OccurredAt);
        Assert.Equal(project.FirstContactAt, welcomed.OccurredAt);
    }

    [Fact]
    public void RecordMeeting_TheFirstOne_RaisesProjectWelcomedAndMeetingRecorded_TheNextOnlyMeetingRecorded()
    {
        var project = Fresh(ProjectStatus.Submitted);
        var heldAt = project.SubmittedAt!.Value.AddDays(2);

        var first = Meeting.Record(project, heldAt, MeetingKind.FirstWelcome, "Premier échange", Staff, heldAt.AddHours(1));
        var events = project.TakeDomainEvents().Select(e => e.Event).ToList();
        Meeting.Record(project, heldAt.AddDays(7), MeetingKind.FollowUp, "Suite", Staff, heldAt.AddDays(7));

        Assert.Collection(
            events,
            e => Assert.Equal(heldAt, Assert.IsType<ProjectWelcomed>(e).OccurredAt),
            e =>
            {
                var recorded = Assert.IsType<MeetingRecorded>(e);
                Assert.Same(first, recorded.Meeting);
                Assert.True(recorded.Welcomed);
            });
        Assert.False(Raised<MeetingRecorded>(project).Welcomed);
    }

    [Theory]
    [InlineData(ProjectStatus.Submitted)]
    [InlineData(ProjectStatus.Welcomed)]
    [InlineData(ProjectStatus.InSupport)]
    [InlineData(ProjectStatus.Paused)]
    public void Close_RaisesProjectClosedWithTheStatusItLeft(ProjectStatus from)
    {
        var project = Fresh(from);

        project.Close(ProjectOutcome.Abandoned, "  Le collectif s'est dissous ", Staff, T0);

        var closed = Raised<ProjectClosed>(project);
        Assert.Equal(from, closed.From);
        Assert.Equal(ProjectOutcome.Abandoned, closed.Outcome);
        Assert.Equal("Le collectif s'est dissous", closed.Reason);
        Assert.Null(closed.Company);
        Assert.Equal(Staff, closed.ActorId);
        Assert.Equal(T0, closed.OccurredAt);
    }

    [Fact]
    public void Close_AsCreated_RaisesProjectClosedWithTheCompany()
    {
        var project = Fresh(ProjectStatus.InSupport);
        var company = new CompanyCreation("scic", new DateOnly(2026, 5, 1), "73282932000074", new DateOnly(2026, 6, 1));

        project.Close(ProjectOutcome.Created, "Scic immatriculée", Staff, T0, company);

        var closed = Raised<ProjectClosed>(project);
        Assert.Equal(ProjectStatus.InSupport, closed.From);
        Assert.Same(company, closed.Company);
    }

    [Fact]
    public void Reopen_RaisesProjectReopenedWithItsReason()
    {
        var project = Fresh(ProjectStatus.Closed);

        project.Reopen("Le collectif se reforme", Staff, T0);

        var reopened = Raised<ProjectReopened>(project);
        Assert.Equal("Le collectif se reforme", reopened.Reason);
        Assert.Equal(Staff, reopened.ActorId);
    }

    [Fact]
    public void Qualify_RaisesProjectQualifiedWithTheOldStageNeedsAndSector()
    {
        var project = Fresh(ProjectStatus.Welcomed);
        var (stage, needs, sector) = (project.Stage, project.Needs, project.SectorCode);

        project.Qualify(ProjectStage.EtudeFaisabilite, SupportNeeds.Formation | SupportNeeds.Financement, "culture", Staff, T0);

        var qualified = Raised<ProjectQualified>(project);
        Assert.Equal((ProjectStage.Idee, SupportNeeds.Accompagnement, "commerce"), (stage, needs, sector));
        Assert.Equal(stage, qualified.OldStage);
        Assert.Equal(needs, qualified.OldNeeds);
        Assert.Equal(sector, qualified.OldSectorCode);
        Assert.Equal((ProjectStage.EtudeFaisabilite, SupportNeeds.Formation | SupportNeeds.Financement, "culture"), (project.Stage, project.Needs, project.SectorCode));
        Assert.Equal(Staff, qualified.ActorId);
        Assert.Equal(T0, qualified.OccurredAt);
    }

    [Fact]
    public void Qualify_WhenRefused_RaisesNothing()
    {
        var project = Fresh(ProjectStatus.Welcomed);

        Assert.Throws<DomainException>(() => project.Qualify(ProjectStage.Idee, SupportNeeds.None, "commerce", Staff, T0));

        Assert.Empty(project.DomainEvents);
    }

    [Fact]
    public void AssignReferent_RaisesReferentAssignedWithTheOldAndTheNewReferent()
    {
        var project = Fresh(ProjectStatus.Welcomed);
        var anna = Guid.CreateVersion7();

        project.AssignReferent(anna, Staff, T0);
        project.AssignReferent(null, Staff, T0.AddDays(1));

        Assert.Collection(
            project.DomainEvents.Cast<ReferentAssigned>(),
            first => Assert.Equal((null, anna, Staff, T0), (first.OldReferentId, first.NewReferentId, first.ActorId, first.OccurredAt)),
            second => Assert.Equal((anna, null, Staff, T0.AddDays(1)), (second.OldReferentId, second.NewReferentId, second.ActorId, second.OccurredAt)));
    }

    [Fact]
    public void Transfer_RaisesProjectTransferredWithTheOldPole()
    {
        var project = Fresh(ProjectStatus.InSupport);
        var pole = project.PoleId;

        project.Transfer(OtherPole, "Les porteurs ont déménagé", Staff, T0);

        var transferred = Raised<ProjectTransferred>(project);
        Assert.NotNull(pole);
        Assert.Equal(pole, transferred.FromPoleId);
        Assert.Equal(OtherPole, transferred.ToPoleId);
        Assert.Equal("Les porteurs ont déménagé", transferred.Reason);
    }

    [Fact]
    public void Transfer_ToItsOwnPole_RaisesNothing()
    {
        var project = Fresh(ProjectStatus.Welcomed);

        Assert.Throws<DomainException>(() => project.Transfer(project.PoleId!.Value, "Erreur", Staff, T0));

        Assert.Empty(project.DomainEvents);
    }

    [Theory]
    [InlineData(ProjectStatus.Welcomed)]
    [InlineData(ProjectStatus.InSupport)]
    public void Pause_RaisesProjectPausedWithTheStatusItLeft(ProjectStatus from)
    {
        var project = Fresh(from);

        project.Pause("Les porteurs cherchent un local", Staff, T0);

        var paused = Raised<ProjectPaused>(project);
        Assert.Equal(from, paused.From);
        Assert.Equal("Les porteurs cherchent un local", paused.Reason);
    }

    [Fact]
    public void Resume_RaisesProjectResumed()
    {
        var project = Fresh(ProjectStatus.Paused);

        project.Resume(Staff, T0);

        var resumed = Raised<ProjectResumed>(project);
        Assert.Same(project, resumed.Project);
        Assert.Equal((Staff, T0), (resumed.ActorId, resumed.OccurredAt));
    }

    [Fact]
    public void Messages_AndNotes_AndInvitations_RaiseTheirEventsOnTheProject()
    {
        var project = Fresh(ProjectStatus.Welcomed);
        var owner = project.Members[0].UserId;

        var question = ProjectMessage.FromPole(project, Staff, "Quel budget ?", asksForInformation: true, T0);
        var answer = ProjectMessage.FromPorteurs(project, owner, "Dix mille euros", T0.AddHours(1));
        var note = InternalNote.Write(project, Staff, "À suivre", T0.AddHours(2));
        var (invitation, token) = ProjectInvitation.Create(project, "anna@exemple.test", owner, T0.AddHours(3));

        Assert.Collection(
            project.DomainEvents,
            e => Assert.Equal((question, true), (Assert.IsType<PoleWroteToPorteurs>(e).Message, ((PoleWroteToPorteurs)e).AsksForInformation)),
            e => Assert.Same(answer, Assert.IsType<PorteursWroteToPole>(e).Message),
            e => Assert.Same(note, Assert.IsType<InternalNoteAdded>(e).Note),
            e => Assert.Equal((invitation, token), (Assert.IsType<CoPorteurInvited>(e).Invitation, ((CoPorteurInvited)e).Token)));
        Assert.Equal(TrajectoryStepKind.InformationAskedFromPorteur, project.Steps[^1].Kind);
    }

    [Fact]
    public void TakeDomainEvents_HandsTheEventsOverInOrder_AndEmptiesTheList()
    {
        var project = Fresh(ProjectStatus.Welcomed);
        project.AssignReferent(Staff, Staff, T0);
        project.Pause("Pause", Staff, T0.AddDays(1));
        project.Resume(Staff, T0.AddDays(2));

        var taken = project.TakeDomainEvents();

        Assert.Equal([typeof(ReferentAssigned), typeof(ProjectPaused), typeof(ProjectResumed)], taken.Select(e => e.Event.GetType()));
        Assert.True(taken[0].Sequence < taken[1].Sequence && taken[1].Sequence < taken[2].Sequence);
        Assert.Empty(project.DomainEvents);
        Assert.Empty(project.TakeDomainEvents());
    }

    [Fact]
    public void TakeDomainEvents_NumbersTheEventsAcrossAggregates()
    {
        var first = Fresh(ProjectStatus.Welcomed);
        var second = Fresh(ProjectStatus.Welcomed);
        first.AssignReferent(Staff, Staff, T0);
        second.AssignReferent(Staff, Staff, T0);
        first.Pause("Pause", Staff, T0);

        var one = first.TakeDomainEvents();
        var two = Assert.Single(second.TakeDomainEvents());

        Assert.True(one[0].Sequence < two.Sequence && two.Sequence < one[1].Sequence);
    }

    [Fact]
    public void DiscardDomainEvents_EmptiesTheList()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Paused);
        Assert.NotEmpty(project.DomainEvents);

        project.DiscardDomainEvents();

        Assert.Empty(project.DomainEvents);
        Assert.Empty(project.TakeDomainEvents());
    }

    [Fact]
    public void DomainEvents_IsACopy_ThatTakingDoesNotEmpty()
    {
        var project = Fresh(ProjectStatus.Welcomed);
        project.Pause("Pause", Staff, T0);
        var seen = project.DomainEvents;

        project.TakeDomainEvents();

        Assert.Single(seen);
        Assert.Empty(project.DomainEvents);
    }
}
