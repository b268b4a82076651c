using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Shared;

public sealed record CommuneItem(string Code, string Nom, IReadOnlyList<string> CodesPostaux, string Departement, PoleReference? Pole)
{
    /// <summary>"Quimperlé (29300)": how the form shows and reads a commune.</summary>
    public string Display => CodesPostaux.Count > 0 ? $"{Nom} ({CodesPostaux[0]})" : Nom;
}

public sealed record PoleReference(Guid Id, string Nom);

public enum CommuneMatchKind
{
    Found,
    Ambiguous,
    NotFound,
    OutsideBrittany,
}

public sealed record CommuneMatch(CommuneMatchKind Kind, CommuneItem? Commune, IReadOnlyList<CommuneItem> Candidates);

/// <summary>The pôle that will welcome a project, with how to reach it.</summary>
public sealed record PoleContact(Guid Id, string Name, string? Seat, string? Email, string? Phone, string? Website, string? Address);

/// <summary>
/// Finds communes of Brittany by name (accent- and case-insensitive) or postal code, and the pôle of
/// each (commune → EPCI → pôle). Used by the autocomplete API and by the forms, which work without
/// JavaScript by resolving what was typed. The search runs on the 1,202 communes of the reference cache
/// (no query per keystroke of the autocomplete); they change only with the reference data.
/// </summary>
public sealed partial class CommuneDirectory(TrajectoirEssDbContext db, ReferenceCache referenceCache)
{
    private static readonly string[] BretonDepartements = ["22", "29", "35", "56"];

    public async Task<IReadOnlyList<CommuneItem>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        var folded = SearchText.Fold(query);
        if (folded.Length < 2)
        {
            return [];
        }

        var spaced = " " + folded;
        var isPostalCode = folded.All(char.IsAsciiDigit);
        var reference = await referenceCache.GetAsync(cancellationToken);
        var matches = isPostalCode
            ? reference.CommunesByPopulation.Where(c => c.Item.CodesPostaux.Any(code => code.StartsWith(folded, StringComparison.Ordinal)) || c.Item.Code == folded)
            : reference.CommunesByPopulation.Where(c => c.SearchName.StartsWith(folded, StringComparison.Ordinal) || c.SearchName.Contains(spaced, StringComparison.Ordinal));

        // Names starting with the text first; within each group, the most populated first (the list's order: a stable sort keeps it).
        return matches
            .OrderByDescending(c => c.SearchName.StartsWith(folded, StringComparison.Ordinal))
            .Take(limit)
            .Select(c => c.Item)
            .ToList();
    }

    public Task<CommuneItem?> FindAsync(string? code, CancellationToken cancellationToken = default) =>
        WithPoles().Where(x => x.Commune.CodeInsee == code)
            .Select(x => new CommuneItem(x.Commune.CodeInsee, x.Commune.Name, x.Commune.PostalCodes, x.Commune.DepartementCode, x.Pole == null ? null : new PoleReference(x.Pole.Id, x.Pole.Name)))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Resolves what a person typed: "Quimperlé", "quimperle", "29300", "Quimperlé (29300)".</summary>
    public async Task<CommuneMatch> ResolveAsync(string? input, CancellationToken cancellationToken = default)
    {
        var text = input?.Trim() ?? string.Empty;
        var withPostalCode = NameWithPostalCode().Match(text);
        var postalCode = withPostalCode.Success ? withPostalCode.Groups["cp"].Value : PostalCodeOnly().IsMatch(text) ? text : null;
        var name = withPostalCode.Success ? withPostalCode.Groups["nom"].Value : postalCode is null ? text : null;

        if (postalCode is not null && !BretonDepartements.Contains(postalCode[..2]))
        {
            return new CommuneMatch(CommuneMatchKind.OutsideBrittany, null, []);
        }

        var candidates = await SearchAsync(postalCode ?? name ?? string.Empty, 50, cancellationToken);
        if (name is not null)
        {
            var folded = SearchText.Fold(name);
            var exact = candidates.Where(c => SearchText.Fold(c.Nom) == folded).ToList();
            candidates = exact.Count > 0 ? exact : candidates;
        }

        if (postalCode is not null)
        {
            candidates = candidates.Where(c => c.CodesPostaux.Contains(postalCode)).ToList();
        }

        return candidates.Count switch
        {
            0 => new CommuneMatch(CommuneMatchKind.NotFound, null, []),
            1 => new CommuneMatch(CommuneMatchKind.Found, candidates[0], []),
            _ => new CommuneMatch(CommuneMatchKind.Ambiguous, null, candidates.Take(10).ToList()),
        };
    }

    public Task<PoleContact?> PoleContactAsync(Guid? poleId, CancellationToken cancellationToken = default) =>
        db.Poles.AsNoTracking().Where(p => p.Id == poleId)
            .Select(p => new PoleContact(p.Id, p.Name, p.Seat, p.Email, p.Phone, p.Website, p.Address))
            .SingleOrDefaultAsync(cancellationToken);

    private IQueryable<CommuneWithPole> WithPoles() =>
        from c in db.Communes.AsNoTracking()
        join e in db.Epcis on c.EpciSiren equals e.Siren into withEpci
        from e in withEpci.DefaultIfEmpty()
        join p in db.Poles on c.PoleId ?? e.PoleId equals p.Id into withPole
        from p in withPole.DefaultIfEmpty()
        select new CommuneWithPole { Commune = c, Pole = p };

    [GeneratedRegex(@"^(?<nom>.+?)\s*\((?<cp>\d{5})\)$")]
    private static partial Regex NameWithPostalCode();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex PostalCodeOnly();

    private sealed class CommuneWithPole
    {
        public required Domain.Territory.Commune Commune { get; init; }

        public Domain.Territory.Pole? Pole { get; init; }
    }
}
