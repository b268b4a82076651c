using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The whole life of the evaluation's frame through the real forms (issue 21): a first version written element by
/// element, put to the members' consultation (every member organisation e-mailed), a pôle's contribution answered,
/// the version adopted; the next version starts as its copy and is adopted at a session of the platform.
/// </summary>
public sealed class EvaluationFrameEditingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Preparation = "/coordination/evaluation/referentiel";
    private const string CoordinatorEmail = "coordination-referentiel@monde.test";
    private const string PoleEmail = "pole-referentiel@monde.test";

    private Task<Referential> InPreparationAsync() =>
        portal.WithDbAsync(db => db.Referentials.AsNoTracking().SingleAsync(r => r.Status == ReferentialStatus.Draft || r.Status == ReferentialStatus.UnderConsultation));

    [Fact]
    public async Task AFrame_IsWritten_PutToTheConsultation_Answered_Adopted_AndItsNextVersionStartsAsACopy()
    {
        await portal.CreateUserAsync(CoordinatorEmail, Roles.Coordinator);
        await portal.CreateUserAsync(PoleEmail, Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
        using var coordinator = await portal.SignInAsync(CoordinatorEmail);
        using var pole = await portal.SignInAsync(PoleEmail);

        // No version yet: the empty state starts the first one.
        var empty = await coordinator.GetDocumentAsync(Preparation);
        Assert.NotNull(empty.QuerySelector("[data-testid=empty-state]"));
        var blank = await coordinator.SubmitAsync(empty, "/commencer", new() { ["Titre du référentiel"] = "  " });
        Assert.False(string.IsNullOrEmpty(blank.ErrorFor("Start.Title")));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Referentials.CountAsync()));
        var started = await coordinator.SubmitAsync(empty, "/commencer", new() { ["Titre du référentiel"] = "Référentiel de l'essai" });
        Assert.Contains("première version", started.Flash(), StringComparison.Ordinal);
        var frame = await InPreparationAsync();
        var root = $"{Preparation}/{frame.Id}";

        // A value, a question, a criterion.
        var page = await coordinator.GetDocumentAsync($"{root}/valeurs/nouveau");
        Assert.Contains("valeur", (await coordinator.SubmitAsync(page, "/valeurs/nouveau", new() { ["Nom de la valeur"] = "Ancrage territorial", ["Texte pour le public"] = "Le programme est présent partout." })).Flash(), StringComparison.Ordinal);
        page = await coordinator.GetDocumentAsync($"{root}/questions/nouveau");
        (await coordinator.SubmitAsync(page, "/questions/nouveau", new() { ["Question évaluative"] = "Les communes rurales sont-elles touchées ?", ["Décision que la question éclaire"] = "Ouvrir des permanences" })).Flash();
        frame = await InPreparationAsync();
        page = await coordinator.GetDocumentAsync($"{root}/criteres/nouveau");
        (await coordinator.SubmitAsync(page, "/criteres/nouveau", new()
        {
            ["Valeur que le critère traduit"] = frame.Values[0].Id.ToString(),
            ["Question à laquelle le critère répond"] = frame.Questions[0].Id.ToString(),
            ["Critère"] = "Des porteurs ruraux accueillis",
        })).Flash();
        frame = await InPreparationAsync();
        var criterion = frame.Criteria.Single().Id.ToString();

        // Indicators refused beside their field, nothing saved: over 100 %, a computed one in another unit than its measure's, no criterion.
        page = await coordinator.GetDocumentAsync($"{root}/indicateurs/nouveau");
        var declared = new Dictionary<string, string>
        {
            ["Critère mesuré"] = criterion, ["Nom de l'indicateur"] = "Porteurs satisfaits", ["Niveau"] = "Resultat", ["Source"] = "Declared",
            ["Sens"] = "HigherIsBetter", ["Unité"] = "Percent", ["Valeur de référence"] = "40", ["Cible"] = "150",
        };
        var refused = await coordinator.SubmitAsync(page, "/indicateurs/nouveau", declared);
        Assert.Equal("La cible est un pourcentage : de 0 à 100.", refused.ErrorFor("Input.Target"));
        Assert.Equal("150", refused.QuerySelector("#Input_Target")!.GetAttribute("value"));
        refused = await coordinator.SubmitAsync(page, "/indicateurs/nouveau", new(declared) { ["Cible"] = "70", ["Source"] = "Computed", ["Input.Measure"] = nameof(MeasureCode.ProjectsWelcomed) });
        Assert.Contains("Cette mesure s'exprime en « Nombre »", refused.ErrorFor("Input.Unit"), StringComparison.Ordinal);
        refused = await coordinator.SubmitAsync(page, "/indicateurs/nouveau", new(declared) { ["Cible"] = "70", ["Critère mesuré"] = "" });
        Assert.Equal("Un indicateur mesure un critère : choisissez-le.", refused.ErrorFor("Input.CriterionId"));
        Assert.Empty((await InPreparationAsync()).Indicators);

        // A computed one takes its measure's unit; a declared one in %.
        (await coordinator.SubmitAsync(page, "/indicateurs/nouveau", new()
        {
            ["Critère mesuré"] = criterion, ["Nom de l'indicateur"] = "Projets accueillis", ["Niveau"] = "Realisation", ["Source"] = "Computed",
            ["Sens"] = "HigherIsBetter", ["Input.Measure"] = nameof(MeasureCode.ProjectsWelcomed), ["Input.Breakdowns"] = "Year",
        })).Flash();
        page = await coordinator.GetDocumentAsync($"{root}/indicateurs/nouveau");
        (await coordinator.SubmitAsync(page, "/indicateurs/nouveau", new(declared) { ["Cible"] = "70" })).Flash();
        frame = await InPreparationAsync();
        Assert.Equal([MeasureUnit.Count, MeasureUnit.Percent], frame.Indicators.Select(i => i.Terms.Unit));
        Assert.Equal(Breakdowns.Year, frame.Indicators[0].Terms.Breakdowns);

        // The consultation opens: every member organisation's staff is e-mailed, with the link to the members' page.
        var preparation = await coordinator.GetDocumentAsync(Preparation);
        var opened = await coordinator.SubmitAsync(preparation, "/consultation");
        Assert.Contains("La consultation des membres est ouverte", opened.Flash(), StringComparison.Ordinal);
        var email = Assert.Single(portal.Emails(), m => m.To.Mailboxes.Any(b => b.Address == PoleEmail));
        Assert.Contains("soumis à votre avis", email.Subject, StringComparison.Ordinal);
        Assert.Contains("/plateforme/evaluation/consultation", email.TextBody, StringComparison.Ordinal);
        Assert.NotNull((await pole.GetDocumentAsync("/plateforme")).QuerySelector("[data-testid=consultation-open]"));

        // The pôle comments on the question.
        var consultation = await pole.GetDocumentAsync("/plateforme/evaluation/consultation");
        var posted = await pole.SubmitAsync(consultation, "/plateforme/evaluation/consultation", new()
        {
            ["Sur quoi porte votre contribution"] = $"Question:{frame.Questions[0].Id}",
            ["Votre contribution"] = "Ajouter les quartiers prioritaires.",
        });
        Assert.Contains("Votre contribution est enregistrée", posted.Flash(), StringComparison.Ordinal);
        var poleName = await portal.WithDbAsync(db => db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Name).SingleAsync());
        Assert.Contains(poleName, posted.QuerySelector("[data-testid=consultation-contributions]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(PoleEmail, posted.MainText(), StringComparison.Ordinal);

        // Adoption refused while a contribution awaits its answer.
        preparation = await coordinator.GetDocumentAsync(Preparation);
        var early = await coordinator.SubmitAsync(preparation, "/adopter", new() { ["Ou instance qui l'a adoptée (en toutes lettres)"] = "Comité de pilotage" });
        Assert.Contains("Répondez à chaque contribution", early.ErrorSummary(), StringComparison.Ordinal);

        // The coordinator answers: declined without a reason is refused beside the field.
        var comment = (await InPreparationAsync()).Comments.Single();
        var answer = await coordinator.GetDocumentAsync($"{root}/contributions/{comment.Id}");
        var noReason = await coordinator.SubmitAsync(answer, $"/contributions/{comment.Id}", new() { ["Input.Outcome"] = nameof(CommentOutcome.Declined) });
        Assert.Equal("La raison est obligatoire.", noReason.ErrorFor("Input.AnswerText"));
        (await coordinator.SubmitAsync(answer, $"/contributions/{comment.Id}", new() { ["Input.Outcome"] = nameof(CommentOutcome.Declined), ["Input.AnswerText"] = "Pour la version suivante." })).Flash();

        // Adopted by a body named in words: the frame page shows it in force, with its consultation.
        preparation = await coordinator.GetDocumentAsync(Preparation);
        var adopted = await coordinator.SubmitAsync(preparation, "/adopter", new() { ["Ou instance qui l'a adoptée (en toutes lettres)"] = "Comité de pilotage" });
        Assert.Contains("Le référentiel est adopté", adopted.Flash(), StringComparison.Ordinal);
        Assert.Contains("version 1", adopted.QuerySelector("p.lead")!.TextContent, StringComparison.Ordinal);
        var history = adopted.QuerySelector("[data-testid=frame-consultation]")!.TextContent;
        Assert.Contains(poleName, history, StringComparison.Ordinal);
        Assert.Contains(CommentOutcome.Declined.Label(), history, StringComparison.Ordinal);
        Assert.Contains("Pour la version suivante.", history, StringComparison.Ordinal);
        Assert.Null((await pole.GetDocumentAsync("/plateforme")).QuerySelector("[data-testid=consultation-open]"));
        Assert.NotNull((await pole.GetDocumentAsync("/plateforme/evaluation/consultation")).QuerySelector("[data-testid=empty-state]"));

        // The next version starts as a copy.
        var next = await coordinator.SubmitAsync(await coordinator.GetDocumentAsync(Preparation), "/version-suivante");
        Assert.Contains("copie de la version en vigueur", next.Flash(), StringComparison.Ordinal);
        var copy = await InPreparationAsync();
        Assert.Equal((2, frame.Id), (copy.VersionNumber, copy.PreviousVersionId!.Value));
        Assert.Equal(frame.Indicators.Select(i => i.Title), copy.Indicators.Select(i => i.Title));
        Assert.Empty(copy.Comments);
        Assert.Equal(2, next.QuerySelectorAll("[data-testid=preparation-indicator]").Length);

        // Adopted at a session of the platform: version 1 is replaced, and keeps its consultation.
        var sessionId = await PlanSessionAsync();
        (await coordinator.SubmitAsync(await coordinator.GetDocumentAsync(Preparation), "/consultation")).Flash();
        var atSession = await coordinator.SubmitAsync(await coordinator.GetDocumentAsync(Preparation), "/adopter", new() { ["Séance de la plateforme de coordination"] = sessionId.ToString() });
        Assert.Contains("Le référentiel est adopté", atSession.Flash(), StringComparison.Ordinal);
        Assert.Contains("en séance de la plateforme de coordination", atSession.QuerySelector("p.lead")!.TextContent, StringComparison.Ordinal);
        var versions = atSession.QuerySelector("[data-testid=frame-versions]")!.TextContent;
        Assert.Contains("Version 1 : Remplacé", versions, StringComparison.Ordinal);
        Assert.Contains("Version 2 : Adopté", versions, StringComparison.Ordinal);
        var stored = await portal.WithDbAsync(db => db.Referentials.AsNoTracking().OrderBy(r => r.VersionNumber).ToListAsync());
        Assert.Equal([ReferentialStatus.Replaced, ReferentialStatus.Adopted], stored.Select(r => r.Status));
        Assert.Equal(sessionId, stored[1].Adoption!.SessionId);
        Assert.Single(stored[0].Comments);

        // Each step is in the audit trail.
        var actions = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Referential").Select(a => a.Action).ToListAsync());
        Assert.Contains("Version du référentiel commencée", actions);
        Assert.Contains("Consultation ouverte", actions);
        Assert.Contains("Contribution à la consultation", actions);
        Assert.Contains("Réponse à une contribution", actions);
        Assert.Contains("Référentiel adopté", actions);
        Assert.Contains("Référentiel remplacé", actions);

        // An adopted version does not change: its element's form says so, nothing saved.
        var element = $"{Preparation}/{stored[1].Id}/valeurs/{stored[1].Values[0].Id}";
        var frozen = await coordinator.GetDocumentAsync(element);
        Assert.NotNull(frozen.QuerySelector("[data-testid=frozen]"));
        using var response = await coordinator.SubmitAsync(frozen.Form(), new() { ["Nom de la valeur"] = "Autre nom" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Un référentiel adopté ne change plus", (await HtmlClient.ParseAsync(response)).ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal("Ancrage territorial", (await portal.WithDbAsync(db => db.Referentials.AsNoTracking().SingleAsync(r => r.Id == stored[1].Id))).Values[0].Title);
    }

    private async Task<Guid> PlanSessionAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        var body = await db.Bodies.SingleAsync(b => b.Kind == BodyKind.Platform);
        var now = DateTimeOffset.UtcNow;
        var session = PlatformSession.Plan(Guid.CreateVersion7(), body, now.AddDays(10), 120, "Rennes", null, null, Guid.CreateVersion7(), now);
        db.PlatformSessions.Add(session);
        db.DiscardDomainEvents();
        await db.SaveChangesAsync();
        return session.Id;
    }
}
