using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain.Territory;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Infrastructure.ReferenceData;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

public sealed class ReferenceDataTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task EveryBretonCommune_ResolvesToExactlyOnePole()
    {
        var report = await portal.WithDbAsync(async db =>
            TerritoryCoverage.Check(await db.Communes.AsNoTracking().ToListAsync(), await db.Epcis.AsNoTracking().ToDictionaryAsync(e => e.Siren)));

        Assert.Empty(report.Uncovered.Select(c => $"{c.CodeInsee} {c.Name}"));
        Assert.Empty(report.CoveredTwice.Select(c => $"{c.CodeInsee} {c.Name}"));
        Assert.Equal(1202, report.PoleByCommune.Count);
    }

    [Fact]
    public async Task ReferenceCache_IsReadOnce_ForRequestsArrivingTogetherAfterAChange()
    {
        portal.Services.GetRequiredService<ReferenceDataVersion>().Bump();

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReferenceCache>().GetAsync();
        }));

        Assert.Single(snapshots.Distinct(ReferenceEqualityComparer.Instance));
        Assert.Equal(1202, snapshots[0].Communes.Count);
    }

    [Fact]
    public async Task ReferenceData_HasTheExpectedCounts()
    {
        var counts = await portal.WithDbAsync(async db => new
        {
            Departements = await db.Departements.CountAsync(),
            Epcis = await db.Epcis.CountAsync(),
            Communes = await db.Communes.CountAsync(),
            Poles = await db.Poles.CountAsync(),
            Tags = await db.Structures.CountAsync(s => s.Kind == Domain.Structures.StructureKind.TagBzh),
            Programmes = await db.Programmes.CountAsync(),
            PolesUsed = await db.Epcis.Where(e => e.PoleId != null).Select(e => e.PoleId).Distinct().CountAsync(),
        });

        Assert.Equal(4, counts.Departements);
        Assert.Equal(61, counts.Epcis);
        Assert.Equal(1202, counts.Communes);
        Assert.Equal(19, counts.Poles);
        Assert.Equal(19, counts.PolesUsed);
        Assert.Equal(4, counts.Tags);
        Assert.Equal(20, counts.Programmes);
    }

    [Theory]
    [InlineData("29151", "ADESS du Pays de Morlaix")] // Morlaix
    [InlineData("29024", "ADESK")] // Carhaix-Plouguer
    [InlineData("35238", "Réso solidaire")] // Rennes
    [InlineData("56260", "E2S Pays de Vannes")] // Vannes
    [InlineData("22278", "Rich'ESS")] // Saint-Brieuc
    [InlineData("29155", "ADESS Pays de Brest")] // Ouessant, an island without EPCI
    public async Task Commune_ResolvesToItsPole(string codeInsee, string expectedPole)
    {
        var pole = await portal.WithDbAsync(async db =>
        {
            var commune = await db.Communes.SingleAsync(c => c.CodeInsee == codeInsee);
            var epci = commune.EpciSiren is null ? null : await db.Epcis.SingleAsync(e => e.Siren == commune.EpciSiren);
            var poleId = commune.ResolvePole(epci);
            return await db.Poles.Where(p => p.Id == poleId).Select(p => p.Name).SingleAsync();
        });
        Assert.Equal(expectedPole, pole);
    }

    [Fact]
    public async Task Import_RunTwice_AddsNothingAndKeepsAnAdministratorsEdit()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        var brest = await db.Poles.SingleAsync(p => p.Code == "adess-pays-de-brest");
        var morlaixEpci = await db.Epcis.SingleAsync(e => e.Siren == "242900835"); // Morlaix Communauté
        var originalPole = morlaixEpci.PoleId;
        morlaixEpci.AttachToPole(brest.Id);
        await db.SaveChangesAsync();

        try
        {
            var report = await scope.ServiceProvider.GetRequiredService<ReferenceDataImporter>().ImportAsync();

            Assert.Equal(0, report.Total);
            db.ChangeTracker.Clear();
            Assert.Equal(brest.Id, (await db.Epcis.SingleAsync(e => e.Siren == "242900835")).PoleId);
        }
        finally
        {
            db.ChangeTracker.Clear();
            var epci = await db.Epcis.SingleAsync(e => e.Siren == "242900835");
            epci.AttachToPole(originalPole!.Value);
            await db.SaveChangesAsync();
        }
    }
}
