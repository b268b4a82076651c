using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Web.Features.Account;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>Password-reset links live one hour, invitation links seven days; each works once.</summary>
public sealed class AccountLinkTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>What a link no longer valid says when opened (the form, posted with it, says "n'est pas valide ou a expiré").</summary>
    private const string Invalid = "a déjà servi ou a expiré";
    private static int _counter;

    private static string NewEmail(string name) => $"{name}-{Interlocked.Increment(ref _counter)}@exemple.test";

    /// <summary>
    /// A token as Identity's DataProtectorTokenProvider writes it (creation time, user id, purpose, security
    /// stamp, protected with the provider's purpose), but made some time ago: the provider reads the clock
    /// itself (DateTimeOffset.UtcNow), so an old link is made rather than waited for.
    /// </summary>
    private async Task<string> TokenMadeAgoAsync(string provider, string purpose, Guid userId, TimeSpan age)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId.ToString()))!;
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, new UTF8Encoding(false, true), leaveOpen: true))
        {
            writer.Write((DateTimeOffset.UtcNow - age).UtcTicks);
            writer.Write(user.Id.ToString());
            writer.Write(purpose);
            writer.Write(await users.GetSecurityStampAsync(user));
        }

        var token = Convert.ToBase64String(scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(provider).Protect(stream.ToArray()));
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Opens the link and chooses a password; a link no longer valid answers its page (400, no form), whose text is returned.</summary>
    private static async Task<string> ChoosePasswordAsync(HtmlClient client, string link, string password)
    {
        using var opened = await client.GetAsync(link);
        if (opened.StatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            var refused = await HtmlClient.ParseAsync(opened);
            Assert.Null(refused.QuerySelector("input[name=Password]"));
            return refused.MainText();
        }

        var form = (await HtmlClient.ParseAsync(opened)).Form();
        using var response = await client.SubmitAsync(form, new() { ["Nouveau mot de passe"] = password, ["Confirmation du mot de passe"] = password });
        return (await HtmlClient.ParseAsync(response)).MainText();
    }

    private async Task<Guid> InvitedAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Invité", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Coordinator);
        await scope.ServiceProvider.GetRequiredService<AccountEmails>().SendInvitationAsync(user, "coordination régionale");
        return user.Id;
    }

    private async Task<Guid> ResetRequestedAsync(string email)
    {
        var user = await portal.CreateUserAsync(email, Roles.Porteur);
        using var client = portal.CreateHtmlClient();
        using var _ = await client.SubmitAsync((await client.GetDocumentAsync("/compte/mot-de-passe-oublie")).Form(), new() { ["Adresse électronique"] = email });
        return user.Id;
    }

    [Fact]
    public async Task ResetLink_WorksOnce()
    {
        var email = NewEmail("reset");
        await ResetRequestedAsync(email);
        var link = portal.LinkInLastEmailTo(email);
        using var client = portal.CreateHtmlClient();

        Assert.Contains("Votre mot de passe est modifié", await ChoosePasswordAsync(client, link, "Premier nouveau mot de passe"), StringComparison.Ordinal);
        Assert.Contains(Invalid, await ChoosePasswordAsync(client, link, "Second nouveau mot de passe"), StringComparison.Ordinal);

        using var signedIn = await portal.SignInAsync(email, "Premier nouveau mot de passe");
    }

    [Fact]
    public async Task ResetLink_LivesOneHour()
    {
        var email = NewEmail("reset-heure");
        var userId = await ResetRequestedAsync(email);
        using var client = portal.CreateHtmlClient();

        var stale = await TokenMadeAgoAsync(AccountTokens.PasswordResetProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, userId, TimeSpan.FromMinutes(61));
        Assert.Contains(Invalid, await ChoosePasswordAsync(client, $"/compte/nouveau-mot-de-passe?userId={userId}&code={stale}", "Trop tard pour ce lien"), StringComparison.Ordinal);

        var fresh = await TokenMadeAgoAsync(AccountTokens.PasswordResetProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, userId, TimeSpan.FromMinutes(58));
        Assert.Contains("Votre mot de passe est modifié", await ChoosePasswordAsync(client, $"/compte/nouveau-mot-de-passe?userId={userId}&code={fresh}", "Encore dans les temps"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationLink_LivesSevenDays_AndWorksOnce()
    {
        var email = NewEmail("invitation");
        var userId = await InvitedAsync(email);
        using var client = portal.CreateHtmlClient();

        var stale = await TokenMadeAgoAsync(AccountTokens.InvitationProvider, AccountTokens.InvitationPurpose, userId, TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Contains(Invalid, await ChoosePasswordAsync(client, $"/compte/invitation?userId={userId}&code={stale}", "Invitation trop ancienne"), StringComparison.Ordinal);

        var sixDays = $"/compte/invitation?userId={userId}&code={await TokenMadeAgoAsync(AccountTokens.InvitationProvider, AccountTokens.InvitationPurpose, userId, TimeSpan.FromDays(6.9))}";
        Assert.Contains("votre mot de passe est enregistré et vous êtes connecté", await ChoosePasswordAsync(client, sixDays, "Bienvenue dans la coordination"), StringComparison.Ordinal);
        Assert.Contains(Invalid, await ChoosePasswordAsync(client, sixDays, "Une seconde fois"), StringComparison.Ordinal);
        Assert.Contains(Invalid, await ChoosePasswordAsync(client, portal.LinkInLastEmailTo(email), "Le lien du courriel"), StringComparison.Ordinal);
        Assert.True(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == userId && u.EmailConfirmed)));
    }

    [Fact]
    public async Task AResetLink_IsNotAnInvitation_NorTheOtherWayRound()
    {
        var invited = NewEmail("croise-invitation");
        var invitedId = await InvitedAsync(invited);
        var invitationCode = QueryCode(portal.LinkInLastEmailTo(invited));
        var resetEmail = NewEmail("croise-reset");
        var resetId = await ResetRequestedAsync(resetEmail);
        var resetCode = QueryCode(portal.LinkInLastEmailTo(resetEmail));
        using var client = portal.CreateHtmlClient();

        Assert.Contains(Invalid, await ChoosePasswordAsync(client, $"/compte/nouveau-mot-de-passe?userId={invitedId}&code={invitationCode}", "Mauvaise porte numero un"), StringComparison.Ordinal);
        Assert.Contains(Invalid, await ChoosePasswordAsync(client, $"/compte/invitation?userId={resetId}&code={resetCode}", "Mauvaise porte numero deux"), StringComparison.Ordinal);
    }

    private static string QueryCode(string pathAndQuery) =>
        QueryHelpers.ParseQuery(new Uri(PortalFactory.BaseAddress, pathAndQuery).Query)["code"].ToString();
}
