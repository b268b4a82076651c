using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.EndToEnd.Tests;

/// <summary>
/// The coordination platform's cycle in the browser (issue 20): the coordinator plans the next session from the
/// template, freezes the data and publishes the reading pack, convenes the members; the Région's partner registers from
/// the e-mail's link and reads the pack; the session takes place; the coordinator records the Région present, a decision
/// and a commitment carried by Morlaix's pôle; the pôle's staff give news of it (a wrong percentage first, refused beside
/// its box); the minutes go public; and the following session's pack, frozen then, shows the pôle's news.
/// </summary>
[Collection(PortalGroup.Name)]
public sealed partial class PlatformJourneyTests(PortalServer portal)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [GeneratedRegex(@"/seances/([0-9a-f-]{36})")]
    private static partial Regex SessionId();

    /// <summary>The confirmation shown after an action (post/redirect/get).</summary>
    private static async Task ExpectFlashAsync(IPage page) =>
        await Assertions.Expect(page.Locator("[data-testid=flash]")).ToBeVisibleAsync();

    [Fact]
    public async Task CoordinatorPlansAndHoldsASession_APartnerRegisters_APoleReports_TheNextPackShowsIt()
    {
        try
        {
            await JourneyAsync();
        }
        finally
        {
            portal.Clock.Reset();
        }
    }

    private async Task JourneyAsync()
    {
        // The next session, today in two hours (Paris time), from the template.
        var coordinator = await portal.SignInAsync("coordination@demo.test");
        await coordinator.GotoAsync("/coordination/plateforme");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Nouvelle séance" }).ClickAsync();
        var startsAt = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(2), Paris);
        await coordinator.GetByLabel("Date et heure").FillAsync(startsAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await coordinator.GetByLabel("Durée (minutes)").FillAsync("90");
        await coordinator.GetByLabel("Lieu", new() { Exact = true }).FillAsync("Maison de l'ESS, Morlaix");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Planifier la séance" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        var sessionPath = new Uri(coordinator.Url).AbsolutePath;
        var sessionId = SessionId().Match(sessionPath).Groups[1].Value;
        await Assertions.Expect(coordinator.Locator("[data-testid=milestones] tbody tr")).ToHaveCountAsync(3);

        // An agenda item longer than the session is refused beside its box; a shorter one is added.
        await coordinator.GetByLabel("Titre du point").FillAsync("Lecture partagée des indicateurs");
        await coordinator.GetByLabel("Durée (minutes)").Last.FillAsync("120");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ajouter le point" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#Agenda_DurationMinutes-erreur, [data-valmsg-for='Agenda.DurationMinutes']").First).Not.ToBeEmptyAsync();
        await Assertions.Expect(coordinator.GetByLabel("Titre du point")).ToHaveValueAsync("Lecture partagée des indicateurs");
        await coordinator.GetByLabel("Durée (minutes)").Last.FillAsync("45");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ajouter le point" }).ClickAsync();
        await ExpectFlashAsync(coordinator);

        // The data frozen, the pack published (computed once, now), the members invited and convened.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Figer les données" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await coordinator.GotoAsync(sessionPath);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Publier le dossier" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await coordinator.GotoAsync(sessionPath);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Inviter les membres" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Convoquer" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await PortalServer.ScreenshotAsync(coordinator, "plateforme-seance-convoquee");

        // The Région's partner registers from the convocation's link (one click, signed in) and reads the pack.
        var link = portal.LinkInLastEmailTo("region@demo.test");
        Assert.Contains($"/plateforme/seances/{sessionId}", link, StringComparison.Ordinal);
        var region = await portal.SignInAsync("region@demo.test");
        await region.GotoAsync(new Uri(link).PathAndQuery);
        await region.GetByRole(AriaRole.Button, new() { Name = "Je m'inscris" }).ClickAsync();
        await ExpectFlashAsync(region);
        await Assertions.Expect(region.GetByRole(AriaRole.Button, new() { Name = "Je m'inscris" })).ToHaveCountAsync(0);
        await region.GetByRole(AriaRole.Link, new() { Name = "lire le dossier de séance" }).ClickAsync();
        await Assertions.Expect(region.GetByRole(AriaRole.Heading, new() { Name = "Les indicateurs de la période" })).ToBeVisibleAsync();
        await PortalServer.ScreenshotAsync(region, "plateforme-dossier-de-seance-partenaire");
        Assert.Equal(403, (await region.GotoAsync("/pole"))?.Status);

        // Three hours later the session has taken place: it is held, the Région present, a decision and a commitment.
        // (Signed-in sessions end after an idle hour: the coordinator signs in again.)
        portal.Clock.Advance(TimeSpan.FromHours(3));
        coordinator = await portal.SignInAsync("coordination@demo.test");
        await coordinator.GotoAsync(sessionPath);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Marquer la séance comme tenue" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        var regionAttendance = coordinator.Locator("[data-testid=attendance]").Filter(new() { Has = coordinator.GetByLabel("Présence de Région Bretagne") });
        await regionAttendance.GetByLabel("Présence de Région Bretagne").SelectOptionAsync(new SelectOptionValue { Label = "Présente" });
        await regionAttendance.GetByRole(AriaRole.Button, new() { Name = "Noter", Exact = true }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await coordinator.GetByLabel("Texte de la décision").FillAsync("Ouvrir des permanences d'accueil dans les communes rurales du Pays de Morlaix");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Noter la décision" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Créer un engagement" }).First.ClickAsync();
        await coordinator.GetByLabel("Titre de l'engagement").FillAsync("Des permanences d'accueil itinérantes en Pays de Morlaix");
        await coordinator.GetByLabel("Organisation qui porte l'engagement").SelectOptionAsync(new SelectOptionValue { Label = "ADESS du Pays de Morlaix" });
        await coordinator.GetByLabel("Objectif de la stratégie").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await coordinator.GetByLabel("Date d'échéance").FillAsync(DateTime.UtcNow.AddMonths(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'engagement" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        var commitmentId = await CommitmentOfSessionAsync(sessionId);

        // The pôle's staff give news: 150 % is refused beside its box, what they wrote is kept; then 30 %.
        var pole = await portal.SignInAsync("pole-morlaix@demo.test");
        await pole.GotoAsync($"/plateforme/engagements/{commitmentId}");
        const string News = "Deux permanences tenues à Plouigneau et Lanmeur ; une troisième prévue.";
        await pole.GetByLabel("Où en est l'engagement ?").FillAsync(News);
        await pole.GetByLabel("Avancement (%)").FillAsync("150");
        await pole.GetByRole(AriaRole.Button, new() { Name = "Publier le point" }).ClickAsync();
        await Assertions.Expect(pole.Locator("[data-valmsg-for='Update.Progress']")).ToContainTextAsync("100");
        await Assertions.Expect(pole.GetByLabel("Où en est l'engagement ?")).ToHaveValueAsync(News);
        await pole.GetByLabel("Avancement (%)").FillAsync("30");
        await pole.GetByRole(AriaRole.Button, new() { Name = "Publier le point" }).ClickAsync();
        await ExpectFlashAsync(pole);
        await Assertions.Expect(pole.GetByText(News).First).ToBeVisibleAsync();
        await PortalServer.ScreenshotAsync(pole, "plateforme-engagement-du-pole");

        // Another member sees the commitment read only.
        var tag = await portal.SignInAsync("tag29@demo.test");
        await tag.GotoAsync($"/plateforme/engagements/{commitmentId}");
        await Assertions.Expect(tag.GetByRole(AriaRole.Button, new() { Name = "Publier le point" })).ToHaveCountAsync(0);

        // The minutes go public with the session's close; the public page shows them.
        await coordinator.GotoAsync(sessionPath);
        await coordinator.GetByLabel("Texte du compte rendu").FillAsync("La plateforme a lu les indicateurs du semestre et décidé d'aller au-devant des porteurs ruraux.");
        await coordinator.GetByLabel("Public", new() { Exact = true }).CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte rendu" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Clore la séance" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync("/plateforme-de-coordination");
        await Assertions.Expect(visitor.GetByText("décidé d'aller au-devant des porteurs ruraux").First).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("Des permanences d'accueil itinérantes en Pays de Morlaix").First).ToBeVisibleAsync();
        await PortalServer.ScreenshotAsync(visitor, "plateforme-page-publique");

        // The following session (the demo's, in preparation, its pack a draft): its pack, frozen again now, lists the
        // commitment with the pôle's news.
        var next = await NextPlannedSessionAsync(sessionId);
        await coordinator.GotoAsync($"/coordination/plateforme/seances/{next}/dossier");
        await coordinator.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Figer (à nouveau )?les données$") }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        var engagements = coordinator.Locator("section").Filter(new() { Has = coordinator.Locator("#pack-engagements") });
        await Assertions.Expect(engagements.GetByText(News)).ToBeVisibleAsync();
        await PortalServer.ScreenshotAsync(coordinator, "plateforme-dossier-seance-suivante");
    }

    private async Task<Guid> CommitmentOfSessionAsync(string sessionId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        var id = Guid.Parse(sessionId);
        return await db.Commitments.Where(c => c.SessionId == id).Select(c => c.Id).SingleAsync();
    }

    private async Task<Guid> NextPlannedSessionAsync(string heldSessionId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        var held = Guid.Parse(heldSessionId);
        return await db.PlatformSessions
            .Where(s => s.Id != held && (s.Status == Domain.Coordination.PlatformSessionStatus.Planned || s.Status == Domain.Coordination.PlatformSessionStatus.Convened))
            .OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync();
    }
}
