using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Territory;

/// <summary>
/// A current commune of Brittany (Code officiel géographique). Its pôle is the pôle of its EPCI;
/// the few communes without an EPCI (islands) carry their pôle themselves in <see cref="PoleId"/>.
/// </summary>
public sealed class Commune
{
    public const int CodeLength = 5;
    public const int NameMaxLength = 100;
    public const int PostalCodeLength = 5;

    private List<string> _postalCodes = [];

    public Commune(string codeInsee, string name, string departementCode, IEnumerable<string> postalCodes, string? epciSiren, int population)
    {
        if (codeInsee is null || codeInsee.Length != CodeLength)
        {
            throw new DomainException($"Le code INSEE d'une commune compte {CodeLength} caractères.");
        }

        CodeInsee = codeInsee;
        Name = Guard.Required(name, NameMaxLength, "Le nom de la commune");
        SearchName = SearchText.Fold(Name);
        DepartementCode = departementCode;
        _postalCodes = postalCodes.Where(p => p.Length == PostalCodeLength).Distinct().Order(StringComparer.Ordinal).ToList();
        EpciSiren = string.IsNullOrWhiteSpace(epciSiren) ? null : epciSiren;
        Population = population < 0 ? 0 : population;
    }

    private Commune()
    {
        CodeInsee = string.Empty;
        Name = string.Empty;
        SearchName = string.Empty;
        DepartementCode = string.Empty;
    }

    public string CodeInsee { get; private set; }

    public string Name { get; private set; }

    /// <summary>The name folded by <see cref="SearchText.Fold"/>, for accent-insensitive search.</summary>
    public string SearchName { get; private set; }

    public string DepartementCode { get; private set; }

    public IReadOnlyList<string> PostalCodes => _postalCodes;

    public string? EpciSiren { get; private set; }

    public int Population { get; private set; }

    /// <summary>Set only for a commune that belongs to no EPCI; otherwise the EPCI decides.</summary>
    public Guid? PoleId { get; private set; }

    public void AttachToPole(Guid poleId)
    {
        if (EpciSiren is not null)
        {
            throw new DomainException($"La commune {Name} appartient à un EPCI : c'est le périmètre de l'EPCI qui détermine son pôle.");
        }

        PoleId = poleId;
    }

    /// <summary>
    /// Takes a new year's reference data: name, postal codes, population, EPCI. A commune that joins an
    /// EPCI drops its own pôle (the EPCI's perimeter decides from then on).
    /// </summary>
    public void UpdateFromReference(string name, string departementCode, IEnumerable<string> postalCodes, string? epciSiren, int population)
    {
        ArgumentNullException.ThrowIfNull(postalCodes);
        Name = Guard.Required(name, NameMaxLength, "Le nom de la commune");
        SearchName = SearchText.Fold(Name);
        DepartementCode = departementCode;
        _postalCodes = postalCodes.Where(p => p.Length == PostalCodeLength).Distinct().Order(StringComparer.Ordinal).ToList();
        EpciSiren = string.IsNullOrWhiteSpace(epciSiren) ? null : epciSiren;
        Population = population < 0 ? 0 : population;
        if (EpciSiren is not null)
        {
            PoleId = null;
        }
    }

    /// <summary>commune → EPCI → pôle, or the commune's own pôle when it has no EPCI.</summary>
    public Guid? ResolvePole(Epci? epci) => EpciSiren is null ? PoleId : epci?.PoleId;
}
