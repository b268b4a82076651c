using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Api;

/// <summary>Commune search for the autocomplete of the submission form: public reference data.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/communes")]
public sealed class CommunesController(TrajectoirEssDbContext db) : ControllerBase
{
    public const int MaxQueryLength = 100;
    public const int MaxResults = 20;

    [HttpGet]
    [ProducesResponseType<IReadOnlyList<CommuneItem>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Search([FromQuery] string? q, CancellationToken cancellationToken)
    {
        var query = q?.Trim() ?? string.Empty;
        if (query.Length > MaxQueryLength)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Requête trop longue", detail: $"La recherche ne doit pas dépasser {MaxQueryLength} caractères.");
        }

        var folded = SearchText.Fold(query);
        if (folded.Length < 2)
        {
            return Ok(Array.Empty<CommuneItem>());
        }

        var communes = from c in db.Communes.AsNoTracking()
                       join e in db.Epcis on c.EpciSiren equals e.Siren into withEpci
                       from e in withEpci.DefaultIfEmpty()
                       join p in db.Poles on c.PoleId ?? e.PoleId equals p.Id into withPole
                       from p in withPole.DefaultIfEmpty()
                       select new { Commune = c, Pole = p };

#pragma warning disable CA1310 // EF Core translates string.StartsWith(string) to SQL LIKE; the StringComparison overloads are not translatable.
        var isPostalCode = folded.All(char.IsAsciiDigit);
        var spaced = " " + folded;
        var matches = isPostalCode
            ? communes.Where(x => x.Commune.PostalCodes.Any(code => code.StartsWith(folded)) || x.Commune.CodeInsee == folded)
            : communes.Where(x => x.Commune.SearchName.StartsWith(folded) || x.Commune.SearchName.Contains(spaced));

        var items = await matches
            .OrderByDescending(x => x.Commune.SearchName.StartsWith(folded))
            .ThenByDescending(x => x.Commune.Population)
            .ThenBy(x => x.Commune.Name)
            .Take(MaxResults)
            .Select(x => new CommuneItem(
                x.Commune.CodeInsee,
                x.Commune.Name,
                x.Commune.PostalCodes,
                x.Commune.DepartementCode,
                x.Pole == null ? null : new PoleReference(x.Pole.Id, x.Pole.Name)))
            .ToListAsync(cancellationToken);
#pragma warning restore CA1310
        return Ok(items);
    }
}

public sealed record CommuneItem(string Code, string Nom, IReadOnlyList<string> CodesPostaux, string Departement, PoleReference? Pole);

public sealed record PoleReference(Guid Id, string Nom);
