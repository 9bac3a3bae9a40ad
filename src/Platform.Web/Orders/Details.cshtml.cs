using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Identity;
using Platform.Data.Orders;
using Platform.Domain.Money;
using Platform.Domain.Orders;
using Platform.Web.Account;
using Platform.Web.Localization;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Orders;

/// <summary>One order: amounts, lines, Invoicebox ids, the timeline, refunds, and the merchant's actions on it.</summary>
public sealed class DetailsModel(PlatformDbContext db, OrderActions actions, PortalClock clock, UserManager<PlatformUser> users) : PageModel
{
    public PortalClock Clock => clock;
    public Order Order { get; private set; } = null!;
    public IReadOnlyList<OrderEvent> Timeline { get; private set; } = [];
    public IReadOnlyList<Refund> Refunds { get; private set; } = [];
    public Kopecks Refunded { get; private set; }
    public bool IsOwner => User.IsOwner();
    public bool CanRefund => IsOwner && Order.Status == OrderStatus.Paid && Order.InvoiceboxOrderId is not null
        && Order.Lines.Any(l => l.Quantity > l.RefundedQuantity);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            return NotFound();
        Order = order;
        Timeline = await db.OrderEvents.AsNoTracking().Where(e => e.OrderId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        Refunds = await db.Refunds.AsNoTracking().Where(r => r.OrderId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        Refunded = RefundTotals.Total(Refunds);
        return Page();
    }

    public async Task<IActionResult> OnPostRecheckAsync(Guid id, CancellationToken ct)
    {
        if (!await actions.RecheckAsync(id, ct))
            return NotFound();
        TempData["Notice"] = T("Статус перепроверяется в Инвойсбоксе; обновите страницу через несколько секунд.",
            "The status is being re-checked with Invoicebox; reload the page in a few seconds.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Orders.AnyAsync(o => o.Id == id, ct))
            return NotFound();
        var problem = await actions.CancelAsync(id, ct);
        if (problem is null)
            TempData["Notice"] = T("Заказ отменён.", "The order has been canceled.");
        else
            TempData["Problem"] = problem;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRefundAsync(Guid id, Dictionary<Guid, string>? quantities, bool all, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            return NotFound();
        if (!User.IsOwner())
            return Forbid();
        var requested = new Dictionary<Guid, decimal>();
        foreach (var line in order.Lines)
        {
            if (all)
            {
                requested[line.Id] = line.Quantity - line.RefundedQuantity;
                continue;
            }
            var text = quantities?.GetValueOrDefault(line.Id);
            if (string.IsNullOrWhiteSpace(text))
                continue;
            if (MoneyText.ParseQuantity(text) is not { } quantity)
            {
                TempData["Problem"] = T($"«{line.Name}»: количество — число.", $"“{line.Name}”: the quantity must be a number.");
                return RedirectToPage(new { id });
            }
            requested[line.Id] = quantity;
        }
        var userId = Guid.TryParse(users.GetUserId(User), out var uid) ? uid : (Guid?)null;
        var problem = await actions.RefundAsync(id, requested, userId, ct);
        if (problem is null)
            TempData["Notice"] = T("Возврат создан в Инвойсбоксе. Деньги вернутся покупателю в течение нескольких рабочих дней.",
                "The refund has been created in Invoicebox. The buyer gets the money within a few business days.");
        else
            TempData["Problem"] = problem;
        return RedirectToPage(new { id });
    }
}
