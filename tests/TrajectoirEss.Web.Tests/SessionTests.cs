using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The session cookie: its attributes, 30 minutes idle, 12 hours in all, and the ways it ends server-side.</summary>
public sealed class SessionTests(SessionTests.Fixture portal) : IClassFixture<SessionTests.Fixture>
{
    private static int _counter;

    private async Task<string> NewPorteurAsync()
    {
        var email = $"session-{Interlocked.Increment(ref _counter)}@exemple.test";
        await portal.CreateUserAsync(email, Roles.Porteur);
        return email;
    }

    /// <summary>Logs in by hand (no cookie container): the response's Set-Cookie headers and the session cookie to send back.</summary>
    private async Task<(IReadOnlyList<string> SetCookies, string Session)> RawLoginAsync(string email)
    {
        using var http = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = PortalFactory.BaseAddress });
        using var page = await http.GetAsync("/compte/connexion");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PortalCookies.Antiforgery, StringComparison.Ordinal)).Split(';')[0];
        var token = (await HtmlClient.ParseAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/compte/connexion")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", PortalFactory.Password), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookies = page.Headers.GetValues("Set-Cookie").Concat(response.Headers.GetValues("Set-Cookie")).ToList();
        return (setCookies, setCookies.Single(c => c.StartsWith(PortalCookies.Session, StringComparison.Ordinal)).Split(';')[0]);
    }

    private async Task<HttpStatusCode> GetWithCookieAsync(string cookie, string path = "/porteur")
    {
        using var http = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = PortalFactory.BaseAddress });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/compte/connexion" ? HttpStatusCode.Unauthorized : response.StatusCode;
    }

    private static async Task<HttpResponseMessage> LogoutAsync(HtmlClient client)
    {
        var form = (IHtmlFormElement)(await client.GetDocumentAsync("/porteur")).QuerySelector("form[action='/compte/deconnexion']")!;
        return await client.SubmitAsync(form, []);
    }

    [Fact]
    public async Task EveryCookie_IsHostPrefixed_Secure_HttpOnly_SameSiteLax()
    {
        var (setCookies, _) = await RawLoginAsync(await NewPorteurAsync());

        Assert.Contains(setCookies, c => c.StartsWith(PortalCookies.Session + "=", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith(PortalCookies.Antiforgery + "=", StringComparison.Ordinal));
        Assert.All(setCookies, cookie =>
        {
            var parts = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(p => p.ToLowerInvariant()).ToList();
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            Assert.Contains("secure", parts);
            Assert.Contains("httponly", parts);
            Assert.Contains("samesite=lax", parts);
            Assert.Contains("path=/", parts);
            Assert.DoesNotContain(parts, p => p.StartsWith("domain=", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task OverPlainHttp_FormsStillWork_AndCookiesAreStillSecure()
    {
        // The development server is http://127.0.0.1, and a proxy may forget X-Forwarded-Proto: no 500, and
        // the cookies keep Secure (browsers accept it from 127.0.0.1 and localhost, and send it back there only).
        using var http = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://localhost") });
        using var page = await http.GetAsync("/compte/connexion");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PortalCookies.Antiforgery, StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery.ToLowerInvariant().Split(';', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Session_EndsAfter30MinutesIdle()
    {
        var (_, cookie) = await RawLoginAsync(await NewPorteurAsync());
        portal.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync(cookie));

        portal.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithCookieAsync(cookie));
    }

    [Fact]
    public async Task Session_EndsAfter12Hours_EvenWhenActive()
    {
        var email = await NewPorteurAsync();
        using var client = await portal.SignInAsync(email);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.8); elapsed += TimeSpan.FromMinutes(20))
        {
            portal.Clock.Advance(TimeSpan.FromMinutes(20));
            using var active = await client.GetAsync("/porteur");
            Assert.True(active.RequestMessage!.RequestUri!.AbsolutePath == "/porteur", $"Signed out after {elapsed + TimeSpan.FromMinutes(20)}");
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(20));
        using var expired = await client.GetAsync("/porteur");
        Assert.Equal("/compte/connexion", expired.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Logout_KillsACopyOfTheCookieToo()
    {
        var email = await NewPorteurAsync();
        var (_, copied) = await RawLoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync(copied));
        using var client = await portal.SignInAsync(email);

        using var _ = await LogoutAsync(client);

        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithCookieAsync(copied));
    }

    [Fact]
    public async Task ChangingThePassword_EndsTheOtherSessions_AndKeepsThisOne()
    {
        var email = await NewPorteurAsync();
        using var elsewhere = await portal.SignInAsync(email);
        using var here = await portal.SignInAsync(email);

        var form = (await here.GetDocumentAsync("/compte/securite/mot-de-passe")).Form();
        var done = await HtmlClient.ParseAsync(await here.SubmitAsync(form, new()
        {
            ["Mot de passe actuel"] = PortalFactory.Password,
            ["Nouveau mot de passe"] = "Un autre mot de passe pour la suite",
            ["Confirmation du nouveau mot de passe"] = "Un autre mot de passe pour la suite",
        }));

        Assert.Contains("Vos autres sessions sont fermées", done.Flash(), StringComparison.Ordinal);
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == email && m.Subject == "Sécurité de votre compte Trajectoir'ESS" && (m.TextBody ?? string.Empty).Contains("le mot de passe a été changé", StringComparison.Ordinal));
        using var still = await here.GetAsync("/porteur");
        Assert.Equal("/porteur", still.RequestMessage!.RequestUri!.AbsolutePath);
        using var ended = await elsewhere.GetAsync("/porteur");
        Assert.Equal("/compte/connexion", ended.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ResettingThePasswordFromALink_EndsEverySession()
    {
        var email = await NewPorteurAsync();
        using var session = await portal.SignInAsync(email);
        using var anonymous = portal.CreateHtmlClient();
        using var _ = await anonymous.SubmitAsync((await anonymous.GetDocumentAsync("/compte/mot-de-passe-oublie")).Form(), new() { ["Adresse électronique"] = email });
        var reset = (await anonymous.GetDocumentAsync(portal.LinkInLastEmailTo(email))).Form();
        using var __ = await anonymous.SubmitAsync(reset, new() { ["Nouveau mot de passe"] = "Un mot de passe tout neuf", ["Confirmation du mot de passe"] = "Un mot de passe tout neuf" });

        using var ended = await session.GetAsync("/porteur");
        Assert.Equal("/compte/connexion", ended.RequestMessage!.RequestUri!.AbsolutePath);
    }

    public sealed class Fixture : PortalFactory
    {
        public TestClock Clock { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
