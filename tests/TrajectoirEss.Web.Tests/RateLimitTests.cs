using System.Net;
using Microsoft.AspNetCore.Hosting;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The rate limits, with small limits set for this class only: 429 with Retry-After, counted per account
/// (the e-mail typed, or the signed-in account) and per client address (all test clients share one).
/// </summary>
public sealed class RateLimitTests(RateLimitTests.Fixture portal) : IClassFixture<RateLimitTests.Fixture>
{
    private static async Task<HttpResponseMessage> PostFormAsync(HtmlClient client, string page, Dictionary<string, string> values)
    {
        var form = (await client.GetDocumentAsync(page)).Form();
        return await client.SubmitAsync(form, values);
    }

    /// <summary>A 429 (never turned into another page) with Retry-After, and the page says how long to wait: the window of this class's limits, 5 minutes.</summary>
    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 600 }, "Retry-After: " + response.Headers.RetryAfter);
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var page = await HtmlClient.ParseAsync(response);
            Assert.Equal("Trop de demandes", page.QuerySelector("h1")!.TextContent.Trim());
            Assert.Contains("Réessayez dans 5 minutes.", page.MainText(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("réessayez dans 5 minutes", System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1, "1 seconde")]
    [InlineData(45, "45 secondes")]
    [InlineData(60, "1 minute")]
    [InlineData(61, "2 minutes")]
    [InlineData(2700, "45 minutes")]
    [InlineData(3600, "1 heure")]
    [InlineData(9000, "2 heures 30 minutes")]
    public void TheWait_IsSaidInFrench_RoundedUp(int seconds, string said) => Assert.Equal(said, Web.Features.Shared.Format.Wait(seconds));

    /// <summary>
    /// Issue 19, item 8: on an onboarding day, everybody invited in one office chooses a password from the same
    /// address; the limit counts per account of the link, and its refusal is the 429 page, not "Page introuvable".
    /// </summary>
    [Fact]
    public async Task ChoosingAPasswordFromALink_IsLimitedPerAccount_NotForAWholeOffice()
    {
        var invited = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            invited.Add((await portal.CreateUserAsync($"invite-{i}@exemple.test", Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix")).Id);
        }

        using var office = portal.CreateHtmlClient();
        var token = await SeededPortal.TokenAsync(office);

        // Posted as the form would be (an expired link no longer shows the form: its page says so).
        async Task<HttpResponseMessage> ChooseAsync(Guid userId)
        {
            using var content = new FormUrlEncodedContent([
                new("UserId", userId.ToString()), new("Code", "bGllbi1wZXJpbWU"), new("Password", "une phrase de passe assez longue"),
                new("ConfirmPassword", "une phrase de passe assez longue"), new("__RequestVerificationToken", token)]);
            return await office.Http.PostAsync("/compte/invitation", content);
        }

        foreach (var userId in invited)
        {
            using var allowed = await ChooseAsync(userId);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("Ce lien n'est pas valide ou a expiré.", (await HtmlClient.ParseAsync(allowed)).MainText(), StringComparison.Ordinal);
        }

        using (var second = await ChooseAsync(invited[0]))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using var third = await ChooseAsync(invited[0]);
        await AssertTooManyAsync(third);
    }

    [Fact]
    public async Task Login_IsLimitedPerAccount_ThenPerAddress()
    {
        using var client = portal.CreateHtmlClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await PostFormAsync(client, "/compte/connexion", new() { ["Adresse électronique"] = "cible@exemple.test", ["Mot de passe"] = "essai " + i + " du mot de passe" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using (var limited = await PostFormAsync(client, "/compte/connexion", new() { ["Adresse électronique"] = "cible@exemple.test", ["Mot de passe"] = "encore un essai de trop" }))
        {
            await AssertTooManyAsync(limited);
        }

        // Another account from the same address still gets through, until the address's own limit.
        using (var other = await PostFormAsync(client, "/compte/connexion", new() { ["Adresse électronique"] = "autre@exemple.test", ["Mot de passe"] = "un essai pour un autre" }))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        // (A request refused for its account still counts against its address: ASP.NET Core's limiter tries it twice.)
        HttpResponseMessage? byAddress = null;
        for (var i = 0; i < 8 && byAddress?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            byAddress?.Dispose();
            byAddress = await PostFormAsync(client, "/compte/connexion", new() { ["Adresse électronique"] = $"compte-{i}@exemple.test", ["Mot de passe"] = "un essai pour un autre" });
        }

        await AssertTooManyAsync(byAddress!);
        byAddress!.Dispose();
    }

    [Fact]
    public async Task Registration_IsLimited()
    {
        using var client = portal.CreateHtmlClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await PostFormAsync(client, "/compte/inscription", new()
            {
                ["Prénom et nom"] = "Robot",
                ["Adresse électronique"] = "robot@exemple.test",
                ["Mot de passe"] = "une phrase de passe assez longue",
                ["Confirmation du mot de passe"] = "une phrase de passe assez longue",
            });
        }

        await AssertTooManyAsync(last!);
        last!.Dispose();
    }

    [Fact]
    public async Task PasswordReset_IsLimited()
    {
        using var client = portal.CreateHtmlClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await PostFormAsync(client, "/compte/mot-de-passe-oublie", new() { ["Adresse électronique"] = "oubli@exemple.test" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await PostFormAsync(client, "/compte/mot-de-passe-oublie", new() { ["Adresse électronique"] = "oubli@exemple.test" });
        await AssertTooManyAsync(limited);
    }

    [Fact]
    public async Task IdeaSubmission_IsLimitedPerPorteur()
    {
        var client = portal.Porteur;
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await PostFormAsync(client, "/porteur/projets/nouveau", new() { ["Nom du projet"] = "Idée " + i, ["intent"] = "brouillon" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await PostFormAsync(client, "/porteur/projets/nouveau", new() { ["Nom du projet"] = "Idée de trop", ["intent"] = "brouillon" });
        await AssertTooManyAsync(limited);
    }

    [Fact]
    public async Task CommunesApi_IsLimited_WithAProblemDocument()
    {
        using var client = portal.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/communes?q=mor");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await client.GetAsync("/api/communes?q=mor");
        await AssertTooManyAsync(limited);
        Assert.Contains("Trop de demandes", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed class Fixture : PortalFactory
    {
        /// <summary>Signed in before any test, so the login limits tested below cannot lock it out.</summary>
        public HtmlClient Porteur { get; private set; } = null!;

        protected override bool RateLimitingEnabled => true;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync("idees@exemple.test", Roles.Porteur);
            Porteur = await SignInAsync("idees@exemple.test");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (rule, perAccount, perAddress) in new[] { ("Login", 3, 8), ("Registration", 2, 20), ("PasswordReset", 2, 20), ("PasswordLink", 2, 20), ("IdeaSubmission", 2, 20), ("Communes", 3, 20) })
            {
                builder.UseSetting($"RateLimiting:{rule}:PerAccount", perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting($"RateLimiting:{rule}:PerAddress", perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting($"RateLimiting:{rule}:WindowSeconds", "300");
            }
        }
    }
}
