namespace Platform.Web.Shared;

/// <summary>Page links for a list: which page this is, how many there are, and the query to keep.</summary>
public sealed record Pager(int Page, int PageSize, int Total, string Path, IReadOnlyDictionary<string, string?> Query)
{
    /// <summary>
    /// The page number's query key. A handler reads it with <c>[FromQuery(Name = Pager.QueryKey)]</c>: a bare parameter
    /// named <c>page</c> binds Razor Pages' own route value (the page's path) and is always null.
    /// </summary>
    public const string QueryKey = "page";

    public int Pages => PageCount(Total, PageSize);

    public string Link(int page)
    {
        var query = Query.Where(kv => !string.IsNullOrEmpty(kv.Value) && kv.Key != QueryKey)
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value!)}")
            .Append($"{QueryKey}={page}");
        return Path + "?" + string.Join("&", query);
    }

    /// <summary>The page to show: a number past the last page (or absurdly large) shows the last one.</summary>
    public static int Clamp(int? page, int total, int pageSize) => Math.Clamp(page ?? 1, 1, PageCount(total, pageSize));

    private static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
