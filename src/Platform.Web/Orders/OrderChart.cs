using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Orders;
using Platform.Domain.Money;
using Platform.Domain.Orders;
using Platform.Web.Localization;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Orders;

/// <summary>One day of the chart: orders placed, money of orders paid, money refunded; revenue is net of refunds.</summary>
public sealed record ChartDay(DateOnly Day, int Orders, Kopecks Paid, Kopecks Refunded)
{
    public Kopecks Revenue => Paid - Refunded;
}

/// <summary>
/// Orders and revenue per local day for the last 30 days, drawn as a server-side SVG (no script, no CDN): bars are
/// the revenue of that day (orders paid minus refunds made), the line is the number of orders placed that day.
/// </summary>
public sealed class OrderChart(PlatformDbContext db, PortalClock clock)
{
    public const int Days = 30;

    public async Task<IReadOnlyList<ChartDay>> LoadAsync(CancellationToken ct)
    {
        var firstDay = clock.Today.AddDays(-(Days - 1));
        var since = clock.StartOf(firstDay);
        var placed = await db.Orders.AsNoTracking().Where(o => o.CreatedAt >= since).Select(o => o.CreatedAt).ToListAsync(ct);
        var paid = await db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Paid && o.PaidAt >= since)
            .Select(o => new { PaidAt = o.PaidAt!.Value, o.Amount }).ToListAsync(ct);
        var refunded = await db.Refunds.AsNoTracking().SinceAsync(since, ct);
        DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(clock.Local(at).DateTime);
        var ordersByDay = placed.GroupBy(DayOf).ToDictionary(g => g.Key, g => g.Count());
        var paidByDay = paid.GroupBy(p => DayOf(p.PaidAt)).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var refundedByDay = refunded.GroupBy(r => DayOf(r.At)).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        return Enumerable.Range(0, Days).Select(i => firstDay.AddDays(i))
            .Select(day => new ChartDay(day, ordersByDay.GetValueOrDefault(day), paidByDay.GetValueOrDefault(day, Kopecks.Zero), refundedByDay.GetValueOrDefault(day, Kopecks.Zero)))
            .ToList();
    }

    public static string Svg(IReadOnlyList<ChartDay> days)
    {
        const int width = 760, height = 240, left = 8, right = 8, top = 14, bottom = 26;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var slot = plotWidth / (double)Math.Max(1, days.Count);
        // A day with more refunded than paid draws no bar; its tooltip says so.
        var maxRevenue = Math.Max(1, days.Max(d => d.Revenue.Value));
        var maxOrders = Math.Max(1, days.Max(d => d.Orders));
        var html = HtmlEncoder.Default;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{html.Encode(T("Заказы и выручка за 30 дней", "Orders and revenue, last 30 days"))}\">");
        svg.Append($"<line class=\"axis\" x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{width - right}\" y2=\"{top + plotHeight}\"/>");
        var points = new List<string>();
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            var x = left + i * slot;
            var barHeight = plotHeight * Math.Max(0, d.Revenue.Value) / (double)maxRevenue;
            var refunds = d.Refunded > Kopecks.Zero ? $" ({T("возвраты", "refunds")} {MoneyText.Rub(d.Refunded)})" : "";
            var tip = html.Encode($"{d.Day:dd.MM}: {MoneyText.Rub(d.Revenue)}{refunds}, {T("заказов", "orders")} {d.Orders}");
            svg.Append($"<rect class=\"bar\" x=\"{F(x + slot * 0.15)}\" y=\"{F(top + plotHeight - barHeight)}\" width=\"{F(slot * 0.7)}\" height=\"{F(barHeight)}\"><title>{tip}</title></rect>");
            var y = top + plotHeight - plotHeight * d.Orders / (double)maxOrders;
            points.Add($"{F(x + slot / 2)},{F(y)}");
            svg.Append($"<circle class=\"dot\" cx=\"{F(x + slot / 2)}\" cy=\"{F(y)}\" r=\"2.5\"><title>{tip}</title></circle>");
            if (i % 5 == 0 || i == days.Count - 1)
                svg.Append($"<text x=\"{F(x + slot / 2)}\" y=\"{height - 8}\" text-anchor=\"middle\">{d.Day:dd.MM}</text>");
        }
        svg.Append($"<polyline class=\"line\" points=\"{string.Join(' ', points)}\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
