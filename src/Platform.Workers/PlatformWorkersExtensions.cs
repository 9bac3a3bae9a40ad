using Hangfire;
using Platform.Data.Orders;
using Platform.Invoicebox;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Invoicebox;
using Platform.ServiceDefaults.Jobs;
using Platform.ServiceDefaults.Messaging;
using Platform.Workers.Dashboard;
using Platform.Workers.Orders;
using Platform.Workers.Payments;

namespace Platform.Workers;

public static class PlatformWorkersExtensions
{
    public static WebApplicationBuilder AddPlatformWorkers(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.AddPlatformDefaults();
        builder.Services.AddInvoiceboxClient(config.GetSection("Invoicebox"));
        builder.Services.AddScoped<TenantInvoicebox>();
        builder.Services.AddPlatformBus(config, x => x.AddConsumer<OrderSubmissionConsumer>(typeof(OrderSubmissionConsumerDefinition)));

        builder.Services.Configure<ReconciliationOptions>(config.GetSection("Reconciliation"));
        builder.Services.Configure<OutboxSweepOptions>(config.GetSection("OutboxSweep"));
        builder.Services.Configure<HousekeepingOptions>(config.GetSection("Housekeeping"));
        builder.Services.AddScoped<PaymentReconciliationJob>();
        builder.Services.AddScoped<IOrderReconciler>(sp => sp.GetRequiredService<PaymentReconciliationJob>());
        builder.Services.AddScoped<OrderExpiryJob>();
        builder.Services.AddScoped<OrderOutboxSweepJob>();
        builder.Services.AddScoped<HousekeepingJob>();

        builder.Services.AddPlatformHangfire(config);
        builder.Services.AddHangfireServer(o =>
        {
            o.ServerName = $"workers:{Environment.MachineName}:{Environment.ProcessId}";
            o.WorkerCount = config.GetValue("Hangfire:WorkerCount", 4);
            o.SchedulePollingInterval = config.GetValue("Hangfire:SchedulePollingInterval", TimeSpan.FromSeconds(5));
        });
        builder.Services.AddHostedService<RecurringJobsRegistration>();
        builder.Services.AddDashboardAccess(config);
        return builder;
    }

    public static WebApplication MapPlatformWorkers(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/hangfire"))
                http.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            return next(http);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHangfireDashboard("/hangfire", new Hangfire.DashboardOptions
        {
            Authorization = [new DashboardRoleFilter()],
            IsReadOnlyFunc = DashboardAccess.IsReadOnly,
            DashboardTitle = "Platform jobs",
            AppPath = null,
        }).RequireAuthorization(DashboardAccess.Policy);
        app.MapPlatformHealth();
        return app;
    }
}

/// <summary>
/// Registers the recurring jobs at start-up. Misfires (the workers were down at a scheduled time) run once when the
/// workers come back, not once per missed slot: every job here is idempotent and only the latest state matters.
/// </summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IConfiguration config) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Relaxed, TimeZone = TimeZoneInfo.Utc };
        recurring.AddOrUpdate<PaymentReconciliationJob>("payments:reconcile", j => j.DispatchAsync(CancellationToken.None),
            config["Reconciliation:Cron"] ?? "*/5 * * * *", options);
        recurring.AddOrUpdate<OrderExpiryJob>("orders:expire", j => j.RunAsync(CancellationToken.None), config["Jobs:ExpiryCron"] ?? Cron.Minutely(), options);
        recurring.AddOrUpdate<OrderOutboxSweepJob>("orders:outbox-sweep", j => j.RunAsync(CancellationToken.None), config["Jobs:OutboxSweepCron"] ?? Cron.Minutely(), options);
        recurring.AddOrUpdate<HousekeepingJob>("housekeeping:purge", j => j.RunAsync(CancellationToken.None), config["Jobs:HousekeepingCron"] ?? Cron.Hourly(), options);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
