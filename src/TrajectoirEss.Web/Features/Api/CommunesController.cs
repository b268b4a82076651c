using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Security;

namespace TrajectoirEss.Web.Features.Api;

/// <summary>Commune search for the autocomplete of the submission form: public reference data.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/communes")]
[EnableRateLimiting(RateLimits.Communes)]
public sealed class CommunesController(CommuneDirectory communes) : ControllerBase
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

        var items = await communes.SearchAsync(query, MaxResults, cancellationToken);
        return Ok(items.Select(c => new { c.Code, c.Nom, c.CodesPostaux, c.Departement, c.Pole }));
    }
}
