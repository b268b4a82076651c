using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Evaluation.Declarations;

/// <summary>
/// The organisations' declarations for the evaluation's campaigns: the values of the declared indicators, entered,
/// corrected and submitted to the coordination. Only the organisations asked reach a campaign's forms; everyone
/// else gets 404.
/// </summary>
[Authorize(Policy = Policies.PlatformMember)]
[Route("plateforme/evaluation/declarations")]
public sealed class DeclarationsController(Declarations declarations) : Controller, IShowsFormAgain
{
    private const string PageView = "~/Features/Evaluation/Declarations/Index.cshtml";
    private const string PagePath = "/plateforme/evaluation/declarations";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(PageView, await declarations.PageAsync(User, null, null, cancellationToken));

    [HttpPost("{id:guid}/indicateurs/{indicatorId:guid}")]
    [FormPage(PageView, Prefix = "Input")]
    public async Task<IActionResult> Declare(Guid id, Guid indicatorId, [Bind(Prefix = "Input")] DeclarationInput input, CancellationToken cancellationToken) =>
        await declarations.DeclareAsync(User, id, indicatorId, input, cancellationToken)
            ? this.RedirectWithFlash($"{PagePath}#indicateur-{indicatorId}", "La valeur est enregistrée. Transmettez-la à la coordination quand elle est prête.")
            : NotFound();

    [HttpPost("{id:guid}/indicateurs/{indicatorId:guid}/transmettre")]
    [FormPage(PageView)]
    public async Task<IActionResult> Submit(Guid id, Guid indicatorId, CancellationToken cancellationToken) =>
        await declarations.SubmitAsync(User, id, indicatorId, cancellationToken)
            ? this.RedirectWithFlash($"{PagePath}#indicateur-{indicatorId}", "La valeur est transmise à la coordination.")
            : NotFound();

    [HttpPost("{id:guid}/transmettre")]
    [FormPage(PageView)]
    public async Task<IActionResult> SubmitAll(Guid id, CancellationToken cancellationToken) =>
        await declarations.SubmitAllAsync(User, id, cancellationToken) is { } count
            ? this.RedirectWithFlash(PagePath, $"{count} valeur(s) transmise(s) à la coordination.")
            : NotFound();

    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        Guid? indicatorId = Guid.TryParse(Convert.ToString(RouteData.Values["indicatorId"], System.Globalization.CultureInfo.InvariantCulture), out var i) ? i : null;
        return View(form.View, await declarations.PageAsync(User, form.Id, indicatorId, form.CancellationToken));
    }
}
