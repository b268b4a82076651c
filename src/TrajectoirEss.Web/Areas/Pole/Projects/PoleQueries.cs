using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Audit;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Projects;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Pole.Projects;

/// <summary>The inbox's filters, from the query string.</summary>
public sealed class InboxFilter
{
    [System.ComponentModel.DataAnnotations.StringLength(SearchText.MaxLength)]
    public string? Q { get; set; }

    public ProjectStatus? Status { get; set; }

    public ProjectStage? Stage { get; set; }

    /// <summary>The code of a value of the list of sectors.</summary>
    [System.ComponentModel.DataAnnotations.StringLength(ListItem.CodeMaxLength)]
    public string? Sector { get; set; }

    public SupportNeeds? Need { get; set; }

    public Guid? Referent { get; set; }

    [PlausibleDate]
    public DateOnly? From { get; set; }

    [PlausibleDate]
    public DateOnly? To { get; set; }

    /// <summary>Only submitted projects still waiting for their first contact.</summary>
    public bool Waiting { get; set; }

    [System.ComponentModel.DataAnnotations.Range(1, 100000)]
    public int Page { get; set; } = 1;

    /// <summary>No filter but the status, if any: the usual views of the inbox.</summary>
    public bool FiltersByStatusOnly =>
        Stage is null && string.IsNullOrWhiteSpace(Sector) && Need is (null or SupportNeeds.None) && Referent is null
        && From is null && To is null && !Waiting && string.IsNullOrWhiteSpace(Q);
}

public sealed record InboxLine(Guid Id, string Title, ProjectStatus Status, ProjectStage? Stage, string? Commune, DateTimeOffset? SubmittedAt, string? Referent, int? WaitingDays, bool Late);

public sealed record StaffMember(Guid Id, string Name);

/// <summary>How many projects of the pôle are in a status, and how many of them wait too long for a first contact.</summary>
public sealed record StatusCount(ProjectStatus Status, int Count, int Late);

/// <summary>
/// A line of the inbox as read from the database: the projects table alone (the commune's name comes from the
/// reference cache, the referent's from the pôle's staff), so the page is one index scan, planned in no time.
/// </summary>
public sealed record InboxRow(Guid Id, string Title, ProjectStatus Status, ProjectStage? Stage, string? CommuneCode, DateTimeOffset? SubmittedAt, Guid? ReferentId);

/// <summary>A staff member of the pôle and the number of open projects they are the référent of.</summary>
public sealed record StaffCaseload(Guid Id, string Name, int Open);

public sealed class InboxViewModel
{
    public required string PoleName { get; init; }

    public required InboxFilter Filter { get; init; }

    public required IReadOnlyList<InboxLine> Lines { get; init; }

    public required int Total { get; init; }

    public required int PageCount { get; init; }

    public required IReadOnlyDictionary<ProjectStatus, int> CountsByStatus { get; init; }

    public required int LateCount { get; init; }

    public required int AlertDays { get; init; }

    public required IReadOnlyList<ListItem> Sectors { get; init; }

    public required IReadOnlyList<StaffMember> Staff { get; init; }

    public required IReadOnlyList<(StaffMember Member, int Open)> Caseload { get; init; }
}

public sealed record AuditLine(DateTimeOffset At, string Actor, string Action, string? Changes);

public sealed record MeetingLine(DateTimeOffset HeldAt, MeetingKind Kind, string Summary, string RecordedBy);

public sealed record NoteLine(DateTimeOffset WrittenAt, string Author, string Body);

public sealed record PorteurContact(string Name, string Email, MemberRole Role);

public sealed record ReferralLine(Guid Id, string Programme, string Structure, ReferralStatus Status, DateTimeOffset ReferredAt, DateTimeOffset WaitingSince, DateTimeOffset? RemindedAt, string? Reason, string? Message)
{
    public bool CanRelaunch => Referral.CanApply(Status, ReferralAction.Relaunch);

    public bool CanWithdraw => Referral.CanApply(Status, ReferralAction.Withdraw);
}

/// <summary>A programme the project can be referred to; <paramref name="Shared"/>: the porteurs let its structure see the project.</summary>
public sealed record ProgrammeOption(Guid Id, string Name, string Structure, bool Shared);

/// <summary>An entry of the file's action menu: a form of the file (an anchor) or a page of its own.</summary>
public sealed record FileAction(string Label, string Href);

/// <summary>
/// The file's sections, in their order: the summary's table of contents links to them, and a refused form's page
/// points to the section that holds it.
/// </summary>
public static class FileSections
{
    public const string Synthesis = "synthese";
    public const string Qualification = "qualification";
    public const string Referrals = "orientations";
    public const string FollowUp = "suivi";
    public const string ProjectStatus = "statut";
    public const string Journal = "journal";

    public static readonly IReadOnlyList<(string Id, string Title)> All =
    [
        (Synthesis, "Synthèse"),
        (Qualification, "Qualification et référent"),
        (Referrals, "Orientations"),
        (FollowUp, "Rendez-vous, échanges et notes"),
        (ProjectStatus, "Pause, transfert, clôture"),
        (Journal, "Journal"),
    ];

    public static string Title(string id) => All.First(s => s.Id == id).Title;

    /// <summary>The section holding the form a POST to this path comes from (a refused action shows the file again), or null.</summary>
    public static string? OfForm(string? path) => path?[(path.LastIndexOf('/') + 1)..] switch
    {
        "rendez-vous" or "messages" or "notes" => FollowUp,
        "qualifier" or "referent" => Qualification,
        "orientations" or "relancer" or "retirer" => Referrals,
        "pause" or "reprise" or "rouvrir" => ProjectStatus,
        _ => null,
    };
}

/// <summary>
/// The file's action menu: the actions the project's status allows, each asked of the domain (the transition table
/// of <see cref="Domain.Projects.Project"/>, <see cref="Referral.CanRefer"/>, <see cref="Meeting.CanRecord"/>), in the
/// order of the file. The forms of the file are shown under the same conditions.
/// </summary>
public static class FileActions
{
    public static IReadOnlyList<FileAction> For(Guid projectId, ProjectStatus status)
    {
        var actions = new List<FileAction>();
        void Add(bool allowed, string label, string href)
        {
            if (allowed)
            {
                actions.Add(new FileAction(label, href));
            }
        }

        Add(Domain.Projects.Project.CanApply(status, ProjectAction.Qualify), "Qualifier le projet", "#qualifier");
        Add(Domain.Projects.Project.CanApply(status, ProjectAction.AssignReferent), "Désigner le référent", "#referent-titre");
        Add(Referral.CanRefer(status), "Proposer une orientation", "#nouvelle-orientation");
        Add(Meeting.CanRecord(status), "Noter un rendez-vous", "#nouveau-rdv");
        Add(true, "Écrire aux porteurs", "#messages");
        Add(true, "Ajouter une note interne", "#notes");
        Add(Domain.Projects.Project.CanApply(status, ProjectAction.Pause), "Mettre le projet en pause", "#pause-titre");
        Add(Domain.Projects.Project.CanApply(status, ProjectAction.Resume), "Reprendre le projet", "#pause-titre");
        Add(Domain.Projects.Project.CanApply(status, ProjectAction.Transfer), "Transférer à un autre pôle…", $"/pole/projets/{projectId}/transferer");
        Add(Domain.Projects.Project.CanApply(status, ProjectAction.Close), "Clore le projet…", $"/pole/projets/{projectId}/clore");
        Add(Domain.Projects.Project.CanApply(status, ProjectAction.Reopen), "Rouvrir le projet", "#rouvrir");
        return actions;
    }
}

public sealed class PoleFileViewModel
{
    public required IReadOnlyList<ReferralLine> Referrals { get; init; }

    public required IReadOnlyList<ProgrammeOption> Programmes { get; init; }

    /// <summary>Which partners the porteurs let see the project (a referral needs its structure's).</summary>
    public required IReadOnlyList<SharingLine> Sharing { get; init; }

    /// <summary>No partner may see the project: no referral can be made before the porteurs agree.</summary>
    public bool SharesWithNoPartner => !Sharing.Any(s => s.Given);

    public bool CanAskForSharing => Domain.Projects.Project.CanApply(Project.Status, ProjectAction.AskForSharing);

    public required ProjectDetailsViewModel Project { get; init; }

    public required uint Version { get; init; }

    public required Guid? ReferentId { get; init; }

    public required int? WaitingDays { get; init; }

    public required IReadOnlyList<PorteurContact> Porteurs { get; init; }

    public required IReadOnlyList<MeetingLine> Meetings { get; init; }

    public required IReadOnlyList<NoteLine> Notes { get; init; }

    public required IReadOnlyList<AuditLine> AuditTrail { get; init; }

    /// <summary>The page of the journal shown (1: the latest entries).</summary>
    public int AuditPage { get; init; } = 1;

    /// <summary>Whether older journal entries exist beyond this page.</summary>
    public bool HasOlderAudit { get; init; }

    /// <summary>Whether the journal shows the openings of the file ("Fiche consultée") beside the changes; not by default.</summary>
    public bool AuditShowsOpenings { get; init; }

    public required IReadOnlyList<StaffMember> Staff { get; init; }

    public required IReadOnlyList<ListItem> Sectors { get; init; }

    /// <summary>The référent's name (null: none); a former member of the pôle's staff is still named.</summary>
    public required string? ReferentName { get; init; }

    /// <summary>Waiting for a first contact longer than the workspace's alert (<see cref="FirstContact.IsLate"/>).</summary>
    public required bool FirstContactLate { get; init; }

    public bool IsOpen => Domain.Projects.Project.OpenStatuses.Contains(Project.Status);

    public IReadOnlyList<FileAction> Actions => FileActions.For(Project.Id, Project.Status);

    public IReadOnlyList<ReferralLine> OpenReferrals => Referrals.Where(r => Referral.OpenStatuses.Contains(r.Status)).ToList();

    /// <summary>What the pôle's staff have to do next with the project, as its status says.</summary>
    public string NextStep => Project.Status switch
    {
        ProjectStatus.Submitted => "Prendre contact avec les porteurs et noter le premier rendez-vous d'accueil.",
        ProjectStatus.Welcomed when Referrals.Count == 0 => "Qualifier le projet et proposer une orientation vers un programme.",
        ProjectStatus.Welcomed => "Suivre les réponses des structures aux orientations proposées.",
        ProjectStatus.InSupport => "Suivre l'accompagnement du projet dans ses programmes.",
        ProjectStatus.Paused => "Reprendre le projet quand les porteurs sont prêts.",
        _ => "Aucune : le projet est clos (il peut être rouvert).",
    };
}

/// <summary>
/// A page of one of the file's consequential actions (transfer to another pôle, closing), kept apart from the
/// file: the project's title and status, and the lists the form offers.
/// </summary>
public sealed class FileActionViewModel
{
    public required Guid ProjectId { get; init; }

    public required string Title { get; init; }

    public required ProjectStatus Status { get; init; }

    public required IReadOnlyList<(Guid Id, string Name)> OtherPoles { get; init; }

    public required IReadOnlyList<ListItem> ClosingReasons { get; init; }

    public required IReadOnlyList<ListItem> AbandonReasons { get; init; }

    public required IReadOnlyList<ListItem> LegalForms { get; init; }
}

public sealed record ProjectHeading(string Title, ProjectStatus Status);

/// <summary>Read models of the pôle workspace, each filtered by the staff member's pôle.</summary>
public sealed class PoleQueries(TrajectoirEssDbContext db, ProjectQueries projectQueries, ReferenceCache referenceCache, AccessLog accessLog, IOptions<WorkspaceOptions> options, TimeProvider clock)
{
    // The inbox's fixed queries, compiled once (no LINQ tree to build and look up in EF's cache on each request).
    // The counts by status are kept by the database (constant time, however many projects the pôle has); the late
    // ones are counted on the index (pole_id, status, submitted_at) among the projects waiting for a first contact.
    private static readonly Func<TrajectoirEssDbContext, Guid, DateTimeOffset, IAsyncEnumerable<StatusCount>> StatusCounts =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid poleId, DateTimeOffset lateBefore) =>
            db.PoleStatusCounts.AsNoTracking()
                .Where(c => c.PoleId == poleId)
                .Select(c => new StatusCount(c.Status, c.Count, c.Status == ProjectStatus.Submitted
                    ? db.Projects.Count(p => p.PoleId == poleId && p.Status == ProjectStatus.Submitted && p.SubmittedAt < lateBefore)
                    : 0)));

    // The usual views of the inbox (all projects, or one status), compiled; EF writes one SQL for each case of the status being null or not.
    // The order (submission, then id) is the one of the indexes (pole_id, status, submitted_at, id) and (pole_id, submitted_at, id).
    private static readonly Func<TrajectoirEssDbContext, Guid, ProjectStatus?, int, int, IAsyncEnumerable<InboxRow>> InboxPage =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid poleId, ProjectStatus? status, int skip, int take) =>
            db.Projects.AsNoTracking()
                .Where(p => p.PoleId == poleId && p.Status != ProjectStatus.Draft && (status == null || p.Status == status))
                .OrderByDescending(p => p.SubmittedAt).ThenByDescending(p => p.Id)
                .Skip(skip).Take(take)
                .Select(p => new InboxRow(p.Id, p.Title, p.Status, p.Stage, p.CommuneCode, p.SubmittedAt, p.ReferentId)));

    private static readonly Func<TrajectoirEssDbContext, Guid, IAsyncEnumerable<StaffCaseload>> StaffWithCaseload =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid poleId) =>
            db.Users.AsNoTracking()
                .Where(u => u.PoleId == poleId && !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.PoleStaff)))
                .OrderBy(u => u.DisplayName)
                .Select(u => new StaffCaseload(u.Id, u.DisplayName, db.Projects.Count(p => p.PoleId == poleId && p.ReferentId == u.Id
                    && Project.OpenStatuses.Contains(p.Status)))));

    /// <summary>A page of the inbox's lines for any filter, as <see cref="InboxPage"/> reads them for the usual ones.</summary>
    private static IQueryable<InboxRow> Page(IQueryable<Project> projects, int skip, int take) =>
        projects
            .OrderByDescending(p => p.SubmittedAt).ThenByDescending(p => p.Id)
            .Skip(skip).Take(take)
            .Select(p => new InboxRow(p.Id, p.Title, p.Status, p.Stage, p.CommuneCode, p.SubmittedAt, p.ReferentId));

    // Names of référents who are no longer among the pôle's active staff (disabled, or moved to another pôle): rare.
    private static readonly Func<TrajectoirEssDbContext, Guid[], IAsyncEnumerable<StaffMember>> NamesOf =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid[] ids) =>
            db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new StaffMember(u.Id, u.DisplayName)));

    /// <summary>
    /// The inbox in three or four round trips: the counts by status (with the late ones), the number of lines
    /// when a filter other than the status is set, the page of lines, the staff with their caseload (and the
    /// names of référents of the page who left the pôle's staff, if any). The pôle's name, the sectors and
    /// the communes' names come from the reference cache.
    /// </summary>
    public async Task<InboxViewModel> InboxAsync(Guid poleId, InboxFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow();
        var alertDays = options.Value.FirstContactAlertDays;
        var lateBefore = FirstContact.LateIfSubmittedBefore(now, alertDays);
        var reference = await referenceCache.GetAsync(cancellationToken);
        var mine = db.Projects.AsNoTracking().Where(p => p.PoleId == poleId && p.Status != ProjectStatus.Draft);

        var statusCounts = await StatusCounts(db, poleId, lateBefore).ToListAsync(cancellationToken);
        var counts = statusCounts.ToDictionary(c => c.Status, c => c.Count);
        var lateCount = statusCounts.Sum(c => c.Late);

        var query = mine;
        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.Stage is { } stage)
        {
            query = query.Where(p => p.Stage == stage);
        }

        if (!string.IsNullOrWhiteSpace(filter.Sector))
        {
            query = query.Where(p => p.SectorCode == filter.Sector);
        }

        if (filter.Need is { } need and not SupportNeeds.None)
        {
            query = query.Where(p => (p.Needs & need) == need);
        }

        if (filter.Referent is { } referent)
        {
            query = query.Where(p => p.ReferentId == referent);
        }

        if (filter.From is { } from)
        {
            // Days as the staff live them: from midnight in Paris.
            var start = Format.FromParis(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(p => p.SubmittedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = Format.FromParis(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(p => p.SubmittedAt < end);
        }

        if (filter.Waiting)
        {
            query = query.Where(p => p.Status == ProjectStatus.Submitted);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            // French full-text search on title and summary (stemming, accents ignored), or a porteur's name.
            var q = filter.Q.Trim();
            var namePattern = "%" + SearchText.Fold(q) + "%";
            query = query.Where(p =>
                EF.Functions.ToTsVector("french_unaccent", p.Title + " " + (p.Summary ?? string.Empty)).Matches(EF.Functions.WebSearchToTsQuery("french_unaccent", q))
                || p.Members.Any(m => db.Users.Any(u => u.Id == m.UserId && EF.Functions.ILike(EF.Functions.Unaccent(u.DisplayName), namePattern))));
        }

        // Filtered by status alone (or not at all), the number of lines is one of the counts already read.
        var total = filter.FiltersByStatusOnly
            ? filter.Status is { } only ? counts.GetValueOrDefault(only) : counts.Values.Sum()
            : await query.CountAsync(cancellationToken);
        var pageSize = options.Value.PageSize;
        var (page, pageCount) = Paging.Clamp(filter.Page, total, pageSize);
        // The usual views (all projects, or one status) go through compiled queries; other filters build theirs.
        var skip = (page - 1) * pageSize;
        var rows = filter.FiltersByStatusOnly
            ? await InboxPage(db, poleId, filter.Status, skip, pageSize).ToListAsync(cancellationToken)
            : await Page(query, skip, pageSize).ToListAsync(cancellationToken);

        var caseload = await StaffWithCaseload(db, poleId).ToListAsync(cancellationToken);
        var staff = caseload.Select(m => new StaffMember(m.Id, m.Name)).ToList();
        var referents = staff.ToDictionary(m => m.Id, m => m.Name);
        var formerStaff = rows.Select(r => r.ReferentId).OfType<Guid>().Where(id => !referents.ContainsKey(id)).Distinct().ToArray();
        if (formerStaff.Length > 0)
        {
            await foreach (var former in NamesOf(db, formerStaff).WithCancellation(cancellationToken))
            {
                referents[former.Id] = former.Name;
            }
        }

        return new InboxViewModel
        {
            PoleName = reference.Poles.TryGetValue(poleId, out var pole) ? pole.Name : string.Empty,
            Filter = filter,
            Lines = rows.Select(r =>
            {
                var waiting = FirstContact.DaysWaiting(r.Status, r.SubmittedAt, now);
                var commune = r.CommuneCode is { } code && reference.Communes.TryGetValue(code, out var c) ? c.Nom : null;
                var referent = r.ReferentId is { } id && referents.TryGetValue(id, out var name) ? name : null;
                return new InboxLine(r.Id, r.Title, r.Status, r.Stage, commune, r.SubmittedAt, referent, waiting, FirstContact.IsLate(r.Status, r.SubmittedAt, now, alertDays));
            }).ToList(),
            Total = total,
            PageCount = pageCount,
            CountsByStatus = counts,
            LateCount = lateCount,
            AlertDays = alertDays,
            Sectors = reference.Active(ListKind.Sector),
            Staff = staff,
            Caseload = staff.Zip(caseload, (s, m) => (s, m.Open)).ToList(),
        };
    }

    /// <summary>
    /// The project file, in as few round trips as the page allows (the SQL budget test holds it to 10 with the
    /// session check and the access log): organisations and lists from the reference cache, people in one query.
    /// </summary>
    // The file's fixed queries, compiled once.
    private static readonly Func<TrajectoirEssDbContext, Guid, IAsyncEnumerable<Meeting>> MeetingsOf =
        EF.CompileAsyncQuery<TrajectoirEssDbContext, Guid, Meeting>((db, projectId) => db.Meetings.AsNoTracking().Where(m => m.ProjectId == projectId).OrderByDescending(m => m.HeldAt));

    private static readonly Func<TrajectoirEssDbContext, Guid, IAsyncEnumerable<InternalNote>> NotesOf =
        EF.CompileAsyncQuery<TrajectoirEssDbContext, Guid, InternalNote>((db, projectId) => db.InternalNotes.AsNoTracking().Where(n => n.ProjectId == projectId).OrderByDescending(n => n.WrittenAt));

    private static readonly Func<TrajectoirEssDbContext, Guid, IAsyncEnumerable<Referral>> ReferralsOf =
        EF.CompileAsyncQuery<TrajectoirEssDbContext, Guid, Referral>((db, projectId) => db.Referrals.AsNoTracking().Where(r => r.ProjectId == projectId).OrderByDescending(r => r.ReferredAt));

    private static readonly Func<TrajectoirEssDbContext, Guid, IAsyncEnumerable<StaffMember>> StaffOf =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid poleId) =>
            db.Users.AsNoTracking()
                .Where(u => u.PoleId == poleId && !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.PoleStaff)))
                .OrderBy(u => u.DisplayName)
                .Select(u => new StaffMember(u.Id, u.DisplayName)));

    // The project with its members, trajectory and sharing choices, in one query.
    private static readonly Func<TrajectoirEssDbContext, Guid, Guid, CancellationToken, Task<Project?>> FileProjectOf =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid poleId, Guid projectId, CancellationToken cancellationToken) =>
            db.Projects.AsNoTracking()
                .SingleOrDefault(p => p.Id == projectId && p.PoleId == poleId && p.Status != ProjectStatus.Draft));

    // Changes (the chained audit trail) and openings of the file (the access log), in one query. A page of the
    // journal: each side limited first (a backward index scan of the entries up to this page), however often
    // the file was opened; one entry more tells whether older ones exist.
    private static readonly Func<TrajectoirEssDbContext, Guid, int, int, int, IAsyncEnumerable<JournalRow>> JournalOf =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid projectId, int upTo, int skip, int take) =>
            db.AuditEntries.AsNoTracking().Where(a => a.EntityType == Audit.Project && a.EntityId == projectId)
                .OrderByDescending(a => a.At).Take(upTo)
                .Select(a => new JournalRow { At = a.At, ActorId = a.ActorId, Action = a.Action, Changes = a.Changes })
                .Concat(db.AccessLog.AsNoTracking().Where(a => a.EntityType == Audit.Project && a.EntityId == projectId)
                    .OrderByDescending(a => a.At).Take(upTo)
                    .Select(a => new JournalRow { At = a.At, ActorId = a.ActorId, Action = OpeningAction, Changes = null }))
                .OrderByDescending(a => a.At).Skip(skip).Take(take));

    // The journal as it opens: the changes alone, without the openings of the file that would flood it.
    private static readonly Func<TrajectoirEssDbContext, Guid, int, int, IAsyncEnumerable<JournalRow>> ChangesOf =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid projectId, int skip, int take) =>
            db.AuditEntries.AsNoTracking().Where(a => a.EntityType == Audit.Project && a.EntityId == projectId)
                .OrderByDescending(a => a.At).Skip(skip).Take(take)
                .Select(a => new JournalRow { At = a.At, ActorId = a.ActorId, Action = a.Action, Changes = a.Changes }));

    /// <summary>The action a line of the journal shows for an opening of the file (the access log).</summary>
    public const string OpeningAction = "Fiche consultée";

    // Set through an initializer: EF translates a union of member initialisations, not of constructor calls.
    private sealed class JournalRow
    {
        public DateTimeOffset At { get; init; }

        public Guid ActorId { get; init; }

        public string Action { get; init; } = string.Empty;

        public string? Changes { get; init; }
    }

    /// <summary>The last page of the journal that can be asked for.</summary>
    public const int MaxAuditPage = 1000;

    /// <summary>
    /// The file as a staff member opens it: read, then the opening logged (<see cref="AccessLog"/>). Nothing is
    /// logged for a file the staff member may not see.
    /// </summary>
    public async Task<PoleFileViewModel?> OpenFileAsync(Guid poleId, Guid staffId, Guid projectId, int auditPage = 1, bool withOpenings = false, CancellationToken cancellationToken = default)
    {
        var model = await FileAsync(poleId, projectId, auditPage, withOpenings, cancellationToken);
        if (model is not null)
        {
            await accessLog.RecordOpeningAsync(staffId, projectId, cancellationToken);
        }

        return model;
    }

    /// <summary>
    /// The file; its journal shows the changes, and the openings of the file too when <paramref name="withOpenings"/>
    /// (they are most of its entries: every opening by every staff member is one).
    /// </summary>
    public async Task<PoleFileViewModel?> FileAsync(Guid poleId, Guid projectId, int auditPage = 1, bool withOpenings = false, CancellationToken cancellationToken = default)
    {
        var project = await FileProjectOf(db, poleId, projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var reference = await referenceCache.GetAsync(cancellationToken);
        var meetings = await MeetingsOf(db, projectId).ToListAsync(cancellationToken);
        var notes = await NotesOf(db, projectId).ToListAsync(cancellationToken);
        auditPage = Math.Clamp(auditPage, 1, MaxAuditPage);
        var auditPageSize = options.Value.PageSize;
        var auditTrail = withOpenings
            ? await JournalOf(db, projectId, (auditPage * auditPageSize) + 1, (auditPage - 1) * auditPageSize, auditPageSize + 1).ToListAsync(cancellationToken)
            : await ChangesOf(db, projectId, (auditPage - 1) * auditPageSize, auditPageSize + 1).ToListAsync(cancellationToken);
        var hasOlderAudit = auditTrail.Count > auditPageSize;
        auditTrail = auditTrail.Take(auditPageSize).ToList();
        var staff = await StaffOf(db, poleId).ToListAsync(cancellationToken);
        var formerReferent = project.ReferentId is { } id && staff.All(m => m.Id != id) ? [id] : Array.Empty<Guid>();
        var actorIds = meetings.Select(m => m.RecordedBy).Concat(notes.Select(n => n.AuthorId)).Concat(auditTrail.Select(a => a.ActorId)).Concat(formerReferent);
        var details = await projectQueries.BuildAsync(project, viewerId: null, actorIds, cancellationToken);
        string Name(Guid id) => details.People.TryGetValue(id, out var person) ? person.Name : "—";
        var now = clock.GetUtcNow();
        var referrals = (await ReferralsOf(db, projectId).ToListAsync(cancellationToken))
            .Select(r => new ReferralLine(r.Id, reference.Programmes.GetValueOrDefault(r.ProgrammeId)?.Name ?? "—", reference.Structures.GetValueOrDefault(r.StructureId, "—"), r.Status, r.ReferredAt, r.WaitingSince, r.RemindedAt, r.Reason, r.Message))
            .ToList();
        var programmes = reference.Programmes
            .Where(p => p.Value.IsActive && reference.Structures.ContainsKey(p.Value.StructureId))
            .Select(p => new ProgrammeOption(p.Key, p.Value.Name, reference.Structures[p.Value.StructureId], project.SharesWith(p.Value.StructureId)))
            .OrderBy(p => p.Structure, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

        return new PoleFileViewModel
        {
            Referrals = referrals,
            Programmes = programmes,
            Sharing = SharingLine.Of(project, reference),
            Project = details,
            Version = project.Version,
            ReferentId = project.ReferentId,
            WaitingDays = FirstContact.DaysWaiting(project.Status, project.SubmittedAt, now),
            Porteurs = project.Members.OrderBy(m => m.Role).ThenBy(m => m.JoinedAt)
                .Select(m => details.People.TryGetValue(m.UserId, out var person) ? new PorteurContact(person.Name, person.Email, m.Role) : null)
                .OfType<PorteurContact>().ToList(),
            Meetings = meetings.Select(m => new MeetingLine(m.HeldAt, m.Kind, m.Summary, Name(m.RecordedBy))).ToList(),
            Notes = notes.Select(n => new NoteLine(n.WrittenAt, Name(n.AuthorId), n.Body)).ToList(),
            AuditTrail = auditTrail.Select(a => new AuditLine(a.At, Name(a.ActorId), a.Action, a.Changes)).ToList(),
            AuditPage = auditPage,
            HasOlderAudit = hasOlderAudit,
            AuditShowsOpenings = withOpenings,
            Staff = staff,
            Sectors = reference.Active(ListKind.Sector),
            ReferentName = project.ReferentId is { } referentId ? staff.FirstOrDefault(m => m.Id == referentId)?.Name ?? Name(referentId) : null,
            FirstContactLate = FirstContact.IsLate(project.Status, project.SubmittedAt, now, options.Value.FirstContactAlertDays),
        };
    }

    private static readonly Func<TrajectoirEssDbContext, Guid, Guid, CancellationToken, Task<ProjectHeading?>> HeadingOf =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid poleId, Guid projectId, CancellationToken cancellationToken) =>
            db.Projects.AsNoTracking()
                .Where(p => p.Id == projectId && p.PoleId == poleId && p.Status != ProjectStatus.Draft)
                .Select(p => new ProjectHeading(p.Title, p.Status))
                .SingleOrDefault());

    /// <summary>The page of a transfer or a closing of one of the pôle's projects, or null.</summary>
    public async Task<FileActionViewModel?> FileActionAsync(Guid poleId, Guid projectId, CancellationToken cancellationToken = default)
    {
        var heading = await HeadingOf(db, poleId, projectId, cancellationToken);
        if (heading is null)
        {
            return null;
        }

        var reference = await referenceCache.GetAsync(cancellationToken);
        return new FileActionViewModel
        {
            ProjectId = projectId,
            Title = heading.Title,
            Status = heading.Status,
            OtherPoles = reference.Poles.Where(p => p.Key != poleId && reference.ActivePoles.GetValueOrDefault(p.Key)).OrderBy(p => p.Value.Name, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Name)).ToList(),
            ClosingReasons = reference.Active(ListKind.ClosingReason),
            AbandonReasons = reference.Active(ListKind.AbandonReason),
            LegalForms = reference.Active(ListKind.LegalForm).Where(i => i.Code != ListItem.UndecidedLegalForm).ToList(),
        };
    }
}
