using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    public sealed class Fixture : PortalFactory
    {
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        }

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(Logs);
    }
}
