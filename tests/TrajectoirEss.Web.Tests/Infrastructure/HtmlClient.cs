using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace TrajectoirEss.Web.Tests.Infrastructure;

/// <summary>
/// A browser-like client for HTML tests: reads pages with AngleSharp, fills forms by label text (as a
/// person would), and posts them with every field the form holds, antiforgery token included.
/// </summary>
public sealed class HtmlClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "https://localhost/"));
        return (IHtmlDocument)document;
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>Submits a form; keys of <paramref name="values"/> are label texts or field names.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, Dictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        var boxes = new HashSet<string>(StringComparer.Ordinal);
        var filled = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            filled[FieldName(form, key)] = value;
        }

        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    boxes.Add(name);
                    var check = filled.TryGetValue(name, out var wanted) ? wanted == box.Value || wanted == "true" : box.IsChecked;
                    if (check)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "image" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, filled.GetValueOrDefault(name, input.Value)));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, filled.GetValueOrDefault(name, area.Value)));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, filled.GetValueOrDefault(name, select.Value ?? string.Empty)));
                    break;
            }
        }

        // Values for fields the loop does not emit (a submit button's name=value, say) are sent as given; a box
        // filled with a value none of its boxes has is left unticked, as a browser would.
        var emitted = fields.Select(f => f.Key).Concat(boxes).ToHashSet(StringComparer.Ordinal);
        fields.AddRange(filled.Where(f => !emitted.Contains(f.Key)));

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? form.BaseUri : form.Action;
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(action).PathAndQuery, content);
    }

    public void Dispose() => Http.Dispose();

    private static string FieldName(IHtmlFormElement form, string labelOrName)
    {
        var label = form.QuerySelectorAll("label").FirstOrDefault(l => Normalize(l.TextContent) == labelOrName);
        if (label is not null)
        {
            var target = form.QuerySelector("#" + label.GetAttribute("for"));
            return target?.GetAttribute("name") ?? throw new InvalidOperationException($"Label '{labelOrName}' points to no field.");
        }

        return form.Elements.Any(e => e.GetAttribute("name") == labelOrName)
            ? labelOrName
            : throw new InvalidOperationException($"No field labelled or named '{labelOrName}' in the form.");
    }

    // The asterisk that marks a required field is not part of the label's words.
    private static string Normalize(string text) => string.Join(' ', text.Replace("*", " ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public static class DocumentExtensions
{
    /// <summary>The form of the main content (the layout's logout form is in the header).</summary>
    public static IHtmlFormElement Form(this IHtmlDocument document) =>
        document.QuerySelector("main form") as IHtmlFormElement ?? throw new InvalidOperationException("No form in the page's main content.");

    /// <summary>The confirmation shown after an action; fails with what the page says instead when there is none.</summary>
    public static string Flash(this IHtmlDocument document) =>
        document.QuerySelector("[data-testid=flash]")?.TextContent.Trim()
        ?? throw new InvalidOperationException("No confirmation on the page, which says: " + string.Join(' ', document.MainText().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    public static string MainText(this IHtmlDocument document) => document.QuerySelector("main")?.TextContent ?? string.Empty;

    public static string? ErrorFor(this IHtmlDocument document, string fieldName) =>
        document.QuerySelector($"[data-valmsg-for='{fieldName}']")?.TextContent.Trim();

    /// <summary>The maxlength of a field of the page; fails when the field is missing or has none.</summary>
    public static int MaxLength(this IHtmlDocument document, string selector)
    {
        var field = document.QuerySelector(selector) ?? throw new InvalidOperationException($"No field {selector} on the page.");
        var text = field.GetAttribute("maxlength") ?? throw new InvalidOperationException($"The field {selector} has no maxlength.");
        return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
