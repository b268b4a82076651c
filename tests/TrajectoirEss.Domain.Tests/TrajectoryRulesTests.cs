using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;

namespace TrajectoirEss.Domain.Tests;

/// <summary>
/// The one rule for the steps other domain types append (<see cref="Project.TrajectoryCanTake"/>), the way a
/// project enters support (<c>EnterSupport</c>, through the transition table) and the named sets of statuses.
/// </summary>
public sealed class TrajectoryRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Staff = Guid.CreateVersion7();

    private static readonly TrajectoryStepKind[] Kinds =
    [
        TrajectoryStepKind.Referred,
        TrajectoryStepKind.ReferralAccepted,
        TrajectoryStepKind.ReferralStarted,
        TrajectoryStepKind.ReferralExpired,
        TrajectoryStepKind.ReferralWithdrawn,
        TrajectoryStepKind.FinancingGranted,
        TrajectoryStepKind.TerritoryNeedRaised,
        TrajectoryStepKind.OpportunityStudyConcluded,
        TrajectoryStepKind.HandedOverToPorteur,
    ];

    /// <summary>Statuses × kinds, with the expected answer written out by hand, independently of the code's switch.</summary>
    public static TheoryData<ProjectStatus, TrajectoryStepKind, bool> Steps()
    {
        TrajectoryStepKind[] afterClosing = [TrajectoryStepKind.ReferralExpired, TrajectoryStepKind.ReferralWithdrawn];
        TrajectoryStepKind[] revelateur = [TrajectoryStepKind.TerritoryNeedRaised, TrajectoryStepKind.OpportunityStudyConcluded, TrajectoryStepKind.HandedOverToPorteur];
        var data = new TheoryData<ProjectStatus, TrajectoryStepKind, bool>();
        foreach (var status in Enum.GetValues<ProjectStatus>())
        {
            foreach (var kind in Kinds)
            {
                var expected = status switch
                {
                    ProjectStatus.Closed => afterClosing.Contains(kind),
                    ProjectStatus.Draft => revelateur.Contains(kind),
                    _ => true,
                };
                data.Add(status, kind, expected);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void TrajectoryCanTake_FollowsTheOneRule_AndRecordStepEnforcesIt(ProjectStatus status, TrajectoryStepKind kind, bool expected)
    {
        var project = ProjectTests.InStatus(status);
        var steps = project.Steps.Count;

        Assert.Equal(expected, project.TrajectoryCanTake(kind));

        var at = T0.AddYears(1);
        void Record() => project.RecordStep(kind, Staff, at, project.PoleId, Guid.CreateVersion7(), Guid.CreateVersion7(), null, "Motif");
        if (expected)
        {
            Record();
            Assert.Equal(steps + 1, project.Steps.Count);
            Assert.Equal((kind, at, Staff), (project.Steps[^1].Kind, project.Steps[^1].OccurredAt, project.Steps[^1].ActorId));
        }
        else
        {
            var error = Assert.Throws<DomainException>(Record);
            Assert.Contains(status == ProjectStatus.Closed ? "clos" : "pas encore déposé", error.Message, StringComparison.Ordinal);
            Assert.Equal(steps, project.Steps.Count);
        }

        Assert.Equal(status, project.Status);
    }

    [Fact]
    public void RecordStep_CutsALongReason_AndNeverMovesUpdatedAtBack()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var updated = project.UpdatedAt;

        project.RecordStep(TrajectoryStepKind.TerritoryNeedRaised, Staff, updated.AddYears(-1), project.PoleId, Guid.CreateVersion7(), Guid.CreateVersion7(), null, new string('a', TrajectoryStep.ReasonMaxLength + 10));

        Assert.Equal(TrajectoryStep.ReasonMaxLength, project.Steps[^1].Reason!.Length);
        Assert.Equal(updated, project.UpdatedAt);
    }

    public static TheoryData<ProjectStatus, ProjectStatus> Support() => new()
    {
        { ProjectStatus.Welcomed, ProjectStatus.InSupport },
        { ProjectStatus.InSupport, ProjectStatus.InSupport },
        { ProjectStatus.Paused, ProjectStatus.Paused },
        { ProjectStatus.Draft, ProjectStatus.Draft },
        { ProjectStatus.Submitted, ProjectStatus.Submitted },
        { ProjectStatus.Closed, ProjectStatus.Closed },
    };

    [Theory]
    [MemberData(nameof(Support))]
    public void EnterSupport_MovesOnlyAWelcomedProject_WithoutAStepOrAnEvent(ProjectStatus from, ProjectStatus expected)
    {
        var project = ProjectTests.InStatus(from);
        project.DiscardDomainEvents();
        var (steps, updated) = (project.Steps.Count, project.UpdatedAt);
        var at = T0.AddYears(1);

        project.EnterSupport(at);

        Assert.Equal(expected, project.Status);
        Assert.Equal(from == expected ? updated : at, project.UpdatedAt);
        Assert.Equal(steps, project.Steps.Count);
        Assert.Empty(project.DomainEvents);
        Assert.Equal(from == ProjectStatus.Welcomed, Project.CanApply(from, ProjectAction.StartSupport));
    }

    [Theory]
    [InlineData(ProjectStatus.Welcomed, ProjectStatus.InSupport)]
    [InlineData(ProjectStatus.InSupport, ProjectStatus.InSupport)]
    [InlineData(ProjectStatus.Paused, ProjectStatus.Paused)]
    public void ReferralStart_PutsAWelcomedProjectInSupport_TheReferralsStepTellingIt(ProjectStatus from, ProjectStatus expected)
    {
        var tag = new Structure(Guid.CreateVersion7(), "tag29", "TAg29", StructureKind.TagBzh, "29", null);
        var ideateur = Programme.Create(Guid.CreateVersion7(), "ideateur", "Idéateur", ProgrammeType.Ideateur, SupportCategory.Accompagnement, tag, null);
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var referral = Referral.Create(ProjectTests.Sharing(project, ideateur), ideateur, [], project.PoleId!.Value, Staff, null, T0);
        referral.Accept(project, Staff, T0);
        if (from == ProjectStatus.InSupport)
        {
            project.EnterSupport(T0);
        }
        else if (from == ProjectStatus.Paused)
        {
            project.Pause("Les porteurs cherchent un local", Staff, T0);
        }

        var steps = project.Steps.Count;
        referral.Start(project, Staff, T0.AddDays(1));

        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Equal(expected, project.Status);
        Assert.Equal(steps + 1, project.Steps.Count);
        Assert.Equal(TrajectoryStepKind.ReferralStarted, project.Steps[^1].Kind);
        Assert.DoesNotContain(project.Steps, s => s.Kind == TrajectoryStepKind.SupportStarted);
    }

    [Fact]
    public void NamedStatusSets_AreTheOnesTheProgrammeSpeaksOf()
    {
        Assert.Equal([ProjectStatus.Submitted, ProjectStatus.Welcomed, ProjectStatus.InSupport, ProjectStatus.Paused], Project.OpenStatuses);
        Assert.Equal([ProjectStatus.Welcomed, ProjectStatus.InSupport], Project.ActiveStatuses);
        Assert.Equal([ReferralStatus.Proposed, ReferralStatus.InformationRequested], Referral.AwaitingAnswerStatuses);
        Assert.Equal([ReferralStatus.Proposed, ReferralStatus.InformationRequested, ReferralStatus.Accepted, ReferralStatus.InProgress], Referral.OpenStatuses);
        Assert.Equal([EnrolmentStatus.Enrolled, EnrolmentStatus.Completed], Enrolment.PlaceTakingStatuses);
    }

    [Theory]
    [InlineData(ProjectStatus.Draft, false)]
    [InlineData(ProjectStatus.Submitted, true)]
    [InlineData(ProjectStatus.Welcomed, true)]
    [InlineData(ProjectStatus.InSupport, true)]
    [InlineData(ProjectStatus.Paused, true)]
    [InlineData(ProjectStatus.Closed, false)]
    public void OpenStatuses_AreThoseThePoleCanWorkOn(ProjectStatus status, bool open)
    {
        foreach (var action in new[] { ProjectAction.Qualify, ProjectAction.Transfer, ProjectAction.AssignReferent, ProjectAction.AskPorteur, ProjectAction.Close })
        {
            Assert.Equal(open, Project.CanApply(status, action));
        }

        Assert.Equal(status is ProjectStatus.Welcomed or ProjectStatus.InSupport, Project.CanApply(status, ProjectAction.Pause));
    }
}
