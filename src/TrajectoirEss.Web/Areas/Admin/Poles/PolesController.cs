using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Poles;

/// <summary>Pôles: identity, contact, verification, perimeter (a set of EPCI), creation, deactivation.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/poles")]
public sealed class PolesController(PoleAdministration poles, TrajectoirEssDbContext db) : AdminFormController(db)
{
    private readonly TrajectoirEssDbContext db = db;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await poles.ListAsync(cancellationToken));

    [HttpGet("nouveau")]
    public IActionResult New() => View(new NewPoleInput());

    [HttpPost("nouveau")]
    public Task<IActionResult> New(NewPoleInput input, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () => ($"/admin/poles/{await poles.CreateAsync(User.GetUserId(), input, cancellationToken)}/perimetre",
                "Le pôle est créé. Son périmètre est vide : cochez les intercommunalités qu'il reprend."),
            _ => Task.FromResult<object?>(input));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await poles.EditPageAsync(id, null, false, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Input")] PoleInput input, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () => ($"/admin/poles/{id}", await poles.UpdateAsync(User.GetUserId(), id, input, cancellationToken)
                ? "Les informations du pôle sont enregistrées."
                : "Aucun changement à enregistrer."),
            async conflict => await poles.EditPageAsync(id, input, conflict, cancellationToken),
            prefix: "Input",
            conflictMessage: "Un autre administrateur a modifié ce pôle pendant que vous le consultiez. Comparez ce qui a été enregistré avec votre saisie, conservée ci-dessous, puis enregistrez à nouveau.");

    [HttpGet("{id:guid}/perimetre")]
    public async Task<IActionResult> Perimeter(Guid id, CancellationToken cancellationToken) =>
        await poles.PerimeterPageAsync(id, null, null, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/perimetre")]
    public async Task<IActionResult> Perimeter(Guid id, string[]? epci, string[]? communes, CancellationToken cancellationToken)
    {
        var sirens = (epci ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        var codes = (communes ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        Domain.Territory.PerimeterChange? refused = null;
        try
        {
            var change = await poles.ChangePerimeterAsync(User.GetUserId(), id, sirens, codes, cancellationToken);
            if (change.IsAllowed)
            {
                TempData["Flash"] = change.IsEmpty
                    ? "Aucun changement : le périmètre était déjà celui-là."
                    : $"Le périmètre est enregistré ({change.Taken.Count + change.CommunesTaken.Count} ajout(s), {change.Released.Count} retrait(s)). Les nouveaux projets déposés suivent ce périmètre ; les projets déjà déposés restent suivis par leur pôle.";
                return Redirect($"/admin/poles/{id}/perimetre");
            }

            refused = change;
            ModelState.AddModelError(string.Empty, "Ce changement de périmètre est refusé, rien n'a été modifié : " + change.Coverage.Describe() + " Cochez ces intercommunalités dans le périmètre d'un autre pôle d'abord, ou gardez-les ici.");
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
        }

        db.ChangeTracker.Clear();
        var page = await poles.PerimeterPageAsync(id, sirens, codes, refused, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(page);
    }

    [HttpPost("{id:guid}/desactiver")]
    public Task<IActionResult> Deactivate(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "Le pôle est désactivé : il n'est plus proposé pour les transferts ; son équipe garde l'accès à ses projets.", () => poles.DeactivateAsync(User.GetUserId(), id, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/reactiver")]
    public Task<IActionResult> Activate(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "Le pôle est réactivé.", () => poles.ActivateAsync(User.GetUserId(), id, cancellationToken), cancellationToken);

    private Task<IActionResult> ActAsync(Guid id, string done, Func<Task> action, CancellationToken cancellationToken) =>
        SubmitAsync(
            async () =>
            {
                await action();
                return ($"/admin/poles/{id}", done);
            },
            async _ => await poles.EditPageAsync(id, null, false, cancellationToken),
            view: "Edit");
}
