using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Features.Evaluation.Results;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Evaluation.Report;

/// <summary>
/// The evaluation report of a frozen campaign (issue 21), printable and exported to XLSX with every value, and the
/// public synthesis the coordinators write and publish from it. Everything is read from the stored values.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class ReportController(EvaluationReports reports, SynthesisEditing synthesis) : Controller, IShowsFormAgain
{
    private const string ReportView = "~/Features/Evaluation/Report/Report.cshtml";
    private const string SynthesisView = "~/Features/Evaluation/Report/Synthesis.cshtml";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string ConflictMessage = "Un autre coordinateur a modifié cette synthèse pendant que vous la consultiez. Relisez ce qui a été enregistré ; votre saisie est conservée ci-dessous : enregistrez à nouveau.";

    [HttpGet("/coordination/evaluation/campagnes/{id:guid}/rapport")]
    public async Task<IActionResult> Report(Guid id, CancellationToken cancellationToken) =>
        await reports.ForCampaignAsync(id, cancellationToken) is { } report ? View(ReportView, report) : NotFound();

    [HttpGet("/coordination/evaluation/campagnes/{id:guid}/rapport.xlsx")]
    public async Task<IActionResult> Xlsx(Guid id, CancellationToken cancellationToken)
    {
        if (await reports.ForCampaignAsync(id, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        if (!report.IsFrozen)
        {
            // The report page says why there is nothing to export yet.
            return Redirect(ReportPath(id));
        }

        var sheets = new Dictionary<string, object>();
        foreach (var (name, rows) in ReportTables.Of(report))
        {
            sheets[name] = rows;
        }

        await using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return File(buffer.ToArray(), XlsxType, string.Create(CultureInfo.InvariantCulture, $"trajectoiress-evaluation-{report.Campaign.Year}.xlsx"));
    }

    [HttpGet("/coordination/evaluation/campagnes/{id:guid}/synthese")]
    public async Task<IActionResult> Synthesis(Guid id, CancellationToken cancellationToken) =>
        await synthesis.PageAsync(id, null, cancellationToken) is { } page ? View(SynthesisView, page) : NotFound();

    [HttpPost("/coordination/evaluation/campagnes/{id:guid}/synthese")]
    [FormPage(SynthesisView, ConflictMessage = ConflictMessage, InvalidValueMessage = "Un indicateur coché n'est pas reconnu : rechargez la page et cochez à nouveau les indicateurs clés.")]
    public async Task<IActionResult> Synthesis(Guid id, SynthesisInput input, CancellationToken cancellationToken) =>
        await synthesis.SaveAsync(User.GetUserId(), id, input, cancellationToken) switch
        {
            SynthesisOutcome.Published => this.RedirectWithFlash(SynthesisPath(id), "La synthèse est publiée : elle est en ligne sur la page publique de l'évaluation."),
            SynthesisOutcome.Withdrawn => this.RedirectWithFlash(SynthesisPath(id), "La synthèse est retirée de la publication : corrigez-la, puis publiez-la à nouveau."),
            SynthesisOutcome.Saved => this.RedirectWithFlash(SynthesisPath(id), "La synthèse est enregistrée."),
            _ => NotFound(),
        };

    /// <summary>A refused synthesis: its page again, with what was typed.</summary>
    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form) =>
        await synthesis.PageAsync(form.Id, form.Argument<SynthesisInput>("input"), form.CancellationToken) is { Reading: not null } page ? View(form.View, page with { Conflict = form.Conflict }) : null;

    private static string ReportPath(Guid id) => $"/coordination/evaluation/campagnes/{id}/rapport";

    private static string SynthesisPath(Guid id) => $"/coordination/evaluation/campagnes/{id}/synthese";
}

/// <summary>The report's values as sheets: computed values (every cell), declared values (every organisation's, with its status), findings.</summary>
public static class ReportTables
{
    public const string Computed = "valeurs-calculees";
    public const string Declared = "valeurs-declarees";
    public const string Findings = "constats";

    public static IReadOnlyList<(string Name, List<Dictionary<string, object>> Rows)> Of(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var computed = report.Results.Indicators
            .Where(i => i.Indicator.Terms.Source == IndicatorSource.Computed)
            .SelectMany(i => new[] { new CellValue(ComputedValue.Total, IndicatorResults.CellLabel(ComputedValue.Total, new Dictionary<string, string>()), i.Total) }
                .Concat(i.Cells)
                .Select(c => new Dictionary<string, object>
                {
                    ["Indicateur"] = i.Indicator.Title,
                    ["Unité"] = i.Indicator.Terms.Unit.Label(),
                    ["Cellule"] = c.Label,
                    ["Valeur"] = (object?)c.Value.MaskedText ?? (object?)c.Value.Value ?? string.Empty,
                }))
            .ToList();
        var declared = report.Declared.Select(d => new Dictionary<string, object>
        {
            ["Indicateur"] = d.Indicator.Title,
            ["Unité"] = d.Indicator.Terms.Unit.Label(),
            ["Organisation"] = d.Organisation,
            ["Valeur"] = (object?)d.Value.MaskedText ?? (object?)d.Value.Value ?? string.Empty,
            ["Statut"] = d.Status.Label(),
            ["Validée"] = d.Status == DeclaredValueStatus.Validated ? "oui" : "non",
        }).ToList();
        var findings = report.Findings.Select(f => new Dictionary<string, object>
        {
            ["Question"] = f.Question,
            ["Constat"] = f.Finding.Observation,
            ["Principal"] = f.Finding.IsMain ? "oui" : "non",
            ["Accord"] = f.Finding.Agreement.Label(),
            ["Désaccord"] = f.Finding.Dissent ?? string.Empty,
            ["Effets négatifs ou inattendus"] = f.Finding.NegativeEffects ?? string.Empty,
            ["Interprétations"] = string.Join("\n", f.Interpretations.Select(i => $"{i.Organisation} : {i.Text}")),
            ["Recommandations"] = string.Join("\n", f.Recommendations.Select(r => r.CommitmentTitle is { } title ? $"{r.Text} (engagement : {title}, {r.CommitmentStatus!.Value.Label()})" : r.Text)),
        }).ToList();
        return new List<(string, List<Dictionary<string, object>>)> { (Computed, computed), (Declared, declared), (Findings, findings) }
            .Where(t => t.Item2.Count > 0)
            .ToList();
    }
}
