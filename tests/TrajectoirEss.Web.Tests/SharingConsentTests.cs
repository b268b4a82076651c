using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Web.Features.Projects;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.PageForms;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// Consent to share, per partner, at any time (issue 19, item 1): the porteurs choose on the recap before submitting and
/// on the project page; the pôle sees who is allowed and asks; a referral needs its structure's consent; a withdrawal
/// hides the project from that structure while its own records stay.
/// </summary>
public sealed class SharingConsentTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static int _counter;

    private static string NewEmail(string name) => $"{name}-{Interlocked.Increment(ref _counter)}@partage.test";

    private Task<Guid> StructureIdAsync(string code) => portal.WithDbAsync(db => db.Structures.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    private Task<Guid> ProgrammeIdAsync(string code) => portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    /// <summary>A porteur submits a complete idea in Morlaix through the forms, ticking <paramref name="shareWith"/> on the recap.</summary>
    private async Task<(HtmlClient Porteur, string Email, Guid ProjectId, HttpResponseMessage Submitted)> SubmitAsync(Guid? shareWith)
    {
        var email = NewEmail("porteur");
        await portal.CreateUserAsync(email, Roles.Porteur);
        var client = await portal.SignInAsync(email);
        var form = (await client.GetDocumentAsync("/porteur/projets/nouveau")).Form();
        using var review = await client.SubmitAsync(form, new()
        {
            ["Nom du projet"] = "Conserverie partagée",
            ["Summary"] = "Une conserverie coopérative de légumes locaux.",
            ["SocialNeed"] = "Les maraîchers perdent leurs invendus.",
            ["Commune"] = "Morlaix",
            ["PeopleCount"] = "3",
            ["SectorCode"] = "commerce",
            ["LegalFormCode"] = "association",
            ["Stage"] = "Idee",
            ["NeedAccompagnement"] = "true",
            ["HeardFrom"] = "pole-ess",
            ["ConsentProcessing"] = "true",
            ["intent"] = "deposer",
        });
        var recap = await HtmlClient.ParseAsync(review);
        Assert.Equal("Déposer mon projet", recap.QuerySelector("h1")!.TextContent.Trim());
        Assert.All(recap.QuerySelectorAll("input[name=structures]").Cast<IHtmlInputElement>(), box => Assert.False(box.IsChecked));
        var submitted = await client.SubmitAsync(FormFor(recap, "/depot"), shareWith is { } id ? new() { [SharingChoices.Field] = id.ToString() } : []);
        var projectId = Guid.Parse(submitted.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[3]);
        return (client, email, projectId, submitted);
    }

    private Task<int> WelcomeAsync(Guid projectId) => portal.WithDbAsync(async db =>
    {
        var project = await db.Projects.SingleAsync(p => p.Id == projectId);
        project.Welcome(Guid.Empty, DateTimeOffset.UtcNow);
        db.DiscardDomainEvents();
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task TheRecapBeforeSubmitting_ShowsTheProject_AndRecordsTheChosenPartnersOnly()
    {
        var tag29 = await StructureIdAsync("tag29");
        var (porteur, _, projectId, submitted) = await SubmitAsync(tag29);
        using (porteur)
        using (submitted)
        {
            var page = await HtmlClient.ParseAsync(submitted);
            Assert.Contains("Votre projet est déposé", page.Flash(), StringComparison.Ordinal);
            var recap = page.QuerySelector("[data-testid=recap]")!.TextContent;
            Assert.Contains("Conserverie partagée", recap, StringComparison.Ordinal);
            Assert.Contains("Une conserverie coopérative de légumes locaux.", recap, StringComparison.Ordinal);
            Assert.True(((IHtmlInputElement)page.QuerySelector($"#partage-{tag29:N}")!).IsChecked);
            Assert.Equal(1, page.QuerySelectorAll("input[name=structures]").Cast<IHtmlInputElement>().Count(b => b.IsChecked));

            var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
            Assert.Equal(ProjectStatus.Submitted, project.Status);
            Assert.Equal([tag29], project.Sharing.Where(s => s.Given).Select(s => s.StructureId));
            var history = await portal.WithDbAsync(db => db.Consents.AsNoTracking().Where(c => c.ProjectId == projectId && c.Kind == ConsentKind.SharingWithPartners).ToListAsync());
            Assert.Equal((tag29, true), (Assert.Single(history).StructureId!.Value, history[0].Given));
        }
    }

    [Fact]
    public async Task AnUnknownPartner_OnTheRecap_IsRefusedAsTheForm_AndNothingIsSubmitted()
    {
        var email = NewEmail("porteur");
        await portal.CreateUserAsync(email, Roles.Porteur);
        using var client = await portal.SignInAsync(email);
        var draft = await portal.WithDbAsync(async db =>
        {
            var owner = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var project = Project.CreateDraft(Guid.CreateVersion7(), owner, new ProjectDetails("Brouillon à partager", "Une idée", "Un besoin", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement, 2, null), DateTimeOffset.UtcNow);
            db.Projects.Add(project);
            db.Consents.Add(new ConsentRecord(Guid.CreateVersion7(), owner, project.Id, ConsentKind.DataProcessing, true, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return project.Id;
        });
        var recap = await client.GetDocumentAsync($"/porteur/projets/{draft}/depot");
        var token = recap.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var sent = new FormUrlEncodedContent([new(SharingChoices.Field, Guid.NewGuid().ToString()), new("sharing-form", "1"), new("confirm", "oui"), new("__RequestVerificationToken", token)]);

        using var refused = await client.Http.PostAsync($"/porteur/projets/{draft}/depot", sent);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await HtmlClient.ParseAsync(refused);
        Assert.Equal("Déposer mon projet", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Choisissez les structures partenaires dans la liste.", page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        var stored = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == draft));
        Assert.Equal(ProjectStatus.Draft, stored.Status);
        Assert.Empty(stored.Sharing);
    }

    [Fact]
    public async Task ThePole_AsksForAPartner_ThePorteurAgrees_ThenWithdraws_AndThePartnerNoLongerSeesTheProject()
    {
        var kejal = await StructureIdAsync("kejal");
        var creopss = await ProgrammeIdAsync("kejal-creopss");
        var staffEmail = NewEmail("pole");
        await portal.CreateUserAsync(staffEmail, Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
        var kejalEmail = NewEmail("kejal");
        await portal.CreateUserAsync(kejalEmail, Roles.StructureStaff, structureCode: "kejal");
        var (porteur, porteurEmail, projectId, submitted) = await SubmitAsync(null);
        submitted.Dispose();
        await WelcomeAsync(projectId);
        using var staff = await portal.SignInAsync(staffEmail);
        using var _ = porteur;

        // Not allowed: the pôle sees it, the programme is marked, and a referral is refused (nothing written).
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        var row = file.QuerySelector($"[data-testid=sharing] tr[data-structure='{kejal}']")!;
        Assert.Contains("Non autorisé", row.TextContent, StringComparison.Ordinal);
        var option = file.QuerySelectorAll("#programmeId option").Single(o => o.GetAttribute("value") == creopss.ToString());
        Assert.Contains("partage non autorisé", option.TextContent, StringComparison.Ordinal);
        using (var refused = await staff.SubmitAsync(FormFor(file, "/orientations"), new() { ["programmeId"] = creopss.ToString() }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(Referral.NoSharingMessage, (await HtmlClient.ParseAsync(refused)).QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.False(await portal.WithDbAsync(db => db.Referrals.AnyAsync(r => r.ProjectId == projectId)));

        // The pôle asks: the porteur gets an e-mail leading to the sharing choices; the file and the journal say so.
        var ask = (IHtmlFormElement)row.QuerySelector("form")!;
        using (var asked = await staff.SubmitAsync(ask, []))
        {
            var page = await HtmlClient.ParseAsync(asked);
            Assert.Contains("La demande d'accord est envoyée aux porteurs", page.Flash(), StringComparison.Ordinal);
            Assert.Contains("Demandé le", page.QuerySelector($"[data-testid=sharing] tr[data-structure='{kejal}']")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Accord de partage demandé aux porteurs", page.MainText(), StringComparison.Ordinal);
        }

        var mail = Assert.Single(portal.Emails(), m => m.To.Mailboxes.Single().Address == porteurEmail && m.Subject == "Votre pôle vous demande votre accord pour partager votre projet");
        Assert.Contains("Scic Kejal", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/porteur/projets/{projectId}#partage", mail.TextBody, StringComparison.Ordinal);

        // The porteur agrees, from the project page (the project is welcomed: the edit form is closed, this is not).
        var details = await porteur.GetDocumentAsync($"/porteur/projets/{projectId}");
        using (var agreed = await porteur.SubmitAsync(FormFor(details, "/partage"), new() { [SharingChoices.Field] = kejal.ToString() }))
        {
            var page = await HtmlClient.ParseAsync(agreed);
            Assert.Contains("Scic Kejal peut désormais voir votre projet.", page.Flash(), StringComparison.Ordinal);
        }

        file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        Assert.Contains("Autorisé", file.QuerySelector($"[data-testid=sharing] tr[data-structure='{kejal}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Partage autorisé par les porteurs", file.MainText(), StringComparison.Ordinal);
        using (var referred = await staff.SubmitAsync(FormFor(file, "/orientations"), new() { ["programmeId"] = creopss.ToString() }))
        {
            Assert.Contains("L'orientation est proposée", (await HtmlClient.ParseAsync(referred)).Flash(), StringComparison.Ordinal);
        }

        var referralId = await portal.WithDbAsync(db => db.Referrals.Where(r => r.ProjectId == projectId).Select(r => r.Id).SingleAsync());
        using var kejalStaff = await portal.SignInAsync(kejalEmail);
        var seen = await kejalStaff.GetDocumentAsync($"/structure/orientations/{referralId}");
        Assert.Equal("Conserverie partagée", seen.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(porteurEmail, seen.QuerySelector("[data-testid=porteurs]")!.TextContent, StringComparison.Ordinal);
        using (var accepted = await kejalStaff.SubmitAsync(FormFor(seen, "/accepter"), []))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        // The porteur withdraws (nothing ticked): Kejal sees the referral it answered, not the project nor the porteurs.
        details = await porteur.GetDocumentAsync($"/porteur/projets/{projectId}");
        using (var withdrawn = await porteur.SubmitAsync(FormFor(details, "/partage"), new() { [SharingChoices.Field] = "aucune" }))
        {
            Assert.Contains("Scic Kejal ne voit plus votre projet", (await HtmlClient.ParseAsync(withdrawn)).Flash(), StringComparison.Ordinal);
        }

        var hidden = await kejalStaff.GetDocumentAsync($"/structure/orientations/{referralId}");
        Assert.NotNull(hidden.QuerySelector("[data-testid=sharing-withdrawn]"));
        Assert.Equal(ProjectDetailsViewModel.NotSharedTitle, hidden.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("Conserverie", hidden.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(porteurEmail, hidden.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Referral.Label(ReferralStatus.Accepted), hidden.QuerySelector("[data-testid=referral-status]")!.TextContent, StringComparison.Ordinal);
        var inbox = await kejalStaff.GetDocumentAsync("/structure");
        Assert.DoesNotContain("Conserverie", inbox.MainText(), StringComparison.Ordinal);
        Assert.Contains(ProjectDetailsViewModel.NotSharedTitle, inbox.MainText(), StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Accepted, await portal.WithDbAsync(db => db.Referrals.Where(r => r.Id == referralId).Select(r => r.Status).SingleAsync()));

        // A new referral to Kejal is refused again; the consent history has both changes, as "Mes données" shows.
        file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        Assert.Contains("Retiré", file.QuerySelector($"[data-testid=sharing] tr[data-structure='{kejal}']")!.TextContent, StringComparison.Ordinal);
        var myData = await porteur.GetDocumentAsync("/porteur/mes-donnees");
        var consents = myData.QuerySelector("[data-testid=consents]")!.TextContent;
        Assert.Contains("Partage de mon projet avec Scic Kejal", consents, StringComparison.Ordinal);
        Assert.Contains("Retiré", consents, StringComparison.Ordinal);
        Assert.Contains("Donné", consents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharingChoices_OfSomeoneElsesProject_Or_AskedByAnotherPole_AreNotFound()
    {
        var tag29 = await StructureIdAsync("tag29");
        var (owner, _, projectId, submitted) = await SubmitAsync(null);
        submitted.Dispose();
        owner.Dispose();
        await WelcomeAsync(projectId);
        var strangerEmail = NewEmail("intrus");
        await portal.CreateUserAsync(strangerEmail, Roles.Porteur);
        using var stranger = await portal.SignInAsync(strangerEmail);
        var rennesEmail = NewEmail("rennes");
        await portal.CreateUserAsync(rennesEmail, Roles.PoleStaff, poleCode: "reso-solidaire");
        using var rennes = await portal.SignInAsync(rennesEmail);

        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(stranger, $"/porteur/projets/{projectId}/partage", [new(SharingChoices.Field, tag29.ToString())]));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(rennes, $"/pole/projets/{projectId}/partage/demande", [new("structureId", tag29.ToString())]));
        var project = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Empty(project.Sharing);
    }

    /// <summary>A POST with the client's antiforgery token (read from a page it may open).</summary>
    private static async Task<HttpStatusCode> PostAsync(HtmlClient client, string path, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("__RequestVerificationToken", await SeededPortal.TokenAsync(client)));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.Http.PostAsync(path, content);
        return response.StatusCode;
    }
}
