using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Structures;

/// <summary>Support structures and their programmes: create, edit, deactivate (never delete).</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin")]
public sealed class StructuresController(StructureAdministration structures, TrajectoirEssDbContext db) : AdminFormController(db)
{
    private const string ConflictMessage = "Un autre administrateur a modifié cette fiche pendant que vous la consultiez. Comparez ce qui a été enregistré avec votre saisie, conservée ci-dessous, puis enregistrez à nouveau.";

    [HttpGet("structures")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await structures.ListAsync(cancellationToken));

    [HttpGet("structures/nouvelle")]
    public IActionResult New() => View(new StructureInput());

    [HttpPost("structures/nouvelle")]
    public Task<IActionResult> New(StructureInput input, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () => ($"/admin/structures/{await structures.CreateAsync(User.GetUserId(), input, cancellationToken)}",
                "La structure est créée. Ajoutez-lui ses programmes."),
            _ => Task.FromResult<object?>(input));

    [HttpGet("structures/{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await structures.EditPageAsync(id, null, false, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("structures/{id:guid}")]
    public Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Input")] StructureInput input, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () => ($"/admin/structures/{id}", await structures.UpdateAsync(User.GetUserId(), id, input, cancellationToken)
                ? "La structure est enregistrée."
                : "Aucun changement à enregistrer."),
            async conflict => await structures.EditPageAsync(id, input, conflict, cancellationToken),
            prefix: "Input",
            conflictMessage: ConflictMessage);

    [HttpPost("structures/{id:guid}/desactiver")]
    public Task<IActionResult> Deactivate(Guid id, CancellationToken cancellationToken) =>
        StructureActAsync(id, "La structure est désactivée : elle n'est plus proposée, ses parcours passés restent lisibles.", () => structures.SetActiveAsync(User.GetUserId(), id, false, cancellationToken), cancellationToken);

    [HttpPost("structures/{id:guid}/reactiver")]
    public Task<IActionResult> Activate(Guid id, CancellationToken cancellationToken) =>
        StructureActAsync(id, "La structure est réactivée.", () => structures.SetActiveAsync(User.GetUserId(), id, true, cancellationToken), cancellationToken);

    [HttpGet("structures/{id:guid}/programmes/nouveau")]
    public async Task<IActionResult> NewProgramme(Guid id, CancellationToken cancellationToken) =>
        await structures.NewProgrammePageAsync(id, null, cancellationToken) is { } page ? View("Programme", page) : NotFound();

    [HttpPost("structures/{id:guid}/programmes/nouveau")]
    public Task<IActionResult> NewProgramme(Guid id, [Bind(Prefix = "Input")] ProgrammeInput input, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () => ($"/admin/programmes/{await structures.CreateProgrammeAsync(User.GetUserId(), id, input, cancellationToken)}", "Le programme est créé."),
            async _ => await structures.NewProgrammePageAsync(id, input, cancellationToken),
            view: "Programme",
            prefix: "Input");

    [HttpGet("programmes/{id:guid}")]
    public async Task<IActionResult> Programme(Guid id, CancellationToken cancellationToken) =>
        await structures.ProgrammePageAsync(id, null, false, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("programmes/{id:guid}")]
    public Task<IActionResult> Programme(Guid id, [Bind(Prefix = "Input")] ProgrammeInput input, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () => ($"/admin/programmes/{id}", await structures.UpdateProgrammeAsync(User.GetUserId(), id, input, cancellationToken)
                ? "Le programme est enregistré."
                : "Aucun changement à enregistrer."),
            async conflict => await structures.ProgrammePageAsync(id, input, conflict, cancellationToken),
            prefix: "Input",
            conflictMessage: ConflictMessage);

    [HttpPost("programmes/{id:guid}/desactiver")]
    public Task<IActionResult> DeactivateProgramme(Guid id, CancellationToken cancellationToken) =>
        ProgrammeActAsync(id, "Le programme est désactivé : il n'est plus proposé, les parcours qui y sont passés restent lisibles.", () => structures.SetProgrammeActiveAsync(User.GetUserId(), id, false, cancellationToken), cancellationToken);

    [HttpPost("programmes/{id:guid}/reactiver")]
    public Task<IActionResult> ActivateProgramme(Guid id, CancellationToken cancellationToken) =>
        ProgrammeActAsync(id, "Le programme est réactivé.", () => structures.SetProgrammeActiveAsync(User.GetUserId(), id, true, cancellationToken), cancellationToken);

    private Task<IActionResult> StructureActAsync(Guid id, string done, Func<Task> action, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () =>
            {
                await action();
                return ($"/admin/structures/{id}", done);
            },
            async _ => await structures.EditPageAsync(id, null, false, cancellationToken),
            view: "Edit");

    private Task<IActionResult> ProgrammeActAsync(Guid id, string done, Func<Task<Guid>> action, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () =>
            {
                await action();
                return ($"/admin/programmes/{id}", done);
            },
            async _ => await structures.ProgrammePageAsync(id, null, false, cancellationToken),
            view: "Programme");
}
