using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Domain.Money;

namespace Platform.Data.Orders;

/// <summary>
/// Money a shop has returned: the refunds Invoicebox created or completed. Refunds it refused, or that are still
/// uncertain, do not count. The portal's order page, order list, CSV and revenue chart, and the buyer's result page all count them this way.
/// </summary>
public static class RefundTotals
{
    private static readonly Expression<Func<Refund, bool>> Counts = r => r.Status == RefundStatus.Created || r.Status == RefundStatus.Completed;
    private static readonly Func<Refund, bool> CountsLoaded = Counts.Compile();

    /// <summary>The counted refunds among <paramref name="refunds"/>, summed per order (orders without one are absent).</summary>
    public static async Task<Dictionary<Guid, Kopecks>> ByOrderAsync(this IQueryable<Refund> refunds, CancellationToken ct) =>
        (await refunds.Where(Counts).Select(r => new { r.OrderId, r.Amount }).ToListAsync(ct))
            .GroupBy(r => r.OrderId)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));

    /// <summary>The counted refunds among <paramref name="refunds"/> created at or after <paramref name="since"/>, as (when, how much).</summary>
    public static async Task<List<(DateTimeOffset At, Kopecks Amount)>> SinceAsync(this IQueryable<Refund> refunds, DateTimeOffset since, CancellationToken ct) =>
        (await refunds.Where(Counts).Where(r => r.CreatedAt >= since).Select(r => new { r.CreatedAt, r.Amount }).ToListAsync(ct))
            .Select(r => (r.CreatedAt, r.Amount)).ToList();

    /// <summary>The total of the counted refunds among refunds already loaded.</summary>
    public static Kopecks Total(IEnumerable<Refund> loaded) => loaded.Where(CountsLoaded).Sum(r => r.Amount);
}
