using System.Net;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The members' consultation on the frame and the coordinators' forms, on the seeded world (version 1 in force,
/// version 2 under consultation with one contribution of Morlaix's pôle): who may contribute and answer, and bad
/// input refused beside its field with nothing saved.
/// </summary>
public sealed class EvaluationConsultationTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private const string Consultation = "/plateforme/evaluation/consultation";
    private const string Preparation = "/coordination/evaluation/referentiel";

    private Task<Referential> FrameAsync(Guid id) => portal.WithDbAsync(db => db.Referentials.AsNoTracking().SingleAsync(r => r.Id == id));

    private static async Task<HttpResponseMessage> PostAsync(HtmlClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await SeededPortal.TokenAsync(client);
        using var content = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(path, content);
    }

    [Fact]
    public async Task AMember_ReadsTheVersionUnderConsultation_AndProposesAnIndicator_ForItsOrganisation()
    {
        using var region = await portal.ClientForAsync(Actor.PublicPartner);
        var page = await region.GetDocumentAsync(Consultation);
        var frame = await FrameAsync(portal.ConsultationReferentialId);
        Assert.Equal(frame.Indicators.Count, page.QuerySelectorAll("[data-testid=frame-indicator]").Length);
        var poleName = await portal.WithDbAsync(db => db.Poles.Where(p => p.Id == portal.MorlaixPoleId).Select(p => p.Name).SingleAsync());
        Assert.Contains(poleName, page.QuerySelector("[data-testid=consultation-contributions]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await region.GetDocumentAsync("/plateforme/evaluation")).QuerySelector("[data-testid=consultation-open]"));

        using var response = await region.SubmitAsync(PageForms.FormFor(page, Consultation), new()
        {
            ["Sur quoi porte votre contribution"] = nameof(CommentTargetKind.ProposedIndicator),
            ["Votre contribution"] = "Compter les porteurs des quartiers prioritaires.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await region.GetDocumentAsync(Consultation);
        Assert.Contains("Votre contribution est enregistrée", after.Flash(), StringComparison.Ordinal);
        var rows = after.QuerySelectorAll("[data-testid=consultation-contributions] tbody tr");
        var row = rows[^1].TextContent;
        Assert.Contains("Région Bretagne", row, StringComparison.Ordinal);
        Assert.Contains(CommentTargetKind.ProposedIndicator.Label(), row, StringComparison.Ordinal);
        Assert.DoesNotContain(SeededPortal.ActorEmails[Actor.PublicPartner], after.MainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Frame", "  ", "Input.Text", "La contribution est obligatoire.")]
    [InlineData("Value:pas-un-identifiant", "Un avis", "Input.Target", "Choisissez l'élément du référentiel que vous commentez.")]
    [InlineData("", "Un avis", "Input.Target", "Choisissez l'élément du référentiel que vous commentez.")]
    [InlineData("Question:{adopted}", "Un avis", "Input.Target", "Choisissez l'élément du référentiel que vous commentez.")]
    [InlineData("ProposedQuestion:{adopted}", "Un avis", "Input.Target", "Choisissez l'élément du référentiel que vous commentez.")]
    public async Task ABadContribution_IsRefusedBesideItsField_AndNothingIsSaved(string target, string text, string field, string message)
    {
        var adoptedQuestion = (await FrameAsync(portal.AdoptedReferentialId)).Questions[0].Id;
        var before = (await FrameAsync(portal.ConsultationReferentialId)).Comments.Count;
        using var pole = await portal.ClientForAsync(Actor.PoleStaff);
        var page = await pole.GetDocumentAsync(Consultation);

        using var response = await pole.SubmitAsync(PageForms.FormFor(page, Consultation), new()
        {
            ["Input.Target"] = target.Replace("{adopted}", adoptedQuestion.ToString(), StringComparison.Ordinal),
            ["Votre contribution"] = text,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var again = await HtmlClient.ParseAsync(response);
        Assert.Equal(message, again.ErrorFor(field));
        Assert.Equal(text, again.QuerySelector("#Input_Text")!.TextContent);
        Assert.Equal(before, (await FrameAsync(portal.ConsultationReferentialId)).Comments.Count);
    }

    [Fact]
    public async Task ACoordinator_ReadsTheConsultation_ButCannotContribute()
    {
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        var page = await coordinator.GetDocumentAsync(Consultation);
        Assert.NotNull(page.QuerySelector("[data-testid=cannot-contribute]"));
        Assert.Null(page.QuerySelector("[data-testid=contribution-form]"));

        using var response = await PostAsync(coordinator, Consultation, new() { ["Input.Target"] = "Frame", ["Input.Text"] = "Un avis" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AMember_CannotAnswerAContribution_AndAPorteurCannotReadTheConsultation()
    {
        var answer = $"{Preparation}/{portal.ConsultationReferentialId}/contributions/{portal.ConsultationCommentId}";
        using var pole = await portal.ClientForAsync(Actor.PoleStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await pole.GetAsync(answer)).StatusCode);
        using (var response = await PostAsync(pole, answer, new() { ["Input.Outcome"] = "Kept" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Null((await FrameAsync(portal.ConsultationReferentialId)).Comments.Single(c => c.Id == portal.ConsultationCommentId).Outcome);
        using var porteur = await portal.ClientForAsync(Actor.Porteur);
        Assert.Equal(HttpStatusCode.Forbidden, (await porteur.GetAsync(Consultation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await porteur.GetAsync(Preparation)).StatusCode);
    }

    [Theory]
    [InlineData("indicateurs", "Input.Target", "Percent", "Declared", "150", "La cible est un pourcentage : de 0 à 100.")]
    [InlineData("indicateurs", "Input.Target", "Count", "Declared", "2,5", "La cible est un nombre entier, positif ou nul.")]
    [InlineData("indicateurs", "Input.Target", "Count", "Qualitative", "10", "Un indicateur qualitatif n'a ni valeur de référence ni cible.")]
    [InlineData("indicateurs", "Input.Measure", "Count", "Computed", "10", "Un indicateur calculé choisit sa mesure dans le catalogue.")]
    [InlineData("indicateurs", "Input.Level", "Count", "Declared", "10", "Choisissez le niveau de l'indicateur : réalisation, résultat ou impact.")]
    public async Task ABadIndicator_IsRefusedBesideItsField_AndNothingIsSaved(string kind, string field, string unit, string source, string target, string message)
    {
        var frame = await FrameAsync(portal.ConsultationReferentialId);
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        var page = await coordinator.GetDocumentAsync($"{Preparation}/{frame.Id}/{kind}/nouveau");

        using var response = await coordinator.SubmitAsync(page.Form(), new()
        {
            ["Critère mesuré"] = frame.Criteria[0].Id.ToString(), ["Nom de l'indicateur"] = "Un indicateur", ["Niveau"] = field == "Input.Level" ? "" : "Resultat",
            ["Source"] = source, ["Sens"] = "HigherIsBetter", ["Unité"] = unit, ["Cible"] = target,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var again = await HtmlClient.ParseAsync(response);
        Assert.Equal(message, again.ErrorFor(field));
        Assert.Equal(target, again.QuerySelector("#Input_Target")!.GetAttribute("value"));
        Assert.Equal(frame.Version, (await FrameAsync(frame.Id)).Version);
    }

    [Fact]
    public async Task BadElements_AreRefused_WithTheDomainsMessage_NeverA500_AndNothingIsSaved()
    {
        var frame = await FrameAsync(portal.ConsultationReferentialId);
        var adopted = await FrameAsync(portal.AdoptedReferentialId);
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);
        var root = $"{Preparation}/{frame.Id}";

        // A blank value.
        var value = await coordinator.SubmitAsync(await coordinator.GetDocumentAsync($"{root}/valeurs/nouveau"), "/valeurs/nouveau", new() { ["Nom de la valeur"] = " ", ["Texte pour le public"] = "Un texte" });
        Assert.Equal("Le nom de la valeur est obligatoire.", value.ErrorFor("Input.Title"));
        Assert.Equal("Un texte", value.QuerySelector("#Input_PublicText")!.TextContent);

        // A criterion linked to a value of another version, or to a malformed id.
        var criterionPage = await coordinator.GetDocumentAsync($"{root}/criteres/{frame.Criteria[0].Id}");
        var other = await coordinator.SubmitAsync(criterionPage, $"/criteres/{frame.Criteria[0].Id}", new() { ["Input.ValueId"] = adopted.Values[0].Id.ToString() });
        Assert.Equal("Choisissez la valeur que le critère traduit.", other.ErrorFor("Input.ValueId"));
        using (var malformed = await coordinator.SubmitAsync(criterionPage.Form(), new() { ["Input.ValueId"] = "pas-un-identifiant" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.Contains("n'est pas lisible", (await HtmlClient.ParseAsync(malformed)).ErrorSummary(), StringComparison.Ordinal);
        }

        // A value that criteria translate cannot be removed; an element of another version is not this version's.
        var removed = await coordinator.SubmitAsync(await coordinator.GetDocumentAsync(Preparation), $"/valeurs/{frame.Values[0].Id}/retirer");
        Assert.Contains("Des critères traduisent cette valeur", removed.ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"{root}/questions/{adopted.Questions[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"{root}/autres/nouveau")).StatusCode);
        using (var foreign = await PostAsync(coordinator, $"{root}/questions/{adopted.Questions[0].Id}/retirer", new() { ["version"] = frame.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        }

        // Adoption refused: no date, a session that is not one of the platform's, an unanswered contribution.
        var preparation = await coordinator.GetDocumentAsync(Preparation);
        var noDate = await coordinator.SubmitAsync(preparation, "/adopter", new() { ["Date d'adoption"] = "", ["Ou instance qui l'a adoptée (en toutes lettres)"] = "Comité" });
        Assert.Equal("Indiquez la date d'adoption : aujourd'hui ou avant.", noDate.ErrorFor("Adopt.AdoptedOn"));
        var future = await coordinator.SubmitAsync(preparation, "/adopter", new() { ["Date d'adoption"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Ou instance qui l'a adoptée (en toutes lettres)"] = "Comité" });
        Assert.Equal("Indiquez la date d'adoption : aujourd'hui ou avant.", future.ErrorFor("Adopt.AdoptedOn"));
        using (var badSession = await PostAsync(coordinator, $"{root}/adopter", new() { ["Adopt.AdoptedOn"] = "2026-01-01", ["Adopt.SessionId"] = frame.Id.ToString(), ["Adopt.Version"] = frame.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal("Choisissez la séance dans la liste des séances de la plateforme.", (await HtmlClient.ParseAsync(badSession)).ErrorFor("Adopt.SessionId"));
        }

        var unanswered = await coordinator.SubmitAsync(preparation, "/adopter", new() { ["Ou instance qui l'a adoptée (en toutes lettres)"] = "Comité" });
        Assert.Contains("Répondez à chaque contribution", unanswered.ErrorSummary(), StringComparison.Ordinal);

        // Starting another version while one is in preparation; opening a consultation already open.
        using (var start = await PostAsync(coordinator, $"{Preparation}/version-suivante", []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
            Assert.Contains("Une version est déjà en préparation", (await HtmlClient.ParseAsync(start)).ErrorSummary(), StringComparison.Ordinal);
        }

        var stored = await FrameAsync(frame.Id);
        Assert.Equal((frame.Version, ReferentialStatus.UnderConsultation), (stored.Version, stored.Status));
        Assert.Equal(ReferentialStatus.Adopted, (await FrameAsync(adopted.Id)).Status);
    }

    [Fact]
    public async Task AnAdoptedVersion_CannotBeEdited()
    {
        var adopted = await FrameAsync(portal.AdoptedReferentialId);
        using var coordinator = await portal.ClientForAsync(Actor.Coordinator);

        using var response = await PostAsync(coordinator, $"{Preparation}/{adopted.Id}/valeurs/nouveau", new()
        {
            ["Input.Title"] = "Une valeur de trop", ["Input.PublicText"] = "Un texte", ["Input.Version"] = adopted.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Un référentiel adopté ne change plus", (await HtmlClient.ParseAsync(response)).ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal(adopted.Values.Count, (await FrameAsync(adopted.Id)).Values.Count);
    }

    [Fact]
    public async Task TwoCoordinators_EditingTheSameVersion_DoNotOverwriteEachOther()
    {
        var frame = await FrameAsync(portal.ConsultationReferentialId);
        var question = frame.Questions[^1];
        var path = $"{Preparation}/{frame.Id}/questions/{question.Id}";
        using var first = await portal.ClientForAsync(Actor.Coordinator);
        using var second = await portal.ClientForAsync(Actor.Admin);
        var firstPage = await first.GetDocumentAsync(path);
        var secondPage = await second.GetDocumentAsync(path);

        using (var saved = await first.SubmitAsync(firstPage.Form(), new() { ["Question évaluative"] = question.Text + " (relue)" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var response = await second.SubmitAsync(secondPage.Form(), new() { ["Décision que la question éclaire"] = "Une autre décision" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var again = await HtmlClient.ParseAsync(response);
        Assert.Contains("a modifié ce référentiel pendant que vous le consultiez", again.ErrorSummary(), StringComparison.Ordinal);
        Assert.Contains(question.Text + " (relue)", again.QuerySelector("[data-testid=conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Une autre décision", again.QuerySelector("#Input_DecisionServed")!.TextContent);
        var stored = (await FrameAsync(frame.Id)).Questions[^1];
        Assert.Equal((question.Text + " (relue)", question.DecisionServed), (stored.Text, stored.DecisionServed));
    }
}
