using Platform.Data.Tenancy;

namespace Platform.Data.Orders;

/// <summary>Ask the workers to create the Invoicebox order for an accepted order. Ids only: prices are read from the row.</summary>
public sealed record SubmitOrder(Guid TenantId, Guid OrderId) : ITenantMessage;
