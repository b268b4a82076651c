using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.TerritoryNeeds;

public sealed record NeedsPageModel(IReadOnlyList<NeedLine> Needs, Paging Paging);

/// <summary>A need's page; for a hand-over, the referred projects a search found (<see cref="StructureQueries.ReferredProjectsAsync"/>).</summary>
public sealed record NeedPageModel(NeedLine Need, string Description, string? Conclusion, string? Search, IReadOnlyList<HandOverChoice> ReferredProjects, int ReferredTotal);

/// <summary>The révélateur: territories' needs, their opportunity studies, and the hand-over to a porteur.</summary>
[Route("structure/besoins")]
public sealed class TerritoryNeedsController(StructureQueries queries, StructureRecords records, CommuneDirectory communes) : StructureController
{
    private const string ResultMissing = "Indiquez si l'étude est concluante.";

    [HttpGet("")]
    public async Task<IActionResult> Index([Range(1, 100000)] int page = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid)
        {
            throw new Domain.Common.DomainException("La page demandée n'est pas valide : revenez à la liste des besoins.");
        }

        return View(await ListAsync(page, cancellationToken));
    }

    [HttpPost("")]
    [FormPage("Index")]
    public async Task<IActionResult> Raise(string? title, string? description, string? raisedBy, DateOnly? raisedOn, string? commune, [FromServices] RaiseNeed raise, CancellationToken cancellationToken)
    {
        var match = await communes.ResolveAsync(commune, cancellationToken);
        if (match.Kind != CommuneMatchKind.Found)
        {
            throw new Domain.Common.DomainException("Indiquez une commune de Bretagne (nom exact ou code postal).", nameof(commune));
        }

        var need = await raise.RunAsync(StaffId, StructureId, new TerritoryNeedInput(title, description, raisedBy, raisedOn), match.Commune!.Code, cancellationToken);
        return Done($"/structure/besoins/{need.Id}", "Le besoin du territoire est enregistré ; l'étude d'opportunité commence.");
    }

    /// <summary>A need; <paramref name="projet"/> searches the referred projects a positive study can be handed over to.</summary>
    [HttpGet("{id:guid}")]
    public Task<IActionResult> Details(Guid id, [StringLength(Domain.Common.SearchText.MaxLength)] string? projet, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            throw new Domain.Common.DomainException("La recherche demandée n'est pas valide : revenez à la page du besoin.");
        }

        return PageAsync(id, cancellationToken, projet);
    }

    [HttpPost("{id:guid}/conclusion")]
    public async Task<IActionResult> Conclude(
        Guid id,
        [Required(ErrorMessage = ResultMissing), AllowedValues("concluante", "non-concluante", ErrorMessage = ResultMissing)] string? result,
        string? conclusion,
        DateOnly? concludedOn,
        [FromServices] ConcludeNeed conclude,
        CancellationToken cancellationToken)
    {
        await conclude.RunAsync(StaffId, StructureId, id, positive: result == "concluante", conclusion, concludedOn, cancellationToken);
        return Done($"/structure/besoins/{id}", "La conclusion de l'étude est enregistrée.");
    }

    [HttpPost("{id:guid}/remise")]
    public async Task<IActionResult> HandOver(Guid id, string? porteurEmail, Guid? projectId, [FromServices] HandOverNeed handOver, CancellationToken cancellationToken)
    {
        await handOver.RunAsync(StaffId, StructureId, id, porteurEmail, projectId, cancellationToken);
        return Done($"/structure/besoins/{id}", "L'étude est remise au porteur : le projet et son parcours apparaissent dans son espace.");
    }

    /// <summary>A refused action: the list (a new need) or the need's page again.</summary>
    protected override async Task<IActionResult?> FormAgainAsync(FormAgain form) =>
        form.View == "Index" ? View("Index", await ListAsync(1, form.CancellationToken)) : await PageAsync(form.Id, form.CancellationToken);

    private async Task<NeedsPageModel> ListAsync(int page, CancellationToken cancellationToken)
    {
        var list = await queries.NeedsAsync(StructureId, page, cancellationToken);
        return new NeedsPageModel(list.Lines, list.Links(n => $"/structure/besoins?page={n}"));
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken cancellationToken, string? search = null)
    {
        var line = await queries.NeedAsync(StructureId, id, cancellationToken);
        if (line is null)
        {
            return NotFound();
        }

        var need = await records.FindNeedAsync(StructureId, id, cancellationToken);
        var (projects, total) = line.Status == Domain.Programmes.TerritoryNeedStatus.ConcludedPositive
            ? await queries.ReferredProjectsAsync(StructureId, search, cancellationToken)
            : ([], 0);
        return View("Details", new NeedPageModel(line, need.Description, need.Conclusion, search, projects, total));
    }
}
