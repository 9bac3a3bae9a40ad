using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Domain.Buyers;
using Platform.Domain.Orders;
using Platform.Web.Localization;
using Platform.Web.Shared;

namespace Platform.Web.Orders;

/// <summary>The order list's filters, as they appear in the query string (and in the CSV export link).</summary>
public sealed record OrderFilters(OrderStatus? Status, DateOnly? From, DateOnly? To, string? Query)
{
    public Dictionary<string, string?> ToQuery() => new()
    {
        ["status"] = Status?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd"),
        ["to"] = To?.ToString("yyyy-MM-dd"),
        ["q"] = Query,
    };
}

/// <summary>Applies <see cref="OrderFilters"/> to the current shop's orders. Search takes an order number, an e-mail or a phone.</summary>
public sealed class OrderSearch(PlatformDbContext db, PortalClock clock)
{
    public IQueryable<Order> Apply(OrderFilters filters)
    {
        var orders = db.Orders.AsNoTracking();
        if (filters.Status is { } status)
            orders = orders.Where(o => o.Status == status);
        if (filters.From is { } from)
        {
            var start = clock.StartOf(from);
            orders = orders.Where(o => o.CreatedAt >= start);
        }
        if (filters.To is { } to)
        {
            var end = clock.StartOf(to.AddDays(1));
            orders = orders.Where(o => o.CreatedAt < end);
        }
        var query = filters.Query?.Trim();
        if (string.IsNullOrEmpty(query))
            return orders;

        if (query.Contains('@'))
        {
            // Stored e-mails are normalized (lowercase, Unicode domain); a partial address still finds by substring.
            var email = BuyerEmail.Normalize(query) is { IsValid: true } normalized ? normalized.Value.Address : query.ToLowerInvariant();
            return orders.Where(o => o.BuyerEmail != null && o.BuyerEmail.Contains(email));
        }
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            // A name, or a part of an e-mail typed without «@» (ivanov, example.ru).
            var pattern = LikePattern.Containing(query);
            return orders.Where(o => EF.Functions.ILike(o.BuyerName, pattern) || (o.BuyerEmail != null && EF.Functions.ILike(o.BuyerEmail, pattern)));
        }
        // An order number is short; a phone has 10–11 digits and is stored as E.164 digits (7XXXXXXXXXX).
        var phone = BuyerPhone.Normalize(query) is { IsValid: true } p ? p.Value.Digits : digits.Length == 11 && digits[0] == '8' ? "7" + digits[1..] : digits;
        if (digits.Length <= 9 && long.TryParse(digits, out var number))
            return orders.Where(o => o.Number == number || (o.BuyerPhone != null && o.BuyerPhone.Contains(digits)));
        return orders.Where(o => o.BuyerPhone != null && o.BuyerPhone.Contains(phone));
    }
}
