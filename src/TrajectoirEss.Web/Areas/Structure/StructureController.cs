using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Structure;

/// <summary>
/// What every page of the structures' workspace shares: the policy, who acts, and how an action answers. An action
/// runs one use case, then a confirmation and post/redirect/get (<see cref="Done"/>); a refused one shows its page
/// again (the record's details, unless the action names another) with the message at the top and what was typed
/// kept in the forms (<see cref="RefusalFilter"/>, <see cref="FormAgainAsync"/>).
/// </summary>
[Area("Structure")]
[Authorize(Policy = Policies.Structure)]
[FormPage(
    "Details",
    ConflictMessage = "Quelqu'un d'autre a modifié ces informations entre-temps. La page montre la version à jour ; vos saisies sont conservées : vérifiez-les, puis enregistrez à nouveau.",
    InvalidValueMessage = "Une des valeurs envoyées n'est pas valide : vérifiez le formulaire (dates au format jour/mois/année, montants en euros).")]
public abstract class StructureController : Controller, IShowsFormAgain
{
    protected Guid StructureId => User.GetStructureId() ?? throw new InvalidOperationException("The Structure policy guarantees a structure.");

    protected Guid StaffId => User.GetUserId();

    Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form) => FormAgainAsync(form);

    /// <summary>The page of a refused action (<see cref="FormAgain.View"/>), as the record is now; null or a 404 when it is not there.</summary>
    protected abstract Task<IActionResult?> FormAgainAsync(FormAgain form);

    /// <summary>The change is made: a confirmation, shown on the page the person is sent to.</summary>
    protected RedirectResult Done(string next, string flash) => this.RedirectWithFlash(next, flash);
}
