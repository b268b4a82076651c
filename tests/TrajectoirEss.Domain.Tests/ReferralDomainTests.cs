using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Support;

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
        var referral = Referral.Create(project, Ideateur, [], project.PoleId!.Value, Staff, true, "Bonjour", T0);
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

        Assert.Throws<DomainException>(() => Referral.Create(submitted, Ideateur, [], submitted.PoleId!.Value, Staff, true, null, T0));
        Assert.Throws<DomainException>(() => Referral.Create(welcomed, Ideateur, [], Guid.CreateVersion7(), Staff, true, null, T0));
        Assert.Throws<DomainException>(() => Referral.Create(welcomed, closedProgramme, [], welcomed.PoleId!.Value, Staff, true, null, T0));
        var noConsent = Assert.Throws<DomainException>(() => Referral.Create(welcomed, Ideateur, [], welcomed.PoleId!.Value, Staff, false, null, T0));
        Assert.Contains("partagé", noConsent.Message, StringComparison.Ordinal);
        Assert.Equal(2, welcomed.Steps.Count);
    }

    [Fact]
    public void Create_AppendsTheReferredStepWithProgrammeAndStructure()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var referral = Referral.Create(project, Ideateur, [], project.PoleId!.Value, Staff, true, "À étudier", T0);

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
}
