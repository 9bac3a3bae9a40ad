namespace Platform.Web.Shared;

/// <summary>Page links for a list: which page this is, how many there are, and the query to keep.</summary>
public sealed record Pager(int Page, int PageSize, int Total, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Link(int page)
    {
        var query = Query.Where(kv => !string.IsNullOrEmpty(kv.Value) && kv.Key != "page")
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value!)}")
            .Append($"page={page}");
        return Path + "?" + string.Join("&", query);
    }

    public static int Clamp(int? page) => Math.Max(1, page ?? 1);
}
