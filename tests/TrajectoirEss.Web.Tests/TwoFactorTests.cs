using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// Two-factor authentication with an authenticator app (the test computes the codes itself, RFC 6238) and
/// recovery codes; required for staff, coordinators and administrators (this class turns the setting on).
/// </summary>
public sealed class TwoFactorTests(TwoFactorTests.Fixture portal) : IClassFixture<TwoFactorTests.Fixture>
{
    private static int _counter;

    private static string NewEmail(string name) => $"{name}-{Interlocked.Increment(ref _counter)}@exemple.test";

    private static IHtmlFormElement FormFor(IHtmlDocument page, string action) =>
        (IHtmlFormElement)(page.QuerySelectorAll("main form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to {action} in: {page.MainText()}"));

    /// <summary>Turns 2FA on from the set-up page; returns the shared key and the recovery codes shown.</summary>
    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(HtmlClient client)
    {
        var setup = await client.GetDocumentAsync("/compte/securite/activer");
        if (setup.QuerySelector("[data-testid=shared-key]") is null)
        {
            setup = await HtmlClient.ParseAsync(await client.SubmitAsync(FormFor(setup, "/compte/securite/cle"), []));
        }

        var key = setup.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.StartsWith("otpauth://totp/", setup.QuerySelector("[data-testid=authenticator-uri]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"secret={key.ToUpperInvariant()}", setup.QuerySelector("[data-testid=authenticator-uri]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("main img")!.GetAttribute("src"), StringComparison.Ordinal);

        using var wrong = await client.SubmitAsync(FormFor(setup, "/compte/securite/activer"), new() { ["Input.Code"] = "000000" == Totp.Code(key, portal.Clock.GetUtcNow()) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        var done = await HtmlClient.ParseAsync(await client.SubmitAsync(FormFor(setup, "/compte/securite/activer"), new() { ["Input.Code"] = Totp.Code(key, portal.Clock.GetUtcNow()) }));
        Assert.Equal("La double authentification est activée.", done.Flash());
        var codes = done.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        return (key, codes);
    }

    private static async Task<IHtmlDocument> PasswordStepAsync(HtmlClient client, string email)
    {
        using var response = await client.SubmitAsync((await client.GetDocumentAsync("/compte/connexion")).Form(), new() { ["Adresse électronique"] = email, ["Mot de passe"] = PortalFactory.Password });
        Assert.Equal("/compte/connexion/code", response.RequestMessage!.RequestUri!.AbsolutePath);
        return await HtmlClient.ParseAsync(response);
    }

    [Fact]
    public async Task Staff_WithoutTwoFactor_IsSentToTheSetUpPage_AndReachesNothingElseUntilDone()
    {
        var email = NewEmail("pole");
        await portal.CreateUserAsync(email, Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
        using var client = await portal.SignInAsync(email);

        foreach (var path in new[] { "/pole", "/compte/preferences", "/pole/territoire", "/" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(TwoFactorRequirement.SetupPath, response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.NotNull((await HtmlClient.ParseAsync(response)).QuerySelector("[data-testid=two-factor-required]"));
        }

        var token = (await client.GetDocumentAsync(TwoFactorRequirement.SetupPath)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = await client.Http.PostAsync("/compte/preferences", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        await EnableAsync(client);
        using var inbox = await client.GetAsync("/pole");
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Equal("/pole", inbox.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [InlineData(Roles.StructureStaff, "tag29")]
    [InlineData(Roles.Coordinator, null)]
    [InlineData(Roles.PublicPartner, null)]
    [InlineData(Roles.Admin, null)]
    public async Task EveryStaffRole_MustTurnItOn(string role, string? structure)
    {
        var email = NewEmail("role");
        await portal.CreateUserAsync(email, role, structureCode: structure);
        using var client = await portal.SignInAsync(email);
        using var response = await client.GetAsync("/compte/preferences");
        Assert.Equal(TwoFactorRequirement.SetupPath, response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Porteur_IsNotForced_ButCanTurnItOnAndOff()
    {
        var email = NewEmail("porteur");
        var user = await portal.CreateUserAsync(email, Roles.Porteur);
        using var client = await portal.SignInAsync(email);
        using var home = await client.GetAsync("/porteur");
        Assert.Equal("/porteur", home.RequestMessage!.RequestUri!.AbsolutePath);

        await EnableAsync(client);
        Assert.True(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var page = await client.GetDocumentAsync("/compte/securite");
        using var badPassword = await client.SubmitAsync(FormFor(page, "/compte/securite/desactiver"), new() { ["Confirm.Password"] = "pas le bon" });
        Assert.Equal(HttpStatusCode.BadRequest, badPassword.StatusCode);
        var off = await HtmlClient.ParseAsync(await client.SubmitAsync(FormFor(page, "/compte/securite/desactiver"), new() { ["Confirm.Password"] = PortalFactory.Password }));

        Assert.Equal("La double authentification est désactivée.", off.Flash());
        Assert.False(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var events = portal.Logs.SecurityEvents().Where(e => e.UserId == user.Id.ToString()).Select(e => e.Event).ToList();
        Assert.Contains(SecurityEvents.TwoFactorEnabled, events);
        Assert.Contains(SecurityEvents.TwoFactorDisabled, events);
        var notices = portal.Emails().Where(m => m.To.Mailboxes.Single().Address == email && m.Subject == "Sécurité de votre compte Trajectoir'ESS").Select(m => m.TextBody ?? string.Empty).ToList();
        Assert.Contains(notices, n => n.Contains("la double authentification a été activée", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Contains("la double authentification a été désactivée", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_AsksForTheCode_RefusesAWrongOrReplayedOne_AndAcceptsTheRightOne()
    {
        var email = NewEmail("admin");
        await portal.CreateUserAsync(email, Roles.Admin);
        string key;
        using (var first = await portal.SignInAsync(email))
        {
            (key, _) = await EnableAsync(first);
        }

        using var client = portal.CreateHtmlClient();
        var codePage = await PasswordStepAsync(client, email);
        using var wrong = await client.SubmitAsync(codePage.Form(), new() { ["Code"] = "123456" == Totp.Code(key, portal.Clock.GetUtcNow()) ? "654321" : "123456" });
        Assert.Contains("Code incorrect", (await HtmlClient.ParseAsync(wrong)).ErrorFor("Code"), StringComparison.Ordinal);
        using var noAccess = await client.GetAsync("/admin");
        Assert.Equal("/compte/connexion", noAccess.RequestMessage!.RequestUri!.AbsolutePath);

        codePage = await PasswordStepAsync(client, email);
        var code = Totp.Code(key, portal.Clock.GetUtcNow());
        using var signedIn = await client.SubmitAsync(codePage.Form(), new() { ["Code"] = code });
        Assert.Equal("/admin", signedIn.RequestMessage!.RequestUri!.AbsolutePath);

        // The same code, within its 30 seconds, does not open a second session.
        using var other = portal.CreateHtmlClient();
        var again = await PasswordStepAsync(other, email);
        using var replayed = await other.SubmitAsync(again.Form(), new() { ["Code"] = code });
        Assert.Contains("Code incorrect", (await HtmlClient.ParseAsync(replayed)).ErrorFor("Code"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoveryCode_OpensOneSession_Once()
    {
        var email = NewEmail("structure");
        var user = await portal.CreateUserAsync(email, Roles.StructureStaff, structureCode: "tag29");
        IReadOnlyList<string> codes;
        using (var first = await portal.SignInAsync(email))
        {
            (_, codes) = await EnableAsync(first);
        }

        using var client = portal.CreateHtmlClient();
        await PasswordStepAsync(client, email);
        var recoveryPage = await client.GetDocumentAsync("/compte/connexion/code-de-secours");
        using var used = await client.SubmitAsync(recoveryPage.Form(), new() { ["Code de secours"] = codes[3] });
        Assert.Equal("/structure", used.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Il vous en reste 9", (await HtmlClient.ParseAsync(used)).Flash(), StringComparison.Ordinal);

        using var other = portal.CreateHtmlClient();
        await PasswordStepAsync(other, email);
        using var reused = await other.SubmitAsync((await other.GetDocumentAsync("/compte/connexion/code-de-secours")).Form(), new() { ["Code de secours"] = codes[3] });
        Assert.Contains("Code incorrect", (await HtmlClient.ParseAsync(reused)).ErrorFor("Code"), StringComparison.Ordinal);
        Assert.Contains(portal.Logs.SecurityEvents(), e => e.Event == SecurityEvents.RecoveryCodeUsed && e.UserId == user.Id.ToString());
    }

    [Fact]
    public async Task Staff_CannotTurnItOff()
    {
        var email = NewEmail("coordination");
        var user = await portal.CreateUserAsync(email, Roles.Coordinator);
        using var client = await portal.SignInAsync(email);
        await EnableAsync(client);
        var page = await client.GetDocumentAsync("/compte/securite");
        Assert.Empty(page.QuerySelectorAll("form[action='/compte/securite/desactiver']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var forced = await client.Http.PostAsync("/compte/securite/desactiver", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Confirm.Password", PortalFactory.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task AnAdministrator_ResetsTheSecondFactorOfSomeoneWhoLostIt_WhoMustSetItUpAgain()
    {
        var email = NewEmail("telephone-perdu");
        var user = await portal.CreateUserAsync(email, Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
        using var staff = await portal.SignInAsync(email);
        await EnableAsync(staff);
        var adminEmail = NewEmail("admin");
        await portal.CreateUserAsync(adminEmail, Roles.Admin);
        using var admin = await portal.SignInAsync(adminEmail);
        await EnableAsync(admin);

        var page = await admin.GetDocumentAsync($"/admin/comptes/{user.Id}");
        var reset = await HtmlClient.ParseAsync(await admin.SubmitAsync(FormFor(page, $"/admin/comptes/{user.Id}/double-authentification"), []));

        Assert.Contains("La double authentification est réinitialisée", reset.Flash(), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        using var ended = await staff.GetAsync("/pole");
        Assert.Equal("/compte/connexion", ended.RequestMessage!.RequestUri!.AbsolutePath);
        using var again = await portal.SignInAsync(email);
        using var forced = await again.GetAsync("/pole");
        Assert.Equal(TwoFactorRequirement.SetupPath, forced.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Double authentification réinitialisée", reset.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
    }

    public sealed class Fixture : PortalFactory
    {
        public TestClock Clock { get; } = new();

        public LogCapture Logs { get; } = new();

        protected override bool RequireTwoFactorForStaff => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILogEventSink>(Logs);
        }
    }
}
