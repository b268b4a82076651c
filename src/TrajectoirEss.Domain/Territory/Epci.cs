using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Territory;

/// <summary>
/// An intercommunalité (EPCI à fiscalité propre). A pôle's perimeter is a set of EPCI: each EPCI
/// belongs to at most one pôle, through <see cref="PoleId"/>.
/// </summary>
public sealed class Epci
{
    public const int SirenLength = 9;
    public const int NameMaxLength = 150;
    public const int KindMaxLength = 10;

    public Epci(string siren, string name, string kind)
    {
        if (siren is null || siren.Length != SirenLength || !siren.All(char.IsAsciiDigit))
        {
            throw new DomainException("Le SIREN d'un EPCI compte 9 chiffres.");
        }

        Siren = siren;
        Name = Guard.Required(name, NameMaxLength, "Le nom de l'EPCI");
        Kind = Guard.Required(kind, KindMaxLength, "Le type d'EPCI");
    }

    public string Siren { get; private set; }

    public string Name { get; private set; }

    /// <summary>METRO, CA, CC or CU, as the DGCL names them.</summary>
    public string Kind { get; private set; }

    public Guid? PoleId { get; private set; }

    public void AttachToPole(Guid poleId) => PoleId = poleId;

    /// <summary>Leaves the EPCI without a pôle: only allowed by a perimeter change when none of its communes is left uncovered.</summary>
    public void DetachFromPole() => PoleId = null;

    /// <summary>Takes the name and kind of a new year's reference data (the SIREN stays).</summary>
    public void UpdateFromReference(string name, string kind)
    {
        var newName = Guard.Required(name, NameMaxLength, "Le nom de l'EPCI");
        Kind = Guard.Required(kind, KindMaxLength, "Le type d'EPCI");
        Name = newName;
    }
}
