using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.ServiceDefaults.Jobs;
using static Platform.Web.Localization.UiText;

namespace Platform.Web.Operator;

public sealed record HealthItem(string Name, bool Ok, string Detail);
public sealed record QueueDepth(string Name, long Messages, long Consumers);
public sealed record FailedJob(string Id, string Job, string Exception, DateTime? FailedAt);
public sealed record HealthReport(IReadOnlyList<HealthItem> Checks, IReadOnlyList<QueueDepth> Queues, long FailedJobCount, IReadOnlyList<FailedJob> FailedJobs);

/// <summary>
/// What the operator's health page shows: PostgreSQL answers, the RabbitMQ management API answers and how deep the
/// order-submission queues are, and Hangfire's failed jobs (from its monitoring API). Each probe has a short timeout and
/// its own failure, so one broken part never hides the others.
/// </summary>
public sealed class PlatformHealth(PlatformDbContext db, IHttpClientFactory http, IOptions<RabbitMqManagementOptions> rabbit, JobStorage jobs,
    TimeProvider time, ILogger<PlatformHealth> log)
{
    /// <summary>
    /// Hangfire servers beat every 30 s; one silent for longer has stopped. A restarted worker leaves its old record
    /// behind until Hangfire's watchdog removes it minutes later, and those must not count as running servers.
    /// </summary>
    public static readonly TimeSpan ServerSilenceLimit = TimeSpan.FromMinutes(2);

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        var checks = new List<HealthItem> { await PostgresAsync(ct) };
        var (broker, queues) = await RabbitMqAsync(ct);
        checks.Add(broker);
        var (hangfire, failedCount, failed) = await HangfireAsync(ct);
        checks.Add(hangfire);
        return new HealthReport(checks, queues, failedCount, failed);
    }

    private async Task<HealthItem> PostgresAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
            return new HealthItem("PostgreSQL", true, T($"отвечает за {watch.ElapsedMilliseconds} мс", $"answers in {watch.ElapsedMilliseconds} ms"));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "PostgreSQL health probe failed");
            return new HealthItem("PostgreSQL", false, T("не отвечает", "does not answer"));
        }
    }

    private async Task<(HealthItem, IReadOnlyList<QueueDepth>)> RabbitMqAsync(CancellationToken ct)
    {
        var options = rabbit.Value;
        var client = http.CreateClient(OperatorFeature.RabbitMqManagementClient);
        if (client.BaseAddress is null)
            return (new HealthItem("RabbitMQ", false, T("не задан RabbitMq:ManagementUrl", "RabbitMq:ManagementUrl is not configured")), []);
        try
        {
            var overview = await client.GetFromJsonAsync<Overview>("api/overview", ct);
            var vhost = VirtualHost(options.Url);
            var all = await client.GetFromJsonAsync<List<QueueInfo>>($"api/queues/{Uri.EscapeDataString(vhost)}", ct) ?? [];
            var queues = all.Where(q => q.Name.StartsWith(options.SubmissionQueuePrefix, StringComparison.Ordinal))
                .OrderBy(q => q.Name).Select(q => new QueueDepth(q.Name, q.Messages, q.Consumers)).ToList();
            return (new HealthItem("RabbitMQ", true, $"RabbitMQ {overview?.RabbitMqVersion}, vhost {vhost}"), queues);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            log.LogWarning("RabbitMQ management probe failed: {Failure}", e.GetType().Name);
            return (new HealthItem("RabbitMQ", false, T("API управления не отвечает", "the management API does not answer")), []);
        }
    }

    private async Task<(HealthItem, long, IReadOnlyList<FailedJob>)> HangfireAsync(CancellationToken ct)
    {
        try
        {
            var monitoring = jobs.GetMonitoringApi();
            var failedCount = monitoring.FailedCount();
            var failedJobs = monitoring.FailedJobs(0, 10);
            var names = await RecordedNamesAsync(failedJobs.Where(j => j.Value.Job is null).Select(j => j.Key).ToList(), ct);
            var failed = failedJobs
                .Select(j => new FailedJob(j.Key, j.Value.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : names.GetValueOrDefault(j.Key, "?"),
                    Shorten($"{j.Value.ExceptionType}: {j.Value.ExceptionMessage}"), j.Value.FailedAt))
                .ToList();
            var now = time.GetUtcNow().UtcDateTime;
            var servers = monitoring.Servers().Count(s => s.Heartbeat is { } beat && now - DateTime.SpecifyKind(beat, DateTimeKind.Utc) < ServerSilenceLimit);
            return (new HealthItem("Hangfire", servers > 0,
                T($"серверов: {servers}, ошибок: {failedCount}", $"servers: {servers}, failed jobs: {failedCount}")), failedCount, failed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Hangfire monitoring probe failed");
            return (new HealthItem("Hangfire", false, T("хранилище задач недоступно", "the job storage is unavailable")), 0, []);
        }
    }

    /// <summary>
    /// <c>PaymentReconciliationJob.RunAsync</c> for jobs whose type this host does not have (the workers' own jobs):
    /// Hangfire's monitoring API then gives no job at all, but the type and method recorded with the job still say which
    /// one failed. Read from Hangfire's table in our database; on any trouble the name stays «?».
    /// </summary>
    private async Task<Dictionary<string, string>> RecordedNamesAsync(IReadOnlyList<string> jobIds, CancellationToken ct)
    {
        var ids = jobIds.Select(id => long.TryParse(id, out var n) ? n : -1).Where(n => n > 0).ToArray();
        if (ids.Length == 0)
            return [];
        try
        {
            var rows = await db.Database.SqlQueryRaw<RecordedJob>(
                $"SELECT id AS \"Id\", invocationdata::text AS \"Data\" FROM {HangfireExtensions.Schema}.job WHERE id = ANY({{0}})", ids).ToListAsync(ct);
            return rows.ToDictionary(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => NameOf(InvocationData.DeserializePayload(r.Data)));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning("Names of failed Hangfire jobs could not be read: {Failure}", e.GetType().Name);
            return [];
        }
    }

    private static string NameOf(InvocationData data)
    {
        var typeName = data.Type.Split(',')[0];
        return $"{typeName[(typeName.LastIndexOfAny(['.', '+']) + 1)..]}.{data.Method}";
    }

    private sealed record RecordedJob(long Id, string Data);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static string VirtualHost(string? amqpUrl)
    {
        if (!Uri.TryCreate(amqpUrl, UriKind.Absolute, out var uri))
            return "/";
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return path.Length == 0 ? "/" : path;
    }

    private sealed record Overview([property: JsonPropertyName("rabbitmq_version")] string? RabbitMqVersion);

    private sealed record QueueInfo(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("messages")] long Messages,
        [property: JsonPropertyName("consumers")] long Consumers);
}
