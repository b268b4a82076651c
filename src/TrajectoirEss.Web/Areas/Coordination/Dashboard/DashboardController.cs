using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;
using IndicatorCatalog = TrajectoirEss.Domain.Indicators.Indicators;

namespace TrajectoirEss.Web.Areas.Coordination.Dashboard;

/// <summary>The query string of the dashboard (French names, as people share these links).</summary>
public sealed class DashboardQuery : IValidatableObject
{
    public const string PeriodMessage = "La période demandée n'est pas valide : la date de fin doit suivre la date de début.";

    [Range(2000, 2100)]
    public int? Annee { get; set; }

    [PlausibleDate]
    public DateOnly? Du { get; set; }

    [PlausibleDate]
    public DateOnly? Au { get; set; }

    [StringLength(Domain.Territory.Departement.CodeLength)]
    public string? Departement { get; set; }

    public Guid? Pole { get; set; }

    /// <summary>The code of a value of the list of sectors.</summary>
    [StringLength(ListItem.CodeMaxLength)]
    public string? Secteur { get; set; }

    /// <summary>The code of a value of the list of legal forms.</summary>
    [StringLength(ListItem.CodeMaxLength)]
    public string? Forme { get; set; }

    public ProjectOrigin? Origine { get; set; }

    public Indicator? Carte { get; set; }

    /// <summary>A period ends after it starts, and spans twenty years at most (the message goes beside its end).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Du is { } from && Au is { } to && (to < from || to.DayNumber - from.DayNumber > 366 * 20))
        {
            yield return new ValidationResult(PeriodMessage, [nameof(Au)]);
        }
    }
}

/// <summary>
/// The regional dashboard of the programme's indicators (coordination, administrators and public partners,
/// who read it and export it: nothing here changes data), and the same page limited to their own pôle for
/// pôle staff. Aggregates only: no names, no titles, small cells masked.
/// </summary>
[Area("Coordination")]
public sealed class DashboardController(DashboardQueries queries, ReferenceCache referenceCache, TimeProvider clock) : Controller
{
    private const string FiltersMessage = "Les filtres demandés ne sont pas valides : choisissez-les dans les listes.";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [HttpGet("/coordination")]
    [Authorize(Policy = Policies.ProgrammeIndicators)]
    public async Task<IActionResult> Index(DashboardQuery query, CancellationToken cancellationToken) =>
        Page(await ModelAsync(query, forcedPole: null, cancellationToken));

    [HttpGet("/pole/indicateurs")]
    [Authorize(Policy = Policies.Pole)]
    public async Task<IActionResult> Pole(DashboardQuery query, CancellationToken cancellationToken) =>
        Page(await ModelAsync(query, User.GetPoleId(), cancellationToken));

    [HttpGet("/coordination/export.csv")]
    [Authorize(Policy = Policies.ProgrammeIndicators)]
    public async Task<IActionResult> Csv(DashboardQuery query, string? table, CancellationToken cancellationToken)
    {
        var model = await ExportedAsync(query, cancellationToken);
        var (name, rows) = Tables(model).FirstOrDefault(t => t.Name == (table ?? "poles"));
        if (rows is null)
        {
            throw new DomainException("Ce tableau n'existe pas.");
        }

        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, new CsvConfiguration(French) { Delimiter = ";" }))
        {
            foreach (var header in rows[0].Keys)
            {
                csv.WriteField(header);
            }

            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                foreach (var cell in row.Values)
                {
                    csv.WriteField(cell);
                }

                await csv.NextRecordAsync();
            }
        }

        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"trajectoiress-{name}-{Slug(model.PeriodLabel)}.csv");
    }

    [HttpGet("/coordination/export.xlsx")]
    [Authorize(Policy = Policies.ProgrammeIndicators)]
    public async Task<IActionResult> Xlsx(DashboardQuery query, CancellationToken cancellationToken)
    {
        var model = await ExportedAsync(query, cancellationToken);
        var sheets = new Dictionary<string, object>();
        foreach (var (name, rows) in Tables(model))
        {
            sheets[name] = rows;
        }

        await using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"trajectoiress-{Slug(model.PeriodLabel)}.xlsx");
    }

    /// <summary>Every table of the page, as shown (masked cells included), for the exports.</summary>
    public static IReadOnlyList<(string Name, List<Dictionary<string, object>> Rows)> Tables(DashboardViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var figures = model.KeyFigures.Select(k => new Dictionary<string, object>
        {
            ["Indicateur"] = k.Definition.Label,
            ["Période"] = k.Value,
            ["Période précédente"] = k.Previous,
            ["Évolution"] = k.Change ?? string.Empty,
        }).ToList();
        var poles = model.Rows.Select(r =>
        {
            var row = new Dictionary<string, object> { ["Pôle"] = r.Pole.Name, ["Département"] = r.Pole.Departement };
            foreach (var definition in IndicatorCatalog.All)
            {
                row[definition.Label] = r.Cells[definition.Code].Display;
            }

            return row;
        }).ToList();
        var conversions = model.Data.Conversions.Select(c => new Dictionary<string, object> { ["Étape"] = c.Step, ["Projets"] = DashboardViewModel.Display(c.Projects) }).ToList();
        var flows = model.Data.Flows.Select(f => new Dictionary<string, object> { ["De"] = f.From, ["Vers"] = f.To, ["Projets"] = DashboardViewModel.Display(f.Projects) }).ToList();
        var delays = model.Data.Delays.Select(d => new Dictionary<string, object>
        {
            ["De"] = d.From,
            ["Vers"] = d.To,
            ["Projets"] = DashboardViewModel.Display(d.Projects),
            ["1er quartile (jours)"] = DashboardViewModel.Days(d.FirstQuartile),
            ["Médiane (jours)"] = DashboardViewModel.Days(d.Median),
            ["3e quartile (jours)"] = DashboardViewModel.Days(d.ThirdQuartile),
        }).ToList();
        var reasons = model.Data.AbandonReasons.Select(r => new Dictionary<string, object> { ["Motif d'abandon"] = r.Reason, ["Projets"] = DashboardViewModel.Display(r.Projects) }).ToList();
        return new List<(string, List<Dictionary<string, object>>)> { ("indicateurs", figures), ("poles", poles), ("conversions", conversions), ("flux", flows), ("delais", delays), ("abandons", reasons) }
            .Where(t => t.Item2.Count > 0)
            .ToList();
    }

    private static bool IsPeriod(string key) =>
        string.Equals(key, nameof(DashboardQuery.Du), StringComparison.OrdinalIgnoreCase) || string.Equals(key, nameof(DashboardQuery.Au), StringComparison.OrdinalIgnoreCase);

    private static string Slug(string text) => SearchText.Fold(text).Replace(' ', '-');

    /// <summary>The dashboard; with a period that cannot be read or is inverted, its form again with the message beside the period (a 400).</summary>
    private ViewResult Page(DashboardViewModel model)
    {
        var page = View("Index", model);
        page.StatusCode = ModelState.IsValid ? null : StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>The figures of an export: the filters must all be right (there is no form to show them again).</summary>
    private Task<DashboardViewModel> ExportedAsync(DashboardQuery query, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var inverted = ModelState[nameof(DashboardQuery.Au)]?.Errors.Any(e => e.ErrorMessage == DashboardQuery.PeriodMessage) == true;
            throw new DomainException(inverted ? DashboardQuery.PeriodMessage : FiltersMessage);
        }

        return ModelAsync(query, forcedPole: null, cancellationToken);
    }

    /// <summary>
    /// The figures for the filters. Filters that are not in the lists are refused; a period that is wrong (the only
    /// errors are on its dates) is kept in the form, with its message, and the year's figures are shown meanwhile.
    /// </summary>
    private async Task<DashboardViewModel> ModelAsync(DashboardQuery query, Guid? forcedPole, CancellationToken cancellationToken)
    {
        var invalid = ModelState.Where(e => e.Value?.ValidationState == ModelValidationState.Invalid).Select(e => e.Key).ToList();
        if (invalid.Any(key => !IsPeriod(key)))
        {
            throw new DomainException(FiltersMessage);
        }

        // The tiles are coloured by an indicator of the table by pôle (the delays along the trajectories are not by pôle).
        if (query.Carte is { } map && IndicatorCatalog.All.All(d => d.Code != map))
        {
            throw new DomainException(FiltersMessage);
        }

        var today = Format.ParisDate(clock.GetUtcNow());
        DashboardFilter filter;
        string label;
        int? year = null;
        if (query.Du is { } from && query.Au is { } to && invalid.Count == 0)
        {
            filter = new DashboardFilter(from, to.AddDays(1), null, null, null, null, null);
            label = $"du {from:dd/MM/yyyy} au {to:dd/MM/yyyy}";
        }
        else
        {
            year = query.Annee ?? today.Year;
            filter = DashboardFilter.Year(year.Value);
            label = $"année {year}";
        }

        filter = filter with
        {
            Departement = forcedPole is null ? query.Departement : null,
            PoleId = forcedPole ?? query.Pole,
            Sector = query.Secteur,
            LegalForm = query.Forme,
            Origin = query.Origine,
        };
        var reference = await referenceCache.GetAsync(cancellationToken);
        return new DashboardViewModel
        {
            Data = await queries.LoadAsync(filter, cancellationToken),
            RegionWide = forcedPole is null,
            PeriodLabel = label,
            Year = year,
            MapIndicator = query.Carte ?? Indicator.ProjectsWelcomed,
            Sectors = reference.Active(ListKind.Sector),
            LegalForms = reference.Active(ListKind.LegalForm),
            ReferenceVersion = reference.Version,
        };
    }
}
