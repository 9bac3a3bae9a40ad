using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Platform.Invoicebox.Orders;
using Platform.Invoicebox.Refunds;
using Platform.Invoicebox.Wire;

namespace Platform.Invoicebox;

/// <summary>
/// <see cref="IInvoiceboxClient"/> over one <see cref="HttpClient"/> from <c>IHttpClientFactory</c>, for one merchant.
/// Create it with <see cref="IInvoiceboxClientFactory"/>; it is cheap and holds no connections of its own.
/// </summary>
public sealed partial class InvoiceboxClient : IInvoiceboxClient
{
    private readonly HttpClient http;
    private readonly InvoiceboxCredentials credentials;
    private readonly string apiRoot;
    private readonly InvoiceboxOptions options;
    private readonly RateLimiter limiter;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ResiliencePipeline readRetry;

    internal InvoiceboxClient(
        HttpClient http,
        InvoiceboxCredentials credentials,
        InvoiceboxOptions options,
        RateLimiter limiter,
        TimeProvider time,
        ILogger<InvoiceboxClient> logger)
    {
        credentials.Validate();
        this.http = http;
        this.credentials = credentials;
        apiRoot = credentials.BaseUrl.TrimEnd('/') + credentials.NormalizedPrefix;
        this.options = options;
        this.limiter = limiter;
        this.time = time;
        this.logger = logger;
        readRetry = options.ReadRetries == 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.ReadRetries,
                // Polly counts retries from 0; the attempt that failed is that number + 1.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is InvoiceboxException failure && DelayBeforeRetry(failure, args.AttemptNumber + 1) is not null),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is InvoiceboxException failure ? DelayBeforeRetry(failure, args.AttemptNumber + 1) : null),
                OnRetry = args =>
                {
                    var failure = (InvoiceboxException)args.Outcome.Exception!;
                    LogRetry(failure.Method, failure.Path, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, failure.StatusCode, credentials.MerchantId);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public string MerchantId => credentials.MerchantId;

    public async Task<InvoiceboxAuthCheck> CheckAuthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var answer = await SendAsync(HttpMethod.Get, "/security/api/auth/auth", null, null, cancellationToken);
            var user = ReadData<AuthData>(answer);
            // Without a usable token Invoicebox answers as to an anonymous caller: 200 with userId null.
            return new InvoiceboxAuthCheck(user.UserId is not null, user.UserId, answer.StatusCode, null, answer.RequestId);
        }
        catch (InvoiceboxCredentialsException refused)
        {
            return new InvoiceboxAuthCheck(false, null, refused.StatusCode ?? 401, refused.ErrorCode, refused.RequestId);
        }
    }

    public async Task<OrderResponse> CreateOrderAsync(CreateOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.MerchantId is null ? request with { MerchantId = credentials.MerchantId } : request;
        var answer = await SendAsync(HttpMethod.Post, "/billing/api/order/order", null, body, cancellationToken);
        return ReadData<OrderResponse>(answer);
    }

    public async Task<OrderResponse?> GetOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        try
        {
            var answer = await SendAsync(HttpMethod.Get, OrderPath(orderId), null, null, cancellationToken);
            return ReadData<OrderResponse>(answer);
        }
        catch (InvoiceboxNotFoundException)
        {
            return null;
        }
    }

    public async Task<OrderResponse?> FindByMerchantOrderIdAsync(string merchantOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantOrderId);
        var page = await ListOrdersAsync(new OrderFilter { MerchantOrderId = merchantOrderId, PageSize = 100 }, cancellationToken);
        // Invoicebox may keep several orders under one number; the newest is the one a retry would have created.
        // Ids start with a millisecond timestamp, so they break ties of equal createdAt in the same order.
        return page.Items
            .Where(order => string.Equals(order.MerchantOrderId, merchantOrderId, StringComparison.Ordinal))
            .OrderByDescending(order => order.CreatedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(order => order.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    public async Task<OrderPage> ListOrdersAsync(OrderFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var answer = await SendAsync(HttpMethod.Get, "/filter/api/order/order", ListQuery(filter), null, cancellationToken);
        var envelope = ReadEnvelope<List<OrderResponse>>(answer);
        var items = envelope.Data ?? [];
        var meta = envelope.MetaData;
        return new OrderPage(items, meta?.TotalCount ?? items.Count, meta?.Page ?? filter.Page ?? 1, meta?.PageSize ?? filter.PageSize ?? items.Count);
    }

    public async Task<OrderResponse> UpdateOrderAsync(string orderId, UpdateOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentNullException.ThrowIfNull(request);
        var answer = await SendAsync(HttpMethod.Put, OrderPath(orderId), null, request, cancellationToken);
        return ReadData<OrderResponse>(answer);
    }

    public async Task<OrderResponse> CancelOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var answer = await SendAsync(HttpMethod.Delete, OrderPath(orderId), null, null, cancellationToken);
        return ReadData<OrderResponse>(answer);
    }

    public async Task<IReadOnlyList<RefundableBasketItem>> GetRefundableLinesAsync(string orderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var answer = await SendAsync(HttpMethod.Get, OrderPath(orderId) + "/refund-basket-item", null, null, cancellationToken);
        return ReadEnvelope<List<RefundableBasketItem>>(answer).Data ?? [];
    }

    public async Task<RefundOrderResponse> CreateRefundAsync(CreateRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = await SendAsync(HttpMethod.Post, "/billing/api/order/refund-order", null, request, cancellationToken);
        return ReadData<RefundOrderResponse>(answer);
    }

    public async Task<RefundOrderResponse?> FindRefundByMerchantOrderIdAsync(string merchantOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantOrderId);
        var answer = await SendAsync(HttpMethod.Get, "/filter/api/order/refund-order", "?merchantOrderId=" + Uri.EscapeDataString(merchantOrderId), null, cancellationToken);
        // Refund numbers are unique per merchant, so at most one matches; the filter is checked again here all the same.
        return (ReadEnvelope<List<RefundOrderResponse>>(answer).Data ?? [])
            .FirstOrDefault(refund => string.Equals(refund.MerchantOrderId, merchantOrderId, StringComparison.Ordinal));
    }

    private static string OrderPath(string orderId) => "/billing/api/order/order/" + Uri.EscapeDataString(orderId);

    internal static string ListQuery(OrderFilter filter)
    {
        var parameters = new List<(string Name, string Value)>();
        if (filter.Id is { } id)
            parameters.Add(("id", id));
        if (filter.MerchantId is { } merchantId)
            parameters.Add(("merchantId", merchantId));
        if (filter.MerchantOrderId is { } merchantOrderId)
            parameters.Add(("merchantOrderId", merchantOrderId));
        if (filter.Statuses is [var single])
            parameters.Add(("status", single));
        else if (filter.Statuses is { Count: > 1 } statuses)
            parameters.AddRange(statuses.Select(status => ("status[]", status)));
        if (filter.CreatedFrom is { } from)
            parameters.Add(("createdAt[_ge]", Atom(from)));
        if (filter.CreatedTo is { } to)
            parameters.Add(("createdAt[_le]", Atom(to)));
        if (filter.Page is { } page)
            parameters.Add(("_page", page.ToString(CultureInfo.InvariantCulture)));
        if (filter.PageSize is { } pageSize)
            parameters.Add(("_pageSize", pageSize.ToString(CultureInfo.InvariantCulture)));
        if (filter.NewestFirst)
            parameters.Add(("_order[createdAt]", "desc"));
        return parameters.Count == 0
            ? ""
            : "?" + string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));

        static string Atom(DateTimeOffset value) =>
            value.ToUniversalTime().ToString(AtomDateTimeOffsetConverter.Format, CultureInfo.InvariantCulture);
    }

    /// <summary>Sends one call; reads are retried (Polly) on transient failures and 429s, writes never.</summary>
    private async Task<Answer> SendAsync(HttpMethod method, string path, string? query, object? body, CancellationToken cancellationToken)
    {
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), InvoiceboxJson.Options);
        var pipeline = method == HttpMethod.Get ? readRetry : ResiliencePipeline.Empty;
        var attempt = 0;
        return await pipeline.ExecuteAsync(async ct => await SendOnceAsync(method, path, query, payload, ++attempt, ct), cancellationToken);
    }

    private TimeSpan? DelayBeforeRetry(InvoiceboxException failure, int attempt)
    {
        var backoff = options.ReadRetryBaseDelay * Math.Pow(2, attempt - 1);
        return failure switch
        {
            // Our own limiter already waited as long as it is allowed to.
            InvoiceboxRateLimitedException { IsClientSide: true } => null,
            InvoiceboxRateLimitedException { RetryAfter: { } asked } => asked <= options.MaxRetryAfter ? asked : null,
            InvoiceboxRateLimitedException => backoff,
            InvoiceboxTransientException => backoff,
            _ => null,
        };
    }

    private async Task<Answer> SendOnceAsync(HttpMethod method, string path, string? query, byte[]? payload, int attempt, CancellationToken cancellationToken)
    {
        using var lease = await AcquirePermitAsync(method, path, cancellationToken);

        using var request = new HttpRequestMessage(method, apiRoot + path + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        if (payload is not null)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = time.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token);
            var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
            var status = (int)response.StatusCode;
            LogAnswer(method.Method, path, status, requestId, (long)time.GetElapsedTime(started).TotalMilliseconds, attempt, credentials.MerchantId);

            var answer = new Answer(method.Method, path, status, bytes, requestId);
            if (response.IsSuccessStatusCode)
                return answer;
            throw ErrorFor(answer, RetryAfter(response));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            LogNoAnswer(method.Method, path, "timeout", (long)time.GetElapsedTime(started).TotalMilliseconds, attempt, credentials.MerchantId);
            throw new InvoiceboxTransientException(new InvoiceboxFailure(method.Method, path),
                $"no answer within {options.RequestTimeout.TotalSeconds:0.###} s", isTimeout: true, e);
        }
        catch (HttpRequestException e)
        {
            LogNoAnswer(method.Method, path, e.HttpRequestError.ToString(), (long)time.GetElapsedTime(started).TotalMilliseconds, attempt, credentials.MerchantId);
            throw new InvoiceboxTransientException(new InvoiceboxFailure(method.Method, path),
                $"network failure ({e.HttpRequestError})", isTimeout: false, e);
        }
    }

    private async Task<RateLimitLease> AcquirePermitAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
            return lease;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var hint) ? hint : (TimeSpan?)null;
        lease.Dispose();

        if (options.RateLimitMaxWait > TimeSpan.Zero)
        {
            using var wait = new CancellationTokenSource(options.RateLimitMaxWait, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wait.Token);
            try
            {
                lease = await limiter.AcquireAsync(1, linked.Token);
                if (lease.IsAcquired)
                    return lease;
                lease.Dispose(); // the queue for this merchant is full
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Waited as long as allowed.
            }
        }

        LogClientSideLimit(method.Method, path, credentials.MerchantId);
        throw new InvoiceboxRateLimitedException(new InvoiceboxFailure(method.Method, path), retryAfter, isClientSide: true);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static InvoiceboxException ErrorFor(Answer answer, TimeSpan? retryAfter)
    {
        var error = TryReadError(answer.Body);
        var failure = new InvoiceboxFailure(
            answer.Method, answer.Path, answer.StatusCode, error?.Code, error?.Message,
            error?.Fields?.Select(field => new InvoiceboxFieldError(field.Name ?? "", field.Code ?? "wrong_value", field.Message)).ToArray(),
            answer.RequestId);
        return answer.StatusCode switch
        {
            401 or 403 => new InvoiceboxCredentialsException(failure),
            404 => new InvoiceboxNotFoundException(failure),
            429 => new InvoiceboxRateLimitedException(failure, retryAfter, isClientSide: false),
            408 or >= 500 => new InvoiceboxTransientException(failure, "server failure", isTimeout: answer.StatusCode is 408 or 504),
            >= 400 => new InvoiceboxValidationException(failure),
            _ => new InvoiceboxTransientException(failure, "unexpected status", isTimeout: false),
        };
    }

    private static ErrorBody? TryReadError(byte[] body)
    {
        if (body.Length == 0)
            return null;
        try
        {
            return JsonSerializer.Deserialize<ErrorEnvelope>(body, InvoiceboxJson.Options)?.Error;
        }
        catch (JsonException)
        {
            return null; // An HTML page from a proxy, say; the status still tells what happened.
        }
    }

    private static T ReadData<T>(Answer answer) where T : class =>
        ReadEnvelope<T>(answer).Data ?? throw Unreadable(answer, null);

    private static Envelope<T> ReadEnvelope<T>(Answer answer) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<Envelope<T>>(answer.Body, InvoiceboxJson.Options) ?? throw Unreadable(answer, null);
        }
        catch (JsonException e)
        {
            throw Unreadable(answer, e);
        }
    }

    // A 2xx we cannot read may still have done its work; callers treat it like any other unknown outcome.
    private static InvoiceboxTransientException Unreadable(Answer answer, Exception? inner) =>
        new(new InvoiceboxFailure(answer.Method, answer.Path, answer.StatusCode, RequestId: answer.RequestId),
            "unreadable response body", isTimeout: false, inner);

    private sealed record Answer(string Method, string Path, int StatusCode, byte[] Body, string? RequestId);

    private sealed record AuthData(string? UserId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Invoicebox {Method} {Path} answered {StatusCode} in {ElapsedMs} ms (attempt {Attempt}, merchant {MerchantId}, X-Request-Id {RequestId})")]
    private partial void LogAnswer(string method, string path, int statusCode, string? requestId, long elapsedMs, int attempt, string merchantId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Invoicebox {Method} {Path} got no answer ({Reason}) after {ElapsedMs} ms (attempt {Attempt}, merchant {MerchantId})")]
    private partial void LogNoAnswer(string method, string path, string reason, long elapsedMs, int attempt, string merchantId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Invoicebox {Method} {Path} will be retried in {DelayMs} ms after attempt {Attempt} failed with {StatusCode} (merchant {MerchantId})")]
    private partial void LogRetry(string method, string path, int attempt, long delayMs, int? statusCode, string merchantId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Invoicebox {Method} {Path} not sent: merchant {MerchantId} has no request permit left within the allowed wait")]
    private partial void LogClientSideLimit(string method, string path, string merchantId);
}
