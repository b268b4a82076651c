using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Poles;

/// <summary>Pôles: identity, contact, verification, perimeter (a set of EPCI), creation, deactivation.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/poles")]
public sealed class PolesController(PoleAdministration poles) : Controller, IShowsFormAgain
{
    private const string ConflictMessage = "Un autre administrateur a modifié ce pôle pendant que vous le consultiez. Comparez ce qui a été enregistré avec votre saisie, conservée ci-dessous, puis enregistrez à nouveau.";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await poles.ListAsync(cancellationToken));

    [HttpGet("nouveau")]
    public IActionResult New() => View(new NewPoleInput());

    [HttpPost("nouveau")]
    [FormPage]
    public async Task<IActionResult> New(NewPoleInput input, CancellationToken cancellationToken)
    {
        var id = await poles.CreateAsync(User.GetUserId(), input, cancellationToken);
        return this.RedirectWithFlash($"/admin/poles/{id}/perimetre", "Le pôle est créé. Son périmètre est vide : cochez les intercommunalités qu'il reprend.");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await poles.EditPageAsync(id, null, false, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}")]
    [FormPage(Prefix = "Input", ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Input")] PoleInput input, CancellationToken cancellationToken) =>
        Done(id, await poles.UpdateAsync(User.GetUserId(), id, input, cancellationToken)
            ? "Les informations du pôle sont enregistrées."
            : "Aucun changement à enregistrer.");

    [HttpGet("{id:guid}/perimetre")]
    public async Task<IActionResult> Perimeter(Guid id, CancellationToken cancellationToken) =>
        await poles.PerimeterPageAsync(id, null, null, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/perimetre")]
    [FormPage]
    public async Task<IActionResult> Perimeter(Guid id, string[]? epci, string[]? communes, CancellationToken cancellationToken)
    {
        var change = await poles.ChangePerimeterAsync(User.GetUserId(), id, Ticked(epci), Ticked(communes), cancellationToken);
        if (change.IsAllowed)
        {
            return this.RedirectWithFlash($"/admin/poles/{id}/perimetre", change.IsEmpty
                ? "Aucun changement : le périmètre était déjà celui-là."
                : $"Le périmètre est enregistré ({change.Taken.Count + change.CommunesTaken.Count} ajout(s), {change.Released.Count} retrait(s)). Les nouveaux projets déposés suivent ce périmètre ; les projets déjà déposés restent suivis par leur pôle.");
        }

        // Refused, nothing changed: the page again, with the places that would be left without a pôle.
        ModelState.AddModelError(string.Empty, "Ce changement de périmètre est refusé, rien n'a été modifié : " + change.Coverage.Describe() + " Cochez ces intercommunalités dans le périmètre d'un autre pôle d'abord, ou gardez-les ici.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await PerimeterAgainAsync(id, epci, communes, change, cancellationToken) ?? NotFound();
    }

    [HttpPost("{id:guid}/desactiver")]
    [FormPage("Edit")]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken cancellationToken)
    {
        await poles.DeactivateAsync(User.GetUserId(), id, cancellationToken);
        return Done(id, "Le pôle est désactivé : il n'est plus proposé pour les transferts ; son équipe garde l'accès à ses projets.");
    }

    [HttpPost("{id:guid}/reactiver")]
    [FormPage("Edit")]
    public async Task<IActionResult> Activate(Guid id, CancellationToken cancellationToken)
    {
        await poles.ActivateAsync(User.GetUserId(), id, cancellationToken);
        return Done(id, "Le pôle est réactivé.");
    }

    /// <summary>A refused change: the creation form, the perimeter, or the pôle's page, with what was typed.</summary>
    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        switch (form.View)
        {
            case nameof(New):
                return View(form.View, form.Argument<NewPoleInput>("input"));
            case nameof(Perimeter):
                return await PerimeterAgainAsync(form.Id, form.Argument<string[]>("epci"), form.Argument<string[]>("communes"), null, form.CancellationToken);
            default:
                var page = await poles.EditPageAsync(form.Id, form.Argument<PoleInput>("input"), form.Conflict, form.CancellationToken);
                return page is null ? null : View(form.View, page);
        }
    }

    private static List<string> Ticked(string[]? values) => (values ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();

    private async Task<IActionResult?> PerimeterAgainAsync(Guid id, string[]? epci, string[]? communes, Domain.Territory.PerimeterChange? refused, CancellationToken cancellationToken) =>
        await poles.PerimeterPageAsync(id, Ticked(epci), Ticked(communes), refused, cancellationToken) is { } page ? View(nameof(Perimeter), page) : null;

    private RedirectResult Done(Guid id, string flash) => this.RedirectWithFlash($"/admin/poles/{id}", flash);
}
