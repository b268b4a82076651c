using System.Reflection;
using System.Text.Json;
using Microsoft.Playwright;

namespace TrajectoirEss.EndToEnd.Tests;

/// <summary>
/// The help a form gives while typing and after a refusal: the character counter and the notice of a cut paste
/// (issue 19, item 7), the error summary whose links lead to the fields (issue 19, item 24).
/// </summary>
[Collection(PortalGroup.Name)]
public sealed class FormAssistanceTests(PortalServer portal)
{
    private static readonly string Axe = ReadAxe();

    private static string ReadAxe()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>French numbers use a narrow no-break space ("4 000"): compared as plain spaces.</summary>
    private static string Plain(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ').Trim();

    private static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Axe });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
            }
            """);
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    [Fact]
    public async Task PastingTooMuch_IntoTheIdeaForm_ShowsTheCounterAndSaysTheTextWasCut()
    {
        var page = await portal.SignInAsync("porteur@demo.test", bypassCsp: true);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/porteur/projets/nouveau");

        // Every field of 100 characters or more has its counter, described to screen readers with the field.
        var titleCounter = page.Locator("#Title-compteur");
        await Assertions.Expect(titleCounter).ToHaveTextAsync("0 / 120 caractères");
        Assert.Contains("Title-compteur", await page.Locator("#Title").GetAttributeAsync("aria-describedby") ?? string.Empty, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#Summary-compteur")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#SocialNeed-compteur")).ToBeVisibleAsync();

        // Typing counts; nothing is announced far from the limit.
        await page.Locator("#Title").FillAsync("Garage solidaire");
        await Assertions.Expect(titleCounter).ToHaveTextAsync("16 / 120 caractères");
        await Assertions.Expect(page.Locator("#Title-coupe")).ToBeHiddenAsync();

        // Text put in at once, longer than the field: cut by the browser, and said so beside the field.
        await page.Locator("#Title").FillAsync(string.Concat(Enumerable.Repeat("Recyclerie solidaire ", 8)));
        Assert.Equal(120, (await page.Locator("#Title").InputValueAsync()).Length);
        await Assertions.Expect(titleCounter).ToHaveTextAsync("120 / 120 caractères");
        Assert.Equal("Le texte collé a été coupé à 120 caractères.", Plain(await page.Locator("#Title-coupe").InnerTextAsync()));

        // A real paste from the clipboard into the description (4,000 characters at most).
        var description = string.Concat(Enumerable.Repeat("Réparer, réemployer, revendre. ", 140));
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", description);
        await page.Locator("#Summary").FocusAsync();
        await page.Keyboard.PressAsync("Control+V");
        Assert.Equal(4000, (await page.Locator("#Summary").InputValueAsync()).Length);
        await Assertions.Expect(page.Locator("#Summary-compteur")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^4.000 / 4.000 caractères$"));
        Assert.Equal("Le texte collé a été coupé à 4 000 caractères.", Plain(await page.Locator("#Summary-coupe").InnerTextAsync()));
        Assert.Contains("Summary-coupe", await page.Locator("#Summary").GetAttributeAsync("aria-describedby") ?? string.Empty, StringComparison.Ordinal);

        // The polite status near the field says it once, for screen readers only.
        var status = page.Locator("#Summary-coupe + [role=status]");
        Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));
        Assert.Equal("Le texte collé a été coupé à 4 000 caractères.", Plain(await status.TextContentAsync() ?? string.Empty));
        await PortalServer.ScreenshotAsync(page, "porteur-formulaire-compteur");

        Assert.Empty(await SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ARefusedForm_FocusesTheSummary_AndItsFirstLinkFocusesTheField()
    {
        var page = await portal.SignInAsync("porteur@demo.test", bypassCsp: true);
        await page.GotoAsync("/porteur/projets/nouveau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer vers le dépôt" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=error-summary]");

        Assert.Equal("resume-erreurs", await page.EvaluateAsync<string>("document.activeElement.id"));
        var first = page.Locator("[data-testid=error-summary] li a").First;
        var target = (await first.GetAttributeAsync("href"))![1..];
        Assert.True(await page.Locator("#" + target).CountAsync() == 1, $"The first link leads to #{target}, which is not on the page.");

        // With the keyboard: Tab to the first link, Enter.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(await first.InnerTextAsync(), await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(target, await page.EvaluateAsync<string>("document.activeElement.id"));
        await PortalServer.ScreenshotAsync(page, "porteur-formulaire-erreurs");

        Assert.Empty(await SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }
}
