using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Workers.Orders;

public sealed class HousekeepingOptions
{
    public TimeSpan SessionRetention { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan NotificationRetention { get; set; } = TimeSpan.FromDays(90);
}

/// <summary>Purges expired buyer sessions and old notification journal rows.</summary>
public sealed class HousekeepingJob(PlatformDbContext db, IOptions<HousekeepingOptions> options, TimeProvider time, ILogger<HousekeepingJob> log)
{
    [AcrossTenants]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sessionCutoff = now - options.Value.SessionRetention;
        var journalCutoff = now - options.Value.NotificationRetention;
        // Cross-tenant by design: retention is the same rule for every tenant.
        var sessions = await db.BuyerSessions.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).Where(s => s.ExpiresAt < sessionCutoff).ExecuteDeleteAsync(ct);
        var notifications = await db.PaymentNotifications.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).Where(n => n.ReceivedAt < journalCutoff).ExecuteDeleteAsync(ct);
        if (sessions + notifications > 0)
            log.LogInformation("Purged {Sessions} buyer sessions and {Notifications} notification journal rows", sessions, notifications);
    }
}
