namespace TrajectoirEss.Domain.Territory;

/// <summary>
/// The rule "every commune of Brittany resolves to exactly one pôle", checked over the whole map.
/// Used by the reference-data tests and by any change of perimeter.
/// </summary>
public static class TerritoryCoverage
{
    public static CoverageReport Check(IEnumerable<Commune> communes, IReadOnlyDictionary<string, Epci> epciBySiren)
    {
        ArgumentNullException.ThrowIfNull(epciBySiren);
        return Check(communes, siren => epciBySiren.TryGetValue(siren, out var epci) ? epci.PoleId : null, commune => commune.PoleId);
    }

    /// <summary>
    /// Checks a map that is not stored yet: the pôle of each EPCI and the own pôle of each commune as a
    /// planned change would leave them.
    /// </summary>
    public static CoverageReport Check(IEnumerable<Commune> communes, Func<string, Guid?> poleOfEpci, Func<Commune, Guid?> ownPoleOf)
    {
        ArgumentNullException.ThrowIfNull(communes);
        ArgumentNullException.ThrowIfNull(poleOfEpci);
        ArgumentNullException.ThrowIfNull(ownPoleOf);

        var uncovered = new List<Commune>();
        var coveredTwice = new List<Commune>();
        var resolved = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var commune in communes)
        {
            var viaEpci = commune.EpciSiren is { } siren ? poleOfEpci(siren) : null;
            var own = ownPoleOf(commune);
            if (viaEpci is not null && own is not null && viaEpci != own)
            {
                coveredTwice.Add(commune);
            }
            else if ((viaEpci ?? own) is { } poleId)
            {
                resolved[commune.CodeInsee] = poleId;
            }
            else
            {
                uncovered.Add(commune);
            }
        }

        return new CoverageReport(resolved, uncovered, coveredTwice);
    }
}

public sealed record CoverageReport(
    IReadOnlyDictionary<string, Guid> PoleByCommune,
    IReadOnlyList<Commune> Uncovered,
    IReadOnlyList<Commune> CoveredTwice)
{
    public bool IsComplete => Uncovered.Count == 0 && CoveredTwice.Count == 0;

    /// <summary>What is wrong, for a person: "12 communes resteraient sans pôle : Brest (29019), …".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Uncovered.Count > 0)
        {
            parts.Add($"{Uncovered.Count} commune(s) resteraient sans pôle : {List(Uncovered)}");
        }

        if (CoveredTwice.Count > 0)
        {
            parts.Add($"{CoveredTwice.Count} commune(s) relèveraient de deux pôles : {List(CoveredTwice)}");
        }

        return parts.Count == 0 ? "Chaque commune relève d'un seul pôle." : string.Join(" ; ", parts) + ".";
    }

    private static string List(IReadOnlyList<Commune> communes)
    {
        const int Shown = 10;
        var names = string.Join(", ", communes.Take(Shown).Select(c => $"{c.Name} ({c.CodeInsee})"));
        return communes.Count > Shown ? $"{names} et {communes.Count - Shown} autre(s)" : names;
    }
}
