using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Infrastructure.Demo;

public sealed record DemoDataReport(int Projects, int Porteurs, int Referrals, int Sessions, int Enrolments, int Financings, int TerritoryNeeds);

/// <summary>
/// A realistic, clearly fictitious dataset: each year of the order of the programme's reported figures
/// (DOMAIN.md §5), spread over the pôles by population, with complete trajectories built through the
/// domain's own methods. A fixed seed makes it the same every time; a scale factor makes it bigger for the
/// benchmarks. Fictitious porteurs have addresses under <see cref="PorteurDomain"/> and no password.
/// </summary>
public sealed class DemoDataGenerator(TrajectoirEssDbContext db, ILogger<DemoDataGenerator> logger)
{
    public const string PorteurDomain = "porteurs.demo.test";

    // Yearly volumes at scale 1 (projects, not people, except where said).
    private const int WelcomedPerYear = 420;
    private const int NotYetWelcomedPerYear = 40;
    private const int IdeateurSessionsPerTag = 2;
    private const int CreopssSessionsPerYear = 3;
    private const int NeedsPerYear = 10;

    private static readonly string[] FirstNames = ["Anna", "Yann", "Maëlle", "Erwan", "Nolwenn", "Gwenaël", "Soizic", "Loïc", "Armelle", "Tanguy", "Katell", "Ronan", "Enora", "Goulven", "Solenn", "Brieuc", "Awen", "Malo", "Rozenn", "Tristan"];
    private static readonly string[] LastNames = ["Le Goff", "Le Gall", "Tanguy", "Le Bihan", "Morvan", "Kerouédan", "Le Floch", "Guivarc'h", "Le Roux", "Jaouen", "Quéré", "Le Bris", "Nédélec", "Cadiou", "Le Meur", "Riou", "Le Corre", "Salaün", "Pichon", "Guéguen"];
    private static readonly string[] Ideas = ["Épicerie solidaire", "Ressourcerie", "Café associatif", "Tiers-lieu rural", "Atelier vélo", "Cantine bio", "Recyclerie de matériaux", "Garage solidaire", "Habitat participatif", "Jardin maraîcher d'insertion", "Coopérative d'énergie citoyenne", "Librairie coopérative", "Service de mobilité partagée", "Conciergerie de quartier", "Crèche parentale", "Fablab", "Brasserie coopérative", "Scierie collective", "Auto-école sociale", "Plateforme de circuits courts"];
    private static readonly string[] Sectors = ["agriculture-alimentation", "commerce", "services-entreprises", "services-personnes", "batiment", "industrie", "tourisme", "culture", "environnement-economie-circulaire", "energie", "mobilite", "habitat", "sante-social", "education-formation", "numerique"];
    private static readonly string[] LegalForms = ["non-decide", "association", "scop", "scic", "cae", "societe-ess"];
    private static readonly string[] AbandonReasons = ["Difficultés de financement", "Raisons personnelles ou professionnelles", "Le collectif s'est dissous", "Le marché ou le besoin n'est pas confirmé"];

    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(u => u.NormalizedEmail != null && u.NormalizedEmail.EndsWith("@" + PorteurDomain.ToUpperInvariant()), cancellationToken);

    public async Task<DemoDataReport> GenerateAsync(int fromYear, int toYear, double scale, DateTimeOffset now, int seed = 2026, CancellationToken cancellationToken = default)
    {
        if (scale <= 0 || fromYear > toYear)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "The scale must be positive and the years in order.");
        }

        var random = new Random(seed);
        // The porteurs' sharing choices draw from their own sequence: the rest of the history stays as it was.
        var sharingRandom = new Random(seed + 1);
        var porteurRole = await db.Roles.Where(r => r.Name == Roles.Porteur).Select(r => r.Id).SingleAsync(cancellationToken);
        var staff = await db.Users.Where(u => u.PoleId != null || u.StructureId != null).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var actor = staff == Guid.Empty ? Guid.Empty : staff;
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.IsActive).ToListAsync(cancellationToken);
        var structures = await db.Structures.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);

        // Communes with their pôle and population, to spread the projects like the population.
        var communes = await (from c in db.Communes.AsNoTracking()
                              join e in db.Epcis on c.EpciSiren equals e.Siren into withEpci
                              from e in withEpci.DefaultIfEmpty()
                              let pole = c.PoleId ?? e.PoleId
                              where pole != null
                              select new { c.CodeInsee, c.DepartementCode, Pole = pole!.Value, c.Population })
            .ToListAsync(cancellationToken);
        var cumulative = new long[communes.Count];
        long sum = 0;
        for (var i = 0; i < communes.Count; i++)
        {
            sum += Math.Max(communes[i].Population, 1);
            cumulative[i] = sum;
        }

        (string Code, string Departement, Guid Pole) PickCommune()
        {
            var target = (long)(random.NextDouble() * sum);
            var index = Array.BinarySearch(cumulative, target);
            index = index < 0 ? ~index : index;
            var c = communes[Math.Min(index, communes.Count - 1)];
            return (c.CodeInsee, c.DepartementCode, c.Pole);
        }

        Programme Programme(ProgrammeType type, string? departement = null) =>
            programmes.Where(p => p.Type == type)
                .OrderByDescending(p => departement != null && structures[p.StructureId].DepartementCode == departement)
                .First();

        var report = new DemoDataReport(0, 0, 0, 0, 0, 0, 0);
        var porteurCount = 0;
        var currentYear = now.Year;
        for (var year = fromYear; year <= toYear; year++)
        {
            var yearStart = new DateTimeOffset(year, 1, 1, 8, 0, 0, TimeSpan.Zero);
            var yearEnd = year == currentYear ? now.AddDays(-1) : yearStart.AddYears(1).AddDays(-1);
            var span = Math.Max(1, (yearEnd - yearStart).TotalDays);
            DateTimeOffset InYear(double fraction) => yearStart.AddDays(span * fraction).AddHours(random.Next(0, 9));

            // Sessions of the year: idéateur sessions per TAg, one incubator promotion per TAg, Creopss sessions.
            var sessions = new List<(Session Session, List<Enrolment> Enrolments)>();
            foreach (var tag in programmes.Where(p => p.Type == ProgrammeType.Ideateur))
            {
                for (var k = 0; k < IdeateurSessionsPerTag; k++)
                {
                    var start = new DateOnly(year, k == 0 ? 2 : 9, 1);
                    foreach (var (suffix, capacity) in Groups(Scaled(20, scale)))
                    {
                        sessions.Add((Session.Create(Guid.CreateVersion7(yearStart), tag, $"Idéateur {start:MMMM yyyy}{suffix}", start, start.AddMonths(2), structures[tag.StructureId].Name, capacity, null, actor, yearStart), []));
                    }
                }
            }

            foreach (var incubator in programmes.Where(p => p.Type == ProgrammeType.Incubateur))
            {
                var start = new DateOnly(year, 3, 1);
                foreach (var (suffix, capacity) in Groups(Scaled(12, scale)))
                {
                    sessions.Add((Session.Create(Guid.CreateVersion7(yearStart), incubator, $"Promotion {year}{suffix}", start, start.AddMonths(12), structures[incubator.StructureId].Name, capacity, start.AddDays(-20), actor, yearStart), []));
                }
            }

            var creopss = Programme(ProgrammeType.Creopss);
            for (var k = 0; k < CreopssSessionsPerYear; k++)
            {
                var start = new DateOnly(year, 1 + (k * 4), 15);
                foreach (var (suffix, capacity) in Groups(Scaled(40, scale)))
                {
                    sessions.Add((Session.Create(Guid.CreateVersion7(yearStart), creopss, $"Creopss {start:MMMM yyyy}{suffix}", start, start.AddMonths(6), "Bretagne", capacity, null, actor, yearStart), []));
                }
            }

            db.Sessions.AddRange(sessions.Select(s => s.Session));

            // Of the groups of one session (same programme, same start), the one with the fewest entries.
            (Session Session, List<Enrolment> Enrolments) LeastFilled((Session Session, List<Enrolment> Enrolments) chosen) =>
                sessions.Where(s => s.Session.ProgrammeId == chosen.Session.ProgrammeId && s.Session.StartsOn == chosen.Session.StartsOn)
                    .MinBy(s => s.Enrolments.Count);

            var projects = new List<Project>();
            var referrals = new List<Referral>();
            var financings = new List<FinancingApplication>();
            var users = new List<ApplicationUser>();
            var welcomedThisYear = Scaled(WelcomedPerYear, scale);
            var total = welcomedThisYear + Scaled(NotYetWelcomedPerYear, scale);
            for (var n = 0; n < total; n++)
            {
                var (commune, departement, pole) = PickCommune();
                porteurCount++;
                var user = NewPorteur(porteurCount, random, yearStart);
                users.Add(user);
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = porteurRole });

                var submitted = InYear(random.NextDouble() * 0.9);
                var people = random.NextDouble() < 0.55 ? 1 : random.Next(2, 5);
                var details = new ProjectDetails(
                    $"{Ideas[random.Next(Ideas.Length)]} ({porteurCount})",
                    "Projet fictif généré pour la démonstration du portail.",
                    "Besoin fictif du territoire.",
                    ProjectOrigin.PorteurIdea,
                    Sectors[random.Next(Sectors.Length)],
                    LegalForms[random.Next(LegalForms.Length)],
                    random.NextDouble() < 0.7 ? ProjectStage.Idee : ProjectStage.Emergence,
                    commune,
                    (SupportNeeds)random.Next(1, 8),
                    people,
                    null);
                var project = Project.CreateDraft(Guid.CreateVersion7(submitted), user.Id, details, submitted.AddDays(-random.Next(0, 10)));
                project.Submit(user.Id, pole, consentToProcessing: true, submitted);
                ShareAtSubmission(project, departement, submitted);
                projects.Add(project);
                if (n >= welcomedThisYear)
                {
                    continue;
                }

                var welcomed = submitted.AddDays(random.Next(1, 30));
                if (welcomed >= now)
                {
                    continue;
                }

                project.Welcome(actor, welcomed);
                var t = welcomed;
                var roll = random.NextDouble();

                // About one project in seven goes to the idéateur; some of them then to the incubator.
                if (roll < 0.15)
                {
                    // The idéateur session of the project's département that starts next (or the last one of the year).
                    var welcomedOn = DateOnly.FromDateTime(welcomed.UtcDateTime);
                    var session = sessions.Where(s => s.Session.ProgrammeType == ProgrammeType.Ideateur)
                        .OrderByDescending(s => structures[s.Session.StructureId].DepartementCode == departement)
                        .ThenByDescending(s => s.Session.StartsOn >= welcomedOn)
                        .ThenBy(s => s.Session.StartsOn)
                        .First();
                    session = LeastFilled(session);
                    t = Enter(project, session, pole, people, t, random, referrals, outcome: random.NextDouble() < 0.7 ? EnrolmentOutcome.Go : EnrolmentOutcome.NoGo, note: "Note d'intention fictive.");
                    if (random.NextDouble() < 0.45)
                    {
                        var promotion = LeastFilled(sessions.Where(s => s.Session.ProgrammeType == ProgrammeType.Incubateur).OrderByDescending(s => structures[s.Session.StructureId].DepartementCode == departement).First());
                        t = Enter(project, promotion, pole, people, t, random, referrals, outcome: random.NextDouble() < 0.6 ? EnrolmentOutcome.CompanyCreated : EnrolmentOutcome.Left, note: null);
                    }
                }
                else if (roll < 0.30)
                {
                    var session = LeastFilled(sessions.Where(s => s.Session.ProgrammeType == ProgrammeType.Creopss).OrderBy(_ => random.Next()).First());
                    t = Enter(project, session, pole, Math.Min(people, 2), t, random, referrals, outcome: random.NextDouble() < 0.6 ? EnrolmentOutcome.Certified : EnrolmentOutcome.Completed, note: null);
                }
                else if (roll < 0.36)
                {
                    var instrument = random.NextDouble() < 0.6 ? ProgrammeType.CapCreationEss : ProgrammeType.FondsDeConfiance;
                    var programme = Programme(instrument);
                    var referral = Refer(project, programme, pole, t.AddDays(random.Next(3, 20)), random, referrals);
                    if (referral.Status == ReferralStatus.Accepted)
                    {
                        var at = referral.AnsweredAt!.Value.AddDays(random.Next(10, 60));
                        if (at < now)
                        {
                            var cost = random.Next(8, 30) * 1000m;
                            var amount = instrument == ProgrammeType.CapCreationEss ? Math.Clamp(cost * 0.8m, 2000m, 20000m) : Math.Min(Math.Round(cost * 0.6m, 2), 20000m);
                            // Creating the application starts the accepted referral.
                            var application = FinancingApplication.Create(project, referral, programme, [], instrument == ProgrammeType.CapCreationEss ? FinancingInstrument.CapCreationEss : FinancingInstrument.FondsDeConfiance, amount, cost, "Étude de faisabilité fictive", DateOnly.FromDateTime(at.AddDays(30).UtcDateTime), FinancingRules.Default, actor, at);
                            if (at.AddDays(30) < now)
                            {
                                if (random.NextDouble() < 0.8)
                                {
                                    application.Grant(project, programme, amount, null, actor, FinancingRules.Default, at.AddDays(30));
                                }
                                else
                                {
                                    application.Refuse(project, "Étude insuffisamment construite", null, actor, at.AddDays(30));
                                }
                            }

                            financings.Add(application);
                            t = at.AddDays(30);
                        }
                    }
                }

                // How the project ends, for those old enough.
                var end = t.AddDays(random.Next(60, 400));
                if (end < now && project.Status is ProjectStatus.Welcomed or ProjectStatus.InSupport)
                {
                    var fate = random.NextDouble();
                    if (fate < 0.25)
                    {
                        project.Close(ProjectOutcome.Abandoned, AbandonReasons[random.Next(AbandonReasons.Length)], actor, end);
                    }
                    else if (fate < 0.33)
                    {
                        project.Close(ProjectOutcome.Reoriented, "Orienté vers un accompagnement hors du programme", actor, end);
                    }
                    else if (fate < 0.40)
                    {
                        project.Close(ProjectOutcome.Created, "L'entreprise est créée", actor, end, new CompanyCreation(details.LegalFormCode == "non-decide" ? "association" : details.LegalFormCode, DateOnly.FromDateTime(end.UtcDateTime), null, DateOnly.FromDateTime(end.UtcDateTime)));
                    }
                }
            }

            // The révélateur: territories' needs studied during the year.
            var needs = new List<TerritoryNeed>();
            for (var k = 0; k < Scaled(NeedsPerYear, scale); k++)
            {
                var (commune, departement, _) = PickCommune();
                var raised = DateOnly.FromDateTime(InYear(random.NextDouble() * 0.5).UtcDateTime);
                var concluded = raised.AddDays(random.Next(60, 180));
                var need = TerritoryNeed.Raise(Programme(ProgrammeType.Revelateur, departement), $"Besoin du territoire n° {year}-{k + 1}", "Besoin fictif exprimé par une commune.", "Commune (fictif)", raised, commune, DateOnly.FromDateTime(now.UtcDateTime), actor, yearStart);
                if (concluded < DateOnly.FromDateTime(now.UtcDateTime))
                {
                    need.Conclude(random.NextDouble() < 0.6, "Conclusion fictive de l'étude d'opportunité.", concluded, DateOnly.FromDateTime(now.UtcDateTime), actor, yearStart);
                }

                needs.Add(need);
            }

            db.Users.AddRange(users);
            db.Projects.AddRange(projects);
            db.Referrals.AddRange(referrals);
            db.Enrolments.AddRange(sessions.SelectMany(s => s.Enrolments));
            db.FinancingApplications.AddRange(financings);
            db.TerritoryNeeds.AddRange(needs);
            db.Consents.AddRange(projects.SelectMany(p => p.Sharing.Where(s => s.Given).Select(s =>
                new ConsentRecord(Guid.CreateVersion7(s.ChangedAt), p.Members[0].UserId, p.Id, ConsentKind.SharingWithPartners, true, s.ChangedAt, s.StructureId))));
            // A fictitious history: no audit line, no e-mail.
            db.DiscardDomainEvents();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            report = report with
            {
                Projects = report.Projects + projects.Count,
                Porteurs = report.Porteurs + users.Count,
                Referrals = report.Referrals + referrals.Count,
                Sessions = report.Sessions + sessions.Count,
                Enrolments = report.Enrolments + sessions.Sum(s => s.Enrolments.Count),
                Financings = report.Financings + financings.Count,
                TerritoryNeeds = report.TerritoryNeeds + needs.Count,
            };
            logger.LogInformation("Demo data for {Year}: {Projects} projects", year, projects.Count);
        }

        return report;

        // Most porteurs let every partner see their project when they submit it; some only the partners nearest to
        // them, a few none until the pôle asks (then they agree the day before the referral, see Refer).
        void ShareAtSubmission(Project project, string departement, DateTimeOffset at)
        {
            var roll = sharingRandom.NextDouble();
            var chosen = roll < 0.8 ? structures.Values
                : roll < 0.95 ? structures.Values.Where(s => s.DepartementCode == departement || s.Kind is StructureKind.Kejal or StructureKind.FranceActive)
                : [];
            foreach (var structure in chosen.Where(s => s.IsActive))
            {
                project.ChangeSharing(structure.Id, true, project.Members[0].UserId, at);
            }
        }

        Referral Refer(Project project, Programme programme, Guid pole, DateTimeOffset at, Random rnd, List<Referral> into)
        {
            if (!project.SharesWith(programme.StructureId))
            {
                project.ChangeSharing(programme.StructureId, true, project.Members[0].UserId, at.AddDays(-1));
            }

            var referral = Referral.Create(project, programme, into.Where(r => r.ProjectId == project.Id), pole, actor, "Orientation fictive", at);
            into.Add(referral);
            var answered = at.AddDays(rnd.Next(1, 20));
            if (answered < now)
            {
                if (rnd.NextDouble() < 0.9)
                {
                    referral.Accept(project, actor, answered);
                }
                else
                {
                    referral.Decline(project, actor, "complet", "Plus de place dans la session ou la promotion", answered);
                }
            }

            return referral;
        }

        DateTimeOffset Enter(Project project, (Session Session, List<Enrolment> Enrolments) session, Guid pole, int people, DateTimeOffset at, Random rnd, List<Referral> into, EnrolmentOutcome outcome, string? note)
        {
            var programme = programmes.Single(p => p.Id == session.Session.ProgrammeId);
            var referral = Refer(project, programme, pole, at.AddDays(rnd.Next(3, 30)), rnd, into);
            if (referral.Status != ReferralStatus.Accepted)
            {
                return at;
            }

            var start = new DateTimeOffset(session.Session.StartsOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var enter = referral.AnsweredAt!.Value > start ? referral.AnsweredAt.Value.AddDays(1) : start;
            var roster = new SessionRoster(session.Session, session.Enrolments);
            if (enter >= now || roster.PlacesLeft <= 0)
            {
                return at;
            }

            Enrolment enrolment;
            if (session.Session.IsSelective)
            {
                enrolment = roster.Apply(project, referral, people, actor, enter);
                session.Enrolments.Add(enrolment);
                roster.Select(enrolment, project, referral, actor, enter);
            }
            else
            {
                enrolment = roster.Enrol(project, referral, people, actor, enter);
                session.Enrolments.Add(enrolment);
            }

            // Completion comes after the entry: at the end of the session, or a few weeks after a late entry.
            var sessionEnd = new DateTimeOffset(session.Session.EndsOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var done = (sessionEnd > enter.AddDays(30) ? sessionEnd : enter.AddDays(30)).AddDays(rnd.Next(0, 20));
            if (done < now)
            {
                CompanyCreation? company = outcome == EnrolmentOutcome.CompanyCreated ? new CompanyCreation("scic", DateOnly.FromDateTime(done.UtcDateTime), null, DateOnly.FromDateTime(done.UtcDateTime)) : null;
                roster.Complete(enrolment, project, referral, outcome, note ?? (session.Session.ProgrammeType == ProgrammeType.Revelateur ? "Conclusion fictive" : null), company, company is null ? null : rnd.Next(1, 6), actor, done);
                return done;
            }

            return enter;
        }
    }

    /// <summary>Gives the demo porteur account a project with a trajectory: welcomed, then referred to the idéateur.</summary>
    public async Task CreateShowcaseAsync(string porteurEmail, string poleCode, string programmeCode, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var normalized = porteurEmail.ToUpperInvariant();
        var porteur = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (porteur is null || await db.Projects.AnyAsync(p => p.Members.Any(m => m.UserId == porteur.Id), cancellationToken))
        {
            return;
        }

        var pole = await db.Poles.SingleAsync(p => p.Code == poleCode, cancellationToken);
        if (pole.Email is null && pole.Phone is null)
        {
            // A contact for the demo's pôle, plainly fictitious (a number ARCEP keeps for fiction): the porteur's page shows
            // how the administrators' record of a pôle reaches the porteurs.
            pole.UpdateContact($"accueil@{pole.Code}.demo.test", "02 61 91 00 29", null, $"Adresse fictive de démonstration, {pole.Seat}");
        }

        var programme = await db.Programmes.SingleAsync(p => p.Code == programmeCode, cancellationToken);
        var staff = await db.Users.Where(u => u.PoleId == pole.Id).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var details = new ProjectDetails("Tiers-lieu de la baie de Morlaix", "Un café-atelier associatif avec une ressourcerie, ouvert aux habitants.", "Plus de lieu de rencontre dans le quartier ; beaucoup d'objets jetés.", ProjectOrigin.PorteurIdea, "environnement-economie-circulaire", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement | SupportNeeds.Formation, 3, "pole-ess");
        var project = Project.CreateDraft(Guid.CreateVersion7(now), porteur.Id, details, now.AddDays(-40));
        project.Submit(porteur.Id, pole.Id, consentToProcessing: true, now.AddDays(-38));
        project.Welcome(staff, now.AddDays(-30));
        var partners = await db.Structures.Where(s => s.IsActive && (s.DepartementCode == null || s.DepartementCode == "29")).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var structure in partners)
        {
            project.ChangeSharing(structure, true, porteur.Id, now.AddDays(-38));
        }

        var referral = Referral.Create(project, programme, [], pole.Id, staff, "Collectif motivé, à accompagner à l'idéateur.", now.AddDays(-20));
        db.Projects.Add(project);
        db.Referrals.Add(referral);
        db.Consents.Add(new ConsentRecord(Guid.CreateVersion7(now), porteur.Id, project.Id, ConsentKind.DataProcessing, true, now.AddDays(-40)));
        db.Consents.AddRange(partners.Select(s => new ConsentRecord(Guid.CreateVersion7(now), porteur.Id, project.Id, ConsentKind.SharingWithPartners, true, now.AddDays(-38), s)));
        db.DiscardDomainEvents();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static int Scaled(int count, double scale) => Math.Max(1, (int)Math.Round(count * scale));

    /// <summary>
    /// Places split into groups a session can hold (at large scales, several sessions side by side): the
    /// name suffix of each group and its capacity.
    /// </summary>
    private static IEnumerable<(string Suffix, int Capacity)> Groups(int places)
    {
        var groups = (places + Session.MaxCapacity - 1) / Session.MaxCapacity;
        for (var g = 0; g < groups; g++)
        {
            yield return (groups == 1 ? string.Empty : $" (groupe {g + 1})", (places / groups) + (g < places % groups ? 1 : 0));
        }
    }

    private static ApplicationUser NewPorteur(int n, Random random, DateTimeOffset at)
    {
        var email = $"porteur-{n:D6}@{PorteurDomain}";
        return new ApplicationUser
        {
            Id = Guid.CreateVersion7(at),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = at,
            LockoutEnabled = true,
            MutedNotifications = NotificationKinds.ProjectUpdates | NotificationKinds.Messages,
        };
    }
}
