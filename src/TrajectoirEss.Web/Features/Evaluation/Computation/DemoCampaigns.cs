using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Evaluation.Computation;

/// <summary>
/// The demo's yearly campaigns on its first référentiel (adopted in June 2022): one per complete year from 2022,
/// opened in January of the next year, the pôles and structures declaring their values (most submitted and
/// validated, a few returned with a comment then corrected, a few missing), each frozen a few weeks later with its
/// computed values; and the current year's campaign open, its deadline ahead, some values missing. Here and not
/// with the other demo data because the freeze needs the computation (<see cref="EvaluationMeasures"/>).
/// </summary>
public sealed class DemoCampaigns(TrajectoirEssDbContext db, EvaluationMeasures measures)
{
    public const int FirstYear = 2022;

    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default) => db.Campaigns.AnyAsync(cancellationToken);

    /// <summary>Creates the campaigns (once: none may exist yet) on the adopted référentiel; returns how many.</summary>
    public async Task<int> CreateAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var referential = await db.Referentials.AsNoTracking()
            .Where(r => r.Status == ReferentialStatus.Adopted)
            .OrderByDescending(r => r.VersionNumber)
            .FirstOrDefaultAsync(cancellationToken);
        if (referential is null || await ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var coordinator = await DemoPlatformHistory.CoordinatorAsync(db, cancellationToken);
        var organisations = new List<OrganisationRef>();
        organisations.AddRange((await db.Poles.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).Select(p => p.Id).ToListAsync(cancellationToken))
            .Select(id => new OrganisationRef(OrganisationKind.Pole, id)));
        organisations.AddRange((await db.Structures.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).Select(s => s.Id).ToListAsync(cancellationToken))
            .Select(id => new OrganisationRef(OrganisationKind.Structure, id)));
        if (organisations.Count == 0)
        {
            return 0;
        }

        var people = await db.Users.AsNoTracking()
            .Where(u => u.PoleId != null || u.StructureId != null)
            .OrderBy(u => u.CreatedAt)
            .Select(u => new { u.Id, u.PoleId, u.StructureId })
            .ToListAsync(cancellationToken);
        var authors = new Dictionary<OrganisationRef, Guid>();
        foreach (var person in people)
        {
            var organisation = person.PoleId is { } pole ? new OrganisationRef(OrganisationKind.Pole, pole) : new OrganisationRef(OrganisationKind.Structure, person.StructureId!.Value);
            authors.TryAdd(organisation, person.Id);
        }

        Guid AuthorOf(OrganisationRef organisation) => authors.GetValueOrDefault(organisation, coordinator);
        var created = 0;
        for (var year = FirstYear; year <= now.Year; year++)
        {
            var complete = year < now.Year;
            var opened = complete ? new DateTimeOffset(year + 1, 1, 8, 9, 0, 0, TimeSpan.Zero) : now.AddDays(-30);
            if (opened > now)
            {
                break;
            }

            var deadline = complete ? new DateOnly(year + 1, 2, 15) : new DateOnly(year + 1, 1, 31);
            var campaign = Campaign.Open(Guid.CreateVersion7(opened), referential, year, deadline, organisations, coordinator, opened);
            Declare(campaign, referential, organisations, AuthorOf, coordinator, opened, complete ? opened.AddYears(1) : now, new Random(year));
            if (complete)
            {
                var frozenAt = Min(new DateTimeOffset(year + 1, 3, 2, 10, 0, 0, TimeSpan.Zero), now);
                campaign.Freeze(referential, await measures.ComputeAsync(referential, year, cancellationToken), coordinator, frozenAt);
            }

            db.Campaigns.Add(campaign);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync(cancellationToken);
            created++;
        }

        return created;
    }

    /// <summary>
    /// The organisations' declarations. A complete year: about one organisation in ten declares nothing, the others
    /// enter and submit every value (a few forget one), the coordination validates most, returns two with a comment
    /// (corrected, submitted again, validated) and leaves a few submitted. The open year: about a third has not
    /// started, then some entered, some submitted, some validated.
    /// </summary>
    private static void Declare(Campaign campaign, Referential referential, List<OrganisationRef> organisations, Func<OrganisationRef, Guid> authorOf, Guid coordinator, DateTimeOffset opened, DateTimeOffset until, Random random)
    {
        var complete = until > opened.AddMonths(6);
        var declared = referential.DeclaredIndicators;
        var returned = 0;
        for (var i = 0; i < organisations.Count; i++)
        {
            var organisation = organisations[i];
            var author = authorOf(organisation);
            var stage = random.NextDouble();
            if (complete ? stage < 0.1 : stage < 0.35)
            {
                continue;
            }

            var at = Min(opened.AddDays(3 + random.Next(20)).AddHours(random.Next(8)), until.AddDays(-8));
            foreach (var indicator in declared)
            {
                if (complete && random.NextDouble() < 0.03)
                {
                    continue;
                }

                campaign.Declare(referential, organisation, indicator.Id, Plausible(indicator, organisation, random), null, author, at);
            }

            if ((!complete && stage < 0.6) || !campaign.Values.Any(v => v.Organisation == organisation))
            {
                continue;
            }

            campaign.SubmitAll(organisation, author, at.AddHours(1));
            if (!complete && stage < 0.8)
            {
                continue;
            }

            var reviewed = at.AddDays(2 + random.Next(5));
            var values = campaign.Values.Where(v => v.Organisation == organisation).ToList();
            if (complete && returned < 2 && i % 7 == 3 && values.Count > 0)
            {
                // Returned with a comment, corrected, submitted again.
                var value = values[0];
                campaign.Return(value.Id, "La valeur paraît élevée au regard de l'an dernier : pouvez-vous la vérifier ?", coordinator, reviewed);
                var indicator = referential.Indicator(value.IndicatorId);
                var corrected = indicator.Terms.Unit == MeasureUnit.Percent ? Math.Max(0, (value.Value ?? 0) - 10) : Math.Max(0, (value.Value ?? 0) - 1);
                campaign.Declare(referential, organisation, value.IndicatorId, corrected, "Valeur corrigée après vérification.", author, reviewed.AddDays(2));
                campaign.Submit(organisation, value.IndicatorId, author, reviewed.AddDays(2).AddHours(1));
                reviewed = reviewed.AddDays(4);
                returned++;
            }

            // A few stay submitted, not yet validated, when the campaign is frozen.
            if (complete && random.NextDouble() < 0.08)
            {
                continue;
            }

            foreach (var value in values)
            {
                campaign.Validate(value.Id, coordinator, reviewed);
            }
        }
    }

    /// <summary>A plausible value for one organisation and a year: small counts per organisation, percentages from 40 to 85.</summary>
    private static decimal Plausible(EvaluationIndicator indicator, OrganisationRef organisation, Random random)
    {
        if (indicator.Terms.Unit == MeasureUnit.Percent)
        {
            return 40 + random.Next(46);
        }

        var high = indicator.Title switch
        {
            var t when t.Contains("Permanences", StringComparison.Ordinal) => organisation.Kind == OrganisationKind.Pole ? 12 : 2,
            var t when t.Contains("aller-vers", StringComparison.Ordinal) => 8,
            var t when t.Contains("Réunions", StringComparison.Ordinal) => 6,
            var t when t.Contains("conjointement", StringComparison.Ordinal) => 10,
            var t when t.Contains("Scop", StringComparison.Ordinal) => 2,
            _ => 5,
        };
        return random.Next(high + 1);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
