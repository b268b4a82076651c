using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Audit;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Web.Startup;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.PageForms;

namespace TrajectoirEss.Web.Tests;

public sealed class PoleWorkspaceTests(PoleWorkspaceTests.Fixture portal) : IClassFixture<PoleWorkspaceTests.Fixture>
{
    [Fact]
    public async Task Inbox_ListsOnlyThePolesProjects_WithCountsPerStatus()
    {
        var mine = await portal.SeedProjectAsync("adess-du-pays-de-morlaix", "Conserverie de la baie");
        var theirs = await portal.SeedProjectAsync("reso-solidaire", "Garage solidaire rennais");
        using var client = await portal.SignInAsync(Fixture.Morlaix);

        var inbox = await client.GetDocumentAsync("/pole");

        Assert.Contains("Conserverie de la baie", inbox.QuerySelector("[data-testid=inbox]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Garage solidaire rennais", inbox.MainText(), StringComparison.Ordinal);
        Assert.Contains("Déposé, en attente d'accueil", inbox.QuerySelector("[data-testid=status-counts]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(mine, theirs);
    }

    [Theory]
    [InlineData("epiceries")]
    [InlineData("ÉPICERIE")]
    [InlineData("kerdraon")]
    [InlineData("Kérdraon")]
    public async Task Inbox_Search_UsesFrenchStemmingAndIgnoresAccents(string query)
    {
        await portal.SeedProjectAsync("adess-du-pays-de-morlaix", "Épicerie ambulante des monts d'Arrée", ownerName: "Maëlys Kerdraon");
        using var client = await portal.SignInAsync(Fixture.Morlaix);

        var page = await client.GetDocumentAsync("/pole?q=" + Uri.EscapeDataString(query));

        Assert.Contains("Épicerie ambulante des monts d'Arrée", page.QuerySelector("[data-testid=inbox]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_FilterForm_ShowsTheFiltersInUse()
    {
        using var client = await portal.SignInAsync(Fixture.Morlaix);

        var page = await client.GetDocumentAsync("/pole?status=Welcomed&need=Financement&waiting=true&q=%3Cb%3Ecidre");

        // Plain <option> elements (no tag helper): Razor writes selected="selected" for true and drops it for false.
        var status = page.QuerySelectorAll("#status option").Cast<IHtmlOptionElement>().ToList();
        Assert.Equal(["Welcomed"], status.Where(o => o.HasAttribute("selected")).Select(o => o.Value));
        Assert.Equal("selected", status.Single(o => o.Value == "Welcomed").GetAttribute("selected"));
        var needs = page.QuerySelectorAll("#need option").Cast<IHtmlOptionElement>();
        Assert.Equal(["Financement"], needs.Where(o => o.HasAttribute("selected")).Select(o => o.Value));
        Assert.Empty(page.QuerySelectorAll("#stage option[selected], #sector option[selected], #referent option[selected]"));
        Assert.True(((IHtmlInputElement)page.QuerySelector("#waiting")!).IsChecked);
        Assert.Equal("<b>cidre", ((IHtmlInputElement)page.QuerySelector("#q")!).Value);
    }

    [Fact]
    public async Task Forms_TakeWhatTheDomainAccepts()
    {
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet aux champs mesurés", welcomed: true);
        using var client = await portal.SignInAsync(Fixture.Morlaix);

        var inbox = await client.GetDocumentAsync("/pole");
        Assert.Equal(SearchText.MaxLength, inbox.MaxLength("#q"));

        var file = await client.GetDocumentAsync($"/pole/projets/{projectId}");
        Assert.Equal(TrajectoryStep.ReasonMaxLength, file.MaxLength("#pauseReason"));
        Assert.Equal(ProjectMessage.BodyMaxLength, file.MaxLength("#body"));
        Assert.Equal(InternalNote.BodyMaxLength, file.MaxLength("#note"));

        var close = await client.GetDocumentAsync($"/pole/projets/{projectId}/clore");
        Assert.Equal(ListItem.DetailsMaxLength(Project.ClosingReasonMaxLength), close.MaxLength("#details"));
        Assert.Equal(Siret.WrittenMaxLength, close.MaxLength("#siret"));

        var transfer = await client.GetDocumentAsync($"/pole/projets/{projectId}/transferer");
        Assert.Equal(TrajectoryStep.ReasonMaxLength, transfer.MaxLength("#transfer-reason"));
    }

    [Fact]
    public async Task Inbox_FlagsProjectsWaitingTooLongForAFirstContact()
    {
        await portal.SeedProjectAsync("adess-du-pays-de-morlaix", "Projet oublié", submittedDaysAgo: 15);
        using var client = await portal.SignInAsync(Fixture.Morlaix);

        var page = await client.GetDocumentAsync("/pole?waiting=true");

        Assert.NotNull(page.QuerySelector("[data-testid=late-alert]"));
        var row = page.QuerySelectorAll("[data-testid=inbox] tr").Single(r => r.TextContent.Contains("Projet oublié", StringComparison.Ordinal));
        Assert.Contains("en attente depuis 15 jours", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_NamesTheCommune_AndTheReferent_EvenOneWhoLeftThePolesStaff()
    {
        var staying = await portal.SeedProjectAsync("adess-du-pays-de-morlaix", "Recyclerie du Dourduff");
        var orphaned = await portal.SeedProjectAsync("adess-du-pays-de-morlaix", "Atelier vélo de Plourin");
        var leaving = await portal.CreateUserAsync($"staff-{Guid.NewGuid():N}@exemple.test", Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
        await portal.WithDbAsync(async db =>
        {
            var colleagueEmail = Fixture.Morlaix2.ToUpperInvariant();
            var colleague = await db.Users.SingleAsync(u => u.NormalizedEmail == colleagueEmail);
            var left = await db.Users.SingleAsync(u => u.Id == leaving.Id);
            colleague.DisplayName = "Annaïg Le Gall";
            left.DisplayName = "Yann Quéré";
            left.IsDisabled = true;
            (await db.Projects.SingleAsync(p => p.Id == staying)).AssignReferent(colleague.Id, Guid.Empty, DateTimeOffset.UtcNow);
            (await db.Projects.SingleAsync(p => p.Id == orphaned)).AssignReferent(left.Id, Guid.Empty, DateTimeOffset.UtcNow);
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
        using var client = await portal.SignInAsync(Fixture.Morlaix);

        var page = await client.GetDocumentAsync("/pole?q=" + Uri.EscapeDataString("Dourduff or Plourin"));

        string Row(string title) => page.QuerySelectorAll("[data-testid=inbox] tbody tr").Single(r => r.TextContent.Contains(title, StringComparison.Ordinal)).TextContent;
        Assert.Contains("Morlaix", Row("Recyclerie du Dourduff"), StringComparison.Ordinal);
        Assert.Contains("Annaïg Le Gall", Row("Recyclerie du Dourduff"), StringComparison.Ordinal);
        Assert.Contains("Yann Quéré", Row("Atelier vélo de Plourin"), StringComparison.Ordinal);
        // A disabled account is not offered as a référent any more.
        Assert.DoesNotContain(page.QuerySelectorAll("select[name=referent] option"), o => o.TextContent.Contains("Yann Quéré", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inbox_PagesLongLists()
    {
        for (var i = 0; i < 27; i++)
        {
            await portal.SeedProjectAsync("pole-ess-centre-bretagne", $"Projet paginé {i:00}");
        }

        using var client = await portal.SignInAsync(Fixture.CentreBretagne);
        var first = await client.GetDocumentAsync("/pole?q=pagin%C3%A9");
        var second = await client.GetDocumentAsync("/pole?q=pagin%C3%A9&page=2");

        Assert.Equal(25, first.QuerySelectorAll("[data-testid=inbox] tbody tr").Length);
        Assert.Equal(2, second.QuerySelectorAll("[data-testid=inbox] tbody tr").Length);
        Assert.Contains("Page 2 sur 2", second.QuerySelector("[data-testid=paging]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/pole?status=PasUnStatut")]
    [InlineData("/pole?from=2026-13-45")]
    [InlineData("/pole?page=-4")]
    public async Task Inbox_WithInvalidFilters_Answers400(string url)
    {
        using var client = await portal.SignInAsync(Fixture.Morlaix);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Welcome_Qualify_Referent_Transfer_Close_AreRecordedInTrajectoryAndAudit()
    {
        var (projectId, porteurEmail) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Tiers-lieu du Trégor");
        using var morlaix = await portal.SignInAsync(Fixture.Morlaix);
        var file = await morlaix.GetDocumentAsync($"/pole/projets/{projectId}");

        // First meeting: the welcome.
        var welcomed = await HtmlClient.ParseAsync(await morlaix.SubmitAsync(FormFor(file, "/rendez-vous"), new()
        {
            ["Date et heure"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Compte rendu"] = "Premier échange : collectif de 4 personnes, lieu repéré.",
        }));
        Assert.Equal("Le rendez-vous est noté.", welcomed.Flash());
        Assert.Equal("Accueilli par le pôle", welcomed.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Contains("Accueil par le pôle ESS", welcomed.QuerySelector("[data-testid=trajectory]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == porteurEmail && m.Subject == "Votre projet est accueilli");

        // Qualification and référent.
        var qualified = await HtmlClient.ParseAsync(await morlaix.SubmitAsync(FormFor(welcomed, "/qualifier"), new() { ["stage"] = "EtudeOpportunite", ["sector"] = "culture", ["needs"] = "Financement" }));
        Assert.Equal("Étude d'opportunité", qualified.QuerySelector("[data-testid=stage]")!.TextContent.Trim());
        var staffId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == Fixture.Morlaix).Select(u => u.Id).SingleAsync());
        var withReferent = await HtmlClient.ParseAsync(await morlaix.SubmitAsync(FormFor(qualified, "/referent"), new() { ["referentId"] = staffId.ToString() }));
        Assert.Equal("Le référent est enregistré.", withReferent.Flash());

        // Transfer to Rennes: Morlaix loses access, Rennes is told and takes over.
        var rennesPole = await portal.WithDbAsync(db => db.Poles.Where(p => p.Code == "reso-solidaire").Select(p => p.Id).SingleAsync());
        Assert.NotNull(withReferent.QuerySelector($"a[href='/pole/projets/{projectId}/transferer']"));
        var transferPage = await morlaix.GetDocumentAsync($"/pole/projets/{projectId}/transferer");
        using var transferred = await morlaix.SubmitAsync(FormFor(transferPage, "/transferer"), new() { ["toPoleId"] = rennesPole.ToString(), ["Motif"] = "Le collectif s'installe à Rennes." });
        Assert.Equal("/pole", transferred.RequestMessage!.RequestUri!.AbsolutePath);
        using var lost = await morlaix.GetAsync($"/pole/projets/{projectId}");
        Assert.Equal(HttpStatusCode.NotFound, lost.StatusCode);
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == Fixture.Rennes && m.Subject == "Un projet vous a été transféré");

        using var rennes = await portal.SignInAsync(Fixture.Rennes);
        var rennesFile = await rennes.GetDocumentAsync($"/pole/projets/{projectId}");
        Assert.Contains("Transfert vers un autre pôle", rennesFile.QuerySelector("[data-testid=trajectory]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(rennesFile.QuerySelector($"a[href='/pole/projets/{projectId}/clore']"));
        var closePage = await rennes.GetDocumentAsync($"/pole/projets/{projectId}/clore");
        var closed = await HtmlClient.ParseAsync(await rennes.SubmitAsync(FormFor(closePage, "/clore"), new() { ["outcome"] = "Abandoned", ["reasonCode"] = "financement", ["Précisions"] = "Pas de local abordable." }));
        Assert.Equal("Clos — Abandonné", closed.QuerySelector("[data-testid=status]")!.TextContent.Trim());

        // The openings of the file are in the journal on request ("Afficher les consultations"), the changes always.
        var withOpenings = await rennes.GetDocumentAsync($"/pole/projets/{projectId}?consultations=true");
        Assert.Contains("Fiche consultée", withOpenings.QuerySelector("[data-testid=audit]")!.TextContent, StringComparison.Ordinal);
        var audit = closed.QuerySelector("[data-testid=audit]")!.TextContent;
        Assert.DoesNotContain("Fiche consultée", audit, StringComparison.Ordinal);
        foreach (var action in new[] { "Rendez-vous noté", "Projet qualifié", "Référent désigné", "Projet transféré", "Projet clos" })
        {
            Assert.Contains(action, audit, StringComparison.Ordinal);
        }

        Assert.Contains("Stade : Idée → Étude d'opportunité", audit, StringComparison.Ordinal);
        // The journal speaks French: labels, not codes or enum names (issue 19: "commerce → services-personnes").
        Assert.Contains("Secteur : Commerce → Culture", audit, StringComparison.Ordinal);
        Assert.Contains("Besoins : Être accompagné → Trouver un financement", audit, StringComparison.Ordinal);
        Assert.Contains("Pôle : ADESS du Pays de Morlaix → Réso solidaire", audit, StringComparison.Ordinal);
        var steps = await portal.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Steps.Count).SingleAsync());
        Assert.Equal(4, steps);
    }

    [Fact]
    public async Task TransferAndClosing_HaveTheirOwnPages_KeepingWhatWasTyped_AndAClosedProjectSendsBackToItsFile()
    {
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Atelier vélo solidaire", welcomed: true);
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        Assert.Empty(file.QuerySelectorAll("form[action$='/transferer'], form[action$='/clore'], #toPoleId, #reasonCode"));

        var transfer = await staff.GetDocumentAsync($"/pole/projets/{projectId}/transferer");
        Assert.Contains("Atelier vélo solidaire", transfer.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using (var refused = await staff.SubmitAsync(FormFor(transfer, "/transferer"), new() { ["Motif"] = "Le collectif déménage." }))
        {
            var again = await HtmlClient.ParseAsync(refused);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Choisissez le pôle qui reprend le projet.", again.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Le collectif déménage.", again.QuerySelector("#transfer-reason")!.TextContent);
        }

        var close = await staff.GetDocumentAsync($"/pole/projets/{projectId}/clore");
        using var closing = await staff.SubmitAsync(FormFor(close, "/clore"), new() { ["outcome"] = "Abandoned", ["reasonCode"] = "financement" });
        Assert.Equal($"/pole/projets/{projectId}", closing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Le projet est clos.", (await HtmlClient.ParseAsync(closing)).Flash());

        // Nothing left to transfer or close: both pages send back to the file.
        using var afterwards = await staff.GetAsync($"/pole/projets/{projectId}/clore");
        Assert.Equal($"/pole/projets/{projectId}", afterwards.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Close_AsCreated_ChecksTheSiretAndRecordsTheCompany()
    {
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Scic de la baie", welcomed: true);
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}/clore");
        var values = new Dictionary<string, string>
        {
            ["outcome"] = "Created",
            ["reasonCode"] = "entreprise-creee",
            ["companyLegalForm"] = "scic",
            ["Date de création"] = "2026-06-15",
            ["SIRET (facultatif)"] = "732 829 320 00075",
        };

        using var refused = await staff.SubmitAsync(FormFor(file, "/clore"), values);
        var page = await HtmlClient.ParseAsync(refused);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("SIRET n'est pas valide", page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("732 829 320 00075", ((IHtmlInputElement)page.QuerySelector("#siret")!).Value);

        values["SIRET (facultatif)"] = "732 829 320 00074";
        var closed = await HtmlClient.ParseAsync(await staff.SubmitAsync(FormFor(page, "/clore"), values));
        Assert.Equal("Clos — Entreprise créée", closed.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Equal("73282932000074", project.Siret);
        Assert.Equal(new DateOnly(2026, 6, 15), project.CompanyCreatedOn);
        Assert.Equal("scic", project.CompanyLegalFormCode);
    }

    [Fact]
    public async Task Pause_NeedsAReason_ThenResume()
    {
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet en sommeil", welcomed: true);
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");

        using var refused = await staff.SubmitAsync(FormFor(file, "/pause"), new() { ["Motif de la pause"] = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var paused = await HtmlClient.ParseAsync(await staff.SubmitAsync(FormFor(file, "/pause"), new() { ["Motif de la pause"] = "Recherche de local en cours" }));
        Assert.Equal("En pause", paused.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        var resumed = await HtmlClient.ParseAsync(await staff.SubmitAsync(FormFor(paused, "/reprise"), []));

        Assert.Equal("Le projet reprend.", resumed.Flash());
        Assert.Equal("Accueilli par le pôle", resumed.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        var trajectory = resumed.QuerySelector("[data-testid=trajectory]")!.TextContent;
        Assert.Contains("Projet mis en pause", trajectory, StringComparison.Ordinal);
        Assert.Contains("Reprise du projet", trajectory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qualify_TwoStaffAtOnce_TheSecondIsToldAndKeepsWhatTheyTyped()
    {
        var projectId = await portal.SeedProjectAsync("adess-du-pays-de-morlaix", "Projet disputé");
        using var first = await portal.SignInAsync(Fixture.Morlaix);
        using var second = await portal.SignInAsync(Fixture.Morlaix2);
        var firstFile = await first.GetDocumentAsync($"/pole/projets/{projectId}");
        var secondFile = await second.GetDocumentAsync($"/pole/projets/{projectId}");

        using var saved = await first.SubmitAsync(FormFor(firstFile, "/qualifier"), new() { ["stage"] = "Emergence", ["sector"] = "commerce", ["needs"] = "Formation" });
        using var conflict = await second.SubmitAsync(FormFor(secondFile, "/qualifier"), new() { ["stage"] = "EtudeFaisabilite", ["sector"] = "energie", ["needs"] = "Financement" });
        var page = await HtmlClient.ParseAsync(conflict);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Quelqu'un d'autre a modifié ce projet", page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Émergence (idéation)", page.QuerySelector("[data-testid=stage]")!.TextContent.Trim());
        var form = FormFor(page, "/qualifier");
        Assert.Equal("EtudeFaisabilite", ((IHtmlSelectElement)form.QuerySelector("#stage")!).Value);
        Assert.Equal("energie", ((IHtmlSelectElement)form.QuerySelector("#sector-q")!).Value);
        var stored = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Equal(ProjectStage.Emergence, stored.Stage);
    }

    [Fact]
    public async Task ARefusedAction_ShowsTheFileAgain_WithWhatWasTyped_AndTheQualificationAsStored()
    {
        // Issue 19: after a refused action elsewhere on the file, the qualification's needs were shown unticked
        // (the posted form has no "needs"); they are the project's, as stored (the seed's: support only).
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet sans partage", welcomed: true, sharingConsent: false);
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        var programme = ((IHtmlSelectElement)file.QuerySelector("#programmeId")!).Options.First(o => o.Value.Length > 0).Value;

        using var refused = await staff.SubmitAsync(FormFor(file, "/orientations"), new() { ["programmeId"] = programme, ["Message à la structure"] = "Un projet pour votre incubateur." });
        var page = await HtmlClient.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Referral.NoSharingMessage, page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(programme, ((IHtmlSelectElement)page.QuerySelector("#programmeId")!).Value);
        Assert.Equal("Un projet pour votre incubateur.", page.QuerySelector("#referral-message")!.TextContent);
        Assert.True(((IHtmlInputElement)page.QuerySelector("#need-Accompagnement")!).IsChecked);
        Assert.False(((IHtmlInputElement)page.QuerySelector("#need-Financement")!).IsChecked);
        Assert.Equal("Idee", ((IHtmlSelectElement)page.QuerySelector("#stage")!).Value);
        Assert.False(await portal.WithDbAsync(db => db.Referrals.AnyAsync(r => r.ProjectId == projectId)));

        // The qualification refused in turn keeps the needs as ticked, not as stored.
        using var unqualified = await staff.SubmitAsync(FormFor(page, "/qualifier"), new() { ["stage"] = string.Empty, ["needs"] = "Financement" });
        var again = await HtmlClient.ParseAsync(unqualified);
        Assert.Equal(HttpStatusCode.BadRequest, unqualified.StatusCode);
        Assert.True(((IHtmlInputElement)again.QuerySelector("#need-Financement")!).IsChecked);
        Assert.False(((IHtmlInputElement)again.QuerySelector("#need-Accompagnement")!).IsChecked);
    }

    [Fact]
    public async Task AMissingInput_IsShownBesideItsField_AnUnreadableValueAtTheTop_AndNothingIsWritten()
    {
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet aux formulaires incomplets", welcomed: true, sharingConsent: true);
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");

        async Task<IHtmlDocument> RefusedAsync(IHtmlDocument page, string action, Dictionary<string, string> values)
        {
            using var response = await staff.SubmitAsync(FormFor(page, action), values);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await HtmlClient.ParseAsync(response);
        }

        var noDate = await RefusedAsync(file, "/rendez-vous", new() { ["Date et heure"] = string.Empty, ["Compte rendu"] = "Premier rendez-vous." });
        Assert.Equal("Indiquez la date et le type du rendez-vous.", noDate.ErrorFor("heldAt"));
        Assert.Contains("Indiquez la date et le type du rendez-vous.", noDate.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Premier rendez-vous.", noDate.QuerySelector("#summary")!.TextContent);

        var badDate = await RefusedAsync(file, "/rendez-vous", new() { ["Date et heure"] = "le 4 mars", ["Compte rendu"] = "Premier rendez-vous." });
        Assert.Contains("Une des valeurs envoyées n'est pas valide : vérifiez le formulaire.", badDate.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("La valeur saisie n'est pas valide.", badDate.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("le 4 mars", badDate.QuerySelector("#heldAt")!.GetAttribute("value"));

        var noStage = await RefusedAsync(file, "/qualifier", new() { ["stage"] = string.Empty });
        Assert.Equal("Indiquez le stade du projet.", noStage.ErrorFor("stage"));
        var noProgramme = await RefusedAsync(file, "/orientations", new() { ["programmeId"] = string.Empty, ["Message à la structure"] = "À orienter." });
        Assert.Equal("Choisissez un programme de la liste.", noProgramme.ErrorFor("programmeId"));
        Assert.Equal("À orienter.", noProgramme.QuerySelector("#referral-message")!.TextContent);

        var transfer = await staff.GetDocumentAsync($"/pole/projets/{projectId}/transferer");
        var noPole = await RefusedAsync(transfer, "/transferer", new() { ["Motif"] = "Le collectif déménage." });
        Assert.Equal("Choisissez le pôle qui reprend le projet.", noPole.ErrorFor("toPoleId"));
        var close = await staff.GetDocumentAsync($"/pole/projets/{projectId}/clore");
        var noOutcome = await RefusedAsync(close, "/clore", new() { ["reasonCode"] = "financement", ["Précisions"] = "Sans suite." });
        Assert.Equal("Indiquez l'issue du projet.", noOutcome.ErrorFor("outcome"));
        Assert.Equal("Sans suite.", noOutcome.QuerySelector("#details")!.TextContent);

        var stored = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Equal(ProjectStatus.Welcomed, stored.Status);
        Assert.Equal(ProjectStage.Idee, stored.Stage);
        Assert.False(await portal.WithDbAsync(db => db.Meetings.AnyAsync(m => m.ProjectId == projectId)));
        Assert.False(await portal.WithDbAsync(db => db.Referrals.AnyAsync(r => r.ProjectId == projectId)));
    }

    [Fact]
    public async Task AskingForInformation_ReachesTheThreadAndTheTrajectory()
    {
        var (projectId, porteurEmail) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet à préciser", welcomed: true);
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");

        var page = await HtmlClient.ParseAsync(await staff.SubmitAsync(FormFor(file, "/messages"), new()
        {
            ["Écrire aux porteurs"] = "Pouvez-vous nous envoyer votre budget prévisionnel ?",
            ["asksForInformation"] = "true",
        }));

        Assert.Equal("Votre message a été envoyé aux porteurs.", page.Flash());
        Assert.Contains("Informations demandées par le pôle", page.QuerySelector("[data-testid=trajectory]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == porteurEmail && m.Subject == "Nouveau message de votre pôle ESS");
        using var porteur = await portal.SignInAsync(porteurEmail);
        var porteurPage = await porteur.GetDocumentAsync($"/porteur/projets/{projectId}");
        Assert.Contains("budget prévisionnel", porteurPage.QuerySelector("[data-testid=messages]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InternalNotes_AreNeverShownToPorteurs()
    {
        var (projectId, porteurEmail) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet avec note");
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        var noted = await HtmlClient.ParseAsync(await staff.SubmitAsync(FormFor(file, "/notes"), new() { ["Nouvelle note interne"] = "Note confidentielle : dossier fragile." }));
        Assert.Contains("Note confidentielle", noted.QuerySelector("[data-testid=notes]")!.TextContent, StringComparison.Ordinal);

        using var porteur = await portal.SignInAsync(porteurEmail);
        using var page = await porteur.GetAsync($"/porteur/projets/{projectId}");
        using var export = await porteur.GetAsync("/porteur/mes-donnees/export");

        Assert.DoesNotContain("Note confidentielle", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Note confidentielle", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherPolesProject_AnswersNotFoundThroughEveryRoute_AndChangesNothing()
    {
        var projectId = await portal.SeedProjectAsync("adess-du-pays-de-morlaix", "Projet de Morlaix");
        var referralId = await portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            var programme = await db.Programmes.SingleAsync(p => p.Code == "tag29-ideateur");
            project.Welcome(Guid.Empty, DateTimeOffset.UtcNow);
            var referral = Referral.Create(project.SharedWith(programme), programme, [], project.PoleId!.Value, Guid.Empty, null, DateTimeOffset.UtcNow);
            db.Referrals.Add(referral);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            return referral.Id;
        });
        var before = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        var routes = new[] { "rendez-vous", "notes", "messages", "qualifier", "referent", "transferer", "clore", "rouvrir", "pause", "reprise", "orientations", $"orientations/{referralId}/relancer", $"orientations/{referralId}/retirer" };

        foreach (var outsider in new[] { Fixture.Rennes, Fixture.Brest })
        {
            using var client = await portal.SignInAsync(outsider);
            var token = ((IHtmlInputElement)(await client.GetDocumentAsync("/compte/connexion")).QuerySelector("input[name=__RequestVerificationToken]")!).Value;
            using var get = await client.GetAsync($"/pole/projets/{projectId}");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);

            foreach (var route in routes)
            {
                using var content = new FormUrlEncodedContent([
                    new("__RequestVerificationToken", token), new("heldAt", "2026-03-04T10:30"), new("kind", "FirstWelcome"), new("summary", "x"),
                    new("note", "x"), new("body", "x"), new("stage", "Idee"), new("sector", "commerce"), new("needs", "Formation"), new("version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new("toPoleId", Guid.NewGuid().ToString()), new("reason", "x"), new("outcome", "Abandoned"), new("reasonCode", "autre"),
                    new("programmeId", Guid.NewGuid().ToString()), new("withdrawReason", "x"), new("pauseReason", "x")]);
                using var post = await client.Http.PostAsync($"/pole/projets/{projectId}/{route}", content);
                Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"{outsider} POST {route} answered {(int)post.StatusCode}");
            }
        }

        var after = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(ProjectStatus.Welcomed, after.Status);
        Assert.Equal(ReferralStatus.Proposed, await portal.WithDbAsync(db => db.Referrals.Where(r => r.Id == referralId).Select(r => r.Status).SingleAsync()));
        Assert.False(await portal.WithDbAsync(db => db.Meetings.AnyAsync(m => m.ProjectId == projectId)));
        Assert.False(await portal.WithDbAsync(db => db.InternalNotes.AnyAsync(n => n.ProjectId == projectId)));
        Assert.False(await portal.WithDbAsync(db => db.ProjectMessages.AnyAsync(m => m.ProjectId == projectId)));
    }

    [Fact]
    public async Task InboxDateFilter_CountsDaysInParisTime()
    {
        // Submitted on 10 March 2026 at 23:30 UTC: 11 March at 00:30 in Paris.
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet déposé après minuit");
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE projects SET submitted_at = '2026-03-10T23:30:00Z' WHERE id = {projectId}"));
        using var morlaix = await portal.SignInAsync(Fixture.Morlaix);

        var on11 = await morlaix.GetDocumentAsync("/pole?from=2026-03-11&to=2026-03-11");
        var on10 = await morlaix.GetDocumentAsync("/pole?from=2026-03-10&to=2026-03-10");

        Assert.Contains("Projet déposé après minuit", on11.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Projet déposé après minuit", on10.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileJournal_IsPaged_ByTheWorkspacePageSize()
    {
        var pageSize = portal.Services.GetRequiredService<IOptions<WorkspaceOptions>>().Value.PageSize;
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet très consulté");
        var staffId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == Fixture.Morlaix).Select(u => u.Id).SingleAsync());
        await portal.WithDbAsync(async db =>
        {
            var start = DateTimeOffset.UtcNow.AddDays(-10);
            for (var i = 0; i < pageSize + 20; i++)
            {
                db.AccessLog.Add(new AccessLogEntry(Guid.CreateVersion7(), start.AddMinutes(i), staffId, "Project", projectId));
            }

            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });
        using var morlaix = await portal.SignInAsync(Fixture.Morlaix);

        // A page and 20 openings written, plus this one: a full first page, the other 21 on the second (the openings are shown on request).
        var first = await morlaix.GetDocumentAsync($"/pole/projets/{projectId}?consultations=true");
        Assert.Equal(pageSize, first.QuerySelectorAll("[data-testid=audit] li").Length);
        var older = first.QuerySelector("[data-testid=audit-older]")!.GetAttribute("href")!;
        var second = await morlaix.GetDocumentAsync(older);
        Assert.InRange(second.QuerySelectorAll("[data-testid=audit] li").Length, 21, 22);
        Assert.Null(second.QuerySelector("[data-testid=audit-older]"));

        // A page number out of range shows the nearest page; something else is a 400 with a message, and writes nothing.
        foreach (var journal in new[] { "0", "-3", "999999" })
        {
            using var response = await morlaix.GetAsync($"/pole/projets/{projectId}?journal={journal}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var openings = await portal.WithDbAsync(db => db.AccessLog.CountAsync(a => a.EntityId == projectId));
        using var refused = await morlaix.GetAsync($"/pole/projets/{projectId}?journal=abc");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("La page du journal demandée n'est pas valide", (await HtmlClient.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(openings, await portal.WithDbAsync(db => db.AccessLog.CountAsync(a => a.EntityId == projectId)));
    }

    [Fact]
    public async Task ADraft_IsNotVisibleToThePole()
    {
        var ownerEmail = $"brouillon-{Guid.NewGuid():N}@exemple.test";
        var owner = await portal.CreateUserAsync(ownerEmail, Roles.Porteur);
        var draft = Project.CreateDraft(Guid.CreateVersion7(), owner.Id, new ProjectDetails("Brouillon secret", null, null, ProjectOrigin.PorteurIdea, null, null, null, "29151", SupportNeeds.None, null, null), DateTimeOffset.UtcNow);
        await portal.WithDbAsync(db => { db.Projects.Add(draft); return db.SaveChangesAsync(); });
        using var client = await portal.SignInAsync(Fixture.Morlaix);

        using var response = await client.GetAsync($"/pole/projets/{draft.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Inbox_AProjectWaitingTenAndAHalfDays_IsBothCountedAndFlagged()
    {
        // One definition of a late first contact (FirstContact): the count used "submitted before now − 10 days",
        // each row "more than 10 whole days", so a project waiting 10.5 days was counted but not flagged.
        using var client = await portal.SignInAsync(Fixture.CentreBretagne);
        static int LateCount(IHtmlDocument page) =>
            page.QuerySelector("[data-testid=late-alert] a") is { } link ? int.Parse(link.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var before = LateCount(await client.GetDocumentAsync("/pole"));

        await portal.SeedProjectAsync("pole-ess-centre-bretagne", "Cidrerie à dix jours et demi", submittedDaysAgo: 10.5);
        await portal.SeedProjectAsync("pole-ess-centre-bretagne", "Cidrerie à neuf jours et demi", submittedDaysAgo: 9.5);
        var page = await client.GetDocumentAsync("/pole?waiting=true&q=cidrerie");

        Assert.Equal(before + 1, LateCount(page));
        var rows = page.QuerySelectorAll("[data-testid=inbox] tr");
        Assert.NotNull(rows.Single(r => r.TextContent.Contains("Cidrerie à dix jours et demi", StringComparison.Ordinal)).QuerySelector("[data-testid=late]"));
        Assert.Null(rows.Single(r => r.TextContent.Contains("Cidrerie à neuf jours et demi", StringComparison.Ordinal)).QuerySelector("[data-testid=late]"));
    }

    [Fact]
    public async Task PorteurMessage_GoesToThePolesStaff_NotToAnotherRoleAttachedToThePole()
    {
        // "The pôle's staff" had three definitions in Notifier: some with the role, some any account with the pôle.
        var coordinator = $"coordination-{Guid.NewGuid():N}@exemple.test";
        await portal.CreateUserAsync(coordinator, Roles.Coordinator, poleCode: "adess-du-pays-de-morlaix");
        var (projectId, ownerEmail) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet qui écrit au pôle");
        var ownerId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == ownerEmail).Select(u => u.Id).SingleAsync());

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Areas.Porteur.Projects.PorteurProjects>().PostMessageAsync(ownerId, projectId, "Bonjour, où en est notre projet ?");
        }

        var told = portal.Emails().Where(m => m.Subject == "Nouveau message d'un porteur de projet").SelectMany(m => m.To.Mailboxes).Select(b => b.Address).ToList();
        Assert.Contains(Fixture.Morlaix, told);
        Assert.DoesNotContain(coordinator, told);
    }

    [Fact]
    public async Task APostedIdField_CannotTurnAnActionToAnotherRecord()
    {
        // Route values come from the route only (issue 19): a form field id=B posted to /pole/projets/A/notes wrote on B.
        var target = await portal.SeedProjectAsync("adess-du-pays-de-morlaix", "Projet de l'adresse");
        var other = await portal.SeedProjectAsync("adess-du-pays-de-morlaix", "Projet du champ id");
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{target}");
        var form = FormFor(file, "/notes");
        var forged = file.CreateElement("input");
        forged.SetAttribute("type", "hidden");
        forged.SetAttribute("name", "id");
        forged.SetAttribute("value", other.ToString());
        form.AppendChild(forged);

        using var _ = await staff.SubmitAsync(form, new() { ["Nouvelle note interne"] = "Note pour le projet de l'adresse" });

        var on = await portal.WithDbAsync(db => db.InternalNotes.AsNoTracking().Where(n => n.Body == "Note pour le projet de l'adresse").Select(n => n.ProjectId).ToListAsync());
        Assert.Equal([target], on);
    }

    [Fact]
    public async Task TheErrorPageOfAPost_TakesItsStatusFromTheRoute_NotFromTheForm()
    {
        using var http = portal.CreateClient();
        using var body = new FormUrlEncodedContent([new("code", "418")]);

        using var response = await http.PostAsync("/une-page-qui-n-existe-pas", body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("introuvable", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    public class Fixture : PortalFactory
    {
        public const string Morlaix = "staff-morlaix@exemple.test";
        public const string Morlaix2 = "staff-morlaix-2@exemple.test";
        public const string Rennes = "staff-rennes@exemple.test";
        public const string Brest = "staff-brest@exemple.test";
        public const string CentreBretagne = "staff-centre@exemple.test";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(Morlaix, Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
            await CreateUserAsync(Morlaix2, Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
            await CreateUserAsync(Rennes, Roles.PoleStaff, poleCode: "reso-solidaire");
            await CreateUserAsync(Brest, Roles.PoleStaff, poleCode: "adess-pays-de-brest");
            await CreateUserAsync(CentreBretagne, Roles.PoleStaff, poleCode: "pole-ess-centre-bretagne");
        }

        public async Task<Guid> SeedProjectAsync(string poleCode, string title, string ownerName = "Porteur Test", double submittedDaysAgo = 1) =>
            (await SeedProjectWithOwnerAsync(poleCode, title, ownerName, submittedDaysAgo)).ProjectId;

        /// <summary>A porteur and their submitted project, written directly (the porteur's forms are tested elsewhere).</summary>
        public async Task<(Guid ProjectId, string OwnerEmail)> SeedProjectWithOwnerAsync(string poleCode, string title, string ownerName = "Porteur Test", double submittedDaysAgo = 1, bool welcomed = false, bool sharingConsent = false)
        {
            var email = $"porteur-{Guid.NewGuid():N}@exemple.test";
            var owner = await CreateUserAsync(email, Roles.Porteur);
            var projectId = await WithDbAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.Id == owner.Id);
                user.DisplayName = ownerName;
                var pole = await db.Poles.Where(p => p.Code == poleCode).Select(p => p.Id).SingleAsync();
                var at = DateTimeOffset.UtcNow.AddDays(-submittedDaysAgo);
                var project = Project.CreateDraft(Guid.CreateVersion7(), owner.Id, new ProjectDetails(title, "Description du projet " + title, "Un besoin du territoire", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement, 2, null), at);
                project.Submit(owner.Id, pole, consentToProcessing: true, at);
                if (welcomed)
                {
                    project.Welcome(owner.Id, at.AddHours(1));
                }

                if (sharingConsent)
                {
                    project.SharedWith([.. await db.Structures.Where(s => s.IsActive).Select(s => s.Id).ToListAsync()]);
                }

                db.Projects.Add(project);
                db.DiscardDomainEvents();
                await db.SaveChangesAsync();
                return project.Id;
            });
            return (projectId, email);
        }
    }
}
