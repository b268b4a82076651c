using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Financing;

public sealed record FinancingListModel(IReadOnlyList<FinancingLine> Lines, Paging Paging);

public sealed record FinancingPageModel(FinancingLine Line, IReadOnlyList<(DateOnly PaidOn, decimal Amount)> Payments, string? RefusalReason);

/// <summary>Financing applications (France Active Bretagne): decisions and payments.</summary>
[Route("structure/financements")]
public sealed class FinancingController(StructureQueries queries, StructureRecords records) : StructureController
{
    private const string DecisionMissing = "Choisissez la décision du comité.";

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
    public async Task<IActionResult> Decide(
        Guid id,
        [Required(ErrorMessage = DecisionMissing), AllowedValues("accorde", "refuse", ErrorMessage = DecisionMissing)] string? decision,
        decimal? amountGranted,
        string? refusalReason,
        DateOnly? committeeOn,
        [FromServices] DecideFinancing decide,
        CancellationToken cancellationToken)
    {
        await decide.RunAsync(StaffId, StructureId, id, grant: decision == "accorde", amountGranted, refusalReason, committeeOn, cancellationToken);
        return Done(Here(id), "La décision est enregistrée ; le pôle et les porteurs sont prévenus.");
    }

    [HttpPost("{id:guid}/versements")]
    public async Task<IActionResult> AddPayment(Guid id, DateOnly? paidOn, decimal? amount, [FromServices] AddPayment addPayment, CancellationToken cancellationToken)
    {
        await addPayment.RunAsync(StaffId, StructureId, id, paidOn, amount, cancellationToken);
        return Done(Here(id), "Le versement est enregistré.");
    }

    protected override async Task<IActionResult?> FormAgainAsync(FormAgain form) => await PageAsync(form.Id, form.CancellationToken);

    private static string Here(Guid id) => $"/structure/financements/{id}";

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var line = await queries.FinancingAsync(StructureId, id, cancellationToken);
        if (line is null)
        {
            return NotFound();
        }

        var application = await records.FindFinancingAsync(StructureId, id, cancellationToken);
        return View("Details", new FinancingPageModel(line, application.Payments.OrderBy(p => p.PaidOn).Select(p => (p.PaidOn, p.Amount)).ToList(), application.RefusalReason));
    }
}
