using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Web.Account;

/// <summary>A shop's slug: its name in Latin letters, lowercase, hyphens between words, unique among all shops.</summary>
public static class ShopSlugs
{
    public const int MaxLength = 48;

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch",
        ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    /// <summary>«Кофейня «Зерно»» → <c>kofeynya-zerno</c>; a name with no letters or digits gives <c>shop</c>.</summary>
    public static string FromName(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (Cyrillic.TryGetValue(c, out var latin))
                text.Append(latin);
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                text.Append(c);
            else
                text.Append('-');
        }
        var slug = string.Join('-', text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > MaxLength)
            slug = slug[..MaxLength].TrimEnd('-');
        return slug.Length == 0 ? "shop" : slug;
    }

    /// <summary>The slug for a name, with <c>-2</c>, <c>-3</c>... when it is taken. The unique index still decides a race.</summary>
    public static async Task<string> UniqueAsync(PlatformDbContext db, string name, CancellationToken ct)
    {
        var baseSlug = FromName(name);
        var taken = await db.Tenants.Where(t => t.Slug == baseSlug || t.Slug.StartsWith(baseSlug + "-"))
            .Select(t => t.Slug).ToListAsync(ct);
        if (!taken.Contains(baseSlug))
            return baseSlug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug[..Math.Min(baseSlug.Length, MaxLength - 6)]}-{n}";
            if (!taken.Contains(candidate))
                return candidate;
        }
    }
}
