namespace Platform.Web.Shared;

/// <summary>Search text as a PostgreSQL <c>ILIKE</c> pattern: found anywhere, with <c>\</c>, <c>%</c> and <c>_</c> taken literally.</summary>
public static class LikePattern
{
    public static string Containing(string text) => "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
