using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Evaluation.Computation;
using TrajectoirEss.Web.Features.Notifications;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Evaluation.Campaigns;

/// <summary>How many organisations a reminder reached, and how many e-mails it wrote.</summary>
public sealed record CampaignReminderReport(int Organisations, int Emails);

/// <summary>
/// The coordination's side of a yearly campaign (issue 21): open it on the frame in force (the organisations asked
/// are e-mailed), change its deadline, validate or return each submitted value (a return is e-mailed with its
/// comment), remind the late organisations (once a day each, <see cref="Campaign.TakeRemindersFor"/>) and freeze it
/// (<see cref="CampaignFreezing"/>). The rules are the campaign's; this class loads, calls and saves.
/// </summary>
public sealed class CampaignWorkflow(
    TrajectoirEssDbContext db,
    UnitOfWork unitOfWork,
    PlatformDirectory directory,
    CampaignFreezing freezing,
    Notifier notifier,
    TimeProvider clock,
    ILogger<CampaignWorkflow> logger)
{
    public const string DeclarationsPath = "/plateforme/evaluation/declarations";

    /// <summary>The opening form: the last complete year without a campaign, a deadline two months ahead, the pôles and structures members of the platform today.</summary>
    public async Task<OpenCampaignPage> NewPageAsync(OpenCampaignInput? typed, CancellationToken cancellationToken)
    {
        var frame = await db.Referentials.AsNoTracking().Where(r => r.Status == ReferentialStatus.Adopted).Select(r => new { r.Title, r.VersionNumber }).SingleOrDefaultAsync(cancellationToken);
        var organisations = await directory.AllAsync(cancellationToken);
        var input = typed;
        if (input is null)
        {
            var today = Format.ParisDate(clock.GetUtcNow());
            var years = await db.Campaigns.AsNoTracking().Select(c => c.Year).ToListAsync(cancellationToken);
            var year = today.Year - 1;
            while (years.Contains(year) && year > 2000)
            {
                year--;
            }

            var platforms = await db.Bodies.AsNoTracking().Where(b => b.Kind == BodyKind.Platform).ToListAsync(cancellationToken);
            var members = platforms.SelectMany(b => b.MembersOn(today)).Select(m => m.Organisation)
                .Where(o => o.Kind is OrganisationKind.Pole or OrganisationKind.Structure)
                .ToHashSet();
            input = new OpenCampaignInput
            {
                Year = year,
                Deadline = today.AddMonths(2),
                Organisations = [.. organisations.Where(o => members.Contains(o.Ref)).Select(o => o.Key)],
            };
        }

        return new OpenCampaignPage(input, frame is null ? null : $"{frame.Title} (version {frame.VersionNumber})", organisations);
    }

    /// <summary>Opens the campaign and e-mails the staff of every organisation asked; a year that has its campaign is refused beside the year, even when two open it at once.</summary>
    public async Task<Guid> OpenAsync(Guid actorId, OpenCampaignInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var referential = await db.Referentials.AsNoTracking().SingleOrDefaultAsync(r => r.Status == ReferentialStatus.Adopted, cancellationToken)
            ?? throw new DomainException("Aucune version du référentiel n'est en vigueur : adoptez-en une avant d'ouvrir une campagne.");
        var known = (await directory.AllAsync(cancellationToken)).Select(o => o.Ref).ToHashSet();
        var asked = new List<OrganisationRef>();
        foreach (var key in input.Organisations.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            asked.Add(PlatformDirectory.Parse(key) is { } o && known.Contains(o)
                ? o
                : throw new DomainException("Choisissez les organisations dans la liste.", nameof(Campaign.Organisations)));
        }

        var year = input.Year ?? 0;
        if (await db.Campaigns.AnyAsync(c => c.Year == year, cancellationToken))
        {
            throw Campaign.YearTaken(year);
        }

        var now = clock.GetUtcNow();
        var campaign = Campaign.Open(Guid.CreateVersion7(now), referential, year, input.Deadline ?? DateOnly.MinValue, asked, actorId, now);
        db.Campaigns.Add(campaign);
        foreach (var organisation in campaign.Organisations)
        {
            foreach (var person in await directory.StaffOfAsync(organisation, NotificationKinds.Coordination, cancellationToken))
            {
                await notifier.SendToAsync(
                    person,
                    $"Évaluation {year} : vos indicateurs à déclarer avant le {campaign.Deadline:dd/MM/yyyy}",
                    $"La coordination ouvre la campagne d'évaluation de l'année {year}. Votre organisation est invitée à déclarer ses indicateurs (valeurs et commentaires) puis à les transmettre avant le {campaign.Deadline:dd/MM/yyyy}.",
                    DeclarationsPath,
                    cancellationToken);
            }
        }

        try
        {
            await unitOfWork.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw Campaign.YearTaken(year);
        }

        logger.LogInformation("Evaluation campaign {CampaignId} opened for {Year} by {ActorId}", campaign.Id, year, actorId);
        return campaign.Id;
    }

    /// <summary>The campaign's page; null when there is no such campaign.</summary>
    public async Task<CampaignPage?> PageAsync(Guid id, Guid? postedValueId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var referential = await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == campaign.ReferentialId, cancellationToken);
        var names = await directory.NamesAsync(campaign.Organisations, cancellationToken);
        var indicators = referential.Indicators.ToDictionary(i => i.Id);
        var organisations = campaign.CompletenessOf(referential)
            .Select(c => new OrganisationDeclarations(
                names[c.Organisation],
                c,
                [.. campaign.Values.Where(v => v.Organisation == c.Organisation && indicators.ContainsKey(v.IndicatorId))
                    .Select(v => new DeclaredLine(v, indicators[v.IndicatorId]))
                    .OrderBy(l => l.Indicator.Position)],
                campaign.LastRemindedOn(c.Organisation)))
            .OrderBy(o => o.Completeness.Percent)
            .ThenBy(o => o.Name, StringComparer.CurrentCulture)
            .ToList();
        return new CampaignPage
        {
            Campaign = campaign,
            Frame = $"{referential.Title} (version {referential.VersionNumber})",
            Organisations = organisations,
            PostedValueId = postedValueId,
        };
    }

    /// <summary>Moves the deadline (still to come); false when there is no such campaign.</summary>
    public async Task<bool> ChangeDeadlineAsync(Guid id, DateOnly? deadline, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return false;
        }

        campaign.ChangeDeadline(deadline ?? DateOnly.MinValue, clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>Validates a submitted value; false when the campaign or the value is not there.</summary>
    public async Task<bool> ValidateAsync(Guid actorId, Guid id, Guid valueId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null || campaign.Values.All(v => v.Id != valueId))
        {
            return false;
        }

        campaign.Validate(valueId, actorId, clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>Sends a submitted value back with a comment, e-mailed to its organisation's staff; false when the campaign or the value is not there.</summary>
    public async Task<bool> ReturnAsync(Guid actorId, Guid id, Guid valueId, string? comment, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var value = campaign?.Values.SingleOrDefault(v => v.Id == valueId);
        if (campaign is null || value is null)
        {
            return false;
        }

        campaign.Return(valueId, comment, actorId, clock.GetUtcNow());
        var referential = await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == campaign.ReferentialId, cancellationToken);
        var indicator = referential.Indicator(value.IndicatorId);
        foreach (var person in await directory.StaffOfAsync(value.Organisation, NotificationKinds.Coordination, cancellationToken))
        {
            await notifier.SendToAsync(
                person,
                $"Évaluation {campaign.Year} : une valeur vous est renvoyée",
                $"La coordination vous renvoie la valeur déclarée pour « {indicator.Title} », avec ce commentaire : « {value.ReturnComment} ». Corrigez-la puis transmettez-la à nouveau avant le {campaign.Deadline:dd/MM/yyyy}.",
                DeclarationsPath,
                cancellationToken);
        }

        await unitOfWork.SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// "Relancer les organisations en retard": e-mails the staff of each organisation that owes values when the
    /// deadline is near or past, at most once a day each. Null when there is no such campaign.
    /// </summary>
    public async Task<CampaignReminderReport?> RemindAsync(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        if (campaign.Status == CampaignStatus.Frozen)
        {
            throw new DomainException(Campaign.FrozenMessage);
        }

        var referential = await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == campaign.ReferentialId, cancellationToken);
        var report = await RemindAsync(campaign, referential, Format.ParisDate(clock.GetUtcNow()), cancellationToken);
        await unitOfWork.SaveAsync(cancellationToken);
        return report;
    }

    /// <summary>Freezes the campaign once confirmed; answers how many computed values were stored, null when there is no such campaign.</summary>
    public async Task<int?> FreezeAsync(Guid actorId, Guid id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return null;
        }

        if (!confirmed)
        {
            throw new DomainException("Cochez la case pour confirmer : une fois figée, la campagne ne change plus.", "Confirm");
        }

        var count = await freezing.FreezeAsync(id, actorId, cancellationToken);
        logger.LogInformation("Evaluation campaign {CampaignId} frozen by {ActorId}: {Count} computed values", id, actorId, count);
        return count;
    }

    /// <summary>An arbitrary, fixed key: "TE" "EV" (evaluation) as a 64-bit number.</summary>
    public const long AdvisoryLockKey = 0x5445_4556_0001;

    /// <summary>
    /// The daily job's round: reminds the late organisations of every open campaign, with the same once-a-day memory
    /// as the button, under a PostgreSQL advisory lock (a second instance skips the round); the days and the e-mails
    /// are saved together.
    /// </summary>
    public async Task<CampaignReminderReport> RemindOpenCampaignsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({AdvisoryLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked)
        {
            return new CampaignReminderReport(0, 0);
        }

        var today = Format.ParisDate(now);
        var (organisations, emails) = (0, 0);
        foreach (var campaign in await db.Campaigns.AsSplitQuery().Where(c => c.Status == CampaignStatus.Open).ToListAsync(cancellationToken))
        {
            var referential = await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == campaign.ReferentialId, cancellationToken);
            var report = await RemindAsync(campaign, referential, today, cancellationToken);
            (organisations, emails) = (organisations + report.Organisations, emails + report.Emails);
        }

        await unitOfWork.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CampaignReminderReport(organisations, emails);
    }

    private async Task<CampaignReminderReport> RemindAsync(Campaign campaign, Referential referential, DateOnly today, CancellationToken cancellationToken)
    {
        var late = campaign.TakeRemindersFor(referential, today);
        var emails = 0;
        foreach (var organisation in late)
        {
            foreach (var person in await directory.StaffOfAsync(organisation, NotificationKinds.Coordination, cancellationToken))
            {
                await notifier.SendToAsync(
                    person,
                    $"Évaluation {campaign.Year} : vos indicateurs sont attendus avant le {campaign.Deadline:dd/MM/yyyy}",
                    $"La coordination vous rappelle que votre organisation n'a pas encore transmis toutes ses valeurs pour la campagne d'évaluation {campaign.Year}, attendues avant le {campaign.Deadline:dd/MM/yyyy}.",
                    DeclarationsPath,
                    cancellationToken);
                emails++;
            }
        }

        logger.LogInformation("Evaluation campaign {CampaignId}: {Organisations} organisations reminded, {Emails} e-mails", campaign.Id, late.Count, emails);
        return new CampaignReminderReport(late.Count, emails);
    }
}
