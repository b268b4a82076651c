using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Web.Startup;

/// <summary>Claims the portal adds to the cookie: display name and the organisation a staff member or public partner belongs to.</summary>
public static class PortalClaims
{
    public const string DisplayName = "trajectoiress:display_name";
    public const string PoleId = "trajectoiress:pole_id";
    public const string StructureId = "trajectoiress:structure_id";
    public const string PublicAuthorityId = "trajectoiress:public_authority_id";

    /// <summary>The signed-in account's id (only called behind an authorisation policy).</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        ParseGuid(user?.FindFirstValue(ClaimTypes.NameIdentifier)) ?? throw new InvalidOperationException("No signed-in user.");

    public static Guid? GetPoleId(this ClaimsPrincipal user) => ParseGuid(user?.FindFirstValue(PoleId));

    public static Guid? GetStructureId(this ClaimsPrincipal user) => ParseGuid(user?.FindFirstValue(StructureId));

    public static Guid? GetPublicAuthorityId(this ClaimsPrincipal user) => ParseGuid(user?.FindFirstValue(PublicAuthorityId));

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user?.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user?.Identity?.Name ?? string.Empty;

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var id) ? id : null;
}

internal sealed class PortalClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<ApplicationRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.PoleId is { } poleId)
        {
            identity.AddClaim(new Claim(PortalClaims.PoleId, poleId.ToString()));
        }

        if (user.StructureId is { } structureId)
        {
            identity.AddClaim(new Claim(PortalClaims.StructureId, structureId.ToString()));
        }

        if (user.PublicAuthorityId is { } publicAuthorityId)
        {
            identity.AddClaim(new Claim(PortalClaims.PublicAuthorityId, publicAuthorityId.ToString()));
        }

        return identity;
    }
}
