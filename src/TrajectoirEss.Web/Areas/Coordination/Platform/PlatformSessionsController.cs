using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Coordination.Platform;

/// <summary>
/// A session of a coordination body, from its planning to its closing: the status moves the transition table allows,
/// the preparation timeline, the agenda, invitations and convening, then attendance, decisions and minutes.
/// (The reading pack — data freeze, publication — has its own pages.)
/// </summary>
[Area("Coordination")]
[Authorize(Policy = Policies.Coordination)]
[Route("coordination/plateforme/seances")]
[FormPage(SessionView, InvalidValueMessage = InvalidValue, ConflictMessage = ConflictText)]
public sealed class PlatformSessionsController(PlatformSessions sessions) : Controller, IShowsFormAgain
{
    private const string InvalidValue = "Une valeur saisie n'a pas pu être lue (une date, une heure, un nombre entier, un choix de la liste) : vérifiez le formulaire.";
    private const string ConflictText = "Un autre membre de la coordination a enregistré un changement de cette séance au même moment : la page la montre telle qu'elle est maintenant, votre saisie est conservée ci-dessous ; enregistrez à nouveau si elle vaut toujours.";
    private const string NewView = "~/Areas/Coordination/Platform/NewSession.cshtml";
    private const string SessionView = "~/Areas/Coordination/Platform/Session.cshtml";

    [HttpGet("nouvelle")]
    public async Task<IActionResult> New(Guid? instance, CancellationToken cancellationToken) =>
        await sessions.NewPageAsync(instance, null, cancellationToken) is { } page ? View(NewView, page) : NotFound();

    [HttpPost("nouvelle")]
    [FormPage(NewView)]
    public async Task<IActionResult> New(ScheduleInput input, CancellationToken cancellationToken)
    {
        var id = await sessions.PlanAsync(User.GetUserId(), input, cancellationToken);
        return this.RedirectWithFlash($"/coordination/plateforme/seances/{id}", "La séance est planifiée, avec son calendrier de préparation. Préparez l'ordre du jour et invitez les membres.");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken) =>
        await sessions.PageAsync(id, cancellationToken) is { } page ? View(SessionView, page) : NotFound();

    [HttpPost("{id:guid}/deplacer")]
    [FormPage(Prefix = "Schedule")]
    public Task<IActionResult> Reschedule(Guid id, [Bind(Prefix = "Schedule")] ScheduleInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.RescheduleAsync(User.GetUserId(), id, input, cancellationToken), "La séance est déplacée ; son calendrier de préparation a suivi.", "resume");

    [HttpPost("{id:guid}/convoquer")]
    public async Task<IActionResult> Convene(Guid id, CancellationToken cancellationToken)
    {
        var sent = await sessions.ConveneAsync(User.GetUserId(), id, cancellationToken);
        return this.RedirectWithFlash($"/coordination/plateforme/seances/{id}#invitations", $"Les membres invités sont convoqués ({sent} courriel(s) envoyé(s)).");
    }

    [HttpPost("{id:guid}/tenir")]
    public Task<IActionResult> Hold(Guid id, CancellationToken cancellationToken) =>
        Done(id, sessions.HoldAsync(User.GetUserId(), id, cancellationToken), "La séance est tenue : notez les présences, les décisions et le compte rendu.", "presences");

    [HttpPost("{id:guid}/clore")]
    public Task<IActionResult> Close(Guid id, CancellationToken cancellationToken) =>
        Done(id, sessions.CloseAsync(User.GetUserId(), id, cancellationToken), "La séance est close.", "resume");

    [HttpPost("{id:guid}/annuler")]
    [FormPage(Prefix = "Cancel")]
    public Task<IActionResult> Cancel(Guid id, [Bind(Prefix = "Cancel")] ReasonInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.CancelAsync(User.GetUserId(), id, input.CancellationReason, cancellationToken), "La séance est annulée.", "resume");

    [HttpPost("{id:guid}/rouvrir")]
    [FormPage(Prefix = "Reopen")]
    public Task<IActionResult> Reopen(Guid id, [Bind(Prefix = "Reopen")] ReasonInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.ReopenAsync(User.GetUserId(), id, input.Reason, cancellationToken), "La séance est rouverte : corrigez son compte rendu, puis closez-la à nouveau.", "resume");

    [HttpPost("{id:guid}/etapes/fait")]
    [FormPage(Prefix = "Milestone")]
    public Task<IActionResult> MilestoneDone(Guid id, [Bind(Prefix = "Milestone")] MilestoneInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.MarkMilestoneAsync(User.GetUserId(), id, input.Kind, true, cancellationToken), "L'étape est marquée comme faite.", "preparation");

    [HttpPost("{id:guid}/etapes/a-faire")]
    [FormPage(Prefix = "Milestone")]
    public Task<IActionResult> MilestoneNotDone(Guid id, [Bind(Prefix = "Milestone")] MilestoneInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.MarkMilestoneAsync(User.GetUserId(), id, input.Kind, false, cancellationToken), "L'étape est de nouveau à faire.", "preparation");

    [HttpPost("{id:guid}/etapes/date")]
    [FormPage(Prefix = "Milestone")]
    public Task<IActionResult> MoveMilestone(Guid id, [Bind(Prefix = "Milestone")] MilestoneInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.MoveMilestoneAsync(id, input, cancellationToken), "La date de l'étape est changée.", "preparation");

    [HttpPost("{id:guid}/ordre-du-jour")]
    [FormPage(Prefix = "Agenda")]
    public Task<IActionResult> AddAgendaItem(Guid id, [Bind(Prefix = "Agenda")] AgendaInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.AddAgendaItemAsync(id, input, cancellationToken), "Le point est ajouté à l'ordre du jour.", "ordre-du-jour");

    [HttpPost("{id:guid}/ordre-du-jour/{itemId:guid}/monter")]
    public Task<IActionResult> MoveUp(Guid id, Guid itemId, CancellationToken cancellationToken) =>
        Done(id, sessions.MoveAgendaItemAsync(id, itemId, -1, cancellationToken), "Le point est remonté.", "ordre-du-jour");

    [HttpPost("{id:guid}/ordre-du-jour/{itemId:guid}/descendre")]
    public Task<IActionResult> MoveDown(Guid id, Guid itemId, CancellationToken cancellationToken) =>
        Done(id, sessions.MoveAgendaItemAsync(id, itemId, 1, cancellationToken), "Le point est descendu.", "ordre-du-jour");

    [HttpPost("{id:guid}/ordre-du-jour/{itemId:guid}/retirer")]
    public Task<IActionResult> RemoveAgendaItem(Guid id, Guid itemId, CancellationToken cancellationToken) =>
        Done(id, sessions.RemoveAgendaItemAsync(id, itemId, cancellationToken), "Le point est retiré de l'ordre du jour.", "ordre-du-jour");

    [HttpPost("{id:guid}/inviter")]
    public async Task<IActionResult> Invite(Guid id, CancellationToken cancellationToken)
    {
        var invited = await sessions.InviteAsync(User.GetUserId(), id, cancellationToken);
        return this.RedirectWithFlash($"/coordination/plateforme/seances/{id}#invitations", $"{invited} organisation(s) invitée(s).");
    }

    [HttpPost("{id:guid}/presences")]
    [FormPage(Prefix = "Attendance")]
    public Task<IActionResult> RecordAttendance(Guid id, [Bind(Prefix = "Attendance")] AttendanceInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.RecordAttendanceAsync(User.GetUserId(), id, input, cancellationToken), "La présence est notée.", "presences");

    [HttpPost("{id:guid}/presences/personnes")]
    [FormPage(Prefix = "Person")]
    public Task<IActionResult> RecordPerson(Guid id, [Bind(Prefix = "Person")] AttendanceInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.RecordPersonAsync(User.GetUserId(), id, input, cancellationToken), "La présence de la personne est notée.", "presences");

    [HttpPost("{id:guid}/decisions")]
    [FormPage(Prefix = "Decision")]
    public Task<IActionResult> RecordDecision(Guid id, [Bind(Prefix = "Decision")] DecisionInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.RecordDecisionAsync(User.GetUserId(), id, input, cancellationToken), "La décision est notée.", "decisions");

    [HttpPost("{id:guid}/compte-rendu")]
    [FormPage(Prefix = "Minutes")]
    public Task<IActionResult> WriteMinutes(Guid id, [Bind(Prefix = "Minutes")] MinutesInput input, CancellationToken cancellationToken) =>
        Done(id, sessions.WriteMinutesAsync(User.GetUserId(), id, input, cancellationToken), "Le compte rendu est enregistré.", "compte-rendu");

    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        if (form.View == NewView)
        {
            var typed = form.Argument<ScheduleInput>("input");
            return await sessions.NewPageAsync(typed?.Body, typed, form.CancellationToken) is { } fresh ? View(NewView, fresh) : null;
        }

        return await sessions.PageAsync(form.Id, form.CancellationToken) is { } page ? View(SessionView, page) : null;
    }

    private async Task<IActionResult> Done(Guid id, Task change, string flash, string section)
    {
        await change;
        return this.RedirectWithFlash($"/coordination/plateforme/seances/{id}#{section}", flash);
    }
}
