using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Territory;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Infrastructure.ReferenceData;
using TrajectoirEss.Web.Areas.Admin.Shared;

namespace TrajectoirEss.Web.Areas.Admin.ReferenceData;

public sealed record EpciDifference(string Siren, string Name, string? Detail, string? Pole);

public sealed record CommuneDifference(string Code, string Name, string? Detail, string? Pole);

/// <summary>What differs between the communes and EPCI shipped with the portal and those in the database.</summary>
public sealed class RefreshReport
{
    public required IReadOnlyList<EpciDifference> EpcisAdded { get; init; }

    public required IReadOnlyList<EpciDifference> EpcisRemoved { get; init; }

    public required IReadOnlyList<EpciDifference> EpcisRenamed { get; init; }

    public required IReadOnlyList<CommuneDifference> CommunesAdded { get; init; }

    /// <summary>Communes no longer in the file (merged into another, usually) that no project refers to: deleted when applied.</summary>
    public required IReadOnlyList<CommuneDifference> CommunesRemoved { get; init; }

    /// <summary>Communes no longer in the file that a project refers to: kept, so the project stays readable.</summary>
    public required IReadOnlyList<CommuneDifference> CommunesKept { get; init; }

    public required IReadOnlyList<CommuneDifference> CommunesMoved { get; init; }

    public required IReadOnlyList<CommuneDifference> CommunesRenamed { get; init; }

    public required IReadOnlyList<CommuneDifference> PostalCodesChanged { get; init; }

    public required int PopulationsUpdated { get; init; }

    /// <summary>Communes that resolve today to no pôle, or to two.</summary>
    public required IReadOnlyList<CommuneDifference> CoverageProblems { get; init; }

    public bool HasChanges =>
        EpcisAdded.Count + EpcisRemoved.Count + EpcisRenamed.Count + CommunesAdded.Count + CommunesRemoved.Count
        + CommunesMoved.Count + CommunesRenamed.Count + PostalCodesChanged.Count + PopulationsUpdated > 0;

    public IReadOnlyList<string> PolesConcerned =>
        EpcisRemoved.Select(e => e.Pole).Concat(EpcisRenamed.Select(e => e.Pole))
            .Concat(new[] { CommunesAdded, CommunesRemoved, CommunesMoved, CommunesRenamed, PostalCodesChanged }.SelectMany(l => l).SelectMany(c => (c.Pole ?? string.Empty).Split(" → ")))
            .Where(p => !string.IsNullOrEmpty(p) && p != NoPole)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList()!;

    internal const string NoPole = "aucun pôle";
}

/// <summary>
/// The yearly refresh of communes and EPCI: compares the files shipped with the portal with the database,
/// shows the differences and the pôles concerned, and applies them on request. Perimeters are never
/// changed here: a commune left without a pôle is reported so an administrator fixes the perimeters.
/// </summary>
public sealed class ReferenceDataRefresh(TrajectoirEssDbContext db, AdminAudit audit, ILogger<ReferenceDataRefresh> logger)
{
    public async Task<RefreshReport> CompareAsync(CancellationToken cancellationToken = default)
    {
        var state = await LoadAsync(tracked: false, cancellationToken);
        return state.Report;
    }

    /// <summary>Applies the differences; returns what was applied and the communes left without a pôle.</summary>
    public async Task<RefreshReport> ApplyAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await LoadAsync(tracked: true, cancellationToken);
        var report = state.Report;
        if (!report.HasChanges)
        {
            return report;
        }

        foreach (var row in state.FileEpcis.Values)
        {
            if (state.DbEpcis.TryGetValue(row.Siren, out var epci))
            {
                if (epci.Name != row.Name || epci.Kind != row.Kind)
                {
                    epci.UpdateFromReference(row.Name, row.Kind);
                }
            }
            else
            {
                db.Epcis.Add(new Epci(row.Siren, row.Name, row.Kind));
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var row in state.FileCommunes.Values)
        {
            if (state.DbCommunes.TryGetValue(row.CodeInsee, out var commune))
            {
                if (Differs(commune, row))
                {
                    commune.UpdateFromReference(row.Name, row.DepartementCode, row.PostalCodes, row.EpciSiren, row.Population);
                }
            }
            else
            {
                db.Communes.Add(new Commune(row.CodeInsee, row.Name, row.DepartementCode, row.PostalCodes, row.EpciSiren, row.Population));
            }
        }

        var removed = report.CommunesRemoved.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        db.Communes.RemoveRange(state.DbCommunes.Values.Where(c => removed.Contains(c.CodeInsee)));
        await db.SaveChangesAsync(cancellationToken);

        // An EPCI gone from the file is deleted once no commune (a kept one, say) belongs to it any more.
        var stillUsed = await db.Communes.Where(c => c.EpciSiren != null).Select(c => c.EpciSiren!).Distinct().ToListAsync(cancellationToken);
        db.Epcis.RemoveRange(state.DbEpcis.Values.Where(e => !state.FileEpcis.ContainsKey(e.Siren) && !stillUsed.Contains(e.Siren)));

        audit.Record(actorId, AdminEntities.ReferenceData, AdminEntities.ReferenceDataId, "Référentiel territorial mis à jour",
            ("Intercommunalités ajoutées", null, report.EpcisAdded.Count),
            ("Intercommunalités supprimées", null, report.EpcisRemoved.Count),
            ("Intercommunalités renommées", null, report.EpcisRenamed.Count),
            ("Communes ajoutées", null, report.CommunesAdded.Count),
            ("Communes supprimées ou fusionnées", null, report.CommunesRemoved.Count),
            ("Communes conservées (utilisées par des projets)", null, report.CommunesKept.Count),
            ("Communes changeant d'intercommunalité", null, report.CommunesMoved.Count),
            ("Communes renommées", null, report.CommunesRenamed.Count),
            ("Codes postaux modifiés", null, report.PostalCodesChanged.Count),
            ("Populations mises à jour", null, report.PopulationsUpdated),
            ("Pôles concernés", null, string.Join(", ", report.PolesConcerned)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Reference data refreshed by {ActorId}: {Added} communes added, {Removed} removed, {Moved} moved",
            actorId, report.CommunesAdded.Count, report.CommunesRemoved.Count, report.CommunesMoved.Count);
        return report;
    }

    private static bool Differs(Commune commune, CommuneRecord row) =>
        commune.Name != row.Name || commune.DepartementCode != row.DepartementCode || commune.EpciSiren != row.EpciSiren
        || commune.Population != row.Population || !commune.PostalCodes.SequenceEqual(Normalise(row.PostalCodes));

    private static List<string> Normalise(IEnumerable<string> postalCodes) =>
        postalCodes.Where(p => p.Length == Commune.PostalCodeLength).Distinct().Order(StringComparer.Ordinal).ToList();

    private async Task<State> LoadAsync(bool tracked, CancellationToken cancellationToken)
    {
        var fileEpcis = ReferenceDataFiles.ReadEpcis().ToDictionary(e => e.Siren, StringComparer.Ordinal);
        var fileCommunes = ReferenceDataFiles.ReadCommunes().ToDictionary(c => c.CodeInsee, StringComparer.Ordinal);
        var epciQuery = tracked ? db.Epcis : db.Epcis.AsNoTracking();
        var communeQuery = tracked ? db.Communes : db.Communes.AsNoTracking();
        var dbEpcis = await epciQuery.ToDictionaryAsync(e => e.Siren, StringComparer.Ordinal, cancellationToken);
        var dbCommunes = await communeQuery.ToDictionaryAsync(c => c.CodeInsee, StringComparer.Ordinal, cancellationToken);
        var poleNames = await db.Poles.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var usedByProjects = await db.Projects.Where(p => p.CommuneCode != null).GroupBy(p => p.CommuneCode!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, StringComparer.Ordinal, cancellationToken);

        string PoleOf(Guid? poleId) => poleId is { } id ? poleNames.GetValueOrDefault(id, RefreshReport.NoPole) : RefreshReport.NoPole;
        string PoleOfEpci(string? siren) => siren is not null && dbEpcis.TryGetValue(siren, out var e) ? PoleOf(e.PoleId) : RefreshReport.NoPole;
        string CurrentPole(Commune c) => c.EpciSiren is null ? PoleOf(c.PoleId) : PoleOfEpci(c.EpciSiren);
        string EpciName(string? siren) => siren is null ? "aucune" : fileEpcis.TryGetValue(siren, out var f) ? f.Name : dbEpcis.TryGetValue(siren, out var d) ? d.Name : siren;

        var added = fileCommunes.Values.Where(c => !dbCommunes.ContainsKey(c.CodeInsee)).OrderBy(c => c.CodeInsee, StringComparer.Ordinal)
            .Select(c => new CommuneDifference(c.CodeInsee, c.Name, "dans " + EpciName(c.EpciSiren), PoleOfEpci(c.EpciSiren))).ToList();
        var gone = dbCommunes.Values.Where(c => !fileCommunes.ContainsKey(c.CodeInsee)).OrderBy(c => c.CodeInsee, StringComparer.Ordinal).ToList();
        var removed = gone.Where(c => !usedByProjects.ContainsKey(c.CodeInsee))
            .Select(c => new CommuneDifference(c.CodeInsee, c.Name, "supprimée ou fusionnée", CurrentPole(c))).ToList();
        var kept = gone.Where(c => usedByProjects.ContainsKey(c.CodeInsee))
            .Select(c => new CommuneDifference(c.CodeInsee, c.Name, $"conservée : {usedByProjects[c.CodeInsee]} projet(s) y font référence", CurrentPole(c))).ToList();

        var both = fileCommunes.Values.Where(c => dbCommunes.ContainsKey(c.CodeInsee)).OrderBy(c => c.CodeInsee, StringComparer.Ordinal)
            .Select(c => (File: c, Db: dbCommunes[c.CodeInsee])).ToList();
        var moved = both.Where(x => x.File.EpciSiren != x.Db.EpciSiren)
            .Select(x =>
            {
                var from = CurrentPole(x.Db);
                var to = PoleOfEpci(x.File.EpciSiren);
                return new CommuneDifference(x.File.CodeInsee, x.File.Name, $"{EpciName(x.Db.EpciSiren)} → {EpciName(x.File.EpciSiren)}", from == to ? from : $"{from} → {to}");
            }).ToList();
        var renamed = both.Where(x => x.File.Name != x.Db.Name)
            .Select(x => new CommuneDifference(x.File.CodeInsee, x.File.Name, $"{x.Db.Name} → {x.File.Name}", CurrentPole(x.Db))).ToList();
        var postalCodes = both.Where(x => !x.Db.PostalCodes.SequenceEqual(Normalise(x.File.PostalCodes)))
            .Select(x => new CommuneDifference(x.File.CodeInsee, x.File.Name, $"{string.Join(" ", x.Db.PostalCodes)} → {string.Join(" ", Normalise(x.File.PostalCodes))}", CurrentPole(x.Db))).ToList();
        var populations = both.Count(x => x.File.Population != x.Db.Population || x.File.DepartementCode != x.Db.DepartementCode);

        var epciAdded = fileEpcis.Values.Where(e => !dbEpcis.ContainsKey(e.Siren)).OrderBy(e => e.Name)
            .Select(e => new EpciDifference(e.Siren, e.Name, "nouvelle : elle n'appartient encore à aucun pôle", null)).ToList();
        var keptSirens = kept.Select(k => dbCommunes[k.Code].EpciSiren).Where(s => s is not null).ToHashSet(StringComparer.Ordinal);
        var epciRemoved = dbEpcis.Values.Where(e => !fileEpcis.ContainsKey(e.Siren) && !keptSirens.Contains(e.Siren)).OrderBy(e => e.Name)
            .Select(e => new EpciDifference(e.Siren, e.Name, "supprimée", PoleOf(e.PoleId))).ToList();
        var epciRenamed = fileEpcis.Values.Where(e => dbEpcis.TryGetValue(e.Siren, out var d) && (d.Name != e.Name || d.Kind != e.Kind)).OrderBy(e => e.Name)
            .Select(e => new EpciDifference(e.Siren, e.Name, $"{dbEpcis[e.Siren].Name} ({dbEpcis[e.Siren].Kind}) → {e.Name} ({e.Kind})", PoleOf(dbEpcis[e.Siren].PoleId))).ToList();

        var coverage = TerritoryCoverage.Check(dbCommunes.Values, dbEpcis);
        var problems = coverage.Uncovered.Select(c => new CommuneDifference(c.CodeInsee, c.Name, "sans pôle (" + EpciName(c.EpciSiren) + ")", null))
            .Concat(coverage.CoveredTwice.Select(c => new CommuneDifference(c.CodeInsee, c.Name, "deux pôles", null)))
            .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

        var report = new RefreshReport
        {
            EpcisAdded = epciAdded,
            EpcisRemoved = epciRemoved,
            EpcisRenamed = epciRenamed,
            CommunesAdded = added,
            CommunesRemoved = removed,
            CommunesKept = kept,
            CommunesMoved = moved,
            CommunesRenamed = renamed,
            PostalCodesChanged = postalCodes,
            PopulationsUpdated = populations,
            CoverageProblems = problems,
        };
        return new State(fileEpcis, fileCommunes, dbEpcis, dbCommunes, report);
    }

    private sealed record State(
        Dictionary<string, EpciRecord> FileEpcis,
        Dictionary<string, CommuneRecord> FileCommunes,
        Dictionary<string, Epci> DbEpcis,
        Dictionary<string, Commune> DbCommunes,
        RefreshReport Report);
}
