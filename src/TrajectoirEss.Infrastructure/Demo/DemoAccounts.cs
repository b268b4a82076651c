using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Infrastructure.Demo;

/// <summary>
/// The demo accounts (demo mode only, never in Production). All share <see cref="Password"/>, which the
/// README documents. Creating them twice changes nothing.
/// </summary>
public sealed class DemoAccounts(TrajectoirEssDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<DemoAccounts> logger)
{
    public const string Password = "Demo-Trajectoiress-2026";

    /// <summary>E-mail, display name, role, and the reference code of the pôle, structure or public authority.</summary>
    public static IReadOnlyList<(string Email, string DisplayName, string Role, string? PoleCode, string? StructureCode, string? PublicAuthorityCode)> All { get; } =
    [
        ("admin@demo.test", "Alix Administratrice", Roles.Admin, null, null, null),
        ("coordination@demo.test", "Camille Coordination", Roles.Coordinator, null, null, null),
        ("region@demo.test", "Rozenn Région", Roles.PublicPartner, null, null, "region-bretagne"),
        ("pole-morlaix@demo.test", "Morgane Le Pôle (Morlaix)", Roles.PoleStaff, "adess-du-pays-de-morlaix", null, null),
        ("pole-rennes@demo.test", "Renan Réso (Rennes)", Roles.PoleStaff, "reso-solidaire", null, null),
        ("tag29@demo.test", "Tanguy TAg29", Roles.StructureStaff, null, "tag29", null),
        ("kejal@demo.test", "Katell Kejal", Roles.StructureStaff, null, "kejal", null),
        ("franceactive@demo.test", "Fanch France Active", Roles.StructureStaff, null, "france-active-bretagne", null),
        ("porteur@demo.test", "Paola Porteuse", Roles.Porteur, null, null, null),
    ];

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (email, displayName, role, poleCode, structureCode, publicAuthorityCode) in All)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedAt = clock.GetUtcNow(),
                PoleId = poleCode is null ? null : await db.Poles.Where(p => p.Code == poleCode).Select(p => (Guid?)p.Id).SingleAsync(cancellationToken),
                StructureId = structureCode is null ? null : await db.Structures.Where(s => s.Code == structureCode).Select(s => (Guid?)s.Id).SingleAsync(cancellationToken),
                PublicAuthorityId = publicAuthorityCode is null ? null : await db.PublicAuthorities.Where(a => a.Code == publicAuthorityCode).Select(a => (Guid?)a.Id).SingleAsync(cancellationToken),
            };
            Check(await users.CreateAsync(user, Password), email);
            Check(await users.AddToRoleAsync(user, role), email);
            logger.LogInformation("Demo account created with role {Role}", role);
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
