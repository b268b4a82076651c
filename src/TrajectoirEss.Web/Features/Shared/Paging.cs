namespace TrajectoirEss.Web.Features.Shared;

/// <summary>Where a paged list stands, and how to link to another page with the same filters.</summary>
public sealed record Paging(int Page, int PageCount, int Total, Func<int, string> Url)
{
    public static (int Page, int PageCount) Clamp(int requested, int total, int pageSize)
    {
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        return (Math.Clamp(requested, 1, pageCount), pageCount);
    }
}

/// <summary>A page of a list as a query reads it: its lines, where it stands, and how many lines there are in all.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Lines, int Page, int PageCount, int Total)
{
    /// <summary>The page's links, to the same list at another page.</summary>
    public Paging Links(Func<int, string> url) => new(Page, PageCount, Total, url);
}
