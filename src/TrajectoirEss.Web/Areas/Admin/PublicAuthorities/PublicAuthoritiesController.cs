using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.PublicAuthorities;

/// <summary>Public authorities (the public partners' organisations): list and search, create, edit, deactivate (never delete).</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/autorites")]
public sealed class PublicAuthoritiesController(PublicAuthorityAdministration authorities) : Controller, IShowsFormAgain
{
    private const string ConflictMessage = "Un autre administrateur a modifié cette fiche pendant que vous la consultiez. Comparez ce qui a été enregistré avec votre saisie, conservée ci-dessous, puis enregistrez à nouveau.";

    [HttpGet("")]
    public async Task<IActionResult> Index(PublicAuthorityFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            throw new DomainException("La recherche demandée n'est pas valide : revenez à la liste des autorités publiques.");
        }

        return View(await authorities.ListAsync(filter, cancellationToken));
    }

    [HttpGet("nouvelle")]
    public IActionResult New() => View(new PublicAuthorityInput());

    [HttpPost("nouvelle")]
    [FormPage]
    public async Task<IActionResult> New(PublicAuthorityInput input, CancellationToken cancellationToken)
    {
        var id = await authorities.CreateAsync(User.GetUserId(), input, cancellationToken);
        return this.RedirectWithFlash($"/admin/autorites/{id}", "L'autorité publique est créée. Invitez ses partenaires depuis la page des comptes.");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await authorities.EditPageAsync(id, null, false, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}")]
    [FormPage(Prefix = "Input", ConflictMessage = ConflictMessage)]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Input")] PublicAuthorityInput input, CancellationToken cancellationToken) =>
        this.RedirectWithFlash($"/admin/autorites/{id}", await authorities.UpdateAsync(User.GetUserId(), id, input, cancellationToken)
            ? "L'autorité publique est enregistrée."
            : "Aucun changement à enregistrer.");

    [HttpPost("{id:guid}/desactiver")]
    [FormPage("Edit")]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken cancellationToken)
    {
        await authorities.SetActiveAsync(User.GetUserId(), id, false, cancellationToken);
        return this.RedirectWithFlash($"/admin/autorites/{id}", "L'autorité publique est désactivée : elle n'est plus proposée pour un nouveau compte ; ses comptes restent tels quels.");
    }

    [HttpPost("{id:guid}/reactiver")]
    [FormPage("Edit")]
    public async Task<IActionResult> Activate(Guid id, CancellationToken cancellationToken)
    {
        await authorities.SetActiveAsync(User.GetUserId(), id, true, cancellationToken);
        return this.RedirectWithFlash($"/admin/autorites/{id}", "L'autorité publique est réactivée.");
    }

    /// <summary>A refused change: the creation form, or the authority's page, with what was typed.</summary>
    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        object? page = form.Action == nameof(New)
            ? form.Argument<PublicAuthorityInput>("input")
            : await authorities.EditPageAsync(form.Id, form.Argument<PublicAuthorityInput>("input"), form.Conflict, form.CancellationToken);
        return page is null ? null : View(form.View, page);
    }
}
