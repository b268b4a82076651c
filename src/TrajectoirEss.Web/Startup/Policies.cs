using Microsoft.AspNetCore.Authorization;
using TrajectoirEss.Domain;

namespace TrajectoirEss.Web.Startup;

/// <summary>One policy per area, named after it. Record-level checks come on top, in each feature.</summary>
public static class Policies
{
    public const string Porteur = "Porteur";
    public const string Pole = "Pole";
    public const string Structure = "Structure";
    public const string Coordination = "Coordination";

    /// <summary>The programme's aggregates (the regional dashboard and its exports): coordination, administrators and public partners, read only.</summary>
    public const string ProgrammeIndicators = "ProgrammeIndicators";
    public const string Admin = "Admin";

    /// <summary>
    /// The coordination platform's member space: the staff of a pôle or a structure, public partners (each speaks for
    /// their organisation), coordinators and administrators. Which sessions and commitments are theirs is record-level.
    /// </summary>
    public const string PlatformMember = "PlatformMember";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Anything not marked [AllowAnonymous] needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Porteur, p => p.RequireRole(Roles.Porteur));
        options.AddPolicy(Pole, p => p.RequireRole(Roles.PoleStaff).RequireClaim(PortalClaims.PoleId));
        options.AddPolicy(Structure, p => p.RequireRole(Roles.StructureStaff).RequireClaim(PortalClaims.StructureId));
        options.AddPolicy(Coordination, p => p.RequireRole(Roles.Coordinator, Roles.Admin));

        // A public partner is attached to a public authority, as pôle staff to a pôle.
        options.AddPolicy(ProgrammeIndicators, p => p.RequireAssertion(context =>
            context.User.IsInRole(Roles.Coordinator) || context.User.IsInRole(Roles.Admin)
            || (context.User.IsInRole(Roles.PublicPartner) && context.User.HasClaim(c => c.Type == PortalClaims.PublicAuthorityId))));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(PlatformMember, p => p.RequireAssertion(context =>
            context.User.IsInRole(Roles.Coordinator) || context.User.IsInRole(Roles.Admin)
            || (context.User.IsInRole(Roles.PoleStaff) && context.User.HasClaim(c => c.Type == PortalClaims.PoleId))
            || (context.User.IsInRole(Roles.StructureStaff) && context.User.HasClaim(c => c.Type == PortalClaims.StructureId))
            || (context.User.IsInRole(Roles.PublicPartner) && context.User.HasClaim(c => c.Type == PortalClaims.PublicAuthorityId))));
    }
}
