using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Structures;

/// <summary>Support structures and their programmes: create, edit, deactivate (never delete).</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin")]
public sealed class StructuresController(StructureAdministration structures, TrajectoirEssDbContext db) : Controller
{
    private const string ConflictMessage = "Un autre administrateur a modifié cette fiche pendant que vous la consultiez. Comparez ce qui a été enregistré avec votre saisie, conservée ci-dessous, puis enregistrez à nouveau.";

    [HttpGet("structures")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await structures.ListAsync(cancellationToken));

    [HttpGet("structures/nouvelle")]
    public IActionResult New() => View(new StructureInput());

    [HttpPost("structures/nouvelle")]
    public async Task<IActionResult> New(StructureInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var id = await structures.CreateAsync(User.GetUserId(), input, cancellationToken);
                TempData["Flash"] = "La structure est créée. Ajoutez-lui ses programmes.";
                return Redirect($"/admin/structures/{id}");
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(input);
    }

    [HttpGet("structures/{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await structures.EditPageAsync(id, null, false, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("structures/{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Input")] StructureInput input, CancellationToken cancellationToken)
    {
        var conflict = false;
        if (ModelState.IsValid)
        {
            try
            {
                var changed = await structures.UpdateAsync(User.GetUserId(), id, input, cancellationToken);
                TempData["Flash"] = changed ? "La structure est enregistrée." : "Aucun changement à enregistrer.";
                return Redirect($"/admin/structures/{id}");
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex, "Input");
            }
            catch (DbUpdateConcurrencyException)
            {
                conflict = true;
                ModelState.AddModelError(string.Empty, ConflictMessage);
            }
        }

        db.ChangeTracker.Clear();
        var page = await structures.EditPageAsync(id, input, conflict, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return View(page);
    }

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
    public async Task<IActionResult> NewProgramme(Guid id, [Bind(Prefix = "Input")] ProgrammeInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var programmeId = await structures.CreateProgrammeAsync(User.GetUserId(), id, input, cancellationToken);
                TempData["Flash"] = "Le programme est créé.";
                return Redirect($"/admin/programmes/{programmeId}");
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex, "Input");
            }
        }

        db.ChangeTracker.Clear();
        var page = await structures.NewProgrammePageAsync(id, input, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Programme", page);
    }

    [HttpGet("programmes/{id:guid}")]
    public async Task<IActionResult> Programme(Guid id, CancellationToken cancellationToken) =>
        await structures.ProgrammePageAsync(id, null, false, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("programmes/{id:guid}")]
    public async Task<IActionResult> Programme(Guid id, [Bind(Prefix = "Input")] ProgrammeInput input, CancellationToken cancellationToken)
    {
        var conflict = false;
        if (ModelState.IsValid)
        {
            try
            {
                var changed = await structures.UpdateProgrammeAsync(User.GetUserId(), id, input, cancellationToken);
                TempData["Flash"] = changed ? "Le programme est enregistré." : "Aucun changement à enregistrer.";
                return Redirect($"/admin/programmes/{id}");
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex, "Input");
            }
            catch (DbUpdateConcurrencyException)
            {
                conflict = true;
                ModelState.AddModelError(string.Empty, ConflictMessage);
            }
        }

        db.ChangeTracker.Clear();
        var page = await structures.ProgrammePageAsync(id, input, conflict, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return View(page);
    }

    [HttpPost("programmes/{id:guid}/desactiver")]
    public Task<IActionResult> DeactivateProgramme(Guid id, CancellationToken cancellationToken) =>
        ProgrammeActAsync(id, "Le programme est désactivé : il n'est plus proposé, les parcours qui y sont passés restent lisibles.", () => structures.SetProgrammeActiveAsync(User.GetUserId(), id, false, cancellationToken), cancellationToken);

    [HttpPost("programmes/{id:guid}/reactiver")]
    public Task<IActionResult> ActivateProgramme(Guid id, CancellationToken cancellationToken) =>
        ProgrammeActAsync(id, "Le programme est réactivé.", () => structures.SetProgrammeActiveAsync(User.GetUserId(), id, true, cancellationToken), cancellationToken);

    private async Task<IActionResult> StructureActAsync(Guid id, string done, Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            TempData["Flash"] = done;
            return Redirect($"/admin/structures/{id}");
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
        }

        db.ChangeTracker.Clear();
        var page = await structures.EditPageAsync(id, null, false, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", page);
    }

    private async Task<IActionResult> ProgrammeActAsync(Guid id, string done, Func<Task<Guid>> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            TempData["Flash"] = done;
            return Redirect($"/admin/programmes/{id}");
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
        }

        db.ChangeTracker.Clear();
        var page = await structures.ProgrammePageAsync(id, null, false, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Programme", page);
    }
}
