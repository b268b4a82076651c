using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Web.Areas.Coordination.Dashboard;
using TrajectoirEss.Web.Features.Evaluation.Computation;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The computed values of a campaign (issue 21) on a small world with known values: in 2021, six projects welcomed
/// by the pôle of Morlaix (their porteurs, communes and trajectories written below); in 2020, one project only.
/// </summary>
public sealed class EvaluationMeasuresTests(EvaluationMeasuresTests.Fixture portal) : IClassFixture<EvaluationMeasuresTests.Fixture>
{
    private static readonly DateTimeOffset Spring2021 = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private async Task<IReadOnlyList<ComputedValue>> ComputeAsync(Referential referential, int year)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvaluationMeasures>().ComputeAsync(referential, year);
    }

    private static Referential FrameOf(params (MeasureCode Code, Breakdowns Breakdowns)[] measures)
    {
        var at = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var referential = Referential.Draft(Guid.CreateVersion7(), "Test", Guid.NewGuid(), at);
        var value = referential.AddValue("Valeur", "Texte", at);
        var question = referential.AddQuestion("Question ?", "Décision", at);
        var criterion = referential.AddCriterion(value.Id, question.Id, "Critère", at);
        foreach (var (code, breakdowns) in measures)
        {
            referential.AddIndicator(criterion.Id, new IndicatorTerms(code.ToString(), IndicatorLevel.Resultat, Measures.Of(code).Unit, IndicatorDirection.HigherIsBetter, IndicatorSource.Computed, code, null, null, breakdowns), at);
        }

        return referential;
    }

    private static ComputedValue Total(IReadOnlyList<ComputedValue> values, Referential referential, MeasureCode code) =>
        values.Single(v => v.IndicatorId == referential.Indicators.Single(i => i.Terms.Measure == code).Id && v.Cell == ComputedValue.Total);

    [Fact]
    public async Task OwnMeasures_OnAKnownWorld_GiveTheHandComputedValues()
    {
        var frame = FrameOf(
            (MeasureCode.SecondProgrammeShare, Breakdowns.Year),
            (MeasureCode.CollectiveProjectsShare, Breakdowns.Year),
            (MeasureCode.RuralPorteursShare, Breakdowns.Year),
            (MeasureCode.DistinctStructuresPerTrajectory, Breakdowns.Year));

        var values = await ComputeAsync(frame, 2021);

        // Projects 1, 2, 3 entered two programme types: 3 of 6. Projects 1, 2, 5 have two porteurs or more: 3 of 6.
        Assert.Equal(50.0m, Total(values, frame, MeasureCode.SecondProgrammeShare).Value);
        Assert.Equal(50.0m, Total(values, frame, MeasureCode.CollectiveProjectsShare).Value);

        // Porteurs 2 + 3 + 1 + 1 + 2 + 1 = 10, of whom 2 + 3 + 1 = 6 in a rural commune.
        Assert.Equal(60.0m, Total(values, frame, MeasureCode.RuralPorteursShare).Value);

        // Five projects referred (all but 5); their distinct structures, from the programmes they entered.
        var expected = Math.Round((decimal)portal.StructuresPerReferredProject.Sum() / 5, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, Total(values, frame, MeasureCode.DistinctStructuresPerTrajectory).Value);
    }

    [Fact]
    public async Task RatioMeasures_AreTheDashboardFiguresDivided()
    {
        var frame = FrameOf((MeasureCode.CompaniesPer100Welcomed, Breakdowns.Year), (MeasureCode.ProjectsWelcomed, Breakdowns.Year));

        var values = await ComputeAsync(frame, 2021);

        // Three of the six projects closed "entreprise créée" in 2021: 3 × 100 / 6.
        Assert.Equal(50.0m, Total(values, frame, MeasureCode.CompaniesPer100Welcomed).Value);
        Assert.Equal(6m, Total(values, frame, MeasureCode.ProjectsWelcomed).Value);
    }

    [Fact]
    public async Task SmallCells_AreStoredAsTheirTextOnly()
    {
        var frame = FrameOf((MeasureCode.ProjectsWelcomed, Breakdowns.Year), (MeasureCode.CollectiveProjectsShare, Breakdowns.Year), (MeasureCode.DistinctStructuresPerTrajectory, Breakdowns.Year));

        var values = await ComputeAsync(frame, 2020);

        var welcomed = Total(values, frame, MeasureCode.ProjectsWelcomed);
        Assert.Equal((null, Figure.SmallCountText), (welcomed.Value, welcomed.MaskedText));
        var collective = Total(values, frame, MeasureCode.CollectiveProjectsShare);
        Assert.Equal((null, Figure.SecretText), (collective.Value, collective.MaskedText));
        var structures = Total(values, frame, MeasureCode.DistinctStructuresPerTrajectory);
        Assert.Equal((null, Figure.SecretText), (structures.Value, structures.MaskedText));
    }

    [Fact]
    public async Task Cells_FollowTheIndicatorsBreakdowns()
    {
        var frame = FrameOf(
            (MeasureCode.ProjectsWelcomed, Breakdowns.Year | Breakdowns.Departement | Breakdowns.Pole),
            (MeasureCode.CollectiveProjectsShare, Breakdowns.Year | Breakdowns.Departement),
            (MeasureCode.ReferralsAnsweredWithinDeadline, Breakdowns.Year | Breakdowns.Programme),
            (MeasureCode.IdeasExplored, Breakdowns.Programme),
            (MeasureCode.JobsPerCompany, Breakdowns.Year));
        var poles = await portal.WithDbAsync(db => db.Poles.Select(p => new { p.Id, p.DepartementCode }).ToListAsync());
        var departements = poles.Select(p => p.DepartementCode).Distinct().ToList();

        var values = await ComputeAsync(frame, 2021);

        List<string> CellsOf(MeasureCode code) => [.. values.Where(v => v.IndicatorId == frame.Indicators.Single(i => i.Terms.Measure == code).Id).Select(v => v.Cell).Order(StringComparer.Ordinal)];
        Assert.Equal(4, departements.Count);
        Assert.Equal(
            [ComputedValue.Total, .. departements.Select(EvaluationCells.Departement), .. poles.Select(p => EvaluationCells.Pole(p.Id))],
            CellsOf(MeasureCode.ProjectsWelcomed).ToHashSet());
        Assert.Equal(1 + departements.Count + poles.Count, CellsOf(MeasureCode.ProjectsWelcomed).Count);
        Assert.Equal(1 + departements.Count, CellsOf(MeasureCode.CollectiveProjectsShare).Count);
        Assert.Contains(EvaluationCells.Programme(ProgrammeType.Ideateur), CellsOf(MeasureCode.ReferralsAnsweredWithinDeadline));
        Assert.Equal([EvaluationCells.Programme(ProgrammeType.Ideateur), ComputedValue.Total], CellsOf(MeasureCode.IdeasExplored));
        Assert.Equal([ComputedValue.Total], CellsOf(MeasureCode.JobsPerCompany));

        // The pôle of Morlaix holds the six projects; the Finistère the same; the other départements none.
        var morlaix = await portal.WithDbAsync(db => db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync());
        var welcomedId = frame.Indicators.Single(i => i.Terms.Measure == MeasureCode.ProjectsWelcomed).Id;
        Assert.Equal(6m, values.Single(v => v.IndicatorId == welcomedId && v.Cell == EvaluationCells.Pole(morlaix)).Value);
        Assert.Equal(6m, values.Single(v => v.IndicatorId == welcomedId && v.Cell == EvaluationCells.Departement("29")).Value);
        Assert.Equal(0m, values.Single(v => v.IndicatorId == welcomedId && v.Cell == EvaluationCells.Departement("35")).Value);
    }

    [Fact]
    public async Task DashboardMeasures_EqualTheDashboardsFiguresForTheYear()
    {
        var frame = FrameOf((MeasureCode.ProjectsWelcomed, Breakdowns.Year), (MeasureCode.PorteursWelcomed, Breakdowns.Year), (MeasureCode.MedianDaysToFirstReferral, Breakdowns.Year));
        await using var scope = portal.Services.CreateAsyncScope();
        var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().ComputeNowAsync(DashboardFilter.Year(2021));

        var values = await ComputeAsync(frame, 2021);

        Assert.Equal(dashboard.Current[Indicator.ProjectsWelcomed].Total.Disclosed, Total(values, frame, MeasureCode.ProjectsWelcomed).Value);
        Assert.Equal(dashboard.Current[Indicator.PorteursWelcomed].Total.Disclosed, Total(values, frame, MeasureCode.PorteursWelcomed).Value);
        Assert.Equal(10m, Total(values, frame, MeasureCode.PorteursWelcomed).Value);
        Assert.NotNull(dashboard.Delays[0].Median.Disclosed);
        Assert.Equal(dashboard.Delays[0].Median.Disclosed, Total(values, frame, MeasureCode.MedianDaysToFirstReferral).Value);
    }

    [Fact]
    public async Task Freeze_StoresTheComputedValues_AndAFrozenCampaignRefusesANewDeclaredValue()
    {
        var (campaignId, referential, pole) = await portal.WithDbAsync(async db =>
        {
            var adopted = FrameOf((MeasureCode.ProjectsWelcomed, Breakdowns.Year | Breakdowns.Pole));
            var criterion = adopted.Criteria[0].Id;
            adopted.AddIndicator(criterion, new IndicatorTerms("Déclaré", IndicatorLevel.Realisation, MeasureUnit.Count, IndicatorDirection.HigherIsBetter, IndicatorSource.Declared, null, null, null, Breakdowns.Pole), Spring2021);
            adopted.OpenConsultation(Guid.NewGuid(), Spring2021);
            adopted.Adopt(new DateOnly(2021, 4, 1), null, "Plateforme", null, Guid.NewGuid(), Spring2021.AddDays(40));
            var pole = new OrganisationRef(OrganisationKind.Pole, await db.Poles.Select(p => p.Id).FirstAsync());
            var campaign = Campaign.Open(Guid.CreateVersion7(), adopted, 2021, new DateOnly(2022, 2, 1), [pole], Guid.NewGuid(), new DateTimeOffset(2022, 1, 5, 9, 0, 0, TimeSpan.Zero));
            db.Referentials.Add(adopted);
            db.Campaigns.Add(campaign);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            return (campaign.Id, adopted, pole);
        });

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<CampaignFreezing>().FreezeAsync(campaignId, Guid.NewGuid(), new DateTimeOffset(2022, 3, 1, 9, 0, 0, TimeSpan.Zero));
            Assert.Equal(1 + await portal.WithDbAsync(db => db.Poles.CountAsync()), stored);
        }

        var frozen = await portal.WithDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId));
        Assert.Equal(CampaignStatus.Frozen, frozen.Status);
        Assert.Equal(6m, frozen.ComputedValues.Single(v => v.Cell == ComputedValue.Total).Value);
        var declared = referential.DeclaredIndicators.Single();
        Assert.Throws<DomainException>(() => frozen.Declare(referential, pole, declared.Id, 3, null, Guid.NewGuid(), DateTimeOffset.UtcNow));
    }

    public sealed class Fixture : PortalFactory
    {
        /// <summary>For each project referred in 2021, the number of distinct structures of the programmes it entered.</summary>
        public List<int> StructuresPerReferredProject { get; } = [];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var owner = await CreateUserAsync("porteur-evaluation@exemple.test", Roles.Porteur);
            var (rural, urban) = await WithDbAsync(async db => (
                await db.Communes.Where(c => c.DepartementCode == "29" && c.Population > 0 && c.Population < Measures.RuralCommuneMaxPopulation).OrderBy(c => c.CodeInsee).Select(c => c.CodeInsee).FirstAsync(),
                await db.Communes.Where(c => c.DepartementCode == "29" && c.Population >= 10_000).OrderBy(c => c.CodeInsee).Select(c => c.CodeInsee).FirstAsync()));

            // 2021: six projects of the pôle of Morlaix (porteurs, commune, programmes entered, company created).
            await SeedAsync(owner.Id, 1, Spring2021, 2, rural, true, new Stage(ProgrammeType.Ideateur, 2, 10, 70), new Stage(ProgrammeType.Incubateur, 75, 80));
            await SeedAsync(owner.Id, 2, Spring2021, 3, rural, true, new Stage(ProgrammeType.Ideateur, 4, 10, 70), new Stage(ProgrammeType.Creopss, 72, 90));
            await SeedAsync(owner.Id, 3, Spring2021, 1, urban, true, new Stage(ProgrammeType.Ideateur, 6, 10, 70), new Stage(ProgrammeType.Incubateur, 100, 130));
            await SeedAsync(owner.Id, 4, Spring2021, 1, urban, false, new Stage(ProgrammeType.Creopss, 8, 20));
            await SeedAsync(owner.Id, 5, Spring2021, 2, urban, false, []);
            await SeedAsync(owner.Id, 6, Spring2021, 1, rural, false, new Stage(ProgrammeType.Ideateur, 12, 20));

            // 2020: one project only.
            await SeedAsync(owner.Id, 7, new DateTimeOffset(2020, 5, 1, 9, 0, 0, TimeSpan.Zero), 1, urban, false, new Stage(ProgrammeType.Ideateur, 3, 10));
        }

        public sealed record Stage(ProgrammeType Type, double Referred, double Started, double? Ended = null);

        private Task<int> SeedAsync(Guid actor, int number, DateTimeOffset welcomed, int people, string commune, bool created, params Stage[] stages) => WithDbAsync(async db =>
        {
            var pole = await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync();
            var programmes = await db.Programmes.ToListAsync();
            var project = Project.CreateDraft(Guid.CreateVersion7(welcomed), actor, new ProjectDetails($"Projet {number}", "Un projet aux valeurs connues", "Un besoin", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, commune, SupportNeeds.Accompagnement, people, null), welcomed.AddDays(-3));
            project.Submit(actor, pole, consentToProcessing: true, welcomed.AddDays(-3));
            project.Welcome(actor, welcomed);
            var referrals = new List<Referral>();
            var structures = new HashSet<Guid>();
            foreach (var stage in stages)
            {
                var programme = programmes.First(p => p.Type == stage.Type && p.IsActive);
                var referral = Referral.Create(project.SharedWith(programme), programme, referrals, pole, actor, null, welcomed.AddDays(stage.Referred));
                referrals.Add(referral);
                referral.Accept(project, actor, welcomed.AddDays(stage.Started));
                referral.Start(project, actor, welcomed.AddDays(stage.Started));
                if (stage.Ended is { } ended)
                {
                    referral.Complete(project, actor, "Terminé", welcomed.AddDays(ended));
                }

                structures.Add(programme.StructureId);
            }

            if (created)
            {
                var closedAt = welcomed.AddDays(200);
                project.Close(ProjectOutcome.Created, "Entreprise créée", actor, closedAt, new CompanyCreation("association", DateOnly.FromDateTime(closedAt.UtcDateTime), null, DateOnly.FromDateTime(closedAt.UtcDateTime)));
            }

            if (welcomed.Year == 2021 && stages.Length > 0)
            {
                StructuresPerReferredProject.Add(structures.Count);
            }

            db.Projects.Add(project);
            db.Referrals.AddRange(referrals);
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
    }
}
