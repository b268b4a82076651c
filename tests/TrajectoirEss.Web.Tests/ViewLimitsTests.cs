using System.Text.RegularExpressions;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// A field's length comes from the domain type that checks it (maxlength="@Referral.ReasonMaxLength"), never
/// from a number typed in the view, which would drift from the rule the server applies.
/// </summary>
public sealed partial class ViewLimitsTests
{
    [Fact]
    public void NoView_WritesALengthAsANumber()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrajectoirEss.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var views = Directory.EnumerateFiles(Path.Combine(directory.FullName, "src", "TrajectoirEss.Web"), "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(views);
        var literals = views
            .SelectMany(view => File.ReadLines(view).Select((line, index) => (View: Path.GetRelativePath(directory.FullName, view), Line: index + 1, Text: line)))
            .Where(l => LengthAsANumber().IsMatch(l.Text))
            .Select(l => $"{l.View}:{l.Line}: {LengthAsANumber().Match(l.Text).Value}")
            .ToList();

        Assert.Empty(literals);
    }

    [GeneratedRegex("""\b(?:max|min)length="\s*\d+""", RegexOptions.IgnoreCase)]
    private static partial Regex LengthAsANumber();
}
