using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Territory;

/// <summary>
/// A new perimeter for one pôle: the EPCI (and island communes without EPCI) it should cover. Checking an
/// EPCI that belongs to another pôle takes it from that pôle; leaving out an EPCI releases it. The plan
/// is checked against the whole map of Brittany before anything moves: a change that would leave a
/// commune without a pôle, or with two, is refused and names the communes concerned. Projects already
/// submitted keep their pôle: a perimeter decides only where new submissions go.
/// </summary>
public sealed class PerimeterChange
{
    private PerimeterChange(
        Pole pole,
        IReadOnlyList<(Epci Epci, Guid? From)> taken,
        IReadOnlyList<Epci> released,
        IReadOnlyList<(Commune Commune, Guid? From)> communesTaken,
        IReadOnlyList<Commune> communesReleased,
        CoverageReport coverage)
    {
        Pole = pole;
        Taken = taken;
        Released = released;
        CommunesTaken = communesTaken;
        CommunesReleased = communesReleased;
        Coverage = coverage;
    }

    public Pole Pole { get; }

    /// <summary>EPCI joining the pôle, with the pôle they leave (null when they had none).</summary>
    public IReadOnlyList<(Epci Epci, Guid? From)> Taken { get; }

    /// <summary>EPCI leaving the pôle without another pôle taking them.</summary>
    public IReadOnlyList<Epci> Released { get; }

    /// <summary>Communes without EPCI (islands) joining the pôle, with the pôle they leave.</summary>
    public IReadOnlyList<(Commune Commune, Guid? From)> CommunesTaken { get; }

    /// <summary>Communes without EPCI leaving the pôle (always uncovered: nobody else takes them in this change).</summary>
    public IReadOnlyList<Commune> CommunesReleased { get; }

    /// <summary>The whole map as it would be after the change.</summary>
    public CoverageReport Coverage { get; }

    public bool IsAllowed => Coverage.IsComplete;

    public bool IsEmpty => Taken.Count == 0 && Released.Count == 0 && CommunesTaken.Count == 0 && CommunesReleased.Count == 0;

    public static PerimeterChange Plan(
        Pole pole,
        IEnumerable<string> epciSirens,
        IEnumerable<string> communeCodes,
        IReadOnlyCollection<Epci> allEpcis,
        IReadOnlyCollection<Commune> allCommunes)
    {
        ArgumentNullException.ThrowIfNull(pole);
        ArgumentNullException.ThrowIfNull(epciSirens);
        ArgumentNullException.ThrowIfNull(communeCodes);
        ArgumentNullException.ThrowIfNull(allEpcis);
        ArgumentNullException.ThrowIfNull(allCommunes);

        var epciBySiren = allEpcis.ToDictionary(e => e.Siren, StringComparer.Ordinal);
        var wantedEpcis = epciSirens.ToHashSet(StringComparer.Ordinal);
        if (wantedEpcis.FirstOrDefault(s => !epciBySiren.ContainsKey(s)) is { } unknown)
        {
            throw new DomainException($"L'intercommunalité {unknown} n'existe pas : rechargez la page.");
        }

        var islands = allCommunes.Where(c => c.EpciSiren is null).ToDictionary(c => c.CodeInsee, StringComparer.Ordinal);
        var wantedCommunes = communeCodes.ToHashSet(StringComparer.Ordinal);
        if (wantedCommunes.FirstOrDefault(c => !islands.ContainsKey(c)) is { } notIsland)
        {
            throw new DomainException($"La commune {notIsland} appartient à une intercommunalité, ou n'existe pas : c'est le périmètre de l'intercommunalité qui décide.");
        }

        if (!pole.IsActive && (wantedEpcis.Count > 0 || wantedCommunes.Count > 0))
        {
            throw new DomainException("Ce pôle est désactivé : réactivez-le avant de lui attribuer un territoire.");
        }

        var taken = new List<(Epci, Guid?)>();
        var released = new List<Epci>();
        var poleOfEpci = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var epci in allEpcis.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var wanted = wantedEpcis.Contains(epci.Siren);
            var mine = epci.PoleId == pole.Id;
            if (wanted && !mine)
            {
                taken.Add((epci, epci.PoleId));
            }
            else if (!wanted && mine)
            {
                released.Add(epci);
            }

            poleOfEpci[epci.Siren] = wanted ? pole.Id : mine ? null : epci.PoleId;
        }

        var communesTaken = new List<(Commune, Guid?)>();
        var communesReleased = new List<Commune>();
        var ownPole = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var commune in islands.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var wanted = wantedCommunes.Contains(commune.CodeInsee);
            var mine = commune.PoleId == pole.Id;
            if (wanted && !mine)
            {
                communesTaken.Add((commune, commune.PoleId));
            }
            else if (!wanted && mine)
            {
                communesReleased.Add(commune);
            }

            ownPole[commune.CodeInsee] = wanted ? pole.Id : mine ? null : commune.PoleId;
        }

        var coverage = TerritoryCoverage.Check(
            allCommunes,
            siren => poleOfEpci.TryGetValue(siren, out var id) ? id : null,
            commune => ownPole.TryGetValue(commune.CodeInsee, out var id) ? id : commune.PoleId);
        return new PerimeterChange(pole, taken, released, communesTaken, communesReleased, coverage);
    }

    /// <summary>Moves the EPCI and communes; refused, changing nothing, when a commune would be left uncovered or covered twice.</summary>
    public void Apply()
    {
        if (!IsAllowed)
        {
            throw new DomainException("Ce changement de périmètre est refusé : " + Coverage.Describe());
        }

        foreach (var (epci, _) in Taken)
        {
            epci.AttachToPole(Pole.Id);
        }

        // An allowed change releases only EPCI that no commune needs (an EPCI left without communes).
        foreach (var epci in Released)
        {
            epci.DetachFromPole();
        }

        foreach (var (commune, _) in CommunesTaken)
        {
            commune.AttachToPole(Pole.Id);
        }

        // A released commune without EPCI is always left uncovered, so an allowed change never has one.
    }
}
