namespace Platform.Invoicebox;

/// <summary>One field named in an Invoicebox error (<c>{"name":"amount","code":"wrong_value","message":""}</c>).</summary>
public sealed record InvoiceboxFieldError(string Name, string Code, string? Message);

/// <summary>
/// A failed Invoicebox call. Messages carry the method, path, HTTP status and Invoicebox's code and message,
/// never the token. <see cref="IsTransient"/> says whether trying again later can help.
/// </summary>
public abstract class InvoiceboxException : Exception
{
    private protected InvoiceboxException(string message, InvoiceboxFailure failure, Exception? inner = null)
        : base(message, inner)
    {
        Method = failure.Method;
        Path = failure.Path;
        StatusCode = failure.StatusCode;
        ErrorCode = failure.ErrorCode;
        ErrorMessage = failure.ErrorMessage;
        FieldErrors = failure.FieldErrors ?? [];
        RequestId = failure.RequestId;
    }

    public string Method { get; }
    public string Path { get; }
    /// <summary>HTTP status; null when no response arrived (network failure, timeout, client-side rate limit).</summary>
    public int? StatusCode { get; }
    /// <summary>Invoicebox's <c>error.code</c>, e.g. <c>wrong_total_amount</c>.</summary>
    public string? ErrorCode { get; }
    public string? ErrorMessage { get; }
    public IReadOnlyList<InvoiceboxFieldError> FieldErrors { get; }
    /// <summary>The <c>X-Request-Id</c> response header: quote it to Invoicebox support.</summary>
    public string? RequestId { get; }

    public abstract bool IsTransient { get; }
}

/// <summary>What went wrong on one call; shared by every exception type.</summary>
internal sealed record InvoiceboxFailure(
    string Method,
    string Path,
    int? StatusCode = null,
    string? ErrorCode = null,
    string? ErrorMessage = null,
    IReadOnlyList<InvoiceboxFieldError>? FieldErrors = null,
    string? RequestId = null)
{
    public string Describe(string what) =>
        $"Invoicebox {Method} {Path}: {what}"
        + (StatusCode is { } status ? $" (HTTP {status}" + (ErrorCode is null ? "" : $", {ErrorCode}") + ")" : "")
        + (string.IsNullOrEmpty(ErrorMessage) ? "" : $": {ErrorMessage}")
        + (RequestId is null ? "" : $" [X-Request-Id {RequestId}]");
}

/// <summary>401/403: the token is wrong, revoked, or has no access to this merchant or object. Retrying will not help.</summary>
public sealed class InvoiceboxCredentialsException : InvoiceboxException
{
    internal InvoiceboxCredentialsException(InvoiceboxFailure failure) : base(failure.Describe("credentials refused"), failure) { }
    public override bool IsTransient => false;
}

/// <summary>404: no such order (or endpoint).</summary>
public sealed class InvoiceboxNotFoundException : InvoiceboxException
{
    internal InvoiceboxNotFoundException(InvoiceboxFailure failure) : base(failure.Describe("not found"), failure) { }
    public override bool IsTransient => false;
}

/// <summary>
/// 422 or 400 (and any other 4xx without its own type): Invoicebox refused the request as it is, e.g. a sum rule,
/// an expired <c>expirationDate</c>, a duplicate <c>merchantOrderId</c> or a wrong order status. Never retried.
/// </summary>
public sealed class InvoiceboxValidationException : InvoiceboxException
{
    internal InvoiceboxValidationException(InvoiceboxFailure failure) : base(failure.Describe("request refused"), failure) { }
    public override bool IsTransient => false;
}

/// <summary>
/// Too many requests: a 429 from Invoicebox, or no permit from our own per-merchant limiter within the allowed wait
/// (<see cref="IsClientSide"/>, no request was sent). A 429 means the request was not processed.
/// </summary>
public sealed class InvoiceboxRateLimitedException : InvoiceboxException
{
    internal InvoiceboxRateLimitedException(InvoiceboxFailure failure, TimeSpan? retryAfter, bool isClientSide)
        : base(failure.Describe(isClientSide ? "no request permit for this merchant within the allowed wait" : "rate limited"), failure)
    {
        RetryAfter = retryAfter;
        IsClientSide = isClientSide;
    }

    /// <summary>How long Invoicebox (or our limiter) asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
    public bool IsClientSide { get; }
    public override bool IsTransient => true;
}

/// <summary>
/// 5xx, 408, a timeout, a network failure, or a response we could not read. For a write the outcome is unknown:
/// look the order up by <c>merchantOrderId</c> before creating it again.
/// </summary>
public sealed class InvoiceboxTransientException : InvoiceboxException
{
    internal InvoiceboxTransientException(InvoiceboxFailure failure, string what, bool isTimeout, Exception? inner = null)
        : base(failure.Describe(what), failure, inner) => IsTimeout = isTimeout;

    public bool IsTimeout { get; }
    public override bool IsTransient => true;
}
