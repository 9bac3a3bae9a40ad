using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Platform.Domain.Orders;

namespace Platform.Data.Orders;

/// <summary>
/// Applies order transitions compare-and-set in the database: the row moves only if it is still in the expected state,
/// and each move that happens appends exactly one timeline event in the same transaction. Runs in the caller's tenant.
/// </summary>
public sealed class OrderStateStore(PlatformDbContext db, TimeProvider time)
{
    /// <returns>True if this call moved the order; false if it was no longer in <paramref name="from"/> (someone else did).</returns>
    public async Task<bool> TryMoveAsync(Guid orderId, OrderStatus from, OrderStatus to, OrderEventSource source, string message,
        Action<UpdateSettersBuilder<Order>>? alsoSet = null, CancellationToken ct = default)
    {
        if (!OrderTransitions.CanMove(from, to))
            throw new InvalidOperationException($"An order cannot move from {from} to {to}.");

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Orders.Where(o => o.Id == orderId && o.Status == from).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(o => o.Status, to).SetProperty(o => o.UpdatedAt, now);
            if (to == OrderStatus.Paid)
                s.SetProperty(o => o.PaidAt, o => o.PaidAt ?? now);
            alsoSet?.Invoke(s);
        }, ct);
        if (moved == 0)
            return false;
        db.OrderEvents.Add(new OrderEvent { OrderId = orderId, At = now, FromStatus = from, ToStatus = to, Source = source, Message = message });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Moves from whatever state the order is in now, if the state machine allows it; retries on a concurrent move.</summary>
    public async Task<bool> TryMoveToAsync(Guid orderId, OrderStatus to, OrderEventSource source, string message,
        Action<UpdateSettersBuilder<Order>>? alsoSet = null, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await db.Orders.Where(o => o.Id == orderId).Select(o => (OrderStatus?)o.Status).SingleOrDefaultAsync(ct);
            if (current is not { } from || from == to || !OrderTransitions.CanMove(from, to))
                return false;
            if (await TryMoveAsync(orderId, from, to, source, message, alsoSet, ct))
                return true;
        }
        return false;
    }

    /// <summary>A timeline note without a state change (e.g. a failed submission attempt).</summary>
    public async Task NoteAsync(Guid orderId, OrderEventSource source, string message, CancellationToken ct = default)
    {
        db.OrderEvents.Add(new OrderEvent { OrderId = orderId, At = time.GetUtcNow(), Source = source, Message = message });
        await db.SaveChangesAsync(ct);
    }
}
