using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Web.Areas.Coordination.Dashboard;
using TrajectoirEss.Web.Tests.Infrastructure;
using IndicatorCatalog = TrajectoirEss.Domain.Indicators.Indicators;

namespace TrajectoirEss.Web.Tests;

/// <summary>The dashboard's figures against counts written independently (LINQ over the records) on a generated dataset.</summary>
public sealed class DashboardTests(DashboardTests.Fixture portal) : IClassFixture<DashboardTests.Fixture>
{
    // The programme's years start at midnight in Paris (UTC+1 in winter).
    private static readonly DateTimeOffset Start2025 = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Start2026 = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));

    private static bool In2025(DateTimeOffset? at) => at >= Start2025 && at < Start2026;

    private static string Display(Indicator code, Figure value) => DashboardViewModel.Display(IndicatorCatalog.Of(code), value);

    /// <summary>Each indicator for 2025 computed without the dashboard's SQL.</summary>
    private async Task<Dictionary<Indicator, Figure>> IndependentAsync(string? departement = null, string? sector = null)
    {
        return await portal.WithDbAsync(async db =>
        {
            var poles = await db.Poles.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DepartementCode);
            var projects = await db.Projects.AsNoTracking().ToListAsync();
            bool Keep(Project p, Guid? pole) => (departement is null || (pole is { } id && poles[id] == departement)) && (sector is null || p.SectorCode == sector);
            var byId = projects.ToDictionary(p => p.Id);
            var welcomed = projects.Where(p => p.Steps.Any(s => s.Kind == TrajectoryStepKind.Welcomed && In2025(s.OccurredAt) && Keep(p, s.PoleId))).ToList();
            var sessions = await db.Sessions.AsNoTracking().ToDictionaryAsync(s => s.Id);
            var referrals = await db.Referrals.AsNoTracking().ToDictionaryAsync(r => r.Id);
            var enrolments = (await db.Enrolments.AsNoTracking().ToListAsync()).Where(e => Keep(byId[e.ProjectId], referrals[e.ReferralId].PoleId)).ToList();
            var financings = (await db.FinancingApplications.AsNoTracking().ToListAsync())
                .Where(f => f.Decision == FinancingDecision.Granted && f.Instrument is FinancingInstrument.CapCreationEss or FinancingInstrument.FondsDeConfiance && In2025(f.DecidedAt) && Keep(byId[f.ProjectId], referrals[f.ReferralId].PoleId)).ToList();
            var createdByPole = projects.Where(p => p.Steps.Any(s => s.Kind == TrajectoryStepKind.Closed && s.Outcome == "Created" && In2025(s.OccurredAt) && Keep(p, s.PoleId))).Select(p => p.Id)
                .Union(enrolments.Where(e => e.Outcome == EnrolmentOutcome.CompanyCreated && In2025(e.CompletedAt)).Select(e => e.ProjectId));
            var delays = welcomed.Where(p => p.SubmittedAt != null).Select(p => (p.FirstContactAt!.Value - p.SubmittedAt!.Value).TotalDays).Order().ToList();
            var referred = referrals.Values.Where(r => In2025(r.ReferredAt) && Keep(byId[r.ProjectId], r.PoleId)).ToList();
            var needs = await db.TerritoryNeeds.AsNoTracking().Where(n => n.ConcludedOn >= new DateOnly(2025, 1, 1) && n.ConcludedOn < new DateOnly(2026, 1, 1)).CountAsync();
            double? median = delays.Count == 0 ? null : delays.Count % 2 == 1 ? delays[delays.Count / 2] : (delays[(delays.Count / 2) - 1] + delays[delays.Count / 2]) / 2;
            var creopss = enrolments.Where(e => sessions[e.SessionId].ProgrammeType == Domain.Programmes.ProgrammeType.Creopss && In2025(e.EnrolledAt)).ToList();
            var created = enrolments.Where(e => e.Outcome == EnrolmentOutcome.CompanyCreated && In2025(e.CompletedAt)).ToList();
            var prompt = referred.Count(r => r.AnsweredAt != null && r.AnsweredAt <= r.ReferredAt.AddDays(10));
            return new Dictionary<Indicator, Figure>
            {
                [Indicator.ProjectsWelcomed] = Figure.Count(welcomed.Count),
                [Indicator.PorteursWelcomed] = Figure.Of(welcomed.Sum(p => p.PeopleCount ?? 1), welcomed.Count, welcomed.Sum(p => p.PeopleCount ?? 1)),
                [Indicator.IdeasExplored] = Figure.Count(enrolments.Where(e => sessions[e.SessionId].ProgrammeType == Domain.Programmes.ProgrammeType.Ideateur && In2025(e.EnrolledAt)).Select(e => e.ProjectId).Distinct().Count()),
                [Indicator.OpportunityStudies] = departement is null && sector is null ? Figure.Count(needs) : Figure.Empty,
                [Indicator.CreopssPeople] = Figure.Of(creopss.Sum(e => e.People), creopss.Select(e => e.ProjectId).Distinct().Count(), creopss.Sum(e => e.People)),
                [Indicator.IncubatedProjects] = Figure.Count(enrolments.Where(e => sessions[e.SessionId].ProgrammeType == Domain.Programmes.ProgrammeType.Incubateur && e.EnrolledAt != null
                    && sessions[e.SessionId].StartsOn < new DateOnly(2026, 1, 1) && sessions[e.SessionId].EndsOn >= new DateOnly(2025, 1, 1)).Select(e => e.ProjectId).Distinct().Count()),
                [Indicator.StudiesFinanced] = Figure.Count(financings.Count),
                [Indicator.AmountGranted] = Figure.Of(financings.Sum(f => f.AmountGranted ?? 0), financings.Count, financings.Select(f => f.ProjectId).Distinct().Count()),
                [Indicator.CompaniesCreated] = Figure.Count(createdByPole.Count()),
                [Indicator.Jobs] = Figure.Of(created.Sum(e => e.Jobs ?? 0), created.Select(e => e.ProjectId).Distinct().Count(), created.Sum(e => e.Jobs ?? 0)),
                [Indicator.MedianDaysToFirstContact] = Figure.Of(median is null ? null : Math.Round((decimal)median.Value, 1, MidpointRounding.AwayFromZero), delays.Count),
                [Indicator.ReferralsAnsweredWithin10Days] = Figure.Rate(referred.Count == 0 ? null : Math.Round(100m * prompt / referred.Count, 1, MidpointRounding.AwayFromZero), prompt, referred.Count),
            };
        });
    }

    private static string Value(IHtmlDocument page, Indicator code) => page.QuerySelector($"[data-testid=value-{code}]")!.TextContent.Trim();

    [Fact]
    public async Task EveryIndicator_EqualsAnIndependentCount()
    {
        using var client = await portal.SignInAsync(Fixture.Coordinator);
        var page = await client.GetDocumentAsync("/coordination?annee=2025");
        var expected = await IndependentAsync();

        Assert.True(expected[Indicator.ProjectsWelcomed].Unmasked > 10, "The generated dataset should have welcomed projects in 2025.");
        foreach (var (code, value) in expected)
        {
            Assert.True(Display(code, value) == Value(page, code), $"{code}: page says {Value(page, code)}, independent count {Display(code, value)}");
        }

        Assert.Equal(IndicatorCatalog.Documented.Count, page.QuerySelectorAll("[data-testid=definitions] dt").Length);
    }

    [Fact]
    public async Task Filters_Combine()
    {
        using var client = await portal.SignInAsync(Fixture.Coordinator);
        var page = await client.GetDocumentAsync("/coordination?annee=2025&departement=29&secteur=commerce");
        var expected = await IndependentAsync(departement: "29", sector: "commerce");

        foreach (var code in new[] { Indicator.ProjectsWelcomed, Indicator.PorteursWelcomed, Indicator.IdeasExplored, Indicator.CreopssPeople, Indicator.CompaniesCreated })
        {
            Assert.True(Display(code, expected[code]) == Value(page, code), $"{code}: page says {Value(page, code)}, independent count {Display(code, expected[code])}");
        }

        Assert.All(page.QuerySelectorAll("[data-testid=by-pole] tbody tr"), row =>
            Assert.Contains(row.GetAttribute("data-pole")!, page.QuerySelectorAll("#pole option").Select(o => o.GetAttribute("value")!)));
    }

    [Fact]
    public async Task FilteringByDepartementOrPole_ListsOnlyItsPoles_InTheTableTheTilesAndTheExports()
    {
        // Issue 19, item 15: the other départements' pôles used to be listed at 0.
        using var client = await portal.SignInAsync(Fixture.Coordinator);
        var poles = await portal.WithDbAsync(db => db.Poles.AsNoTracking().Select(p => new { p.Id, p.Name, p.DepartementCode }).ToListAsync());
        var ofCotesDArmor = poles.Where(p => p.DepartementCode == "22").Select(p => p.Name).Order().ToList();
        Assert.InRange(ofCotesDArmor.Count, 1, poles.Count - 1);

        var page = await client.GetDocumentAsync("/coordination?annee=2025&departement=22");
        Assert.Equal(ofCotesDArmor, page.QuerySelectorAll("[data-testid=by-pole] tbody th").Select(th => th.TextContent.Trim()).Order().ToList());
        Assert.Equal(ofCotesDArmor, page.QuerySelectorAll("[data-testid=tiles] .tile-name").Select(e => e.TextContent.Trim()).Order().ToList());
        Assert.Equal(poles.Count, page.QuerySelectorAll("#pole option[value]:not([value=''])").Length); // the pôle filter still offers them all

        using var csvResponse = await client.GetAsync("/coordination/export.csv?annee=2025&departement=22&table=poles");
        var lines = (await csvResponse.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1);
        Assert.Equal(ofCotesDArmor, lines.Select(l => l.Split(';')[0].Trim('"')).Order().ToList());

        using var xlsxResponse = await client.GetAsync("/coordination/export.xlsx?annee=2025&departement=22");
        await using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "poles").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(ofCotesDArmor, sheet.Select(r => (string)r["Pôle"]).Order().ToList());

        var one = poles.First(p => p.DepartementCode == "35");
        var onePole = await client.GetDocumentAsync($"/coordination?annee=2025&pole={one.Id}");
        Assert.Equal([one.Id.ToString()], onePole.QuerySelectorAll("[data-testid=by-pole] tbody tr").Select(r => r.GetAttribute("data-pole")).ToList());
        Assert.Equal([one.Name], onePole.QuerySelectorAll("[data-testid=tiles] .tile-name").Select(e => e.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task SmallCells_AreMaskedEverywhere()
    {
        using var client = await portal.SignInAsync(Fixture.Coordinator);
        var page = await client.GetDocumentAsync("/coordination?annee=2025&secteur=culture");
        var cells = page.QuerySelectorAll("[data-testid=by-pole] td")
            .Where(td => IndicatorCatalog.Of(Enum.Parse<Indicator>(td.GetAttribute("data-indicator")!)) is { IsAmount: false, IsRate: false })
            .Select(td => td.TextContent.Trim())
            .ToList();

        Assert.Contains("< 3", cells);
        Assert.DoesNotContain("1", cells);
        Assert.DoesNotContain("2", cells);
        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=key-figures] .fs-3").Select(e => e.TextContent.Trim()), v => v is "1" or "2");
    }

    [Fact]
    public async Task TheAmountOfTwoFinancedStudies_IsMasked_InThePageTheCsvAndTheXlsx()
    {
        // Issue 19, item 16: the number of studies read "< 3" while their amount was shown exactly.
        using var client = await portal.SignInAsync(Fixture.Coordinator);
        var amounts = Fixture.FinancedIn2023.Select(f => f.Amount).Append(Fixture.FinancedIn2023.Sum(f => f.Amount))
            .Select(a => a.ToString("0", CultureInfo.InvariantCulture)).ToList();
        static string Digits(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not ',').ToArray());

        var page = await client.GetDocumentAsync("/coordination?annee=2023");
        Assert.Equal("< 3", Value(page, Indicator.StudiesFinanced));
        Assert.Equal(Figure.SecretText, Value(page, Indicator.AmountGranted));
        var morlaix = page.QuerySelectorAll("[data-testid=by-pole] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("Morlaix", StringComparison.Ordinal));
        Assert.Equal(Figure.SecretText, morlaix.QuerySelector($"td[data-indicator={Indicator.AmountGranted}]")!.TextContent.Trim());
        Assert.Equal("1", morlaix.QuerySelector($"td[data-indicator={Indicator.AmountGranted}]")!.GetAttribute("data-sort"));
        var shown = Digits(page.QuerySelector("main")!.TextContent + string.Join('|', page.QuerySelectorAll("[data-sort]").Select(e => e.GetAttribute("data-sort"))));
        Assert.All(amounts, a => Assert.DoesNotContain(a, shown, StringComparison.Ordinal));

        // The next year's page shows 2023 as its previous period: masked there too.
        var next = await client.GetDocumentAsync("/coordination?annee=2024");
        Assert.Contains($"Période précédente : {Figure.SecretText}", next.QuerySelector($"[data-indicator={Indicator.AmountGranted}]")!.TextContent, StringComparison.Ordinal);

        foreach (var table in new[] { "indicateurs", "poles" })
        {
            using var csv = await client.GetAsync($"/coordination/export.csv?annee=2023&table={table}");
            var text = await csv.Content.ReadAsStringAsync();
            Assert.Contains(";s", text, StringComparison.Ordinal);
            Assert.All(amounts, a => Assert.DoesNotContain(a, Digits(text), StringComparison.Ordinal));
        }

        using var xlsx = await client.GetAsync("/coordination/export.xlsx?annee=2023");
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var cells = new List<string>();
        foreach (var sheet in MiniExcel.GetSheetNames(stream))
        {
            stream.Position = 0;
            cells.AddRange(MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().SelectMany(r => r.Values).Select(v => v?.ToString() ?? string.Empty));
            stream.Position = 0;
        }

        var figures = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "indicateurs").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(Figure.SecretText, figures.Single(f => (string)f["Indicateur"] == IndicatorCatalog.Of(Indicator.AmountGranted).Label)["Période"]);
        Assert.All(amounts, a => Assert.DoesNotContain(a, Digits(string.Join('|', cells)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task DelaysAlongTheTrajectories_AreTheirExactQuartiles_InThePageAndTheExports_AndFewerThanThreeAreMasked()
    {
        // Issue 19, item 17, with the trajectories of 2022 seeded by the fixture.
        using var client = await portal.SignInAsync(Fixture.Coordinator);
        var page = await client.GetDocumentAsync("/coordination?annee=2022");
        var rows = page.QuerySelectorAll("[data-testid=delays] tbody tr").Select(tr => string.Join('|', tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();

        Assert.Equal("Accueil par un pôle|Première orientation|5|4|6|10", rows[0]);
        Assert.Contains("Idéateur|Incubateur|3|15|20|40", rows);
        Assert.Contains($"Idéateur|Creopss|< 3|{Figure.SecretText}|{Figure.SecretText}|{Figure.SecretText}", rows);
        Assert.Equal(3, rows.Count); // only passages between two programmes have a delay (not accueil → a programme)
        var definitions = page.QuerySelector("[data-testid=definitions]")!.TextContent;
        Assert.All(IndicatorCatalog.PathDelays, d => Assert.Contains(d.Definition, definitions, StringComparison.Ordinal));

        using var csv = await client.GetAsync("/coordination/export.csv?annee=2022&table=delais");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("De;Vers;Projets;1er quartile (jours);Médiane (jours);3e quartile (jours)", lines[0].TrimStart('\uFEFF'));
        Assert.Contains("Idéateur;Incubateur;3;15;20;40", lines);
        Assert.Contains("Idéateur;Creopss;< 3;s;s;s", lines);

        using var xlsx = await client.GetAsync("/coordination/export.xlsx?annee=2022");
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "delais").Cast<IDictionary<string, object>>().ToList();
        var first = sheet.Single(r => (string)r["Vers"] == "Première orientation");
        Assert.Equal(("4", "6", "10"), (first["1er quartile (jours)"]?.ToString(), first["Médiane (jours)"]?.ToString(), first["3e quartile (jours)"]?.ToString()));
    }

    [Theory]
    [InlineData("/coordination?annee=2023")]
    [InlineData("/coordination?annee=2022")]
    [InlineData("/coordination?annee=2025&secteur=culture")]
    [InlineData("/coordination?annee=2025&departement=22&forme=scic")]
    [InlineData("/coordination?annee=2025")]
    public async Task EveryFigureOfTheDashboard_DerivedFromFewerThanTheThreshold_IsMasked_AndNoMaskedCellFollowsFromItsTotal(string url)
    {
        using var client = await portal.SignInAsync(Fixture.Coordinator);
        var page = await client.GetDocumentAsync(url);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);
        var filter = DashboardFilter.Year(int.Parse(query["annee"]!, CultureInfo.InvariantCulture)) with
        {
            Sector = query.TryGetValue("secteur", out var sector) ? sector.ToString() : null,
            Departement = query.TryGetValue("departement", out var departement) ? departement.ToString() : null,
            LegalForm = query.TryGetValue("forme", out var form) ? form.ToString() : null,
        };
        await using var scope = portal.Services.CreateAsyncScope();
        var model = new DashboardViewModel
        {
            Data = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().LoadAsync(filter),
            RegionWide = true,
            PeriodLabel = "période",
            Year = filter.From.Year,
            MapIndicator = Indicator.ProjectsWelcomed,
            Sectors = [],
            LegalForms = [],
            ReferenceVersion = 0,
        };

        // Every figure of the model is a Figure (no bare number), and each one derived from fewer records than the threshold is masked.
        var figures = DashboardFigures.Of(model.Data);
        Assert.NotEmpty(figures);
        foreach (var (path, figure) in figures.Concat(model.Rows.SelectMany(r => r.Cells.Select(c => ($"Rows[{r.Pole.Name}][{c.Key}]", c.Value.Figure)))))
        {
            if (figure.Records is > 0 and < IndicatorCatalog.SmallCellThreshold)
            {
                Assert.True(figure.IsMasked && figure.Disclosed is null, $"{path} rests on {figure.Records} record(s) and is not masked.");
                Assert.True(DashboardViewModel.Display(figure) == figure.MaskedText, $"{path} reads {DashboardViewModel.Display(figure)}");
            }
        }

        // The table by pôle: what the page shows is the model's cells; the masked cells of a column never follow from its total.
        foreach (var definition in IndicatorCatalog.All)
        {
            var total = model.Data.Current[definition.Code].Total;
            var column = model.Rows.Select(r => r.Cells[definition.Code]).ToList();
            Assert.All(column.Where(c => c.Figure.IsMasked), c => Assert.Equal(c.Figure.MaskedText, c.Display));
            if (definition.IsAdditive && !total.IsMasked && column.Any(c => c.Figure.IsMasked))
            {
                Assert.True(column.Where(c => c.Figure.IsMasked).Sum(c => c.Figure.Records) >= IndicatorCatalog.SmallCellThreshold, $"{definition.Code}: the total minus the cells shown tells the masked ones.");
            }

            var onPage = page.QuerySelectorAll($"[data-testid=by-pole] td[data-indicator={definition.Code}]").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal(column.Select(c => c.Display), onPage);
        }

        // The charts' data holds no masked figure.
        var chart = JsonDocument.Parse(page.QuerySelector("#dashboard-data")!.TextContent).RootElement;
        var welcomed = chart.GetProperty("welcomed").EnumerateArray().ToList();
        Assert.Equal(model.Rows.Count, welcomed.Count);
        for (var i = 0; i < welcomed.Count; i++)
        {
            Assert.Equal(model.Rows[i].Cells[Indicator.ProjectsWelcomed].Figure.IsMasked, welcomed[i].ValueKind == JsonValueKind.Null);
        }

        Assert.All(chart.GetProperty("flows").EnumerateArray(), f => Assert.True(f.GetProperty("flow").GetDecimal() >= IndicatorCatalog.SmallCellThreshold));
    }

    [Fact]
    public async Task Exports_CsvAndXlsx_HoldTheFiguresOfThePage()
    {
        using var client = await portal.SignInAsync(Fixture.Coordinator);
        var page = await client.GetDocumentAsync("/coordination?annee=2025");
        var pageRows = page.QuerySelectorAll("[data-testid=by-pole] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList());

        using var csvResponse = await client.GetAsync("/coordination/export.csv?annee=2025&table=poles");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Pôle;Département;Porteurs accueillis;", lines[0], StringComparison.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(';');
            Assert.Equal(pageRows[fields[0].Trim('"')], fields.Skip(2).Select(f => f.Trim('"')).ToList());
        }

        using var xlsxResponse = await client.GetAsync("/coordination/export.xlsx?annee=2025");
        await using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.Contains("poles", sheets);
        Assert.Contains("indicateurs", sheets);
        stream.Position = 0;
        var figures = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "indicateurs").Cast<IDictionary<string, object>>().ToList();
        var welcomed = figures.Single(f => (string)f["Indicateur"] == IndicatorCatalog.Of(Indicator.ProjectsWelcomed).Label);
        Assert.Equal(Value(page, Indicator.ProjectsWelcomed), welcomed["Période"]?.ToString());
    }

    [Fact]
    public async Task Coordinator_CannotOpenAnyProjectFile()
    {
        var (projectId, referralId) = await portal.WithDbAsync(async db =>
            (await db.Projects.Select(p => p.Id).FirstAsync(), await db.Referrals.Select(r => r.Id).FirstAsync()));
        using var client = await portal.SignInAsync(Fixture.Coordinator);

        foreach (var url in new[] { $"/pole/projets/{projectId}", $"/porteur/projets/{projectId}", $"/structure/orientations/{referralId}" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}");
        }

        var page = await client.GetDocumentAsync("/coordination?annee=2025");
        var titles = await portal.WithDbAsync(db => db.Projects.Select(p => p.Title).Take(50).ToListAsync());
        Assert.DoesNotContain(titles, t => page.MainText().Contains(t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PoleStaff_SeeTheirOwnPoleOnly()
    {
        var morlaix = await portal.WithDbAsync(db => db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync());
        var rennes = await portal.WithDbAsync(db => db.Poles.Where(p => p.Code == "reso-solidaire").Select(p => p.Id).SingleAsync());
        using var client = await portal.SignInAsync(Fixture.PoleMorlaix);

        using var regional = await client.GetAsync("/coordination?annee=2025");
        Assert.Equal(HttpStatusCode.Forbidden, regional.StatusCode);
        using var export = await client.GetAsync("/coordination/export.csv?annee=2025");
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);

        var page = await client.GetDocumentAsync($"/pole/indicateurs?annee=2025&pole={rennes}");
        var rows = page.QuerySelectorAll("[data-testid=by-pole] tbody tr").Select(r => r.GetAttribute("data-pole")).ToList();
        Assert.Equal([morlaix.ToString()], rows);
        var own = await portal.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Steps.Any(s => s.Kind == TrajectoryStepKind.Welcomed && s.PoleId == morlaix && s.OccurredAt >= Start2025 && s.OccurredAt < Start2026)).CountAsync());
        Assert.Equal(Display(Indicator.ProjectsWelcomed, Figure.Count(own)), Value(page, Indicator.ProjectsWelcomed));
    }

    [Theory]
    [InlineData("/coordination?annee=1800")]
    [InlineData("/coordination?du=2025-05-01&au=2025-01-01")]
    [InlineData("/coordination?origine=Nimporte")]
    [InlineData("/coordination?carte=DaysBetweenProgrammes")]
    [InlineData("/coordination/export.csv?annee=2025&table=inconnue")]
    public async Task Dashboard_WithBadFilters_Answers400(string url)
    {
        using var client = await portal.SignInAsync(Fixture.Coordinator);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithAPeriodEndingBeforeItStarts_ShowsItsFormAgain_WithTheMessageBesideThePeriod()
    {
        using var client = await portal.SignInAsync(Fixture.Coordinator);

        using var response = await client.GetAsync("/coordination?du=2025-05-01&au=2025-01-01");
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(DashboardQuery.PeriodMessage, page.ErrorFor("Au"));
        Assert.Contains(DashboardQuery.PeriodMessage, page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2025-05-01", page.QuerySelector("#du")!.GetAttribute("value"));
        Assert.Equal("2025-01-01", page.QuerySelector("#au")!.GetAttribute("value"));

        // The page is not kept for the next visitor: the same figures without the period show no error.
        var plain = await client.GetDocumentAsync("/coordination");
        Assert.Null(plain.QuerySelector("[data-testid=error-summary]"));
        Assert.Equal(string.Empty, plain.QuerySelector("#au")!.GetAttribute("value"));
        using var export = await client.GetAsync("/coordination/export.csv?du=2025-05-01&au=2025-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    public sealed class Fixture : PortalFactory
    {
        public const string Coordinator = "coordination-dashboard@exemple.test";
        public const string PoleMorlaix = "pole-dashboard@exemple.test";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(Coordinator, Roles.Coordinator);
            await CreateUserAsync(PoleMorlaix, Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>()
                .GenerateAsync(2024, 2025, scale: 0.25, now: new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), seed: 7);

            // Welcomed on 31 December 2024 at 23:30 UTC, that is 1 January 2025 at 00:30 in Paris: a project of 2025.
            var owner = await CreateUserAsync("porteur-nouvel-an@exemple.test", Roles.Porteur);
            await WithDbAsync(async db =>
            {
                var pole = await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync();
                var submitted = new DateTimeOffset(2024, 12, 31, 20, 0, 0, TimeSpan.Zero);
                var project = Project.CreateDraft(Guid.CreateVersion7(), owner.Id, new ProjectDetails("Réveillon solidaire", "Un projet accueilli à minuit", "Un besoin", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement, 3, null), submitted);
                project.Submit(owner.Id, pole, consentToProcessing: true, submitted);
                project.Welcome(owner.Id, new DateTimeOffset(2024, 12, 31, 23, 30, 0, TimeSpan.Zero));
                db.Projects.Add(project);
                db.DiscardDomainEvents();
                return await db.SaveChangesAsync();
            });

            // 2023 (no generated data): two studies financed by Cap création ESS, for one pôle (issue 19, item 16).
            foreach (var (title, amount) in FinancedIn2023)
            {
                await SeedPathAsync(owner.Id, title, new DateTimeOffset(2023, 3, 1, 9, 0, 0, TimeSpan.Zero), new Stage(ProgrammeType.CapCreationEss, Referred: 5, Started: 20, Granted: amount));
            }
            // 2022 (no generated data): trajectories with known delays (issue 19, item 17). Welcome → first referral:
            // 2, 4, 6, 10, 30 days; idéateur's end → incubator's start: 10, 20, 60 days; idéateur → Creopss: once, 5 days.
            var spring2022 = new DateTimeOffset(2022, 3, 1, 9, 0, 0, TimeSpan.Zero);
            await SeedPathAsync(owner.Id, "Parcours 1", spring2022, new Stage(ProgrammeType.Ideateur, 2, 10, 70), new Stage(ProgrammeType.Incubateur, 75, 80));
            await SeedPathAsync(owner.Id, "Parcours 2", spring2022.AddDays(1), new Stage(ProgrammeType.Ideateur, 4, 10, 70), new Stage(ProgrammeType.Incubateur, 72, 90));
            await SeedPathAsync(owner.Id, "Parcours 3", spring2022.AddDays(2), new Stage(ProgrammeType.Ideateur, 6, 10, 70), new Stage(ProgrammeType.Incubateur, 100, 130));
            await SeedPathAsync(owner.Id, "Parcours 4", spring2022.AddDays(3), new Stage(ProgrammeType.Ideateur, 10, 12, 70), new Stage(ProgrammeType.Creopss, 71, 75));
            await SeedPathAsync(owner.Id, "Parcours 5", spring2022.AddDays(4), new Stage(ProgrammeType.Creopss, 30));
        }

        /// <summary>The amounts granted in 2023: two studies, so their sum (17 900 €) must never show.</summary>
        public static readonly (string Title, decimal Amount)[] FinancedIn2023 = [("Étude d'une conserverie", 13_579m), ("Étude d'une ressourcerie", 4_321m)];

        /// <summary>One programme of a seeded trajectory: days after the welcome when the project was referred, entered it, ended it.</summary>
        public sealed record Stage(ProgrammeType Type, double Referred, double? Started = null, double? Ended = null, decimal? Granted = null);

        /// <summary>A project of the pôle of Morlaix welcomed at <paramref name="welcomed"/>, then referred to each programme in turn.</summary>
        public Task SeedPathAsync(Guid actor, string title, DateTimeOffset welcomed, params Stage[] stages) => WithDbAsync(async db =>
        {
            var pole = await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync();
            var programmes = await db.Programmes.ToListAsync();
            var project = Project.CreateDraft(Guid.CreateVersion7(welcomed), actor, new ProjectDetails(title, "Un projet aux dates connues", "Un besoin", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement, 1, null), welcomed.AddDays(-3));
            project.Submit(actor, pole, consentToProcessing: true, welcomed.AddDays(-3));
            project.Welcome(actor, welcomed);
            var referrals = new List<Referral>();
            foreach (var stage in stages)
            {
                var programme = programmes.First(p => p.Type == stage.Type && p.IsActive);
                var referral = Referral.Create(project.SharedWith(programme), programme, referrals, pole, actor, null, welcomed.AddDays(stage.Referred));
                referrals.Add(referral);
                if (stage.Started is not { } started)
                {
                    continue;
                }

                referral.Accept(project, actor, welcomed.AddDays(started));
                if (stage.Granted is { } amount)
                {
                    // Applying starts the accepted referral.
                    var application = FinancingApplication.Create(project, referral, programme, [], FinancingInstrument.CapCreationEss, amount, null, "Étude de faisabilité", null, FinancingRules.Default, actor, welcomed.AddDays(started));
                    application.Grant(project, programme, amount, null, actor, FinancingRules.Default, welcomed.AddDays(started));
                    db.FinancingApplications.Add(application);
                }
                else
                {
                    referral.Start(project, actor, welcomed.AddDays(started));
                }

                if (stage.Ended is { } ended)
                {
                    referral.Complete(project, actor, "Terminé", welcomed.AddDays(ended));
                }
            }

            db.Projects.Add(project);
            db.Referrals.AddRange(referrals);
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
    }
}

public sealed class IndicatorDocumentationTests
{
    [Fact]
    public void Readme_StatesEveryIndicatorWithTheDefinitionTheCodeUses()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "README.md")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var readme = File.ReadAllText(Path.Combine(directory.FullName, "README.md"));
        foreach (var definition in TrajectoirEss.Domain.Indicators.Indicators.Documented)
        {
            Assert.Contains($"| {definition.Label} | {definition.Definition} |", readme, StringComparison.Ordinal);
        }
    }
}

/// <summary>Every figure a dashboard's data holds, found by walking it: a bare number anywhere in it fails the test.</summary>
internal static class DashboardFigures
{
    public static List<(string Path, Figure Figure)> Of(DashboardData data)
    {
        var figures = new List<(string, Figure)>();
        Walk(data, nameof(DashboardData), figures, depth: 0);
        return figures;
    }

    private static void Walk(object? value, string path, List<(string, Figure)> into, int depth)
    {
        Assert.True(depth < 12, $"{path}: too deep");
        switch (value)
        {
            case null:
                return;
            case Figure figure:
                into.Add((path, figure));
                return;
            case string or Guid or DateOnly or DateTimeOffset or bool or Enum:
                return;
            case sbyte or byte or short or ushort or int or uint or long or ulong or decimal or double or float:
                Assert.Fail($"{path} is a bare number: a figure must be a {nameof(Figure)}, so that the small-cell rule applies to it.");
                return;
            case System.Collections.IDictionary dictionary:
                foreach (System.Collections.DictionaryEntry entry in dictionary)
                {
                    Walk(entry.Value, $"{path}[{entry.Key}]", into, depth + 1);
                }

                return;
            case System.Collections.IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{i++}]", into, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Walk(property.GetValue(value), $"{path}.{property.Name}", into, depth + 1);
        }

        foreach (var field in type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", into, depth + 1);
        }
    }
}
