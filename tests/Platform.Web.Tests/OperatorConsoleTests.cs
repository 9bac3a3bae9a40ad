using System.Net;
using Microsoft.EntityFrameworkCore;
using Platform.Data.Payments;
using Platform.Domain.Orders;

namespace Platform.Web.Tests;

[Collection(nameof(PortalCollection))]
public sealed class OperatorConsoleTests(PortalFixture fx)
{
    [Fact]
    public async Task The_console_counts_rejected_orders_and_failed_notifications_of_the_last_day_per_shop()
    {
        var (shop, _) = await fx.NewShopAsync("console-errors");
        await fx.InTenantAsync(shop.Id, async db =>
        {
            var order = await db.Orders.SingleAsync(o => o.Id == shop.OrderId);
            order.Status = OrderStatus.Rejected;
            order.UpdatedAt = DateTimeOffset.UtcNow;
            db.PaymentNotifications.Add(new PaymentNotification { ReceivedAt = DateTimeOffset.UtcNow, Outcome = "signature_error" });
            db.PaymentNotifications.Add(new PaymentNotification { ReceivedAt = DateTimeOffset.UtcNow.AddDays(-2), Outcome = "signature_error" });
            return await db.SaveChangesAsync();
        });
        var op = await fx.SignInAsync(PortalFixture.OperatorEmail);

        var page = await op.GetPageAsync("/Operator");

        var row = page[page.IndexOf("data-shop=\"console-errors\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("<td class=\"num problem\">1</td>", row.Replace("\r", "").Replace("\n", ""));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(row, "num problem\">1<").Count);
        Assert.Contains(shop.ShopId.ToString(), row);
    }

    [Fact]
    public async Task The_health_page_reports_postgresql_rabbitmq_and_hangfire()
    {
        var op = await fx.SignInAsync(PortalFixture.OperatorEmail);

        var page = await op.GetPageAsync("/Operator/Health");

        Assert.Matches("data-check=\"PostgreSQL\"><th>PostgreSQL</th><td class=\"health-ok\"", page);
        Assert.Matches("data-check=\"RabbitMQ\"><th>RabbitMQ</th><td class=\"health-ok\"", page);
        Assert.Contains("data-check=\"Hangfire\"", page);
        Assert.Contains("http://127.0.0.1:5300/hangfire", page);
    }

    [Fact]
    public async Task Support_reads_the_console_without_action_buttons()
    {
        var support = await fx.SignInAsync(PortalFixture.SupportEmail);

        var page = await support.GetPageAsync("/Operator");

        Assert.Contains("только просмотр", page);
        Assert.DoesNotContain("handler=Suspend", page);
    }

    [Fact]
    public async Task An_operator_suspension_takes_the_shop_off_for_buyers_at_once()
    {
        var (shop, _) = await fx.NewShopAsync("console-suspend");
        var store = fx.App.Services.GetService(typeof(Platform.Data.Tenancy.TenantStore)) as Platform.Data.Tenancy.TenantStore;
        Assert.Equal(Platform.Data.Shops.TenantStatus.Live, (await store!.FindByShopIdAsync(shop.ShopId, CancellationToken.None))!.Tenant.Status);
        var op = await fx.SignInAsync(PortalFixture.OperatorEmail);

        var response = await op.PostFormAsync("/Operator?handler=Suspend", new() { ["id"] = shop.Id.ToString(), ["reason"] = "проверка" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Platform.Data.Shops.TenantStatus.Suspended, (await store.FindByShopIdAsync(shop.ShopId, CancellationToken.None))!.Tenant.Status);
    }
}
