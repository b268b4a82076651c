using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrajectoirEss.Infrastructure.Identity;
using Serilog.Core;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Features.Account;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>Lockout on the real login form, one message for every failure, and the security events it logs.</summary>
public sealed class LoginSecurityTests(LoginSecurityTests.Fixture portal) : IClassFixture<LoginSecurityTests.Fixture>
{
    private static async Task<(HttpStatusCode Status, string Error)> TryLoginAsync(HtmlClient client, string email, string password)
    {
        using var response = await client.SubmitAsync((await client.GetDocumentAsync("/compte/connexion")).Form(), new() { ["Adresse électronique"] = email, ["Mot de passe"] = password });
        var page = await HtmlClient.ParseAsync(response);
        return (response.StatusCode, page.QuerySelector("[data-testid=error-summary]")?.TextContent.Trim() ?? "(no error) " + page.MainText());
    }

    [Fact]
    public async Task Login_UnknownAccount_WrongPassword_LockedAccount_AndDisabledAccount_AllGetTheSameAnswer()
    {
        var locked = await portal.CreateUserAsync("verrouille@exemple.test", Roles.Porteur);
        var wrong = await portal.CreateUserAsync("mauvais-mot@exemple.test", Roles.Porteur);
        var disabled = await portal.CreateUserAsync("desactive@exemple.test", Roles.Porteur);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));
        using var client = portal.CreateHtmlClient();
        for (var i = 0; i < 5; i++)
        {
            await TryLoginAsync(client, "verrouille@exemple.test", "pas le bon mot de passe");
        }

        var answers = new[]
        {
            await TryLoginAsync(client, "personne@exemple.test", PortalFactory.Password),
            await TryLoginAsync(client, "mauvais-mot@exemple.test", "pas le bon mot de passe"),
            await TryLoginAsync(client, "verrouille@exemple.test", PortalFactory.Password),
            await TryLoginAsync(client, "desactive@exemple.test", PortalFactory.Password),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Contains(AccountController.GenericLoginError, a.Error, StringComparison.Ordinal));
        Assert.Single(answers.Select(a => a.Error).Distinct());
        Assert.DoesNotContain("bloqué pendant", answers[2].Error, StringComparison.Ordinal);

        // The lockout is real: even the right password is refused for 15 minutes.
        var lockoutEnd = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == locked.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        using var stillOut = await client.GetAsync("/porteur");
        Assert.Equal("/compte/connexion", stillOut.RequestMessage!.RequestUri!.AbsolutePath);

        var events = portal.Logs.SecurityEvents();
        Assert.Contains(events, e => e.Event == SecurityEvents.LockedOut && e.UserId == locked.Id.ToString());
        Assert.Contains(events, e => e.Event == SecurityEvents.LoginFailed && e.UserId == wrong.Id.ToString());
        Assert.Contains(events, e => e.Event == SecurityEvents.LoginFailed && e.UserId == disabled.Id.ToString());
    }

    [Fact]
    public async Task SecurityEvents_AreLoggedInUtc_WithIdsOnly_NeverAnAddressOrAPassword()
    {
        const string email = "journal-secret@exemple.test";
        var user = await portal.CreateUserAsync(email, Roles.Porteur);
        using var anonymous = portal.CreateHtmlClient();
        await TryLoginAsync(anonymous, email, "Mot-de-passe-errone-123");
        await TryLoginAsync(anonymous, "inconnu-secret@exemple.test", "Autre-secret-456");
        using var client = await portal.SignInAsync(email);
        var export = await client.GetAsync("/porteur/mes-donnees/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var forbidden = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var notFound = await client.GetAsync($"/porteur/projets/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        var logout = (await client.GetDocumentAsync("/porteur")).QuerySelector("form[action='/compte/deconnexion']") as AngleSharp.Html.Dom.IHtmlFormElement;
        using var _ = await client.SubmitAsync(logout!, []);

        var events = portal.Logs.SecurityEvents().Where(e => e.UserId == user.Id.ToString()).Select(e => e.Event).ToList();
        Assert.Contains(SecurityEvents.LoginFailed, events);
        Assert.Contains(SecurityEvents.LoginSucceeded, events);
        Assert.Contains(SecurityEvents.DataExported, events);
        Assert.Contains(SecurityEvents.AccessDenied, events);
        Assert.Contains(SecurityEvents.RecordNotFound, events);
        Assert.Contains(SecurityEvents.Logout, events);
        // As the app writes them outside development (one JSON object per event): the time is UTC.
        Assert.All(portal.Logs.SecurityEvents(), e =>
        {
            using var json = new StringWriter();
            new Serilog.Formatting.Compact.RenderedCompactJsonFormatter().Format(e.Log, json);
            Assert.Matches("\"@t\":\"[0-9T:.-]+Z\"", json.ToString());
        });

        var text = portal.Logs.AllText();
        foreach (var secret in new[] { email, "inconnu-secret", "Mot-de-passe-errone-123", "Autre-secret-456", PortalFactory.Password, "Compte " + email })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The e-mails already handed to the mail server (the pickup folder) for an address, without delivering the outbox.</summary>
    private int DeliveredTo(string address) =>
        Directory.Exists(portal.MailDirectory)
            ? Directory.GetFiles(portal.MailDirectory, "*.eml").Select(path => MimeKit.MimeMessage.Load(path)).Count(m => m.To.Mailboxes.Any(b => b.Address == address))
            : 0;

    private async Task<(HttpResponseMessage Response, int Hashes)> RegisterAsync(string email, string password)
    {
        using var client = portal.CreateHtmlClient();
        var form = (await client.GetDocumentAsync("/compte/inscription")).Form();
        var before = portal.PasswordHashes;
        var response = await client.SubmitAsync(form, new()
        {
            ["Prénom et nom"] = "Camille Test",
            ["Adresse électronique"] = email,
            ["Mot de passe"] = password,
            ["Confirmation du mot de passe"] = password,
        });
        return (response, portal.PasswordHashes - before);
    }

    /// <summary>
    /// Issue 19, item 18: registering with an address that has an account answered in 2 ms, with a new one in 296 ms
    /// (the new account's password was hashed). Both now hash the password once, give the same page, and send their
    /// e-mail (the confirmation, or "you already have an account") outside the request, through the outbox.
    /// </summary>
    [Fact]
    public async Task Registration_DoesTheSameWork_WhetherTheAddressHasAnAccountOrNot_AndMailsOnlyThroughTheOutbox()
    {
        await portal.CreateUserAsync("deja-inscrite@exemple.test", Roles.Porteur);

        var (known, knownHashes) = await RegisterAsync("deja-inscrite@exemple.test", "une phrase de passe assez longue");
        var (fresh, freshHashes) = await RegisterAsync("nouvelle-inscrite@exemple.test", "une phrase de passe assez longue");

        Assert.Equal(1, freshHashes);
        Assert.Equal(1, knownHashes);
        Assert.Equal((await HtmlClient.ParseAsync(fresh)).MainText(), (await HtmlClient.ParseAsync(known)).MainText());
        Assert.Equal(fresh.RequestMessage!.RequestUri, known.RequestMessage!.RequestUri);
        Assert.Equal(0, DeliveredTo("deja-inscrite@exemple.test"));
        Assert.Equal(0, DeliveredTo("nouvelle-inscrite@exemple.test"));

        var emails = portal.Emails();
        Assert.Contains(emails, m => m.To.Mailboxes.Any(b => b.Address == "deja-inscrite@exemple.test") && m.Subject == "Vous avez déjà un compte Trajectoir'ESS");
        Assert.Contains(emails, m => m.To.Mailboxes.Any(b => b.Address == "nouvelle-inscrite@exemple.test") && m.Subject == "Confirmez votre adresse électronique");
        known.Dispose();
        fresh.Dispose();
    }

    /// <summary>A password the rules refuse is refused for an address with an account too: the form does not tell them apart.</summary>
    [Fact]
    public async Task Registration_WithACommonPassword_GetsTheSameRefusal_WhetherTheAddressHasAnAccountOrNot()
    {
        await portal.CreateUserAsync("deja-commun@exemple.test", Roles.Porteur);

        var (known, _) = await RegisterAsync("deja-commun@exemple.test", "azertyuiop123");
        var (fresh, _) = await RegisterAsync("nouveau-commun@exemple.test", "azertyuiop123");

        var knownPage = await HtmlClient.ParseAsync(known);
        var freshPage = await HtmlClient.ParseAsync(fresh);
        Assert.Equal(known.StatusCode, fresh.StatusCode);
        Assert.NotNull(freshPage.ErrorFor("Password"));
        Assert.Equal(freshPage.ErrorFor("Password"), knownPage.ErrorFor("Password"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "nouveau-commun@exemple.test")));
        known.Dispose();
        fresh.Dispose();
    }

    /// <summary>"Forgot password" writes its e-mail to the outbox: nothing reaches the mail server during the request.</summary>
    [Fact]
    public async Task ForgottenPassword_MailsOnlyThroughTheOutbox_AfterTheRequest()
    {
        await portal.CreateUserAsync("oubli-file@exemple.test", Roles.Porteur);
        using var client = portal.CreateHtmlClient();

        using var response = await client.SubmitAsync((await client.GetDocumentAsync("/compte/mot-de-passe-oublie")).Form(), new() { ["Adresse électronique"] = "oubli-file@exemple.test" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, DeliveredTo("oubli-file@exemple.test"));
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Any(b => b.Address == "oubli-file@exemple.test") && m.Subject == "Choisir un nouveau mot de passe");
    }

    public sealed class Fixture : PortalFactory
    {
        private int _hashes;

        public LogCapture Logs { get; } = new();

        /// <summary>How many passwords the portal's hasher has hashed so far.</summary>
        public int PasswordHashes => Volatile.Read(ref _hashes);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddScoped<IPasswordHasher<ApplicationUser>>(provider => new CountingHasher(new PasswordHasher<ApplicationUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()), () => Interlocked.Increment(ref _hashes)));
        }

        /// <summary>Identity's hasher, counting the passwords it hashes.</summary>
        private sealed class CountingHasher(IPasswordHasher<ApplicationUser> inner, Action hashed) : IPasswordHasher<ApplicationUser>
        {
            public string HashPassword(ApplicationUser user, string password)
            {
                hashed();
                return inner.HashPassword(user, password);
            }

            public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword) =>
                inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
