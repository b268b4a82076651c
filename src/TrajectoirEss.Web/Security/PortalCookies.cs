namespace TrajectoirEss.Web.Security;

/// <summary>
/// The portal's cookies. The <c>__Host-</c> prefix makes browsers accept them only with Secure, Path=/ and
/// no Domain: sent over HTTPS only, to this host only, never to a sibling sub-domain.
/// </summary>
public static class PortalCookies
{
    public const string Session = "__Host-trajectoiress.session";
    public const string TwoFactor = "__Host-trajectoiress.2fa";
    public const string TwoFactorRemember = "__Host-trajectoiress.2fa-remember";
    public const string External = "__Host-trajectoiress.external";
    public const string Antiforgery = "__Host-trajectoiress.antiforgery";
    public const string TempData = "__Host-trajectoiress.tempdata";
}
