namespace TrajectoirEss.Domain.Territory;

/// <summary>
/// The rule "every commune of Brittany resolves to exactly one pôle", checked over the whole map.
/// Used by the reference-data tests and by any change of perimeter.
/// </summary>
public static class TerritoryCoverage
{
    public static CoverageReport Check(IEnumerable<Commune> communes, IReadOnlyDictionary<string, Epci> epciBySiren)
    {
        ArgumentNullException.ThrowIfNull(communes);
        ArgumentNullException.ThrowIfNull(epciBySiren);

        var uncovered = new List<Commune>();
        var coveredTwice = new List<Commune>();
        var resolved = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var commune in communes)
        {
            epciBySiren.TryGetValue(commune.EpciSiren ?? string.Empty, out var epci);
            var viaEpci = epci?.PoleId;
            var own = commune.PoleId;
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
}
