using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The coordination platform's aggregates (issue 20) as the database keeps them: every field back, xmin, the web's queries.</summary>
public sealed class CoordinationPersistenceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(1);
    /// <summary>Clocks give UTC; a session's start is given in Paris time.</summary>
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Admin = Guid.CreateVersion7();

    private static OrganisationRef Org(OrganisationKind kind) => new(kind, Guid.CreateVersion7());

    private async Task<T> SaveAsync<T>(T aggregate)
        where T : class
    {
        await portal.WithDbAsync(async db =>
        {
            db.Add(aggregate);
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
        return aggregate;
    }

    private async Task<StrategyObjective> ObjectiveAsync() =>
        await portal.WithDbAsync(db => db.StrategyObjectives.AsNoTracking().OrderBy(o => o.Code).FirstAsync());

    /// <summary>A body with three members (one ended), representatives (one ended), and a session of it held and closed.</summary>
    private static (Body Body, OrganisationRef Pole, OrganisationRef Region, OrganisationRef Network) NewBody()
    {
        var (pole, region, network) = (Org(OrganisationKind.Pole), Org(OrganisationKind.PublicAuthority), Org(OrganisationKind.Network));
        var body = Body.Create(Guid.CreateVersion7(), BodyKind.ThematicGroup, "Groupe finances solidaires", Admin, Now);
        var poleSeat = body.AddMember(pole, College.Poles, new DateOnly(2026, 1, 1), null, Admin, Now);
        var regionSeat = body.AddMember(region, College.PublicAuthorities, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), Admin, Now);
        var networkSeat = body.AddMember(network, College.Networks, new DateOnly(2026, 1, 1), null, Admin, Now);
        body.NameRepresentative(poleSeat.Id, Guid.CreateVersion7(), "Titulaire", new DateOnly(2026, 1, 1), null, Admin, Now);
        body.NameRepresentative(poleSeat.Id, Guid.CreateVersion7(), "Suppléante", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), Admin, Now);
        body.NameRepresentative(regionSeat.Id, Guid.CreateVersion7(), "Élue référente", new DateOnly(2026, 2, 1), new DateOnly(2027, 12, 31), Admin, Now);
        body.EndMembership(networkSeat.Id, new DateOnly(2026, 12, 31), Admin, Now);
        return (body, pole, region, network);
    }

    [Fact]
    public async Task Body_RoundTrips_WithMembershipsAndRepresentatives()
    {
        var (body, _, _, _) = NewBody();
        await SaveAsync(body);

        var loaded = await portal.WithDbAsync(db => db.Bodies.AsNoTracking().SingleAsync(b => b.Id == body.Id));

        Assert.Equal((body.Kind, body.Name), (loaded.Kind, loaded.Name));
        Assert.NotEqual(0u, loaded.Version);
        Assert.Equal(
            body.Memberships.OrderBy(m => m.Id).Select(m => (m.Id, m.Organisation, m.College, m.From, m.To)),
            loaded.Memberships.OrderBy(m => m.Id).Select(m => (m.Id, m.Organisation, m.College, m.From, m.To)));
        Assert.Equal(
            body.Memberships.SelectMany(m => m.Representatives).OrderBy(r => r.Id).Select(r => (r.Id, r.UserId, r.Role, r.From, r.To)),
            loaded.Memberships.SelectMany(m => m.Representatives).OrderBy(r => r.Id).Select(r => (r.Id, r.UserId, r.Role, r.From, r.To)));
        Assert.Equal(3, loaded.Memberships.SelectMany(m => m.Representatives).Count());
    }

    [Fact]
    public async Task Session_RoundTrips_PreparationAgendaAttendanceDecisionsAndMinutes()
    {
        var (body, pole, region, network) = NewBody();
        await SaveAsync(body);
        var startsAt = new DateTimeOffset(2026, 3, 10, 14, 0, 0, Paris);
        var session = PlatformSession.Plan(Guid.CreateVersion7(), body, startsAt, 180, "Rennes, Hôtel de Région", "https://visio.exemple.test/plateforme", Semester.Create(2026, 1), Admin, Now);
        session.MoveMilestone(MilestoneKind.PackPublished, new DateOnly(2026, 2, 27));
        session.MarkMilestoneDone(MilestoneKind.DataFrozen, Admin, Now.AddDays(30));
        var figure = session.AddAgendaItem("Chiffres du semestre", 30, AgendaItemKind.Information, AgendaLink.Create(AgendaLinkKind.DashboardFigure, "projects-welcomed"), Now);
        var review = session.AddAgendaItem("Revue des engagements", 45, AgendaItemKind.CommitmentsReview, AgendaLink.Commitments, Now);
        var vote = session.AddAgendaItem("Feuille de route 2026", 60, AgendaItemKind.Decision, null, Now);
        session.AddAgendaItem("Point retiré", 10, AgendaItemKind.Analysis, AgendaLink.Create(AgendaLinkKind.ReadingPackSection, "annexe-2"), Now);
        session.RemoveAgendaItem(session.Agenda[^1].Id);
        session.MoveAgendaItem(vote.Id, -1);
        session.Invite(body, Admin, Now.AddDays(31));
        var person = Guid.CreateVersion7();
        session.Register(pole, person, Now.AddDays(32));
        session.Convene(Admin, Now.AddDays(33));
        session.Hold(Admin, startsAt.AddMinutes(5).ToUniversalTime());
        session.RecordPersonAttendance(pole, person, AttendanceStatus.Present, Admin, startsAt.AddHours(3).ToUniversalTime());
        session.RecordAttendance(network, AttendanceStatus.Represented, pole, Admin, startsAt.AddHours(3).ToUniversalTime());
        session.RecordAttendance(region, AttendanceStatus.Excused, null, Admin, startsAt.AddHours(3).ToUniversalTime());
        session.RecordDecision("La feuille de route est adoptée.", vote.Id, pole, Admin, startsAt.AddHours(3).ToUniversalTime());
        session.RecordDecision("Un groupe « finances » est créé.", null, null, Admin, startsAt.AddHours(3).ToUniversalTime().AddMinutes(1));
        session.WriteMinutes("Compte rendu de la séance du 10 mars.", MinutesVisibility.Members, Admin, startsAt.AddDays(2).ToUniversalTime());
        session.Close(Admin, startsAt.AddDays(3).ToUniversalTime());
        await SaveAsync(session);

        var loaded = await portal.WithDbAsync(db => db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id));

        Assert.Equal(
            (session.BodyId, session.Status, session.Semester, session.StartsAt, session.Date, session.DurationMinutes, session.Place, session.VideoLink, session.HeldAt, session.ClosedAt, session.CancellationReason),
            (loaded.BodyId, loaded.Status, loaded.Semester, loaded.StartsAt, loaded.Date, loaded.DurationMinutes, loaded.Place, loaded.VideoLink, loaded.HeldAt, loaded.ClosedAt, loaded.CancellationReason));
        Assert.Equal(PlatformSessionStatus.Closed, loaded.Status);
        Assert.Equal(session.Minutes, loaded.Minutes);
        Assert.Equal(
            session.Milestones.Select(m => (m.Kind, m.DueOn, m.DoneAt, m.DoneBy)),
            loaded.Milestones.Select(m => (m.Kind, m.DueOn, m.DoneAt, m.DoneBy)));
        Assert.Equal(
            [figure.Id, vote.Id, review.Id],
            loaded.Agenda.Select(i => i.Id));
        Assert.Equal(
            session.Agenda.Select(i => (i.Id, i.Position, i.Title, i.DurationMinutes, i.Kind, i.Link)),
            loaded.Agenda.Select(i => (i.Id, i.Position, i.Title, i.DurationMinutes, i.Kind, i.Link)));
        Assert.Equal(Paris, loaded.StartsAt.Offset);
        Assert.Equal(
            session.Attendances.Select(a => (a.Organisation, a.College, a.InvitedAt, a.Status, a.RepresentedBy)),
            loaded.Attendances.Select(a => (a.Organisation, a.College, a.InvitedAt, a.Status, a.RepresentedBy)));
        Assert.Equal(
            session.Attendances.SelectMany(a => a.People).Select(p => (p.UserId, p.RegisteredAt, p.Status)),
            loaded.Attendances.SelectMany(a => a.People).Select(p => (p.UserId, p.RegisteredAt, p.Status)));
        Assert.Equal(pole, loaded.Attendance(network)!.RepresentedBy);
        Assert.Equal(
            session.Decisions.OrderBy(d => d.RecordedAt).Select(d => (d.Id, d.Text, d.AgendaItemId, d.ProposedBy, d.RecordedBy, d.RecordedAt)),
            loaded.Decisions.OrderBy(d => d.RecordedAt).Select(d => (d.Id, d.Text, d.AgendaItemId, d.ProposedBy, d.RecordedBy, d.RecordedAt)));
    }

    [Fact]
    public async Task Session_ChangedAfterReload_KeepsItsTimelineInOrder()
    {
        var (body, _, _, _) = NewBody();
        await SaveAsync(body);
        var session = await SaveAsync(PlatformSession.Plan(Guid.CreateVersion7(), body, new DateTimeOffset(2026, 9, 15, 10, 0, 0, Paris), 120, null, "https://visio.exemple.test/s2", null, Admin, Now));

        await portal.WithDbAsync(async db =>
        {
            var tracked = await db.PlatformSessions.SingleAsync(s => s.Id == session.Id);
            tracked.MoveMilestone(MilestoneKind.AgendaSent, new DateOnly(2026, 9, 10));
            tracked.MarkMilestoneDone(MilestoneKind.DataFrozen, Admin, Now);
            tracked.AddAgendaItem("Accueil", 15, AgendaItemKind.Information, null, Now);
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });

        var loaded = await portal.WithDbAsync(db => db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id));
        Assert.Equal([MilestoneKind.DataFrozen, MilestoneKind.PackPublished, MilestoneKind.AgendaSent], loaded.Milestones.Select(m => m.Kind));
        Assert.Equal(new DateOnly(2026, 9, 10), loaded.Milestone(MilestoneKind.AgendaSent).DueOn);
        Assert.True(loaded.Milestone(MilestoneKind.DataFrozen).IsDone);
        Assert.Equal(Semester.Create(2026, 2), loaded.Semester);
        Assert.Null(loaded.Minutes);
        Assert.Null(loaded.Place);
        Assert.Equal("Accueil", Assert.Single(loaded.Agenda).Title);
    }

    [Fact]
    public async Task Commitment_RoundTrips_ContributorsUpdatesAndStatus()
    {
        var objective = await ObjectiveAsync();
        var (carrier, helper1, helper2) = (Org(OrganisationKind.Structure), Org(OrganisationKind.Pole), Org(OrganisationKind.PublicAuthority));
        var terms = new CommitmentTerms("Ouvrir un idéateur à Lannion", "Deux promotions par an.", carrier, [helper1, helper2], objective, new DateOnly(2026, 12, 31), null);
        var commitment = Commitment.Make(Guid.CreateVersion7(), terms, null, null, Admin, Now);
        commitment.Start(Admin, Now.AddDays(1));
        commitment.PostUpdate("Local trouvé.", 30, carrier, Admin, Now.AddDays(10));
        commitment.PostUpdate("Première promotion lancée.", 60, carrier, Admin, Now.AddDays(40));
        commitment.Drop("Financement perdu.", Admin, Now.AddDays(50));
        commitment.Reopen("Financement retrouvé.", Admin, Now.AddDays(60));
        await SaveAsync(commitment);

        var loaded = await portal.WithDbAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.Id == commitment.Id));

        Assert.Equal(
            (commitment.Title, commitment.Description, commitment.Carrier, commitment.ObjectiveId, commitment.SessionId, commitment.DecisionId, commitment.DueOn, commitment.DueSessionId),
            (loaded.Title, loaded.Description, loaded.Carrier, loaded.ObjectiveId, loaded.SessionId, loaded.DecisionId, loaded.DueOn, loaded.DueSessionId));
        Assert.Equal(
            (commitment.Status, commitment.Progress, commitment.DropReason, commitment.CreatedAt, commitment.LastUpdateAt),
            (loaded.Status, loaded.Progress, loaded.DropReason, loaded.CreatedAt, loaded.LastUpdateAt));
        Assert.Equal(CommitmentStatus.InProgress, loaded.Status);
        Assert.Equal([helper1, helper2], loaded.Contributors);
        Assert.Equal(
            commitment.Updates.Select(u => (u.Id, u.Narrative, u.Progress, u.PostedAt, u.AuthorId, u.Organisation)),
            loaded.Updates.OrderBy(u => u.PostedAt).Select(u => (u.Id, u.Narrative, u.Progress, u.PostedAt, u.AuthorId, u.Organisation)));
    }

    [Fact]
    public async Task Commitment_MadeAtASession_KeepsItsSessionAndDecision_AndEditedContributorsReplaceTheOldOnes()
    {
        var objective = await ObjectiveAsync();
        var (body, pole, _, _) = NewBody();
        await SaveAsync(body);
        var startsAt = new DateTimeOffset(2026, 4, 2, 14, 0, 0, Paris);
        var session = PlatformSession.Plan(Guid.CreateVersion7(), body, startsAt, 60, "Vannes", null, null, Admin, Now);
        session.Invite(body, Admin, Now);
        session.Convene(Admin, Now);
        session.Hold(Admin, startsAt.ToUniversalTime());
        var decision = session.RecordDecision("Les pôles ouvrent une permanence commune.", null, pole, Admin, startsAt.ToUniversalTime());
        var next = PlatformSession.Plan(Guid.CreateVersion7(), body, startsAt.AddMonths(6), 60, "Brest", null, null, Admin, Now);
        await SaveAsync(session);
        await SaveAsync(next);
        var commitment = await SaveAsync(Commitment.Make(
            Guid.CreateVersion7(), new CommitmentTerms("Permanence commune", null, pole, [Org(OrganisationKind.Network)], objective, null, next.Id), session, decision.Id, Admin, startsAt.ToUniversalTime()));

        var other = Org(OrganisationKind.Structure);
        await portal.WithDbAsync(async db =>
        {
            var tracked = await db.Commitments.SingleAsync(c => c.Id == commitment.Id);
            tracked.Edit(new CommitmentTerms("Permanence commune", null, pole, [other], objective, null, next.Id), Admin, startsAt.AddDays(1).ToUniversalTime());
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });

        var loaded = await portal.WithDbAsync(db => db.Commitments.AsNoTracking().SingleAsync(c => c.Id == commitment.Id));
        Assert.Equal((session.Id, decision.Id, next.Id, (DateOnly?)null), (loaded.SessionId, loaded.DecisionId, loaded.DueSessionId, loaded.DueOn));
        Assert.Equal([other], loaded.Contributors);
    }

    [Fact]
    public async Task ConcurrentEdits_OfABodyOrACommitment_TheSecondIsRefused()
    {
        var (body, _, _, _) = NewBody();
        await SaveAsync(body);
        var objective = await ObjectiveAsync();
        var carrier = Org(OrganisationKind.Pole);
        var commitment = await SaveAsync(Commitment.Make(Guid.CreateVersion7(), new CommitmentTerms("Un engagement", null, carrier, [], objective, new DateOnly(2026, 6, 30), null), null, null, Admin, Now));

        await using var scope1 = portal.Services.CreateAsyncScope();
        await using var scope2 = portal.Services.CreateAsyncScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<TrajectoirEss.Infrastructure.Persistence.TrajectoirEssDbContext>();
        var db2 = scope2.ServiceProvider.GetRequiredService<TrajectoirEss.Infrastructure.Persistence.TrajectoirEssDbContext>();

        (await db1.Bodies.SingleAsync(b => b.Id == body.Id)).Rename("Premier nom");
        (await db2.Bodies.SingleAsync(b => b.Id == body.Id)).Rename("Second nom");
        (await db1.Commitments.SingleAsync(c => c.Id == commitment.Id)).Start(Admin, Now);
        (await db2.Commitments.SingleAsync(c => c.Id == commitment.Id)).Drop("Abandon", Admin, Now);
        db1.DiscardDomainEvents();
        db2.DiscardDomainEvents();
        await db1.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        var (name, status) = await portal.WithDbAsync(async db => (
            await db.Bodies.Where(b => b.Id == body.Id).Select(b => b.Name).SingleAsync(),
            await db.Commitments.Where(c => c.Id == commitment.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(("Premier nom", CommitmentStatus.InProgress), (name, status));
    }

    [Fact]
    public async Task WebQueries_TranslateToSql()
    {
        var objective = await ObjectiveAsync();
        var (body, pole, region, _) = NewBody();
        await SaveAsync(body);
        var carrier = Org(OrganisationKind.Structure);
        var helper = Org(OrganisationKind.Network);
        foreach (var (title, start) in new[] { ("A", false), ("B", true), ("C", true) })
        {
            var c = Commitment.Make(Guid.CreateVersion7(), new CommitmentTerms(title, null, carrier, title == "C" ? [helper] : [], objective, new DateOnly(2026, 6, 30), null), null, null, Admin, Now);
            if (start)
            {
                c.Start(Admin, Now);
            }

            await SaveAsync(c);
        }

        await SaveAsync(Commitment.Make(Guid.CreateVersion7(), new CommitmentTerms("D", null, Org(OrganisationKind.Structure), [], objective, new DateOnly(2026, 6, 30), null), null, null, Admin, Now));
        var later = await SaveAsync(PlatformSession.Plan(Guid.CreateVersion7(), body, new DateTimeOffset(2026, 11, 20, 14, 0, 0, Paris), 60, "Quimper", null, null, Admin, Now));
        var sooner = PlatformSession.Plan(Guid.CreateVersion7(), body, new DateTimeOffset(2026, 5, 20, 14, 0, 0, Paris), 60, "Saint-Brieuc", null, null, Admin, Now);
        sooner.Invite(body, Admin, Now);
        await SaveAsync(sooner);

        var results = await portal.WithDbAsync(async db => new
        {
            InProgress = await db.Commitments.AsNoTracking()
                .Where(c => c.Carrier == carrier && c.Status == CommitmentStatus.InProgress)
                .OrderBy(c => c.Title).Select(c => c.Title).ToListAsync(),
            ByStatus = await db.Commitments.AsNoTracking()
                .Where(c => c.Carrier == carrier).GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count),
            Contributed = await db.Commitments.AsNoTracking().Where(c => c.Contributors.Contains(helper)).Select(c => c.Title).ToListAsync(),
            Sessions = await db.PlatformSessions.AsNoTracking()
                .Where(s => s.BodyId == body.Id && s.StartsAt >= new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
                .OrderBy(s => s.StartsAt).Select(s => new { s.Id, s.Semester.Year, s.Semester.Half }).ToListAsync(),
            Invitations = await db.PlatformSessions.AsNoTracking()
                .SelectMany(s => s.Attendances.Where(a => a.Organisation == region), (s, a) => new { s.Id, a.College, a.Status })
                .ToListAsync(),
            Bodies = await db.Bodies.AsNoTracking().Where(b => b.Memberships.Any(m => m.Organisation == pole)).Select(b => b.Id).ToListAsync(),
        });

        Assert.Equal(["B", "C"], results.InProgress);
        Assert.Equal(new Dictionary<CommitmentStatus, int> { [CommitmentStatus.Planned] = 1, [CommitmentStatus.InProgress] = 2 }, results.ByStatus);
        Assert.Equal(["C"], results.Contributed);
        Assert.Equal([(sooner.Id, 2026, 1), (later.Id, 2026, 2)], results.Sessions.Select(s => (s.Id, s.Year, s.Half)));
        var invitation = Assert.Single(results.Invitations);
        Assert.Equal((sooner.Id, College.PublicAuthorities, AttendanceStatus.Invited), (invitation.Id, invitation.College, invitation.Status));
        Assert.Equal([body.Id], results.Bodies);
    }

    [Fact]
    public async Task ReferenceData_HasProvisionalObjectives_AndOneRegionalPlatform()
    {
        var (objectives, platforms) = await portal.WithDbAsync(async db => (
            await db.StrategyObjectives.AsNoTracking().ToListAsync(),
            await db.Bodies.AsNoTracking().Where(b => b.Kind == BodyKind.Platform).ToListAsync()));

        Assert.NotEmpty(objectives);
        Assert.All(objectives, o => Assert.EndsWith("(provisoire)", o.Label, StringComparison.Ordinal));
        Assert.Equal("Plateforme régionale de coordination de la Stratégie régionale ESS", Assert.Single(platforms).Name);
    }
}
