using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.PageForms;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The porteur's project page and the co-porteur's invitation (issue 19, items 2, 4 and 22): a refused form comes back as
/// itself, the invitation leads a new person through registration back to it, and one address has one pending invitation.
/// </summary>
public sealed class PorteurPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static int _counter;

    private static string NewEmail(string name) => $"{name}-{Interlocked.Increment(ref _counter)}@page.test";

    /// <summary>A porteur and their submitted project, written directly.</summary>
    private async Task<(HtmlClient Client, string Email, Guid ProjectId)> PorteurWithProjectAsync()
    {
        var email = NewEmail("porteur");
        var owner = await portal.CreateUserAsync(email, Roles.Porteur);
        var projectId = await portal.WithDbAsync(async db =>
        {
            var pole = await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync();
            var project = Project.CreateDraft(Guid.CreateVersion7(), owner.Id, new ProjectDetails("Ferme pédagogique", "Une ferme ouverte aux écoles", "Pas de lieu de découverte", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement, 2, null), DateTimeOffset.UtcNow);
            project.Submit(owner.Id, pole, consentToProcessing: true, DateTimeOffset.UtcNow);
            db.Projects.Add(project);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            return project.Id;
        });
        return (await portal.SignInAsync(email), email, projectId);
    }

    [Fact]
    public async Task ARefusedMessageOrInvitation_ShowsTheProjectPageAgain_WithTheMessageBesideTheField_AndTheInputKept()
    {
        var (client, email, projectId) = await PorteurWithProjectAsync();
        using var _ = client;
        var page = await client.GetDocumentAsync($"/porteur/projets/{projectId}");

        using (var blank = await client.SubmitAsync(FormFor(page, "/messages"), new() { ["Écrire au pôle"] = "   " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
            var again = await HtmlClient.ParseAsync(blank);
            Assert.Equal("Ferme pédagogique", again.QuerySelector("h1")!.TextContent.Trim());
            Assert.Equal("Le message est obligatoire.", again.ErrorFor("body"));
            Assert.NotNull(again.QuerySelector("[data-testid=error-summary] a[href='#body']"));
        }

        using (var self = await client.SubmitAsync(FormFor(page, "/invitations"), new() { ["Inviter un co-porteur (adresse électronique)"] = email }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
            var again = await HtmlClient.ParseAsync(self);
            Assert.Equal("Cette personne fait déjà partie du projet ou a déjà une invitation en cours.", again.ErrorFor("email"));
            Assert.Equal(email, ((IHtmlInputElement)again.QuerySelector("#email")!).Value);
        }

        Assert.False(await portal.WithDbAsync(db => db.ProjectMessages.AnyAsync(m => m.ProjectId == projectId)));
        Assert.False(await portal.WithDbAsync(db => db.ProjectInvitations.AnyAsync(i => i.ProjectId == projectId)));
    }

    [Fact]
    public async Task SixSimultaneousInvitations_OfOnePerson_MakeOneInvitation_AndOneEmail()
    {
        var (client, _, projectId) = await PorteurWithProjectAsync();
        using var _ = client;
        var page = await client.GetDocumentAsync($"/porteur/projets/{projectId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var invited = NewEmail("co");

        async Task<HttpStatusCode> InviteAsync()
        {
            using var content = new FormUrlEncodedContent([new("email", invited), new("__RequestVerificationToken", token)]);
            using var response = await client.Http.PostAsync($"/porteur/projets/{projectId}/invitations", content);
            return response.StatusCode;
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(InviteAsync)));

        Assert.All(answers, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"Answered {status}"));
        Assert.Equal(1, await portal.WithDbAsync(db => db.ProjectInvitations.CountAsync(i => i.ProjectId == projectId && i.AcceptedAt == null && i.RevokedAt == null)));
        Assert.Single(portal.Emails(), m => m.To.Mailboxes.Single().Address == invited);
    }

    [Fact]
    public async Task AnExpiredInvitation_IsReplacedByANewOne()
    {
        var (client, _, projectId) = await PorteurWithProjectAsync();
        using var _ = client;
        var invited = NewEmail("expire");
        var page = await client.GetDocumentAsync($"/porteur/projets/{projectId}");
        using (var first = await client.SubmitAsync(FormFor(page, "/invitations"), new() { ["email"] = invited }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE project_invitations SET expires_at = now() - interval '1 day' WHERE project_id = {projectId}"));
        page = await client.GetDocumentAsync($"/porteur/projets/{projectId}");
        using (var second = await client.SubmitAsync(FormFor(page, "/invitations"), new() { ["email"] = invited }))
        {
            Assert.Contains("L'invitation a été envoyée.", (await HtmlClient.ParseAsync(second)).Flash(), StringComparison.Ordinal);
        }

        var invitations = await portal.WithDbAsync(db => db.ProjectInvitations.AsNoTracking().Where(i => i.ProjectId == projectId).OrderBy(i => i.InvitedAt).ToListAsync());
        Assert.Equal(2, invitations.Count);
        Assert.NotNull(invitations[0].RevokedAt);
        Assert.True(invitations[1].IsPending(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task ANewPerson_RegistersFromTheInvitation_WithTheAddressFilledIn_AndIsBroughtBackToIt()
    {
        var (owner, _, projectId) = await PorteurWithProjectAsync();
        var invited = NewEmail("nouvelle");
        var page = await owner.GetDocumentAsync($"/porteur/projets/{projectId}");
        using (var sent = await owner.SubmitAsync(FormFor(page, "/invitations"), new() { ["email"] = invited }))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        owner.Dispose();
        var invitation = portal.LinkInLastEmailTo(invited);
        using var person = portal.CreateHtmlClient();
        var landing = await person.GetDocumentAsync(invitation);
        var register = landing.QuerySelector("[data-testid=register-from-invitation]")!.GetAttribute("href")!;
        var form = await person.GetDocumentAsync(register);
        Assert.Equal(invited, ((IHtmlInputElement)form.QuerySelector("#Email")!).Value);
        Assert.Equal(invitation, ((IHtmlInputElement)form.QuerySelector("input[name=ReturnUrl]")!).Value);

        using (var created = await person.SubmitAsync(form.Form(), new() { ["Prénom et nom"] = "Nolwenn Kerbrat", ["Mot de passe"] = "une phrase de passe bretonne", ["Confirmation du mot de passe"] = "une phrase de passe bretonne" }))
        {
            Assert.Equal("Vérifiez votre messagerie", (await HtmlClient.ParseAsync(created)).QuerySelector("h1")!.TextContent.Trim());
        }

        var confirmed = await person.GetDocumentAsync(portal.LinkInLastEmailTo(invited));
        Assert.Equal("Adresse confirmée", confirmed.QuerySelector("h1")!.TextContent.Trim());
        var next = confirmed.QuerySelector("[data-testid=next]")!.GetAttribute("href")!;
        Assert.Equal("/compte/connexion?ReturnUrl=" + Uri.EscapeDataString(invitation), next);

        var login = await person.GetDocumentAsync(next);
        using var back = await person.SubmitAsync(login.Form(), new() { ["Adresse électronique"] = invited, ["Mot de passe"] = "une phrase de passe bretonne" });
        Assert.Equal(invitation, back.RequestMessage!.RequestUri!.PathAndQuery);
        var join = await HtmlClient.ParseAsync(back);
        using var joined = await person.SubmitAsync(join.Form(), []);
        Assert.Contains("Vous avez rejoint le projet.", (await HtmlClient.ParseAsync(joined)).Flash(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegistration_ReturnsOnlyToThePortal()
    {
        var email = NewEmail("ailleurs");
        using var person = portal.CreateHtmlClient();
        var form = await person.GetDocumentAsync("/compte/inscription?email=" + Uri.EscapeDataString(email) + "&returnUrl=" + Uri.EscapeDataString("https://ailleurs.example/piege"));
        Assert.Equal(string.Empty, ((IHtmlInputElement)form.QuerySelector("input[name=ReturnUrl]")!).Value);

        using var created = await person.SubmitAsync(form.Form(), new() { ["Prénom et nom"] = "Personne Ailleurs", ["Mot de passe"] = "une phrase de passe bretonne", ["Confirmation du mot de passe"] = "une phrase de passe bretonne", ["ReturnUrl"] = "//ailleurs.example/piege" });
        var link = portal.LinkInLastEmailTo(email);
        Assert.DoesNotContain("returnUrl", link, StringComparison.OrdinalIgnoreCase);
        var confirmed = await person.GetDocumentAsync(link);
        Assert.Null(confirmed.QuerySelector("[data-testid=next]"));
    }
}
