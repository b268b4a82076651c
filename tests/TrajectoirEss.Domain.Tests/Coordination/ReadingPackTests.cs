using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Indicators;
using static TrajectoirEss.Domain.Tests.Coordination.CoordinationFixtures;

namespace TrajectoirEss.Domain.Tests.Coordination;

public sealed class ReadingPackTests
{
    private static readonly DateTimeOffset FreezeAt = StartsAt.AddDays(-21);

    public static TheoryData<ReadingPackStatus, ReadingPackAction, ReadingPackStatus?> Table() => new()
    {
        // Every status × action: the status it leads to, or null when refused.
        { ReadingPackStatus.Frozen, ReadingPackAction.Freeze, ReadingPackStatus.Frozen },
        { ReadingPackStatus.Frozen, ReadingPackAction.Publish, ReadingPackStatus.Published },
        { ReadingPackStatus.Published, ReadingPackAction.Freeze, null },
        { ReadingPackStatus.Published, ReadingPackAction.Publish, null },
    };

    public static TheoryData<string, string, string, string> Periods() => new()
    {
        // Frozen on → reads [from, to), previous from, a year before from.
        { "2026-05-20", "2025-11-01", "2025-05-01", "2024-11-01" },
        { "2026-11-10", "2026-05-01", "2025-11-01", "2025-05-01" },
        { "2026-01-01", "2025-07-01", "2025-01-01", "2024-07-01" },
        { "2026-06-30", "2025-12-01", "2025-06-01", "2024-12-01" },
    };

    [Fact]
    public void TheTable_CoversEveryStatusAndAction()
    {
        var pairs = Table().Select(row => ((ReadingPackStatus)row[0], (ReadingPackAction)row[1])).ToHashSet();
        Assert.Equal(Enum.GetValues<ReadingPackStatus>().Length * Enum.GetValues<ReadingPackAction>().Length, pairs.Count);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EachAction_FromEachStatus_FollowsTheTable(ReadingPackStatus from, ReadingPackAction action, ReadingPackStatus? to)
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        var pack = PackIn(from, session);
        var before = (pack.Status, pack.Content, pack.Freezes);
        Action act = action switch
        {
            ReadingPackAction.Freeze => () => pack.Refreeze(session, Content(FreezeAt.AddDays(1)), Staff, FreezeAt.AddDays(1)),
            _ => () => pack.Publish(session, Staff, FreezeAt.AddDays(1)),
        };

        Assert.Equal(to is not null, ReadingPack.CanApply(from, action));
        if (to is { } next)
        {
            act();
            Assert.Equal(next, pack.Status);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(act);
            Assert.False(string.IsNullOrWhiteSpace(refused.Message));
            Assert.Equal(before, (pack.Status, pack.Content, pack.Freezes));
        }
    }

    [Theory]
    [InlineData(PlatformSessionStatus.Planned, true)]
    [InlineData(PlatformSessionStatus.Convened, true)]
    [InlineData(PlatformSessionStatus.Held, false)]
    [InlineData(PlatformSessionStatus.Closed, false)]
    [InlineData(PlatformSessionStatus.Cancelled, false)]
    public void Freeze_OnlyForASessionStillToCome(PlatformSessionStatus status, bool allowed)
    {
        var (session, _) = InStatus(status);
        if (allowed)
        {
            var pack = ReadingPack.Freeze(Guid.CreateVersion7(), session, Content(FreezeAt), Staff, FreezeAt);
            Assert.Equal(ReadingPackStatus.Frozen, pack.Status);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => ReadingPack.Freeze(Guid.CreateVersion7(), session, Content(FreezeAt), Staff, FreezeAt));
            Assert.Contains("avant la séance", refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(PlatformSessionStatus.Held)]
    [InlineData(PlatformSessionStatus.Closed)]
    [InlineData(PlatformSessionStatus.Cancelled)]
    public void Publish_IsRefused_OnceTheSessionIsNoLongerToCome(PlatformSessionStatus status)
    {
        var (upcoming, _) = InStatus(PlatformSessionStatus.Convened);
        var pack = ReadingPack.Freeze(Guid.CreateVersion7(), upcoming, Content(FreezeAt), Staff, FreezeAt);
        var (past, _) = InStatus(status);
        typeof(ReadingPack).GetProperty(nameof(ReadingPack.SessionId))!.SetValue(pack, past.Id);

        Assert.Throws<DomainException>(() => pack.Publish(past, Staff, FreezeAt));
        Assert.Equal(ReadingPackStatus.Frozen, pack.Status);
    }

    [Fact]
    public void FreezeThenPublish_MarkTheSessionsMilestonesDone_AndRaiseEvents()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        var pack = ReadingPack.Freeze(Guid.CreateVersion7(), session, Content(FreezeAt), Staff, FreezeAt);
        Assert.Equal(FreezeAt, session.Milestone(MilestoneKind.DataFrozen).DoneAt);
        Assert.False(session.Milestone(MilestoneKind.PackPublished).IsDone);

        pack.Refreeze(session, Content(FreezeAt.AddDays(2)), Staff, FreezeAt.AddDays(2));
        Assert.Equal(FreezeAt, session.Milestone(MilestoneKind.DataFrozen).DoneAt);
        Assert.Equal(FreezeAt.AddDays(2), pack.FrozenAt);
        Assert.Equal(2, pack.Freezes);

        pack.Publish(session, Staff, FreezeAt.AddDays(11));
        Assert.Equal(FreezeAt.AddDays(11), session.Milestone(MilestoneKind.PackPublished).DoneAt);
        Assert.Equal(FreezeAt.AddDays(11), pack.PublishedAt);
        Assert.Equal(3, pack.DomainEvents.Count);
        Assert.IsType<ReadingPackPublished>(pack.DomainEvents[^1]);
    }

    [Fact]
    public void Freeze_KeepsAMilestoneAlreadyTickedByHand()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        session.MarkMilestoneDone(MilestoneKind.DataFrozen, Staff, T0);
        ReadingPack.Freeze(Guid.CreateVersion7(), session, Content(FreezeAt), Staff, FreezeAt);
        Assert.Equal(T0, session.Milestone(MilestoneKind.DataFrozen).DoneAt);
    }

    [Fact]
    public void Refreeze_AfterPublication_IsRefusedInFrench_AndKeepsTheContent()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        var content = Content(FreezeAt);
        var pack = ReadingPack.Freeze(Guid.CreateVersion7(), session, content, Staff, FreezeAt);
        pack.Publish(session, Staff, FreezeAt.AddDays(1));

        var refused = Assert.Throws<DomainException>(() => pack.Refreeze(session, Content(FreezeAt.AddDays(2)), Staff, FreezeAt.AddDays(2)));
        Assert.Equal("Le dossier de séance est publié : ses chiffres ne changent plus.", refused.Message);
        Assert.Same(content, pack.Content);
    }

    [Fact]
    public void AnotherSessionsPack_IsRefused()
    {
        var (session, _) = InStatus(PlatformSessionStatus.Convened);
        var (other, _) = InStatus(PlatformSessionStatus.Convened);
        var pack = ReadingPack.Freeze(Guid.CreateVersion7(), session, Content(FreezeAt), Staff, FreezeAt);
        Assert.Throws<DomainException>(() => pack.Publish(other, Staff, FreezeAt));
        Assert.Throws<DomainException>(() => pack.Refreeze(other, Content(FreezeAt), Staff, FreezeAt));
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public void ThePeriod_IsTheSixCompleteMonthsBeforeTheFreeze(string frozenOn, string from, string previousFrom, string yearBeforeFrom)
    {
        var period = PackPeriod.FrozenOn(DateOnly.Parse(frozenOn, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(period.From.AddMonths(6), period.To);
        Assert.Equal(new DateOnly(period.To.Year, period.To.Month, 1), period.To);
        Assert.Equal(DateOnly.Parse(previousFrom, System.Globalization.CultureInfo.InvariantCulture), period.Previous().From);
        Assert.Equal(period.From, period.Previous().To);
        Assert.Equal(DateOnly.Parse(yearBeforeFrom, System.Globalization.CultureInfo.InvariantCulture), period.YearBefore().From);
        Assert.Equal(period.To.AddYears(-1), period.YearBefore().To);
    }

    [Fact]
    public void ThePeriodsLabel_IsInFrench()
    {
        Assert.Equal("de novembre 2025 à avril 2026", PackPeriod.FrozenOn(new DateOnly(2026, 5, 20)).Label);
    }

    [Fact]
    public void AMaskedFigure_KeepsNoValue()
    {
        var masked = PackFigure.Of(Figure.Count(2), Figure.SmallCountText);
        Assert.True(masked.Masked);
        Assert.Null(masked.Value);
        Assert.Equal("< 3", masked.Text);
        Assert.Equal(12m, PackFigure.Of(Figure.Count(12), "12").Value);
    }

    [Fact]
    public void Commitments_OpenOnesFlaggedWithoutUpdateSinceTheLastSession_ClosedOnesSinceIt()
    {
        var lastSession = T0.AddDays(20);
        var stale = CommitmentIn(CommitmentStatus.InProgress);
        var fresh = CommitmentIn(CommitmentStatus.InProgress);
        fresh.PostUpdate("Deux journées ont eu lieu", 40, Pole, Staff, T0.AddDays(25));
        var doneBefore = CommitmentIn(CommitmentStatus.Planned);
        doneBefore.Complete(Staff, T0.AddDays(10));
        var doneSince = CommitmentIn(CommitmentStatus.Planned);
        doneSince.Drop("Faute de financement", Staff, T0.AddDays(30));

        var pack = PackCommitments.Of([fresh, stale, doneBefore, doneSince], _ => "Pôle", lastSession);

        Assert.Equal([stale.Id, fresh.Id], pack.Open.Select(c => c.Id));
        Assert.True(pack.Open[0].NeedsUpdate);
        Assert.False(pack.Open[1].NeedsUpdate);
        Assert.Equal("Deux journées ont eu lieu", pack.Open[1].LastUpdate);
        Assert.Equal([doneSince.Id], pack.ClosedSinceLastSession.Select(c => c.Id));
        Assert.Equal("Faute de financement", pack.ClosedSinceLastSession[0].DropReason);
    }

    [Fact]
    public void Commitments_WithoutAHeldSession_OweNothing()
    {
        var open = CommitmentIn(CommitmentStatus.Planned);
        var pack = PackCommitments.Of([open], _ => "Pôle", null);
        Assert.False(Assert.Single(pack.Open).NeedsUpdate);
    }

    [Theory]
    [InlineData(CommitmentStatus.Done)]
    [InlineData(CommitmentStatus.Dropped)]
    public void ACommitment_SaysWhenItClosed_AndForgetsItWhenReopened(CommitmentStatus status)
    {
        var commitment = CommitmentIn(status);
        Assert.Equal(T0.AddDays(30), commitment.ClosedAt);
        commitment.Reopen("Nouveau financement", Staff, T0.AddDays(40));
        Assert.Null(commitment.ClosedAt);
    }

    [Theory]
    [InlineData(CommitmentStatus.Planned, "Prévu")]
    [InlineData(CommitmentStatus.InProgress, "En cours")]
    [InlineData(CommitmentStatus.Done, "Tenu")]
    [InlineData(CommitmentStatus.Dropped, "Abandonné")]
    public void CommitmentStatuses_HaveFrenchLabels(CommitmentStatus status, string label) => Assert.Equal(label, status.Label());

    private static ReadingPack PackIn(ReadingPackStatus status, PlatformSession session)
    {
        var pack = ReadingPack.Freeze(Guid.CreateVersion7(), session, Content(FreezeAt), Staff, FreezeAt);
        if (status == ReadingPackStatus.Published)
        {
            pack.Publish(session, Staff, FreezeAt);
        }

        pack.DiscardDomainEvents();
        return pack;
    }

    private static ReadingPackContent Content(DateTimeOffset at)
    {
        var period = PackPeriod.FrozenOn(DateOnly.FromDateTime(at.Date));
        return new ReadingPackContent(ReadingPackContent.CurrentSchemaVersion, at, period, period.Previous(), period.YearBefore(), [], [], [], [], [], [], new PackCommitments(null, [], []));
    }
}
