namespace Platform.Invoicebox.Orders;

/// <summary>
/// Filters of <c>GET {prefix}/filter/api/order/order</c>. <see cref="Statuses"/> with one value is sent as
/// <c>status=</c>, with several as <c>status[]=</c>; the creation window as <c>createdAt[_ge]</c>/<c>createdAt[_le]</c>.
/// </summary>
public sealed record OrderFilter
{
    public string? Id { get; init; }
    /// <summary>Sent as <c>merchantId=</c>; Invoicebox answers 403 when the token has no access to that merchant.</summary>
    public string? MerchantId { get; init; }
    public string? MerchantOrderId { get; init; }
    public IReadOnlyList<string>? Statuses { get; init; }
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    /// <summary>1-based.</summary>
    public int? Page { get; init; }
    /// <summary>Invoicebox's default is 30.</summary>
    public int? PageSize { get; init; }
    /// <summary>Sends <c>_order[createdAt]=desc</c>.</summary>
    public bool NewestFirst { get; init; } = true;
}

/// <summary>One page of orders and the paging facts Invoicebox returned with it.</summary>
public sealed record OrderPage(IReadOnlyList<OrderResponse> Items, int TotalCount, int Page, int PageSize);
