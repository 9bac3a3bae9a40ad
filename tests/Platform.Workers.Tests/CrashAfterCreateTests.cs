using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Domain.Orders;
using Platform.Invoicebox;
using Platform.Invoicebox.Orders;
using Platform.Invoicebox.Refunds;
using Platform.Testing;

namespace Platform.Workers.Tests;

/// <summary>
/// The worker "dies" right after Invoicebox created the order and before our save (the call returns, then the
/// consumer throws). The message is delivered again; the platform must adopt the existing Invoicebox order, not create a second.
/// </summary>
public sealed class CrashAfterCreateTests : IAsyncLifetime
{
    private PlatformStack _stack = null!;
    private static int _crashes;

    public async Task InitializeAsync()
    {
        _stack = await PlatformStack.StartAsync(workerServices: services =>
            services.Decorate<IInvoiceboxClientFactory>(inner => new CrashingFactory(inner)));
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task A_crash_between_the_invoicebox_call_and_the_save_still_ends_with_one_invoicebox_order()
    {
        var shop = await _stack.SeedShopAsync("crash", PlatformStack.MerchantZerno);

        var (orderId, _) = await _stack.PlaceOrderAsync(shop);

        var order = await PlatformStack.EventuallyAsync(() => _stack.InTenantAsync(shop.TenantId, db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)),
            o => o.Status == OrderStatus.AwaitingPayment, "awaiting payment");
        Assert.Equal(1, _crashes);
        Assert.True(order.SubmitAttempts >= 2);
        var remote = Assert.Single(await _stack.EmulatorControl.OrdersWithMerchantOrderIdAsync(order.MerchantOrderId));
        Assert.Equal(order.InvoiceboxOrderId, remote.GetProperty("id").GetString());
    }

    private sealed class CrashingFactory(IInvoiceboxClientFactory inner) : IInvoiceboxClientFactory
    {
        public IInvoiceboxClient Create(InvoiceboxCredentials credentials) => new CrashingClient(inner.Create(credentials));
    }

    private sealed class CrashingClient(IInvoiceboxClient inner) : IInvoiceboxClient
    {
        public string MerchantId => inner.MerchantId;

        public async Task<OrderResponse> CreateOrderAsync(CreateOrderRequest request, CancellationToken cancellationToken)
        {
            var created = await inner.CreateOrderAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _crashes) == 1)
                throw new InvalidOperationException("simulated crash after Invoicebox created the order");
            return created;
        }

        public Task<InvoiceboxAuthCheck> CheckAuthAsync(CancellationToken cancellationToken) => inner.CheckAuthAsync(cancellationToken);
        public Task<OrderResponse?> GetOrderAsync(string orderId, CancellationToken cancellationToken) => inner.GetOrderAsync(orderId, cancellationToken);
        public Task<OrderResponse?> FindByMerchantOrderIdAsync(string merchantOrderId, CancellationToken cancellationToken) => inner.FindByMerchantOrderIdAsync(merchantOrderId, cancellationToken);
        public Task<OrderPage> ListOrdersAsync(OrderFilter filter, CancellationToken cancellationToken) => inner.ListOrdersAsync(filter, cancellationToken);
        public Task<OrderResponse> UpdateOrderAsync(string orderId, UpdateOrderRequest request, CancellationToken cancellationToken) => inner.UpdateOrderAsync(orderId, request, cancellationToken);
        public Task<OrderResponse> CancelOrderAsync(string orderId, CancellationToken cancellationToken) => inner.CancelOrderAsync(orderId, cancellationToken);
        public Task<IReadOnlyList<RefundableBasketItem>> GetRefundableLinesAsync(string orderId, CancellationToken cancellationToken) => inner.GetRefundableLinesAsync(orderId, cancellationToken);
        public Task<RefundOrderResponse> CreateRefundAsync(CreateRefundRequest request, CancellationToken cancellationToken) => inner.CreateRefundAsync(request, cancellationToken);
        public Task<RefundOrderResponse?> FindRefundByMerchantOrderIdAsync(string merchantOrderId, CancellationToken cancellationToken) => inner.FindRefundByMerchantOrderIdAsync(merchantOrderId, cancellationToken);
    }
}

internal static class DecorateExtensions
{
    /// <summary>Wraps the registered singleton of <typeparamref name="T"/> (no Scrutor here; one decorator is all a test needs).</summary>
    public static void Decorate<T>(this IServiceCollection services, Func<T, T> decorate) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.AddSingleton(sp => decorate((T)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
    }
}
