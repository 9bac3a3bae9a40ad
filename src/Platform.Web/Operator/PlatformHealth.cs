using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Data;
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
    ILogger<PlatformHealth> log)
{
    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        var checks = new List<HealthItem> { await PostgresAsync(ct) };
        var (broker, queues) = await RabbitMqAsync(ct);
        checks.Add(broker);
        var (hangfire, failedCount, failed) = Hangfire();
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

    private (HealthItem, long, IReadOnlyList<FailedJob>) Hangfire()
    {
        try
        {
            var monitoring = jobs.GetMonitoringApi();
            var failedCount = monitoring.FailedCount();
            var failed = monitoring.FailedJobs(0, 10)
                .Select(j => new FailedJob(j.Key, j.Value.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : "?",
                    Shorten($"{j.Value.ExceptionType}: {j.Value.ExceptionMessage}"), j.Value.FailedAt))
                .ToList();
            var servers = monitoring.Servers().Count;
            return (new HealthItem("Hangfire", servers > 0,
                T($"серверов: {servers}, ошибок: {failedCount}", $"servers: {servers}, failed jobs: {failedCount}")), failedCount, failed);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Hangfire monitoring probe failed");
            return (new HealthItem("Hangfire", false, T("хранилище задач недоступно", "the job storage is unavailable")), 0, []);
        }
    }

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
