using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Evaluation.Report;

namespace TrajectoirEss.Web.Features.Evaluation.Synthesis;

/// <summary>A published synthesis in the public list: its year, when it was published, its opening text.</summary>
public sealed record PublishedSynthesis(int Year, DateTimeOffset PublishedAt, string? Summary);

/// <summary>The public evaluation page: the published syntheses (newest first) and the values of the frame in force.</summary>
public sealed record PublicEvaluationPage(IReadOnlyList<PublishedSynthesis> Syntheses, IReadOnlyList<EvaluationValue> Values);

/// <summary>
/// What the public site shows of the evaluation (issue 21): the syntheses the coordination published — the values,
/// the evaluative questions, the main findings, the key indicators — read from the stored values. A synthesis not
/// published does not exist for the public. Organisations are named, never persons nor projects.
/// </summary>
public sealed class PublicSyntheses(TrajectoirEssDbContext db, EvaluationReports reports)
{
    public async Task<PublicEvaluationPage> PageAsync(CancellationToken cancellationToken)
    {
        // One reading a year: the published ones are few.
        var syntheses = await db.EvaluationReadings.AsNoTracking()
            .Where(r => r.Status == ReadingStatus.Published)
            .OrderByDescending(r => r.Year)
            .Select(r => new PublishedSynthesis(r.Year, r.PublishedAt!.Value, r.Summary))
            .ToListAsync(cancellationToken);
        var inForce = await db.Referentials.AsNoTracking()
            .Where(r => r.Status == ReferentialStatus.Adopted)
            .OrderByDescending(r => r.VersionNumber)
            .FirstOrDefaultAsync(cancellationToken);
        return new PublicEvaluationPage(syntheses, inForce?.Values ?? []);
    }

    /// <summary>The published synthesis of a year (null: none published for that year).</summary>
    public async Task<EvaluationReport?> OfYearAsync(int year, CancellationToken cancellationToken)
    {
        var campaignId = await db.EvaluationReadings.AsNoTracking()
            .Where(r => r.Year == year && r.Status == ReadingStatus.Published)
            .Select(r => (Guid?)r.CampaignId)
            .SingleOrDefaultAsync(cancellationToken);
        return campaignId is { } id && await reports.ForCampaignAsync(id, cancellationToken) is { Reading.Status: ReadingStatus.Published } report ? report : null;
    }
}

/// <summary>The public pages of the evaluation: anyone may read them.</summary>
[AllowAnonymous]
public sealed class SynthesisController(PublicSyntheses syntheses) : Controller
{
    [HttpGet("/evaluation")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("~/Features/Evaluation/Synthesis/Index.cshtml", await syntheses.PageAsync(cancellationToken));

    /// <summary>A year's synthesis; a year not published, unknown or not a year is a 404.</summary>
    [HttpGet("/evaluation/{annee}")]
    public async Task<IActionResult> Year(string annee, CancellationToken cancellationToken) =>
        int.TryParse(annee, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            && await syntheses.OfYearAsync(year, cancellationToken) is { } report
            ? View("~/Features/Evaluation/Synthesis/Year.cshtml", report)
            : NotFound();
}
