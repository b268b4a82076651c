using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Infrastructure.Demo;

/// <summary>What the demo's platform history holds; the next session (in preparation) and the coordinator who ran the history.</summary>
public sealed record DemoPlatformReport(int Members, int Sessions, int Decisions, int Commitments, Guid NextSessionId, Guid CoordinatorId);

/// <summary>
/// The coordination platform's fictitious history (demo mode and benchmarks): every pôle, structure and public
/// authority a member since three years, a session each semester (June and December) over the last three years,
/// held and closed with attendance, decisions, minutes (mostly public) and the commitments taken there, at every
/// stage (done, dropped, in progress with or without news, planned); and the next session, planned early in the
/// coming year, its preparation under way. Built through the domain's own methods; the same every time (fixed seed).
/// </summary>
public sealed class DemoPlatformHistory(TrajectoirEssDbContext db)
{
    private static readonly string[] AgendaTitles =
    [
        "Lecture partagée des indicateurs du semestre",
        "Les trajectoires entre programmes : où se perdent les projets ?",
        "Revue des engagements pris à la dernière séance",
        "Point d'actualité des pouvoirs publics",
    ];

    private static readonly (string Decision, string Commitment, string Description)[] Topics =
    [
        ("Aller au-devant des porteurs des communes rurales", "Des permanences itinérantes d'accueil en milieu rural", "Trois permanences par an dans les communes de moins de 2 000 habitants du territoire."),
        ("Mieux orienter les projets collectifs vers la coopération", "Un guide commun d'orientation vers les Scop et Scic", "Un guide partagé par les pôles et l'URSCOP pour orienter les collectifs."),
        ("Raccourcir le délai entre l'accueil et la première orientation", "Un comité d'orientation mensuel par département", "Réunir chaque mois les pôles et les structures d'un département pour orienter ensemble."),
        ("Faciliter l'accès au financement des projets en création", "Une session d'information sur les outils de France Active", "Une demi-journée par département pour les porteurs accompagnés."),
        ("Partager les besoins des territoires avec les collectivités", "Un recueil annuel des besoins des territoires", "Les besoins repérés par les pôles, transmis aux EPCI avant leurs appels à projets."),
        ("Suivre les entreprises créées à deux ans", "Une enquête de suivi des entreprises créées", "Un questionnaire commun aux structures, deux ans après la création."),
        ("Ouvrir l'entrepreneuriat ESS aux jeunes", "Des ateliers d'idéation dans les lycées et les missions locales", "Dix ateliers par an, animés avec les TAg."),
        ("Articuler les aides régionales et départementales", "Une carte commune des aides à la création d'entreprise ESS", "Une carte mise à jour chaque semestre par les services de l'État, de la Région et des départements."),
        ("Donner à voir la coopération entre acteurs", "Une journée régionale des porteurs et des accompagnateurs", "Une rencontre annuelle ouverte aux porteurs, aux structures et aux élus."),
        ("Mieux accueillir les porteurs en situation de handicap", "Un référentiel d'accessibilité de l'accueil", "Des locaux, des supports et un accueil accessibles dans chaque pôle."),
        ("Renforcer l'accompagnement post-création", "Un parcours de suivi des jeunes entreprises avec les CAE", "Un suivi de dix-huit mois proposé à chaque entreprise créée."),
        ("Mesurer l'utilité sociale du programme", "Un premier référentiel d'évaluation partagé", "Des valeurs, des questions et des indicateurs construits avec les membres."),
    ];

    private static readonly string[] DropReasons =
    [
        "Le financement prévu n'a pas été obtenu.",
        "Repris dans un autre engagement, plus large.",
    ];

    private static readonly string[] UpdateNarratives =
    [
        "Le cadre est posé avec les partenaires ; les premières dates sont fixées.",
        "La moitié des actions prévues a eu lieu ; bonne participation.",
        "Retard pris à l'automne, rattrapé depuis ; le bilan est en cours d'écriture.",
        "Les derniers ateliers ont lieu ce mois-ci.",
    ];

    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default) => db.PlatformSessions.AnyAsync(cancellationToken);

    public async Task<DemoPlatformReport> CreateAsync(DateTimeOffset now, int seed = 2026, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var body = await db.Bodies.Include(b => b.Memberships).ThenInclude(m => m.Representatives)
            .FirstAsync(b => b.Kind == BodyKind.Platform, cancellationToken);
        var coordinator = await CoordinatorAsync(db, cancellationToken);
        var firstYear = now.Year - 3;
        var since = new DateOnly(firstYear, 1, 1);
        var membershipStart = new DateTimeOffset(firstYear - 1, 12, 1, 9, 0, 0, TimeSpan.Zero);

        // Members: every pôle, structure and public authority, with the demo accounts as named representatives.
        var organisations = new List<(OrganisationRef Ref, College College)>();
        organisations.AddRange((await db.Poles.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).Select(p => p.Id).ToListAsync(cancellationToken))
            .Select(id => (new OrganisationRef(OrganisationKind.Pole, id), College.Poles)));
        organisations.AddRange((await db.Structures.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code).Select(s => s.Id).ToListAsync(cancellationToken))
            .Select(id => (new OrganisationRef(OrganisationKind.Structure, id), College.EssActors)));
        organisations.AddRange((await db.PublicAuthorities.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Code).Select(a => a.Id).ToListAsync(cancellationToken))
            .Select(id => (new OrganisationRef(OrganisationKind.PublicAuthority, id), College.PublicAuthorities)));
        var staff = await db.Users.AsNoTracking().Where(u => u.PoleId != null || u.StructureId != null || u.PublicAuthorityId != null)
            .OrderBy(u => u.CreatedAt).Select(u => new { u.Id, u.PoleId, u.StructureId, u.PublicAuthorityId }).ToListAsync(cancellationToken);
        var speakers = new Dictionary<OrganisationRef, Guid>();
        foreach (var person in staff)
        {
            var organisation = person.PoleId is { } p ? new OrganisationRef(OrganisationKind.Pole, p)
                : person.StructureId is { } s ? new OrganisationRef(OrganisationKind.Structure, s)
                : new OrganisationRef(OrganisationKind.PublicAuthority, person.PublicAuthorityId!.Value);
            speakers.TryAdd(organisation, person.Id);
        }

        foreach (var (organisation, college) in organisations.Where(o => body.MembershipOn(o.Ref, since) is null))
        {
            var membership = body.AddMember(organisation, college, since, null, coordinator, membershipStart);
            if (speakers.TryGetValue(organisation, out var person))
            {
                body.NameRepresentative(membership.Id, person, RoleOf(organisation.Kind), since, null, coordinator, membershipStart);
            }
        }

        var objectives = await db.StrategyObjectives.Where(o => o.IsActive).OrderBy(o => o.Code).ToListAsync(cancellationToken);
        var members = organisations.Select(o => o.Ref).ToList();

        // Six sessions (June and December of the last three years), the last one before now; then the next one.
        var dates = new List<DateTimeOffset>();
        for (var year = now.Year - 3; year <= now.Year; year++)
        {
            foreach (var month in new[] { 6, 12 })
            {
                var date = new DateTimeOffset(year, month, 12, 8, 30, 0, TimeSpan.Zero);
                if (date < now.AddDays(-7))
                {
                    dates.Add(date);
                }
            }
        }

        dates = [.. dates.TakeLast(6)];
        var sessions = new List<PlatformSession>();
        var commitments = new List<Commitment>();
        var decisions = 0;
        var topic = 0;
        foreach (var (startsAt, index) in dates.Select((d, i) => (d, i)))
        {
            var planned = startsAt.AddDays(-75);
            var session = PlatformSession.Plan(Guid.CreateVersion7(planned), body, startsAt, 210, index % 2 == 0 ? "Hôtel de Région, Rennes" : "Maison de l'ESS, Saint-Brieuc", index % 3 == 0 ? "https://visio.demo.test/plateforme-ess" : null, null, coordinator, planned);
            var items = AgendaTitles.Select((title, i) => session.AddAgendaItem(title, i == 0 ? 60 : 45, i switch { 0 or 1 => AgendaItemKind.Analysis, 2 => AgendaItemKind.CommitmentsReview, _ => AgendaItemKind.Information }, i == 2 ? AgendaLink.Commitments : null, planned)).ToList();
            foreach (var milestone in session.Milestones.ToList())
            {
                session.MarkMilestoneDone(milestone.Kind, coordinator, new DateTimeOffset(milestone.DueOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
            }

            session.Invite(body, coordinator, startsAt.AddDays(-30));
            session.Convene(coordinator, startsAt.AddDays(-30));
            foreach (var (organisation, person) in speakers.Where(s => session.Attendance(s.Key) is not null))
            {
                if (random.NextDouble() < 0.8)
                {
                    session.Register(organisation, person, startsAt.AddDays(-random.Next(3, 25)));
                }
            }

            session.Hold(coordinator, startsAt.AddHours(4));
            foreach (var attendance in session.Attendances.ToList())
            {
                var draw = random.NextDouble();
                var presentShare = attendance.College switch { College.Poles => 0.8, College.PublicAuthorities => 0.7, _ => 0.6 };
                if (draw < presentShare)
                {
                    session.RecordAttendance(attendance.Organisation, AttendanceStatus.Present, null, coordinator, startsAt.AddHours(5));
                }
                else if (draw < presentShare + 0.05 && attendance.College != College.PublicAuthorities)
                {
                    var by = session.Attendances.First(a => a.College == attendance.College && a.Organisation != attendance.Organisation).Organisation;
                    session.RecordAttendance(attendance.Organisation, AttendanceStatus.Represented, by, coordinator, startsAt.AddHours(5));
                }
                else if (draw < presentShare + 0.25)
                {
                    session.RecordAttendance(attendance.Organisation, AttendanceStatus.Excused, null, coordinator, startsAt.AddHours(5));
                }
            }

            var taken = new List<(Decision Decision, int Topic)>();
            for (var d = 0; d < 2; d++, topic++)
            {
                var (text, _, _) = Topics[topic % Topics.Length];
                var proposer = session.Attendances[random.Next(session.Attendances.Count)].Organisation;
                taken.Add((session.RecordDecision(text, items[d % 2].Id, proposer, coordinator, startsAt.AddHours(4)), topic));
                decisions++;
            }

            var visibility = index == 1 ? MinutesVisibility.Members : MinutesVisibility.Public;
            session.WriteMinutes(
                $"La plateforme a lu ensemble les indicateurs du {session.Semester.Label} : les pôles ont présenté l'accueil de leur territoire, les structures les suites données aux orientations, les pouvoirs publics leurs dispositifs. " +
                $"Décisions : {string.Join(" ; ", taken.Select(t => t.Decision.Text.ToLowerInvariant()))}. Les engagements pris sont suivis sur le portail.",
                visibility,
                coordinator,
                startsAt.AddDays(6));
            session.Close(coordinator, startsAt.AddDays(7));
            sessions.Add(session);

            foreach (var (decision, t) in taken)
            {
                var (_, title, description) = Topics[t % Topics.Length];
                var carrier = members[random.Next(members.Count)];
                var contributors = members.Where(m => m != carrier).OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToList();
                var madeAt = startsAt.AddDays(2);
                var commitment = Commitment.Make(
                    Guid.CreateVersion7(madeAt),
                    new CommitmentTerms(title, description, carrier, contributors, objectives[random.Next(objectives.Count)], DateOnly.FromDateTime(startsAt.AddMonths(random.Next(9, 19)).Date), null),
                    session,
                    decision.Id,
                    coordinator,
                    madeAt);
                var author = speakers.GetValueOrDefault(carrier, coordinator);
                var age = dates.Count - 1 - index;
                if (age >= 1)
                {
                    commitment.Start(author, madeAt.AddDays(20));
                    var updates = Math.Min(age, 3);
                    for (var u = 0; u < updates; u++)
                    {
                        var at = dates[index + u + 1].AddDays(-25);
                        if (age <= 1 && random.NextDouble() < 0.5)
                        {
                            break; // no news since: flagged for the next session
                        }

                        commitment.PostUpdate(UpdateNarratives[(t + u) % UpdateNarratives.Length], Math.Min(90, 25 * (u + 1)), carrier, author, at);
                    }

                    // Since the last session, about half the carriers gave news; the others are flagged for the next one.
                    if (age < 3 && random.NextDouble() < 0.5)
                    {
                        var sinceLast = dates[^1].AddDays(random.Next(30, Math.Max(31, (int)(now - dates[^1]).TotalDays - 5)));
                        commitment.PostUpdate(UpdateNarratives[(t + 3) % UpdateNarratives.Length], Math.Min(95, commitment.Progress + 20), carrier, author, sinceLast);
                    }

                    if (age >= 3)
                    {
                        if (t % 5 == 4)
                        {
                            commitment.Drop(DropReasons[t % DropReasons.Length], author, dates[index + 3].AddDays(-20));
                        }
                        else
                        {
                            commitment.Complete(author, dates[index + 3].AddDays(-20));
                        }
                    }
                }

                commitments.Add(commitment);
            }
        }

        // The next session: the second semester's, early in the coming year; its members to invite, its agenda drafted.
        var next = new DateTimeOffset(now.Year + 1, 1, 14, 8, 30, 0, TimeSpan.Zero);
        var upcoming = PlatformSession.Plan(Guid.CreateVersion7(now), body, next, 210, "Hôtel de Région, Rennes", "https://visio.demo.test/plateforme-ess", Semester.Of(DateOnly.FromDateTime(now.Date)), coordinator, now.AddDays(-10));
        upcoming.AddAgendaItem(AgendaTitles[0], 60, AgendaItemKind.Analysis, null, now.AddDays(-10));
        upcoming.AddAgendaItem(AgendaTitles[2], 45, AgendaItemKind.CommitmentsReview, AgendaLink.Commitments, now.AddDays(-10));
        sessions.Add(upcoming);

        db.PlatformSessions.AddRange(sessions);
        db.Commitments.AddRange(commitments);

        // A fictitious history, not anyone's acts: no audit entries nor e-mails for it.
        db.DiscardDomainEvents();
        await db.SaveChangesAsync(cancellationToken);
        return new DemoPlatformReport(body.Memberships.Count, sessions.Count, decisions, commitments.Count, upcoming.Id, coordinator);
    }

    /// <summary>The first coordinator's account: who runs the demo's platform and evaluation (none: an empty id).</summary>
    internal static Task<Guid> CoordinatorAsync(TrajectoirEssDbContext db, CancellationToken cancellationToken) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Coordinator
         orderby u.CreatedAt
         select u.Id).FirstOrDefaultAsync(cancellationToken);

    private static string RoleOf(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Pole => "Chargée de développement",
        OrganisationKind.PublicAuthority => "Chargé de mission ESS",
        _ => "Directrice",
    };
}
