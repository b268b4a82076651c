namespace TrajectoirEss.Web.Areas.Admin.Shared;

/// <summary>Where a paged list stands, and how to link to another page with the same filters.</summary>
public sealed record Paging(int Page, int PageCount, int Total, Func<int, string> Url)
{
    public static (int Page, int PageCount) Clamp(int requested, int total, int pageSize)
    {
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        return (Math.Clamp(requested, 1, pageCount), pageCount);
    }
}
