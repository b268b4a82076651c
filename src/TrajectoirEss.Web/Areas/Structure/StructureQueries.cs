using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Projects;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Structure;

public sealed record ReceivedReferral(Guid Id, string ProjectTitle, string? Commune, string Programme, string Pole, ReferralStatus Status, DateTimeOffset ReferredAt, DateTimeOffset WaitingSince);

/// <summary>The referral inbox's filters, from the query string: kept across the pages and the status links.</summary>
public sealed class ReferralInboxFilter
{
    /// <summary>A project's title (or description), a porteur's name or a commune; accents and case ignored.</summary>
    [System.ComponentModel.DataAnnotations.StringLength(Domain.Common.SearchText.MaxLength)]
    public string? Q { get; set; }

    /// <summary>One of the structure's programmes.</summary>
    public Guid? Programme { get; set; }

    public ReferralStatus? Status { get; set; }

    public int Page { get; set; } = 1;

    public bool Searches => !string.IsNullOrWhiteSpace(Q) || Programme is not null;

    /// <summary>The inbox with these filters, at another status or page.</summary>
    public string Url(ReferralStatus? status, int page = 1)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            query.Add("q=" + Uri.EscapeDataString(Q.Trim()));
        }

        if (Programme is { } programme)
        {
            query.Add($"programme={programme}");
        }

        if (status is { } only)
        {
            query.Add($"status={only}");
        }

        if (page > 1)
        {
            query.Add($"page={page}");
        }

        return query.Count == 0 ? "/structure" : "/structure?" + string.Join('&', query);
    }
}

public sealed class ReferralInboxViewModel
{
    public required string StructureName { get; init; }

    public required ReferralInboxFilter Filter { get; init; }

    public ReferralStatus? Status => Filter.Status;

    /// <summary>The structure's programmes, to filter by.</summary>
    public required IReadOnlyList<(Guid Id, string Name)> Programmes { get; init; }

    public required IReadOnlyList<ReceivedReferral> Lines { get; init; }

    public required IReadOnlyDictionary<ReferralStatus, int> Counts { get; init; }

    public required Paging Paging { get; init; }
}

public sealed record SessionOption(Guid Id, string Name, SessionStatus Status, bool IsSelective, int PlacesLeft);

public sealed record PorteurLine(string Name, string Email);

public sealed class ReferralViewModel
{
    public required Guid Id { get; init; }

    public required ReferralStatus Status { get; init; }

    public required string Programme { get; init; }

    public required ProgrammeType ProgrammeType { get; init; }

    public required string Pole { get; init; }

    public required string? Message { get; init; }

    public required DateTimeOffset ReferredAt { get; init; }

    /// <summary>
    /// What the porteurs accepted to share with this structure (never the pôle's internal notes); when they withdrew
    /// their consent, only the project's id and status (<see cref="SharingWithdrawn"/>).
    /// </summary>
    public required ProjectDetailsViewModel Project { get; init; }

    /// <summary>The porteurs no longer let this structure see their project: the page shows the referral, not the project.</summary>
    public required bool SharingWithdrawn { get; init; }

    public required IReadOnlyList<PorteurLine> Porteurs { get; init; }

    public required IReadOnlyList<ListItem> DeclineReasons { get; init; }

    public required IReadOnlyList<SessionOption> Sessions { get; init; }

    /// <summary>Whether financing applications are made under this referral's programme (<see cref="Domain.Programmes.Programme.IsFinancing"/>).</summary>
    public required bool IsFinancer { get; init; }

    /// <summary>The amounts in force for each instrument under this programme (its record, or the settings).</summary>
    public required IReadOnlyList<(FinancingInstrument Instrument, FinancingBounds Bounds)> FinancingBounds { get; init; }

    public required IReadOnlyList<(Guid Id, FinancingInstrument Instrument, FinancingDecision Decision, decimal Requested)> Financings { get; init; }
}

public sealed record CandidateLine(Guid ReferralId, string ProjectTitle, int? People);

public sealed record EnrolmentLine(Guid Id, string ProjectTitle, EnrolmentStatus Status, int People, int? WaitingRank, EnrolmentOutcome? Outcome, string? Reason, string? Note);

public sealed class SessionViewModel
{
    public required Session Session { get; init; }

    public required string Programme { get; init; }

    public required IReadOnlyList<EnrolmentLine> Enrolments { get; init; }

    public required int PlacesTaken { get; init; }

    /// <summary>The projects that can join the session, with the number of people each declares (the enrolment's default).</summary>
    public required IReadOnlyList<CandidateLine> Candidates { get; init; }

    public required IReadOnlyList<ListItem> LegalForms { get; init; }
}

public sealed record SessionLine(Guid Id, string Name, string Programme, DateOnly StartsOn, DateOnly EndsOn, int Capacity, int PlacesTaken, SessionStatus Status);

public sealed record FinancingLine(Guid Id, string ProjectTitle, FinancingInstrument Instrument, decimal Requested, FinancingDecision Decision, decimal? Granted, decimal Paid, DateOnly? CommitteeOn);

public sealed record NeedLine(Guid Id, string Title, string RaisedBy, DateOnly RaisedOn, string Commune, TerritoryNeedStatus Status, Guid? ProjectId);

/// <summary>Read models of the structures' workspace, each filtered by the staff member's structure.</summary>
public sealed class StructureQueries(TrajectoirEssDbContext db, ProjectQueries projects, ReferenceCache referenceCache, IOptions<WorkspaceOptions> options, IOptions<FinancingOptions> financing)
{
    /// <summary>
    /// The referrals received, in two round trips: the counts by status among those the search and the programme
    /// keep (the number of lines is one of them), then the page, latest first. The structure's, programmes' and
    /// pôles' names come from the reference cache.
    /// </summary>
    public async Task<ReferralInboxViewModel> InboxAsync(Guid structureId, ReferralInboxFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var reference = await referenceCache.GetAsync(cancellationToken);
        var mine = db.Referrals.AsNoTracking().Where(r => r.StructureId == structureId);
        if (filter.Programme is { } programme)
        {
            mine = mine.Where(r => r.ProgrammeId == programme);
        }

        if (Search(db.Projects.AsNoTracking(), filter.Q, reference) is { } found)
        {
            // Only among the projects the porteurs still share with the structure: a search tells nothing of the others.
            var shared = found.SharedWith(structureId);
            mine = mine.Where(r => shared.Any(p => p.Id == r.ProjectId));
        }

        var counts = await mine.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var status = filter.Status;
        var filtered = status is { } s ? mine.Where(r => r.Status == s) : mine;
        var total = status is { } only ? counts.GetValueOrDefault(only) : counts.Values.Sum();
        var pageSize = options.Value.PageSize;
        var (current, pageCount) = Paging.Clamp(filter.Page, total, pageSize);
        var rows = await (from r in filtered.OrderByDescending(r => r.ReferredAt).ThenByDescending(r => r.Id).Skip((current - 1) * pageSize).Take(pageSize)
                          join p in db.Projects on r.ProjectId equals p.Id
                          orderby r.ReferredAt descending, r.Id descending
                          let shared = p.Sharing.Any(c => c.StructureId == structureId && c.Given)
                          select new { r.Id, Title = shared ? p.Title : null, CommuneCode = shared ? p.CommuneCode : null, r.ProgrammeId, r.PoleId, r.Status, r.ReferredAt, r.WaitingSince })
            .ToListAsync(cancellationToken);
        return new ReferralInboxViewModel
        {
            StructureName = reference.Structures.GetValueOrDefault(structureId, string.Empty),
            Filter = filter,
            Programmes = reference.Programmes.Where(p => p.Value.StructureId == structureId).OrderBy(p => p.Value.Name, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Name)).ToList(),
            Lines = rows.Select(r => new ReceivedReferral(
                r.Id,
                r.Title ?? ProjectDetailsViewModel.NotSharedTitle,
                r.CommuneCode is { } code && reference.Communes.TryGetValue(code, out var commune) ? commune.Nom : null,
                reference.Programmes.GetValueOrDefault(r.ProgrammeId)?.Name ?? "—",
                reference.Poles.GetValueOrDefault(r.PoleId)?.Name ?? "—",
                r.Status,
                r.ReferredAt,
                r.WaitingSince)).ToList(),
            Counts = counts,
            Paging = new Paging(current, pageCount, total, n => filter.Url(status, n)),
        };
    }

    /// <summary>
    /// The projects a search finds, as the pôle's inbox searches: French full-text on the title and description
    /// (stemming, accents ignored), and, accents and case ignored, a part of the title, of a porteur's name, or of
    /// the commune's name (or its postal code); null when there is nothing to search for.
    /// </summary>
    private IQueryable<Project>? Search(IQueryable<Project> projects, string? text, ReferenceSnapshot reference)
    {
        var folded = Domain.Common.SearchText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        var q = text!.Trim();
        var pattern = "%" + folded.Replace(' ', '%') + "%";
        var communes = reference.CommunesByPopulation
            .Where(c => c.SearchName.Contains(folded, StringComparison.Ordinal) || c.Item.CodesPostaux.Contains(folded))
            .Select(c => c.Item.Code).ToArray();
        return projects.Where(p =>
            EF.Functions.ILike(EF.Functions.Unaccent(p.Title), pattern)
            || EF.Functions.ToTsVector("french_unaccent", p.Title + " " + (p.Summary ?? string.Empty)).Matches(EF.Functions.WebSearchToTsQuery("french_unaccent", q))
            || (p.CommuneCode != null && communes.Contains(p.CommuneCode))
            || p.Members.Any(m => db.Users.Any(u => u.Id == m.UserId && EF.Functions.ILike(EF.Functions.Unaccent(u.DisplayName), pattern))));
    }

    public async Task<ReferralViewModel?> ReferralAsync(Guid structureId, Guid referralId, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId && r.StructureId == structureId, cancellationToken);
        if (referral is null)
        {
            return null;
        }

        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == referral.ProjectId, cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == referral.ProgrammeId, cancellationToken);
        var shared = project.SharesWith(structureId);
        var memberIds = shared ? project.Members.Select(m => m.UserId).ToList() : [];
        var details = shared
            ? await projects.BuildAsync(project, viewerId: null, cancellationToken: cancellationToken)
            : ProjectDetailsViewModel.NotShared(project.Id, project.Status);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ProgrammeId == programme.Id && s.Status != SessionStatus.Finished)
            .OrderBy(s => s.StartsOn)
            .Select(s => new { s.Id, s.Name, s.Status, s.ProgrammeType, s.Capacity, Taken = db.Enrolments.Count(e => e.SessionId == s.Id && Enrolment.PlaceTakingStatuses.Contains(e.Status)) })
            .ToListAsync(cancellationToken);
        var financings = await db.FinancingApplications.AsNoTracking().Where(f => f.ReferralId == referralId)
            .Select(f => new { f.Id, f.Instrument, f.Decision, f.AmountRequested }).ToListAsync(cancellationToken);
        return new ReferralViewModel
        {
            Id = referral.Id,
            Status = referral.Status,
            Programme = programme.Name,
            ProgrammeType = programme.Type,
            Pole = await db.Poles.Where(p => p.Id == referral.PoleId).Select(p => p.Name).SingleAsync(cancellationToken),
            Message = referral.Message,
            ReferredAt = referral.ReferredAt,
            Project = details,
            SharingWithdrawn = !shared,
            Porteurs = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).Select(u => new PorteurLine(u.DisplayName, u.Email ?? string.Empty)).ToListAsync(cancellationToken),
            DeclineReasons = await db.ListItems.AsNoTracking().Where(i => i.Kind == ListKind.DeclineReason && i.IsActive).OrderBy(i => i.SortOrder).ToListAsync(cancellationToken),
            Sessions = sessions.Select(s => new SessionOption(s.Id, s.Name, s.Status, s.ProgrammeType == ProgrammeType.Incubateur, s.Capacity - s.Taken)).ToList(),
            IsFinancer = programme.IsFinancing,
            FinancingBounds = programme.IsFinancing ? Enum.GetValues<FinancingInstrument>().Select(i => (i, financing.Value.Rules.BoundsFor(i, programme))).ToList() : [],
            Financings = financings.Select(f => (f.Id, f.Instrument, f.Decision, f.AmountRequested)).ToList(),
        };
    }

    /// <summary>A page of the sessions of the structure's programmes, the latest start first.</summary>
    public Task<PageOf<SessionLine>> SessionsAsync(Guid structureId, int page, CancellationToken cancellationToken = default) =>
        PageAsync(
            db.Sessions.AsNoTracking().Where(s => s.StructureId == structureId),
            sessions => sessions.OrderByDescending(s => s.StartsOn).ThenByDescending(s => s.Id),
            Sessions,
            page,
            cancellationToken);

    private IQueryable<SessionLine> Sessions(IQueryable<Session> sessions) =>
        from s in sessions
        join p in db.Programmes on s.ProgrammeId equals p.Id
        orderby s.StartsOn descending, s.Id descending
        select new SessionLine(s.Id, s.Name, p.Name, s.StartsOn, s.EndsOn, s.Capacity,
            db.Enrolments.Count(e => e.SessionId == s.Id && Enrolment.PlaceTakingStatuses.Contains(e.Status)), s.Status);

    /// <summary>The structure's active programmes run in sessions (<see cref="ProgrammeTypes.HasSessions"/>), to create one.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ProgrammesAsync(Guid structureId, CancellationToken cancellationToken = default) =>
        (await db.Programmes.AsNoTracking().Where(p => p.StructureId == structureId && p.IsActive).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Type }).ToListAsync(cancellationToken))
            .Where(p => p.Type.HasSessions()).Select(p => (p.Id, p.Name)).ToList();

    public async Task<SessionViewModel?> SessionAsync(Guid structureId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.StructureId == structureId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var enrolments = await (from e in db.Enrolments.AsNoTracking()
                                where e.SessionId == sessionId
                                join p in db.Projects on e.ProjectId equals p.Id
                                orderby e.Status, e.WaitingRank, p.Title
                                select new EnrolmentLine(e.Id, p.Title, e.Status, e.People, e.WaitingRank, e.Outcome, e.DecisionReason, e.Note))
            .ToListAsync(cancellationToken);
        var inSession = await db.Enrolments.Where(e => e.SessionId == sessionId && !Enrolment.OutOfSessionStatuses.Contains(e.Status)).Select(e => e.ProjectId).ToListAsync(cancellationToken);
        var candidates = await (from r in db.Referrals.AsNoTracking()
                                where r.ProgrammeId == session.ProgrammeId && r.StructureId == structureId && SessionRoster.CandidateReferralStatuses.Contains(r.Status) && !inSession.Contains(r.ProjectId)
                                join p in db.Projects on r.ProjectId equals p.Id
                                orderby p.Title
                                select new { r.Id, p.Title, p.PeopleCount })
            .ToListAsync(cancellationToken);
        return new SessionViewModel
        {
            Session = session,
            Programme = await db.Programmes.Where(p => p.Id == session.ProgrammeId).Select(p => p.Name).SingleAsync(cancellationToken),
            Enrolments = enrolments,
            PlacesTaken = enrolments.Count(e => Enrolment.PlaceTakingStatuses.Contains(e.Status)),
            Candidates = candidates.Select(c => new CandidateLine(c.Id, c.Title, c.PeopleCount)).ToList(),
            LegalForms = await db.ListItems.AsNoTracking().Where(i => i.Kind == ListKind.LegalForm && i.IsActive && i.Code != ListItem.UndecidedLegalForm).OrderBy(i => i.SortOrder).ToListAsync(cancellationToken),
        };
    }

    /// <summary>One financing application of the structure, or null.</summary>
    public async Task<FinancingLine?> FinancingAsync(Guid structureId, Guid id, CancellationToken cancellationToken = default) =>
        (await Financings(db.FinancingApplications.AsNoTracking().Where(f => f.StructureId == structureId && f.Id == id)).ToListAsync(cancellationToken)).SingleOrDefault();

    /// <summary>A page of the structure's financing applications, the latest first.</summary>
    public Task<PageOf<FinancingLine>> FinancingsAsync(Guid structureId, int page, CancellationToken cancellationToken = default) =>
        PageAsync(
            db.FinancingApplications.AsNoTracking().Where(f => f.StructureId == structureId),
            applications => applications.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id),
            Financings,
            page,
            cancellationToken);

    private IQueryable<FinancingLine> Financings(IQueryable<FinancingApplication> applications) =>
        from f in applications
        join p in db.Projects on f.ProjectId equals p.Id
        orderby f.CreatedAt descending, f.Id descending
        select new FinancingLine(f.Id, p.Title, f.Instrument, f.AmountRequested, f.Decision, f.AmountGranted, f.Payments.Sum(x => x.Amount), f.CommitteeOn);

    /// <summary>One territory need of the structure, or null.</summary>
    public async Task<NeedLine?> NeedAsync(Guid structureId, Guid id, CancellationToken cancellationToken = default) =>
        (await Needs(db.TerritoryNeeds.AsNoTracking().Where(n => n.StructureId == structureId && n.Id == id)).ToListAsync(cancellationToken)).SingleOrDefault();

    /// <summary>A page of the structure's territory needs, the latest raised first.</summary>
    public Task<PageOf<NeedLine>> NeedsAsync(Guid structureId, int page, CancellationToken cancellationToken = default) =>
        PageAsync(
            db.TerritoryNeeds.AsNoTracking().Where(n => n.StructureId == structureId),
            needs => needs.OrderByDescending(n => n.RaisedOn).ThenByDescending(n => n.Id),
            Needs,
            page,
            cancellationToken);

    private IQueryable<NeedLine> Needs(IQueryable<TerritoryNeed> needs) =>
        from n in needs
        join c in db.Communes on n.CommuneCode equals c.CodeInsee
        orderby n.RaisedOn descending, n.Id descending
        select new NeedLine(n.Id, n.Title, n.RaisedBy, n.RaisedOn, c.Name, n.Status, n.ProjectId);

    /// <summary>A page of a list: its records counted, the page asked for clamped, cut in their order, then made into lines.</summary>
    private async Task<PageOf<TLine>> PageAsync<TRecord, TLine>(
        IQueryable<TRecord> records,
        Func<IQueryable<TRecord>, IOrderedQueryable<TRecord>> order,
        Func<IQueryable<TRecord>, IQueryable<TLine>> lines,
        int page,
        CancellationToken cancellationToken)
    {
        var total = await records.CountAsync(cancellationToken);
        var pageSize = options.Value.PageSize;
        var (current, pageCount) = Paging.Clamp(page, total, pageSize);
        var cut = await lines(order(records).Skip((current - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new PageOf<TLine>(cut, current, pageCount, total);
    }

    /// <summary>How many referred projects a hand-over lists at most: a search narrows them.</summary>
    public const int HandOverChoices = 20;

    /// <summary>
    /// The projects referred to the structure and not closed, that a positive study can be handed over to: those a
    /// search finds (<see cref="Search"/>), by title, at most <see cref="HandOverChoices"/>; and how many there are.
    /// </summary>
    public async Task<(IReadOnlyList<HandOverChoice> Projects, int Total)> ReferredProjectsAsync(Guid structureId, string? search, CancellationToken cancellationToken = default)
    {
        var reference = await referenceCache.GetAsync(cancellationToken);
        // Projects referred to the structure that their porteurs still share with it.
        var projects = db.Projects.AsNoTracking().SharedWith(structureId)
            .Where(p => p.Status != ProjectStatus.Closed && db.Referrals.Any(r => r.ProjectId == p.Id && r.StructureId == structureId));
        projects = Search(projects, search, reference) ?? projects;
        var total = await projects.CountAsync(cancellationToken);
        var rows = await projects.OrderBy(p => p.Title).ThenBy(p => p.Id).Take(HandOverChoices).Select(p => new { p.Id, p.Title, p.CommuneCode }).ToListAsync(cancellationToken);
        return (rows.Select(p => new HandOverChoice(p.Id, p.Title, p.CommuneCode is { } code && reference.Communes.TryGetValue(code, out var commune) ? commune.Nom : null)).ToList(), total);
    }
}

/// <summary>A project a study can be handed over to: its title and commune.</summary>
public sealed record HandOverChoice(Guid Id, string Title, string? Commune);
