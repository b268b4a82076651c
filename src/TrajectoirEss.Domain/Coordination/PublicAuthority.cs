using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Coordination;

/// <summary>
/// A public partner of the programme — the Région, the State's services, a département, an intercommunalité —
/// whose staff follow the programme's aggregates (public partner accounts). Deactivated, never deleted: accounts
/// and the journal refer to it.
/// </summary>
public sealed class PublicAuthority
{
    public const int CodeMaxLength = 80;
    public const int NameMaxLength = 150;
    public const int WebsiteMaxLength = 300;
    public const int EmailMaxLength = 254;

    public PublicAuthority(Guid id, string code, string? name, PublicAuthorityKind? kind, string? departementCode)
    {
        Id = id;
        Code = Guard.Required(code, CodeMaxLength, "Le code de l'autorité publique");
        (Name, Kind, DepartementCode) = Checked(name, kind, departementCode);
        IsActive = true;
    }

    /// <summary>For EF Core, which reads the fields back as stored.</summary>
    private PublicAuthority()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable identifier of the reference data (e.g. "region-bretagne"); never shown.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public PublicAuthorityKind Kind { get; private set; }

    /// <summary>The département of Brittany it is attached to, when it is one (a département's council, an intercommunalité).</summary>
    public string? DepartementCode { get; private set; }

    public string? Email { get; private set; }

    public string? Website { get; private set; }

    /// <summary>A deactivated authority is no longer offered for new accounts; its accounts and history stay.</summary>
    public bool IsActive { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency between administrators.</summary>
    public uint Version { get; private set; }

    /// <summary>Corrects the name, kind and département; checks everything before changing anything.</summary>
    public void Update(string? name, PublicAuthorityKind? kind, string? departementCode) =>
        (Name, Kind, DepartementCode) = Checked(name, kind, departementCode);

    /// <summary>The contact shown to administrators: an e-mail address and a website, both optional.</summary>
    public void UpdateContact(string? email, string? website)
    {
        var newEmail = Guard.Optional(email, EmailMaxLength, "L'adresse électronique", nameof(Email));
        if (newEmail is not null && !LooksLikeEmail(newEmail))
        {
            throw new DomainException("Saisissez une adresse électronique valide, par exemple contact@exemple.fr.", nameof(Email));
        }

        var newWebsite = Guard.Optional(website, WebsiteMaxLength, "Le site web", nameof(Website));
        if (newWebsite is not null && !LooksLikeWebsite(newWebsite))
        {
            throw new DomainException("Saisissez l'adresse complète du site, par exemple https://www.exemple.fr.", nameof(Website));
        }

        (Email, Website) = (newEmail, newWebsite);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static (string Name, PublicAuthorityKind Kind, string? DepartementCode) Checked(string? name, PublicAuthorityKind? kind, string? departementCode)
    {
        var newName = Guard.Required(name, NameMaxLength, "Le nom de l'autorité publique", nameof(Name));
        if (kind is not { } newKind || !Enum.IsDefined(newKind))
        {
            throw new DomainException("Choisissez le type d'autorité publique dans la liste.", nameof(Kind));
        }

        var newDepartement = Guard.Departement(departementCode, nameof(DepartementCode));
        if (newKind == PublicAuthorityKind.Departement && newDepartement is null)
        {
            throw new DomainException("Choisissez le département de ce conseil départemental.", nameof(DepartementCode));
        }

        return (newName, newKind, newDepartement);
    }

    /// <summary>One "@" with text on both sides, a dot in the domain, no space: the form's own check is stricter.</summary>
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }

    private static bool LooksLikeWebsite(string website) =>
        Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !website.Any(char.IsWhiteSpace);
}
