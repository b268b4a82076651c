using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using static TrajectoirEss.Domain.Tests.Coordination.CoordinationFixtures;

namespace TrajectoirEss.Domain.Tests.Coordination;

public sealed class CommitmentTests
{
    /// <summary>Every status × action, written out by hand: the expected table, independent of the code's.</summary>
    public static TheoryData<CommitmentStatus, CommitmentAction, CommitmentStatus?> Table() => new()
    {
        { CommitmentStatus.Planned, CommitmentAction.Edit, CommitmentStatus.Planned },
        { CommitmentStatus.Planned, CommitmentAction.Start, CommitmentStatus.InProgress },
        { CommitmentStatus.Planned, CommitmentAction.Complete, CommitmentStatus.Done },
        { CommitmentStatus.Planned, CommitmentAction.Drop, CommitmentStatus.Dropped },
        { CommitmentStatus.Planned, CommitmentAction.Reopen, null },
        { CommitmentStatus.Planned, CommitmentAction.PostUpdate, CommitmentStatus.Planned },
        { CommitmentStatus.InProgress, CommitmentAction.Edit, CommitmentStatus.InProgress },
        { CommitmentStatus.InProgress, CommitmentAction.Start, null },
        { CommitmentStatus.InProgress, CommitmentAction.Complete, CommitmentStatus.Done },
        { CommitmentStatus.InProgress, CommitmentAction.Drop, CommitmentStatus.Dropped },
        { CommitmentStatus.InProgress, CommitmentAction.Reopen, null },
        { CommitmentStatus.InProgress, CommitmentAction.PostUpdate, CommitmentStatus.InProgress },
        { CommitmentStatus.Done, CommitmentAction.Edit, null },
        { CommitmentStatus.Done, CommitmentAction.Start, null },
        { CommitmentStatus.Done, CommitmentAction.Complete, null },
        { CommitmentStatus.Done, CommitmentAction.Drop, null },
        { CommitmentStatus.Done, CommitmentAction.Reopen, CommitmentStatus.InProgress },
        { CommitmentStatus.Done, CommitmentAction.PostUpdate, null },
        { CommitmentStatus.Dropped, CommitmentAction.Edit, null },
        { CommitmentStatus.Dropped, CommitmentAction.Start, null },
        { CommitmentStatus.Dropped, CommitmentAction.Complete, null },
        { CommitmentStatus.Dropped, CommitmentAction.Drop, null },
        { CommitmentStatus.Dropped, CommitmentAction.Reopen, CommitmentStatus.InProgress },
        { CommitmentStatus.Dropped, CommitmentAction.PostUpdate, null },
    };

    internal static void Apply(Commitment commitment, CommitmentAction action)
    {
        var at = T0.AddDays(60);
        switch (action)
        {
            case CommitmentAction.Edit: commitment.Edit(Terms(title: "Former les référents et les bénévoles"), Staff, at); break;
            case CommitmentAction.Start: commitment.Start(Staff, at); break;
            case CommitmentAction.Complete: commitment.Complete(Staff, at); break;
            case CommitmentAction.Drop: commitment.Drop("Le financement n'a pas suivi", Staff, at); break;
            case CommitmentAction.Reopen: commitment.Reopen("Un financement est trouvé", Staff, at); break;
            case CommitmentAction.PostUpdate: commitment.PostUpdate("Première journée tenue à Pontivy", 40, Pole, Staff, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    [Fact]
    public void Table_CoversEveryStatusAndAction() =>
        Assert.Equal(Enum.GetValues<CommitmentStatus>().Length * Enum.GetValues<CommitmentAction>().Length, Table().Count);

    [Theory]
    [MemberData(nameof(Table))]
    public void Action_FollowsTheTransitionTable(CommitmentStatus from, CommitmentAction action, CommitmentStatus? expected)
    {
        var commitment = CommitmentIn(from);
        var before = Snapshot(commitment);
        Assert.Equal(expected is not null, commitment.Can(action));

        if (expected is { } to)
        {
            Apply(commitment, action);
            Assert.Equal(to, commitment.Status);
            Assert.NotEqual(before, Snapshot(commitment));
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => Apply(commitment, action));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Equal(before, Snapshot(commitment));
        }
    }

    [Fact]
    public void Make_KeepsWhatItIs_Planned_AtZero()
    {
        var objective = Objective();

        var commitment = Commitment.Make(Guid.CreateVersion7(), Terms(objective), null, null, Staff, T0);

        Assert.Equal((CommitmentStatus.Planned, 0, Pole, objective.Id), (commitment.Status, commitment.Progress, commitment.Carrier, commitment.ObjectiveId));
        Assert.Equal([Tag, Cress], commitment.Contributors);
        Assert.Null(commitment.LastUpdateAt);
    }

    public static TheoryData<string, string> RefusedTerms() => new()
    {
        { "no-title", nameof(Commitment.Title) },
        { "long-description", nameof(Commitment.Description) },
        { "no-carrier", nameof(Commitment.Carrier) },
        { "carrier-contributes", nameof(Commitment.Contributors) },
        { "too-many-contributors", nameof(Commitment.Contributors) },
        { "no-objective", nameof(Commitment.ObjectiveId) },
        { "inactive-objective", nameof(Commitment.ObjectiveId) },
        { "no-due", nameof(Commitment.DueOn) },
        { "both-dues", nameof(Commitment.DueOn) },
        { "due-out-of-bounds", nameof(Commitment.DueOn) },
    };

    private static CommitmentTerms Broken(string what) => what switch
    {
        "no-title" => Terms() with { Title = " " },
        "long-description" => Terms() with { Description = new string('d', Commitment.DescriptionMaxLength + 1) },
        "no-carrier" => Terms() with { Carrier = null },
        "carrier-contributes" => Terms() with { Contributors = [Tag, Pole] },
        "too-many-contributors" => Terms() with { Contributors = [.. Enumerable.Range(0, Commitment.MaxContributors + 1).Select(_ => new OrganisationRef(OrganisationKind.Network, Guid.CreateVersion7()))] },
        "no-objective" => Terms() with { Objective = null },
        "inactive-objective" => Terms(Objective(active: false)),
        "no-due" => Terms() with { DueOn = null },
        "both-dues" => Terms() with { DueSessionId = Guid.CreateVersion7() },
        "due-out-of-bounds" => Terms() with { DueOn = DateOnly.MaxValue },
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [MemberData(nameof(RefusedTerms))]
    public void Make_WithBrokenTerms_IsRefusedOnItsField(string what, string field) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() => Commitment.Make(Guid.CreateVersion7(), Broken(what), null, null, Staff, T0)).Field);

    [Theory]
    [MemberData(nameof(RefusedTerms))]
    public void Edit_WithBrokenTerms_IsRefusedOnItsField_AndNothingChanges(string what, string field)
    {
        var commitment = CommitmentIn(CommitmentStatus.InProgress);
        var before = Snapshot(commitment);

        Assert.Equal(field, Assert.Throws<DomainException>(() => commitment.Edit(Broken(what), Staff, T0.AddDays(2))).Field);
        Assert.Equal(before, Snapshot(commitment));
    }

    [Fact]
    public void Make_WithoutACarrier_SaysSoBesideTheField()
    {
        var error = Assert.Throws<DomainException>(() => Commitment.Make(Guid.CreateVersion7(), Terms() with { Carrier = null }, null, null, Staff, T0));

        Assert.Equal("Indiquez l'organisation qui porte l'engagement.", error.Message);
        Assert.Equal(nameof(Commitment.Carrier), error.Field);
    }

    [Fact]
    public void Make_DueForASession_InsteadOfADate_IsAllowed()
    {
        var next = Guid.CreateVersion7();

        var commitment = Commitment.Make(Guid.CreateVersion7(), Terms() with { DueOn = null, DueSessionId = next }, null, null, Staff, T0);

        Assert.Equal((null, next), (commitment.DueOn, commitment.DueSessionId));
    }

    [Fact]
    public void Edit_KeepsAnObjectiveDeactivatedSinceItWasChosen()
    {
        var objective = Objective();
        var commitment = Commitment.Make(Guid.CreateVersion7(), Terms(objective), null, null, Staff, T0);
        objective.Deactivate();

        commitment.Edit(Terms(objective, "Nouveau titre"), Staff, T0.AddDays(1));

        Assert.Equal("Nouveau titre", commitment.Title);
        Assert.Equal(objective.Id, commitment.ObjectiveId);
    }

    [Fact]
    public void Make_FromADecisionOfAHeldSession_KeepsWhereItCameFrom()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Held);
        var decision = session.RecordDecision("La CRESS anime un groupe accueil", null, Cress, Staff, StartsAt.AddHours(2));

        var commitment = Commitment.Make(Guid.CreateVersion7(), Terms(), session, decision.Id, Staff, StartsAt.AddHours(3));

        Assert.Equal((session.Id, decision.Id), (commitment.SessionId!.Value, commitment.DecisionId!.Value));
    }

    [Fact]
    public void Make_FromASessionNotHeld_OrADecisionOfAnother_IsRefused()
    {
        var (planned, _) = InStatus(PlatformSessionStatus.Planned);
        var (held, _) = InStatus(PlatformSessionStatus.Held);

        Assert.Equal(nameof(Commitment.SessionId), Assert.Throws<DomainException>(() => Commitment.Make(Guid.CreateVersion7(), Terms(), planned, null, Staff, T0)).Field);
        Assert.Equal(nameof(Commitment.DecisionId), Assert.Throws<DomainException>(() => Commitment.Make(Guid.CreateVersion7(), Terms(), held, Guid.CreateVersion7(), Staff, T0)).Field);
        Assert.Equal(nameof(Commitment.DecisionId), Assert.Throws<DomainException>(() => Commitment.Make(Guid.CreateVersion7(), Terms(), null, Guid.CreateVersion7(), Staff, T0)).Field);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(-1, false)]
    [InlineData(101, false)]
    public void PostUpdate_ProgressFrom0To100_OutsideNothingChanges(int progress, bool allowed)
    {
        var commitment = CommitmentIn(CommitmentStatus.InProgress);
        commitment.PostUpdate("Lancement", 20, Pole, Staff, T0.AddDays(5));
        var before = Snapshot(commitment);

        if (allowed)
        {
            var update = commitment.PostUpdate("Où nous en sommes", progress, Pole, Staff, T0.AddDays(40));
            Assert.Equal((progress, T0.AddDays(40)), (commitment.Progress, commitment.LastUpdateAt!.Value));
            Assert.Equal((progress, Pole, Staff), (update.Progress, update.Organisation, update.AuthorId));
            Assert.Equal(CommitmentStatus.InProgress, commitment.Status);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => commitment.PostUpdate("Où nous en sommes", progress, Pole, Staff, T0.AddDays(40)));
            Assert.Equal(nameof(Commitment.Progress), error.Field);
            Assert.Equal(before, Snapshot(commitment));
        }
    }

    [Theory]
    [InlineData(null, "Narrative")]
    [InlineData("  ", "Narrative")]
    [InlineData("long", "Narrative")]
    public void PostUpdate_WithoutANarrative_OrTooLong_IsRefused_AndNothingChanges(string? narrative, string field)
    {
        var commitment = CommitmentIn(CommitmentStatus.InProgress);
        var before = Snapshot(commitment);
        var text = narrative == "long" ? new string('n', CommitmentUpdate.NarrativeMaxLength + 1) : narrative;

        Assert.Equal(field, Assert.Throws<DomainException>(() => commitment.PostUpdate(text, 30, Pole, Staff, T0.AddDays(3))).Field);
        Assert.Equal(before, Snapshot(commitment));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void PostUpdate_ByAContributorOrAStranger_IsRefused_OnlyTheCarrierWrites(int who)
    {
        var commitment = CommitmentIn(CommitmentStatus.InProgress);
        var before = Snapshot(commitment);
        var organisation = who == 1 ? Tag : Region;

        var error = Assert.Throws<DomainException>(() => commitment.PostUpdate("Nos nouvelles", 30, organisation, Staff, T0.AddDays(3)));

        Assert.Equal(nameof(CommitmentUpdate.Organisation), error.Field);
        Assert.Equal(before, Snapshot(commitment));
    }

    [Theory]
    [InlineData(CommitmentStatus.Planned)]
    [InlineData(CommitmentStatus.InProgress)]
    public void Complete_MeansProgress100(CommitmentStatus from)
    {
        var commitment = CommitmentIn(from);

        commitment.Complete(Staff, T0.AddDays(90));

        Assert.Equal((CommitmentStatus.Done, 100), (commitment.Status, commitment.Progress));
    }

    [Fact]
    public void Drop_WithoutAReason_IsRefused_WithOneItIsKept_AndReopeningClearsIt()
    {
        var commitment = CommitmentIn(CommitmentStatus.InProgress);

        Assert.Equal(nameof(Commitment.DropReason), Assert.Throws<DomainException>(() => commitment.Drop(" ", Staff, T0.AddDays(9))).Field);
        Assert.Equal(CommitmentStatus.InProgress, commitment.Status);

        commitment.Drop("Le porteur s'est retiré", Staff, T0.AddDays(9));
        Assert.Equal("Le porteur s'est retiré", commitment.DropReason);
        Assert.Throws<DomainException>(() => commitment.Reopen(null, Staff, T0.AddDays(10)));

        commitment.Reopen("Repris par le pôle", Staff, T0.AddDays(10));
        Assert.Equal((CommitmentStatus.InProgress, (string?)null), (commitment.Status, commitment.DropReason));
    }

    /// <summary>Made at T0; the last session at T0+30 days.</summary>
    public static TheoryData<CommitmentStatus, int?, bool> UpdatesOwed() => new()
    {
        { CommitmentStatus.Planned, null, true },
        { CommitmentStatus.InProgress, null, true },
        { CommitmentStatus.InProgress, 29, true },
        { CommitmentStatus.InProgress, 30, false },
        { CommitmentStatus.InProgress, 31, false },
        { CommitmentStatus.Done, null, false },
        { CommitmentStatus.Dropped, null, false },
    };

    [Theory]
    [MemberData(nameof(UpdatesOwed))]
    public void NeedsUpdateSince_AnOpenCommitmentWithoutNewsSinceTheLastSession(CommitmentStatus status, int? updatedOnDay, bool needs)
    {
        var commitment = Commitment.Make(Guid.CreateVersion7(), Terms(), null, null, Staff, T0);
        if (updatedOnDay is { } day)
        {
            commitment.PostUpdate("Nouvelles", 10, Pole, Staff, T0.AddDays(day));
        }

        if (status == CommitmentStatus.InProgress)
        {
            commitment.Start(Staff, T0.AddDays(1));
        }
        else if (status == CommitmentStatus.Done)
        {
            commitment.Complete(Staff, T0.AddDays(1));
        }
        else if (status == CommitmentStatus.Dropped)
        {
            commitment.Drop("Abandonné", Staff, T0.AddDays(1));
        }

        Assert.Equal(needs, commitment.NeedsUpdateSince(T0.AddDays(30)));
    }

    [Fact]
    public void NeedsUpdateSince_ACommitmentMadeAfterTheLastSession_OwesNothingYet() =>
        Assert.False(Commitment.Make(Guid.CreateVersion7(), Terms(), null, null, Staff, T0).NeedsUpdateSince(T0.AddDays(-1)));

    [Fact]
    public void StrategyObjective_IsCheckedAndItsCodeIsUnique()
    {
        var existing = Objective("A1.1");

        Assert.Equal(nameof(StrategyObjective.Code), Assert.Throws<DomainException>(() => StrategyObjective.Create(Guid.CreateVersion7(), "A1", "Axe", " a1.1 ", "Autre", [existing])).Field);
        Assert.Equal(nameof(StrategyObjective.Label), Assert.Throws<DomainException>(() => StrategyObjective.Create(Guid.CreateVersion7(), "A1", "Axe", "A1.2", null, [existing])).Field);
        Assert.Equal(nameof(StrategyObjective.AxisCode), Assert.Throws<DomainException>(() => StrategyObjective.Create(Guid.CreateVersion7(), new string('a', StrategyObjective.CodeMaxLength + 1), "Axe", "A1.2", "Objectif", [existing])).Field);

        var other = StrategyObjective.Create(Guid.CreateVersion7(), "A2", "Coopérer", "A2.1", "Faire réseau", [existing]);
        Assert.Throws<DomainException>(() => other.Edit("A2", "Coopérer", "A1.1", "Faire réseau", [existing, other]));
        Assert.Equal("A2.1 — Faire réseau", other.Title);
        existing.Edit("A1", "Entreprendre en ESS", "A1.1", "Nouvel intitulé", [existing, other]);
        Assert.Equal("Nouvel intitulé", existing.Label);
        Assert.True(existing.IsActive);
    }
}
