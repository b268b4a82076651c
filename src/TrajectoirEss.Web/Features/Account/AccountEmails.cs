using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Account;

/// <summary>
/// The account e-mails. Links are built from the configured public address, never from the request's
/// Host header (which an attacker controls).
/// </summary>
public sealed class AccountEmails(UserManager<ApplicationUser> users, IMailer mailer, IOptions<PortalOptions> portal)
{
    /// <summary>The confirmation link; <paramref name="returnUrl"/> (local, checked again when the link is opened) is where it leads next.</summary>
    public async Task SendEmailConfirmationAsync(ApplicationUser user, string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = returnUrl is null
            ? Link("/compte/confirmer", ("userId", user.Id.ToString()), ("code", Encode(token)))
            : Link("/compte/confirmer", ("userId", user.Id.ToString()), ("code", Encode(token)), ("returnUrl", returnUrl));
        await SendAsync(
            user,
            "Confirmez votre adresse électronique",
            $"Pour activer votre compte Trajectoir'ESS, ouvrez ce lien : {link}",
            $"<p>Pour activer votre compte Trajectoir'ESS, <a href=\"{HtmlEncoder.Default.Encode(link)}\">confirmez votre adresse électronique</a>.</p>",
            cancellationToken);
    }

    public Task SendAlreadyRegisteredAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var login = Link("/compte/connexion");
        var reset = Link("/compte/mot-de-passe-oublie");
        return SendAsync(
            user,
            "Vous avez déjà un compte Trajectoir'ESS",
            $"Quelqu'un (vous, sans doute) a voulu créer un compte avec cette adresse, qui en a déjà un. Connectez-vous : {login} — mot de passe oublié : {reset}",
            $"<p>Quelqu'un (vous, sans doute) a voulu créer un compte avec cette adresse, qui en a déjà un.</p><p><a href=\"{HtmlEncoder.Default.Encode(login)}\">Se connecter</a> — <a href=\"{HtmlEncoder.Default.Encode(reset)}\">mot de passe oublié</a></p>",
            cancellationToken);
    }

    public async Task SendPasswordResetAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link("/compte/nouveau-mot-de-passe", ("userId", user.Id.ToString()), ("code", Encode(token)));
        await SendAsync(
            user,
            "Choisir un nouveau mot de passe",
            $"Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) : {link}\nSi vous n'avez rien demandé, ignorez ce message.",
            $"<p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Choisir un nouveau mot de passe</a> (lien valable une heure, une seule fois).</p><p>Si vous n'avez rien demandé, ignorez ce message.</p>",
            cancellationToken);
    }

    public async Task SendInvitationAsync(ApplicationUser user, string roleLabel, CancellationToken cancellationToken = default)
    {
        // Its own token kind: valid seven days (a reset link, one hour); both die once a password is set.
        var token = await users.GenerateUserTokenAsync(user, AccountTokens.InvitationProvider, AccountTokens.InvitationPurpose);
        var link = Link("/compte/invitation", ("userId", user.Id.ToString()), ("code", Encode(token)));
        await SendAsync(
            user,
            "Invitation au portail Trajectoir'ESS",
            $"Un compte « {roleLabel} » vous a été ouvert sur le portail Trajectoir'ESS. Choisissez votre mot de passe (lien valable sept jours, une seule fois) : {link}",
            $"<p>Un compte « {HtmlEncoder.Default.Encode(roleLabel)} » vous a été ouvert sur le portail Trajectoir'ESS.</p><p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Choisir mon mot de passe</a> (lien valable sept jours, une seule fois).</p>",
            cancellationToken);
    }

    /// <summary>
    /// Tells the person their account's security changed (password, two-factor authentication), so that a
    /// change they did not make does not go unnoticed (ASVS 2.2.3, 2.5.5). No link to follow: only advice.
    /// </summary>
    public Task SendSecurityNoticeAsync(ApplicationUser user, string change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var reset = Link("/compte/mot-de-passe-oublie");
        return SendAsync(
            user,
            "Sécurité de votre compte Trajectoir'ESS",
            $"Sur votre compte Trajectoir'ESS : {change}. Si c'est bien vous, rien à faire. Sinon, choisissez tout de suite un nouveau mot de passe ({reset}) et prévenez l'équipe du portail.",
            $"<p>Sur votre compte Trajectoir'ESS : {HtmlEncoder.Default.Encode(change)}.</p><p>Si c'est bien vous, rien à faire. Sinon, <a href=\"{HtmlEncoder.Default.Encode(reset)}\">choisissez tout de suite un nouveau mot de passe</a> et prévenez l'équipe du portail.</p>",
            cancellationToken);
    }

    /// <summary>Decodes a token received in a link; null when it is not valid base64url.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private string Link(string path, params (string Name, string Value)[] query)
    {
        var url = portal.Value.PublicBaseUrl.TrimEnd('/') + path;
        foreach (var (name, value) in query)
        {
            url = QueryHelpers.AddQueryString(url, name, value);
        }

        return url;
    }

    private Task SendAsync(ApplicationUser user, string subject, string text, string html, CancellationToken cancellationToken)
    {
        var greeting = string.IsNullOrWhiteSpace(user.DisplayName) ? "Bonjour," : $"Bonjour {user.DisplayName},";
        return mailer.SendAsync(
            new OutgoingEmail(
                user.Email!,
                user.DisplayName,
                subject,
                $"{greeting}\n\n{text}\n\n— Trajectoir'ESS",
                $"<p>{HtmlEncoder.Default.Encode(greeting)}</p>{html}<p>— Trajectoir'ESS</p>"),
            cancellationToken);
    }
}
