using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.EndToEnd.Tests;

/// <summary>
/// axe-core on every main page of every role: the suite fails on any "serious" or "critical" violation.
/// Each page also has one h1, and works at 320 px (no horizontal scrolling). Screenshots at desktop and
/// mobile widths go to the artifacts folder.
/// </summary>
[Collection(PortalGroup.Name)]
public sealed class AccessibilityTests(PortalServer portal)
{
    private static readonly string Axe = ReadAxe();

    private static string ReadAxe()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A message given up in the outbox, so that the administrators' e-mail page shows its table (once per run).</summary>
    private static async Task GiveUpAnEmailAsync(IServiceProvider services, TrajectoirEssDbContext db)
    {
        if (await db.OutboxMessages.AnyAsync(m => m.FailedAt != null))
        {
            return;
        }

        // In one transaction: the running outbox service never sees it waiting.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var message = services.GetRequiredService<EmailOutbox>().Add(new OutgoingEmail("boite-inconnue@e2e.test", "Boîte inconnue", "Votre projet a bien été déposé", "Bonjour", "<p>Bonjour</p>"));
        await db.SaveChangesAsync();
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, 8)
            .SetProperty(m => m.FailedAt, DateTimeOffset.UtcNow)
            .SetProperty(m => m.LastError, "Refusé par le serveur SMTP (550) : 5.1.1 mailbox unavailable"));
        await transaction.CommitAsync();
    }

    /// <summary>The pages checked, by account (null: anonymous). The README lists them.</summary>
    private async Task<IReadOnlyList<(string? Account, string Path, string Name)>> PagesAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        var morlaix = await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync();
        var tag29 = await db.Structures.Where(s => s.Code == "tag29").Select(s => s.Id).SingleAsync();
        var showcase = await db.Projects.Where(p => p.Title == "Tiers-lieu de la baie de Morlaix").Select(p => p.Id).SingleAsync();
        var poleProject = await db.Projects.Where(p => p.PoleId == morlaix && p.Status != ProjectStatus.Draft).OrderByDescending(p => p.SubmittedAt).Select(p => p.Id).FirstAsync();
        var referral = await db.Referrals.Where(r => r.StructureId == tag29).OrderByDescending(r => r.ReferredAt).Select(r => r.Id).FirstAsync();
        var session = await db.Sessions.Where(s => s.StructureId == tag29).OrderByDescending(s => s.StartsOn).Select(s => s.Id).FirstAsync();
        var financing = await db.FinancingApplications.OrderByDescending(f => f.CreatedAt).Select(f => f.Id).FirstOrDefaultAsync();
        var platform = await db.Bodies.Where(b => b.Kind == BodyKind.Platform).Select(b => b.Id).SingleAsync();
        var pastSession = await db.PlatformSessions.Where(s => s.Status == PlatformSessionStatus.Closed).OrderByDescending(s => s.StartsAt).Select(s => s.Id).FirstAsync();
        var nextSession = await db.PlatformSessions.Where(s => s.Status == PlatformSessionStatus.Planned).OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync();
        var commitment = await db.Commitments.OrderByDescending(c => c.CreatedAt).Select(c => c.Id).FirstAsync();
        var openCampaign = await db.Campaigns.Where(c => c.Status == CampaignStatus.Open).OrderBy(c => c.Year).Select(c => c.Id).FirstAsync();
        // The demo's first frozen campaign and its published reading (the evaluation's journey adds later years).
        var lastFrozen = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Frozen).OrderBy(c => c.Year).FirstAsync();
        var publishedReading = await db.EvaluationReadings.Where(r => r.Status == ReadingStatus.Published).OrderBy(r => r.Year).Select(r => new { r.CampaignId, r.Year }).FirstAsync();
        var publishedYear = (Id: publishedReading.CampaignId, publishedReading.Year);
        var readQuestion = (await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == lastFrozen.ReferentialId)).Questions[0].Id;
        await GiveUpAnEmailAsync(scope.ServiceProvider, db);
        var pages = new List<(string?, string, string)>
        {
            (null, "/", "accueil"),
            (null, "/compte/connexion", "connexion"),
            (null, "/compte/inscription", "inscription"),
            (null, "/compte/mot-de-passe-oublie", "mot-de-passe-oublie"),
            (null, "/donnees-personnelles", "donnees-personnelles"),
            (null, "/accessibilite", "accessibilite"),
            ("porteur@demo.test", "/porteur", "porteur-espace"),
            ("porteur@demo.test", "/porteur/projets/nouveau", "porteur-nouvelle-idee"),
            ("porteur@demo.test", $"/porteur/projets/{showcase}", "porteur-projet"),
            ("porteur@demo.test", "/porteur/mes-donnees", "porteur-mes-donnees"),
            ("porteur@demo.test", "/compte/preferences", "porteur-courriels"),
            ("pole-morlaix@demo.test", "/pole", "pole-projets"),
            ("pole-morlaix@demo.test", $"/pole/projets/{poleProject}", "pole-fiche"),
            ("pole-morlaix@demo.test", "/pole/indicateurs", "pole-indicateurs"),
            ("pole-morlaix@demo.test", "/pole/territoire", "pole-territoire"),
            ("tag29@demo.test", "/structure", "structure-orientations"),
            ("tag29@demo.test", $"/structure/orientations/{referral}", "structure-orientation"),
            ("tag29@demo.test", "/structure/sessions", "structure-sessions"),
            ("tag29@demo.test", $"/structure/sessions/{session}", "structure-session"),
            ("tag29@demo.test", "/structure/besoins", "structure-besoins"),
            ("franceactive@demo.test", "/structure/financements", "structure-financements"),
            ("coordination@demo.test", "/coordination", "coordination-tableau-de-bord"),
            ("region@demo.test", "/coordination", "partenaire-public-tableau-de-bord"),
            ("admin@demo.test", "/admin", "admin-accueil"),
            ("admin@demo.test", "/admin/comptes", "admin-comptes"),
            ("admin@demo.test", "/admin/poles", "admin-poles"),
            ("admin@demo.test", "/admin/structures", "admin-structures"),
            ("admin@demo.test", "/admin/autorites", "admin-autorites"),
            ("admin@demo.test", "/admin/listes", "admin-listes"),
            ("admin@demo.test", "/admin/journal", "admin-journal"),
            ("admin@demo.test", "/admin/courriels", "admin-courriels"),
            ("admin@demo.test", "/admin/objectifs", "admin-objectifs"),

            // The coordination platform (issue 20): the coordinators' pages, the members', the public one.
            (null, "/plateforme-de-coordination", "plateforme-publique"),
            ("coordination@demo.test", "/coordination/plateforme", "plateforme-coordination"),
            ("coordination@demo.test", "/coordination/plateforme/instances", "plateforme-instances"),
            ("coordination@demo.test", $"/coordination/plateforme/instances/{platform}", "plateforme-membres"),
            ("coordination@demo.test", "/coordination/plateforme/seances/nouvelle", "plateforme-nouvelle-seance"),
            ("coordination@demo.test", $"/coordination/plateforme/seances/{pastSession}", "plateforme-seance-tenue"),
            ("coordination@demo.test", $"/coordination/plateforme/seances/{nextSession}", "plateforme-seance-a-venir"),
            ("coordination@demo.test", $"/coordination/plateforme/seances/{nextSession}/dossier", "plateforme-dossier-brouillon"),
            ("coordination@demo.test", "/coordination/plateforme/engagements", "plateforme-engagements-coordination"),
            ("coordination@demo.test", "/coordination/plateforme/engagements/nouveau", "plateforme-nouvel-engagement"),
            ("coordination@demo.test", $"/coordination/plateforme/engagements/{commitment}/modifier", "plateforme-modifier-engagement"),
            ("pole-morlaix@demo.test", "/plateforme", "plateforme-membre"),
            ("pole-morlaix@demo.test", $"/plateforme/seances/{pastSession}", "plateforme-membre-seance"),
            ("pole-morlaix@demo.test", "/plateforme/engagements", "plateforme-membre-engagements"),
            ("pole-morlaix@demo.test", $"/plateforme/engagements/{commitment}", "plateforme-membre-engagement"),
            ("region@demo.test", "/plateforme", "plateforme-partenaire-public"),

            // The evaluation's frame in force (issue 21), for the coordination and for a member.
            ("coordination@demo.test", "/coordination/evaluation", "evaluation-referentiel-coordination"),
            ("coordination@demo.test", "/coordination/evaluation/campagnes", "evaluation-campagnes"),
            ("region@demo.test", "/plateforme/evaluation", "evaluation-referentiel-membre"),
            ("coordination@demo.test", "/coordination/evaluation/referentiel", "evaluation-preparation"),
            ("coordination@demo.test", "/coordination/evaluation/campagnes/nouvelle", "evaluation-nouvelle-campagne"),
            ("coordination@demo.test", $"/coordination/evaluation/campagnes/{openCampaign}", "evaluation-campagne-ouverte"),
            ("coordination@demo.test", $"/coordination/evaluation/campagnes/{lastFrozen.Id}", "evaluation-campagne-figee"),
            ("coordination@demo.test", $"/coordination/evaluation/campagnes/{lastFrozen.Id}/lecture", "evaluation-lecture"),
            ("coordination@demo.test", $"/coordination/evaluation/campagnes/{lastFrozen.Id}/lecture/questions/{readQuestion}", "evaluation-lecture-question"),
            ("coordination@demo.test", $"/coordination/evaluation/campagnes/{lastFrozen.Id}/rapport", "evaluation-rapport"),
            ("coordination@demo.test", $"/coordination/evaluation/campagnes/{lastFrozen.Id}/synthese", "evaluation-synthese-edition"),
            ("pole-morlaix@demo.test", "/plateforme/evaluation/consultation", "evaluation-consultation"),
            ("pole-morlaix@demo.test", "/plateforme/evaluation/declarations", "evaluation-declarations"),
            ("pole-morlaix@demo.test", $"/plateforme/evaluation/campagnes/{publishedYear.Id}/lecture", "evaluation-lecture-membre"),
            (null, "/evaluation", "evaluation-publique"),
            (null, $"/evaluation/{publishedYear.Year}", "evaluation-synthese-publique"),
        };
        if (financing != Guid.Empty)
        {
            pages.Add(("franceactive@demo.test", $"/structure/financements/{financing}", "structure-financement"));
        }

        return pages;
    }

    [Fact]
    public async Task EveryMainPage_HasNoSeriousViolation_OneHeading_AndFitsIn320Pixels()
    {
        var problems = new List<string>();
        var pages = await PagesAsync();
        foreach (var account in pages.Select(p => p.Account).Distinct())
        {
            // The audit script is injected into the page: the test context lets it past the CSP (the pages themselves are not changed).
            var desktop = account is null ? await portal.NewPageAsync(bypassCsp: true) : await portal.SignInAsync(account, bypassCsp: true);
            var mobile = await desktop.Context.NewPageAsync();
            await mobile.SetViewportSizeAsync(320, 800);
            foreach (var (_, path, name) in pages.Where(p => p.Account == account))
            {
                var response = await desktop.GotoAsync(path);
                if (response is null || !response.Ok)
                {
                    problems.Add($"{path}: answered {response?.Status}");
                    continue;
                }

                var headings = await desktop.Locator("h1").CountAsync();
                if (headings != 1)
                {
                    problems.Add($"{path}: {headings} h1 elements");
                }

                await desktop.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Axe });
                var result = await desktop.EvaluateAsync<JsonElement>("""
                    async () => {
                      const r = await axe.run(document, { resultTypes: ['violations'] });
                      return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
                    }
                    """);
                problems.AddRange(result.EnumerateArray().Select(v => $"{path}: {v.GetString()}"));
                await PortalServer.ScreenshotAsync(desktop, $"{name}-bureau");

                await mobile.GotoAsync(path);
                var overflow = await mobile.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 1)
                {
                    problems.Add($"{path}: {overflow} px of horizontal scrolling at 320 px");
                }

                await PortalServer.ScreenshotAsync(mobile, $"{name}-mobile");
            }

            await desktop.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, "Accessibility problems:\n" + string.Join('\n', problems));
    }
}
