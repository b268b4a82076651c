using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.TerritoryNeeds;

public sealed record NeedsPageModel(IReadOnlyList<NeedLine> Needs);

public sealed record NeedPageModel(NeedLine Need, string Description, string? Conclusion, IReadOnlyList<(Guid Id, string Title)> ReferredProjects);

/// <summary>The révélateur: territories' needs, their opportunity studies, and the hand-over to a porteur.</summary>
[Route("structure/besoins")]
public sealed class TerritoryNeedsController(StructureQueries queries, StructureWorkspace workspace, CommuneDirectory communes) : StructureController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(new NeedsPageModel(await queries.NeedsAsync(StructureId, cancellationToken: cancellationToken)));

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
            async () => View("Index", new NeedsPageModel(await queries.NeedsAsync(StructureId, cancellationToken: cancellationToken))));

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

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var line = (await queries.NeedsAsync(StructureId, id, cancellationToken)).SingleOrDefault();
        if (line is null)
        {
            return NotFound();
        }

        var need = await workspace.FindNeedAsync(StructureId, id, cancellationToken);
        return View("Details", new NeedPageModel(line, need.Description, need.Conclusion, await queries.ReferredProjectsAsync(StructureId, cancellationToken)));
    }
}
