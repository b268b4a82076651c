using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Features.Projects;

public sealed record ProjectListLine(Guid Id, string Title, ProjectStatus Status, ProjectOutcome? Outcome, string? PoleName, MemberRole Role, DateTimeOffset UpdatedAt);

public sealed record MemberLine(Guid UserId, string DisplayName, MemberRole Role, bool IsMe);

public sealed record InvitationLine(Guid Id, string Email, DateTimeOffset ExpiresAt);

public sealed record StepLine(DateTimeOffset OccurredAt, string Label, string? Actor, string? Outcome, string? Reason);

public sealed record PersonLine(string Name, string Email);

public sealed record MessageLine(DateTimeOffset SentAt, string Author, MessageSide Side, string Body);

public sealed class ProjectDetailsViewModel
{
    public required Guid Id { get; init; }

    /// <summary>The file number people quote ("TE-000042"); null on a structure's view of a project no longer shared.</summary>
    public string? FileReference { get; init; }

    public required string Title { get; init; }

    public string? Summary { get; init; }

    public string? SocialNeed { get; init; }

    public required ProjectStatus Status { get; init; }

    public ProjectOutcome? Outcome { get; init; }

    public ProjectStage? Stage { get; init; }

    public string? Sector { get; init; }

    public string? LegalForm { get; init; }

    public string? HeardFrom { get; init; }

    public CommuneItem? Commune { get; init; }

    public int? PeopleCount { get; init; }

    public SupportNeeds Needs { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The pôle in charge, or, for a draft, the pôle its commune leads to.</summary>
    public PoleContact? Pole { get; init; }

    public required bool IsOwner { get; init; }

    public required IReadOnlyList<string> MissingForSubmission { get; init; }

    public required IReadOnlyList<MemberLine> Members { get; init; }

    public required IReadOnlyList<InvitationLine> Invitations { get; init; }

    public required IReadOnlyList<StepLine> Steps { get; init; }

    public required IReadOnlyList<MessageLine> Messages { get; init; }

    /// <summary>The people named on the page (for staff views, which show contacts).</summary>
    public IReadOnlyDictionary<Guid, PersonLine> People { get; init; } = new Dictionary<Guid, PersonLine>();

    /// <summary>The porteurs' sharing choices, per partner: for the porteurs' own view only (empty for staff).</summary>
    public IReadOnlyList<SharingLine> Sharing { get; init; } = [];

    public bool CanEdit => Project.CanApply(Status, ProjectAction.Edit);

    /// <summary>What a structure is shown of a project whose porteurs withdrew their consent to share it with it.</summary>
    public const string NotSharedTitle = "Projet non partagé (accord des porteurs retiré)";

    /// <summary>A project a structure may no longer see: its id and status only, nothing the porteurs said.</summary>
    public static ProjectDetailsViewModel NotShared(Guid id, ProjectStatus status) => new()
    {
        Id = id,
        Title = NotSharedTitle,
        Status = status,
        IsOwner = false,
        MissingForSubmission = [],
        Members = [],
        Invitations = [],
        Steps = [],
        Messages = [],
    };

    public string NextStep => Status switch
    {
        ProjectStatus.Draft when MissingForSubmission.Count > 0 => "Complétez votre projet puis déposez-le : il manque " + string.Join(", ", MissingForSubmission) + ".",
        ProjectStatus.Draft => "Votre projet est complet : déposez-le pour qu'il soit accueilli par votre pôle.",
        ProjectStatus.Submitted => "Le pôle ESS va vous contacter pour un premier rendez-vous d'accueil.",
        ProjectStatus.Welcomed => "Le pôle vous proposera les programmes adaptés à votre projet.",
        ProjectStatus.InSupport => "Votre projet est accompagné : chaque étape s'ajoute à votre parcours.",
        ProjectStatus.Paused => "Votre projet est en pause : écrivez à votre pôle quand vous souhaitez le reprendre.",
        _ => "Ce projet est clos.",
    };
}

/// <summary>
/// Read models of a project's details, shared by the porteur's page, the pôle's file and the structure's referral
/// (<see cref="BuildAsync"/>). The porteur's own queries (<see cref="ListAsync"/>, <see cref="DetailsAsync"/>) are
/// filtered by membership; the staff's callers check access to the project first.
/// </summary>
public sealed class ProjectQueries(TrajectoirEssDbContext db, ReferenceCache referenceCache, TimeProvider clock)
{
    public Task<List<ProjectListLine>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (from p in db.Projects.AsNoTracking()
         from m in p.Members
         where m.UserId == userId
         join pole in db.Poles on p.PoleId equals pole.Id into withPole
         from pole in withPole.DefaultIfEmpty()
         orderby p.UpdatedAt descending
         select new ProjectListLine(p.Id, p.Title, p.Status, p.Outcome, pole == null ? null : pole.Name, m.Role, p.UpdatedAt))
        .ToListAsync(cancellationToken);

    // A project, if the user is one of its porteurs (compiled: the porteur's most visited page).
    private static readonly Func<TrajectoirEssDbContext, Guid, Guid, CancellationToken, Task<Project?>> MembersProject =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid projectId, Guid userId, CancellationToken cancellationToken) =>
            db.Projects.AsNoTracking().SingleOrDefault(p => p.Id == projectId && p.Members.Any(m => m.UserId == userId)));

    public async Task<ProjectDetailsViewModel?> DetailsAsync(Guid projectId, Guid userId, CancellationToken cancellationToken = default)
    {
        var project = await MembersProject(db, projectId, userId, cancellationToken);
        return project is null ? null : await BuildAsync(project, userId, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The project page's content, seen by a porteur (<paramref name="viewerId"/>) or by staff (null). Never the
    /// internal notes. Names of organisations come from the reference cache; the people named on the page
    /// (members, authors, and <paramref name="otherPeople"/>) in one query.
    /// </summary>
    private static readonly Func<TrajectoirEssDbContext, Guid, IAsyncEnumerable<ProjectMessage>> MessagesOf =
        EF.CompileAsyncQuery<TrajectoirEssDbContext, Guid, ProjectMessage>((db, projectId) => db.ProjectMessages.AsNoTracking().Where(m => m.ProjectId == projectId).OrderBy(m => m.SentAt));

    private static readonly Func<TrajectoirEssDbContext, Guid[], IAsyncEnumerable<Person>> PeopleAmong =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid[] ids) =>
            db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new Person(u.Id, u.DisplayName, u.Email)));

    private static readonly Func<TrajectoirEssDbContext, Guid, DateTimeOffset, IAsyncEnumerable<InvitationLine>> PendingInvitationsOf =
        EF.CompileAsyncQuery((TrajectoirEssDbContext db, Guid projectId, DateTimeOffset now) =>
            db.ProjectInvitations.AsNoTracking()
                .Where(i => i.ProjectId == projectId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .OrderBy(i => i.InvitedAt)
                .Select(i => new InvitationLine(i.Id, i.Email, i.ExpiresAt)));

    private sealed record Person(Guid Id, string DisplayName, string? Email);

    public async Task<ProjectDetailsViewModel> BuildAsync(Project project, Guid? viewerId, IEnumerable<Guid>? otherPeople = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var projectId = project.Id;
        var reference = await referenceCache.GetAsync(cancellationToken);
        var commune = project.CommuneCode is { } code ? reference.Communes.GetValueOrDefault(code) : null;
        var pole = (project.PoleId ?? commune?.Pole?.Id) is { } poleId ? reference.Poles.GetValueOrDefault(poleId) : null;
        var memberIds = project.Members.Select(m => m.UserId).ToList();
        var messages = await MessagesOf(db, projectId).ToListAsync(cancellationToken);
        var peopleIds = memberIds.Concat(messages.Select(m => m.AuthorId)).Concat(otherPeople ?? []).Distinct().ToArray();
        var people = (await PeopleAmong(db, peopleIds).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => new PersonLine(u.DisplayName, u.Email ?? string.Empty));
        var names = people.ToDictionary(p => p.Key, p => p.Value.Name);
        var poleNames = reference.Poles.ToDictionary(p => p.Key, p => p.Value.Name);
        var structureNames = reference.Structures;
        var programmeNames = reference.Programmes.ToDictionary(p => p.Key, p => p.Value.Name);
        var now = clock.GetUtcNow();

        // Pending invitations are the porteurs' business: not read for a staff view.
        var invitations = viewerId is null ? [] : await PendingInvitationsOf(db, projectId, now).ToListAsync(cancellationToken);

        // Who made the step happen, as an organisation: the porteurs, the pôle, or the structure.
        string? Actor(TrajectoryStep step) => step.Kind switch
        {
            TrajectoryStepKind.Submitted => step.ActorId == viewerId ? "Vous" : names.GetValueOrDefault(step.ActorId, "Un porteur du projet"),
            TrajectoryStepKind.ReferralExpired => null,
            TrajectoryStepKind.ReferralAccepted or TrajectoryStepKind.ReferralDeclined or TrajectoryStepKind.ReferralInformationRequested
                or TrajectoryStepKind.ReferralStarted or TrajectoryStepKind.ReferralCompleted or TrajectoryStepKind.ReferralAbandoned
                => step.StructureId is { } s ? structureNames.GetValueOrDefault(s) : null,
            _ => step.PoleId is { } p ? poleNames.GetValueOrDefault(p) : null,
        };

        string Label(TrajectoryStep step) =>
            step.ProgrammeId is { } programme && programmeNames.TryGetValue(programme, out var name)
                ? $"{TrajectoryStep.Label(step.Kind)} : {name}"
                : TrajectoryStep.Label(step.Kind);

        return new ProjectDetailsViewModel
        {
            Id = project.Id,
            FileReference = project.FileReference,
            Title = project.Title,
            Summary = project.Summary,
            SocialNeed = project.SocialNeed,
            Status = project.Status,
            Outcome = project.Outcome,
            Stage = project.Stage,
            Sector = reference.Label(ListKind.Sector, project.SectorCode),
            LegalForm = reference.Label(ListKind.LegalForm, project.LegalFormCode),
            HeardFrom = reference.Label(ListKind.HeardFrom, project.HeardFrom),
            Commune = commune,
            PeopleCount = project.PeopleCount,
            Needs = project.Needs,
            SubmittedAt = project.SubmittedAt,
            Pole = pole,
            IsOwner = viewerId is { } viewer && project.IsOwner(viewer),
            MissingForSubmission = project.Details.MissingForSubmission(),
            Members = project.Members.OrderBy(m => m.JoinedAt)
                .Select(m => new MemberLine(m.UserId, names.GetValueOrDefault(m.UserId, "—"), m.Role, m.UserId == viewerId)).ToList(),
            Invitations = invitations,
            Steps = project.StepsInOrder()
                .Select(s => new StepLine(s.OccurredAt, Label(s), Actor(s), s.Kind == TrajectoryStepKind.Closed && Enum.TryParse<ProjectOutcome>(s.Outcome, out var o) ? o.Label() : s.Outcome, s.Reason))
                .ToList(),
            People = people,
            Sharing = viewerId is null ? [] : SharingLine.Of(project, reference),
            Messages = messages.Select(m => new MessageLine(m.SentAt, m.Side == MessageSide.Pole ? pole?.Name ?? "Le pôle" : names.GetValueOrDefault(m.AuthorId, "Un porteur"), m.Side, m.Body)).ToList(),
        };
    }
}
