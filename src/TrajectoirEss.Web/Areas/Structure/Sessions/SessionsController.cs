using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Sessions;

public sealed record SessionsPageModel(IReadOnlyList<SessionLine> Sessions, Paging Paging, IReadOnlyList<(Guid Id, string Name)> Programmes);

/// <summary>Sessions and cohorts of the structure's programmes; enrolment, the jury's selection, completion.</summary>
[Route("structure/sessions")]
public sealed class SessionsController(StructureQueries queries, StructureWorkspace workspace) : StructureController
{
    [HttpGet("")]
    public Task<IActionResult> Index([Range(1, 100000)] int page = 1, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid)
        {
            throw new Domain.Common.DomainException("La page demandée n'est pas valide : revenez à la liste des sessions.");
        }

        return ListAsync(page, cancellationToken);
    }

    [HttpPost("")]
    public Task<IActionResult> Create(Guid? programmeId, string? name, DateOnly? startsOn, DateOnly? endsOn, string? place, int? capacity, DateOnly? juryOn, CancellationToken cancellationToken) =>
        ActAsync(
            async () => $"/structure/sessions/{(await workspace.CreateSessionAsync(StaffId, StructureId, programmeId, new SessionInput(name, startsOn, endsOn, place, capacity, juryOn), cancellationToken)).Id}",
            "La session est créée.",
            () => ListAsync(1, cancellationToken));

    [HttpGet("{id:guid}")]
    public Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => PageAsync(id, cancellationToken);

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Update(Guid id, uint version, string? name, DateOnly? startsOn, DateOnly? endsOn, string? place, int? capacity, DateOnly? juryOn, CancellationToken cancellationToken) =>
        ActAsync(async () => { await workspace.UpdateSessionAsync(StaffId, StructureId, id, version, new SessionInput(name, startsOn, endsOn, place, capacity, juryOn), cancellationToken); return Here(id); }, "La session est modifiée.", () => PageAsync(id, cancellationToken));

    [HttpPost("{id:guid}/demarrer")]
    public Task<IActionResult> Start(Guid id, CancellationToken cancellationToken) =>
        ActAsync(async () => { await workspace.ChangeSessionStatusAsync(StaffId, StructureId, id, finish: false, cancellationToken); return Here(id); }, "La session a commencé.", () => PageAsync(id, cancellationToken));

    [HttpPost("{id:guid}/terminer")]
    public Task<IActionResult> Finish(Guid id, CancellationToken cancellationToken) =>
        ActAsync(async () => { await workspace.ChangeSessionStatusAsync(StaffId, StructureId, id, finish: true, cancellationToken); return Here(id); }, "La session est terminée.", () => PageAsync(id, cancellationToken));

    [HttpPost("{id:guid}/inscriptions")]
    public Task<IActionResult> Enrol(Guid id, Guid? referralId, int? people, CancellationToken cancellationToken) =>
        ActAsync(async () => { await workspace.EnrolAsync(StaffId, StructureId, id, referralId, people, cancellationToken); return Here(id); }, "Le projet est inscrit (ou sa candidature enregistrée).", () => PageAsync(id, cancellationToken));

    [HttpPost("{id:guid}/inscriptions/{enrolmentId:guid}/jury")]
    public Task<IActionResult> Decide(Guid id, Guid enrolmentId, JuryDecision? decision, string? juryReason, CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                await workspace.DecideAsync(StaffId, StructureId, id, enrolmentId, decision ?? throw new Domain.Common.DomainException("Choisissez une décision du jury."), juryReason, cancellationToken);
                return Here(id);
            },
            "La décision du jury est enregistrée.",
            () => PageAsync(id, cancellationToken));

    [HttpPost("{id:guid}/inscriptions/{enrolmentId:guid}/sortie")]
    public Task<IActionResult> Leave(Guid id, Guid enrolmentId, string? leaveReason, CancellationToken cancellationToken) =>
        ActAsync(async () => { await workspace.LeaveAsync(StaffId, StructureId, id, enrolmentId, leaveReason, cancellationToken); return Here(id); }, "La sortie est enregistrée.", () => PageAsync(id, cancellationToken));

    [HttpPost("{id:guid}/inscriptions/{enrolmentId:guid}/issue")]
    public Task<IActionResult> Complete(Guid id, Guid enrolmentId, EnrolmentOutcome? outcome, string? note, string? companyLegalForm, DateOnly? companyCreatedOn, string? siret, int? jobs, CancellationToken cancellationToken) =>
        ActAsync(
            async () =>
            {
                await workspace.CompleteAsync(StaffId, StructureId, id, enrolmentId, outcome, note, new ClosingCompanyInput(companyLegalForm, companyCreatedOn, siret, jobs), cancellationToken);
                return Here(id);
            },
            "L'issue du programme est enregistrée.",
            () => PageAsync(id, cancellationToken));

    private static string Here(Guid id) => $"/structure/sessions/{id}";

    private async Task<IActionResult> ListAsync(int page, CancellationToken cancellationToken)
    {
        var list = await queries.SessionsAsync(StructureId, page, cancellationToken);
        return View("Index", new SessionsPageModel(list.Lines, list.Links(n => $"/structure/sessions?page={n}"), await queries.ProgrammesAsync(StructureId, cancellationToken)));
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var model = await queries.SessionAsync(StructureId, id, cancellationToken);
        return model is null ? NotFound() : View("Details", model);
    }
}
