using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Platform.Pack;

/// <summary>
/// A session's reading pack (dossier de séance): the coordinators freeze its figures, then publish it; the members
/// invited to the session read it once published. The page prints (its own print stylesheet; the browser saves it
/// as PDF) and every table exports to XLSX. Opening a pack reads the stored document: nothing is computed again.
/// </summary>
public sealed class ReadingPackController(ReadingPacks packs) : Controller, IShowsFormAgain
{
    private const string PageView = "~/Features/Platform/Pack/Pack.cshtml";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("/coordination/plateforme/seances/{id:guid}/dossier")]
    [Authorize(Policy = Policies.Coordination)]
    public async Task<IActionResult> Coordination(Guid id, CancellationToken cancellationToken) =>
        await packs.CoordinationPageAsync(id, cancellationToken) is { } page ? View(PageView, page) : NotFound();

    [HttpPost("/coordination/plateforme/seances/{id:guid}/dossier/figer")]
    [Authorize(Policy = Policies.Coordination)]
    [FormPage(PageView)]
    public async Task<IActionResult> Freeze(Guid id, CancellationToken cancellationToken) =>
        await packs.FreezeAsync(User.GetUserId(), id, cancellationToken)
            ? this.RedirectWithFlash(CoordinationPath(id), "Les données sont figées : le dossier de séance est calculé. Relisez-le, puis publiez-le aux membres.")
            : NotFound();

    [HttpPost("/coordination/plateforme/seances/{id:guid}/dossier/publier")]
    [Authorize(Policy = Policies.Coordination)]
    [FormPage(PageView)]
    public async Task<IActionResult> Publish(Guid id, CancellationToken cancellationToken) =>
        await packs.PublishAsync(User.GetUserId(), id, cancellationToken)
            ? this.RedirectWithFlash(CoordinationPath(id), "Le dossier de séance est publié : les membres invités peuvent le lire. Ses chiffres ne changent plus.")
            : NotFound();

    [HttpGet("/coordination/plateforme/seances/{id:guid}/dossier.xlsx")]
    [Authorize(Policy = Policies.Coordination)]
    public async Task<IActionResult> CoordinationXlsx(Guid id, CancellationToken cancellationToken) =>
        await XlsxAsync(await packs.CoordinationPageAsync(id, cancellationToken), cancellationToken);

    [HttpGet("/plateforme/seances/{id:guid}/dossier")]
    [Authorize(Policy = Policies.PlatformMember)]
    public async Task<IActionResult> Member(Guid id, CancellationToken cancellationToken) =>
        await packs.MemberPageAsync(User, id, cancellationToken) is { } page ? View(PageView, page) : NotFound();

    [HttpGet("/plateforme/seances/{id:guid}/dossier.xlsx")]
    [Authorize(Policy = Policies.PlatformMember)]
    public async Task<IActionResult> MemberXlsx(Guid id, CancellationToken cancellationToken) =>
        await XlsxAsync(await packs.MemberPageAsync(User, id, cancellationToken), cancellationToken);

    /// <summary>A refused freeze or publication: the coordinators' page again, with the message.</summary>
    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form) =>
        await packs.CoordinationPageAsync(form.Id, form.CancellationToken) is { } page ? View(form.View, page) : null;

    private static string CoordinationPath(Guid id) => $"/coordination/plateforme/seances/{id}/dossier";

    private async Task<IActionResult> XlsxAsync(PackPage? page, CancellationToken cancellationToken)
    {
        if (page?.Pack is not { } pack)
        {
            return NotFound();
        }

        var sheets = new Dictionary<string, object>();
        foreach (var (name, rows) in PackTables.Of(pack.Content))
        {
            sheets[name] = rows;
        }

        await using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        var day = Format.ParisDate(pack.Content.ComputedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(buffer.ToArray(), XlsxType, $"trajectoiress-dossier-de-seance-{day}.xlsx");
    }
}

/// <summary>Every table of a pack, as the page shows it (masked cells read "&lt; 3" or "s"), for the XLSX export.</summary>
public static class PackTables
{
    public static IReadOnlyList<(string Name, List<Dictionary<string, object>> Rows)> Of(ReadingPackContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var indicators = content.Indicators.Select(i => new Dictionary<string, object>
        {
            ["Indicateur"] = i.Label,
            ["Période " + content.Period.Label] = i.Current.Text,
            ["Période précédente " + content.PreviousPeriod.Label] = i.Previous.Text,
            ["Évolution"] = i.ChangeOnPrevious ?? string.Empty,
            ["Un an avant " + content.YearBeforePeriod.Label] = i.YearBefore.Text,
            ["Évolution sur un an"] = i.ChangeOnYearBefore ?? string.Empty,
        }).ToList();
        List<Dictionary<string, object>> Areas(IReadOnlyList<PackAreaRow> rows, string first, string second) => rows.Select(r =>
        {
            var row = new Dictionary<string, object> { [first] = r.Name, [second] = r.Departement ?? string.Empty };
            for (var i = 0; i < content.Indicators.Count && i < r.Cells.Count; i++)
            {
                row[content.Indicators[i].Label] = r.Cells[i].Text;
            }

            return row;
        }).ToList();
        var conversions = content.Conversions.Select(c => new Dictionary<string, object> { ["Étape"] = c.Step, ["Projets"] = c.Projects.Text }).ToList();
        var flows = content.Flows.Select(f => new Dictionary<string, object> { ["De"] = f.From, ["Vers"] = f.To, ["Projets"] = f.Projects.Text }).ToList();
        var delays = content.Delays.Select(d => new Dictionary<string, object>
        {
            ["De"] = d.From,
            ["Vers"] = d.To,
            ["Projets"] = d.Projects.Text,
            ["1er quartile (jours)"] = d.FirstQuartile.Text,
            ["Médiane (jours)"] = d.Median.Text,
            ["3e quartile (jours)"] = d.ThirdQuartile.Text,
        }).ToList();
        List<Dictionary<string, object>> Commitments(IReadOnlyList<PackCommitment> list) => list.Select(c => new Dictionary<string, object>
        {
            ["Engagement"] = c.Title,
            ["Porté par"] = c.Carrier,
            ["Statut"] = c.Status.Label(),
            ["Avancement (%)"] = c.Progress,
            ["Échéance"] = c.DueOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            ["Dernières nouvelles"] = c.LastUpdateAt is { } at ? Format.Date(at) : string.Empty,
            ["Récit"] = c.LastUpdate ?? c.DropReason ?? string.Empty,
            ["Sans nouvelles depuis la dernière séance"] = c.NeedsUpdate ? "oui" : string.Empty,
        }).ToList();
        return new List<(string, List<Dictionary<string, object>>)>
            {
                ("indicateurs", indicators), ("departements", Areas(content.Departements, "Département", "Code")), ("poles", Areas(content.Poles, "Pôle", "Département")),
                ("conversions", conversions), ("flux", flows), ("delais", delays),
                ("engagements", Commitments(content.Commitments.Open)), ("engagements-clos", Commitments(content.Commitments.ClosedSinceLastSession)),
            }
            .Where(t => t.Item2.Count > 0)
            .ToList();
    }
}
