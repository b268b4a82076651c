namespace TrajectoirEss.Web.Tests;

/// <summary>
/// Every data table of a view sits in the box that scrolls it on a narrow screen and lets a keyboard reach it
/// (<c>&lt;div table-region="…"&gt;</c>, Features/Shared/TableRegionTagHelper.cs): one home for that markup, so a new
/// table cannot widen the page at 320 px (issue 19, item 9).
/// </summary>
public sealed class ViewTablesTests
{
    [Fact]
    public void EveryTable_IsInATableRegion()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrajectoirEss.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var views = Directory.EnumerateFiles(Path.Combine(directory.FullName, "src", "TrajectoirEss.Web"), "*.cshtml", SearchOption.AllDirectories).ToList();
        var tables = 0;
        var outside = new List<string>();
        foreach (var view in views)
        {
            var lines = File.ReadAllLines(view);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].Contains("<table", StringComparison.Ordinal))
                {
                    continue;
                }

                tables++;
                var opening = lines.Take(i).Reverse().FirstOrDefault(l => l.TrimStart().StartsWith("<div", StringComparison.Ordinal));
                if (opening is null || !opening.Contains("table-region=\"", StringComparison.Ordinal) || opening.Contains("table-region=\"\"", StringComparison.Ordinal))
                {
                    outside.Add($"{Path.GetRelativePath(directory.FullName, view)}:{i + 1}");
                }
            }
        }

        Assert.True(tables > 20, $"Only {tables} tables found: is the views folder right?");
        Assert.True(outside.Count == 0, "Tables outside a <div table-region=\"…\">:\n" + string.Join('\n', outside));
    }
}
