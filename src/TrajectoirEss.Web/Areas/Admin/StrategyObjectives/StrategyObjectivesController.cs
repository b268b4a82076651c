using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.StrategyObjectives;

/// <summary>The strategy's axes and objectives: list by axis, create, edit, deactivate and reactivate (never delete).</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/objectifs")]
public sealed class StrategyObjectivesController(StrategyObjectiveAdministration objectives) : Controller, IShowsFormAgain
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await objectives.ListAsync(cancellationToken));

    [HttpGet("nouveau")]
    public IActionResult New() => View(new StrategyObjectiveInput());

    [HttpPost("nouveau")]
    [FormPage]
    public async Task<IActionResult> New(StrategyObjectiveInput input, CancellationToken cancellationToken)
    {
        var id = await objectives.CreateAsync(User.GetUserId(), input, cancellationToken);
        return this.RedirectWithFlash($"/admin/objectifs/{id}", "L'objectif est créé : il est proposé pour les nouveaux engagements.");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await objectives.EditPageAsync(id, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}")]
    [FormPage(Prefix = "Input")]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Input")] StrategyObjectiveInput input, CancellationToken cancellationToken) =>
        this.RedirectWithFlash($"/admin/objectifs/{id}", await objectives.UpdateAsync(User.GetUserId(), id, input, cancellationToken)
            ? "L'objectif est enregistré."
            : "Aucun changement à enregistrer.");

    [HttpPost("{id:guid}/desactiver")]
    [FormPage("Edit")]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken cancellationToken)
    {
        await objectives.SetActiveAsync(User.GetUserId(), id, false, cancellationToken);
        return this.RedirectWithFlash($"/admin/objectifs/{id}", "L'objectif est désactivé : il n'est plus proposé ; les engagements qui le servent le gardent.");
    }

    [HttpPost("{id:guid}/reactiver")]
    [FormPage("Edit")]
    public async Task<IActionResult> Activate(Guid id, CancellationToken cancellationToken)
    {
        await objectives.SetActiveAsync(User.GetUserId(), id, true, cancellationToken);
        return this.RedirectWithFlash($"/admin/objectifs/{id}", "L'objectif est réactivé.");
    }

    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        object? page = form.Action == nameof(New)
            ? form.Argument<StrategyObjectiveInput>("input")
            : await objectives.EditPageAsync(form.Id, form.Argument<StrategyObjectiveInput>("input"), form.CancellationToken);
        return page is null ? null : View(form.View, page);
    }
}
