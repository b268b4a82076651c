using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>
/// The pôle staff's inbox and project files. Every route is limited to the staff member's pôle. An action runs one
/// use case and redirects to the file with a confirmation; a refused one shows the page it was sent from again (the
/// file, or the transfer's or closing's own page) with the message and what was typed (<see cref="RefusalFilter"/>).
/// A parameter marked [Required] is never null in an action: the form is shown again before it runs.
/// </summary>
[Area("Pole")]
[Authorize(Policy = Policies.Pole)]
[Route("pole")]
[FormPage("File", ConflictMessage = ConflictMessage, InvalidValueMessage = "Une des valeurs envoyées n'est pas valide : vérifiez le formulaire.")]
public sealed class ProjectsController(PoleQueries queries) : Controller, IShowsFormAgain
{
    private const string ConflictMessage = "Quelqu'un d'autre a modifié ce projet pendant que vous le consultiez. La fiche ci-dessous montre la version à jour ; vos saisies sont conservées dans le formulaire : vérifiez-les, puis enregistrez à nouveau.";

    private const string MeetingMissing = "Indiquez la date et le type du rendez-vous.";

    private Guid PoleId => User.GetPoleId() ?? throw new InvalidOperationException("The Pole policy guarantees a pôle.");

    private Guid StaffId => User.GetUserId();

    [HttpGet("")]
    public async Task<IActionResult> Inbox(InboxFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            throw new DomainException("Les filtres demandés ne sont pas valides : revenez à la liste des projets et choisissez-les dans les listes.");
        }

        return View(await queries.InboxAsync(PoleId, filter, cancellationToken));
    }

    [HttpGet("projets/{id:guid}")]
    public async Task<IActionResult> File(Guid id, int? journal, bool consultations, CancellationToken cancellationToken)
    {
        // The journal's page (a number out of range shows the nearest page) and whether it shows the openings of the
        // file (not by default: they would flood it); anything else is refused, and the opening is not logged.
        if (!ModelState.IsValid)
        {
            throw new DomainException("La page du journal demandée n'est pas valide : revenez à la fiche du projet.");
        }

        var model = await queries.OpenFileAsync(PoleId, StaffId, id, journal ?? 1, consultations, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("projets/{id:guid}/rendez-vous")]
    public async Task<IActionResult> RecordMeeting(
        Guid id,
        [Required(ErrorMessage = MeetingMissing), PlausibleDate] DateTime? heldAt,
        [Required(ErrorMessage = MeetingMissing)] MeetingKind? kind,
        string? summary,
        [FromServices] RecordMeeting record,
        CancellationToken cancellationToken)
    {
        await record.RunAsync(StaffId, PoleId, id, Format.FromParis(heldAt!.Value), kind!.Value, summary, cancellationToken);
        return Done(id, "Le rendez-vous est noté.");
    }

    [HttpPost("projets/{id:guid}/notes")]
    public async Task<IActionResult> AddNote(Guid id, string? note, [FromServices] AddNote addNote, CancellationToken cancellationToken)
    {
        await addNote.RunAsync(StaffId, PoleId, id, note, cancellationToken);
        return Done(id, "La note interne est enregistrée.");
    }

    [HttpPost("projets/{id:guid}/messages")]
    public async Task<IActionResult> Reply(Guid id, string? body, bool asksForInformation, [FromServices] WriteToPorteurs write, CancellationToken cancellationToken)
    {
        await write.RunAsync(StaffId, PoleId, id, body, asksForInformation, cancellationToken);
        return Done(id, "Votre message a été envoyé aux porteurs.");
    }

    [HttpPost("projets/{id:guid}/qualifier")]
    public async Task<IActionResult> Qualify(
        Guid id,
        uint version,
        [Required(ErrorMessage = "Indiquez le stade du projet.")] ProjectStage? stage,
        SupportNeeds[]? needs,
        string? sector,
        [FromServices] QualifyProject qualify,
        CancellationToken cancellationToken)
    {
        var all = (needs ?? []).Aggregate(SupportNeeds.None, (acc, n) => acc | n);
        await qualify.RunAsync(StaffId, PoleId, id, version, stage!.Value, all, string.IsNullOrWhiteSpace(sector) ? null : sector, cancellationToken);
        return Done(id, "La qualification du projet est enregistrée.");
    }

    [HttpPost("projets/{id:guid}/referent")]
    public async Task<IActionResult> AssignReferent(Guid id, Guid? referentId, [FromServices] AssignReferent assign, CancellationToken cancellationToken)
    {
        await assign.RunAsync(StaffId, PoleId, id, referentId, cancellationToken);
        return Done(id, "Le référent est enregistré.");
    }

    // The consequential actions (transfer, closing) have a page of their own, away from the file's everyday forms.
    [HttpGet("projets/{id:guid}/transferer")]
    public Task<IActionResult> TransferPage(Guid id, CancellationToken cancellationToken) => ActionPageAsync(id, ProjectAction.Transfer, "Transfer", cancellationToken);

    [HttpGet("projets/{id:guid}/clore")]
    public Task<IActionResult> ClosePage(Guid id, CancellationToken cancellationToken) => ActionPageAsync(id, ProjectAction.Close, "Close", cancellationToken);

    [HttpPost("projets/{id:guid}/transferer")]
    [FormPage("Transfer")]
    public async Task<IActionResult> Transfer(Guid id, [Required(ErrorMessage = "Choisissez le pôle qui reprend le projet.")] Guid? toPoleId, string? reason, [FromServices] TransferProject transfer, CancellationToken cancellationToken)
    {
        await transfer.RunAsync(StaffId, PoleId, id, toPoleId!.Value, reason, cancellationToken);

        // The project now belongs to another pôle: this one no longer sees it.
        return this.RedirectWithFlash("/pole", "Le projet a été transféré ; l'autre pôle est prévenu.");
    }

    [HttpPost("projets/{id:guid}/clore")]
    [FormPage("Close")]
    public async Task<IActionResult> Close(
        Guid id,
        [Required(ErrorMessage = "Indiquez l'issue du projet.")] ProjectOutcome? outcome,
        string? reasonCode,
        string? details,
        string? companyLegalForm,
        DateOnly? companyCreatedOn,
        string? siret,
        [FromServices] CloseProject close,
        CancellationToken cancellationToken)
    {
        await close.RunAsync(StaffId, PoleId, id, outcome!.Value, reasonCode, details, new ClosingCompany(companyLegalForm, companyCreatedOn, siret), cancellationToken);
        return Done(id, "Le projet est clos.");
    }

    [HttpPost("projets/{id:guid}/orientations")]
    public async Task<IActionResult> Refer(Guid id, [Required(ErrorMessage = "Choisissez un programme de la liste.")] Guid? programmeId, string? message, [FromServices] ReferProject refer, CancellationToken cancellationToken)
    {
        await refer.RunAsync(StaffId, PoleId, id, programmeId!.Value, message, cancellationToken);
        return Done(id, "L'orientation est proposée à la structure, qui en est prévenue.");
    }

    [HttpPost("projets/{id:guid}/partage/demande")]
    public async Task<IActionResult> AskForSharing(Guid id, [Required(ErrorMessage = "Choisissez une structure partenaire de la liste.")] Guid? structureId, [FromServices] AskForSharing ask, CancellationToken cancellationToken)
    {
        await ask.RunAsync(StaffId, PoleId, id, structureId!.Value, cancellationToken);
        return Done(id, "La demande d'accord est envoyée aux porteurs, par courriel et dans leur espace.", "partage");
    }

    [HttpPost("projets/{id:guid}/orientations/{referralId:guid}/relancer")]
    public async Task<IActionResult> Relaunch(Guid id, Guid referralId, [FromServices] RelaunchReferral relaunch, CancellationToken cancellationToken)
    {
        await relaunch.RunAsync(StaffId, PoleId, id, referralId, cancellationToken);
        return Done(id, "La structure a été relancée.");
    }

    [HttpPost("projets/{id:guid}/orientations/{referralId:guid}/retirer")]
    public async Task<IActionResult> Withdraw(Guid id, Guid referralId, string? withdrawReason, [FromServices] WithdrawReferral withdraw, CancellationToken cancellationToken)
    {
        await withdraw.RunAsync(StaffId, PoleId, id, referralId, withdrawReason, cancellationToken);
        return Done(id, "L'orientation est retirée.");
    }

    [HttpPost("projets/{id:guid}/pause")]
    public async Task<IActionResult> Pause(Guid id, string? pauseReason, [FromServices] PauseProject pause, CancellationToken cancellationToken)
    {
        await pause.RunAsync(StaffId, PoleId, id, pauseReason, cancellationToken);
        return Done(id, "Le projet est en pause.");
    }

    [HttpPost("projets/{id:guid}/reprise")]
    public async Task<IActionResult> Resume(Guid id, [FromServices] ResumeProject resume, CancellationToken cancellationToken)
    {
        await resume.RunAsync(StaffId, PoleId, id, cancellationToken);
        return Done(id, "Le projet reprend.");
    }

    [HttpPost("projets/{id:guid}/rouvrir")]
    public async Task<IActionResult> Reopen(Guid id, string? reason, [FromServices] ReopenProject reopen, CancellationToken cancellationToken)
    {
        await reopen.RunAsync(StaffId, PoleId, id, reason, cancellationToken);
        return Done(id, "Le projet est rouvert.");
    }

    /// <summary>A refused action: its page again (the file, or the transfer's or the closing's), as the project is now.</summary>
    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        object? model = form.View == "File"
            ? await queries.FileAsync(PoleId, form.Id, cancellationToken: form.CancellationToken)
            : await queries.FileActionAsync(PoleId, form.Id, form.CancellationToken);
        return model is null ? null : View(form.View, model);
    }

    private RedirectResult Done(Guid id, string flash, string? section = null) =>
        this.RedirectWithFlash(section is null ? $"/pole/projets/{id}" : $"/pole/projets/{id}#{section}", flash);

    /// <summary>The page of a transfer or a closing; once the project's status no longer allows it, its file.</summary>
    private async Task<IActionResult> ActionPageAsync(Guid id, ProjectAction action, string view, CancellationToken cancellationToken)
    {
        var model = await queries.FileActionAsync(PoleId, id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        return Project.CanApply(model.Status, action) ? View(view, model) : Redirect($"/pole/projets/{id}");
    }
}
