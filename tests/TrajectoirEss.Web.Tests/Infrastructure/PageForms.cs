using AngleSharp.Html.Dom;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>Finds the form of a page's main content by the end of its action (pages with several forms: the file, a referral…).</summary>
public static class PageForms
{
    public static IHtmlFormElement FormFor(IHtmlDocument page, string actionSuffix)
    {
        ArgumentNullException.ThrowIfNull(page);
        return (IHtmlFormElement)(page.QuerySelectorAll("main form").FirstOrDefault(f => f.GetAttribute("action")!.EndsWith(actionSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form posting to …{actionSuffix}"));
    }
}
