using Microsoft.AspNetCore.Identity;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Web.Security;

/// <summary>
/// A password check against a hash nobody owns, for logins that fail without one (unknown address,
/// disabled or locked account): they take as long as a wrong password, so timing tells nothing.
/// </summary>
public sealed class DummyPasswordHash(IPasswordHasher<ApplicationUser> hasher)
{
    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N")));

    public void Verify(string? password) => hasher.VerifyHashedPassword(new ApplicationUser(), _hash.Value, password ?? string.Empty);
}
