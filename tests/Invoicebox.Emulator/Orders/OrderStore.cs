using System.Text.Json.Nodes;
using Invoicebox.Emulator.Api;
using Invoicebox.Emulator.Json;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Notifications;
using Microsoft.Extensions.Options;

namespace Invoicebox.Emulator.Orders;

/// <summary>
/// All orders, containers and refunds of the run, in memory behind one lock, with the status rules:
/// created → completed (pay) | hold | expired (time) | canceled (DELETE or decline); hold → completed | canceled.
/// Overdue orders expire lazily on every operation and by <see cref="ExpirySweeper"/>.
/// </summary>
public sealed class OrderStore(TimeProvider clock, IOptions<EmulatorOptions> options, NotificationOutbox outbox, MerchantRegistry merchants)
{
    private readonly Lock _gate = new();
    private readonly List<Order> _orders = [];
    private readonly Dictionary<string, OrderContainer> _containers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RefundOrder> _refunds = [];

    public OrderView Create(Merchant merchant, OrderContent content, string origin)
    {
        content = content with { MerchantId = merchant.MerchantId };
        lock (_gate)
        {
            var now = ExpireDue();
            if (options.Value.MerchantOrderIdUnique
                && _orders.Any(o => o.MerchantId == merchant.MerchantId && o.Content.MerchantOrderId == content.MerchantOrderId))
                throw ApiException.WrongValue("merchant_order_id_duplicate", "Merchant order id already used", "merchantOrderId");

            OrderContainer container;
            if (content.OrderContainerId is null)
            {
                var id = EmulatorIds.New(now);
                container = new OrderContainer { Id = id, CreatedAt = now, PaymentUrl = $"{origin.TrimEnd('/')}/order/{id}" };
                _containers.Add(id, container);
            }
            else if (!_containers.TryGetValue(content.OrderContainerId, out container!))
                throw new ApiException(404, "not_found", "Order container not found", [new ApiFieldError("orderContainerId", "wrong_value")]);
            else if (container.IsClosed)
                throw new ApiException(422, "wrong_order_status", "The order container is already paid or closed", [new ApiFieldError("orderContainerId", "wrong_value")]);

            var order = new Order
            {
                Id = EmulatorIds.New(now),
                ContainerId = container.Id,
                PaymentUrl = container.PaymentUrl,
                CreatedAt = now,
                Content = content,
            };
            container.Orders.Add(order);
            _orders.Add(order);
            return Materialized(order.View());
        }
    }

    public OrderView Get(Merchant merchant, string id)
    {
        lock (_gate)
        {
            ExpireDue();
            return Owned(merchant, id).View();
        }
    }

    public OrderView Update(Merchant merchant, string id, JsonObject body)
    {
        lock (_gate)
        {
            var now = ExpireDue();
            var order = Owned(merchant, id);
            if (order.Status != OrderStatus.Created)
                throw ApiException.WrongOrderStatus(order.Status);
            order.Content = OrderRequestReader.ReadUpdate(order.Content, body, now) with { MerchantId = merchant.MerchantId };
            return Materialized(order.View());
        }
    }

    /// <summary>DELETE: a merchant withdraws an unpaid order (or reverses a hold). The merchant asked, so no notification.</summary>
    public OrderView Cancel(Merchant merchant, string id)
    {
        lock (_gate)
        {
            ExpireDue();
            var order = Owned(merchant, id);
            if (order.Status is not (OrderStatus.Created or OrderStatus.Hold))
                throw ApiException.WrongOrderStatus(order.Status);
            order.Status = OrderStatus.Canceled;
            return order.View();
        }
    }

    public IReadOnlyList<OrderView> OrdersOf(Merchant merchant)
    {
        lock (_gate)
        {
            ExpireDue();
            return [.. _orders.Where(o => o.MerchantId == merchant.MerchantId).Select(o => o.View())];
        }
    }

    public IReadOnlyList<OrderView> AllOrders()
    {
        lock (_gate)
        {
            ExpireDue();
            return [.. _orders.Select(o => o.View())];
        }
    }

    public OrderView? FindOrder(string id)
    {
        lock (_gate)
        {
            ExpireDue();
            return _orders.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.OrdinalIgnoreCase))?.View();
        }
    }

    public ContainerView? FindContainer(string id)
    {
        lock (_gate)
        {
            ExpireDue();
            return _containers.TryGetValue(id, out var c) ? c.View() : null;
        }
    }

    /// <summary>The payer pays the invoice: every payable order becomes <c>completed</c> and is notified.</summary>
    public ContainerView Pay(string containerId) => Settle(containerId, OrderStatus.Completed, ContainerState.Paid);

    /// <summary>The payer declines: every payable order becomes <c>canceled</c> and is notified.</summary>
    public ContainerView Decline(string containerId) => Settle(containerId, OrderStatus.Canceled, ContainerState.Declined);

    /// <summary>Funds held (pre-authorised): every <c>created</c> order becomes <c>hold</c> and is notified.</summary>
    public ContainerView Hold(string containerId) => Settle(containerId, OrderStatus.Hold, ContainerState.Held);

    private ContainerView Settle(string containerId, string status, ContainerState state)
    {
        lock (_gate)
        {
            var now = ExpireDue();
            if (!_containers.TryGetValue(containerId, out var container))
                throw ApiException.NotFound("Order container not found");
            var affected = status == OrderStatus.Hold
                ? container.Orders.Where(o => o.Status == OrderStatus.Created).ToList()
                : container.Payable.ToList();
            if (container.State is ContainerState.Paid or ContainerState.Declined || affected.Count == 0)
                throw new ApiException(422, "wrong_order_status", $"Nothing to settle: the container is {container.State.ToString().ToLowerInvariant()} and has no payable order");

            foreach (var order in affected)
            {
                order.Status = status;
                if (status == OrderStatus.Completed)
                    order.PaidAt = now;
                Notify(order);
            }
            container.State = state;
            return container.View();
        }
    }

    /// <summary>Test hook: the order passes its expiration date now.</summary>
    public OrderView Expire(string orderId)
    {
        lock (_gate)
        {
            ExpireDue();
            var order = _orders.FirstOrDefault(o => string.Equals(o.Id, orderId, StringComparison.OrdinalIgnoreCase))
                ?? throw ApiException.NotFound("Order not found");
            if (order.Status != OrderStatus.Created)
                throw ApiException.WrongOrderStatus(order.Status);
            order.Status = OrderStatus.Expired;
            return order.View();
        }
    }

    /// <summary>Lines still refundable, with <c>availableAmount</c> / <c>availableVatAmount</c> (reference §3.9).</summary>
    public JsonArray RefundableLines(Merchant merchant, string orderId)
    {
        lock (_gate)
        {
            ExpireDue();
            var order = Owned(merchant, orderId);
            if (order.Status != OrderStatus.Completed)
                throw ApiException.WrongOrderStatus(order.Status);
            var available = Available(order);
            var result = new JsonArray();
            for (var i = 0; i < order.Content.BasketItems.Count; i++)
            {
                var line = (JsonObject)order.Content.BasketItems[i].Echo.DeepClone();
                line["availableAmount"] = PhpJson.Money(available[i].Amount);
                line["availableVatAmount"] = PhpJson.Money(available[i].Vat);
                result.Add(line);
            }
            return result;
        }
    }

    public RefundOrder CreateRefund(Merchant merchant, JsonObject body)
    {
        var request = OrderRequestReader.ReadRefund(body);
        lock (_gate)
        {
            var now = ExpireDue();
            var parent = Owned(merchant, request.ParentId);
            if (parent.Status != OrderStatus.Completed)
                throw ApiException.WrongOrderStatus(parent.Status);
            if (_refunds.Any(r => r.MerchantId == merchant.MerchantId && r.MerchantOrderId == request.MerchantOrderId))
                throw ApiException.WrongValue("merchant_order_id_duplicate", "Merchant order id already used by another refund", "merchantOrderId");

            var available = Available(parent);
            for (var i = 0; i < request.Lines.Count; i++)
                Consume(parent, available, request.Lines[i], $"basketItems[{i}]");

            var refund = new RefundOrder
            {
                Id = EmulatorIds.New(now),
                ParentId = parent.Id,
                MerchantId = merchant.MerchantId,
                MerchantOrderId = request.MerchantOrderId,
                Description = request.Description,
                Amount = request.Amount,
                VatAmount = request.VatAmount,
                CurrencyId = parent.Content.CurrencyId,
                BasketItems = request.Lines,
                CreatedAt = now,
                Status = request.Status,
            };
            _refunds.Add(refund);
            return refund;
        }
    }

    public IReadOnlyList<RefundOrder> RefundsOf(Merchant merchant)
    {
        lock (_gate) return [.. _refunds.Where(r => r.MerchantId == merchant.MerchantId)];
    }

    public IReadOnlyList<RefundOrder> AllRefunds()
    {
        lock (_gate) return [.. _refunds];
    }

    public void Reset()
    {
        lock (_gate)
        {
            _orders.Clear();
            _containers.Clear();
            _refunds.Clear();
        }
    }

    /// <summary>Turns every overdue <c>created</c> order into <c>expired</c>; returns "now" for the caller.</summary>
    public DateTimeOffset ExpireDue()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var order in _orders)
                if (order.Status == OrderStatus.Created && order.Content.ExpirationDate <= now)
                    order.Status = OrderStatus.Expired;
        }
        return now;
    }

    private Order Owned(Merchant merchant, string id)
    {
        var order = _orders.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiException.NotFound("Order not found");
        if (order.MerchantId != merchant.MerchantId)
            throw ApiException.Forbidden();
        return order;
    }

    private void Notify(Order order)
    {
        var merchant = merchants.ById(order.MerchantId)
            ?? throw new InvalidOperationException($"Order {order.Id} belongs to an unknown merchant {order.MerchantId}");
        outbox.EnqueueOrder(merchant, order.View());
    }

    private List<(Kopecks Amount, Kopecks Vat)> Available(Order order)
    {
        var available = order.Content.BasketItems.Select(l => (l.TotalAmount, l.TotalVatAmount)).ToList();
        foreach (var refund in _refunds.Where(r => r.ParentId == order.Id && r.Status != OrderStatus.Canceled))
            foreach (var line in refund.BasketItems)
                Consume(order, available, line, path: null);
        return available;
    }

    /// <summary>Takes a refund line from the parent's lines with the same sku, in order; throws when it asks for more than is left.</summary>
    private static void Consume(Order parent, List<(Kopecks Amount, Kopecks Vat)> available, BasketLine line, string? path)
    {
        var amount = line.TotalAmount;
        var vat = line.TotalVatAmount;
        var matched = false;
        for (var i = 0; i < available.Count && (amount > Kopecks.Zero || vat > Kopecks.Zero); i++)
        {
            if (parent.Content.BasketItems[i].Sku != line.Sku)
                continue;
            matched = true;
            var takeAmount = amount < available[i].Amount ? amount : available[i].Amount;
            var takeVat = vat < available[i].Vat ? vat : available[i].Vat;
            available[i] = (available[i].Amount - takeAmount, available[i].Vat - takeVat);
            amount -= takeAmount;
            vat -= takeVat;
        }
        if (path is null)
            return;
        if (!matched && parent.Content.BasketItems.All(l => l.Sku != line.Sku))
            throw ApiException.Validation([new ApiFieldError($"{path}.sku", "wrong_value", "No line of the parent order has this sku.")]);
        if (amount > Kopecks.Zero)
            throw new ApiException(422, "wrong_basket_item_total_amount", "Refund exceeds what is refundable", [new ApiFieldError($"{path}.totalAmount", "wrong_value")]);
        if (vat > Kopecks.Zero)
            throw new ApiException(422, "wrong_basket_item_total_vat_amount", "Refund VAT exceeds what is refundable", [new ApiFieldError($"{path}.totalVatAmount", "wrong_value")]);
    }

    // Writing the order once walks every JSON node it holds, so later readers on other threads never race on lazy parsing.
    private static OrderView Materialized(OrderView view)
    {
        _ = PhpJson.Serialize(OrderJson.Order(view));
        return view;
    }
}
