using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Evaluation.Campaigns;

/// <summary>
/// The coordination's yearly campaigns of the evaluation: the overview, open one, and a campaign's page (its
/// deadline, each organisation's declarations to validate or return, the reminder of late organisations, the freeze).
/// </summary>
[Authorize(Policy = Policies.Coordination)]
[Route("coordination/evaluation/campagnes")]
public sealed class CampaignsController(CampaignsOverview overview, CampaignWorkflow workflow) : Controller, IShowsFormAgain
{
    private const string IndexView = "~/Features/Evaluation/Campaigns/Index.cshtml";
    private const string NewView = "~/Features/Evaluation/Campaigns/New.cshtml";
    private const string CampaignView = "~/Features/Evaluation/Campaigns/Campaign.cshtml";
    private const string InvalidValue = "Une valeur saisie n'est pas lisible (une année, une date) : vérifiez le formulaire.";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(IndexView, await overview.PageAsync(cancellationToken));

    [HttpGet("nouvelle")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View(NewView, await workflow.NewPageAsync(null, cancellationToken));

    [HttpPost("nouvelle")]
    [FormPage(NewView, Prefix = "Input", InvalidValueMessage = InvalidValue)]
    public async Task<IActionResult> New([Bind(Prefix = "Input")] OpenCampaignInput input, CancellationToken cancellationToken)
    {
        var id = await workflow.OpenAsync(User.GetUserId(), input, cancellationToken);
        return this.RedirectWithFlash($"/coordination/evaluation/campagnes/{id}", "La campagne est ouverte : les organisations sollicitées ont reçu un courriel.");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Campaign(Guid id, CancellationToken cancellationToken) =>
        await workflow.PageAsync(id, null, cancellationToken) is { } page ? View(CampaignView, page) : NotFound();

    [HttpPost("{id:guid}/echeance")]
    [FormPage(CampaignView, InvalidValueMessage = "Indiquez l'échéance sous la forme d'une date.")]
    public async Task<IActionResult> ChangeDeadline(Guid id, DateOnly? deadline, CancellationToken cancellationToken) =>
        await workflow.ChangeDeadlineAsync(id, deadline, cancellationToken)
            ? this.RedirectWithFlash($"/coordination/evaluation/campagnes/{id}", "L'échéance des déclarations est changée.")
            : NotFound();

    [HttpPost("{id:guid}/valeurs/{valueId:guid}/valider")]
    [FormPage(CampaignView)]
    public async Task<IActionResult> Validate(Guid id, Guid valueId, CancellationToken cancellationToken) =>
        await workflow.ValidateAsync(User.GetUserId(), id, valueId, cancellationToken)
            ? this.RedirectWithFlash($"/coordination/evaluation/campagnes/{id}", "La valeur est validée.")
            : NotFound();

    [HttpPost("{id:guid}/valeurs/{valueId:guid}/renvoyer")]
    [FormPage(CampaignView)]
    public async Task<IActionResult> Return(Guid id, Guid valueId, string? returnComment, CancellationToken cancellationToken) =>
        await workflow.ReturnAsync(User.GetUserId(), id, valueId, returnComment, cancellationToken)
            ? this.RedirectWithFlash($"/coordination/evaluation/campagnes/{id}", "La valeur est renvoyée à son organisation, avec votre commentaire.")
            : NotFound();

    [HttpPost("{id:guid}/relance")]
    [FormPage(CampaignView)]
    public async Task<IActionResult> Remind(Guid id, CancellationToken cancellationToken) =>
        await workflow.RemindAsync(id, cancellationToken) is { } report
            ? this.RedirectWithFlash(
                $"/coordination/evaluation/campagnes/{id}",
                report.Organisations == 0
                    ? "Aucune organisation à relancer aujourd'hui : l'échéance n'est pas proche, chacune a tout transmis, ou elle a déjà été relancée aujourd'hui."
                    : $"{report.Organisations} organisation(s) en retard relancée(s) par courriel.")
            : NotFound();

    [HttpPost("{id:guid}/figer")]
    [FormPage(CampaignView)]
    public async Task<IActionResult> Freeze(Guid id, bool confirm, CancellationToken cancellationToken) =>
        await workflow.FreezeAsync(User.GetUserId(), id, confirm, cancellationToken) is { } count
            ? this.RedirectWithFlash($"/coordination/evaluation/campagnes/{id}", $"La campagne est figée : {count} valeur(s) calculée(s) enregistrée(s). Elle ne change plus.")
            : NotFound();

    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        if (form.Action == nameof(New))
        {
            return View(form.View, await workflow.NewPageAsync(form.Argument<OpenCampaignInput>("input") ?? new OpenCampaignInput(), form.CancellationToken));
        }

        Guid? valueId = Guid.TryParse(Convert.ToString(RouteData.Values["valueId"], System.Globalization.CultureInfo.InvariantCulture), out var v) ? v : null;
        return await workflow.PageAsync(form.Id, valueId, form.CancellationToken) is { } page ? View(form.View, page) : null;
    }
}
