using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The inbox's counts per pôle and status are kept by a trigger on the projects (Persistence/Sql/pole_status_counts.sql):
/// after every kind of change they must equal counting the projects.
/// </summary>
public sealed class PoleStatusCountsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Counts_FollowSubmissionsTransitionsTransfersDeletionsAndTruncation()
    {
        var owner = await portal.CreateUserAsync($"compteur-{Guid.NewGuid():N}@exemple.test", Roles.Porteur);
        var (morlaix, rennes) = await portal.WithDbAsync(async db => (
            await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync(),
            await db.Poles.Where(p => p.Code == "reso-solidaire").Select(p => p.Id).SingleAsync()));
        var now = DateTimeOffset.UtcNow;
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();

        // A draft is not counted; submitted, it is.
        await ChangeAsync(db => db.Projects.Add(Draft(first, owner.Id, now)));
        await AssertCountsMatchAsync(morlaix, rennes);
        await ChangeAsync(db => db.Projects.Add(Draft(second, owner.Id, now)));
        await ChangeProjectAsync(first, p => p.Submit(owner.Id, morlaix, consentToProcessing: true, now));
        await ChangeProjectAsync(second, p => p.Submit(owner.Id, morlaix, consentToProcessing: true, now));
        Assert.Equal(2, (await CountsAsync(morlaix)).GetValueOrDefault(ProjectStatus.Submitted));

        // Status changes move one unit from a status to another; a transfer from a pôle to another.
        await ChangeProjectAsync(second, p => p.Welcome(owner.Id, now.AddHours(1)));
        await AssertCountsMatchAsync(morlaix, rennes);
        await ChangeProjectAsync(first, p => p.Transfer(rennes, "Le projet se fera à Rennes", owner.Id, now.AddHours(2)));
        await AssertCountsMatchAsync(morlaix, rennes);
        Assert.Equal(1, (await CountsAsync(rennes)).GetValueOrDefault(ProjectStatus.Submitted));
        await ChangeProjectAsync(second, p => p.Close(ProjectOutcome.Abandoned, "abandon", owner.Id, now.AddHours(3)));
        await AssertCountsMatchAsync(morlaix, rennes);
        Assert.Equal(1, (await CountsAsync(morlaix)).GetValueOrDefault(ProjectStatus.Closed));

        // A change that touches neither the status nor the pôle leaves the counts as they are; a deletion removes one.
        await ChangeProjectAsync(first, p => p.AssignReferent(null, owner.Id, now.AddHours(4)));
        await AssertCountsMatchAsync(morlaix, rennes);
        await ChangeAsync(db => db.Projects.Remove(db.Projects.Single(p => p.Id == first)));
        await AssertCountsMatchAsync(morlaix, rennes);
        Assert.Equal(0, (await CountsAsync(rennes)).GetValueOrDefault(ProjectStatus.Submitted));

        // Emptying the table (TRUNCATE fires no row trigger) forgets every count.
        Assert.NotEmpty(await CountsAsync(morlaix));
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE projects CASCADE"));
        Assert.False(await portal.WithDbAsync(db => db.PoleStatusCounts.AnyAsync()));
    }

    private static Project Draft(Guid id, Guid ownerId, DateTimeOffset now) =>
        Project.CreateDraft(id, ownerId, new ProjectDetails("Compteurs", "Un projet pour les compteurs", "Un besoin", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement, 1, null), now);

    private Task<int> ChangeAsync(Action<TrajectoirEssDbContext> change) =>
        portal.WithDbAsync(async db =>
        {
            change(db);
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });

    private Task<int> ChangeProjectAsync(Guid projectId, Action<Project> change) =>
        portal.WithDbAsync(async db =>
        {
            change(await db.Projects.SingleAsync(p => p.Id == projectId));
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });

    /// <summary>The kept counts of a pôle, statuses with no project left out.</summary>
    private Task<Dictionary<ProjectStatus, int>> CountsAsync(Guid poleId) =>
        portal.WithDbAsync(db => db.PoleStatusCounts.AsNoTracking().Where(c => c.PoleId == poleId && c.Count != 0).ToDictionaryAsync(c => c.Status, c => c.Count));

    private async Task AssertCountsMatchAsync(params Guid[] poles)
    {
        foreach (var pole in poles)
        {
            var counted = await portal.WithDbAsync(db => db.Projects.AsNoTracking()
                .Where(p => p.PoleId == pole && p.Status != ProjectStatus.Draft)
                .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count));
            Assert.Equal(counted.OrderBy(c => c.Key), (await CountsAsync(pole)).OrderBy(c => c.Key));
        }
    }
}
