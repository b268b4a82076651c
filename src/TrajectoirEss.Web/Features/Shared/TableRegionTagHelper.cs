using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>
/// The box around every data table: <c>&lt;div table-region="Projets du pôle"&gt;</c> becomes a container that
/// scrolls horizontally on a narrow screen (Bootstrap's <c>table-responsive</c>) and that a keyboard can reach
/// and scroll (<c>tabindex="0"</c>), announced as a region named after the table (RGAA 10.11, WCAG 2.1.1).
/// One home for this markup: <c>ViewTablesTests</c> fails on a table outside such a box.
/// </summary>
[HtmlTargetElement("div", Attributes = NameAttribute)]
public sealed class TableRegionTagHelper : TagHelper
{
    private const string NameAttribute = "table-region";

    /// <summary>The region's accessible name, in French (what the table lists).</summary>
    [HtmlAttributeName(NameAttribute)]
    public string Name { get; set; } = string.Empty;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new InvalidOperationException("A table region needs a name: <div table-region=\"…\">.");
        }

        output.AddClass("table-responsive", HtmlEncoder.Default);
        output.AddClass("table-region", HtmlEncoder.Default);
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("aria-label", Name);
    }
}
