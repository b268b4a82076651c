using System.Reflection;
using System.Text.Json;
using Microsoft.Playwright;

namespace TrajectoirEss.EndToEnd.Tests;

/// <summary>
/// The demo's public partner (region@demo.test, Région Bretagne) signs in, lands on the programme's dashboard,
/// which passes axe-core, offers no other area and no action, and is refused a pôle's inbox (issue 20).
/// </summary>
[Collection(PortalGroup.Name)]
public sealed class PublicPartnerSmokeTests(PortalServer portal)
{
    private static string ReadAxe()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task TheRegionsPartner_OpensTheDashboard_ReadOnly_WithNoSeriousViolation()
    {
        var page = await portal.SignInAsync("region@demo.test", bypassCsp: true);

        Assert.Equal("/coordination", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Indicateurs du programme");
        await Assertions.Expect(page.Locator("[data-testid=current-user]")).ToHaveTextAsync("Rozenn Région");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Indicateurs du programme" })).ToBeVisibleAsync();
        Assert.Equal(0, await menu.GetByRole(AriaRole.Link, new() { Name = "Administration" }).CountAsync());
        Assert.Equal(0, await page.Locator("main form[method=post]").CountAsync());

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = ReadAxe() });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
            }
            """);
        Assert.True(violations.GetArrayLength() == 0, string.Join('\n', violations.EnumerateArray().Select(v => v.GetString())));
        await PortalServer.ScreenshotAsync(page, "partenaire-public-tableau-de-bord");

        var csv = await page.APIRequest.GetAsync("/coordination/export.csv?table=indicateurs");
        Assert.Equal(200, csv.Status);
        var inbox = await page.GotoAsync("/pole");
        Assert.Equal(403, inbox?.Status);
    }
}
