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

    /// <summary>E-mail, display name, role, and the reference code of the pôle or structure.</summary>
    public static IReadOnlyList<(string Email, string DisplayName, string Role, string? PoleCode, string? StructureCode)> All { get; } =
    [
        ("admin@demo.test", "Alix Administratrice", Roles.Admin, null, null),
        ("coordination@demo.test", "Camille Coordination", Roles.Coordinator, null, null),
        ("pole-morlaix@demo.test", "Morgane Le Pôle (Morlaix)", Roles.PoleStaff, "adess-du-pays-de-morlaix", null),
        ("pole-rennes@demo.test", "Renan Réso (Rennes)", Roles.PoleStaff, "reso-solidaire", null),
        ("tag29@demo.test", "Tanguy TAg29", Roles.StructureStaff, null, "tag29"),
        ("kejal@demo.test", "Katell Kejal", Roles.StructureStaff, null, "kejal"),
        ("franceactive@demo.test", "Fanch France Active", Roles.StructureStaff, null, "france-active-bretagne"),
        ("porteur@demo.test", "Paola Porteuse", Roles.Porteur, null, null),
    ];

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (email, displayName, role, poleCode, structureCode) in All)
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
