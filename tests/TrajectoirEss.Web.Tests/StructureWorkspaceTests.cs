using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Territory;
using TrajectoirEss.Web.Areas.Structure;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.PageForms;

namespace TrajectoirEss.Web.Tests;

public sealed class StructureWorkspaceTests(StructureWorkspaceTests.Fixture portal) : IClassFixture<StructureWorkspaceTests.Fixture>
{
    private static string Error(IHtmlDocument page) => page.QuerySelector("[data-testid=error-summary]")?.TextContent ?? string.Empty;

    private async Task<Guid> CreateSessionAsync(HtmlClient client, string programmeCode, string name, int capacity, string? juryOn = null)
    {
        var programmeId = await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == programmeCode).Select(p => p.Id).SingleAsync());
        var page = await client.GetDocumentAsync("/structure/sessions");
        var values = new Dictionary<string, string>
        {
            ["programmeId"] = programmeId.ToString(),
            ["Nom de la session"] = name,
            ["Début"] = "2027-01-10",
            ["Fin"] = "2027-03-10",
            ["Places"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Lieu"] = "Quimper",
        };
        if (juryOn is not null)
        {
            values["Date du jury (incubateur)"] = juryOn;
        }

        using var created = await client.SubmitAsync(FormFor(page, "/structure/sessions"), values);
        return Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[3]);
    }

    private static async Task AcceptAsync(HtmlClient client, Guid referralId)
    {
        var page = await client.GetDocumentAsync($"/structure/orientations/{referralId}");
        using var _ = await client.SubmitAsync(FormFor(page, "/accepter"), []);
    }

    [Fact]
    public async Task Accept_AppearsInTheTrajectoryAndTellsThePoleAndThePorteurs()
    {
        var (referralId, projectId, porteurEmail) = await portal.ReferAsync("tag29-ideateur", "Atelier de réparation");
        using var tag = await portal.SignInAsync(Fixture.Tag29);
        var inbox = await tag.GetDocumentAsync("/structure");
        Assert.Contains("Atelier de réparation", inbox.QuerySelector("[data-testid=referrals]")!.TextContent, StringComparison.Ordinal);

        var page = await tag.GetDocumentAsync($"/structure/orientations/{referralId}");
        Assert.Contains(porteurEmail, page.QuerySelector("[data-testid=porteurs]")!.TextContent, StringComparison.Ordinal);
        var accepted = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(page, "/accepter"), []));

        Assert.Equal("L'orientation est acceptée ; le pôle et les porteurs sont prévenus.", accepted.Flash());
        Assert.Equal("Acceptée", accepted.QuerySelector("[data-testid=referral-status]")!.TextContent.Trim());
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == Fixture.Morlaix && m.Subject == "Orientation : orientation acceptée");
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == porteurEmail && m.Subject == "Votre parcours : orientation acceptée");
        using var porteur = await portal.SignInAsync(porteurEmail);
        var timeline = (await porteur.GetDocumentAsync($"/porteur/projets/{projectId}")).QuerySelector("[data-testid=trajectory]")!.TextContent;
        Assert.Contains("Orientation acceptée : Idéateur TAg29", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpeningAReferral_IsWrittenToTheAccessLog_AsThePolesOpeningOfTheFileIs()
    {
        var (referralId, projectId, _) = await portal.ReferAsync("tag29-ideateur", "Projet consulté par la structure");
        var staffId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == Fixture.Tag29).Select(u => u.Id).SingleAsync());
        using var tag = await portal.SignInAsync(Fixture.Tag29);

        await tag.GetDocumentAsync($"/structure/orientations/{referralId}");

        var openings = await portal.WithDbAsync(db => db.AccessLog.Where(a => a.EntityId == projectId && a.ActorId == staffId).ToListAsync());
        var opening = Assert.Single(openings);
        Assert.Equal("Project", opening.EntityType);
        Assert.InRange(opening.At, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        // The pôle sees it in the file's journal, with the consultations shown.
        using var pole = await portal.SignInAsync(Fixture.Morlaix);
        var journal = (await pole.GetDocumentAsync($"/pole/projets/{projectId}?consultations=true")).QuerySelector("[data-testid=audit]")!.TextContent;
        Assert.Contains("Fiche consultée", journal, StringComparison.Ordinal);

        // Another structure's referral is not found, and nothing is logged for it.
        using var fab = await portal.SignInAsync(Fixture.FranceActive);
        using var notFound = await fab.GetAsync($"/structure/orientations/{referralId}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        var fabId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == Fixture.FranceActive).Select(u => u.Id).SingleAsync());
        Assert.False(await portal.WithDbAsync(db => db.AccessLog.AnyAsync(a => a.EntityId == projectId && a.ActorId == fabId)));
    }

    [Theory]
    [InlineData(Fixture.FranceActive, new[] { "Orientations reçues", "Financements", "Nos programmes" })]
    [InlineData(Fixture.Tag29, new[] { "Orientations reçues", "Sessions et promotions", "Besoins des territoires", "Nos programmes" })]
    public async Task Menu_ShowsThePagesThatMatchTheStructuresProgrammes(string account, string[] expected)
    {
        using var staff = await portal.SignInAsync(account);

        var inbox = await staff.GetDocumentAsync("/structure");

        var header = inbox.QuerySelectorAll("nav[aria-label='Navigation principale'] .navbar-nav.me-auto a").Select(a => a.GetAttribute("href"));
        // The structure's own pages, then the coordination platform, where every member organisation takes part.
        Assert.Equal([.. expected.Select(label => StructureMenu.For(Enum.GetValues<ProgrammeType>()).Single(e => e.Label == label).Href), "/plateforme"], header);
        Assert.Equal(expected.Skip(1), inbox.QuerySelectorAll("[data-testid=structure-menu] a").Select(a => a.TextContent.Trim()));
        foreach (var href in inbox.QuerySelectorAll("[data-testid=structure-menu] a").Select(a => a.GetAttribute("href")!))
        {
            using var page = await staff.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Sessions_AreNotCreatedUnderAFinancingProgramme()
    {
        using var fab = await portal.SignInAsync(Fixture.FranceActive);
        var page = await fab.GetDocumentAsync("/structure/sessions");
        Assert.Empty(page.QuerySelectorAll("#programmeId option"));

        var programmeId = await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == "fab-cap-creation-ess").Select(p => p.Id).SingleAsync());
        using var refused = await fab.SubmitAsync(FormFor(page, "/structure/sessions"), new()
        {
            ["programmeId"] = programmeId.ToString(), ["Nom de la session"] = "Session de financement", ["Début"] = "2027-01-10", ["Fin"] = "2027-03-10", ["Places"] = "5",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Un programme de financement n'a pas de sessions", Error(await HtmlClient.ParseAsync(refused)), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Sessions.AnyAsync(s => s.ProgrammeId == programmeId)));
    }

    [Fact]
    public async Task SessionEnrolment_DefaultsToTheProjectsNumberOfPeople()
    {
        var (first, _, _) = await portal.ReferAsync("tag29-ideateur", "Projet à deux porteurs");
        var (second, secondProject, _) = await portal.ReferAsync("tag29-ideateur", "Projet à quatre porteurs");
        await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == secondProject).ExecuteUpdateAsync(u => u.SetProperty(p => p.PeopleCount, 4)));
        using var tag = await portal.SignInAsync(Fixture.Tag29);
        await AcceptAsync(tag, first);
        await AcceptAsync(tag, second);
        var sessionId = await CreateSessionAsync(tag, "tag29-ideateur", "Idéateur des collectifs", capacity: 10);

        // Several candidates (the class's other tests add theirs): each option says its number of people, and the field
        // left empty takes the chosen project's.
        var page = await tag.GetDocumentAsync($"/structure/sessions/{sessionId}");
        var options = page.QuerySelector("#referralId")!.TextContent;
        Assert.Contains("Projet à deux porteurs (2 personnes)", options, StringComparison.Ordinal);
        Assert.Contains("Projet à quatre porteurs (4 personnes)", options, StringComparison.Ordinal);
        Assert.Equal(string.Empty, ((IHtmlInputElement)page.QuerySelector("#people")!).Value);
        using var _ = await tag.SubmitAsync(FormFor(page, "/inscriptions"), new() { ["referralId"] = second.ToString() });
        Assert.Equal(4, await portal.WithDbAsync(db => db.Enrolments.Where(e => e.ReferralId == second).Select(e => e.People).SingleAsync()));

        // From the referral's page too.
        var referral = await tag.GetDocumentAsync($"/structure/orientations/{first}");
        Assert.Equal("2", ((IHtmlInputElement)referral.QuerySelector("#people")!).Value);
    }

    [Fact]
    public async Task ReferralInbox_SearchesTitlePorteurAndCommune_IgnoringAccentsAndCase_AndFiltersByProgramme_KeptAcrossPages()
    {
        var (referralId, projectId, porteurEmail) = await portal.ReferAsync("tag29-ideateur", "Épicerie coopérative des Abers");
        var (incubated, _, _) = await portal.ReferAsync("tag29-incubateur", "Épicerie coopérative du Léon");
        var ideateur = await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == "tag29-ideateur").Select(p => p.Id).SingleAsync());
        await portal.WithDbAsync(async db =>
        {
            var commune = await db.Communes.Where(c => c.Name == "Plougastel-Daoulas").Select(c => c.CodeInsee).SingleAsync();
            await db.Users.Where(u => u.Email == porteurEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Maëlys Quéméner"));
            return await db.Projects.Where(p => p.Id == projectId).ExecuteUpdateAsync(u => u.SetProperty(p => p.CommuneCode, commune));
        });
        using var tag = await portal.SignInAsync(Fixture.Tag29);

        foreach (var query in new[] { "epicerie cooperative des abers", "ÉPICERIE COOPÉRATIVE DES ABERS", "quemener", "Maëlys", "plougastel daoulas", "Plougastel-Daoulas" })
        {
            var found = await tag.GetDocumentAsync("/structure?q=" + Uri.EscapeDataString(query));
            var rows = found.QuerySelectorAll("[data-testid=referrals] tbody tr").Select(r => r.TextContent).ToList();
            Assert.True(rows.Count(r => r.Contains("Épicerie coopérative des Abers", StringComparison.Ordinal)) == 1, $"{query}: {string.Join(" | ", rows)}");
            Assert.Equal(query, ((IHtmlInputElement)found.QuerySelector("#q")!).Value);
        }

        // The programme filter: only the idéateur's; the status links keep the search and the programme.
        var filtered = await tag.GetDocumentAsync($"/structure?q=epicerie+cooperative&programme={ideateur}");
        var titles = filtered.QuerySelectorAll("[data-testid=referrals] tbody tr a").Select(a => a.TextContent).ToList();
        Assert.Contains("Épicerie coopérative des Abers", titles);
        Assert.DoesNotContain("Épicerie coopérative du Léon", titles);
        Assert.Equal(ideateur.ToString(), filtered.QuerySelectorAll("#programme option").Cast<IHtmlOptionElement>().Single(o => o.HasAttribute("selected")).Value);
        Assert.All(filtered.QuerySelectorAll("[data-testid=status-counts] a"), a => Assert.Contains($"q=epicerie%20cooperative&programme={ideateur}", a.GetAttribute("href")!, StringComparison.Ordinal));
        Assert.Contains("Proposée, en attente de réponse : 1", filtered.QuerySelector("[data-testid=status-counts]")!.TextContent, StringComparison.Ordinal);

        // Nothing found: the empty state says so.
        var none = await tag.GetDocumentAsync("/structure?q=introuvable-xyz");
        Assert.Contains("Aucune orientation ne correspond", none.QuerySelector("[data-testid=empty-state]")!.TextContent, StringComparison.Ordinal);

        // Paging keeps the search and the programme.
        await portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            var programme = await db.Programmes.SingleAsync(p => p.Id == ideateur);
            var staff = await db.Users.Where(u => u.Email == Fixture.Morlaix).Select(u => u.Id).SingleAsync();
            for (var i = 0; i < 25; i++)
            {
                db.Referrals.Add(Referral.Create(project.SharedWith(programme), programme, [], project.PoleId!.Value, staff, null, DateTimeOffset.UtcNow.AddMinutes(-i - 10)));
            }

            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
        var first = await tag.GetDocumentAsync($"/structure?q=quemener&programme={ideateur}");
        var next = first.QuerySelectorAll("[data-testid=paging] a").Single(a => a.TextContent == "Page suivante").GetAttribute("href")!;
        Assert.Equal($"/structure?q=quemener&programme={ideateur}&page=2", next);
        var second = await tag.GetDocumentAsync(next);
        Assert.Single(second.QuerySelectorAll("[data-testid=referrals] tbody tr"));
        Assert.NotEqual(referralId, incubated);
    }

    [Fact]
    public async Task HandOver_SearchesTheReferredProjects_ThenPicksOne_WithoutScript()
    {
        var (_, projectId, _) = await portal.ReferAsync("tag29-ideateur", "Ressourcerie de Plouzané");
        await portal.ReferAsync("tag29-ideateur", "Garage associatif de Crozon");
        using var tag = await portal.SignInAsync(Fixture.Tag29);
        var list = await tag.GetDocumentAsync("/structure/besoins");
        var need = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(list, "/structure/besoins"), new()
        {
            ["Intitulé"] = "Réemploi au pays d'Iroise",
            ["Description du besoin"] = "Aucune ressourcerie sur le territoire.",
            ["Exprimé par (collectivité, partenaire)"] = "Communauté de communes",
            ["Date"] = "2026-02-01",
            ["Commune concernée"] = "Plouzané",
        }));
        var concluded = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(need, "/conclusion"), new() { ["result"] = "concluante", ["Conclusion"] = "Un besoin confirmé.", ["Date"] = "2026-06-30" }));
        var needPath = concluded.QuerySelector("[data-testid=handover-search]")!.GetAttribute("action")!.Split('#')[0];

        var nothing = await tag.GetDocumentAsync(needPath + "?projet=introuvable");
        Assert.Contains("Aucun projet orienté ne correspond", nothing.QuerySelector("[data-testid=handover-empty]")!.TextContent, StringComparison.Ordinal);

        var found = await tag.GetDocumentAsync(needPath + "?projet=" + Uri.EscapeDataString("RESSOURCERIE plouzane"));
        var choices = found.QuerySelectorAll("[data-testid=handover-choices] input[type=radio]").Cast<IHtmlInputElement>().ToList();
        var choice = Assert.Single(choices);
        Assert.Equal(projectId.ToString(), choice.Value);
        Assert.True(choice.IsChecked);
        Assert.Equal("Ressourcerie de Plouzané (Morlaix)", found.QuerySelector($"label[for='{choice.Id}']")!.TextContent);

        var form = (IHtmlFormElement)found.QuerySelector("[data-testid=handover-choices]")!.Closest("form")!;
        using (var none = await tag.SubmitAsync(form, new() { ["projectId"] = "aucun" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
            Assert.Contains("Choisissez le projet auquel joindre l'étude", Error(await HtmlClient.ParseAsync(none)), StringComparison.Ordinal);
        }

        var handed = await HtmlClient.ParseAsync(await tag.SubmitAsync(form, []));
        Assert.Equal("Remis à un porteur", handed.QuerySelector("[data-testid=need-status]")!.TextContent.Trim());
        Assert.Equal(projectId, await portal.WithDbAsync(db => db.TerritoryNeeds.Where(n => n.Title == "Réemploi au pays d'Iroise").Select(n => n.ProjectId).SingleAsync()));
    }

    [Fact]
    public async Task Decline_NeedsAReasonFromTheList_AndAskingForInformationWorks()
    {
        var (declineId, _, _) = await portal.ReferAsync("tag29-ideateur", "Projet hors cible");
        var (askId, _, _) = await portal.ReferAsync("tag29-ideateur", "Projet à préciser");
        using var tag = await portal.SignInAsync(Fixture.Tag29);

        var page = await tag.GetDocumentAsync($"/structure/orientations/{declineId}");
        using var refused = await tag.SubmitAsync(FormFor(page, "/refuser"), new() { ["Précisions pour le pôle et les porteurs"] = "Pas pour nous" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Choisissez un motif de refus", Error(await HtmlClient.ParseAsync(refused)), StringComparison.Ordinal);
        var declined = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(page, "/refuser"), new() { ["reasonCode"] = "hors-cible", ["Précisions pour le pôle et les porteurs"] = "Projet individuel." }));
        Assert.Equal("Refusée", declined.QuerySelector("[data-testid=referral-status]")!.TextContent.Trim());

        var askPage = await tag.GetDocumentAsync($"/structure/orientations/{askId}");
        var asked = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(askPage, "/questions"), new() { ["Demander des informations"] = "Combien êtes-vous ?" }));
        Assert.Equal("Informations demandées", asked.QuerySelector("[data-testid=referral-status]")!.TextContent.Trim());
        var reason = await portal.WithDbAsync(db => db.Referrals.Where(r => r.Id == declineId).Select(r => r.Reason).SingleAsync());
        Assert.Equal("Le projet ne correspond pas au programme — Projet individuel.", reason);
    }

    [Fact]
    public async Task Ideateur_EnrolThenCompleteWithAGo_TheTimelineShowsEachStep()
    {
        var (referralId, projectId, porteurEmail) = await portal.ReferAsync("tag29-ideateur", "Brasserie coopérative");
        using var tag = await portal.SignInAsync(Fixture.Tag29);
        await AcceptAsync(tag, referralId);
        var sessionId = await CreateSessionAsync(tag, "tag29-ideateur", "Idéateur printemps 2027", capacity: 8);

        var session = await tag.GetDocumentAsync($"/structure/sessions/{sessionId}");
        var enrolled = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(session, "/inscriptions"), new() { ["referralId"] = referralId.ToString(), ["Porteurs qui participent"] = "2" }));
        Assert.Equal("1 / 8", enrolled.QuerySelector("[data-testid=places]")!.TextContent.Trim());

        var enrolmentId = await portal.WithDbAsync(db => db.Enrolments.Where(e => e.ReferralId == referralId).Select(e => e.Id).SingleAsync());
        using var noNote = await tag.SubmitAsync(FormFor(enrolled, $"/inscriptions/{enrolmentId}/issue"), new() { ["outcome"] = "Go" });
        Assert.Contains("note d'intention", Error(await HtmlClient.ParseAsync(noNote)), StringComparison.Ordinal);
        var done = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(enrolled, $"/inscriptions/{enrolmentId}/issue"), new() { ["outcome"] = "Go", ["note"] = "Note d'intention : brasserie en Scic, 3 associés." }));
        Assert.Equal("L'issue du programme est enregistrée.", done.Flash());

        using var porteur = await portal.SignInAsync(porteurEmail);
        var page = await porteur.GetDocumentAsync($"/porteur/projets/{projectId}");
        var timeline = page.QuerySelector("[data-testid=trajectory]")!.TextContent;
        Assert.Contains("Entrée dans le programme : Idéateur TAg29", timeline, StringComparison.Ordinal);
        Assert.Contains("Programme terminé : Idéateur TAg29", timeline, StringComparison.Ordinal);
        Assert.Contains("Issue : Go", timeline, StringComparison.Ordinal);
        Assert.Equal("En accompagnement", page.QuerySelector("[data-testid=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Sessions_WithDatesInTheWrongOrderOrCapacityBelowEnrolled_AreRefusedAndChangeNothing()
    {
        using var tag = await portal.SignInAsync(Fixture.Tag29);
        var list = await tag.GetDocumentAsync("/structure/sessions");
        var programmeId = await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == "tag29-ideateur").Select(p => p.Id).SingleAsync());
        using var wrong = await tag.SubmitAsync(FormFor(list, "/structure/sessions"), new() { ["programmeId"] = programmeId.ToString(), ["Nom de la session"] = "À l'envers", ["Début"] = "2027-05-01", ["Fin"] = "2027-04-01", ["Places"] = "5" });
        var wrongPage = await HtmlClient.ParseAsync(wrong);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("La date de fin doit suivre la date de début.", Error(wrongPage), StringComparison.Ordinal);
        Assert.Equal("À l'envers", ((IHtmlInputElement)wrongPage.QuerySelector("#name")!).Value);
        Assert.False(await portal.WithDbAsync(db => db.Sessions.AnyAsync(s => s.Name == "À l'envers")));

        var (referralId, _, _) = await portal.ReferAsync("tag29-ideateur", "Projet qui prend une place");
        await AcceptAsync(tag, referralId);
        var sessionId = await CreateSessionAsync(tag, "tag29-ideateur", "Petite session", capacity: 1);
        var session = await tag.GetDocumentAsync($"/structure/sessions/{sessionId}");
        using var _ = await tag.SubmitAsync(FormFor(session, "/inscriptions"), new() { ["referralId"] = referralId.ToString() });
        var edit = await tag.GetDocumentAsync($"/structure/sessions/{sessionId}");
        using var below = await tag.SubmitAsync(FormFor(edit, $"/structure/sessions/{sessionId}"), new() { ["capacity"] = "0" });
        Assert.Contains("capacité", Error(await HtmlClient.ParseAsync(below)), StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task Incubator_JurySelectsWithinCapacity_AndTheWaitingListMovesUpWhenAPlaceFrees()
    {
        using var tag = await portal.SignInAsync(Fixture.Tag29);
        var (first, _, _) = await portal.ReferAsync("tag29-incubateur", "Candidat A");
        var (second, secondProject, _) = await portal.ReferAsync("tag29-incubateur", "Candidat B");
        await AcceptAsync(tag, first);
        await AcceptAsync(tag, second);
        var promotion = await CreateSessionAsync(tag, "tag29-incubateur", "Promotion 2027", capacity: 1, juryOn: "2026-12-15");

        foreach (var referral in new[] { first, second })
        {
            var page = await tag.GetDocumentAsync($"/structure/sessions/{promotion}");
            using var _ = await tag.SubmitAsync(FormFor(page, "/inscriptions"), new() { ["referralId"] = referral.ToString() });
        }

        var enrolments = await portal.WithDbAsync(db => db.Enrolments.Where(e => e.SessionId == promotion).ToDictionaryAsync(e => e.ReferralId, e => e.Id));
        var jury = await tag.GetDocumentAsync($"/structure/sessions/{promotion}");
        using var selectA = await tag.SubmitAsync(FormFor(jury, $"/inscriptions/{enrolments[first]}/jury"), new() { ["decision"] = "Selected" });
        var afterA = await HtmlClient.ParseAsync(selectA);
        using var selectB = await tag.SubmitAsync(FormFor(afterA, $"/inscriptions/{enrolments[second]}/jury"), new() { ["decision"] = "Selected" });
        Assert.Contains("complète", Error(await HtmlClient.ParseAsync(selectB)), StringComparison.Ordinal);
        var waiting = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(afterA, $"/inscriptions/{enrolments[second]}/jury"), new() { ["decision"] = "WaitingList" }));
        Assert.Contains("Liste d'attente (rang 1)", waiting.QuerySelector("[data-testid=enrolments]")!.TextContent, StringComparison.Ordinal);

        var left = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(waiting, $"/inscriptions/{enrolments[first]}/sortie"), new() { ["leaveReason"] = "Le collectif renonce" }));
        Assert.Equal("La sortie est enregistrée.", left.Flash());
        var statuses = await portal.WithDbAsync(db => db.Enrolments.Where(e => e.SessionId == promotion).ToDictionaryAsync(e => e.ReferralId, e => e.Status));
        Assert.Equal(EnrolmentStatus.Left, statuses[first]);
        Assert.Equal(EnrolmentStatus.Enrolled, statuses[second]);
        Assert.Equal("1 / 1", left.QuerySelector("[data-testid=places]")!.TextContent.Trim());
        var steps = await portal.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == secondProject).Select(p => p.Steps.Select(s => s.Kind).ToList()).SingleAsync());
        Assert.Contains(TrajectoryStepKind.ReferralStarted, steps);
    }

    [Fact]
    public async Task Forms_TakeWhatTheDomainAccepts()
    {
        using var tag = await portal.SignInAsync(Fixture.Tag29);
        var (referralId, _, _) = await portal.ReferAsync("tag29-incubateur", "Projet aux champs mesurés");
        var proposed = await tag.GetDocumentAsync($"/structure/orientations/{referralId}");
        Assert.Equal(ListItem.DetailsMaxLength(Referral.ReasonMaxLength), proposed.MaxLength("#declineDetails"));
        Assert.Equal(Referral.ReasonMaxLength, proposed.MaxLength("#question"));

        await AcceptAsync(tag, referralId);
        var promotion = await CreateSessionAsync(tag, "tag29-incubateur", "Promotion mesurée", capacity: 10, juryOn: "2026-12-01");
        var page = await tag.GetDocumentAsync($"/structure/sessions/{promotion}");
        var applied = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(page, "/inscriptions"), new() { ["referralId"] = referralId.ToString() }));
        var enrolmentId = await portal.WithDbAsync(db => db.Enrolments.Where(e => e.ReferralId == referralId).Select(e => e.Id).SingleAsync());
        Assert.Equal(SessionRoster.JuryReasonMaxLength, applied.MaxLength($"#juryReason-{enrolmentId}"));
        var selected = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(applied, $"/inscriptions/{enrolmentId}/jury"), new() { ["decision"] = "Selected" }));
        Assert.Equal(Siret.WrittenMaxLength, selected.MaxLength($"#siret-{enrolmentId}"));
        Assert.Equal(Enrolment.ReasonMaxLength, selected.MaxLength($"#leaveReason-{enrolmentId}"));

        var needs = await tag.GetDocumentAsync("/structure/besoins");
        Assert.Equal(Commune.NameMaxLength, needs.MaxLength("#commune"));
    }

    [Fact]
    public async Task Incubator_RecordsTheCreationOfTheCompany()
    {
        using var tag = await portal.SignInAsync(Fixture.Tag29);
        var (referralId, _, _) = await portal.ReferAsync("tag29-incubateur", "Scic de l'énergie citoyenne");
        await AcceptAsync(tag, referralId);
        var promotion = await CreateSessionAsync(tag, "tag29-incubateur", "Promotion énergie", capacity: 10, juryOn: "2026-12-01");
        var page = await tag.GetDocumentAsync($"/structure/sessions/{promotion}");
        using var applied = await tag.SubmitAsync(FormFor(page, "/inscriptions"), new() { ["referralId"] = referralId.ToString() });
        var enrolmentId = await portal.WithDbAsync(db => db.Enrolments.Where(e => e.ReferralId == referralId).Select(e => e.Id).SingleAsync());
        var selected = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(await HtmlClient.ParseAsync(applied), $"/inscriptions/{enrolmentId}/jury"), new() { ["decision"] = "Selected" }));

        var created = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(selected, $"/inscriptions/{enrolmentId}/issue"), new()
        {
            ["outcome"] = "CompanyCreated",
            ["companyLegalForm"] = "scic",
            ["companyCreatedOn"] = "2026-10-01",
            ["siret"] = "73282932000074",
            ["jobs"] = "3",
        }));

        Assert.Equal("L'issue du programme est enregistrée.", created.Flash());
        var enrolment = await portal.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolmentId));
        Assert.Equal(EnrolmentOutcome.CompanyCreated, enrolment.Outcome);
        Assert.Equal("73282932000074", enrolment.Siret);
        Assert.Equal(3, enrolment.Jobs);
        Assert.Equal(new DateOnly(2026, 10, 1), enrolment.CompanyCreatedOn);
    }

    [Fact]
    public async Task FinancingDecision_WithoutAChoice_IsAskedForBesideIt_KeepingWhatWasTyped()
    {
        using var fab = await portal.SignInAsync(Fixture.FranceActive);
        var (referralId, projectId, _) = await portal.ReferAsync("fab-cap-creation-ess", "Étude d'une laverie solidaire");
        await AcceptAsync(fab, referralId);
        var page = await fab.GetDocumentAsync($"/structure/orientations/{referralId}");
        var application = await HtmlClient.ParseAsync(await fab.SubmitAsync(FormFor(page, "/financement"), new() { ["instrument"] = "CapCreationEss", ["amountRequested"] = "5000", ["study"] = "Étude de la laverie" }));

        foreach (var decision in new Dictionary<string, string>[] { new() { ["amountGranted"] = "4000" }, new() { ["decision"] = "peut-etre", ["amountGranted"] = "4000" } })
        {
            using var undecided = await fab.SubmitAsync(FormFor(application, "/decision"), decision);
            var again = await HtmlClient.ParseAsync(undecided);

            Assert.Equal(HttpStatusCode.BadRequest, undecided.StatusCode);
            Assert.Equal("Choisissez la décision du comité.", again.ErrorFor("decision"));
            Assert.Single(again.QuerySelectorAll("[data-testid=error-summary] li"));
            Assert.Equal("4000", again.QuerySelector("#amountGranted")!.GetAttribute("value"));
        }

        Assert.Null(await portal.WithDbAsync(db => db.FinancingApplications.AsNoTracking().Where(f => f.ProjectId == projectId).Select(f => f.AmountGranted).SingleAsync()));
    }

    [Fact]
    public async Task Financing_RespectsTheInstrumentsBounds_AndPaymentsNeverExceedTheGrant()
    {
        using var fab = await portal.SignInAsync(Fixture.FranceActive);
        var (referralId, projectId, _) = await portal.ReferAsync("fab-cap-creation-ess", "Étude d'une cantine bio");
        await AcceptAsync(fab, referralId);
        var page = await fab.GetDocumentAsync($"/structure/orientations/{referralId}");

        using var negative = await fab.SubmitAsync(FormFor(page, "/financement"), new() { ["instrument"] = "CapCreationEss", ["amountRequested"] = "-5", ["study"] = "Étude de faisabilité" });
        Assert.Contains("montant positif", Error(await HtmlClient.ParseAsync(negative)), StringComparison.Ordinal);
        using var tooMuch = await fab.SubmitAsync(FormFor(page, "/financement"), new() { ["instrument"] = "CapCreationEss", ["amountRequested"] = "25000", ["study"] = "Étude de faisabilité" });
        Assert.Contains("Cap création ESS finance de 2", Error(await HtmlClient.ParseAsync(tooMuch)), StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.FinancingApplications.AnyAsync(f => f.ProjectId == projectId)));

        using var created = await fab.SubmitAsync(FormFor(page, "/financement"), new() { ["instrument"] = "CapCreationEss", ["amountRequested"] = "12000,50", ["study"] = "Étude de faisabilité de la cantine", ["committeeOn"] = "2026-12-10" });
        var application = await HtmlClient.ParseAsync(created);
        Assert.Equal("La demande de financement est enregistrée.", application.Flash());
        var granted = await HtmlClient.ParseAsync(await fab.SubmitAsync(FormFor(application, "/decision"), new() { ["decision"] = "accorde", ["amountGranted"] = "12000" }));
        Assert.Contains("Accordé", granted.QuerySelector("[data-testid=decision]")!.TextContent, StringComparison.Ordinal);
        var paid = await HtmlClient.ParseAsync(await fab.SubmitAsync(FormFor(granted, "/versements"), new() { ["paidOn"] = "2026-11-01", ["amount"] = "5000" }));
        using var over = await fab.SubmitAsync(FormFor(paid, "/versements"), new() { ["paidOn"] = "2026-11-02", ["amount"] = "8000" });
        Assert.Contains("dépasseraient le montant accordé", Error(await HtmlClient.ParseAsync(over)), StringComparison.Ordinal);

        var stored = await portal.WithDbAsync(db => db.FinancingApplications.AsNoTracking().SingleAsync(f => f.ProjectId == projectId));
        Assert.Equal(12000.50m, stored.AmountRequested);
        Assert.Equal(12000m, stored.AmountGranted);
        Assert.Equal(5000m, stored.Paid);
        var steps = await portal.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Steps.Select(s => s.Kind).ToList()).SingleAsync());
        Assert.Contains(TrajectoryStepKind.FinancingGranted, steps);
    }

    [Fact]
    public async Task Revelateur_ATerritorysNeedConcludesAndIsHandedOverToAPorteur()
    {
        var porteurEmail = $"repreneur-{Guid.NewGuid():N}@exemple.test";
        await portal.CreateUserAsync(porteurEmail, Roles.Porteur);
        using var tag = await portal.SignInAsync(Fixture.Tag29);
        var list = await tag.GetDocumentAsync("/structure/besoins");
        using var raised = await tag.SubmitAsync(FormFor(list, "/structure/besoins"), new()
        {
            ["Intitulé"] = "Épicerie du bourg de Locronan",
            ["Description du besoin"] = "Plus de commerce alimentaire depuis deux ans.",
            ["Exprimé par (collectivité, partenaire)"] = "Commune de Locronan",
            ["Date"] = "2026-02-01",
            ["Commune concernée"] = "Locronan",
        });
        var need = await HtmlClient.ParseAsync(raised);
        Assert.Equal("Étude d'opportunité en cours", need.QuerySelector("[data-testid=need-status]")!.TextContent.Trim());

        var concluded = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(need, "/conclusion"), new() { ["result"] = "concluante", ["Conclusion"] = "Un marché pour une épicerie associative.", ["Date"] = "2026-06-30" }));
        var handed = await HtmlClient.ParseAsync(await tag.SubmitAsync(FormFor(concluded, "/remise"), new() { ["porteurEmail"] = porteurEmail }));
        Assert.Equal("Remis à un porteur", handed.QuerySelector("[data-testid=need-status]")!.TextContent.Trim());

        // The porteur is told, with a link to the new draft in their space (issue 19: it used to appear without a word).
        var told = portal.Emails().Single(m => m.To.Mailboxes.Any(b => b.Address == porteurEmail) && m.Subject == "Une étude d'opportunité vous est remise");
        Assert.Contains("Épicerie du bourg de Locronan", told.TextBody, StringComparison.Ordinal);
        Assert.Contains("/porteur/projets/", told.TextBody, StringComparison.Ordinal);

        using var porteur = await portal.SignInAsync(porteurEmail);
        var space = await porteur.GetDocumentAsync("/porteur");
        var link = space.QuerySelectorAll("[data-testid=projects] a").Single(a => a.TextContent == "Épicerie du bourg de Locronan");
        var project = await porteur.GetDocumentAsync(link.GetAttribute("href")!);
        var timeline = project.QuerySelector("[data-testid=trajectory]")!.TextContent;
        Assert.Contains("Besoin du territoire repéré", timeline, StringComparison.Ordinal);
        Assert.Contains("Étude d'opportunité du révélateur", timeline, StringComparison.Ordinal);
        Assert.Contains("Projet remis à un porteur", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferralInbox_IsPagedTheLatestFirst_WithCountsByStatus()
    {
        var (firstReferral, projectId, _) = await portal.ReferAsync("tag35-ideateur", "Projet orienté 00");
        await portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            var programme = await db.Programmes.SingleAsync(p => p.Code == "tag35-ideateur");
            var staff = await db.Users.Where(u => u.Email == Fixture.Morlaix).Select(u => u.Id).SingleAsync();
            var start = DateTimeOffset.UtcNow.AddYears(1);
            for (var i = 1; i < 27; i++)
            {
                // Written as records for the paging (the rule of one open referral per programme is not the point here).
                var referral = Referral.Create(project.SharedWith(programme), programme, [], project.PoleId!.Value, staff, $"Orientation paginée {i:00}", start.AddMinutes(i));
                if (i % 2 == 0)
                {
                    referral.Accept(project, staff, start.AddMinutes(i));
                }

                db.Referrals.Add(referral);
            }

            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
        using var tag = await portal.SignInAsync(Fixture.Tag35);

        var first = await tag.GetDocumentAsync("/structure");
        var last = await tag.GetDocumentAsync("/structure?page=2");
        var accepted = await tag.GetDocumentAsync("/structure?status=Accepted");

        Assert.Equal(25, first.QuerySelectorAll("[data-testid=referrals] tbody tr").Length);
        Assert.Contains("Page 1 sur 2", first.QuerySelector("[data-testid=paging]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, last.QuerySelectorAll("[data-testid=referrals] tbody tr").Length);
        Assert.Contains($"/structure/orientations/{firstReferral}", last.QuerySelector("[data-testid=referrals]")!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Idéateur TAg35", last.QuerySelector("[data-testid=referrals]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(13, accepted.QuerySelectorAll("[data-testid=referrals] tbody tr").Length);
        Assert.Null(accepted.QuerySelector("[data-testid=paging]"));
        var counts = first.QuerySelector("[data-testid=status-counts]")!.TextContent;
        Assert.Contains("Proposée, en attente de réponse : 14", counts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerritoryNeeds_ArePagedTheLatestFirst()
    {
        await portal.WithDbAsync(async db =>
        {
            var revelateur = await db.Programmes.SingleAsync(p => p.Code == "tag35-revelateur");
            for (var i = 0; i < 27; i++)
            {
                var raisedOn = new DateOnly(2024, 1, 1).AddDays(i);
                db.TerritoryNeeds.Add(TerritoryNeed.Raise(revelateur, $"Besoin paginé {i:00}", "Un besoin du territoire", "Commune de Rennes", raisedOn, "35238", new DateOnly(2026, 11, 1), Guid.Empty, DateTimeOffset.UtcNow));
            }

            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
        using var tag = await portal.SignInAsync(Fixture.Tag35);

        var first = await tag.GetDocumentAsync("/structure/besoins");
        var last = await tag.GetDocumentAsync("/structure/besoins?page=2");

        Assert.Equal(25, first.QuerySelectorAll("[data-testid=needs] tbody tr").Length);
        Assert.StartsWith("Besoin paginé 26", first.QuerySelector("[data-testid=needs] tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Besoin paginé 01", "Besoin paginé 00"], last.QuerySelectorAll("[data-testid=needs] tbody tr td:first-child").Select(c => c.TextContent).ToArray());
        Assert.Contains("Page 2 sur 2", last.QuerySelector("[data-testid=paging]")!.TextContent, StringComparison.Ordinal);
        using var invalid = await tag.GetAsync("/structure/besoins?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task Sessions_ArePagedTheLatestFirst()
    {
        await portal.WithDbAsync(async db =>
        {
            var revelateur = await db.Programmes.SingleAsync(p => p.Code == "tag35-revelateur");
            for (var i = 0; i < 27; i++)
            {
                // Later than any session another test creates: these are the first ones listed.
                var startsOn = new DateOnly(2040, 1, 1).AddDays(7 * i);
                db.Sessions.Add(Session.Create(Guid.CreateVersion7(), revelateur, $"Session paginée {i:00}", startsOn, startsOn.AddDays(5), "Rennes", 12, null, Guid.Empty, DateTimeOffset.UtcNow));
            }

            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
        using var tag = await portal.SignInAsync(Fixture.Tag35);

        var first = await tag.GetDocumentAsync("/structure/sessions");
        var second = await tag.GetDocumentAsync("/structure/sessions?page=2");

        Assert.Equal(25, first.QuerySelectorAll("[data-testid=sessions] tbody tr").Length);
        Assert.Equal("Session paginée 26", first.QuerySelector("[data-testid=sessions] tbody tr td:first-child")!.TextContent);
        Assert.Equal(["Session paginée 01", "Session paginée 00"], second.QuerySelectorAll("[data-testid=sessions] tbody tr td:first-child").Take(2).Select(c => c.TextContent).ToArray());
        Assert.Contains("Page 2 sur", second.QuerySelector("[data-testid=paging]")!.TextContent, StringComparison.Ordinal);
        using var invalid = await tag.GetAsync("/structure/sessions?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task FinancingApplications_ArePagedTheLatestFirst()
    {
        var (referralId, projectId, _) = await portal.ReferAsync("fab-fonds-de-confiance", "Coopérative d'activités en pagination");
        await portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            var referral = await db.Referrals.SingleAsync(r => r.Id == referralId);
            var staff = await db.Users.Where(u => u.Email == Fixture.FranceActive).Select(u => u.Id).SingleAsync();
            var start = DateTimeOffset.UtcNow.AddYears(5);
            var programme = await db.Programmes.SingleAsync(p => p.Id == referral.ProgrammeId);
            referral.Accept(project, staff, DateTimeOffset.UtcNow);
            var applications = new List<FinancingApplication>();
            for (var i = 0; i < 26; i++)
            {
                // One application pending per instrument at a time: the earlier ones were refused by the committee.
                var application = FinancingApplication.Create(project, referral, programme, applications, FinancingInstrument.Loan, 1000 + i, null, $"Demande paginée {i:00}", null, FinancingRules.Default, staff, start.AddMinutes(i));
                applications.Add(application);
                if (i < 25)
                {
                    application.Refuse(project, "Dossier incomplet", null, staff, start.AddMinutes(i));
                }

                db.FinancingApplications.Add(application);
            }

            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
        using var fab = await portal.SignInAsync(Fixture.FranceActive);

        var first = await fab.GetDocumentAsync("/structure/financements");
        var second = await fab.GetDocumentAsync("/structure/financements?page=2");

        var rows = first.QuerySelectorAll("[data-testid=financings] tbody tr");
        Assert.Equal(25, rows.Length);
        Assert.Contains("1 025", rows[0].TextContent.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("Page 1 sur", first.QuerySelector("[data-testid=paging]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur", second.QuerySelector("[data-testid=paging]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 000", second.QuerySelector("[data-testid=financings] tbody")!.TextContent.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherStructuresRecords_AnswerNotFoundThroughEveryRoute_AndChangeNothing()
    {
        using var tag29 = await portal.SignInAsync(Fixture.Tag29);
        var (referralId, projectId, _) = await portal.ReferAsync("tag29-ideateur", "Projet de TAg29");
        await AcceptAsync(tag29, referralId);
        var sessionId = await CreateSessionAsync(tag29, "tag29-ideateur", "Session de TAg29", capacity: 5);
        var session = await tag29.GetDocumentAsync($"/structure/sessions/{sessionId}");
        using var _ = await tag29.SubmitAsync(FormFor(session, "/inscriptions"), new() { ["referralId"] = referralId.ToString() });
        var enrolmentId = await portal.WithDbAsync(db => db.Enrolments.Where(e => e.ReferralId == referralId).Select(e => e.Id).SingleAsync());
        var before = await portal.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Steps.Count).SingleAsync());

        using var outsider = await portal.SignInAsync(Fixture.Tag35);
        var token = ((IHtmlInputElement)(await outsider.GetDocumentAsync("/structure/sessions")).QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        foreach (var url in new[] { $"/structure/orientations/{referralId}", $"/structure/sessions/{sessionId}" })
        {
            using var get = await outsider.GetAsync(url);
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)get.StatusCode}");
        }

        foreach (var url in new[]
        {
            $"/structure/orientations/{referralId}/accepter", $"/structure/orientations/{referralId}/refuser", $"/structure/orientations/{referralId}/questions",
            $"/structure/orientations/{referralId}/inscription", $"/structure/orientations/{referralId}/financement",
            $"/structure/sessions/{sessionId}", $"/structure/sessions/{sessionId}/demarrer", $"/structure/sessions/{sessionId}/terminer", $"/structure/sessions/{sessionId}/inscriptions",
            $"/structure/sessions/{sessionId}/inscriptions/{enrolmentId}/jury", $"/structure/sessions/{sessionId}/inscriptions/{enrolmentId}/sortie", $"/structure/sessions/{sessionId}/inscriptions/{enrolmentId}/issue",
        })
        {
            using var content = new FormUrlEncodedContent([
                new("__RequestVerificationToken", token), new("reasonCode", "autre"), new("question", "x"), new("sessionId", sessionId.ToString()), new("referralId", referralId.ToString()),
                new("name", "x"), new("startsOn", "2027-01-01"), new("endsOn", "2027-02-01"), new("capacity", "3"), new("decision", "Selected"), new("leaveReason", "x"), new("outcome", "Go"), new("note", "x"),
                new("instrument", "CapCreationEss"), new("amountRequested", "5000"), new("study", "x")]);
            using var post = await outsider.Http.PostAsync(url, content);
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {url} answered {(int)post.StatusCode}");
        }

        Assert.Equal(before, await portal.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Steps.Count).SingleAsync()));
        Assert.Equal(EnrolmentStatus.Enrolled, await portal.WithDbAsync(db => db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.Status).SingleAsync()));
        Assert.Equal("Session de TAg29", await portal.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Name).SingleAsync()));
        using var inbox = await outsider.GetAsync("/structure");
        Assert.DoesNotContain("Projet de TAg29", await inbox.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Financing_UnderACapCreationProgrammeFiledUnderAnotherCategory_IsOfferedAndAccepted()
    {
        // One definition of a financing programme (by type): the page offered the form by type while the rule
        // refused by category, so a category changed by hand made the page offer a form the rule refused.
        using var fab = await portal.SignInAsync(Fixture.FranceActive);
        var (referralId, projectId, _) = await portal.ReferAsync("fab-cap-creation-ess", "Étude d'une recyclerie");
        await AcceptAsync(fab, referralId);
        await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == "fab-cap-creation-ess").ExecuteUpdateAsync(u => u.SetProperty(p => p.Category, Domain.Programmes.SupportCategory.Accompagnement)));
        try
        {
            var page = await fab.GetDocumentAsync($"/structure/orientations/{referralId}");
            Assert.NotNull(page.QuerySelector("#financer"));

            using var created = await fab.SubmitAsync(FormFor(page, "/financement"), new() { ["instrument"] = "CapCreationEss", ["amountRequested"] = "8000", ["study"] = "Étude de faisabilité de la recyclerie" });

            Assert.Equal("La demande de financement est enregistrée.", (await HtmlClient.ParseAsync(created)).Flash());
            Assert.True(await portal.WithDbAsync(db => db.FinancingApplications.AnyAsync(f => f.ProjectId == projectId)));
        }
        finally
        {
            await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == "fab-cap-creation-ess").ExecuteUpdateAsync(u => u.SetProperty(p => p.Category, Domain.Programmes.SupportCategory.Financement)));
        }
    }

    [Fact]
    public async Task Financing_TheProgrammesOwnBounds_AreShownOnTheForm_AndEnforced()
    {
        // The programme's amounts, which administrators edit, are the bounds in force (the settings are the defaults).
        using var fab = await portal.SignInAsync(Fixture.FranceActive);
        var (referralId, projectId, _) = await portal.ReferAsync("fab-cap-creation-ess", "Étude d'une conserverie");
        await AcceptAsync(fab, referralId);
        await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == "fab-cap-creation-ess").ExecuteUpdateAsync(u => u.SetProperty(p => p.MaxAmount, 15_000m)));
        try
        {
            var page = await fab.GetDocumentAsync($"/structure/orientations/{referralId}");
            var bounds = page.QuerySelector("[data-testid=financing-bounds]")!.TextContent;
            Assert.Contains("Cap création ESS : de 2\u202f000,00 € à 15\u202f000,00 €", bounds, StringComparison.Ordinal);
            Assert.Matches(@"Fonds de confiance : au plus 20\s000,00 €, soit 50\s%\sà 70\s%\sdu coût de l'étude", bounds);

            using var over = await fab.SubmitAsync(FormFor(page, "/financement"), new() { ["instrument"] = "CapCreationEss", ["amountRequested"] = "16000", ["study"] = "Étude de la conserverie" });
            Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
            Assert.False(await portal.WithDbAsync(db => db.FinancingApplications.AnyAsync(f => f.ProjectId == projectId)));

            using var within = await fab.SubmitAsync(FormFor(page, "/financement"), new() { ["instrument"] = "CapCreationEss", ["amountRequested"] = "15000", ["study"] = "Étude de la conserverie" });
            Assert.Equal("La demande de financement est enregistrée.", (await HtmlClient.ParseAsync(within)).Flash());
        }
        finally
        {
            await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == "fab-cap-creation-ess").ExecuteUpdateAsync(u => u.SetProperty(p => p.MaxAmount, (decimal?)null)));
        }
    }

    [Fact]
    public async Task Accept_AfterAQuestion_RecordsTheStatusItLeft_InFrench()
    {
        // The audit line of an acceptance said "Proposed → Accepted", in English, whatever the status it left.
        using var tag = await portal.SignInAsync(Fixture.Tag29);
        var (referralId, projectId, _) = await portal.ReferAsync("tag29-ideateur", "Projet questionné puis accepté");
        var page = await tag.GetDocumentAsync($"/structure/orientations/{referralId}");
        using var _ = await tag.SubmitAsync(FormFor(page, "/questions"), new() { ["question"] = "Combien êtes-vous ?" });

        await AcceptAsync(tag, referralId);

        var line = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == projectId && a.Action == "Orientation acceptée"));
        Assert.EndsWith($"{Referral.Label(ReferralStatus.InformationRequested)} → {Referral.Label(ReferralStatus.Accepted)}", line.Changes, StringComparison.Ordinal);
    }

    public sealed class Fixture : PoleWorkspaceTests.Fixture
    {
        public const string Tag29 = "structure-tag29@exemple.test";
        public const string Tag35 = "structure-tag35@exemple.test";
        public const string FranceActive = "structure-fab@exemple.test";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(Tag29, Roles.StructureStaff, structureCode: "tag29");
            await CreateUserAsync(Tag35, Roles.StructureStaff, structureCode: "tag35");
            await CreateUserAsync(FranceActive, Roles.StructureStaff, structureCode: "france-active-bretagne");
        }

        /// <summary>A welcomed project of the Morlaix pôle, referred (proposed) to a programme, with the porteurs' consent.</summary>
        public async Task<(Guid ReferralId, Guid ProjectId, string PorteurEmail)> ReferAsync(string programmeCode, string title)
        {
            var (projectId, email) = await SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", title, welcomed: true, sharingConsent: true);
            var referralId = await WithDbAsync(async db =>
            {
                var project = await db.Projects.SingleAsync(p => p.Id == projectId);
                var programme = await db.Programmes.SingleAsync(p => p.Code == programmeCode);
                var staff = await db.Users.Where(u => u.Email == Morlaix).Select(u => u.Id).SingleAsync();
                var referral = Referral.Create(project.SharedWith(programme), programme, [], project.PoleId!.Value, staff, "Merci d'étudier ce projet", DateTimeOffset.UtcNow);
                db.Referrals.Add(referral);
                db.DiscardDomainEvents();
                await db.SaveChangesAsync();
                return referral.Id;
            });
            return (referralId, projectId, email);
        }
    }
}
