using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>Password rules (length, no composition, not a common password) and PBKDF2 at 210,000 iterations, with the real hashing cost.</summary>
public sealed class PasswordTests(PasswordTests.Fixture portal) : IClassFixture<PasswordTests.Fixture>
{
    private static int _counter;

    private static Dictionary<string, string> Registration(string email, string password) => new()
    {
        ["Prénom et nom"] = "Yann Kermarrec",
        ["Adresse électronique"] = email,
        ["Mot de passe"] = password,
        ["Confirmation du mot de passe"] = password,
    };

    /// <summary>The iteration count written in an Identity v3 hash: format marker 0x01, PRF, iterations (big-endian).</summary>
    private static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    [Theory]
    [InlineData("azertyuiop123")]
    [InlineData("123456789012")]
    [InlineData("Motdepasse2024!")]
    [InlineData("password1234")]
    [InlineData("Soleil-2025!!")]
    [InlineData("marseille13marseille")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("Bretagne 2026 !")]
    public async Task Register_WithACommonPassword_IsRefusedNextToTheField(string password)
    {
        var email = $"commun-{Interlocked.Increment(ref _counter)}@exemple.test";
        using var client = portal.CreateHtmlClient();
        using var response = await client.SubmitAsync((await client.GetDocumentAsync("/compte/inscription")).Form(), Registration(email, password));
        var page = await HtmlClient.ParseAsync(response);

        Assert.Contains("trop courant", page.ErrorFor("Password"), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Theory]
    [InlineData("une phrase de passe assez longue")]
    [InlineData("Kouign-amann du dimanche")]
    [InlineData("x7#Lq9!vR2@m")]
    public async Task Register_WithALongUncommonPassword_AndNoCompositionRule_Works(string password)
    {
        var email = $"rare-{Interlocked.Increment(ref _counter)}@exemple.test";
        using var client = portal.CreateHtmlClient();
        using var response = await client.SubmitAsync((await client.GetDocumentAsync("/compte/inscription")).Form(), Registration(email, password));

        Assert.Equal("Vérifiez votre messagerie", (await HtmlClient.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        Assert.True(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Register_WithThePersonsOwnAddressAsPassword_IsRefused()
    {
        using var client = portal.CreateHtmlClient();
        using var response = await client.SubmitAsync((await client.GetDocumentAsync("/compte/inscription")).Form(), Registration("gwenaelle.tanguy@exemple.test", "gwenaelle.tanguy-secret"));

        Assert.Contains("adresse électronique", (await HtmlClient.ParseAsync(response)).ErrorFor("Password"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheListOfCommonPasswords_IsShippedWithTheApp()
    {
        Assert.True(CommonPasswordValidator.Count > 5_000, $"{CommonPasswordValidator.Count} common passwords");
        Assert.True(CommonPasswordValidator.IsCommon("AZERTYUIOP"));
        Assert.True(CommonPasswordValidator.IsCommon("Liberté2024!!!"));
        Assert.False(CommonPasswordValidator.IsCommon("Demo-Trajectoiress-2026"));
    }

    [Fact]
    public void Hashing_Uses210000Iterations()
    {
        Assert.Equal(210_000, portal.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
        Assert.Equal(PasswordHasherCompatibilityMode.IdentityV3, portal.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.CompatibilityMode);
    }

    [Fact]
    public async Task AHashWithFewerIterations_IsUpgradedAtTheNextLogin()
    {
        const string email = "ancien-hachage@exemple.test";
        var user = await portal.CreateUserAsync(email, Roles.Porteur);
        var weak = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = 10_000 })).HashPassword(user, PortalFactory.Password);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, weak)));
        Assert.Equal(10_000, IterationsOf(weak));

        using var client = await portal.SignInAsync(email);

        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash!).SingleAsync());
        Assert.Equal(210_000, IterationsOf(stored));
        using var stillIn = await client.GetAsync("/porteur");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal("/porteur", stillIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    public sealed class Fixture : PortalFactory
    {
        protected override bool FastPasswordHashing => false;
    }
}
