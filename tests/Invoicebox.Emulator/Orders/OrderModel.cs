using System.Text.Json.Nodes;

namespace Invoicebox.Emulator.Orders;

public static class OrderStatus
{
    public const string Created = "created";
    public const string Completed = "completed";
    public const string Expired = "expired";
    public const string Canceled = "canceled";
    public const string Hold = "hold";

    public static readonly IReadOnlyList<string> All = [Created, Completed, Expired, Canceled, Hold];
}

/// <summary>One basket line as validated: typed values for the rules, and its echo in wire order.</summary>
public sealed record BasketLine(
    string Sku,
    string Name,
    decimal Quantity,
    Kopecks Amount,
    Kopecks AmountWoVat,
    Kopecks TotalAmount,
    Kopecks TotalVatAmount,
    string VatCode,
    JsonObject Echo)
{
    public long QuantityThousandths => decimal.ToInt64(Quantity * 1000m);
}

/// <summary>
/// What a merchant asked for, validated. <see cref="Source"/> is the accepted request with only known fields, so an update
/// can overlay its fields and run the same validation again.
/// </summary>
public sealed record OrderContent(
    JsonObject Source,
    string MerchantId,
    string MerchantOrderId,
    string Description,
    Kopecks Amount,
    Kopecks VatAmount,
    string CurrencyId,
    string? LanguageId,
    DateTimeOffset ExpirationDate,
    IReadOnlyList<BasketLine> BasketItems,
    JsonObject Customer,
    string? OrderContainerId,
    string? NotificationUrl,
    string? SuccessUrl,
    string? FailUrl,
    bool Processable,
    JsonObject Extras);

/// <summary>An order as Invoicebox keeps it. Mutated only under the <see cref="OrderStore"/> lock.</summary>
public sealed class Order
{
    public required string Id { get; init; }
    public required string ContainerId { get; init; }
    public required string PaymentUrl { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required OrderContent Content { get; set; }
    public string Status { get; set; } = OrderStatus.Created;
    public DateTimeOffset? PaidAt { get; set; }

    public string MerchantId => Content.MerchantId;

    public OrderView View() => new(Id, ContainerId, PaymentUrl, CreatedAt, Content, Status, PaidAt);
}

public enum ContainerState
{
    Open,
    Paid,
    Declined,
    Held,
}

/// <summary>The invoice (счёт, orderContainerId) that one payment page shows and one payment settles.</summary>
public sealed class OrderContainer
{
    public required string Id { get; init; }
    public required string PaymentUrl { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public ContainerState State { get; set; } = ContainerState.Open;
    public List<Order> Orders { get; } = [];

    public bool IsClosed => State != ContainerState.Open;

    /// <summary>Orders the payer would pay now.</summary>
    public IEnumerable<Order> Payable => Orders.Where(o => o.Status is OrderStatus.Created or OrderStatus.Hold);

    public ContainerView View() => new(Id, PaymentUrl, CreatedAt, State, [.. Orders.Select(o => o.View())]);
}

/// <summary>A refund (возврат) of part or all of a paid order (reference §3.9).</summary>
public sealed class RefundOrder
{
    public required string Id { get; init; }
    public required string ParentId { get; init; }
    public required string MerchantId { get; init; }
    public required string MerchantOrderId { get; init; }
    public required string Description { get; init; }
    public required Kopecks Amount { get; init; }
    public required Kopecks VatAmount { get; init; }
    public required string CurrencyId { get; init; }
    public required IReadOnlyList<BasketLine> BasketItems { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Status { get; init; }
}

/// <summary>An order as it was at one moment; safe to read outside the store's lock.</summary>
public sealed record OrderView(
    string Id,
    string ContainerId,
    string PaymentUrl,
    DateTimeOffset CreatedAt,
    OrderContent Content,
    string Status,
    DateTimeOffset? PaidAt)
{
    public string MerchantId => Content.MerchantId;
}

public sealed record ContainerView(string Id, string PaymentUrl, DateTimeOffset CreatedAt, ContainerState State, IReadOnlyList<OrderView> Orders)
{
    public IEnumerable<OrderView> Payable => Orders.Where(o => o.Status is OrderStatus.Created or OrderStatus.Hold);

    public Kopecks PayableTotal => Payable.Aggregate(Kopecks.Zero, (sum, o) => sum + o.Content.Amount);
}
