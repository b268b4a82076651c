using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Web.Security;

/// <summary>
/// A password check against a hash nobody owns, for logins that fail without one (unknown address,
/// disabled or locked account): they take as long as a wrong password, so timing tells nothing.
/// A singleton (the hash is computed once): it holds its own hasher with the portal's settings, since
/// Identity's <see cref="IPasswordHasher{TUser}"/> is a scoped service.
/// </summary>
public sealed class DummyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly PasswordHasher<ApplicationUser> _hasher = new(options);

    private string? _hash;

    public void Verify(string? password)
    {
        _hash ??= _hasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N"));
        _hasher.VerifyHashedPassword(new ApplicationUser(), _hash, password ?? string.Empty);
    }
}
