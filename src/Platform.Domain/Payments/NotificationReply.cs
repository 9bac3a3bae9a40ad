using System.Text.Json.Serialization;

namespace Platform.Domain.Payments;

/// <summary>
/// The JSON body we answer an Invoicebox notification with, always with HTTP 200:
/// <c>{"status":"success"}</c> or <c>{"status":"error","code":"...","message":"..."}</c>.
/// </summary>
public sealed record NotificationReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("code"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null,
    [property: JsonPropertyName("message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null)
{
    /// <summary>Invoicebox cuts messages longer than this.</summary>
    public const int MaxMessageLength = 500;

    public static NotificationReply Success { get; } = new("success");

    [JsonIgnore]
    public bool IsSuccess => Status == "success";

    public static NotificationReply Error(string code, string? message = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (message is { Length: > MaxMessageLength })
            message = message[..MaxMessageLength];
        return new NotificationReply("error", code, message);
    }
}

/// <summary>The error codes Invoicebox understands in a <see cref="NotificationReply"/>.</summary>
public static class NotificationReplyCodes
{
    /// <summary>A technical failure on our side; Invoicebox retries up to 10 more times within 24 h.</summary>
    public const string OutOfService = "out_of_service";
    public const string OrderWrongAmount = "order_wrong_amount";
    public const string OrderAlreadyPaid = "order_already_paid";
    public const string OrderNotFound = "order_not_found";
    /// <summary>The service cannot be provided; shown to the payer, does not refund by itself.</summary>
    public const string ShippingUnavailable = "shipping_unavailable";
    public const string SignatureError = "signature_error";
}
