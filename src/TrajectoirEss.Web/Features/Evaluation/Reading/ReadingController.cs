using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Evaluation.Reading;

/// <summary>
/// The shared reading of a frozen campaign (issue 21): the coordination starts it, puts it on a session of the
/// platform, and records on each evaluative question the findings, their interpretations (each by an organisation)
/// and recommendations; the platform's members read it when it is scheduled at their session or published.
/// </summary>
[FormPage(QuestionView, InvalidValueMessage = InvalidValue, ConflictMessage = ConflictText)]
public sealed class ReadingController(SharedReadings readings) : Controller, IShowsFormAgain
{
    private const string ReadingView = "~/Features/Evaluation/Reading/Reading.cshtml";
    private const string QuestionView = "~/Features/Evaluation/Reading/Question.cshtml";
    private const string Coordination = "/coordination/evaluation/campagnes/{id:guid}/lecture";
    private const string Question = Coordination + "/questions/{questionId:guid}";
    private const string Finding = Question + "/constats/{findingId:guid}";
    private const string InvalidValue = "Une valeur saisie n'a pas pu être lue (un choix de la liste) : vérifiez le formulaire.";
    private const string ConflictText = "Quelqu'un a modifié la lecture partagée pendant que vous la consultiez : la page la montre telle qu'elle est maintenant, votre saisie est conservée ; enregistrez à nouveau si elle vaut toujours.";

    [HttpGet(Coordination)]
    [Authorize(Policy = Policies.Coordination)]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken) =>
        await readings.PageAsync(User, ReadingAudience.Coordination, id, cancellationToken) is { } page ? View(ReadingView, page) : NotFound();

    [HttpGet("/plateforme/evaluation/campagnes/{id:guid}/lecture")]
    [Authorize(Policy = Policies.PlatformMember)]
    public async Task<IActionResult> ShowToMembers(Guid id, CancellationToken cancellationToken) =>
        await readings.PageAsync(User, ReadingAudience.Member, id, cancellationToken) is { } page ? View(ReadingView, page) : NotFound();

    [HttpGet(Question)]
    [Authorize(Policy = Policies.Coordination)]
    public async Task<IActionResult> ShowQuestion(Guid id, Guid questionId, CancellationToken cancellationToken) =>
        await readings.QuestionAsync(User, ReadingAudience.Coordination, id, questionId, cancellationToken) is { } page ? View(QuestionView, page) : NotFound();

    [HttpGet("/plateforme/evaluation/campagnes/{id:guid}/lecture/questions/{questionId:guid}")]
    [Authorize(Policy = Policies.PlatformMember)]
    public async Task<IActionResult> ShowQuestionToMembers(Guid id, Guid questionId, CancellationToken cancellationToken) =>
        await readings.QuestionAsync(User, ReadingAudience.Member, id, questionId, cancellationToken) is { } page ? View(QuestionView, page) : NotFound();

    [HttpPost(Coordination)]
    [Authorize(Policy = Policies.Coordination)]
    [FormPage(ReadingView)]
    public async Task<IActionResult> Start(Guid id, CancellationToken cancellationToken) =>
        await readings.StartAsync(User.GetUserId(), id, cancellationToken) is null
            ? NotFound()
            : this.RedirectWithFlash($"/coordination/evaluation/campagnes/{id}/lecture", "La lecture partagée est commencée : consignez les constats question par question.");

    [HttpPost(Coordination + "/seance")]
    [Authorize(Policy = Policies.Coordination)]
    [FormPage(ReadingView, Prefix = "Schedule")]
    public async Task<IActionResult> Schedule(Guid id, [Bind(Prefix = "Schedule")] ScheduleReadingInput input, CancellationToken cancellationToken)
    {
        await readings.ScheduleAsync(User.GetUserId(), id, input, cancellationToken);
        return this.RedirectWithFlash(
            $"/coordination/evaluation/campagnes/{id}/lecture",
            input.SessionId is null ? "La lecture partagée n'est plus inscrite à une séance." : "La lecture partagée est inscrite à la séance.");
    }

    [HttpPost(Question + "/constats")]
    [Authorize(Policy = Policies.Coordination)]
    [FormPage(Prefix = "Finding")]
    public async Task<IActionResult> RecordFinding(Guid id, Guid questionId, [Bind(Prefix = "Finding")] FindingInput input, CancellationToken cancellationToken)
    {
        await readings.RecordFindingAsync(User.GetUserId(), id, questionId, input, cancellationToken);
        return Back(id, questionId, "Le constat est consigné.", "constats");
    }

    [HttpPost(Finding)]
    [Authorize(Policy = Policies.Coordination)]
    [FormPage(Prefix = "Finding")]
    public async Task<IActionResult> EditFinding(Guid id, Guid questionId, Guid findingId, [Bind(Prefix = "Finding")] FindingInput input, CancellationToken cancellationToken)
    {
        await readings.EditFindingAsync(User.GetUserId(), id, questionId, findingId, input, cancellationToken);
        return Back(id, questionId, "Le constat est modifié.", $"constat-{findingId}");
    }

    [HttpPost(Finding + "/retirer")]
    [Authorize(Policy = Policies.Coordination)]
    public async Task<IActionResult> RemoveFinding(Guid id, Guid questionId, Guid findingId, VersionInput input, CancellationToken cancellationToken)
    {
        await readings.RemoveFindingAsync(User.GetUserId(), id, questionId, findingId, input.Version, cancellationToken);
        return Back(id, questionId, "Le constat est retiré.", "constats");
    }

    [HttpPost(Finding + "/interpretations")]
    [Authorize(Policy = Policies.Coordination)]
    [FormPage(Prefix = "Interpretation")]
    public async Task<IActionResult> Interpret(Guid id, Guid questionId, Guid findingId, [Bind(Prefix = "Interpretation")] InterpretationInput input, CancellationToken cancellationToken)
    {
        await readings.InterpretAsync(User.GetUserId(), id, questionId, findingId, input, cancellationToken);
        return Back(id, questionId, "L'interprétation est ajoutée.", $"constat-{findingId}");
    }

    [HttpPost(Finding + "/interpretations/{interpretationId:guid}/retirer")]
    [Authorize(Policy = Policies.Coordination)]
    public async Task<IActionResult> RemoveInterpretation(Guid id, Guid questionId, Guid findingId, Guid interpretationId, VersionInput input, CancellationToken cancellationToken)
    {
        await readings.RemoveInterpretationAsync(User.GetUserId(), id, questionId, findingId, interpretationId, input.Version, cancellationToken);
        return Back(id, questionId, "L'interprétation est retirée.", $"constat-{findingId}");
    }

    [HttpPost(Finding + "/recommandations")]
    [Authorize(Policy = Policies.Coordination)]
    [FormPage(Prefix = "Recommendation")]
    public async Task<IActionResult> Recommend(Guid id, Guid questionId, Guid findingId, [Bind(Prefix = "Recommendation")] RecommendationInput input, CancellationToken cancellationToken)
    {
        await readings.RecommendAsync(User.GetUserId(), id, questionId, findingId, input, cancellationToken);
        return Back(id, questionId, "La recommandation est ajoutée.", $"constat-{findingId}");
    }

    [HttpPost(Finding + "/recommandations/{recommendationId:guid}/retirer")]
    [Authorize(Policy = Policies.Coordination)]
    public async Task<IActionResult> RemoveRecommendation(Guid id, Guid questionId, Guid findingId, Guid recommendationId, VersionInput input, CancellationToken cancellationToken)
    {
        await readings.RemoveRecommendationAsync(User.GetUserId(), id, questionId, findingId, recommendationId, input.Version, cancellationToken);
        return Back(id, questionId, "La recommandation est retirée.", $"constat-{findingId}");
    }

    /// <summary>A refused change shows its page again (the reading's, or the question's) as stored now, with what was typed.</summary>
    async Task<IActionResult?> IShowsFormAgain.FormAgainAsync(FormAgain form)
    {
        if (form.View == ReadingView)
        {
            return await readings.PageAsync(User, ReadingAudience.Coordination, form.Id, form.CancellationToken) is { } page ? View(ReadingView, page) : null;
        }

        var questionId = Guid.TryParse(Convert.ToString(RouteData.Values["questionId"], System.Globalization.CultureInfo.InvariantCulture), out var q) ? q : Guid.Empty;
        return await readings.QuestionAsync(User, ReadingAudience.Coordination, form.Id, questionId, form.CancellationToken) is { } question ? View(QuestionView, question) : null;
    }

    private RedirectResult Back(Guid id, Guid questionId, string flash, string anchor) =>
        this.RedirectWithFlash($"/coordination/evaluation/campagnes/{id}/lecture/questions/{questionId}#{anchor}", flash);
}
