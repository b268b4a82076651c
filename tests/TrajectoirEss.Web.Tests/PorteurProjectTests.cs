using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Territory;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

public sealed class PorteurProjectTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static int _counter;

    private static string NewEmail(string name) => $"{name}-{Interlocked.Increment(ref _counter)}@exemple.test";

    private static Dictionary<string, string> CompleteIdea(string commune, string title = "Épicerie solidaire du bourg") => new()
    {
        ["Nom du projet"] = title,
        ["Summary"] = "Une épicerie associative avec des produits locaux.",
        ["SocialNeed"] = "Le dernier commerce du bourg a fermé.",
        ["Commune"] = commune,
        ["PeopleCount"] = "3",
        ["SectorCode"] = "commerce",
        ["LegalFormCode"] = "association",
        ["Stage"] = "Idee",
        ["NeedAccompagnement"] = "true",
        ["HeardFrom"] = "pole-ess",
        ["ConsentProcessing"] = "true",
    };

    private async Task<(HtmlClient Client, Guid UserId, string Email)> PorteurAsync(string name = "porteur")
    {
        var email = NewEmail(name);
        var user = await portal.CreateUserAsync(email, Roles.Porteur);
        return (await portal.SignInAsync(email), user.Id, email);
    }

    private static async Task<HttpResponseMessage> SendIdeaAsync(HtmlClient client, Dictionary<string, string> values, string intent)
    {
        var form = (await client.GetDocumentAsync("/porteur/projets/nouveau")).Form();
        values["intent"] = intent;
        return await client.SubmitAsync(form, values);
    }

    private static Guid ProjectIdFrom(HttpResponseMessage response) =>
        Guid.Parse(response.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[3]);

    private static async Task<Guid> SubmitIdeaAsync(HtmlClient client, string commune, string title = "Épicerie solidaire du bourg")
    {
        using var review = await SendIdeaAsync(client, CompleteIdea(commune, title), "deposer");
        var page = await HtmlClient.ParseAsync(review);
        using var submitted = await client.SubmitAsync(page.Form(), []);
        return ProjectIdFrom(submitted);
    }

    [Fact]
    public async Task Form_TakesWhatTheDomainAccepts()
    {
        var (client, _, _) = await PorteurAsync();
        using (client)
        {
            var page = await client.GetDocumentAsync("/porteur/projets/nouveau");
            Assert.Equal(ProjectDetails.TitleMaxLength, page.MaxLength("#Title"));
            Assert.Equal(ProjectDetails.SummaryMaxLength, page.MaxLength("#Summary"));
            Assert.Equal(Commune.NameMaxLength, page.MaxLength("#Commune"));
        }
    }

    [Theory]
    [InlineData("Morlaix", "ADESS du Pays de Morlaix", "adess-du-pays-de-morlaix")]
    [InlineData("Carhaix-Plouguer", "ADESK", "adesk")]
    [InlineData("Rennes", "Réso solidaire", "reso-solidaire")]
    [InlineData("vannes", "E2S Pays de Vannes", "e2s-pays-de-vannes")]
    [InlineData("22000", "Rich'ESS", "rich-ess")]
    public async Task Submit_FromACommune_IsRoutedToItsPoleAndAcknowledged(string commune, string poleName, string poleCode)
    {
        var staffEmail = NewEmail("staff");
        await portal.CreateUserAsync(staffEmail, Roles.PoleStaff, poleCode: poleCode);
        var (client, userId, email) = await PorteurAsync();

        using var review = await SendIdeaAsync(client, CompleteIdea(commune), "deposer");
        var reviewPage = await HtmlClient.ParseAsync(review);
        Assert.Equal("Déposer mon projet", reviewPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"Votre projet sera accueilli par {poleName}", reviewPage.QuerySelector("[data-testid=pole-announcement] h2")!.TextContent.Trim());

        using var submitted = await client.SubmitAsync(reviewPage.Form(), []);
        var details = await HtmlClient.ParseAsync(submitted);

        Assert.Contains("Votre projet est déposé", details.QuerySelector("[data-testid=flash]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Déposé, en attente d'accueil", details.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Equal(poleName, details.QuerySelector("[data-testid=pole-name]")!.TextContent.Trim());
        Assert.Contains("Idée déposée", details.QuerySelector("[data-testid=trajectory]")!.TextContent, StringComparison.Ordinal);

        var projectId = ProjectIdFrom(submitted);
        var stored = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        var expectedPole = await portal.WithDbAsync(db => db.Poles.Where(p => p.Code == poleCode).Select(p => p.Id).SingleAsync());
        Assert.Equal(expectedPole, stored.PoleId);
        Assert.Equal(ProjectStatus.Submitted, stored.Status);
        Assert.True(stored.IsOwner(userId));
        var acknowledgement = Assert.Single(portal.Emails(), m => m.To.Mailboxes.Single().Address == email && m.Subject == "Votre projet a bien été déposé");
        // The delay the pôle commits to is the one the inbox flags (Workspace:FirstContactAlertDays), not "prochainement".
        var days = portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Web.Startup.WorkspaceOptions>>().Value.FirstContactAlertDays;
        Assert.Contains($"qui vous contactera sous {days} jours", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == staffEmail && m.Subject == "Nouveau projet déposé auprès de votre pôle");
    }

    [Fact]
    public async Task Draft_ThenCompleted_ThenSubmitted()
    {
        var (client, _, _) = await PorteurAsync();
        using var draft = await SendIdeaAsync(client, new() { ["Nom du projet"] = "Une idée à creuser" }, "brouillon");
        var details = await HtmlClient.ParseAsync(draft);
        var projectId = ProjectIdFrom(draft);

        Assert.Equal("Votre brouillon est enregistré.", details.QuerySelector("[data-testid=flash]")!.TextContent.Trim());
        Assert.Equal("Brouillon", details.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Contains("il manque la description de l'idée", details.QuerySelector("[data-testid=next-step]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(details.QuerySelector("[data-testid=empty-trajectory]"));

        var edit = (await client.GetDocumentAsync($"/porteur/projets/{projectId}/modifier")).Form();
        Assert.Equal("Une idée à creuser", ((IHtmlInputElement)edit.QuerySelector("#Title")!).Value);
        var values = CompleteIdea("Quimperlé", "Une idée à creuser");
        values["intent"] = "deposer";
        using var review = await client.SubmitAsync(edit, values);
        using var submitted = await client.SubmitAsync((await HtmlClient.ParseAsync(review)).Form(), []);

        Assert.Equal(projectId, ProjectIdFrom(submitted));
        Assert.Equal(ProjectStatus.Submitted, await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task DoubleSubmission_CreatesOneProjectWithOneStep()
    {
        var (client, userId, _) = await PorteurAsync();
        var form = (await client.GetDocumentAsync("/porteur/projets/nouveau")).Form();
        var values = CompleteIdea("Morlaix", "Ressourcerie du pays");
        values["intent"] = "deposer";

        using var first = await client.SubmitAsync(form, values);
        using var second = await client.SubmitAsync(form, values);
        var review = await HtmlClient.ParseAsync(first);
        using var submitOnce = await client.SubmitAsync(review.Form(), []);
        using var submitTwice = await client.SubmitAsync(review.Form(), []);

        Assert.Equal(ProjectIdFrom(first), ProjectIdFrom(second));
        var projects = await portal.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Members.Any(m => m.UserId == userId)).ToListAsync());
        var project = Assert.Single(projects);
        Assert.Single(project.Steps);
        Assert.Equal("Ce projet est déjà déposé.", (await HtmlClient.ParseAsync(submitTwice)).QuerySelector("[data-testid=flash]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("75001", "hors de Bretagne")]
    [InlineData("Paris", "Aucune commune de Bretagne ne correspond")]
    public async Task Submit_OutsideBrittany_ExplainsAndKeepsTheInput(string commune, string message)
    {
        var (client, userId, _) = await PorteurAsync();
        using var response = await SendIdeaAsync(client, CompleteIdea(commune, "Tiers-lieu <b>gras</b>"), "deposer");
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.ErrorFor("Commune"), StringComparison.Ordinal);
        Assert.Equal(commune, ((IHtmlInputElement)page.QuerySelector("#Commune")!).Value);
        Assert.Equal("Tiers-lieu <b>gras</b>", ((IHtmlInputElement)page.QuerySelector("#Title")!).Value);
        Assert.Equal("Une épicerie associative avec des produits locaux.", page.QuerySelector("#Summary")!.TextContent);
        Assert.Equal("commerce", ((IHtmlSelectElement)page.QuerySelector("#SectorCode")!).Value);
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Members.Any(m => m.UserId == userId))));
    }

    [Fact]
    public async Task Submit_WithAnAmbiguousCommune_OffersAChoice()
    {
        var (client, _, _) = await PorteurAsync();
        using var response = await SendIdeaAsync(client, CompleteIdea("Saint"), "deposer");
        var page = await HtmlClient.ParseAsync(response);

        Assert.Contains("Plusieurs communes correspondent", page.ErrorFor("Commune"), StringComparison.Ordinal);
        var choice = page.QuerySelectorAll("input[name=CommuneCode][type=radio]").Cast<IHtmlInputElement>().First();
        var values = CompleteIdea("Saint");
        values["intent"] = "deposer";
        values["CommuneCode"] = choice.Value;
        using var review = await client.SubmitAsync(page.Form(), values);

        Assert.Equal("Déposer mon projet", (await HtmlClient.ParseAsync(review)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Edit_AfterAnotherPorteurSaved_Answers409_KeepsWhatWasTyped_AndSavingAgainGoesThrough()
    {
        var (client, _, _) = await PorteurAsync();
        using var draft = await SendIdeaAsync(client, new() { ["Nom du projet"] = "Idée à plusieurs" }, "brouillon");
        var projectId = ProjectIdFrom(draft);
        var edit = (await client.GetDocumentAsync($"/porteur/projets/{projectId}/modifier")).Form();

        // Meanwhile a co-porteur saves the project (its row version changes).
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE projects SET title = 'Idée renommée par un autre' WHERE id = {projectId}"));
        using var conflict = await client.SubmitAsync(edit, new() { ["Nom du projet"] = "Idée précisée", ["Summary"] = "Ce que j'ai écrit entre-temps." });
        var page = await HtmlClient.ParseAsync(conflict);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Un autre porteur a modifié ce projet", page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Idée précisée", ((IHtmlInputElement)page.QuerySelector("#Title")!).Value);
        Assert.Equal("Ce que j'ai écrit entre-temps.", page.QuerySelector("#Summary")!.TextContent);
        Assert.Equal("Idée renommée par un autre", await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync()));

        using var saved = await client.SubmitAsync(page.Form(), []);
        Assert.Equal("Votre brouillon est enregistré.", (await HtmlClient.ParseAsync(saved)).Flash());
        Assert.Equal("Idée précisée", await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Form_WithInvalidValues_ShowsMessagesNextToFieldsAndChangesNothing()
    {
        var (client, userId, _) = await PorteurAsync();
        var values = CompleteIdea("Morlaix", new string('x', 121));
        values["PeopleCount"] = "0";
        values["SectorCode"] = "pas-un-secteur";
        values["Stage"] = "PasUnStade";
        using var response = await SendIdeaAsync(client, values, "brouillon");
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal("Le nom du projet ne doit pas dépasser 120 caractères.", page.ErrorFor("Title"));
        Assert.Equal("Indiquez un nombre entre 1 et 500.", page.ErrorFor("PeopleCount"));
        Assert.Equal("Choisissez une valeur de la liste.", page.ErrorFor("SectorCode"));
        Assert.Equal("La valeur saisie n'est pas valide.", page.ErrorFor("Stage"));
        Assert.NotNull(page.QuerySelector("[data-testid=error-summary]"));
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Members.Any(m => m.UserId == userId))));
    }

    [Fact]
    public async Task Html_InAField_IsShownAsText()
    {
        var (client, _, _) = await PorteurAsync();
        using var draft = await SendIdeaAsync(client, new() { ["Nom du projet"] = "<script>alert('x')</script>", ["Summary"] = "<img src=x onerror=alert(1)>" }, "brouillon");
        var html = await draft.Content.ReadAsStringAsync();
        var page = await HtmlClient.ParseAsync(draft);

        Assert.Equal("<script>alert('x')</script>", page.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_ACoPorteurJoinsSeesTheProjectAndCanLeave()
    {
        var (owner, _, _) = await PorteurAsync("proprio");
        var projectId = await SubmitIdeaAsync(owner, "Brest", "Atelier vélo");
        var coEmail = NewEmail("copain");

        var details = await owner.GetDocumentAsync($"/porteur/projets/{projectId}");
        var inviteForm = (IHtmlFormElement)details.QuerySelector($"form[action='/porteur/projets/{projectId}/invitations']")!;
        using var invited = await owner.SubmitAsync(inviteForm, new() { ["email"] = coEmail });
        Assert.Contains(coEmail, (await HtmlClient.ParseAsync(invited)).QuerySelector("#porteurs")!.TextContent, StringComparison.Ordinal);

        var link = portal.LinkInLastEmailTo(coEmail);
        using var anonymous = portal.CreateHtmlClient();
        var landing = await anonymous.GetDocumentAsync(link);
        Assert.Contains("Atelier vélo", landing.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var co = await portal.CreateUserAsync(coEmail, Roles.Porteur);
        using var coClient = await portal.SignInAsync(coEmail);
        var accept = await coClient.GetDocumentAsync(link);
        using var joined = await coClient.SubmitAsync(accept.Form(), []);
        var joinedPage = await HtmlClient.ParseAsync(joined);
        Assert.Equal($"/porteur/projets/{projectId}", joined.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("co-porteur", joinedPage.QuerySelector("[data-testid=members]")!.TextContent, StringComparison.Ordinal);

        // The link works once.
        var reused = await coClient.GetDocumentAsync(link);
        Assert.Equal("Cette invitation a déjà été utilisée.", reused.QuerySelector("[data-testid=invitation-problem]")!.TextContent.Trim());

        var leave = (IHtmlFormElement)joinedPage.QuerySelector($"form[action='/porteur/projets/{projectId}/quitter']")!;
        using var left = await coClient.SubmitAsync(leave, []);
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Id == projectId && p.Members.Any(m => m.UserId == co.Id))));
    }

    [Fact]
    public async Task Invitation_ForAnotherAddress_CannotBeUsed()
    {
        var (owner, _, _) = await PorteurAsync("proprio");
        var projectId = await SubmitIdeaAsync(owner, "Lorient", "Cantine");
        var details = await owner.GetDocumentAsync($"/porteur/projets/{projectId}");
        using var _ = await owner.SubmitAsync((IHtmlFormElement)details.QuerySelector($"form[action='/porteur/projets/{projectId}/invitations']")!, new() { ["email"] = "invite@exemple.test" });
        var (intruder, intruderId, _) = await PorteurAsync("intrus");

        var page = await intruder.GetDocumentAsync(portal.LinkInLastEmailTo("invite@exemple.test"));
        Assert.Contains("n'est pas l'adresse de votre compte", page.QuerySelector("[data-testid=invitation-problem]")!.TextContent, StringComparison.Ordinal);
        using var forced = await intruder.Http.PostAsync(portal.LinkInLastEmailTo("invite@exemple.test"), new FormUrlEncodedContent([]));
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Members.Any(m => m.UserId == intruderId))));
    }

    [Fact]
    public async Task Messages_ReachTheThreadAndThePole()
    {
        var (client, _, _) = await PorteurAsync();
        var projectId = await SubmitIdeaAsync(client, "Morlaix", "Recyclerie");
        var details = await client.GetDocumentAsync($"/porteur/projets/{projectId}");
        var form = (IHtmlFormElement)details.QuerySelector($"form[action='/porteur/projets/{projectId}/messages']")!;

        using var sent = await client.SubmitAsync(form, new() { ["Écrire au pôle"] = "Bonjour, quand pouvons-nous nous rencontrer ?" });
        var page = await HtmlClient.ParseAsync(sent);

        Assert.Contains("quand pouvons-nous nous rencontrer", page.QuerySelector("[data-testid=messages]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ContainsMyAccountProjectsMessagesAndConsents()
    {
        var (client, _, email) = await PorteurAsync();
        var projectId = await SubmitIdeaAsync(client, "Vannes", "Jardin partagé");
        var details = await client.GetDocumentAsync($"/porteur/projets/{projectId}");
        using var _ = await client.SubmitAsync((IHtmlFormElement)details.QuerySelector($"form[action='/porteur/projets/{projectId}/messages']")!, new() { ["body"] = "Message exporté" });

        using var response = await client.GetAsync("/porteur/mes-donnees/export");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(email, root.GetProperty("account").GetProperty("Email").GetString());
        var project = Assert.Single(root.GetProperty("projects").EnumerateArray());
        Assert.Equal("Jardin partagé", project.GetProperty("Title").GetString());
        Assert.Equal("Submitted", project.GetProperty("trajectory")[0].GetProperty("kind").GetString());
        Assert.Equal("Message exporté", project.GetProperty("messages")[0].GetProperty("Body").GetString());
        Assert.Contains(root.GetProperty("consents").EnumerateArray(), c => c.GetProperty("kind").GetString() == "DataProcessing" && c.GetProperty("Given").GetBoolean());
    }

    [Fact]
    public async Task DeleteAccount_LeavesNoPersonalDataAndKeepsTheAnonymisedProject()
    {
        var email = NewEmail("efface");
        var user = await portal.CreateUserAsync(email, Roles.Porteur);
        await portal.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == user.Id);
            u.DisplayName = "Gwenaëlle Kerdraon";
            return await db.SaveChangesAsync();
        });
        using var client = await portal.SignInAsync(email);
        var projectId = await SubmitIdeaAsync(client, "Quimper", "Boulangerie Kerdraon");
        var details = await client.GetDocumentAsync($"/porteur/projets/{projectId}");
        using var _ = await client.SubmitAsync((IHtmlFormElement)details.QuerySelector($"form[action='/porteur/projets/{projectId}/messages']")!, new() { ["body"] = "Signé Gwenaëlle Kerdraon" });
        using var __ = await client.SubmitAsync((IHtmlFormElement)(await client.GetDocumentAsync($"/porteur/projets/{projectId}")).QuerySelector($"form[action='/porteur/projets/{projectId}/invitations']")!, new() { ["email"] = "ami-de-gwen@exemple.test" });

        var confirm = (await client.GetDocumentAsync("/porteur/mes-donnees/supprimer")).Form();
        using var refused = await client.SubmitAsync(confirm, new() { ["Password"] = PortalFactory.Password });
        Assert.Equal("Cochez la case pour confirmer la suppression.", (await HtmlClient.ParseAsync(refused)).ErrorFor("Confirm"));
        using var deleted = await client.SubmitAsync(confirm, new() { ["Password"] = PortalFactory.Password, ["Confirm"] = "true" });

        Assert.Contains("Votre compte est supprimé", (await HtmlClient.ParseAsync(deleted)).QuerySelector("[data-testid=flash]")!.TextContent, StringComparison.Ordinal);
        foreach (var needle in new[] { email, "Kerdraon", "ami-de-gwen" })
        {
            Assert.Empty(await PersonalDataScanner.FindAsync(portal.ConnectionString, needle));
        }

        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Equal("Projet anonymisé", project.Title);
        Assert.Equal(ProjectStatus.Submitted, project.Status);
        Assert.Empty(project.Members);
        Assert.NotNull(project.PoleId);

        using var again = portal.CreateHtmlClient();
        var login = await HtmlClient.ParseAsync(await again.SubmitAsync((await again.GetDocumentAsync("/compte/connexion")).Form(), new() { ["Adresse électronique"] = email, ["Mot de passe"] = PortalFactory.Password }));
        Assert.Null(login.QuerySelector("[data-testid=current-user]"));
    }

    [Fact]
    public async Task NotificationPreferences_SwitchOffTheAcknowledgement()
    {
        var (client, _, email) = await PorteurAsync();
        var data = await client.GetDocumentAsync("/compte/preferences");
        var form = data.Form();
        using var saved = await client.SubmitAsync(form, new() { ["wanted"] = "Messages" });
        var page = await HtmlClient.ParseAsync(saved);
        Assert.Equal("Vos préférences de courriel sont enregistrées.", page.QuerySelector("[data-testid=flash]")!.TextContent.Trim());
        Assert.False(((IHtmlInputElement)page.QuerySelector("#notif-ProjectUpdates")!).IsChecked);

        await SubmitIdeaAsync(client, "Rennes", "Sans accusé");
        Assert.DoesNotContain(portal.Emails(), m => m.To.Mailboxes.Single().Address == email && m.Subject == "Votre projet a bien été déposé");
    }

    [Fact]
    public async Task StaffPreferences_OfferTheirKindsAndSwitchOffNewProjectEmails()
    {
        var staffEmail = NewEmail("staff-muet");
        await portal.CreateUserAsync(staffEmail, Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
        using var staff = await portal.SignInAsync(staffEmail);
        var preferences = await staff.GetDocumentAsync("/compte/preferences");
        Assert.NotNull(preferences.QuerySelector("#notif-NewProjects"));
        Assert.NotNull(preferences.QuerySelector("#notif-Messages"));
        Assert.Null(preferences.QuerySelector("#notif-ProjectUpdates"));
        using var saved = await staff.SubmitAsync(preferences.Form(), new() { ["wanted"] = "Messages" });

        var (porteur, _, _) = await PorteurAsync();
        await SubmitIdeaAsync(porteur, "Morlaix", "Projet discret pour le pôle");

        Assert.DoesNotContain(portal.Emails(), m => m.To.Mailboxes.Single().Address == staffEmail);
        var coordinatorEmail = NewEmail("coord");
        await portal.CreateUserAsync(coordinatorEmail, Roles.Coordinator);
        using var coordinator = await portal.SignInAsync(coordinatorEmail);
        var coordinatorPreferences = await coordinator.GetDocumentAsync("/compte/preferences");
        Assert.Equal(["notif-Coordination"], coordinatorPreferences.QuerySelectorAll("input[name=wanted]").Select(i => i.Id));
        var adminEmail = NewEmail("admin-muet");
        await portal.CreateUserAsync(adminEmail, Roles.Admin);
        using var admin = await portal.SignInAsync(adminEmail);
        Assert.NotNull((await admin.GetDocumentAsync("/compte/preferences")).QuerySelector("[data-testid=empty-state]"));
    }

    [Fact]
    public async Task AnotherPorteursProject_AnswersNotFoundEverywhere()
    {
        var (owner, _, _) = await PorteurAsync("proprio");
        var projectId = await SubmitIdeaAsync(owner, "Morlaix", "Projet privé");
        var ownerId = await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Members.Select(m => m.UserId).First()).SingleAsync());
        var (other, _, _) = await PorteurAsync("autre");
        var otherToken = ((IHtmlInputElement)(await other.GetDocumentAsync("/porteur/projets/nouveau")).QuerySelector("input[name=__RequestVerificationToken]")!).Value;

        foreach (var url in new[] { $"/porteur/projets/{projectId}", $"/porteur/projets/{projectId}/modifier", $"/porteur/projets/{projectId}/depot" })
        {
            using var get = await other.GetAsync(url);
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)get.StatusCode}");
        }

        foreach (var url in new[]
        {
            $"/porteur/projets/{projectId}/modifier", $"/porteur/projets/{projectId}/depot", $"/porteur/projets/{projectId}/messages",
            $"/porteur/projets/{projectId}/invitations", $"/porteur/projets/{projectId}/quitter", $"/porteur/projets/{projectId}/membres/{ownerId}/retirer",
        })
        {
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", otherToken), new("Title", "Piraté"), new("body", "Piraté"), new("email", "pirate@exemple.test")]);
            using var post = await other.Http.PostAsync(url, content);
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {url} answered {(int)post.StatusCode}");
        }

        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Equal("Projet privé", project.Title);
        Assert.Single(project.Members);
        Assert.False(await portal.WithDbAsync(db => db.ProjectMessages.AnyAsync(m => m.ProjectId == projectId)));
        Assert.False(await portal.WithDbAsync(db => db.ProjectInvitations.AnyAsync(i => i.ProjectId == projectId)));

        using var export = await other.GetAsync("/porteur/mes-donnees/export");
        Assert.DoesNotContain("Projet privé", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
