using System.Net;
using Hangfire;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Orders;
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
    public async Task The_console_tells_a_failed_connection_check_from_one_never_made()
    {
        var (failed, _) = await fx.NewShopAsync("console-check-failed");
        var (never, _) = await fx.NewShopAsync("console-check-never");
        await fx.InTenantAsync(failed.Id, db => db.InvoiceboxSettings.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.CheckedAt, DateTimeOffset.UtcNow).SetProperty(x => x.CheckSucceeded, false)));
        await fx.InTenantAsync(never.Id, db => db.InvoiceboxSettings.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.CheckedAt, (DateTimeOffset?)null).SetProperty(x => x.CheckSucceeded, false)));
        var op = await fx.SignInAsync(PortalFixture.OperatorEmail);

        var page = await op.GetPageAsync("/Operator");

        Assert.Contains("data-connection=\"Failed\">проверка не прошла", Row(page, "console-check-failed"));
        Assert.Contains("data-connection=\"NotChecked\">не проверено", Row(page, "console-check-never"));
    }

    private static string Row(string page, string slug)
    {
        var row = page[page.IndexOf($"data-shop=\"{slug}\"", StringComparison.Ordinal)..];
        return row[..row.IndexOf("</tr>", StringComparison.Ordinal)].Replace("\r", "").Replace("\n", "");
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
    public async Task The_health_page_counts_only_hangfire_servers_with_a_recent_heartbeat()
    {
        var storage = fx.App.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            connection.AnnounceServer("health-test:live", new ServerContext { Queues = ["default"], WorkerCount = 1 });
            connection.AnnounceServer("health-test:before-restart", new ServerContext { Queues = ["default"], WorkerCount = 1 });
        }
        await fx.InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE hangfire.server SET lastheartbeat = now() - interval '10 minutes' WHERE id = 'health-test:before-restart'"));
        try
        {
            var op = await fx.SignInAsync(PortalFixture.OperatorEmail);

            var page = await op.GetPageAsync("/Operator/Health");

            Assert.Contains("серверов: 1,", page);
        }
        finally
        {
            using var connection = storage.GetConnection();
            connection.RemoveServer("health-test:live");
            connection.RemoveServer("health-test:before-restart");
        }
    }

    [Fact]
    public async Task A_failed_job_of_the_workers_is_named_by_its_method_though_the_portal_cannot_load_its_type()
    {
        var storage = fx.App.Services.GetRequiredService<JobStorage>();
        var jobId = new BackgroundJobClient(storage).Create<IOrderReconciler>(
            r => r.ReconcileOrderAsync(fx.ShopA.Id, fx.ShopA.OrderId, CancellationToken.None), new ScheduledState(TimeSpan.FromDays(1)));
        using (var connection = storage.GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            // Straight into the failed state: the client's state election would turn a failure into a retry.
            transaction.SetJobState(jobId, new FailedState(new TimeoutException("Invoicebox did not answer")));
            transaction.Commit();
        }
        // As the workers' own recurring jobs are recorded: a type from an assembly the portal does not reference.
        var typeName = typeof(IOrderReconciler).FullName + ", " + typeof(IOrderReconciler).Assembly.GetName().Name;
        await fx.InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE hangfire.job SET invocationdata = replace(replace(invocationdata::text, {0}, {1}), {2}, {3})::jsonb WHERE id = {4}",
            typeName, "Platform.Workers.Payments.PaymentReconciliationJob, Platform.Workers", nameof(IOrderReconciler.ReconcileOrderAsync), "RunAsync", long.Parse(jobId)));
        var op = await fx.SignInAsync(PortalFixture.OperatorEmail);

        var page = await op.GetPageAsync("/Operator/Health");

        Assert.Contains("<code>PaymentReconciliationJob.RunAsync</code>", page);
        Assert.DoesNotContain("<code>?</code>", page);
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
