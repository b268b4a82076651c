using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;

namespace TrajectoirEss.Domain.Tests;

/// <summary>The porteurs' consent to share their project, partner by partner (issue 19, item 1).</summary>
public sealed class SharingConsentTests
{
    private static readonly DateTimeOffset T1 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Staff = Guid.CreateVersion7();
    private static readonly Structure Tag29 = new(Guid.CreateVersion7(), "tag29", "TAg29", StructureKind.TagBzh, "29", null);
    private static readonly Structure Kejal = new(Guid.CreateVersion7(), "kejal", "Scic Kejal", StructureKind.Kejal, null, null);
    private static readonly Programme Ideateur = Programme.Create(Guid.CreateVersion7(), "tag29-ideateur", "Idéateur TAg29", ProgrammeType.Ideateur, SupportCategory.Accompagnement, Tag29, null);
    private static readonly Programme Creopss = Programme.Create(Guid.CreateVersion7(), "creopss", "Creopss", ProgrammeType.Creopss, SupportCategory.Formation, Kejal, null);

    public static TheoryData<ProjectStatus> EveryStatus() => [.. Enum.GetValues<ProjectStatus>()];

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void ChangeSharing_ByAPorteur_IsAllowedInEveryStatus_AndRecordsWhoAndWhen(ProjectStatus status)
    {
        var project = ProjectTests.InStatus(status);
        var porteur = project.Members[0].UserId;
        project.DiscardDomainEvents();

        project.ChangeSharing(Tag29.Id, true, porteur, T1);

        Assert.True(project.SharesWith(Tag29.Id));
        Assert.False(project.SharesWith(Kejal.Id));
        var consent = Assert.Single(project.Sharing);
        Assert.Equal((Tag29.Id, true, (Guid?)porteur, T1), (consent.StructureId, consent.Given, consent.ChangedBy, consent.ChangedAt));
        var changed = Assert.IsType<SharingConsentChanged>(Assert.Single(project.DomainEvents));
        Assert.Equal((Tag29.Id, true, porteur, T1), (changed.StructureId, changed.Given, changed.ActorId, changed.OccurredAt));
        Assert.Equal(status, project.Status);
    }

    [Fact]
    public void ChangeSharing_Withdrawn_HidesTheProjectFromThatPartnerOnly()
    {
        var project = ProjectTests.InStatus(ProjectStatus.InSupport);
        var porteur = project.Members[0].UserId;
        project.ChangeSharing(Tag29.Id, true, porteur, T1);
        project.ChangeSharing(Kejal.Id, true, porteur, T1);
        project.DiscardDomainEvents();

        project.ChangeSharing(Tag29.Id, false, porteur, T1.AddDays(1));

        Assert.False(project.SharesWith(Tag29.Id));
        Assert.True(project.SharesWith(Kejal.Id));
        var withdrawn = Assert.IsType<SharingConsentChanged>(Assert.Single(project.DomainEvents));
        Assert.False(withdrawn.Given);
        Assert.Equal(T1.AddDays(1), project.Sharing.Single(s => s.StructureId == Tag29.Id).ChangedAt);
    }

    [Fact]
    public void ChangeSharing_ThatChangesNothing_RaisesNothing()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var porteur = project.Members[0].UserId;
        project.DiscardDomainEvents();

        project.ChangeSharing(Tag29.Id, false, porteur, T1);
        Assert.Empty(project.DomainEvents);
        Assert.Empty(project.Sharing);

        project.ChangeSharing(Tag29.Id, true, porteur, T1);
        project.ChangeSharing(Tag29.Id, true, porteur, T1.AddDays(1));
        Assert.Single(project.DomainEvents);
        Assert.Equal(T1, project.Sharing.Single().ChangedAt);
    }

    [Fact]
    public void ChangeSharing_BySomeoneWhoIsNotAPorteur_IsRefused()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);

        var error = Assert.Throws<DomainException>(() => project.ChangeSharing(Tag29.Id, true, Staff, T1));

        Assert.Equal("Vous ne faites pas partie de ce projet.", error.Message);
        Assert.Empty(project.Sharing);
    }

    [Fact]
    public void Referral_NeedsTheConsentOfTheProgrammesOwnStructure()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var porteur = project.Members[0].UserId;
        project.ChangeSharing(Kejal.Id, true, porteur, T1);
        var steps = project.Steps.Count;

        var refused = Assert.Throws<DomainException>(() => Referral.Create(project, Ideateur, [], project.PoleId!.Value, Staff, null, T1));
        Assert.Equal(Referral.NoSharingMessage, refused.Message);
        Assert.Equal(steps, project.Steps.Count);

        var toKejal = Referral.Create(project, Creopss, [], project.PoleId!.Value, Staff, null, T1);
        Assert.Equal(Kejal.Id, toKejal.StructureId);

        project.ChangeSharing(Kejal.Id, false, porteur, T1.AddDays(1));
        var withdrawn = Assert.Throws<DomainException>(() => Referral.Create(project, Creopss, [], project.PoleId!.Value, Staff, null, T1.AddDays(2)));
        Assert.Equal(Referral.NoSharingMessage, withdrawn.Message);
    }

    public static TheoryData<ProjectStatus, bool> AskingByStatus()
    {
        var data = new TheoryData<ProjectStatus, bool>();
        foreach (var status in Enum.GetValues<ProjectStatus>())
        {
            // Written out by hand: the pôle asks for a project submitted and not closed.
            data.Add(status, status is ProjectStatus.Submitted or ProjectStatus.Welcomed or ProjectStatus.InSupport or ProjectStatus.Paused);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AskingByStatus))]
    public void AskForSharing_IsAllowedForAnOpenProject_AndRemembersWhen(ProjectStatus status, bool allowed)
    {
        var project = ProjectTests.InStatus(status);
        project.DiscardDomainEvents();

        if (!allowed)
        {
            Assert.Throws<DomainException>(() => project.AskForSharing(Tag29.Id, Staff, T1));
            Assert.Empty(project.Sharing);
            Assert.Empty(project.DomainEvents);
            return;
        }

        project.AskForSharing(Tag29.Id, Staff, T1);

        var asked = Assert.IsType<SharingConsentRequested>(Assert.Single(project.DomainEvents));
        Assert.Equal((Tag29.Id, Staff), (asked.StructureId, asked.ActorId));
        Assert.Equal(T1, project.Sharing.Single().RequestedAt);
        Assert.False(project.SharesWith(Tag29.Id));
    }

    [Fact]
    public void AskForSharing_OnceGiven_IsRefused()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        project.ChangeSharing(Tag29.Id, true, project.Members[0].UserId, T1);

        var error = Assert.Throws<DomainException>(() => project.AskForSharing(Tag29.Id, Staff, T1));

        Assert.Equal("Les porteurs partagent déjà leur projet avec cette structure.", error.Message);
    }
}
