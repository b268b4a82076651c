using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Areas.Admin.Shared;

/// <summary>
/// How every administration form answers a submission: when the change goes through, a confirmation and a
/// redirect; when a rule refuses it (or, for forms that say so, someone saved meanwhile), the same page again
/// with the message next to its field, what was typed kept, and a 400 (409 for a conflict) — nothing written.
/// </summary>
public abstract class AdminFormController(TrajectoirEssDbContext db) : Controller
{
    /// <param name="change">Makes the change; answers where to go next and the confirmation to show there.</param>
    /// <param name="page">The page to show again (argument: whether the refusal is a conflict); null answers a 404.</param>
    /// <param name="view">The view to show again, when it is not the action's own.</param>
    /// <param name="prefix">The prefix of the form's fields, for errors that name one.</param>
    /// <param name="conflictMessage">When set, a concurrent save is answered with this message and a 409.</param>
    protected async Task<IActionResult> SubmitAsync(
        Func<Task<(string Next, string Done)>> change,
        Func<bool, Task<object?>> page,
        string? view = null,
        string? prefix = null,
        string? conflictMessage = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(page);
        var conflict = false;
        if (ModelState.IsValid)
        {
            try
            {
                var (next, done) = await change();
                TempData["Flash"] = done;
                return Redirect(next);
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex, prefix);
            }
            catch (DbUpdateConcurrencyException) when (conflictMessage is not null)
            {
                conflict = true;
                ModelState.AddModelError(string.Empty, conflictMessage);
            }
        }

        db.ChangeTracker.Clear();
        if (await page(conflict) is not { } model)
        {
            return NotFound();
        }

        Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return View(view, model);
    }
}
