using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The demo's platform history (issue 20): a living record for a coordinator and a public partner to open.</summary>
public sealed class DemoPlatformHistoryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task History_HoldsThreeYearsOfSessions_AndCommitmentsAtEveryStage()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var history = scope.ServiceProvider.GetRequiredService<DemoPlatformHistory>();
            Assert.False(await history.ExistsAsync());
            var report = await history.CreateAsync(Now);
            Assert.Equal(7, report.Sessions);
            Assert.True(await history.ExistsAsync());
        }

        await portal.WithDbAsync(async db =>
        {
            var sessions = await db.PlatformSessions.AsNoTracking().OrderBy(s => s.StartsAt).ToListAsync();
            var closed = sessions.Where(s => s.Status == PlatformSessionStatus.Closed).ToList();

            // Two a year over the last three years, each held with attendance, decisions and minutes; the next one planned.
            Assert.Equal(6, closed.Count);
            Assert.Equal(closed.Select(s => s.Semester).Distinct().Count(), closed.Count);
            Assert.True(closed[0].StartsAt >= Now.AddYears(-3) && closed[^1].StartsAt < Now);
            Assert.All(closed, s =>
            {
                Assert.NotNull(s.Minutes);
                Assert.NotEmpty(s.Decisions);
                Assert.Contains(s.Attendances, a => a.Status == AttendanceStatus.Present);
                Assert.Contains(s.Attendances, a => a.Status != AttendanceStatus.Present);
            });
            Assert.Contains(closed, s => s.Minutes!.Visibility == MinutesVisibility.Public);
            Assert.Contains(closed, s => s.Minutes!.Visibility != MinutesVisibility.Public);
            var next = Assert.Single(sessions, s => s.Status == PlatformSessionStatus.Planned);
            Assert.True(next.StartsAt > Now);

            // Every college sits at the table, and the cooperation shows in the attendance rates.
            var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Kind == BodyKind.Platform);
            Assert.Equal(Enum.GetValues<College>().Except([College.Networks]).Order(), body.Memberships.Select(m => m.College).Distinct().Order());

            // Commitments at every stage, some without news since the last session (flagged for the next one).
            var commitments = await db.Commitments.AsNoTracking().ToListAsync();
            Assert.Equal(12, commitments.Count);
            Assert.Equal(Enum.GetValues<CommitmentStatus>().Order(), commitments.Select(c => c.Status).Distinct().Order());
            var lastHeld = closed[^1].StartsAt;
            Assert.Contains(commitments, c => c.NeedsUpdateSince(lastHeld));
            Assert.Contains(commitments, c => c.Status == CommitmentStatus.InProgress && !c.NeedsUpdateSince(lastHeld));
            Assert.All(commitments.Where(c => c.Status == CommitmentStatus.Dropped), c => Assert.False(string.IsNullOrWhiteSpace(c.DropReason)));
            return true;
        });
    }
}
