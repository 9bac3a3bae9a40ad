using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Invoicebox.Emulator.Faults;
using Microsoft.Extensions.Options;

namespace Invoicebox.Emulator.Notifications;

/// <summary>
/// Sends what the <see cref="NotificationOutbox"/> holds: POST with <c>X-Signature</c>, 20 s timeout, delivered only on
/// HTTP 200 with <c>{"status":"success"}</c>; anything else is retried on the configured schedule (reference §4).
/// Sends run concurrently so one slow shop does not hold up another; every send is awaited before shutdown.
/// </summary>
public sealed class NotificationDispatcher(
    NotificationOutbox outbox,
    FaultState faults,
    IHttpClientFactory httpClients,
    IOptions<EmulatorOptions> options,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "notifications";
    private const int MaxResponseChars = 4000;

    private readonly ConcurrentDictionary<long, Task> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var record in outbox.TakeDue())
                    _inFlight[record.Id] = SendAsync(record, stoppingToken);
                await outbox.WaitForWorkAsync(outbox.UntilNextDue(TimeSpan.FromSeconds(1)), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(_inFlight.Values);
        }
    }

    private async Task SendAsync(NotificationRecord record, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var current = faults.Current;
            if (current.LatencyMs > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(current.LatencyMs), clock, stoppingToken);

            if (current.DropNotifications)
            {
                outbox.AddAttempt(record, Attempt(record, null, "dropped (fault dropNotifications)", null, false, record.Signature, false));
                outbox.Complete(record, delivered: false, dropped: true, options.Value.Notifications.EffectiveRetryDelays);
                return;
            }

            var signature = current.CorruptSignature
                ? NotificationSignature.Corrupt(record.NotificationKey, record.BodyBytes)
                : record.Signature;
            var delivered = false;
            for (var copy = 0; copy < (current.DuplicateNotifications ? 2 : 1); copy++)
            {
                var attempt = await PostAsync(record, signature, current.CorruptSignature, stoppingToken);
                outbox.AddAttempt(record, attempt);
                delivered |= attempt.Delivered;
            }
            outbox.Complete(record, delivered, dropped: false, options.Value.Notifications.EffectiveRetryDelays);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Notification {NotificationId} for order {OrderId} failed unexpectedly", record.Id, record.OrderId);
            outbox.AddAttempt(record, Attempt(record, null, e.Message, null, false, record.Signature, false));
            outbox.Complete(record, delivered: false, dropped: false, options.Value.Notifications.EffectiveRetryDelays);
        }
        finally
        {
            _inFlight.TryRemove(record.Id, out _);
        }
    }

    private async Task<DeliveryAttempt> PostAsync(NotificationRecord record, string signature, bool corrupted, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.Notifications.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.Notifications.DeliveryUri(record.Url));
        request.Content = new ByteArrayContent(record.BodyBytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Signature", signature);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var delivered = response.StatusCode == System.Net.HttpStatusCode.OK && IsSuccess(body);
            logger.LogInformation("Notification {NotificationId} for order {OrderId} attempt {Attempt}: HTTP {Status}, delivered {Delivered}",
                record.Id, record.OrderId, record.AttemptsMade, (int)response.StatusCode, delivered);
            return Attempt(record, (int)response.StatusCode, null, Truncate(body), delivered, signature, corrupted);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return Attempt(record, null, $"timeout after {options.Value.Notifications.Timeout.TotalSeconds:0.###} s", null, false, signature, corrupted);
        }
        catch (HttpRequestException e)
        {
            return Attempt(record, null, e.Message, null, false, signature, corrupted);
        }
    }

    private DeliveryAttempt Attempt(NotificationRecord r, int? status, string? error, string? body, bool delivered, string signature, bool corrupted) =>
        new(r.Id, r.OrderId, r.OrderStatus, r.MerchantId, r.Url, r.AttemptsMade, status, error, body, delivered, clock.GetUtcNow(), signature, corrupted);

    private static bool IsSuccess(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.String
                && status.GetString() == "success";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Truncate(string text) => text.Length <= MaxResponseChars ? text : text[..MaxResponseChars];
}
