using System.Net;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Territory;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.AdminPages;

namespace TrajectoirEss.Web.Tests;

public sealed class AdminReferenceDataTests(AdminReferenceDataTests.Fixture portal) : IClassFixture<AdminReferenceDataTests.Fixture>
{
    private const string BrestMetropole = "242900314";

    [Fact]
    public async Task Refresh_WithTheShippedFilesEqualToTheDatabase_SaysNoChange()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync("/admin/referentiel");

        Assert.Equal("Aucun changement : la base correspond aux fichiers livrés avec le portail.", page.QuerySelector("[data-testid=no-change]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=coverage-ok]"));
        Assert.Null(page.QuerySelector("form[action='/admin/referentiel/appliquer']"));
    }

    [Fact]
    public async Task Refresh_ReportsAddedMergedAndMovedCommunes_WithTheirPoles_BeforeApplying_ThenApplyingRestoresThem()
    {
        await portal.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE communes SET epci_siren = '242900314' WHERE code_insee = '29023'"); // Carantec → Brest Métropole
            await db.Database.ExecuteSqlRawAsync("UPDATE communes SET name = 'Vieux nom' WHERE code_insee = '56260'");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM communes WHERE code_insee = '22001'"); // Allineuc, used by no project
            db.Communes.Add(new Commune("29999", "Commune fusionnée", "29", ["29200"], BrestMetropole, 10));
            db.Communes.Add(new Commune("29998", "Ancienne commune", "29", ["29200"], BrestMetropole, 10));
            return await db.SaveChangesAsync();
        });
        await portal.SeedSubmittedProjectAsync("adess-pays-de-brest", "29998", "Projet d'une commune disparue");
        using var admin = await portal.SignInAsync(AdminEmail);

        var report = await admin.GetDocumentAsync("/admin/referentiel");

        Assert.Equal("Allineuc (22001) : dans CC Loudéac Communauté - Bretagne Centre — pôle : Pôle ESS Centre Bretagne", report.QuerySelector("[data-testid=added] li")!.TextContent.Trim());
        Assert.Equal("Carantec (29023) : Brest Métropole → CA Morlaix Communauté — pôle : ADESS Pays de Brest → ADESS du Pays de Morlaix", report.QuerySelector("[data-testid=moved] li")!.TextContent.Trim());
        Assert.Equal("Commune fusionnée (29999) : supprimée ou fusionnée — pôle : ADESS Pays de Brest", report.QuerySelector("[data-testid=removed] li")!.TextContent.Trim());
        Assert.Contains("Vieux nom → Vannes", report.QuerySelector("[data-testid=renamed]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ancienne commune (29998) : conservée : 1 projet(s) y font référence", report.QuerySelector("[data-testid=kept]")!.TextContent, StringComparison.Ordinal);
        var poles = report.QuerySelector("[data-testid=poles-concerned]")!.TextContent;
        foreach (var pole in new[] { "ADESS Pays de Brest", "ADESS du Pays de Morlaix", "Pôle ESS Centre Bretagne", "E2S Pays de Vannes" })
        {
            Assert.Contains(pole, poles, StringComparison.Ordinal);
        }

        // Nothing is applied by reading the report.
        Assert.False(await portal.WithDbAsync(db => db.Communes.AnyAsync(c => c.CodeInsee == "22001")));

        var applied = await admin.SubmitAsync(report, "/admin/referentiel/appliquer");

        Assert.StartsWith("Le référentiel est mis à jour : 1 commune(s) ajoutée(s), 1 supprimée(s), 1 changeant d'intercommunalité", applied.Flash(), StringComparison.Ordinal);
        Assert.Contains("1 commune(s) absente(s) du fichier sont conservées", applied.Flash(), StringComparison.Ordinal);
        Assert.NotNull(applied.QuerySelector("[data-testid=no-change]"));
        Assert.NotNull(applied.QuerySelector("[data-testid=coverage-ok]"));
        Assert.Contains("Référentiel territorial mis à jour", applied.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        var state = await portal.WithDbAsync(async db => new
        {
            Allineuc = await db.Communes.AnyAsync(c => c.CodeInsee == "22001"),
            Carantec = await db.Communes.Where(c => c.CodeInsee == "29023").Select(c => c.EpciSiren).SingleAsync(),
            Vannes = await db.Communes.Where(c => c.CodeInsee == "56260").Select(c => c.Name).SingleAsync(),
            Merged = await db.Communes.AnyAsync(c => c.CodeInsee == "29999"),
            Kept = await db.Communes.AnyAsync(c => c.CodeInsee == "29998"),
            Communes = await db.Communes.CountAsync(),
        });
        Assert.Equal((true, "242900835", "Vannes", false, true, 1203), (state.Allineuc, state.Carantec, state.Vannes, state.Merged, state.Kept, state.Communes));

        var journal = await admin.GetDocumentAsync("/admin/journal?type=ReferenceData");
        Assert.Contains("Communes ajoutées : — → 1", journal.QuerySelector("[data-testid=journal]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_ReportsCommunesLeftWithoutAPole()
    {
        var epci = await portal.WithDbAsync(async db =>
        {
            var added = new Epci("299999999", "CC nouvelle de test", "CC");
            db.Epcis.Add(added);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE communes SET epci_siren = '299999999' WHERE code_insee = '29021'");
            return added.Siren;
        });
        try
        {
            using var admin = await portal.SignInAsync(AdminEmail);
            var page = await admin.GetDocumentAsync("/admin/referentiel");
            Assert.Contains("(29021) : sans pôle (CC nouvelle de test)", page.QuerySelector("[data-testid=coverage-problems]")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("CC nouvelle de test (299999999) : supprimée", page.QuerySelector("[data-testid=epci-removed]")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await portal.WithDbAsync(async db =>
            {
                await db.Database.ExecuteSqlRawAsync("UPDATE communes SET epci_siren = '242900793' WHERE code_insee = '29021'");
                return await db.Database.ExecuteSqlAsync($"DELETE FROM epcis WHERE siren = {epci}");
            });
        }
    }

    public sealed class Fixture : PortalFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(AdminEmail, Roles.Admin);
        }
    }
}
