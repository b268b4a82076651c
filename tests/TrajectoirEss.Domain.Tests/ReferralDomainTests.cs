using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;

namespace TrajectoirEss.Domain.Tests;

public sealed class ReferralDomainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Staff = Guid.CreateVersion7();
    private static readonly Structure Tag29 = new(Guid.CreateVersion7(), "tag29", "TAg29", StructureKind.TagBzh, "29", null);
    private static readonly Programme Ideateur = Programme.Create(Guid.CreateVersion7(), "tag29-ideateur", "Idéateur TAg29", ProgrammeType.Ideateur, SupportCategory.Accompagnement, Tag29, null);

    /// <summary>The allowed moves, written out by hand, independently of the code's table.</summary>
    private static readonly Dictionary<ReferralAction, ReferralStatus[]> Allowed = new()
    {
        [ReferralAction.Accept] = [ReferralStatus.Proposed, ReferralStatus.InformationRequested],
        [ReferralAction.Decline] = [ReferralStatus.Proposed, ReferralStatus.InformationRequested],
        [ReferralAction.RequestInformation] = [ReferralStatus.Proposed],
        [ReferralAction.Start] = [ReferralStatus.Accepted],
        [ReferralAction.Complete] = [ReferralStatus.Accepted, ReferralStatus.InProgress],
        [ReferralAction.Abandon] = [ReferralStatus.Accepted, ReferralStatus.InProgress],
        [ReferralAction.Withdraw] = [ReferralStatus.Proposed, ReferralStatus.InformationRequested, ReferralStatus.Accepted],
        [ReferralAction.Expire] = [ReferralStatus.Proposed, ReferralStatus.InformationRequested],
        [ReferralAction.Relaunch] = [ReferralStatus.Proposed, ReferralStatus.InformationRequested],
        [ReferralAction.Remind] = [ReferralStatus.Proposed, ReferralStatus.InformationRequested],
    };

    public static TheoryData<ReferralStatus, ReferralAction> Everything()
    {
        var data = new TheoryData<ReferralStatus, ReferralAction>();
        foreach (var status in Enum.GetValues<ReferralStatus>())
        {
            foreach (var action in Enum.GetValues<ReferralAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    private static (Project Project, Referral Referral) InStatus(ReferralStatus status)
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var referral = Referral.Create(ProjectTests.Sharing(project, Ideateur), Ideateur, [], project.PoleId!.Value, Staff, "Bonjour", T0);
        var at = T0.AddDays(1);
        switch (status)
        {
            case ReferralStatus.Proposed: break;
            case ReferralStatus.InformationRequested: referral.RequestInformation(project, Staff, "Quel budget ?", at); break;
            case ReferralStatus.Accepted: referral.Accept(project, Staff, at); break;
            case ReferralStatus.Declined: referral.Decline(project, Staff, "complet", "Promotion complète", at); break;
            case ReferralStatus.InProgress: referral.Accept(project, Staff, at); referral.Start(project, Staff, at); break;
            case ReferralStatus.Completed: referral.Accept(project, Staff, at); referral.Complete(project, Staff, "Go", at); break;
            case ReferralStatus.Abandoned: referral.Accept(project, Staff, at); referral.Abandon(project, Staff, "Départ du porteur", at); break;
            case ReferralStatus.Withdrawn: referral.Withdraw(project, Staff, "Erreur d'orientation", at); break;
            case ReferralStatus.Expired: referral.Expire(project, Guid.Empty, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(status));
        }

        return (project, referral);
    }

    private static void Apply(Project project, Referral referral, ReferralAction action)
    {
        var at = T0.AddDays(5);
        switch (action)
        {
            case ReferralAction.Accept: referral.Accept(project, Staff, at); break;
            case ReferralAction.Decline: referral.Decline(project, Staff, "hors-cible", "Hors cible", at); break;
            case ReferralAction.RequestInformation: referral.RequestInformation(project, Staff, "Précisez le budget", at); break;
            case ReferralAction.Start: referral.Start(project, Staff, at); break;
            case ReferralAction.Complete: referral.Complete(project, Staff, "Go", at); break;
            case ReferralAction.Abandon: referral.Abandon(project, Staff, "Raisons personnelles", at); break;
            case ReferralAction.Withdraw: referral.Withdraw(project, Staff, "Le porteur renonce", at); break;
            case ReferralAction.Expire: referral.Expire(project, Guid.Empty, at); break;
            case ReferralAction.Relaunch: referral.Relaunch(Staff, at); break;
            case ReferralAction.Remind: referral.MarkReminded(Guid.Empty, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    [Theory]
    [MemberData(nameof(Everything))]
    public void Action_IsAllowedExactlyWhereTheTableSays(ReferralStatus from, ReferralAction action)
    {
        var (project, referral) = InStatus(from);
        var steps = project.Steps.Count;
        var allowed = Allowed[action].Contains(from);

        Assert.Equal(allowed, referral.Can(action));
        if (allowed)
        {
            Apply(project, referral, action);
            var silent = action is ReferralAction.Relaunch or ReferralAction.Remind;
            Assert.Equal(silent ? steps : steps + 1, project.Steps.Count);
        }
        else
        {
            Assert.Throws<DomainException>(() => Apply(project, referral, action));
            Assert.Equal(from, referral.Status);
            Assert.Equal(steps, project.Steps.Count);
        }
    }

    [Fact]
    public void Create_NeedsAWelcomedProjectAnActiveProgrammeAndConsent()
    {
        var submitted = ProjectTests.InStatus(ProjectStatus.Submitted);
        var welcomed = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var closedProgramme = Programme.Create(Guid.CreateVersion7(), "x", "Ancien programme", ProgrammeType.Ideateur, SupportCategory.Accompagnement, Tag29, null);
        closedProgramme.Deactivate();

        Assert.Throws<DomainException>(() => Referral.Create(ProjectTests.Sharing(submitted, Ideateur), Ideateur, [], submitted.PoleId!.Value, Staff, null, T0));
        Assert.Throws<DomainException>(() => Referral.Create(ProjectTests.Sharing(welcomed, Ideateur), Ideateur, [], Guid.CreateVersion7(), Staff, null, T0));
        Assert.Throws<DomainException>(() => Referral.Create(ProjectTests.Sharing(welcomed, closedProgramme), closedProgramme, [], welcomed.PoleId!.Value, Staff, null, T0));
        var notShared = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var noConsent = Assert.Throws<DomainException>(() => Referral.Create(notShared, Ideateur, [], notShared.PoleId!.Value, Staff, null, T0));
        Assert.Equal(Referral.NoSharingMessage, noConsent.Message);
        Assert.Equal(2, welcomed.Steps.Count);
        Assert.Equal(2, notShared.Steps.Count);
    }

    [Fact]
    public void Create_AppendsTheReferredStepWithProgrammeAndStructure()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var referral = Referral.Create(ProjectTests.Sharing(project, Ideateur), Ideateur, [], project.PoleId!.Value, Staff, "À étudier", T0);

        var step = project.Steps[^1];
        Assert.Equal(TrajectoryStepKind.Referred, step.Kind);
        Assert.Equal(Ideateur.Id, step.ProgrammeId);
        Assert.Equal(Tag29.Id, step.StructureId);
        Assert.Equal(ReferralStatus.Proposed, referral.Status);
        Assert.Equal(T0, referral.WaitingSince);
        Assert.True(referral.IsOpen);
    }

    [Fact]
    public void Relaunch_RestartsTheWaitAndAllowsAnotherReminder()
    {
        var (_, referral) = InStatus(ReferralStatus.Proposed);
        referral.MarkReminded(Guid.Empty, T0.AddDays(10));
        referral.Relaunch(Staff, T0.AddDays(12));

        Assert.Equal(T0.AddDays(12), referral.WaitingSince);
        Assert.Null(referral.RemindedAt);
    }

    [Fact]
    public void Decline_NeedsAReason()
    {
        var (project, referral) = InStatus(ReferralStatus.Proposed);
        Assert.Throws<DomainException>(() => referral.Decline(project, Staff, "complet", " ", T0));
        Assert.Equal(ReferralStatus.Proposed, referral.Status);
    }

    /// <summary>The event each allowed action raises on the referral, written out by hand (null: none of its own).</summary>
    private static Type? EventOf(ReferralAction action) => action switch
    {
        ReferralAction.Accept or ReferralAction.Decline or ReferralAction.RequestInformation => typeof(ReferralAnswered),
        ReferralAction.Withdraw => typeof(ReferralWithdrawn),
        ReferralAction.Expire => typeof(ReferralExpired),
        ReferralAction.Relaunch => typeof(ReferralRelaunched),
        ReferralAction.Remind => typeof(ReferralReminderDue),

        // A structure's moves (start, complete, abandon) are told by the session's or the financing's events.
        ReferralAction.Start or ReferralAction.Complete or ReferralAction.Abandon => null,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [Theory]
    [MemberData(nameof(Everything))]
    public void Action_RaisesItsEventWhereAllowed_AndNothingWhereRefused(ReferralStatus from, ReferralAction action)
    {
        var (project, referral) = InStatus(from);
        referral.DiscardDomainEvents();
        project.DiscardDomainEvents();
        var allowed = Allowed[action].Contains(from);

        if (allowed)
        {
            Apply(project, referral, action);
        }
        else
        {
            Assert.Throws<DomainException>(() => Apply(project, referral, action));
        }

        if (allowed && EventOf(action) is { } type)
        {
            Assert.IsType(type, Assert.Single(referral.DomainEvents));
        }
        else
        {
            Assert.Empty(referral.DomainEvents);
        }

        Assert.Empty(project.DomainEvents);
    }

    [Fact]
    public void Create_RaisesReferralCreatedWithItsProject()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);

        var referral = Referral.Create(ProjectTests.Sharing(project, Ideateur), Ideateur, [], project.PoleId!.Value, Staff, "À étudier", T0);

        var created = Assert.IsType<ReferralCreated>(Assert.Single(referral.DomainEvents));
        Assert.Same(referral, created.Referral);
        Assert.Same(project, created.Project);
        Assert.Equal((Staff, T0), (created.ActorId, created.OccurredAt));
    }

    public static TheoryData<ReferralStatus, ReferralAction, ReferralStatus> Answers() => new()
    {
        { ReferralStatus.Proposed, ReferralAction.Accept, ReferralStatus.Accepted },
        { ReferralStatus.Proposed, ReferralAction.Decline, ReferralStatus.Declined },
        { ReferralStatus.Proposed, ReferralAction.RequestInformation, ReferralStatus.InformationRequested },
        { ReferralStatus.InformationRequested, ReferralAction.Accept, ReferralStatus.Accepted },
        { ReferralStatus.InformationRequested, ReferralAction.Decline, ReferralStatus.Declined },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Answer_RaisesReferralAnsweredWithTheStatusBefore(ReferralStatus from, ReferralAction action, ReferralStatus to)
    {
        var (project, referral) = InStatus(from);
        referral.DiscardDomainEvents();

        Apply(project, referral, action);

        var answered = Assert.IsType<ReferralAnswered>(Assert.Single(referral.DomainEvents));
        Assert.Equal(from, answered.From);
        Assert.Equal(to, answered.Referral.Status);
        Assert.Same(project, answered.Project);
        Assert.Equal((Staff, T0.AddDays(5)), (answered.ActorId, answered.OccurredAt));
    }

    [Theory]
    [InlineData(ReferralStatus.Proposed)]
    [InlineData(ReferralStatus.InformationRequested)]
    [InlineData(ReferralStatus.Accepted)]
    public void Withdraw_RaisesReferralWithdrawnWithTheStatusBefore(ReferralStatus from)
    {
        var (project, referral) = InStatus(from);
        referral.DiscardDomainEvents();

        referral.Withdraw(project, Staff, "Le porteur renonce", T0.AddDays(5));

        var withdrawn = Assert.IsType<ReferralWithdrawn>(Assert.Single(referral.DomainEvents));
        Assert.Equal(from, withdrawn.From);
        Assert.Equal(ReferralStatus.Withdrawn, referral.Status);
        Assert.Same(project, withdrawn.Project);
        Assert.Equal(Staff, withdrawn.ActorId);
    }

    [Theory]
    [InlineData(ReferralStatus.Proposed)]
    [InlineData(ReferralStatus.InformationRequested)]
    public void Expire_RaisesReferralExpired_EvenOnAClosedProject(ReferralStatus from)
    {
        var (project, referral) = InStatus(from);
        project.Close(ProjectOutcome.Abandoned, "Le collectif s'est dissous", Staff, T0.AddDays(2));
        referral.DiscardDomainEvents();
        var system = Guid.CreateVersion7();

        referral.Expire(project, system, T0.AddDays(30));

        var expired = Assert.IsType<ReferralExpired>(Assert.Single(referral.DomainEvents));
        Assert.Same(project, expired.Project);
        Assert.Equal((system, T0.AddDays(30)), (expired.ActorId, expired.OccurredAt));
        Assert.Equal(TrajectoryStepKind.ReferralExpired, project.Steps[^1].Kind);
    }

    [Fact]
    public void Relaunch_RaisesReferralRelaunchedByThePole()
    {
        var (_, referral) = InStatus(ReferralStatus.InformationRequested);
        referral.DiscardDomainEvents();

        referral.Relaunch(Staff, T0.AddDays(12));

        var relaunched = Assert.IsType<ReferralRelaunched>(Assert.Single(referral.DomainEvents));
        Assert.Same(referral, relaunched.Referral);
        Assert.Equal((Staff, T0.AddDays(12)), (relaunched.ActorId, relaunched.OccurredAt));
    }

    [Fact]
    public void MarkReminded_RaisesReferralReminderDueWithTheDaysWaitingSinceTheLastRelaunch()
    {
        var (_, referral) = InStatus(ReferralStatus.Proposed);
        var system = Guid.CreateVersion7();
        referral.Relaunch(Staff, T0.AddDays(3));
        referral.DiscardDomainEvents();

        referral.MarkReminded(system, T0.AddDays(12).AddHours(20));

        var due = Assert.IsType<ReferralReminderDue>(Assert.Single(referral.DomainEvents));
        Assert.Equal(9, due.DaysWaiting);
        Assert.Equal((system, T0.AddDays(12).AddHours(20)), (due.ActorId, due.OccurredAt));
        Assert.Equal(T0.AddDays(12).AddHours(20), referral.RemindedAt);
    }

    [Theory]
    [InlineData(ReferralStatus.Proposed)]
    [InlineData(ReferralStatus.InformationRequested)]
    [InlineData(ReferralStatus.Accepted)]
    [InlineData(ReferralStatus.InProgress)]
    public void Create_WhileTheProjectHasAnOpenReferralToTheProgramme_IsRefused(ReferralStatus first)
    {
        var (project, referral) = InStatus(first);
        var steps = project.Steps.Count;

        var error = Assert.Throws<DomainException>(() => Referral.Create(ProjectTests.Sharing(project, Ideateur), Ideateur, [referral], project.PoleId!.Value, Staff, null, T0.AddDays(10)));

        Assert.Equal("Le projet est déjà orienté vers ce programme.", error.Message);
        Assert.Equal(steps, project.Steps.Count);
    }

    [Theory]
    [InlineData(ReferralStatus.Declined)]
    [InlineData(ReferralStatus.Withdrawn)]
    [InlineData(ReferralStatus.Expired)]
    [InlineData(ReferralStatus.Completed)]
    [InlineData(ReferralStatus.Abandoned)]
    public void Create_OnceTheFirstReferralToTheProgrammeIsClosed_AddsAnOpenReferral(ReferralStatus first)
    {
        var (project, referral) = InStatus(first);
        Assert.False(referral.IsOpen);

        var again = Referral.Create(ProjectTests.Sharing(project, Ideateur), Ideateur, [referral], project.PoleId!.Value, Staff, null, T0.AddDays(10));

        Assert.Equal(ReferralStatus.Proposed, again.Status);
        Assert.True(again.IsOpen);
        Assert.Equal(TrajectoryStepKind.Referred, project.Steps[^1].Kind);
    }

    [Fact]
    public void Create_WhileAReferralToAnotherProgrammeOrOfAnotherProjectIsOpen_AddsAnOpenReferral()
    {
        var (project, referral) = InStatus(ReferralStatus.Accepted);
        var (other, otherReferral) = InStatus(ReferralStatus.Proposed);
        var revelateur = Programme.Create(Guid.CreateVersion7(), "tag29-revelateur", "Révélateur TAg29", ProgrammeType.Revelateur, SupportCategory.Accompagnement, Tag29, null);

        var toRevelateur = Referral.Create(ProjectTests.Sharing(project, revelateur), revelateur, [referral], project.PoleId!.Value, Staff, null, T0.AddDays(10));
        var otherToIdeateur = Referral.Create(ProjectTests.Sharing(other, Ideateur), Ideateur, [referral, toRevelateur], other.PoleId!.Value, Staff, null, T0.AddDays(10));

        Assert.Equal(revelateur.Id, toRevelateur.ProgrammeId);
        Assert.Equal(Ideateur.Id, otherToIdeateur.ProgrammeId);
        Assert.True(otherReferral.IsOpen);
    }

    [Theory]
    [InlineData(ReferralStatus.Proposed, true, true)]
    [InlineData(ReferralStatus.InformationRequested, true, true)]
    [InlineData(ReferralStatus.Accepted, true, false)]
    [InlineData(ReferralStatus.InProgress, true, false)]
    [InlineData(ReferralStatus.Declined, false, false)]
    [InlineData(ReferralStatus.Completed, false, false)]
    [InlineData(ReferralStatus.Abandoned, false, false)]
    [InlineData(ReferralStatus.Withdrawn, false, false)]
    [InlineData(ReferralStatus.Expired, false, false)]
    public void IsOpen_AndIsAwaitingAnswer_FollowTheNamedSets(ReferralStatus status, bool open, bool awaiting)
    {
        var (_, referral) = InStatus(status);

        Assert.Equal(open, referral.IsOpen);
        Assert.Equal(awaiting, referral.IsAwaitingAnswer);
    }

    [Theory]
    [InlineData(ReferralStatus.Proposed, ReferralAction.Accept)]
    [InlineData(ReferralStatus.Proposed, ReferralAction.Decline)]
    [InlineData(ReferralStatus.Proposed, ReferralAction.RequestInformation)]
    [InlineData(ReferralStatus.Accepted, ReferralAction.Start)]
    [InlineData(ReferralStatus.Accepted, ReferralAction.Complete)]
    [InlineData(ReferralStatus.Accepted, ReferralAction.Abandon)]
    public void Action_OnAClosedProject_IsRefusedAndChangesNothing(ReferralStatus from, ReferralAction action)
    {
        // Closing a project leaves its referrals as they are; the trajectory of a closed project only takes a
        // referral's expiry or withdrawal (Project.TrajectoryCanTake). Any other move is refused, and, as every
        // refused move of the transition table, leaves the referral where it was.
        var (project, referral) = InStatus(from);
        project.Close(ProjectOutcome.Abandoned, "Le collectif s'est dissous", Staff, T0.AddDays(2));
        referral.DiscardDomainEvents();
        var steps = project.Steps.Count;

        var error = Assert.Throws<DomainException>(() => Apply(project, referral, action));

        Assert.Equal("Ce projet est clos : son parcours ne peut plus avancer.", error.Message);
        Assert.Equal(steps, project.Steps.Count);
        Assert.Empty(referral.DomainEvents);
        Assert.Equal(from, referral.Status);
    }
}
