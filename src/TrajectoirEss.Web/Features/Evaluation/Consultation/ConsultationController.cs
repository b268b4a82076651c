using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Evaluation.Consultation;

/// <summary>
/// The members' consultation on the frame (issue 21): every member of the platform reads the version under
/// consultation and the contributions with their answers; whoever speaks for an organisation (a pôle's or a
/// structure's staff, a public partner) contributes for it. Coordinators and administrators, who speak for none,
/// read the page but cannot post (404).
/// </summary>
[Authorize(Policy = Policies.PlatformMember)]
[Route("plateforme/evaluation/consultation")]
public sealed class ConsultationController(MemberConsultation consultation) : Controller, IShowsFormAgain
{
    private const string ConsultationView = "~/Features/Evaluation/Consultation/Consultation.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(ConsultationView, await consultation.PageAsync(User, null, cancellationToken));

    [HttpPost("")]
    [FormPage(ConsultationView, Prefix = "Input", InvalidValueMessage = "Une valeur saisie n'est pas lisible : vérifiez le formulaire.")]
    public async Task<IActionResult> Index([Bind(Prefix = "Input")] ContributionInput input, CancellationToken cancellationToken) =>
        await consultation.ContributeAsync(User, input, cancellationToken)
            ? this.RedirectWithFlash("/plateforme/evaluation/consultation#contributions", "Votre contribution est enregistrée : la coordination y répondra avant l'adoption du référentiel.")
            : NotFound();

    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        var page = await consultation.PageAsync(User, form.Argument<ContributionInput>("input"), form.CancellationToken);
        return page.SpeaksFor is null ? null : View(form.View, page);
    }
}
