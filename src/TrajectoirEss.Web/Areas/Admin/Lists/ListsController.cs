using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Lists;

/// <summary>The editable lists: sectors, legal forms, how porteurs heard of the programme, reasons.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/listes")]
public sealed class ListsController(ListAdministration lists, TrajectoirEssDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await lists.SummaryAsync(cancellationToken));

    [HttpGet("{kind}")]
    public async Task<IActionResult> Edit(ListKind kind, CancellationToken cancellationToken) =>
        ModelState.IsValid && Enum.IsDefined(kind) ? View(await lists.PageAsync(kind, null, cancellationToken)) : NotFound();

    [HttpPost("{kind}/ajouter")]
    public async Task<IActionResult> Add(ListKind kind, string? label, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(kind))
        {
            return NotFound();
        }

        try
        {
            await lists.AddAsync(User.GetUserId(), kind, label, cancellationToken);
            TempData["Flash"] = $"« {label?.Trim()} » est ajouté à la liste.";
            return Redirect($"/admin/listes/{kind}");
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ex.Field == nameof(ListItem.Label) ? "label" : string.Empty, ex.Message);
        }

        return await RefusedAsync(kind, null, cancellationToken);
    }

    [HttpPost("valeurs/{id:guid}")]
    public async Task<IActionResult> Update(Guid id, string? label, int? sortOrder, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError($"sortOrder-{id}", $"L'ordre est un nombre entier de 0 à {ListItem.MaxSortOrder}.");
            return await RefusedAsync(await KindOfAsync(id, cancellationToken), id, cancellationToken);
        }

        return await ActAsync(id, "La valeur est enregistrée.", () => lists.UpdateAsync(User.GetUserId(), id, label, sortOrder, cancellationToken), cancellationToken);
    }

    [HttpPost("valeurs/{id:guid}/monter")]
    public Task<IActionResult> MoveUp(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "L'ordre de la liste est enregistré.", () => lists.MoveAsync(User.GetUserId(), id, -1, cancellationToken), cancellationToken);

    [HttpPost("valeurs/{id:guid}/descendre")]
    public Task<IActionResult> MoveDown(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "L'ordre de la liste est enregistré.", () => lists.MoveAsync(User.GetUserId(), id, 1, cancellationToken), cancellationToken);

    [HttpPost("valeurs/{id:guid}/desactiver")]
    public Task<IActionResult> Deactivate(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "La valeur est désactivée : elle n'est plus proposée, les dossiers qui l'utilisent la gardent.", () => lists.SetActiveAsync(User.GetUserId(), id, false, cancellationToken), cancellationToken);

    [HttpPost("valeurs/{id:guid}/reactiver")]
    public Task<IActionResult> Activate(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "La valeur est réactivée.", () => lists.SetActiveAsync(User.GetUserId(), id, true, cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, string done, Func<Task<ListKind>> action, CancellationToken cancellationToken)
    {
        try
        {
            var kind = await action();
            TempData["Flash"] = done;
            return Redirect($"/admin/listes/{kind}");
        }
        catch (DomainException ex)
        {
            var field = ex.Field switch
            {
                nameof(ListItem.Label) => $"label-{id}",
                nameof(ListItem.SortOrder) => $"sortOrder-{id}",
                _ => string.Empty,
            };
            ModelState.AddModelError(field, ex.Message);
        }

        return await RefusedAsync(await KindOfAsync(id, cancellationToken), id, cancellationToken);
    }

    private async Task<ListKind> KindOfAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.ListItems.FindAsync([id], cancellationToken) is { } item ? item.Kind : throw new AdminRecordNotFoundException();
    }

    private async Task<IActionResult> RefusedAsync(ListKind kind, Guid? failedItem, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", await lists.PageAsync(kind, failedItem, cancellationToken));
    }
}
