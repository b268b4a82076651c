using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Sessions;

public sealed record SessionsPageModel(IReadOnlyList<SessionLine> Sessions, Paging Paging, IReadOnlyList<(Guid Id, string Name)> Programmes);

/// <summary>Sessions and cohorts of the structure's programmes; enrolment, the jury's selection, completion.</summary>
[Route("structure/sessions")]
public sealed class SessionsController(StructureQueries queries) : StructureController
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
    [FormPage("Index")]
    public async Task<IActionResult> Create(Guid? programmeId, string? name, DateOnly? startsOn, DateOnly? endsOn, string? place, int? capacity, DateOnly? juryOn, [FromServices] CreateSession create, CancellationToken cancellationToken)
    {
        var session = await create.RunAsync(StaffId, StructureId, programmeId, new SessionInput(name, startsOn, endsOn, place, capacity, juryOn), cancellationToken);
        return Done(Here(session.Id), "La session est créée.");
    }

    [HttpGet("{id:guid}")]
    public Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => PageAsync(id, cancellationToken);

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, uint version, string? name, DateOnly? startsOn, DateOnly? endsOn, string? place, int? capacity, DateOnly? juryOn, [FromServices] UpdateSession update, CancellationToken cancellationToken)
    {
        await update.RunAsync(StaffId, StructureId, id, version, new SessionInput(name, startsOn, endsOn, place, capacity, juryOn), cancellationToken);
        return Done(Here(id), "La session est modifiée.");
    }

    [HttpPost("{id:guid}/demarrer")]
    public async Task<IActionResult> Start(Guid id, [FromServices] ChangeSessionStatus changeStatus, CancellationToken cancellationToken)
    {
        await changeStatus.RunAsync(StaffId, StructureId, id, finish: false, cancellationToken);
        return Done(Here(id), "La session a commencé.");
    }

    [HttpPost("{id:guid}/terminer")]
    public async Task<IActionResult> Finish(Guid id, [FromServices] ChangeSessionStatus changeStatus, CancellationToken cancellationToken)
    {
        await changeStatus.RunAsync(StaffId, StructureId, id, finish: true, cancellationToken);
        return Done(Here(id), "La session est terminée.");
    }

    [HttpPost("{id:guid}/inscriptions")]
    public async Task<IActionResult> Enrol(Guid id, Guid? referralId, int? people, [FromServices] EnrolProject enrol, CancellationToken cancellationToken)
    {
        await enrol.RunAsync(StaffId, StructureId, id, referralId, people, cancellationToken);
        return Done(Here(id), "Le projet est inscrit (ou sa candidature enregistrée).");
    }

    [HttpPost("{id:guid}/inscriptions/{enrolmentId:guid}/jury")]
    public async Task<IActionResult> Decide(Guid id, Guid enrolmentId, [Required(ErrorMessage = "Choisissez une décision du jury.")] JuryDecision? decision, string? juryReason, [FromServices] RecordJuryDecision recordDecision, CancellationToken cancellationToken)
    {
        await recordDecision.RunAsync(StaffId, StructureId, id, enrolmentId, decision!.Value, juryReason, cancellationToken);
        return Done(Here(id), "La décision du jury est enregistrée.");
    }

    [HttpPost("{id:guid}/inscriptions/{enrolmentId:guid}/sortie")]
    public async Task<IActionResult> Leave(Guid id, Guid enrolmentId, string? leaveReason, [FromServices] LeaveSession leave, CancellationToken cancellationToken)
    {
        await leave.RunAsync(StaffId, StructureId, id, enrolmentId, leaveReason, cancellationToken);
        return Done(Here(id), "La sortie est enregistrée.");
    }

    [HttpPost("{id:guid}/inscriptions/{enrolmentId:guid}/issue")]
    public async Task<IActionResult> Complete(Guid id, Guid enrolmentId, EnrolmentOutcome? outcome, string? note, string? companyLegalForm, DateOnly? companyCreatedOn, string? siret, int? jobs, [FromServices] CompleteEnrolment complete, CancellationToken cancellationToken)
    {
        await complete.RunAsync(StaffId, StructureId, id, enrolmentId, outcome, note, new ClosingCompanyInput(companyLegalForm, companyCreatedOn, siret, jobs), cancellationToken);
        return Done(Here(id), "L'issue du programme est enregistrée.");
    }

    /// <summary>A refused action: the list (a new session) or the session's page again.</summary>
    protected override async Task<IActionResult?> FormAgainAsync(FormAgain form) =>
        form.View == "Index" ? await ListAsync(1, form.CancellationToken) : await PageAsync(form.Id, form.CancellationToken);

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
