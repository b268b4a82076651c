using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TrajectoirEss.EndToEnd.Tests;

/// <summary>
/// The evaluation's cycle in the browser (issue 21): the coordinator prepares the frame's next version and opens the
/// members' consultation; Morlaix's pôle comments; the coordinator answers (a refusal without its reason is refused
/// beside the box) and adopts; a year later the coordinator opens the year's campaign; the pôle enters its declared
/// values (a share over 100 % refused beside its box, what was typed kept) and submits them; the coordinator validates
/// them and freezes the campaign; then reads it with the actors — a finding with two interpretations from two
/// organisations and a recommendation — and publishes the synthesis, which the public reads.
/// </summary>
[Collection(PortalGroup.Name)]
public sealed partial class EvaluationJourneyTests(PortalServer portal)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [GeneratedRegex(@"/campagnes/([0-9a-f-]{36})")]
    private static partial Regex CampaignId();

    private static async Task ExpectFlashAsync(IPage page) =>
        await Assertions.Expect(page.Locator("[data-testid=flash]")).ToBeVisibleAsync();

    [Fact]
    public async Task ConsultAdoptCollectValidateFreezeReadAndPublish()
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
        // The coordinator prepares the next version of the frame in force and puts it to the members' consultation.
        var coordinator = await portal.SignInAsync("coordination@demo.test");
        await coordinator.GotoAsync("/coordination/evaluation");
        await coordinator.GotoAsync("/coordination/evaluation/referentiel");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Préparer la version suivante" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la consultation" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        Assert.Contains("/plateforme/evaluation/consultation", portal.LinkInLastEmailTo("pole-morlaix@demo.test"), StringComparison.Ordinal);

        // Morlaix's pôle comments on a question.
        var pole = await portal.SignInAsync("pole-morlaix@demo.test");
        await pole.GotoAsync("/plateforme");
        await pole.GotoAsync("/plateforme/evaluation/consultation");
        var target = pole.GetByLabel("Sur quoi porte votre contribution");
        var question = await target.Locator("optgroup[label='Les questions évaluatives'] option").First.GetAttributeAsync("value");
        await target.SelectOptionAsync(question!);
        const string Contribution = "Distinguer les porteurs des quartiers prioritaires de ceux des communes rurales.";
        await pole.GetByLabel("Votre contribution", new() { Exact = true }).FillAsync(Contribution);
        await pole.GetByRole(AriaRole.Button, new() { Name = "Envoyer la contribution" }).ClickAsync();
        await ExpectFlashAsync(pole);
        await Assertions.Expect(pole.GetByText(Contribution)).ToBeVisibleAsync();
        await PortalServer.ScreenshotAsync(pole, "evaluation-consultation-pole");

        // The coordinator answers: declining without a reason is refused beside the box; kept, it is recorded.
        await coordinator.GotoAsync("/coordination/evaluation/referentiel");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Répondre" }).First.ClickAsync();
        await coordinator.GetByLabel("Non retenue").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réponse" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("[data-valmsg-for='Input.AnswerText']")).Not.ToBeEmptyAsync();
        await coordinator.GetByLabel("Prise en compte, sans changement").CheckAsync();
        await coordinator.GetByLabel("Réponse (la raison, obligatoire si la contribution n'est pas retenue)").FillAsync("La question 3 le prévoit déjà ; nous le redirons dans sa définition.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réponse" }).ClickAsync();
        await ExpectFlashAsync(coordinator);

        // Adopted today by the regional platform: it is the frame in force, its consultation kept with it.
        await coordinator.GotoAsync("/coordination/evaluation/referentiel");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris);
        await coordinator.GetByLabel("Date d'adoption").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await coordinator.GetByLabel("Ou instance qui l'a adoptée (en toutes lettres)").FillAsync("Plateforme régionale de coordination");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Adopter" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await coordinator.GotoAsync("/coordination/evaluation");
        await Assertions.Expect(coordinator.Locator("[data-testid=frame-consultation]")).ToContainTextAsync(Contribution);
        await PortalServer.ScreenshotAsync(coordinator, "evaluation-referentiel-adopte");

        // A year later (the server's clock moves; signed-in sessions have ended): the year's campaign opens.
        var nextYear = today.Year + 1;
        portal.Clock.Advance(new DateTimeOffset(nextYear + 1, 1, 12, 9, 0, 0, TimeSpan.Zero) - DateTimeOffset.UtcNow);
        coordinator = await portal.SignInAsync("coordination@demo.test");
        await coordinator.GotoAsync("/coordination/evaluation/campagnes");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Ouvrir la campagne" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByLabel("Année évaluée")).ToHaveValueAsync(nextYear.ToString(CultureInfo.InvariantCulture));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la campagne" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        var campaignPath = new Uri(coordinator.Url).AbsolutePath;
        var campaignId = CampaignId().Match(campaignPath).Groups[1].Value;
        Assert.Contains("/plateforme/evaluation/declarations", portal.LinkInLastEmailTo("pole-morlaix@demo.test"), StringComparison.Ordinal);

        // The pôle enters its declared values — a share over 100 % refused beside its box, its comment kept — and submits them.
        pole = await portal.SignInAsync("pole-morlaix@demo.test");
        await pole.GotoAsync("/plateforme/evaluation/declarations");
        var campaign = pole.Locator($"[data-testid=campaign-{nextYear}]");
        var indicators = campaign.Locator("[data-testid=indicator]");
        var count = await indicators.CountAsync();
        Assert.True(count >= 1, "the campaign asks the pôle for its declared indicators");
        var share = indicators.Filter(new() { HasText = "%" }).First;
        const string Why = "CDI et CDD de plus d'un an, d'après les structures accompagnées.";
        await share.GetByLabel("Valeur").FillAsync("120");
        await share.GetByLabel("Commentaire").FillAsync(Why);
        await share.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la valeur" }).ClickAsync();
        share = pole.Locator($"[data-testid=campaign-{nextYear}] [data-testid=indicator]").Filter(new() { HasText = "%" }).First;
        await Assertions.Expect(share.Locator("[data-valmsg-for='Input.Value']")).ToContainTextAsync("100");
        await Assertions.Expect(share.GetByLabel("Commentaire")).ToHaveValueAsync(Why);
        for (var i = 0; i < count; i++)
        {
            var indicator = pole.Locator($"[data-testid=campaign-{nextYear}] [data-testid=indicator]").Nth(i);
            var value = await indicator.GetByText("%").CountAsync() > 0 ? "64" : (12 + i).ToString(CultureInfo.InvariantCulture);
            await indicator.GetByLabel("Valeur").FillAsync(value);
            await indicator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la valeur" }).ClickAsync();
            await ExpectFlashAsync(pole);
        }

        await pole.Locator($"[data-testid=campaign-{nextYear}]").GetByRole(AriaRole.Button, new() { Name = "Transmettre à la coordination" }).ClickAsync();
        await ExpectFlashAsync(pole);
        await PortalServer.ScreenshotAsync(pole, "evaluation-declarations-pole");

        // The coordinator validates each of them, then freezes the campaign: its computed values are computed once.
        await coordinator.GotoAsync(campaignPath);
        for (var i = 0; i < count; i++)
        {
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Valider" }).First.ClickAsync();
            await ExpectFlashAsync(coordinator);
        }

        await Assertions.Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = "Valider" })).ToHaveCountAsync(0);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Figer la campagne" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("[data-valmsg-for='Confirm']")).Not.ToBeEmptyAsync();
        await coordinator.GetByLabel("Je confirme : la campagne ne changera plus").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Figer la campagne" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await Assertions.Expect(coordinator.Locator("[data-testid=frozen]")).ToBeVisibleAsync();
        await PortalServer.ScreenshotAsync(coordinator, "evaluation-campagne-figee");

        await ReadAndPublishAsync(coordinator, campaignId, nextYear);
    }

    private async Task ReadAndPublishAsync(IPage coordinator, string campaignId, int year)
    {
        // The shared reading of the frozen campaign: a finding on the first question, in open disagreement — refused
        // without the dissent (beside its box, the observation kept), then recorded with it.
        await coordinator.GotoAsync($"/coordination/evaluation/campagnes/{campaignId}/lecture");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Commencer la lecture partagée" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await coordinator.Locator("[data-testid=questions] tbody tr a").First.ClickAsync();
        await Assertions.Expect(coordinator.Locator("[data-testid=indicator]").First).ToBeVisibleAsync();
        var record = coordinator.Locator("[data-testid=record-finding-form]");
        const string Observation = "Les porteurs des communes rurales restent moins nombreux à être accueillis que ceux des villes.";
        await record.GetByLabel("Constat", new() { Exact = true }).FillAsync(Observation);
        await record.GetByLabel("Désaccord ouvert").CheckAsync();
        await record.GetByLabel("Effets négatifs ou inattendus").FillAsync("Des porteurs ruraux orientés trop vite vers un financement.");
        await record.GetByLabel("Constat principal").CheckAsync();
        await record.GetByRole(AriaRole.Button, new() { Name = "Consigner le constat" }).ClickAsync();
        record = coordinator.Locator("[data-testid=record-finding-form]");
        await Assertions.Expect(record.Locator("[data-valmsg-for='Finding.Dissent']")).Not.ToBeEmptyAsync();
        await Assertions.Expect(record.GetByLabel("Constat", new() { Exact = true })).ToHaveValueAsync(Observation);
        await record.GetByLabel("Désaccord", new() { Exact = true }).FillAsync("Le pôle de Morlaix y lit d'abord une sous-déclaration des communes par les porteurs.");
        await record.GetByRole(AriaRole.Button, new() { Name = "Consigner le constat" }).ClickAsync();
        await ExpectFlashAsync(coordinator);

        // Two interpretations, each proposed by an organisation, and a recommendation.
        var finding = coordinator.Locator("[data-testid=finding]").Filter(new() { HasText = Observation });
        foreach (var (text, organisation) in new[]
        {
            ("L'accueil itinérant manque de moyens dans les EPCI ruraux.", "Région Bretagne"),
            ("Les porteurs ruraux déclarent souvent la commune de leur futur local, en ville.", "ADESS du Pays de Morlaix"),
        })
        {
            finding = coordinator.Locator("[data-testid=finding]").Filter(new() { HasText = Observation });
            if (!await finding.Locator("[data-testid=interpret-form]").IsVisibleAsync())
            {
                await finding.GetByText("Compléter ou modifier ce constat").ClickAsync();
            }

            var interpret = finding.Locator("[data-testid=interpret-form]");
            await interpret.GetByLabel("Interprétation").FillAsync(text);
            await interpret.GetByLabel("Organisation qui la propose").SelectOptionAsync(new SelectOptionValue { Label = organisation });
            await interpret.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'interprétation" }).ClickAsync();
            await ExpectFlashAsync(coordinator);
        }

        finding = coordinator.Locator("[data-testid=finding]").Filter(new() { HasText = Observation });
        await Assertions.Expect(finding.Locator("[data-testid=interpretations] li")).ToHaveCountAsync(2);
        if (!await finding.Locator("[data-testid=recommend-form]").IsVisibleAsync())
        {
            await finding.GetByText("Compléter ou modifier ce constat").ClickAsync();
        }

        await finding.Locator("[data-testid=recommend-form]").GetByLabel("Recommandation").FillAsync("Ouvrir une permanence mensuelle dans chaque EPCI rural.");
        await finding.Locator("[data-testid=recommend-form]").GetByRole(AriaRole.Button, new() { Name = "Ajouter la recommandation" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await PortalServer.ScreenshotAsync(coordinator, "evaluation-lecture-question");

        await PublishAsync(coordinator, campaignId, year, Observation);
    }

    private async Task PublishAsync(IPage coordinator, string campaignId, int year, string observation)
    {
        // The synthesis: refused without its opening text (beside the box, nothing published); then written, two key
        // indicators chosen, published — and the public reads it, organisations named, no person.
        await coordinator.GotoAsync($"/coordination/evaluation/campagnes/{campaignId}");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "La synthèse publique" }).ClickAsync();
        var form = coordinator.Locator("[data-testid=synthesis-form]");
        await form.Locator("input[type=checkbox]").Nth(0).CheckAsync();
        await form.Locator("input[type=checkbox]").Nth(1).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Publier la synthèse" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("[data-valmsg-for='Summary']")).Not.ToBeEmptyAsync();
        Assert.Equal(404, (await (await portal.NewPageAsync()).GotoAsync($"/evaluation/{year}"))?.Status);

        const string Summary = "Ce que les acteurs du programme ont lu ensemble de l'année, et ce qu'ils en décident.";
        form = coordinator.Locator("[data-testid=synthesis-form]");
        await form.GetByLabel("Texte d'ouverture de la synthèse").FillAsync(Summary);
        await form.GetByRole(AriaRole.Button, new() { Name = "Publier la synthèse" }).ClickAsync();
        await ExpectFlashAsync(coordinator);
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = "Retirer la synthèse" })).ToBeVisibleAsync();

        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync("/evaluation");
        await visitor.Locator($"[data-testid=synthesis][data-year='{year}'] a").First.ClickAsync();
        await Assertions.Expect(visitor.Locator("[data-testid=synthesis-summary]")).ToContainTextAsync(Summary);
        await Assertions.Expect(visitor.GetByText(observation)).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("ADESS du Pays de Morlaix").First).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("[data-testid=key-indicators] tbody tr")).ToHaveCountAsync(2);
        await PortalServer.ScreenshotAsync(visitor, "evaluation-synthese-publique");
    }
}
