using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Web.Areas.Structure.Financing;
using TrajectoirEss.Web.Areas.Structure.Sessions;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure.Referrals;

/// <summary>The referrals a structure receives: inbox, the shared project, and the answers.</summary>
[Route("structure")]
public sealed class ReferralsController(StructureQueries queries) : StructureController
{
    [HttpGet("")]
    public async Task<IActionResult> Inbox(ReferralInboxFilter filter, CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid)
        {
            throw new Domain.Common.DomainException("Le filtre demandé n'est pas valide.");
        }

        return View(await queries.InboxAsync(StructureId, filter, cancellationToken));
    }

    [HttpGet("orientations/{id:guid}")]
    public async Task<IActionResult> Details(Guid id, [FromServices] AccessLog accessLog, CancellationToken cancellationToken)
    {
        var model = await queries.ReferralAsync(StructureId, id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        // The page shows the project and its porteurs' identity: its opening is logged as the pôle's opening of the file is.
        await accessLog.RecordOpeningAsync(StaffId, model.Project.Id, cancellationToken);
        return View("Details", model);
    }

    [HttpPost("orientations/{id:guid}/accepter")]
    public async Task<IActionResult> Accept(Guid id, [FromServices] AcceptReferral accept, CancellationToken cancellationToken)
    {
        await accept.RunAsync(StaffId, StructureId, id, cancellationToken);
        return Done(Here(id), "L'orientation est acceptée ; le pôle et les porteurs sont prévenus.");
    }

    [HttpPost("orientations/{id:guid}/refuser")]
    public async Task<IActionResult> Decline(Guid id, string? reasonCode, string? declineDetails, [FromServices] DeclineReferral decline, CancellationToken cancellationToken)
    {
        await decline.RunAsync(StaffId, StructureId, id, reasonCode, declineDetails, cancellationToken);
        return Done(Here(id), "L'orientation est refusée ; le pôle et les porteurs sont prévenus.");
    }

    [HttpPost("orientations/{id:guid}/questions")]
    public async Task<IActionResult> Ask(Guid id, string? question, [FromServices] AskForInformation ask, CancellationToken cancellationToken)
    {
        await ask.RunAsync(StaffId, StructureId, id, question, cancellationToken);
        return Done(Here(id), "Votre question est transmise au pôle et aux porteurs.");
    }

    [HttpPost("orientations/{id:guid}/inscription")]
    public async Task<IActionResult> Enrol(Guid id, [Required(ErrorMessage = "Choisissez une session.")] Guid? sessionId, int? people, [FromServices] EnrolProject enrol, CancellationToken cancellationToken)
    {
        await enrol.RunAsync(StaffId, StructureId, sessionId!.Value, id, people, cancellationToken);
        return Done($"/structure/sessions/{sessionId}", "Le projet est inscrit (ou sa candidature enregistrée).");
    }

    [HttpPost("orientations/{id:guid}/financement")]
    public async Task<IActionResult> ApplyForFinancing(Guid id, FinancingInstrument? instrument, decimal? amountRequested, decimal? studyCost, string? study, DateOnly? committeeOn, [FromServices] ApplyForFinancing apply, CancellationToken cancellationToken)
    {
        var application = await apply.RunAsync(StaffId, StructureId, id, new FinancingInput(instrument, amountRequested, studyCost, study, committeeOn), cancellationToken);
        return Done($"/structure/financements/{application.Id}", "La demande de financement est enregistrée.");
    }

    protected override async Task<IActionResult?> FormAgainAsync(FormAgain form) => await PageAsync(form.Id, form.CancellationToken);

    private static string Here(Guid id) => $"/structure/orientations/{id}";

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var model = await queries.ReferralAsync(StructureId, id, cancellationToken);
        return model is null ? NotFound() : View("Details", model);
    }
}
