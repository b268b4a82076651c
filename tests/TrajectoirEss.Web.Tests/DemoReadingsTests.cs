using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Web.Features.Evaluation.Computation;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The demo's shared readings (issue 21): a reading per frozen campaign, 2022–2024 published, 2025 in preparation on the next session's agenda.</summary>
public sealed class DemoReadingsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DemoReadings_OnePerFrozenCampaign_InterpretedByOrganisations_WithDissentKept_AndNoPerson()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<DemoAccounts>().EnsureCreatedAsync();
            await services.GetRequiredService<DemoPlatformHistory>().CreateAsync(Now);
            await services.GetRequiredService<DemoEvaluation>().CreateReferentialAsync();
            await services.GetRequiredService<DemoCampaigns>().CreateAsync(Now);
            Assert.Equal(4, await services.GetRequiredService<DemoReadings>().CreateAsync(Now));
            Assert.Equal(0, await services.GetRequiredService<DemoReadings>().CreateAsync(Now));
        }

        var (readings, commitments, nextSession) = await portal.WithDbAsync(async db => (
            await db.EvaluationReadings.AsNoTracking().OrderBy(r => r.Year).ToListAsync(),
            await db.Commitments.AsNoTracking().Select(c => c.Id).ToListAsync(),
            await db.PlatformSessions.AsNoTracking().Where(s => s.StartsAt > Now).OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync()));

        Assert.Equal([2022, 2023, 2024, 2025], readings.Select(r => r.Year));
        Assert.All(readings.Take(3), r => Assert.Equal(ReadingStatus.Published, r.Status));
        var preparing = readings[3];
        Assert.Equal(ReadingStatus.Draft, preparing.Status);
        Assert.Equal(nextSession, preparing.SessionId);

        foreach (var reading in readings)
        {
            Assert.InRange(reading.Findings.Count, 3, 5);
            Assert.Equal(reading.Findings.Count, reading.Findings.Select(f => f.QuestionId).Distinct().Count());
            Assert.InRange(reading.KeyIndicatorIds.Count, 4, 6);
            Assert.False(string.IsNullOrWhiteSpace(reading.Summary));
            Assert.Contains(reading.Findings, f => f.IsMain);
            Assert.All(reading.Findings, f => Assert.NotEmpty(f.Interpretations));
            Assert.All(reading.Findings.Where(f => f.Agreement == AgreementLevel.OpenDisagreement), f =>
            {
                Assert.True(f.Interpretations.Count >= 2);
                Assert.False(string.IsNullOrWhiteSpace(f.Dissent));
            });
            Assert.InRange(reading.Findings.SelectMany(f => f.Interpretations).Select(i => i.ProposedBy).Distinct().Count(), 2, 7);
            Assert.All(reading.Findings, f => Assert.InRange(f.Recommendations.Count, 1, 2));
        }

        var findings = readings.SelectMany(r => r.Findings).ToList();
        Assert.Contains(findings, f => f.Agreement == AgreementLevel.OpenDisagreement);
        Assert.Contains(findings, f => f.Agreement == AgreementLevel.Majority);
        Assert.Contains(findings, f => f.Agreement == AgreementLevel.Consensus);
        Assert.Contains(findings, f => f.NegativeEffects is not null);
        var linked = findings.SelectMany(f => f.Recommendations).Select(r => r.CommitmentId).OfType<Guid>().ToList();
        Assert.NotEmpty(linked);
        Assert.All(linked, id => Assert.Contains(id, commitments));

        var texts = readings.Select(r => r.Summary!)
            .Concat(findings.SelectMany(f => new[] { f.Observation, f.Dissent, f.NegativeEffects }.OfType<string>()))
            .Concat(findings.SelectMany(f => f.Interpretations.Select(i => i.Text)))
            .Concat(findings.SelectMany(f => f.Recommendations.Select(r => r.Text)))
            .ToList();
        foreach (var person in DemoAccounts.All.Select(a => a.DisplayName))
        {
            Assert.DoesNotContain(texts, t => t.Contains(person, StringComparison.Ordinal));
        }

        // The public page lists the published years, newest first.
        using var anonymous = portal.CreateHtmlClient();
        var page = await anonymous.GetDocumentAsync("/evaluation");
        Assert.Equal(["2024", "2023", "2022"], page.QuerySelectorAll("[data-testid=synthesis]").Select(s => s.GetAttribute("data-year")));
        var synthesis = await anonymous.GetDocumentAsync("/evaluation/2024");
        Assert.Equal(2, synthesis.QuerySelectorAll("[data-testid=finding]").Length);
    }
}
