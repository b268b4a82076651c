using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Accounts;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Features.Account;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.Accounts;

/// <summary>
/// Accounts as administrators manage them: invite staff and public partners, change a role or an organisation,
/// disable and re-enable, resend an invitation. The portal always keeps one active administrator.
/// </summary>
public sealed class AccountAdministration(
    TrajectoirEssDbContext db,
    UserManager<ApplicationUser> users,
    AccountEmails emails,
    AdminAudit audit,
    IOptions<WorkspaceOptions> workspace,
    TimeProvider clock,
    ILogger<AccountAdministration> logger)
{
    /// <summary>Serialises the changes that count administrators (two administrators disabling each other at once).</summary>
    private const long AdministratorsLock = 72_600_001;

    public async Task<AccountListPage> ListAsync(AccountFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Users.AsNoTracking().Where(u => u.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = AdminForms.LikePattern(filter.Q);
            query = query.Where(u => EF.Functions.ILike(EF.Functions.Unaccent(u.DisplayName), pattern, "\\")
                                  || EF.Functions.ILike(EF.Functions.Unaccent(u.Email!), pattern, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == filter.Role)));
        }

        var total = await query.CountAsync(cancellationToken);
        var pageSize = workspace.Value.PageSize;
        var (page, pageCount) = Paging.Clamp(filter.Page, total, pageSize);
        var rows = await (from u in query
                          join p in db.Poles on u.PoleId equals p.Id into withPole
                          from p in withPole.DefaultIfEmpty()
                          join s in db.Structures on u.StructureId equals s.Id into withStructure
                          from s in withStructure.DefaultIfEmpty()
                          join a in db.PublicAuthorities on u.PublicAuthorityId equals a.Id into withAuthority
                          from a in withAuthority.DefaultIfEmpty()
                          orderby u.DisplayName, u.Email
                          select new
                          {
                              u.Id,
                              u.DisplayName,
                              u.Email,
                              Pole = p == null ? null : p.Name,
                              Structure = s == null ? null : s.Name,
                              PublicAuthority = a == null ? null : a.Name,
                              u.LastLoginAt,
                              u.IsDisabled,
                              HasPassword = u.PasswordHash != null,
                              Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                          })
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);

        var lines = rows.Select(r => new AccountLine(r.Id, r.DisplayName, r.Email ?? string.Empty, r.Roles, r.Pole ?? r.Structure ?? r.PublicAuthority, r.LastLoginAt, AccountStatuses.Of(r.IsDisabled, r.HasPassword))).ToList();
        filter.Page = page;
        return new AccountListPage(filter, lines, new Paging(page, pageCount, total, n => ListUrl(filter, n)));
    }

    public async Task<InvitePage> InvitePageAsync(InviteInput input, CancellationToken cancellationToken = default) => new()
    {
        Input = input,
        Poles = await PoleOptionsAsync(input.PoleId, cancellationToken),
        Structures = await StructureOptionsAsync(input.StructureId, cancellationToken),
        PublicAuthorities = await PublicAuthorityOptionsAsync(input.PublicAuthorityId, cancellationToken),
    };

    public async Task<AccountPage?> PageAsync(Guid id, Guid viewerId, RoleInput? typed, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesOfAsync(id, cancellationToken);
        var organisation = await OrganisationNameAsync(new AccountOrganisation(user.PoleId, user.StructureId, user.PublicAuthorityId), mustBeActive: false, cancellationToken);
        var input = typed ?? new RoleInput
        {
            Role = roles.FirstOrDefault(AccountRules.StaffRoles.Contains) ?? string.Empty,
            PoleId = user.PoleId,
            StructureId = user.StructureId,
            PublicAuthorityId = user.PublicAuthorityId,
        };
        return new AccountPage
        {
            Id = user.Id,
            DisplayName = user.DisplayName,
            Email = user.Email ?? string.Empty,
            Roles = roles,
            Organisation = organisation,
            Status = AccountStatuses.Of(user.IsDisabled, user.PasswordHash is not null),
            CreatedAt = user.CreatedAt,
            LastLoginAt = user.LastLoginAt,
            TwoFactorEnabled = user.TwoFactorEnabled,
            IsSelf = user.Id == viewerId,
            Input = input,
            Poles = await PoleOptionsAsync(input.PoleId, cancellationToken),
            Structures = await StructureOptionsAsync(input.StructureId, cancellationToken),
            PublicAuthorities = await PublicAuthorityOptionsAsync(input.PublicAuthorityId, cancellationToken),
            History = await audit.HistoryAsync(AdminEntities.Account, id, cancellationToken),
        };
    }

    /// <summary>Creates a staff or public partner account without password and e-mails an invitation to choose one.</summary>
    public async Task<Guid> InviteAsync(Guid actorId, InviteInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kept = AccountRules.OrganisationFor(input.Role, input.PoleId, input.StructureId, input.PublicAuthorityId);
        var organisation = await OrganisationNameAsync(kept, mustBeActive: true, cancellationToken);
        var email = input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new DomainException("Un compte existe déjà avec cette adresse : retrouvez-le dans la liste des comptes.", nameof(InviteInput.Email));
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = false,
            DisplayName = input.DisplayName.Trim(),
            PoleId = kept.PoleId,
            StructureId = kept.StructureId,
            PublicAuthorityId = kept.PublicAuthorityId,
            CreatedAt = clock.GetUtcNow(),
        };

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            Check(await users.CreateAsync(user), nameof(InviteInput.Email));
            Check(await users.AddToRoleAsync(user, input.Role), nameof(InviteInput.Role));
            audit.Record(actorId, AdminEntities.Account, user.Id, "Compte créé et invitation envoyée",
                ("Adresse", null, email), ("Nom", null, user.DisplayName), ("Rôle", null, Roles.Label(input.Role)), ("Organisation", null, organisation));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await emails.SendInvitationAsync(user, Roles.Label(input.Role), cancellationToken);
        logger.LogInformation("Staff account {UserId} invited with role {Role} by {ActorId}", user.Id, input.Role, actorId);
        return user.Id;
    }

    /// <summary>Sends the invitation again, while the person has not chosen a password.</summary>
    public async Task ResendInvitationAsync(Guid actorId, Guid id, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(id, cancellationToken);
        if (user.PasswordHash is not null)
        {
            throw new DomainException("Cette personne a déjà choisi son mot de passe : elle peut utiliser « Mot de passe oublié » si elle l'a perdu.");
        }

        if (user.IsDisabled)
        {
            throw new DomainException("Ce compte est désactivé : réactivez-le avant de renvoyer l'invitation.");
        }

        var role = (await RolesOfAsync(id, cancellationToken)).FirstOrDefault() ?? string.Empty;
        audit.Record(actorId, AdminEntities.Account, id, "Invitation renvoyée");
        await db.SaveChangesAsync(cancellationToken);
        await emails.SendInvitationAsync(user, Roles.Label(role), cancellationToken);
    }

    /// <summary>
    /// Turns off the two-factor authentication of someone who lost both their phone and their recovery codes
    /// (the administrator checks who is asking, outside the portal). Their sessions end; if their role
    /// requires it, they set it up again at their next login.
    /// </summary>
    public async Task ResetTwoFactorAsync(Guid actorId, Guid id, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(id, cancellationToken);
        if (!user.TwoFactorEnabled)
        {
            throw new DomainException("La double authentification n'est pas activée sur ce compte.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.SetTwoFactorEnabledAsync(user, false), string.Empty);
        Check(await users.ResetAuthenticatorKeyAsync(user), string.Empty);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        audit.Record(actorId, AdminEntities.Account, id, "Double authentification réinitialisée", ("Double authentification", "activée", "à configurer de nouveau"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.SecurityEvent(SecurityEvents.TwoFactorDisabled, id, $"reset by administrator {actorId}");
        await emails.SendSecurityNoticeAsync(user, "un administrateur a réinitialisé votre double authentification, à configurer de nouveau à la prochaine connexion", cancellationToken);
    }

    /// <summary>
    /// Gives a staff account another role or organisation. The person's sessions end so the new rights
    /// apply at once; porteurs' accounts keep their role.
    /// </summary>
    public async Task<bool> ChangeRoleAsync(Guid actorId, Guid id, RoleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kept = AccountRules.OrganisationFor(input.Role, input.PoleId, input.StructureId, input.PublicAuthorityId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAdministratorsAsync(cancellationToken);
        var user = await FindAsync(id, cancellationToken);
        var roles = await RolesOfAsync(id, cancellationToken);
        if (roles.Contains(Roles.Porteur))
        {
            throw new DomainException("Ce compte est celui d'un porteur de projet : son rôle ne se change pas. Invitez la personne avec une autre adresse pour l'équipe.");
        }

        var current = new AccountOrganisation(user.PoleId, user.StructureId, user.PublicAuthorityId);
        var oldOrganisation = await OrganisationNameAsync(current, mustBeActive: false, cancellationToken);
        var newOrganisation = current == kept
            ? oldOrganisation
            : await OrganisationNameAsync(kept, mustBeActive: true, cancellationToken);
        var isAdmin = roles.Contains(Roles.Admin);
        AccountRules.EnsureAnAdministratorRemains(await ActiveAdministratorsAsync(cancellationToken), isAdmin && !user.IsDisabled, input.Role == Roles.Admin);

        var oldRoles = string.Join(", ", roles.Select(Roles.Label));
        if (roles.SequenceEqual([input.Role]) && current == kept)
        {
            return false;
        }

        if (roles.Count > 0)
        {
            Check(await users.RemoveFromRolesAsync(user, roles), nameof(RoleInput.Role));
        }

        Check(await users.AddToRoleAsync(user, input.Role), nameof(RoleInput.Role));
        (user.PoleId, user.StructureId, user.PublicAuthorityId) = (kept.PoleId, kept.StructureId, kept.PublicAuthorityId);
        audit.Record(actorId, AdminEntities.Account, id, "Rôle ou organisation modifié",
            ("Rôle", oldRoles, Roles.Label(input.Role)), ("Organisation", oldOrganisation, newOrganisation));
        Check(await users.UpdateSecurityStampAsync(user), nameof(RoleInput.Role));
        await transaction.CommitAsync(cancellationToken);
        logger.SecurityEvent(SecurityEvents.RoleChanged, id, $"role {input.Role}, pôle {kept.PoleId}, structure {kept.StructureId}, public authority {kept.PublicAuthorityId}, by {actorId}");
        return true;
    }

    /// <summary>Disables an account: its sessions end at once and it can no longer sign in.</summary>
    public async Task DisableAsync(Guid actorId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAdministratorsAsync(cancellationToken);
        var user = await FindAsync(id, cancellationToken);
        if (user.IsDisabled)
        {
            return;
        }

        var isAdmin = (await RolesOfAsync(id, cancellationToken)).Contains(Roles.Admin);
        AccountRules.EnsureAnAdministratorRemains(await ActiveAdministratorsAsync(cancellationToken), isAdmin, remainsActiveAdministrator: false);
        user.IsDisabled = true;
        audit.Record(actorId, AdminEntities.Account, id, "Compte désactivé", ("Statut", AccountStatus.Active.Label(), AccountStatus.Disabled.Label()));
        Check(await users.UpdateSecurityStampAsync(user), string.Empty);
        await transaction.CommitAsync(cancellationToken);
        logger.SecurityEvent(SecurityEvents.AccountDisabled, id, $"by {actorId}");
    }

    public async Task EnableAsync(Guid actorId, Guid id, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(id, cancellationToken);
        if (!user.IsDisabled)
        {
            return;
        }

        user.IsDisabled = false;
        audit.Record(actorId, AdminEntities.Account, id, "Compte réactivé", ("Statut", AccountStatus.Disabled.Label(), AccountStatus.Active.Label()));
        Check(await users.UpdateAsync(user), string.Empty);
        logger.SecurityEvent(SecurityEvents.AccountEnabled, id, $"by {actorId}");
    }

    private static string ListUrl(AccountFilter filter, int page)
    {
        var query = new Dictionary<string, string?> { ["q"] = filter.Q, ["role"] = filter.Role, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/comptes", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)), field);
        }
    }

    private async Task<ApplicationUser> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, cancellationToken) ?? throw new AdminRecordNotFoundException();

    private Task<List<string>> RolesOfAsync(Guid id, CancellationToken cancellationToken) =>
        db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToListAsync(cancellationToken);

    private Task<int> ActiveAdministratorsAsync(CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => !u.IsDisabled && u.DeletedAt == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)), cancellationToken);

    private Task<int> LockAdministratorsAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdministratorsLock})", cancellationToken);

    private async Task<string?> OrganisationNameAsync(AccountOrganisation organisation, bool mustBeActive, CancellationToken cancellationToken)
    {
        if (organisation.PoleId is { } pole)
        {
            var found = await db.Poles.Where(p => p.Id == pole).Select(p => new { p.Name, p.IsActive }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("Choisissez un pôle de la liste.", nameof(RoleInput.PoleId));
            return !mustBeActive || found.IsActive ? found.Name : throw new DomainException($"{found.Name} est désactivé : choisissez un pôle actif.", nameof(RoleInput.PoleId));
        }

        if (organisation.StructureId is { } structure)
        {
            var found = await db.Structures.Where(s => s.Id == structure).Select(s => new { s.Name, s.IsActive }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("Choisissez une structure de la liste.", nameof(RoleInput.StructureId));
            return !mustBeActive || found.IsActive ? found.Name : throw new DomainException($"{found.Name} est désactivée : choisissez une structure active.", nameof(RoleInput.StructureId));
        }

        if (organisation.PublicAuthorityId is { } authority)
        {
            var found = await db.PublicAuthorities.Where(a => a.Id == authority).Select(a => new { a.Name, a.IsActive }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("Choisissez une autorité publique de la liste.", nameof(RoleInput.PublicAuthorityId));
            return !mustBeActive || found.IsActive ? found.Name : throw new DomainException($"{found.Name} est désactivée : choisissez une autorité publique active.", nameof(RoleInput.PublicAuthorityId));
        }

        return null;
    }

    private Task<List<Option>> PoleOptionsAsync(Guid? current, CancellationToken cancellationToken) =>
        db.Poles.AsNoTracking().Where(p => p.IsActive || p.Id == current).OrderBy(p => p.Name).Select(p => new Option(p.Id, p.Name)).ToListAsync(cancellationToken);

    private Task<List<Option>> PublicAuthorityOptionsAsync(Guid? current, CancellationToken cancellationToken) =>
        db.PublicAuthorities.AsNoTracking().Where(a => a.IsActive || a.Id == current).OrderBy(a => a.Name).Select(a => new Option(a.Id, a.Name)).ToListAsync(cancellationToken);

    private Task<List<Option>> StructureOptionsAsync(Guid? current, CancellationToken cancellationToken) =>
        db.Structures.AsNoTracking().Where(s => s.IsActive || s.Id == current).OrderBy(s => s.Name).Select(s => new Option(s.Id, s.Name)).ToListAsync(cancellationToken);
}
