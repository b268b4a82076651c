using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Accounts;

/// <summary>
/// The rules of staff accounts: which roles an administrator may give, which organisation each role
/// needs, and that the portal always keeps an active administrator.
/// </summary>
public static class AccountRules
{
    /// <summary>Roles an administrator gives; porteurs create their own account.</summary>
    public static IReadOnlyList<string> StaffRoles { get; } = [Roles.PoleStaff, Roles.StructureStaff, Roles.Coordinator, Roles.PublicPartner, Roles.Admin];

    /// <summary>
    /// The organisation kept for a role: a pôle for pôle staff, a structure for structure staff, a public
    /// authority for public partners, none for coordinators and administrators.
    /// </summary>
    public static AccountOrganisation OrganisationFor(string? role, Guid? poleId, Guid? structureId, Guid? publicAuthorityId)
    {
        if (role == Roles.Porteur)
        {
            throw new DomainException("Les porteurs de projet créent eux-mêmes leur compte : choisissez un rôle de l'équipe.", "Role");
        }

        return role switch
        {
            Roles.PoleStaff => new(poleId ?? throw new DomainException("Choisissez le pôle de ce compte.", "PoleId"), null, null),
            Roles.StructureStaff => new(null, structureId ?? throw new DomainException("Choisissez la structure de ce compte.", "StructureId"), null),
            Roles.PublicPartner => new(null, null, publicAuthorityId ?? throw new DomainException("Choisissez l'autorité publique de ce compte.", "PublicAuthorityId")),
            Roles.Coordinator or Roles.Admin => new(null, null, null),
            _ => throw new DomainException("Choisissez le rôle dans la liste.", "Role"),
        };
    }

    /// <summary>
    /// Refuses to disable or demote the last active administrator: nobody could then manage accounts.
    /// </summary>
    /// <param name="activeAdministrators">Active administrators now, the target included.</param>
    /// <param name="targetIsActiveAdministrator">The account changed is an active administrator now.</param>
    /// <param name="remainsActiveAdministrator">It still is after the change.</param>
    public static void EnsureAnAdministratorRemains(int activeAdministrators, bool targetIsActiveAdministrator, bool remainsActiveAdministrator)
    {
        if (targetIsActiveAdministrator && !remainsActiveAdministrator && activeAdministrators <= 1)
        {
            throw new DomainException("C'est le dernier compte administrateur actif : invitez ou réactivez d'abord un autre administrateur.");
        }
    }
}

/// <summary>The organisation an account belongs to: at most one of a pôle, a structure or a public authority.</summary>
public sealed record AccountOrganisation(Guid? PoleId, Guid? StructureId, Guid? PublicAuthorityId);
