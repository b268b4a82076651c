using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Financing;

public sealed record FinancingListModel(IReadOnlyList<FinancingLine> Lines, Paging Paging);

public sealed record FinancingPageModel(FinancingLine Line, IReadOnlyList<(DateOnly PaidOn, decimal Amount)> Payments, string? RefusalReason);

/// <summary>Financing applications (France Active Bretagne): decisions and payments.</summary>
[Route("structure/financements")]
public sealed class FinancingController(StructureQueries queries, StructureWorkspace workspace) : StructureController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([Range(1, 100000)] int page = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid)
        {
            throw new Domain.Common.DomainException("La page demandée n'est pas valide : revenez à la liste des demandes.");
        }

        var list = await queries.FinancingsAsync(StructureId, page, cancellationToken);
        return View(new FinancingListModel(list.Lines, list.Links(n => $"/structure/financements?page={n}")));
    }

    [HttpGet("{id:guid}")]
    public Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => PageAsync(id, cancellationToken);

    [HttpPost("{id:guid}/decision")]
    public Task<IActionResult> Decide(Guid id, string? decision, decimal? amountGranted, string? refusalReason, DateOnly? committeeOn, CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                var grant = decision switch
                {
                    "accorde" => true,
                    "refuse" => false,
                    _ => throw new Domain.Common.DomainException("Choisissez la décision du comité."),
                };
                await workspace.DecideFinancingAsync(StaffId, StructureId, id, grant, amountGranted, refusalReason, committeeOn, cancellationToken);
                return Here(id);
            },
            "La décision est enregistrée ; le pôle et les porteurs sont prévenus.",
            () => PageAsync(id, cancellationToken));

    [HttpPost("{id:guid}/versements")]
    public Task<IActionResult> AddPayment(Guid id, DateOnly? paidOn, decimal? amount, CancellationToken cancellationToken) =>
        ActAsync(async () => { await workspace.AddPaymentAsync(StaffId, StructureId, id, paidOn, amount, cancellationToken); return Here(id); }, "Le versement est enregistré.", () => PageAsync(id, cancellationToken));

    private static string Here(Guid id) => $"/structure/financements/{id}";

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var line = await queries.FinancingAsync(StructureId, id, cancellationToken);
        if (line is null)
        {
            return NotFound();
        }

        var application = await workspace.FindFinancingAsync(StructureId, id, cancellationToken);
        return View("Details", new FinancingPageModel(line, application.Payments.OrderBy(p => p.PaidOn).Select(p => (p.PaidOn, p.Amount)).ToList(), application.RefusalReason));
    }
}
