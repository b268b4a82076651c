using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.TerritoryNeeds;

public sealed record NeedsPageModel(IReadOnlyList<NeedLine> Needs, Paging Paging);

public sealed record NeedPageModel(NeedLine Need, string Description, string? Conclusion, IReadOnlyList<(Guid Id, string Title)> ReferredProjects);

/// <summary>The révélateur: territories' needs, their opportunity studies, and the hand-over to a porteur.</summary>
[Route("structure/besoins")]
public sealed class TerritoryNeedsController(StructureQueries queries, StructureWorkspace workspace, CommuneDirectory communes) : StructureController
{
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
    public Task<IActionResult> Raise(string? title, string? description, string? raisedBy, DateOnly? raisedOn, string? commune, CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                var match = await communes.ResolveAsync(commune, cancellationToken);
                if (match.Kind != CommuneMatchKind.Found)
                {
                    throw new Domain.Common.DomainException("Indiquez une commune de Bretagne (nom exact ou code postal).");
                }

                var need = await workspace.RaiseNeedAsync(StaffId, StructureId, new TerritoryNeedInput(title, description, raisedBy, raisedOn), match.Commune!.Code, cancellationToken);
                return $"/structure/besoins/{need.Id}";
            },
            "Le besoin du territoire est enregistré ; l'étude d'opportunité commence.",
            async () => View("Index", await ListAsync(1, cancellationToken)));

    [HttpGet("{id:guid}")]
    public Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => PageAsync(id, cancellationToken);

    [HttpPost("{id:guid}/conclusion")]
    public Task<IActionResult> Conclude(Guid id, string? result, string? conclusion, DateOnly? concludedOn, CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                var positive = result switch
                {
                    "concluante" => true,
                    "non-concluante" => false,
                    _ => throw new Domain.Common.DomainException("Indiquez si l'étude est concluante."),
                };
                await workspace.ConcludeNeedAsync(StaffId, StructureId, id, positive, conclusion, concludedOn, cancellationToken);
                return $"/structure/besoins/{id}";
            },
            "La conclusion de l'étude est enregistrée.",
            () => PageAsync(id, cancellationToken));

    [HttpPost("{id:guid}/remise")]
    public Task<IActionResult> HandOver(Guid id, string? porteurEmail, Guid? projectId, CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                await workspace.HandOverAsync(StaffId, StructureId, id, porteurEmail, projectId, cancellationToken);
                return $"/structure/besoins/{id}";
            },
            "L'étude est remise au porteur : le projet et son parcours apparaissent dans son espace.",
            () => PageAsync(id, cancellationToken));

    private async Task<NeedsPageModel> ListAsync(int page, CancellationToken cancellationToken)
    {
        var list = await queries.NeedsAsync(StructureId, page, cancellationToken);
        return new NeedsPageModel(list.Lines, list.Links(n => $"/structure/besoins?page={n}"));
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var line = await queries.NeedAsync(StructureId, id, cancellationToken);
        if (line is null)
        {
            return NotFound();
        }

        var need = await workspace.FindNeedAsync(StructureId, id, cancellationToken);
        return View("Details", new NeedPageModel(line, need.Description, need.Conclusion, await queries.ReferredProjectsAsync(StructureId, cancellationToken)));
    }
}
