using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using static TrajectoirEss.Domain.Tests.Coordination.CoordinationFixtures;

namespace TrajectoirEss.Domain.Tests.Coordination;

public sealed class MinutesReadingTests
{
    [Theory]
    [InlineData(MinutesVisibility.CoordinationOnly, MinutesReader.Public, false)]
    [InlineData(MinutesVisibility.CoordinationOnly, MinutesReader.Member, false)]
    [InlineData(MinutesVisibility.CoordinationOnly, MinutesReader.Coordination, true)]
    [InlineData(MinutesVisibility.Members, MinutesReader.Public, false)]
    [InlineData(MinutesVisibility.Members, MinutesReader.Member, true)]
    [InlineData(MinutesVisibility.Members, MinutesReader.Coordination, true)]
    [InlineData(MinutesVisibility.Public, MinutesReader.Public, true)]
    [InlineData(MinutesVisibility.Public, MinutesReader.Member, true)]
    [InlineData(MinutesVisibility.Public, MinutesReader.Coordination, true)]
    public void CanBeReadBy_EachVisibility_ForEachReader(MinutesVisibility visibility, MinutesReader reader, bool readable) =>
        Assert.Equal(readable, visibility.CanBeReadBy(reader));

    [Theory]
    [InlineData(PlatformSessionStatus.Planned, false)]
    [InlineData(PlatformSessionStatus.Convened, false)]
    [InlineData(PlatformSessionStatus.Held, false)]
    [InlineData(PlatformSessionStatus.Closed, true)]
    [InlineData(PlatformSessionStatus.Cancelled, false)]
    public void MinutesFor_OnlyOnceTheSessionIsClosed(PlatformSessionStatus status, bool shown)
    {
        var (session, _) = InStatus(status);

        Assert.Equal(shown, session.MinutesFor(MinutesReader.Member) is not null);
        Assert.Null(session.MinutesFor(MinutesReader.Public));
    }

    [Fact]
    public void EveryCommitmentStatus_HasAFrenchLabel() =>
        Assert.Equal(["Prévu", "En cours", "Tenu", "Abandonné"], Enum.GetValues<CommitmentStatus>().Select(s => s.Label()));

    [Fact]
    public void DropAndReopen_WithoutAReason_NameTheirField()
    {
        Assert.Equal("DropReason", Assert.Throws<DomainException>(() => CommitmentIn(CommitmentStatus.Planned).Drop(" ", Staff, T0)).Field);
        Assert.Equal("Reason", Assert.Throws<DomainException>(() => CommitmentIn(CommitmentStatus.Done).Reopen(null, Staff, T0)).Field);
    }

    [Fact]
    public void EverySessionStatus_HasAFrenchLabel() =>
        Assert.All(Enum.GetValues<PlatformSessionStatus>(), s => Assert.NotEqual(s.ToString(), s.Label()));
}
