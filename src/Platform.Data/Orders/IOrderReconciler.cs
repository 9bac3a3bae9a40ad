namespace Platform.Data.Orders;

/// <summary>
/// Hangfire job entry point implemented by the workers: re-read one order's status from Invoicebox (the truth) and apply
/// it. The portal enqueues it ("re-check status now") through this interface, so it needs no reference to the workers.
/// Arguments are ids only; the tenant id is required (the tenant job filter enforces it).
/// </summary>
public interface IOrderReconciler
{
    Task ReconcileOrderAsync(Guid tenantId, Guid orderId, CancellationToken cancellationToken);
}
