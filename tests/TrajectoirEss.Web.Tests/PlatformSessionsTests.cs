using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Web.Areas.Coordination.Platform;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.PageForms;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The coordinators' pages of the coordination platform (issue 20): bodies and their members, sessions from their
/// planning to their closing through the real forms, the convocation e-mails, and the daily preparation reminders.
/// </summary>
public sealed class PlatformSessionsTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private Task<HtmlClient> CoordinatorAsync() => portal.SignInAsync(SeededPortal.ActorEmails[Actor.Coordinator]);

    private Task<int> SessionCountAsync() => portal.WithDbAsync(db => db.PlatformSessions.CountAsync());

    private static string Local(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static DateTime ParisToday => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).Date;

    private static async Task<(HttpStatusCode Status, IHtmlDocument Page)> PostAsync(HtmlClient client, IHtmlDocument page, string actionSuffix, Dictionary<string, string>? values = null)
    {
        using var response = await client.SubmitAsync(FormFor(page, actionSuffix), values ?? []);
        return (response.StatusCode, await HtmlClient.ParseAsync(response));
    }

    /// <summary>Plans a session of the regional platform through the form; answers its id.</summary>
    private static async Task<Guid> PlanAsync(HtmlClient client, DateTime startsAt, int duration = 180, string place = "Maison de l'ESS, Rennes")
    {
        var (status, page) = await PostAsync(client, await client.GetDocumentAsync("/coordination/plateforme/seances/nouvelle"), "/seances/nouvelle", new()
        {
            ["Date et heure"] = Local(startsAt),
            ["Durée (minutes)"] = duration.ToString(CultureInfo.InvariantCulture),
            ["Lieu"] = place,
        });
        Assert.True(status == HttpStatusCode.OK, page.MainText());
        Assert.StartsWith("La séance est planifiée", page.Flash(), StringComparison.Ordinal);
        return Guid.Parse(page.QuerySelector("form[action$='/deplacer']")!.GetAttribute("action")!.Split('/')[^2]);
    }

    /// <summary>A session of the regional platform that started three hours ago, convened with every member invited, one agenda item.</summary>
    private Task<Guid> StartedSessionAsync() => portal.WithDbAsync(async db =>
    {
        var body = await db.Bodies.SingleAsync(b => b.Id == portal.PlatformBodyId);
        var now = DateTimeOffset.UtcNow;
        var coordinator = portal.UserIds[Actor.Coordinator];
        var session = PlatformSession.Plan(Guid.CreateVersion7(), body, now.AddHours(-3), 240, "Hôtel de Région, Rennes", null, null, coordinator, now.AddDays(-30));
        session.AddAgendaItem("Les premiers accueils du semestre", 60, AgendaItemKind.Analysis, AgendaLink.Create(AgendaLinkKind.DashboardFigure, "premiers-accueils"), now.AddDays(-30));
        session.Invite(body, coordinator, now.AddDays(-30));
        session.Convene(coordinator, now.AddDays(-30));
        db.PlatformSessions.Add(session);
        db.DiscardDomainEvents();
        await db.SaveChangesAsync();
        return session.Id;
    });

    [Fact]
    public async Task Plan_FromTheTemplate_DatesTheMilestonesBeforeTheSession_AndShowsThem()
    {
        using var client = await CoordinatorAsync();
        var startsAt = ParisToday.AddDays(60).AddHours(14);

        var id = await PlanAsync(client, startsAt);

        var session = await portal.WithDbAsync(db => db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == id));
        var day = DateOnly.FromDateTime(startsAt);
        Assert.Equal(PlatformSessionStatus.Planned, session.Status);
        Assert.Equal(portal.PlatformBodyId, session.BodyId);
        Assert.Equal(Semester.Of(day), session.Semester);
        Assert.Equal(
            [(MilestoneKind.DataFrozen, day.AddDays(-21)), (MilestoneKind.PackPublished, day.AddDays(-10)), (MilestoneKind.AgendaSent, day.AddDays(-7))],
            session.Milestones.Select(m => (m.Kind, m.DueOn)));

        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == PlatformAuditHandlers.SessionEntity && e.EntityId == id && e.Action == "Séance planifiée")));

        var page = await client.GetDocumentAsync($"/coordination/plateforme/seances/{id}");
        Assert.Equal("Planifiée", page.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Contains(day.AddDays(-21).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=milestone-DataFrozen]")!.TextContent, StringComparison.Ordinal);

        // The freeze and the publication are the reading pack's; the agenda's sending is marked by hand.
        Assert.NotNull(page.QuerySelector($"form[action='/coordination/plateforme/seances/{id}/dossier/figer']"));
        Assert.NotNull(page.QuerySelector($"form[action='/coordination/plateforme/seances/{id}/dossier/publier']"));
        Assert.NotNull(page.QuerySelector($"a[href='/coordination/plateforme/seances/{id}/dossier']"));
        var (_, done) = await PostAsync(client, page, "/etapes/fait");
        Assert.Equal("L'étape est marquée comme faite.", done.Flash());
        Assert.StartsWith("Fait", done.QuerySelector("[data-testid=milestone-AgendaSent] td:nth-child(3)")!.TextContent, StringComparison.Ordinal);

        // Its date moves, not after the session.
        var (refused, again) = await PostAsync(client, done, "/etapes/date", new() { ["Milestone.Kind"] = "AgendaSent", ["Milestone.DueOn"] = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("Une étape de préparation ne peut pas suivre la séance.", again.QuerySelector("#due-AgendaSent-erreur")!.TextContent.Trim());
    }

    public static TheoryData<string, string, string, string, string> RefusedPlans() => new()
    {
        // date offset in days, duration, place, the field, the message's start
        { "-2", "180", "Rennes", "StartsAt", "Une séance se planifie dans le futur." },
        { "30", "5", "Rennes", "DurationMinutes", "La durée d'une séance va de 15 à 720 minutes." },
        { "30", "800", "Rennes", "DurationMinutes", "La durée d'une séance va de 15 à 720 minutes." },
        { "30", "180", "", "Place", "Indiquez un lieu, un lien de visioconférence, ou les deux." },
        { "30", "", "Rennes", "DurationMinutes", "Indiquez la durée de la séance, en minutes." },
    };

    [Theory]
    [MemberData(nameof(RefusedPlans))]
    public async Task Plan_WithBadInput_IsRefusedBesideTheField_KeepsWhatWasTyped_AndSavesNothing(string days, string duration, string place, string field, string message)
    {
        using var client = await CoordinatorAsync();
        var before = await SessionCountAsync();

        var (status, page) = await PostAsync(client, await client.GetDocumentAsync("/coordination/plateforme/seances/nouvelle"), "/seances/nouvelle", new()
        {
            ["Date et heure"] = Local(ParisToday.AddDays(int.Parse(days, CultureInfo.InvariantCulture)).AddHours(14)),
            ["Durée (minutes)"] = duration,
            ["Lieu"] = place,
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(message, page.ErrorFor(field));
        Assert.Equal(place, page.QuerySelector("#Place")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(before, await SessionCountAsync());
    }

    [Fact]
    public async Task Plan_WithAMalformedDateOrBody_IsRefusedWithAFrenchMessage_NeverA500()
    {
        using var client = await CoordinatorAsync();
        var before = await SessionCountAsync();
        var form = await client.GetDocumentAsync("/coordination/plateforme/seances/nouvelle");

        var (status, page) = await PostAsync(client, form, "/seances/nouvelle", new() { ["Date et heure"] = "pas une date", ["Durée (minutes)"] = "180", ["Lieu"] = "Rennes" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("n'a pas pu être lue", page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);

        (status, page) = await PostAsync(client, form, "/seances/nouvelle", new() { ["Body"] = Guid.NewGuid().ToString(), ["Date et heure"] = Local(ParisToday.AddDays(30).AddHours(14)), ["Durée (minutes)"] = "180", ["Lieu"] = "Rennes" });
        Assert.Equal(HttpStatusCode.NotFound, status);

        Assert.Equal(before, await SessionCountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/coordination/plateforme/seances/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/coordination/plateforme/seances/nouvelle?instance={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Agenda_LongerThanTheSession_IsRefusedBesideTheDuration_AndTheSessionCannotBeShortenedBelowIt()
    {
        using var client = await CoordinatorAsync();
        var id = await PlanAsync(client, ParisToday.AddDays(45).AddHours(9), duration: 60);
        var page = await client.GetDocumentAsync($"/coordination/plateforme/seances/{id}");

        var (_, added) = await PostAsync(client, page, "/ordre-du-jour", new() { ["Titre du point"] = "Les chiffres du semestre", ["Durée (minutes)"] = "45", ["Nature"] = "Analysis", ["Lien (facultatif)"] = "Commitments" });
        Assert.Equal("Le point est ajouté à l'ordre du jour.", added.Flash());
        Assert.Contains("45 minutes sur les 60 minutes", added.QuerySelector("[data-testid=agenda-total]")!.TextContent, StringComparison.Ordinal);

        var (status, refused) = await PostAsync(client, added, "/ordre-du-jour", new() { ["Titre du point"] = "Un point de trop", ["Durée (minutes)"] = "30" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("L'ordre du jour dépasserait la durée de la séance : 75 minutes pour 60.", refused.ErrorFor("Agenda.DurationMinutes"));
        Assert.Equal("Un point de trop", refused.QuerySelector("#Agenda_Title")!.GetAttribute("value"));

        // A link is chosen in the list of the dashboard's and the pack's sections; it leads to that section.
        var (linked, withLink) = await PostAsync(client, added, "/ordre-du-jour", new() { ["Titre du point"] = "Engagements", ["Durée (minutes)"] = "5", ["Lien (facultatif)"] = "ReadingPackSection:pack-engagements" });
        Assert.Equal(HttpStatusCode.OK, linked);
        Assert.NotNull(withLink.QuerySelector($"a[href='/coordination/plateforme/seances/{id}/dossier#pack-engagements']"));
        Assert.Contains(withLink.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Dossier de séance : les engagements");
        using (var forged = await client.Http.PostAsync($"/coordination/plateforme/seances/{id}/ordre-du-jour", new FormUrlEncodedContent([
            new("__RequestVerificationToken", withLink.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Agenda.Title", "Lien inventé"), new("Agenda.DurationMinutes", "5"), new("Agenda.Kind", "Information"), new("Agenda.Link", "DashboardFigure:ailleurs")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Equal("Choisissez la cible du lien dans la liste.", (await HtmlClient.ParseAsync(forged)).ErrorFor("Agenda.Link"));
        }

        (status, refused) = await PostAsync(client, added, "/deplacer", new() { ["Schedule.DurationMinutes"] = "30" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("L'ordre du jour dure 50 minutes : la séance ne peut pas être plus courte.", refused.ErrorFor("Schedule.DurationMinutes"));

        var session = await portal.WithDbAsync(db => db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal((60, 2), (session.DurationMinutes, session.Agenda.Count));
        Assert.Equal([AgendaLink.Commitments, AgendaLink.Target("ReadingPackSection:pack-engagements")], session.Agenda.Select(i => i.Link));
    }

    [Fact]
    public async Task Convene_EmailsTheNamedRepresentatives_OrTheStaffOfAnOrganisationWithoutOne()
    {
        using var client = await CoordinatorAsync();
        var id = await PlanAsync(client, ParisToday.AddDays(50).AddHours(14));
        var page = await client.GetDocumentAsync($"/coordination/plateforme/seances/{id}");

        // Not before the members are invited.
        var (status, refused) = await PostAsync(client, page, "/convoquer");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Invitez d'abord les membres de l'instance.", refused.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);

        var (_, invited) = await PostAsync(client, page, "/inviter");
        Assert.Equal("4 organisation(s) invitée(s).", invited.Flash());
        var (_, convened) = await PostAsync(client, invited, "/convoquer");
        Assert.StartsWith("Les membres invités sont convoqués", convened.Flash(), StringComparison.Ordinal);
        Assert.Equal("Convoquée", convened.QuerySelector("[data-testid=status]")!.TextContent);

        var emails = portal.Emails().Where(m => (m.Subject ?? string.Empty).StartsWith("Convocation", StringComparison.Ordinal) && (m.TextBody ?? string.Empty).Contains($"/plateforme/seances/{id}", StringComparison.Ordinal)).ToList();
        var to = emails.SelectMany(m => m.To.Mailboxes).Select(b => b.Address).ToList();

        // Morlaix's pôle and the Région through their representatives; TAg29 and France Active (none named) through their staff.
        Assert.Contains(SeededPortal.ActorEmails[Actor.PoleStaff], to);
        Assert.Contains(SeededPortal.ActorEmails[Actor.PublicPartner], to);
        Assert.Contains(SeededPortal.ActorEmails[Actor.StructureWithReferral], to);
        Assert.Contains(SeededPortal.ActorEmails[Actor.Financer], to);
        Assert.DoesNotContain(SeededPortal.ActorEmails[Actor.OtherPoleStaff], to);
        Assert.DoesNotContain(SeededPortal.ActorEmails[Actor.StructureWithoutReferral], to);
        Assert.Equal(to.Count, to.Distinct().Count());
        Assert.Equal($"/plateforme/seances/{id}", portal.LinkInLastEmailTo(SeededPortal.ActorEmails[Actor.PublicPartner]));
    }

    [Fact]
    public async Task HeldThenAttendanceDecisionMinutes_ThenClose_ThroughTheRealForms()
    {
        var id = await StartedSessionAsync();
        using var client = await CoordinatorAsync();
        var pole = $"Pole:{portal.MorlaixPoleId}";
        var region = $"PublicAuthority:{portal.RegionId}";
        var page = await client.GetDocumentAsync($"/coordination/plateforme/seances/{id}");
        Assert.Null(page.QuerySelector("form[action$='/presences']"));

        var (_, held) = await PostAsync(client, page, "/tenir");
        Assert.Equal("Tenue", held.QuerySelector("[data-testid=status]")!.TextContent);

        // Attendance: the pôle through its representative, the Région represented by the pôle; a bad choice is refused beside it.
        var (_, person) = await PostAsync(client, held, "/presences/personnes", new() { ["Person.Organisation"] = pole, ["Person.UserId"] = portal.UserIds[Actor.PoleStaff].ToString(), ["Person.Status"] = "Present" });
        Assert.Equal("La présence de la personne est notée.", person.Flash());
        var (status, refused) = await PostAsync(client, person, "/presences", new() { ["Attendance.Organisation"] = region, ["Attendance.Status"] = "Represented", ["Attendance.RepresentedBy"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Indiquez l'organisation membre qui la représentait.", refused.QuerySelector($"#by-PublicAuthority-{portal.RegionId}-erreur")!.TextContent.Trim());
        var (_, represented) = await PostAsync(client, person, "/presences", new() { ["Attendance.Organisation"] = region, ["Attendance.Status"] = "Represented", ["Attendance.RepresentedBy"] = pole });
        Assert.Equal("La présence est notée.", represented.Flash());
        (status, _) = await PostAsync(client, represented, "/presences", new() { ["Attendance.Organisation"] = "Pole:pas-un-id", ["Attendance.Status"] = "Present" });
        Assert.Equal(HttpStatusCode.BadRequest, status);

        // A decision on the agenda item, proposed by the pôle, with the way to a commitment.
        var item = (await portal.WithDbAsync(db => db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == id))).Agenda[0].Id;
        (status, refused) = await PostAsync(client, represented, "/decisions", new() { ["Texte de la décision"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Le texte de la décision est obligatoire.", refused.ErrorFor("Decision.Text"));
        var (_, decided) = await PostAsync(client, represented, "/decisions", new() { ["Texte de la décision"] = "Ouvrir un accueil itinérant en Centre-Bretagne", ["Point de l'ordre du jour"] = item.ToString(), ["Proposée par"] = pole });
        Assert.Equal("La décision est notée.", decided.Flash());
        var decision = (await portal.WithDbAsync(db => db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == id))).Decisions.Single().Id;
        Assert.NotNull(decided.QuerySelector($"a[href='/coordination/plateforme/engagements/nouveau?seance={id}&decision={decision}']"));
        Assert.Contains("Proposée par ADESS du Pays de Morlaix", decided.QuerySelector("[data-testid=decisions]")!.TextContent, StringComparison.OrdinalIgnoreCase);

        // Not closed without minutes; minutes for the members, then closed.
        (status, refused) = await PostAsync(client, decided, "/clore");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Rédigez le compte rendu avant de clore la séance.", refused.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        var (_, written) = await PostAsync(client, decided, "/compte-rendu", new() { ["Texte du compte rendu"] = "La plateforme a lu les premiers accueils et décidé d'un accueil itinérant.", ["Minutes.Visibility"] = "Members" });
        Assert.Equal("Le compte rendu est enregistré.", written.Flash());
        var (_, closed) = await PostAsync(client, written, "/clore");
        Assert.Equal("Close", closed.QuerySelector("[data-testid=status]")!.TextContent);

        var session = await portal.WithDbAsync(db => db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(PlatformSessionStatus.Closed, session.Status);
        Assert.Equal(AttendanceStatus.Present, session.Attendance(new OrganisationRef(OrganisationKind.Pole, portal.MorlaixPoleId))!.Status);
        var regionAttendance = session.Attendance(new OrganisationRef(OrganisationKind.PublicAuthority, portal.RegionId))!;
        Assert.Equal((AttendanceStatus.Represented, (OrganisationRef?)new OrganisationRef(OrganisationKind.Pole, portal.MorlaixPoleId)), (regionAttendance.Status, regionAttendance.RepresentedBy));
        Assert.Equal(MinutesVisibility.Members, session.Minutes!.Visibility);
        Assert.Equal(item, session.Decisions.Single().AgendaItemId);

        // Reopened with a reason only.
        (status, refused) = await PostAsync(client, closed, "/rouvrir", new() { ["Reopen.Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Le motif de réouverture est obligatoire.", refused.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        var (_, reopened) = await PostAsync(client, closed, "/rouvrir", new() { ["Motif de réouverture"] = "Corriger la liste des présents" });
        Assert.Equal("Tenue", reopened.QuerySelector("[data-testid=status]")!.TextContent);
    }

    [Fact]
    public async Task Cancel_NeedsAReason_ThenOffersNoMoreMoves()
    {
        using var client = await CoordinatorAsync();
        var id = await PlanAsync(client, ParisToday.AddDays(70).AddHours(14));
        var page = await client.GetDocumentAsync($"/coordination/plateforme/seances/{id}");

        var (status, refused) = await PostAsync(client, page, "/annuler", new() { ["Motif d'annulation"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Le motif d'annulation est obligatoire.", refused.ErrorFor("Cancel.CancellationReason"));

        var (_, cancelled) = await PostAsync(client, page, "/annuler", new() { ["Motif d'annulation"] = "Reportée à l'automne" });
        Assert.Equal("Annulée", cancelled.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Empty(cancelled.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task Bodies_CreateAGroup_AddMembers_NameAndEndRepresentatives()
    {
        using var client = await CoordinatorAsync();
        var list = await client.GetDocumentAsync("/coordination/plateforme/instances");
        Assert.Contains("Plateforme de coordination", list.QuerySelector("[data-testid=bodies]")!.TextContent, StringComparison.Ordinal);

        var (status, refused) = await PostAsync(client, list, "/instances", new() { ["Type d'instance"] = "ThematicGroup", ["Nom de l'instance"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Le nom de l'instance est obligatoire.", refused.ErrorFor("Body.Name"));

        var (_, body) = await PostAsync(client, list, "/instances", new() { ["Type d'instance"] = "ThematicGroup", ["Nom de l'instance"] = "Groupe tiers-lieux ruraux" });
        Assert.StartsWith("L'instance est créée", body.Flash(), StringComparison.Ordinal);
        var bodyId = await portal.WithDbAsync(db => db.Bodies.Where(b => b.Name == "Groupe tiers-lieux ruraux").Select(b => b.Id).SingleAsync());

        // A public authority sits in its own college; the pôle goes in its college by default.
        var pole = $"Pole:{portal.MorlaixPoleId}";
        var today = DateOnly.FromDateTime(ParisToday);
        (status, refused) = await PostAsync(client, body, "/membres", new() { ["Organisation"] = $"PublicAuthority:{portal.RegionId}", ["Collège"] = "EssActors" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Un pouvoir public siège dans le collège « Pouvoirs publics ».", refused.ErrorFor("Member.College"));
        (status, refused) = await PostAsync(client, body, "/membres", new() { ["Organisation"] = "Pole:n-importe-quoi" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Choisissez une organisation de la liste.", refused.ErrorFor("Member.Organisation"));
        var (_, added) = await PostAsync(client, body, "/membres", new() { ["Organisation"] = pole });
        Assert.Equal("Le membre est ajouté à l'instance.", added.Flash());
        Assert.Contains("ADESS du Pays de Morlaix", added.QuerySelector("[data-testid=college-Poles]")!.TextContent, StringComparison.OrdinalIgnoreCase);

        // A representative is one of the organisation's accounts.
        var membership = (await portal.WithDbAsync(db => db.Bodies.AsNoTracking().SingleAsync(b => b.Id == bodyId))).Memberships.Single().Id;
        var suffix = $"/membres/{membership}/representants";
        (status, refused) = await PostAsync(client, added, suffix, new() { ["Representative.UserId"] = portal.UserIds[Actor.OtherPoleStaff].ToString(), ["Representative.Role"] = "Titulaire" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Choisissez une personne de cette organisation.", refused.QuerySelector($"#rep-user-{membership}-erreur")!.TextContent.Trim());
        var (_, named) = await PostAsync(client, added, suffix, new() { ["Representative.UserId"] = portal.UserIds[Actor.PoleStaff].ToString(), ["Representative.Role"] = "Titulaire" });
        Assert.Equal("Le représentant est nommé.", named.Flash());
        Assert.Contains("Titulaire", named.QuerySelector("[data-testid=representative]")!.TextContent, StringComparison.Ordinal);

        var representative = (await portal.WithDbAsync(db => db.Bodies.AsNoTracking().SingleAsync(b => b.Id == bodyId))).Memberships.Single().Representatives.Single().Id;
        var (_, ended) = await PostAsync(client, named, $"/representants/{representative}/fin", new() { ["EndRepresentative.To"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal("La représentation prend fin à la date indiquée.", ended.Flash());

        // A membership does not end before it began.
        (status, refused) = await PostAsync(client, ended, $"/membres/{membership}/fin", new() { ["End.To"] = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("La date de fin ne peut pas précéder la date de début.", refused.QuerySelector($"#end-{membership}-erreur")!.TextContent.Trim());
        var (_, left) = await PostAsync(client, ended, $"/membres/{membership}/fin", new() { ["End.To"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.StartsWith("L'adhésion prend fin", left.Flash(), StringComparison.Ordinal);

        var stored = await portal.WithDbAsync(db => db.Bodies.AsNoTracking().SingleAsync(b => b.Id == bodyId));
        Assert.Equal((BodyKind.ThematicGroup, College.Poles, (DateOnly?)today), (stored.Kind, stored.Memberships.Single().College, stored.Memberships.Single().To));
        Assert.Equal(today, stored.Memberships.Single().Representatives.Single().To);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/coordination/plateforme/instances/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Home_ListsSessionsToComeAndPast_AndTheAttendancePerCollege()
    {
        using var client = await CoordinatorAsync();

        var home = await client.GetDocumentAsync("/coordination/plateforme");

        Assert.Contains(home.QuerySelectorAll("[data-testid=upcoming] a"), a => a.GetAttribute("href") == $"/coordination/plateforme/seances/{portal.UpcomingPlatformSessionId}");
        Assert.Contains(home.QuerySelectorAll("[data-testid=past] a"), a => a.GetAttribute("href") == $"/coordination/plateforme/seances/{portal.HeldPlatformSessionId}");
        var rates = home.QuerySelector("[data-testid=attendance-rates]")!;
        Assert.Equal(4, rates.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Pôles ESS", rates.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("a[href='/coordination/plateforme/engagements']"));
        Assert.NotNull(home.QuerySelector("a[href='/coordination/plateforme/seances/nouvelle']"));
    }

    [Fact]
    public async Task Reminders_EmailTheCoordinatorsTheMilestonesDueOrLate_OncePerDay()
    {
        // The seeded upcoming session is 40 days ahead, its data frozen and its pack published (the seeded pack): its
        // agenda (D-7) is due 33 days from now.
        var at = DateTimeOffset.UtcNow.AddDays(32);
        await using var scope = portal.Services.CreateAsyncScope();
        var reminders = scope.ServiceProvider.GetRequiredService<MilestoneReminders>();

        var first = await reminders.RunAsync(at);
        var again = await reminders.RunAsync(at.AddHours(1));

        Assert.True(first.Ran);
        Assert.True(first.Milestones >= 1);
        Assert.True(first.Emails >= 1);
        Assert.Equal(0, again.Milestones);
        var session = await portal.WithDbAsync(db => db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == portal.UpcomingPlatformSessionId));
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Paris).Date), session.Milestone(MilestoneKind.AgendaSent).RemindedOn);
        Assert.Null(session.Milestone(MilestoneKind.DataFrozen).RemindedOn);
        // (Other sessions this class plans may be reminded too: the e-mail about the seeded one.)
        var email = portal.Emails().Last(m => m.To.Mailboxes.Any(b => b.Address == SeededPortal.ActorEmails[Actor.Coordinator])
            && (m.Subject ?? string.Empty).StartsWith("Préparation de la séance", StringComparison.Ordinal)
            && (m.TextBody ?? string.Empty).Contains($"/coordination/plateforme/seances/{portal.UpcomingPlatformSessionId}", StringComparison.Ordinal));
        Assert.Contains(MilestoneKind.AgendaSent.Label(), email.TextBody, StringComparison.Ordinal);

        // The next day, still not done: reminded again.
        var nextDay = await reminders.RunAsync(at.AddDays(1));
        Assert.True(nextDay.Milestones >= 1);
    }

    [Fact]
    public async Task Agenda_ItemsMoveUpAndDown_AndAreRemoved()
    {
        using var client = await CoordinatorAsync();
        var id = await PlanAsync(client, ParisToday.AddDays(55).AddHours(14));
        var page = await client.GetDocumentAsync($"/coordination/plateforme/seances/{id}");
        foreach (var title in new[] { "Accueil", "Chiffres", "Engagements" })
        {
            (_, page) = await PostAsync(client, page, "/ordre-du-jour", new() { ["Titre du point"] = title, ["Durée (minutes)"] = "20" });
        }

        async Task<IReadOnlyList<(Guid Id, string Title)>> AgendaAsync() =>
            [.. (await portal.WithDbAsync(db => db.PlatformSessions.AsNoTracking().SingleAsync(s => s.Id == id))).Agenda.Select(i => (i.Id, i.Title))];

        var agenda = await AgendaAsync();
        (_, page) = await PostAsync(client, page, $"/ordre-du-jour/{agenda[2].Id}/monter");
        Assert.Equal("Le point est remonté.", page.Flash());
        Assert.Equal(["Accueil", "Engagements", "Chiffres"], (await AgendaAsync()).Select(i => i.Title));
        (_, page) = await PostAsync(client, page, $"/ordre-du-jour/{agenda[0].Id}/descendre");
        Assert.Equal(["Engagements", "Accueil", "Chiffres"], (await AgendaAsync()).Select(i => i.Title));
        (_, page) = await PostAsync(client, page, $"/ordre-du-jour/{agenda[1].Id}/retirer");
        Assert.Equal(["Engagements", "Accueil"], (await AgendaAsync()).Select(i => i.Title));
        Assert.Contains("40 minutes sur les 180 minutes", page.QuerySelector("[data-testid=agenda-total]")!.TextContent, StringComparison.Ordinal);

        // An item of another session is not this agenda's.
        using var response = await client.Http.PostAsync($"/coordination/plateforme/seances/{id}/ordre-du-jour/{Guid.NewGuid()}/retirer", new FormUrlEncodedContent([new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Reminders_WhenAnotherInstanceHoldsTheLock_SkipTheRound()
    {
        await using var other = new NpgsqlConnection(portal.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({MilestoneReminders.AdvisoryLockKey})", other, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<MilestoneReminders>().RunAsync(DateTimeOffset.UtcNow.AddDays(30));

        Assert.False(report.Ran);
    }
}
