using System.Net;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

public sealed class AccountTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Registration(string email, string password = "une phrase de passe assez longue") => new()
    {
        ["Prénom et nom"] = "Anna Le Goff",
        ["Adresse électronique"] = email,
        ["Mot de passe"] = password,
        ["Confirmation du mot de passe"] = password,
    };

    [Fact]
    public async Task Register_ThenConfirmFromTheEmail_ThenLogin_LandsInThePorteurSpace()
    {
        using var client = portal.CreateHtmlClient();
        var form = (await client.GetDocumentAsync("/compte/inscription")).Form();

        using var registered = await client.SubmitAsync(form, Registration("anna@exemple.test"));
        var check = await HtmlClient.ParseAsync(registered);
        Assert.Equal("Vérifiez votre messagerie", check.QuerySelector("h1")!.TextContent.Trim());

        // Not confirmed yet: the login is refused with a pointer to confirmation.
        var refused = await HtmlClient.ParseAsync(await client.SubmitAsync(
            (await client.GetDocumentAsync("/compte/connexion")).Form(),
            new() { ["Adresse électronique"] = "anna@exemple.test", ["Mot de passe"] = "une phrase de passe assez longue" }));
        Assert.Contains("Confirmez d'abord votre adresse", refused.MainText(), StringComparison.Ordinal);

        var confirmation = await client.GetDocumentAsync(portal.LinkInLastEmailTo("anna@exemple.test"));
        Assert.Equal("Adresse confirmée", confirmation.QuerySelector("h1")!.TextContent.Trim());

        var login = (await client.GetDocumentAsync("/compte/connexion")).Form();
        using var loggedIn = await client.SubmitAsync(login, new() { ["Adresse électronique"] = "anna@exemple.test", ["Mot de passe"] = "une phrase de passe assez longue" });
        var space = await HtmlClient.ParseAsync(loggedIn);
        Assert.Equal("/porteur", loggedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Mon espace", space.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Anna Le Goff", space.QuerySelector("[data-testid=current-user]")!.TextContent.Trim());
        Assert.True(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "anna@exemple.test" && u.EmailConfirmed)));
    }

    [Fact]
    public async Task Register_WithErrors_KeepsWhatWasTypedAndShowsFrenchMessagesNextToFields()
    {
        using var client = portal.CreateHtmlClient();
        var form = (await client.GetDocumentAsync("/compte/inscription")).Form();
        var input = Registration("pas-une-adresse", "court");
        input["Prénom et nom"] = "<script>alert('x')</script>";

        using var response = await client.SubmitAsync(form, input);
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-testid=error-summary]"));
        Assert.Equal("Saisissez une adresse électronique valide, par exemple nom@exemple.fr.", page.ErrorFor("Email"));
        Assert.Equal("Le mot de passe doit compter entre 12 et 200 caractères.", page.ErrorFor("Password"));
        Assert.Equal("pas-une-adresse", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Email")!).Value);
        Assert.Equal("<script>alert('x')</script>", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#DisplayName")!).Value);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "pas-une-adresse")));
    }

    [Fact]
    public async Task Register_WithAnExistingAddress_AnswersTheSameAndWarnsTheOwnerByEmail()
    {
        await portal.CreateUserAsync("deja@exemple.test", Roles.Porteur);
        using var client = portal.CreateHtmlClient();
        var form = (await client.GetDocumentAsync("/compte/inscription")).Form();

        var page = await HtmlClient.ParseAsync(await client.SubmitAsync(form, Registration("deja@exemple.test")));

        Assert.Equal("Vérifiez votre messagerie", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(portal.Emails(), m => m.Subject == "Vous avez déjà un compte Trajectoir'ESS" && m.To.Mailboxes.Single().Address == "deja@exemple.test");
        Assert.Equal(1, await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "deja@exemple.test")));
    }

    [Fact]
    public async Task Login_WithAWrongPasswordOrUnknownAccount_GivesTheSameGenericMessage()
    {
        await portal.CreateUserAsync("connue@exemple.test", Roles.Porteur);
        using var client = portal.CreateHtmlClient();

        var wrong = await HtmlClient.ParseAsync(await client.SubmitAsync(
            (await client.GetDocumentAsync("/compte/connexion")).Form(),
            new() { ["Adresse électronique"] = "connue@exemple.test", ["Mot de passe"] = "pas le bon mot de passe" }));
        var unknown = await HtmlClient.ParseAsync(await client.SubmitAsync(
            (await client.GetDocumentAsync("/compte/connexion")).Form(),
            new() { ["Adresse électronique"] = "inconnue@exemple.test", ["Mot de passe"] = "pas le bon mot de passe" }));

        var message = "Adresse électronique ou mot de passe incorrect.";
        Assert.Contains(message, wrong.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, unknown.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(wrong.QuerySelector("[data-testid=current-user]"));
    }

    [Fact]
    public async Task ForgotPassword_ThenTheLink_SetsANewPassword()
    {
        await portal.CreateUserAsync("oubli@exemple.test", Roles.Porteur);
        using var client = portal.CreateHtmlClient();

        var sent = await HtmlClient.ParseAsync(await client.SubmitAsync(
            (await client.GetDocumentAsync("/compte/mot-de-passe-oublie")).Form(),
            new() { ["Adresse électronique"] = "oubli@exemple.test" }));
        Assert.Equal("Vérifiez votre messagerie", sent.QuerySelector("h1")!.TextContent.Trim());

        var reset = (await client.GetDocumentAsync(portal.LinkInLastEmailTo("oubli@exemple.test"))).Form();
        var done = await HtmlClient.ParseAsync(await client.SubmitAsync(reset, new()
        {
            ["Nouveau mot de passe"] = "mon nouveau mot de passe 2026",
            ["Confirmation du mot de passe"] = "mon nouveau mot de passe 2026",
        }));
        Assert.Equal("Mot de passe modifié", done.QuerySelector("h1")!.TextContent.Trim());

        using var signedIn = await portal.SignInAsync("oubli@exemple.test", "mon nouveau mot de passe 2026");
    }

    [Theory]
    [InlineData("/compte/confirmer")]
    [InlineData("/compte/confirmer?userId=pas-un-guid&code=xyz")]
    [InlineData("/compte/confirmer?userId=0195f2a4-0000-7000-8000-000000000000&code=%%%")]
    public async Task ConfirmEmail_WithABadLink_Answers400WithAClearPage(string url)
    {
        using var client = portal.CreateHtmlClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.Equal("Lien non valide", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        await portal.CreateUserAsync("sortie@exemple.test", Roles.Porteur);
        using var client = await portal.SignInAsync("sortie@exemple.test");
        var space = await client.GetDocumentAsync("/porteur");
        var logout = (AngleSharp.Html.Dom.IHtmlFormElement)space.QuerySelector("header form")!;

        var home = await HtmlClient.ParseAsync(await client.SubmitAsync(logout, []));

        Assert.Equal("Vous êtes déconnecté.", home.QuerySelector("[data-testid=flash]")!.TextContent.Trim());
        using var after = await client.GetAsync("/porteur");
        Assert.Equal("/compte/connexion", after.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = portal.CreateClient();
        using var content = new FormUrlEncodedContent([new("Email", "x@exemple.test"), new("Password", "whatever-whatever")]);
        using var response = await client.PostAsync("/compte/connexion", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
