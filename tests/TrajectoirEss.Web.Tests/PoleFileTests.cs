using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Audit;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.PageForms;

namespace TrajectoirEss.Web.Tests;

/// <summary>The pôle's project file grouped in sections: the summary, the action menu, a refused form's section, the journal.</summary>
public sealed class PoleFileTests(PoleWorkspaceTests.Fixture portal) : IClassFixture<PoleWorkspaceTests.Fixture>
{
    private const string Morlaix = PoleWorkspaceTests.Fixture.Morlaix;

    private async Task<Guid> ProjectInAsync(ProjectStatus status)
    {
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", $"Projet {status}", welcomed: status != ProjectStatus.Submitted, sharingConsent: true);
        if (status is ProjectStatus.Paused or ProjectStatus.Closed)
        {
            await portal.WithDbAsync(async db =>
            {
                var project = await db.Projects.SingleAsync(p => p.Id == projectId);
                var staffId = await db.Users.Where(u => u.Email == Morlaix).Select(u => u.Id).SingleAsync();
                if (status == ProjectStatus.Paused)
                {
                    project.Pause("Recherche d'un local", staffId, DateTimeOffset.UtcNow);
                }
                else
                {
                    project.Close(ProjectOutcome.Reoriented, "Orienté hors du programme", staffId, DateTimeOffset.UtcNow);
                }

                db.DiscardDomainEvents();
                return await db.SaveChangesAsync();
            });
        }

        return projectId;
    }

    [Theory]
    [InlineData(ProjectStatus.Submitted, new[] { "Qualifier le projet", "Désigner le référent", "Noter un rendez-vous", "Écrire aux porteurs", "Ajouter une note interne", "Transférer à un autre pôle…", "Clore le projet…" })]
    [InlineData(ProjectStatus.Welcomed, new[] { "Qualifier le projet", "Désigner le référent", "Proposer une orientation", "Noter un rendez-vous", "Écrire aux porteurs", "Ajouter une note interne", "Mettre le projet en pause", "Transférer à un autre pôle…", "Clore le projet…" })]
    [InlineData(ProjectStatus.Paused, new[] { "Qualifier le projet", "Désigner le référent", "Noter un rendez-vous", "Écrire aux porteurs", "Ajouter une note interne", "Reprendre le projet", "Transférer à un autre pôle…", "Clore le projet…" })]
    [InlineData(ProjectStatus.Closed, new[] { "Écrire aux porteurs", "Ajouter une note interne", "Rouvrir le projet" })]
    public async Task ActionMenu_ListsExactlyTheActionsTheStatusAllows_EachLeadingToItsForm(ProjectStatus status, string[] expected)
    {
        var projectId = await ProjectInAsync(status);
        using var staff = await portal.SignInAsync(Morlaix);

        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");

        var links = file.QuerySelectorAll("[data-testid=actions] a").Cast<IHtmlAnchorElement>().ToList();
        Assert.Equal(expected, links.Select(a => a.TextContent.Trim()));
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            if (href.StartsWith('#'))
            {
                // An anchor of the file: the form (or the heading of its section) is on the page.
                Assert.NotNull(file.GetElementById(href[1..]));
            }
            else
            {
                using var page = await staff.GetAsync(href);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal(href, page.RequestMessage!.RequestUri!.AbsolutePath);
            }
        }

        // The forms the menu leaves out are not on the page either.
        Assert.Equal(expected.Contains("Proposer une orientation"), FormExists(file, "/orientations"));
        Assert.Equal(expected.Contains("Noter un rendez-vous"), FormExists(file, "/rendez-vous"));
        Assert.Equal(expected.Contains("Mettre le projet en pause"), FormExists(file, "/pause"));
        Assert.Equal(expected.Contains("Reprendre le projet"), FormExists(file, "/reprise"));
        Assert.Equal(expected.Contains("Rouvrir le projet"), FormExists(file, "/rouvrir"));
        Assert.Equal(expected.Contains("Qualifier le projet"), FormExists(file, "/qualifier"));
    }

    private static bool FormExists(IHtmlDocument page, string suffix) =>
        page.QuerySelectorAll("main form").Any(f => f.GetAttribute("action")!.EndsWith(suffix, StringComparison.Ordinal));

    [Fact]
    public async Task Summary_ShowsStatusPorteursCommuneReferentNextStepAndAlerts_AndATableOfContentsOfTheSections()
    {
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet résumé", ownerName: "Anne Résumé", submittedDaysAgo: 30);
        using var staff = await portal.SignInAsync(Morlaix);

        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");

        var summary = file.QuerySelector("[data-testid=summary]")!.TextContent;
        Assert.Contains("Déposé", summary, StringComparison.Ordinal);
        Assert.Contains("Anne Résumé", summary, StringComparison.Ordinal);
        Assert.Contains("Morlaix", summary, StringComparison.Ordinal);
        Assert.Equal("aucun", file.QuerySelector("[data-testid=summary-referent]")!.TextContent.Trim());
        Assert.Contains("premier rendez-vous", file.QuerySelector("[data-testid=next-step]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("aucune", file.QuerySelector("[data-testid=open-referrals]")!.TextContent.Trim());
        Assert.Contains("premier contact depuis 30 jour(s)", file.QuerySelector("[data-testid=alerts]")!.TextContent, StringComparison.Ordinal);

        // Each entry of the table of contents leads to a section of the page.
        var sections = file.QuerySelectorAll("[data-testid=sections] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["#synthese", "#qualification", "#orientations", "#suivi", "#statut", "#journal"], sections);
        Assert.All(sections, href => Assert.NotNull(file.GetElementById(href[1..])));
    }

    [Fact]
    public async Task ARefusedForm_ShowsTheFileAgain_WithItsMessage_AndPointsToItsSection()
    {
        var projectId = await ProjectInAsync(ProjectStatus.Welcomed);
        using var staff = await portal.SignInAsync(Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");

        using var refused = await staff.SubmitAsync(FormFor(file, "/orientations"), new() { ["Message à la structure"] = "Un message gardé" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await HtmlClient.ParseAsync(refused);
        Assert.Contains("Choisissez un programme de la liste.", again.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        var pointer = again.QuerySelector("[data-testid=refused-section] a")!;
        Assert.Equal("#orientations", pointer.GetAttribute("href"));
        Assert.Equal("Orientations", pointer.TextContent.Trim());
        var section = again.QuerySelector("[data-testid=section-orientations]")!;
        Assert.NotNull(section.QuerySelector("form[action$='/orientations']"));
        Assert.Equal("Un message gardé", section.QuerySelector("#referral-message")!.TextContent);

        // A note refused: the section of the meetings, messages and notes.
        using var noNote = await staff.SubmitAsync(FormFor(file, "/notes"), new() { ["Nouvelle note interne"] = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal("#suivi", (await HtmlClient.ParseAsync(noNote)).QuerySelector("[data-testid=refused-section] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Journal_HidesTheOpeningsOfTheFileByDefault_AndTheToggleShowsThem()
    {
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet au journal");
        using var staff = await portal.SignInAsync(Morlaix);
        await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        var referent = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == Morlaix).Select(u => u.Id).SingleAsync());
        await staff.SubmitAsync(FormFor(file, "/referent"), new() { ["referentId"] = referent.ToString() });

        var opened = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        var journal = opened.QuerySelectorAll("[data-testid=audit] li").Select(li => li.TextContent).ToList();
        Assert.NotEmpty(journal);
        Assert.DoesNotContain(journal, line => line.Contains("Fiche consultée", StringComparison.Ordinal));
        var toggle = opened.QuerySelector("[data-testid=audit-toggle]")!;
        Assert.Equal("Afficher les consultations", toggle.TextContent.Trim());

        var withOpenings = await staff.GetDocumentAsync(toggle.GetAttribute("href")!);
        var lines = withOpenings.QuerySelectorAll("[data-testid=audit] li").Select(li => li.TextContent).ToList();
        Assert.True(lines.Count(l => l.Contains("Fiche consultée", StringComparison.Ordinal)) >= 4, string.Join("\n", lines));
        Assert.Contains(lines, l => !l.Contains("Fiche consultée", StringComparison.Ordinal));
        Assert.Equal("Masquer les consultations", withOpenings.QuerySelector("[data-testid=audit-toggle]")!.TextContent.Trim());
        // Two openings, the file after the change, the journal, then with its openings: each one logged.
        Assert.Equal(5, await portal.WithDbAsync(db => db.AccessLog.CountAsync(a => a.EntityId == projectId)));
    }
}
