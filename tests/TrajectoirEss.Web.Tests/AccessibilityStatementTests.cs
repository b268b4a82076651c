using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The accessibility statement says what the RGAA model requires (issue 19, item 24), and the error summary of a
/// refused form links each error to its field.
/// </summary>
public sealed partial class AccessibilityStatementTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string Text(IElement? element) => Regex.Replace(element?.TextContent ?? string.Empty, @"\s+", " ");

    [Fact]
    public async Task TheStatement_HasTheSectionsOfTheRgaaModel()
    {
        using var client = portal.CreateHtmlClient();
        var page = await client.GetDocumentAsync("/accessibilite");

        Assert.Contains("partiellement conforme", Text(page.QuerySelector("[data-testid=a11y-status]")), StringComparison.Ordinal);
        Assert.Contains("RGAA), version 4.1", Text(page.QuerySelector("[data-testid=a11y-status]")), StringComparison.Ordinal);
        var audit = Text(page.QuerySelector("[data-testid=a11y-audit]"));
        Assert.Contains("5 décembre 2026", audit, StringComparison.Ordinal);
        Assert.Contains("axe-core", audit, StringComparison.Ordinal);
        Assert.Contains("clavier", audit, StringComparison.Ordinal);
        var gaps = Text(page.QuerySelector("[data-testid=a11y-non-conformities]"));
        Assert.Contains("Non-conformités connues", gaps, StringComparison.Ordinal);
        Assert.Contains("XLSX", gaps, StringComparison.Ordinal);
        Assert.Contains("Dérogations pour charge disproportionnée", gaps, StringComparison.Ordinal);
        Assert.Contains("Contenus non soumis", gaps, StringComparison.Ordinal);
        var environment = Text(page.QuerySelector("[data-testid=a11y-environment]"));
        Assert.Contains("Technologies utilisées", environment, StringComparison.Ordinal);
        Assert.Contains("Chromium", environment, StringComparison.Ordinal);
        Assert.Contains("axe-core " + AxeCoreVersion(), environment, StringComparison.Ordinal);
        Assert.Equal("mailto:contact@trajectoiress.bzh", page.QuerySelector("[data-testid=a11y-contact-email]")!.GetAttribute("href"));
        var recourse = page.QuerySelector("[data-testid=a11y-recourse]")!;
        Assert.Contains("Défenseur des droits", Text(recourse), StringComparison.Ordinal);
        Assert.Contains("09 69 39 00 00", Text(recourse), StringComparison.Ordinal);
        Assert.Contains("Libre réponse 71120, 75342 Paris CEDEX 07", Text(recourse), StringComparison.Ordinal);
        Assert.NotNull(recourse.QuerySelector("a[href='https://formulaire.defenseurdesdroits.fr/']"));
        Assert.Contains("délégué", Text(recourse), StringComparison.Ordinal);
        Assert.Equal("Accessibilité : partiellement conforme", Text(page.QuerySelector("footer a[href='/accessibilite']")).Trim());
    }

    /// <summary>The version the statement gives is the one of the axe-core file the end-to-end tests inject.</summary>
    private static string AxeCoreVersion()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrajectoirEss.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        using var reader = new StreamReader(Path.Combine(directory.FullName, "tests", "TrajectoirEss.EndToEnd.Tests", "Assets", "axe.min.js"));
        return AxeHeader().Match(reader.ReadLine() ?? string.Empty).Groups[1].Value;
    }

    [Fact]
    public async Task ARefusedIdea_ListsEachErrorAsALinkToItsField()
    {
        var email = $"resume-{Guid.NewGuid():N}@exemple.test";
        await portal.CreateUserAsync(email, Roles.Porteur);
        using var client = await portal.SignInAsync(email);
        var form = (await client.GetDocumentAsync("/porteur/projets/nouveau")).Form();
        using var response = await client.SubmitAsync(form, new() { ["Nom du projet"] = new string('x', 121), ["PeopleCount"] = "0", ["intent"] = "brouillon" });
        var page = await HtmlClient.ParseAsync(response);

        var summary = page.QuerySelector("[data-testid=error-summary]")!;
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        var links = summary.QuerySelectorAll("li a").OfType<IHtmlAnchorElement>().ToList();
        Assert.Equal(summary.QuerySelectorAll("li").Length, links.Count);
        Assert.Contains(links, l => l.GetAttribute("href") == "#Title" && Text(l) == "Le nom du projet ne doit pas dépasser 120 caractères.");
        Assert.Contains(links, l => l.GetAttribute("href") == "#PeopleCount");
        foreach (var link in links)
        {
            var target = page.GetElementById(link.GetAttribute("href")![1..]);
            Assert.True(target is IHtmlInputElement or IHtmlTextAreaElement or IHtmlSelectElement, $"{link.GetAttribute("href")} is not a field of the page.");
        }
    }

    [Fact]
    public async Task ARefusedRegistration_LinksToTheFieldsAspForNamed()
    {
        using var client = portal.CreateHtmlClient();
        var form = (await client.GetDocumentAsync("/compte/inscription")).Form();
        using var response = await client.SubmitAsync(form, new() { ["Adresse électronique"] = "pas-une-adresse" });
        var page = await HtmlClient.ParseAsync(response);

        var hrefs = page.QuerySelectorAll("[data-testid=error-summary] li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("#Email", hrefs);
        Assert.Contains("#Password", hrefs);
        Assert.All(hrefs, href => Assert.NotNull(page.GetElementById(href[1..])));
    }

    [Fact]
    public void AnErrorAboutTheWholeForm_IsText_AndADottedKey_LinksToTheIdAspForGives()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Input.Code", "Ce code ne correspond pas.");
        state.AddModelError(string.Empty, "Quelqu'un d'autre a modifié ce projet.");
        state.AddModelError("Input.Code", "Ce code ne correspond pas.");

        var lines = ErrorSummary.Of(state);

        Assert.Equal(2, lines.Count);
        Assert.Equal(new ErrorSummaryLine("Quelqu'un d'autre a modifié ce projet.", null, null), lines[0]);
        Assert.Equal(new ErrorSummaryLine("Ce code ne correspond pas.", "Input.Code", "Input_Code"), lines[1]);
    }

    [GeneratedRegex(@"axe v(\d+\.\d+\.\d+)")]
    private static partial Regex AxeHeader();
}
