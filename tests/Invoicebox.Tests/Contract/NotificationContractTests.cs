using Platform.Domain.Payments;
using Platform.Invoicebox.Notifications;
using static Invoicebox.Tests.Contract.EmulatorMerchants;

namespace Invoicebox.Tests.Contract;

public class NotificationContractTests : EmulatorTestBase
{
    [Fact]
    public async Task A_paid_order_is_notified_with_a_signature_our_verifier_accepts()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var basket = EmulatorHarness.TicketAndFee();
        var order = await Harness.Client(Coffee).CreateOrderAsync(EmulatorHarness.Order(basket, notificationUrl: receiver.Url.ToString()),
            CancellationToken.None);

        await Harness.PayAsync(order.OrderContainerId!);
        var notification = await receiver.NextAsync(TimeSpan.FromSeconds(15));

        Assert.True(NotificationSignature.Verify(notification.Body, Coffee.NotificationKey, notification.Signature));
        Assert.False(NotificationSignature.Verify(notification.Body, Flowers.NotificationKey, notification.Signature));
        Assert.False(NotificationSignature.Verify(notification.Body, Coffee.Token, notification.Signature));
        var paid = InvoiceboxNotification.TryParse(notification.Body);
        Assert.NotNull(paid);
        Assert.Equal(order.Id, paid.Id);
        Assert.True(paid.IsPaid);
        Assert.Equal(basket.Amount, paid.Amount);
        Assert.NotNull(paid.PaidAt);
    }

    [Fact]
    public async Task Each_order_of_a_paid_container_is_notified_to_its_own_merchant_with_its_own_key()
    {
        await using var mainReceiver = await NotificationReceiver.StartAsync();
        await using var shopReceiver = await NotificationReceiver.StartAsync();
        var main = await Harness.Client(Main).CreateOrderAsync(
            EmulatorHarness.Order(EmulatorHarness.TicketAndFee(), notificationUrl: mainReceiver.Url.ToString()), CancellationToken.None);
        var suborder = await Harness.Client(Coffee).CreateOrderAsync(
            EmulatorHarness.Order(EmulatorHarness.Basket(("TRF-1", 990.00m, Platform.Domain.Money.VatCode.VATNONE, 1m)), notificationUrl: shopReceiver.Url.ToString())
                with { OrderContainerId = main.OrderContainerId },
            CancellationToken.None);

        await Harness.PayAsync(main.OrderContainerId!);
        var toMain = await mainReceiver.NextAsync(TimeSpan.FromSeconds(15));
        var toShop = await shopReceiver.NextAsync(TimeSpan.FromSeconds(15));

        Assert.True(NotificationSignature.Verify(toMain.Body, Main.NotificationKey, toMain.Signature));
        Assert.True(NotificationSignature.Verify(toShop.Body, Coffee.NotificationKey, toShop.Signature));
        Assert.Equal(suborder.Id, InvoiceboxNotification.TryParse(toShop.Body)?.Id);
        Assert.True(InvoiceboxNotification.TryParse(toShop.Body)?.IsPaid);
    }
}
