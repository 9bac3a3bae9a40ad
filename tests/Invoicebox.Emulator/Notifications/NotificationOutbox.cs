using System.Text.Json.Nodes;
using Invoicebox.Emulator.Json;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Orders;

namespace Invoicebox.Emulator.Notifications;

public enum NotificationState
{
    Pending,
    InFlight,
    Delivered,
    Failed,
    Dropped,
    NoUrl,
}

/// <summary>One notification (one order event); its body and signature are fixed when it is recorded.</summary>
public sealed class NotificationRecord
{
    public required long Id { get; init; }
    public required string Kind { get; init; }
    public required string OrderId { get; init; }
    public required string OrderStatus { get; init; }
    public required string MerchantId { get; init; }
    public required string? Url { get; init; }
    public required string Body { get; init; }
    public required byte[] BodyBytes { get; init; }
    public required string NotificationKey { get; init; }
    public required string Signature { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    internal int Generation { get; init; }
    public NotificationState State { get; internal set; }
    public int AttemptsMade { get; internal set; }
    public DateTimeOffset? NextAttemptAt { get; internal set; }
}

/// <summary>One POST (or one decision not to send): what the control API lists at <c>/_emulator/notifications</c>.</summary>
public sealed record DeliveryAttempt(
    long NotificationId,
    string OrderId,
    string OrderStatus,
    string MerchantId,
    string? Url,
    int Attempt,
    int? HttpStatus,
    string? Error,
    string? ResponseBody,
    bool Delivered,
    DateTimeOffset At,
    string Signature,
    bool SignatureCorrupted);

/// <summary>
/// The record of every notification and every attempt, and the queue the <see cref="NotificationDispatcher"/> works from.
/// Recording happens in the caller's request, so nothing is ever sent that was not written down first.
/// </summary>
public sealed class NotificationOutbox(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly List<NotificationRecord> _records = [];
    private readonly List<DeliveryAttempt> _attempts = [];
    private readonly SemaphoreSlim _wake = new(0);
    private long _nextId;
    private int _generation;

    public NotificationRecord EnqueueOrder(Merchant merchant, OrderView order) =>
        Enqueue("order", merchant, order.Id, order.Status, order.Content.NotificationUrl ?? merchant.NotificationUrl, OrderJson.Order(order));

    /// <summary>The monitoring ping (reference §4.1): order id of all f's, empty <c>merchantOrderId</c>.</summary>
    public NotificationRecord EnqueuePing(Merchant merchant, string url, string origin)
    {
        const string testId = "ffffffff-ffff-ffff-ffff-ffffffffffff";
        var now = clock.GetUtcNow();
        var body = new JsonObject
        {
            ["id"] = testId,
            ["description"] = "Test notification",
            ["currencyId"] = "RUB",
            ["amount"] = PhpJson.Money(Kopecks.Zero),
            ["vatAmount"] = PhpJson.Money(Kopecks.Zero),
            ["basketItems"] = new JsonArray(),
            ["orderContainerId"] = testId,
            ["merchantId"] = merchant.MerchantId,
            ["status"] = Orders.OrderStatus.Completed,
            ["subtype"] = "order",
            ["processingStatus"] = "",
            ["createdAt"] = OrderJson.Atom(now),
            ["paidAt"] = OrderJson.Atom(now),
            ["merchantOrderId"] = "",
            ["expirationDate"] = OrderJson.Atom(now.AddDays(1)),
            ["fileIds"] = new JsonArray(),
            ["paymentUrl"] = $"{origin}/order/{testId}",
            ["customer"] = new JsonObject { ["type"] = "private" },
            ["languageId"] = "ru",
            ["processable"] = true,
        };
        return Enqueue("ping", merchant, testId, Orders.OrderStatus.Completed, url, body);
    }

    private NotificationRecord Enqueue(string kind, Merchant merchant, string orderId, string status, string? url, JsonObject body)
    {
        var text = PhpJson.Serialize(body);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        lock (_gate)
        {
            var record = new NotificationRecord
            {
                Id = ++_nextId,
                Kind = kind,
                OrderId = orderId,
                OrderStatus = status,
                MerchantId = merchant.MerchantId,
                Url = url,
                Body = text,
                BodyBytes = bytes,
                NotificationKey = merchant.NotificationKey,
                Signature = NotificationSignature.Compute(merchant.NotificationKey, bytes),
                CreatedAt = clock.GetUtcNow(),
                Generation = _generation,
                State = url is null ? NotificationState.NoUrl : NotificationState.Pending,
                NextAttemptAt = url is null ? null : clock.GetUtcNow(),
            };
            _records.Add(record);
            if (url is not null)
                _wake.Release();
            return record;
        }
    }

    public IReadOnlyList<DeliveryAttempt> Attempts
    {
        get { lock (_gate) return [.. _attempts]; }
    }

    public IReadOnlyList<NotificationRecord> Records
    {
        get { lock (_gate) return [.. _records]; }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _records.Clear();
            _attempts.Clear();
            _generation++;
        }
    }

    /// <summary>Due notifications, marked in flight, each with its attempt number already counted.</summary>
    internal IReadOnlyList<NotificationRecord> TakeDue()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var due = _records.Where(r => r.State == NotificationState.Pending && r.NextAttemptAt <= now).ToList();
            foreach (var r in due)
            {
                r.State = NotificationState.InFlight;
                r.AttemptsMade++;
                r.NextAttemptAt = null;
            }
            return due;
        }
    }

    internal TimeSpan UntilNextDue(TimeSpan cap)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var next = _records.Where(r => r.State == NotificationState.Pending).Select(r => r.NextAttemptAt).Min();
            if (next is null)
                return cap;
            var wait = next.Value - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait < cap ? wait : cap;
        }
    }

    // Wakes on a new or finished notification; the pause is capped by the caller so a test clock still gets polled.
    internal Task WaitForWorkAsync(TimeSpan max, CancellationToken ct) => _wake.WaitAsync(max, ct);

    internal void Wake() => _wake.Release();

    internal void AddAttempt(NotificationRecord record, DeliveryAttempt attempt)
    {
        lock (_gate)
            if (record.Generation == _generation)
                _attempts.Add(attempt);
    }

    /// <summary>After an attempt: delivered, or retried after the next pause of the schedule, or given up.</summary>
    internal void Complete(NotificationRecord record, bool delivered, bool dropped, IReadOnlyList<TimeSpan> retryDelays)
    {
        lock (_gate)
        {
            if (dropped)
                record.State = NotificationState.Dropped;
            else if (delivered)
                record.State = NotificationState.Delivered;
            else if (record.AttemptsMade <= retryDelays.Count)
            {
                record.State = NotificationState.Pending;
                record.NextAttemptAt = clock.GetUtcNow() + retryDelays[record.AttemptsMade - 1];
            }
            else
                record.State = NotificationState.Failed;
        }
        Wake();
    }
}
