using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Structure;

/// <summary>What every page of the structures' workspace shares: the policy, who acts, and how an action answers.</summary>
[Area("Structure")]
[Authorize(Policy = Policies.Structure)]
public abstract class StructureController : Controller
{
    protected Guid StructureId => User.GetStructureId() ?? throw new InvalidOperationException("The Structure policy guarantees a structure.");

    protected Guid StaffId => User.GetUserId();

    /// <summary>
    /// Runs one use case: on success, a confirmation and post/redirect/get; on a broken rule, the page again
    /// (<paramref name="page"/>) with the message at the top and what was typed kept in the forms.
    /// </summary>
    protected async Task<IActionResult> ActAsync(Func<Task<string>> action, string done, Func<Task<IActionResult>> page)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(page);
        var status = StatusCodes.Status400BadRequest;
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "Une des valeurs envoyées n'est pas valide : vérifiez le formulaire (dates au format jour/mois/année, montants en euros).");
        }
        else
        {
            try
            {
                var redirect = await action();
                TempData["Flash"] = done;
                return Redirect(redirect);
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                status = StatusCodes.Status409Conflict;
                ModelState.AddModelError(string.Empty, "Quelqu'un d'autre a modifié ces informations entre-temps. La page montre la version à jour ; vos saisies sont conservées : vérifiez-les, puis enregistrez à nouveau.");
            }
        }

        HttpContext.RequestServices.GetRequiredService<Infrastructure.Persistence.TrajectoirEssDbContext>().ChangeTracker.Clear();
        var result = await page();
        Response.StatusCode = result is NotFoundResult ? StatusCodes.Status404NotFound : status;
        return result;
    }
}
