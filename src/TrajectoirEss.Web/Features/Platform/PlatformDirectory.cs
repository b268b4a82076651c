using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Platform;

/// <summary>An organisation that can sit in a coordination body, with its name (for lists and pick lists).</summary>
public sealed record OrganisationEntry(OrganisationRef Ref, string Name)
{
    /// <summary>The value a form carries for it ("Pole:…", as stored).</summary>
    public string Key => PlatformDirectory.Key(Ref);

    public OrganisationKind Kind => Ref.Kind;
}

/// <summary>
/// The coordination's one view of who is who: the organisation a signed-in person speaks for, the names of the
/// organisations a body, a session or a commitment points at, and the accounts of an organisation (for e-mails).
/// The coordination never owns organisations (<see cref="OrganisationRef"/>): their records are the pôles, the
/// structures and the public authorities.
/// </summary>
public sealed class PlatformDirectory(TrajectoirEssDbContext db)
{
    /// <summary>The organisation a signed-in person belongs to: a pôle's or a structure's staff, a public partner; none for coordinators, administrators and porteurs.</summary>
    public static OrganisationRef? OrganisationOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.PoleStaff) && user.GetPoleId() is { } pole)
        {
            return new OrganisationRef(OrganisationKind.Pole, pole);
        }

        if (user.IsInRole(Roles.StructureStaff) && user.GetStructureId() is { } structure)
        {
            return new OrganisationRef(OrganisationKind.Structure, structure);
        }

        return user.IsInRole(Roles.PublicPartner) && user.GetPublicAuthorityId() is { } authority
            ? new OrganisationRef(OrganisationKind.PublicAuthority, authority)
            : null;
    }

    /// <summary>Whether the person runs the platform (coordinators and administrators).</summary>
    public static bool RunsThePlatform(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);
    }

    /// <summary>"Pole:0190…": how a form and the database write a reference.</summary>
    public static string Key(OrganisationRef organisation) => $"{organisation.Kind}:{organisation.Id}";

    /// <summary>A reference read back from a form (null when malformed: the caller says so beside the field).</summary>
    public static OrganisationRef? Parse(string? key)
    {
        var parts = key?.Trim().Split(':');
        return parts is [var kind, var id]
               && Enum.TryParse<OrganisationKind>(kind, ignoreCase: false, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _)
               && Guid.TryParse(id, out var g) && g != Guid.Empty
            ? new OrganisationRef(k, g)
            : null;
    }

    /// <summary>Every organisation that can be a member or carry a commitment: active pôles, structures and public authorities, by kind then name.</summary>
    public async Task<IReadOnlyList<OrganisationEntry>> AllAsync(CancellationToken cancellationToken)
    {
        var poles = await db.Poles.AsNoTracking().Where(p => p.IsActive).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var structures = await db.Structures.AsNoTracking().Where(s => s.IsActive).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var authorities = await db.PublicAuthorities.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        return
        [
            .. poles.Select(p => new OrganisationEntry(new(OrganisationKind.Pole, p.Id), p.Name)).OrderBy(e => e.Name, StringComparer.CurrentCulture),
            .. structures.Select(s => new OrganisationEntry(new(OrganisationKind.Structure, s.Id), s.Name)).OrderBy(e => e.Name, StringComparer.CurrentCulture),
            .. authorities.Select(a => new OrganisationEntry(new(OrganisationKind.PublicAuthority, a.Id), a.Name)).OrderBy(e => e.Name, StringComparer.CurrentCulture),
        ];
    }

    /// <summary>The names of these organisations (one query per kind; an unknown one is named "Organisation inconnue", never an error).</summary>
    public async Task<IReadOnlyDictionary<OrganisationRef, string>> NamesAsync(IEnumerable<OrganisationRef> organisations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        var wanted = organisations.Distinct().ToList();
        var names = new Dictionary<OrganisationRef, string>();
        var poleIds = wanted.Where(o => o.Kind == OrganisationKind.Pole).Select(o => o.Id).ToList();
        var structureIds = wanted.Where(o => o.Kind == OrganisationKind.Structure).Select(o => o.Id).ToList();
        var authorityIds = wanted.Where(o => o.Kind == OrganisationKind.PublicAuthority).Select(o => o.Id).ToList();
        if (poleIds.Count > 0)
        {
            foreach (var p in await db.Poles.AsNoTracking().Where(p => poleIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            {
                names[new(OrganisationKind.Pole, p.Id)] = p.Name;
            }
        }

        if (structureIds.Count > 0)
        {
            foreach (var s in await db.Structures.AsNoTracking().Where(s => structureIds.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            {
                names[new(OrganisationKind.Structure, s.Id)] = s.Name;
            }
        }

        if (authorityIds.Count > 0)
        {
            foreach (var a in await db.PublicAuthorities.AsNoTracking().Where(a => authorityIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            {
                names[new(OrganisationKind.PublicAuthority, a.Id)] = a.Name;
            }
        }

        foreach (var missing in wanted.Where(o => !names.ContainsKey(o)))
        {
            names[missing] = "Organisation inconnue";
        }

        return names;
    }

    /// <summary>
    /// The accounts that speak for an organisation (its pôle or structure staff, the public partners of an
    /// authority), enabled, who did not switch this kind of e-mail off.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationUser>> StaffOfAsync(OrganisationRef organisation, NotificationKinds kind, CancellationToken cancellationToken)
    {
        var (role, query) = organisation.Kind switch
        {
            OrganisationKind.Pole => (Roles.PoleStaff, db.Users.Where(u => u.PoleId == organisation.Id)),
            OrganisationKind.Structure => (Roles.StructureStaff, db.Users.Where(u => u.StructureId == organisation.Id)),
            OrganisationKind.PublicAuthority => (Roles.PublicPartner, db.Users.Where(u => u.PublicAuthorityId == organisation.Id)),
            _ => (string.Empty, db.Users.Where(_ => false)),
        };
        var users = await query.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
            .ToListAsync(cancellationToken);
        return [.. users.Where(u => u.Wants(kind))];
    }

    /// <summary>The coordinators (not the administrators: they run the portal, not the platform) who want this kind of e-mail.</summary>
    public async Task<IReadOnlyList<ApplicationUser>> CoordinatorsAsync(NotificationKinds kind, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Coordinator)))
            .ToListAsync(cancellationToken);
        return [.. users.Where(u => u.Wants(kind))];
    }
}
