using System.Globalization;
using System.Text.RegularExpressions;
using Invoicebox.Emulator.Orders;

namespace Invoicebox.Emulator.Api;

/// <summary>
/// The filter language of the list endpoints (reference §1.4): <c>field=v</c>, <c>field[]=a&amp;field[]=b</c>,
/// <c>field[_eq|_ne|_gt|_ge|_lt|_le|_start]=v</c>, <c>_order[field]=asc|desc</c>, paging by <c>_page</c>/<c>_pageSize</c>
/// (also <c>page</c>/<c>pageSize</c>; default size 30, at most 100, pages from 1). Unknown fields → 422 <c>wrong_filter_format</c>.
/// </summary>
public enum FieldKind
{
    Text,
    Date,
    Money,
}

public sealed record ListField<T>(FieldKind Kind, Func<T, object?> Get);

public sealed partial class ListQuery<T>
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 100;

    private readonly IReadOnlyDictionary<string, ListField<T>> _fields;
    private readonly List<Func<T, bool>> _filters = [];
    private readonly List<(Func<T, object?> Key, bool Descending)> _order = [];

    public int Page { get; private set; } = 1;
    public int PageSize { get; private set; } = DefaultPageSize;

    public ListQuery(IQueryCollection query, IReadOnlyDictionary<string, ListField<T>> fields)
    {
        _fields = fields;
        foreach (var (key, values) in query)
        {
            var match = KeyPattern().Match(key);
            if (!match.Success)
                throw ApiException.WrongFilter($"Unsupported query parameter \"{key}\"");
            var name = match.Groups["name"].Value;
            var op = match.Groups["op"].Success ? match.Groups["op"].Value : null;
            switch (name)
            {
                case "_page" or "page" when op is null:
                    Page = Positive(key, values);
                    break;
                case "_pageSize" or "pageSize" when op is null:
                    PageSize = Math.Min(Positive(key, values), MaxPageSize);
                    break;
                case "_order" when op is not null:
                    _order.Add((Field(op).Get, values.ToString() switch
                    {
                        "asc" => false,
                        "desc" => true,
                        _ => throw ApiException.WrongFilter($"{key} must be asc or desc"),
                    }));
                    break;
                default:
                    AddFilter(key, name, op, values);
                    break;
            }
        }
    }

    public (IReadOnlyList<T> Page, int TotalCount) Apply(IEnumerable<T> items)
    {
        var filtered = items.Where(item => _filters.All(f => f(item)));
        IOrderedEnumerable<T>? ordered = null;
        foreach (var (key, descending) in _order)
        {
            var comparer = Comparer<object?>.Create(CompareValues);
            ordered = ordered is null
                ? descending ? filtered.OrderByDescending(key, comparer) : filtered.OrderBy(key, comparer)
                : descending ? ordered.ThenByDescending(key, comparer) : ordered.ThenBy(key, comparer);
        }
        var all = (ordered ?? filtered).ToList();
        return ([.. all.Skip((Page - 1) * PageSize).Take(PageSize)], all.Count);
    }

    private void AddFilter(string key, string name, string? op, Microsoft.Extensions.Primitives.StringValues values)
    {
        var (kind, field) = Field(name);
        if (op == "")
        {
            var set = values.Select(v => Parse(key, kind, v ?? "")).ToList();
            _filters.Add(item => set.Any(v => CompareValues(field(item), v) == 0));
            return;
        }
        var text = values.ToString();
        Func<int, bool> test = op switch
        {
            null or "_eq" => c => c == 0,
            "_ne" => c => c != 0,
            "_gt" => c => c > 0,
            "_ge" => c => c >= 0,
            "_lt" => c => c < 0,
            "_le" => c => c <= 0,
            "_start" => _ => true,
            _ => throw ApiException.WrongFilter($"Unsupported operator in \"{key}\""),
        };
        if (op == "_start")
        {
            _filters.Add(item => field(item) is string s && s.StartsWith(text, StringComparison.Ordinal));
            return;
        }
        var operand = Parse(key, kind, text);
        _filters.Add(item => field(item) is { } value && test(CompareValues(value, operand)));
    }

    private ListField<T> Field(string name) =>
        _fields.TryGetValue(name, out var field) ? field : throw ApiException.WrongFilter($"Unknown filter field \"{name}\"");

    private static int Positive(string key, Microsoft.Extensions.Primitives.StringValues values) =>
        int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw ApiException.WrongFilter($"{key} must be a positive integer");

    /// <summary>Reads the filter text as the same kind of value the field holds.</summary>
    private static object Parse(string key, FieldKind kind, string text) => kind switch
    {
        FieldKind.Date => ParseDate(key, text),
        FieldKind.Money => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && Kopecks.FromRubles(d) is { } k
            ? k
            : throw ApiException.WrongFilter($"{key}: expected an amount"),
        _ => text,
    };

    private static DateTimeOffset ParseDate(string key, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw ApiException.WrongFilter($"{key}: expected a date, e.g. 2021-01-27T00:00:00");

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        (Kopecks x, Kopecks y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => string.CompareOrdinal(a.ToString(), b.ToString()),
    };

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(\[(?<op>[A-Za-z_]*)\])?$")]
    private static partial Regex KeyPattern();
}
