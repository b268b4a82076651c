using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Projects;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>Helpers of the administration tests: forms by their action, checkboxes, seeded projects.</summary>
public static class AdminPages
{
    public const string AdminEmail = "admin@exemple.test";

    public static IHtmlFormElement FormFor(IHtmlDocument page, string actionSuffix) =>
        (IHtmlFormElement)(page.QuerySelectorAll("main form").FirstOrDefault(f => (f.GetAttribute("action") ?? string.Empty).EndsWith(actionSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form posting to …{actionSuffix} on a page saying: {page.MainText()}"));

    /// <summary>Ticks or unticks one checkbox, leaving the others as the page shows them.</summary>
    public static IHtmlFormElement Tick(this IHtmlFormElement form, string id, bool value)
    {
        var box = (IHtmlInputElement?)form.QuerySelector("#" + id) ?? throw new InvalidOperationException($"No checkbox #{id}");
        box.IsChecked = value;
        return form;
    }

    public static async Task<IHtmlDocument> SubmitAsync(this HtmlClient client, IHtmlDocument page, string actionSuffix, Dictionary<string, string>? values = null)
    {
        using var response = await client.SubmitAsync(FormFor(page, actionSuffix), values ?? []);
        return await HtmlClient.ParseAsync(response);
    }

    public static string ErrorSummary(this IHtmlDocument page) =>
        page.QuerySelector("[data-testid=error-summary]")?.TextContent ?? throw new InvalidOperationException("No error summary on a page saying: " + page.MainText());

    public static Task<Guid> PoleIdAsync(this PortalFactory portal, string code) =>
        portal.WithDbAsync(db => db.Poles.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    public static Task<Guid> UserIdAsync(this PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A porteur and their project submitted to a pôle, written directly (the porteur's forms are tested elsewhere).</summary>
    public static async Task<Guid> SeedSubmittedProjectAsync(this PortalFactory portal, string poleCode, string communeCode, string title)
    {
        var owner = await portal.CreateUserAsync($"porteur-{Guid.NewGuid():N}@exemple.test", Roles.Porteur);
        return await portal.WithDbAsync(async db =>
        {
            var pole = await db.Poles.Where(p => p.Code == poleCode).Select(p => p.Id).SingleAsync();
            var at = DateTimeOffset.UtcNow.AddDays(-1);
            var project = Project.CreateDraft(Guid.CreateVersion7(), owner.Id, new ProjectDetails(title, "Description " + title, "Un besoin", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, communeCode, SupportNeeds.Accompagnement, 2, null), at);
            project.Submit(owner.Id, pole, consentToProcessing: true, at);
            db.Projects.Add(project);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            return project.Id;
        });
    }
}
