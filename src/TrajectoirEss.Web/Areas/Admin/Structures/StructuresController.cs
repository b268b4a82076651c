using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Structures;

/// <summary>Support structures and their programmes: create, edit, deactivate (never delete).</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin")]
public sealed class StructuresController(StructureAdministration structures) : Controller, IShowsFormAgain
{
    private const string ConflictMessage = "Un autre administrateur a modifié cette fiche pendant que vous la consultiez. Comparez ce qui a été enregistré avec votre saisie, conservée ci-dessous, puis enregistrez à nouveau.";

    [HttpGet("structures")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await structures.ListAsync(cancellationToken));

    [HttpGet("structures/nouvelle")]
    public IActionResult New() => View(new StructureInput());

    [HttpPost("structures/nouvelle")]
    [FormPage]
    public async Task<IActionResult> New(StructureInput input, CancellationToken cancellationToken)
    {
        var id = await structures.CreateAsync(User.GetUserId(), input, cancellationToken);
        return this.RedirectWithFlash($"/admin/structures/{id}", "La structure est créée. Ajoutez-lui ses programmes.");
    }

    [HttpGet("structures/{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await structures.EditPageAsync(id, null, false, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("structures/{id:guid}")]
    [FormPage(Prefix = "Input", ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Input")] StructureInput input, CancellationToken cancellationToken) =>
        this.RedirectWithFlash($"/admin/structures/{id}", await structures.UpdateAsync(User.GetUserId(), id, input, cancellationToken)
            ? "La structure est enregistrée."
            : "Aucun changement à enregistrer.");

    [HttpPost("structures/{id:guid}/desactiver")]
    [FormPage("Edit")]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken cancellationToken)
    {
        await structures.SetActiveAsync(User.GetUserId(), id, false, cancellationToken);
        return this.RedirectWithFlash($"/admin/structures/{id}", "La structure est désactivée : elle n'est plus proposée, ses parcours passés restent lisibles.");
    }

    [HttpPost("structures/{id:guid}/reactiver")]
    [FormPage("Edit")]
    public async Task<IActionResult> Activate(Guid id, CancellationToken cancellationToken)
    {
        await structures.SetActiveAsync(User.GetUserId(), id, true, cancellationToken);
        return this.RedirectWithFlash($"/admin/structures/{id}", "La structure est réactivée.");
    }

    [HttpGet("structures/{id:guid}/programmes/nouveau")]
    public async Task<IActionResult> NewProgramme(Guid id, CancellationToken cancellationToken) =>
        await structures.NewProgrammePageAsync(id, null, cancellationToken) is { } page ? View("Programme", page) : NotFound();

    [HttpPost("structures/{id:guid}/programmes/nouveau")]
    [FormPage("Programme", Prefix = "Input")]
    public async Task<IActionResult> NewProgramme(Guid id, [Bind(Prefix = "Input")] ProgrammeInput input, CancellationToken cancellationToken)
    {
        var programme = await structures.CreateProgrammeAsync(User.GetUserId(), id, input, cancellationToken);
        return this.RedirectWithFlash($"/admin/programmes/{programme}", "Le programme est créé.");
    }

    [HttpGet("programmes/{id:guid}")]
    public async Task<IActionResult> Programme(Guid id, CancellationToken cancellationToken) =>
        await structures.ProgrammePageAsync(id, null, false, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("programmes/{id:guid}")]
    [FormPage(Prefix = "Input", ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> Programme(Guid id, [Bind(Prefix = "Input")] ProgrammeInput input, CancellationToken cancellationToken) =>
        this.RedirectWithFlash($"/admin/programmes/{id}", await structures.UpdateProgrammeAsync(User.GetUserId(), id, input, cancellationToken)
            ? "Le programme est enregistré."
            : "Aucun changement à enregistrer.");

    [HttpPost("programmes/{id:guid}/desactiver")]
    [FormPage("Programme")]
    public async Task<IActionResult> DeactivateProgramme(Guid id, CancellationToken cancellationToken)
    {
        await structures.SetProgrammeActiveAsync(User.GetUserId(), id, false, cancellationToken);
        return this.RedirectWithFlash($"/admin/programmes/{id}", "Le programme est désactivé : il n'est plus proposé, les parcours qui y sont passés restent lisibles.");
    }

    [HttpPost("programmes/{id:guid}/reactiver")]
    [FormPage("Programme")]
    public async Task<IActionResult> ActivateProgramme(Guid id, CancellationToken cancellationToken)
    {
        await structures.SetProgrammeActiveAsync(User.GetUserId(), id, true, cancellationToken);
        return this.RedirectWithFlash($"/admin/programmes/{id}", "Le programme est réactivé.");
    }

    /// <summary>
    /// A refused change: the creation form, or the page of the structure, of a new programme or of a programme
    /// (<see cref="FormAgain.Id"/> is the structure's for a new programme), with what was typed.
    /// </summary>
    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        var cancellationToken = form.CancellationToken;
        object? page = form.Action switch
        {
            nameof(New) => form.Argument<StructureInput>("input"),
            nameof(NewProgramme) => await structures.NewProgrammePageAsync(form.Id, form.Argument<ProgrammeInput>("input"), cancellationToken),
            _ when form.View == nameof(Programme) => await structures.ProgrammePageAsync(form.Id, form.Argument<ProgrammeInput>("input"), form.Conflict, cancellationToken),
            _ => await structures.EditPageAsync(form.Id, form.Argument<StructureInput>("input"), form.Conflict, cancellationToken),
        };
        return page is null ? null : View(form.View, page);
    }
}
