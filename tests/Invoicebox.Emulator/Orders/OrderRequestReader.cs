using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Api;
using Invoicebox.Emulator.Json;

namespace Invoicebox.Emulator.Orders;

/// <summary>
/// Reads and validates a create-order request (reference §2.1–2.5) into an <see cref="OrderContent"/>.
/// Order of checks: contract (422 <c>validation</c> with every bad field), currency, language, expiration date,
/// then the five sum rules. Unknown fields are accepted and dropped (the Bitrix plugin sends some).
/// </summary>
public sealed class OrderRequestReader
{
    public static readonly IReadOnlyList<string> Currencies = ["RUB", "USD", "EUR", "GBP", "CNY", "UZS"];
    public static readonly IReadOnlyList<string> Languages = ["ru", "en"];
    public static readonly IReadOnlyList<string> PaymentTypes = ["full_prepayment", "prepayment", "advance", "full_payment"];
    public static readonly IReadOnlyList<string> ItemTypes = ["commodity", "service"];

    /// <summary>Fields an update (PUT) may change; the rest of the order stays as created.</summary>
    public static readonly IReadOnlyList<string> UpdatableFields =
    [
        "description", "amount", "vatAmount", "expirationDate", "basketItems", "metaData", "customer", "shopId",
        "languageId", "merchantOrderIdVisible", "notificationUrl", "successUrl", "failUrl", "returnUrl", "invoiceSetting", "orderSetting",
    ];

    private static readonly IReadOnlyList<string> KnownFields =
    [
        "merchantId", "merchantOrderId", "merchantOrderIdVisible", "description", "amount", "vatAmount", "currencyId", "languageId",
        "expirationDate", "basketItems", "customer", "metaData", "notificationUrl", "successUrl", "failUrl", "returnUrl",
        "invoiceSetting", "orderSetting", "parentId", "orderContainerId", "shopId", "userAccountId", "processable",
    ];

    private readonly List<ApiFieldError> _errors = [];

    private OrderRequestReader()
    {
    }

    public static OrderContent ReadCreate(JsonObject body, DateTimeOffset now) => new OrderRequestReader().Create(body, now);

    /// <summary>PUT: the stored request with the updatable fields of <paramref name="body"/> laid over it, validated again.</summary>
    public static OrderContent ReadUpdate(OrderContent current, JsonObject body, DateTimeOffset now)
    {
        var merged = (JsonObject)current.Source.DeepClone();
        foreach (var field in UpdatableFields)
            if (body.TryGetPropertyValue(field, out var value) && value is not null)
                merged[field] = value.DeepClone();
        return ReadCreate(merged, now);
    }

    /// <summary>Reads the basket lines and sums of a refund request; the sum rules apply to them as to an order.</summary>
    public static (IReadOnlyList<BasketLine> Lines, Kopecks Amount, Kopecks VatAmount, string MerchantOrderId, string Description, string ParentId, string Status)
        ReadRefund(JsonObject body)
    {
        var r = new OrderRequestReader();
        var parentId = r.Text(body, "parentId", 36, required: true);
        var merchantOrderId = r.Text(body, "merchantOrderId", 100, required: true);
        var description = r.Text(body, "description", 1000, required: true);
        var amount = r.Money(body, "amount", "amount", required: true);
        var vatAmount = r.Money(body, "vatAmount", "vatAmount", required: true);
        var status = r.Text(body, "status", 20, required: false) ?? OrderStatus.Created;
        if (status is not (OrderStatus.Created or "draft"))
            r.Error("status", "wrong_value", "Allowed: created, draft");
        var lines = r.Lines(body);
        r.ThrowIfInvalid();
        BasketRules.Check(lines, amount!.Value, vatAmount!.Value);
        return (lines, amount.Value, vatAmount.Value, merchantOrderId!, description!, parentId!, status);
    }

    private OrderContent Create(JsonObject body, DateTimeOffset now)
    {
        var merchantId = Text(body, "merchantId", 36, required: true);
        var merchantOrderId = Text(body, "merchantOrderId", 256, required: true);
        var description = Text(body, "description", 1000, required: true);
        var amount = Money(body, "amount", "amount", required: true);
        var vatAmount = Money(body, "vatAmount", "vatAmount", required: true);
        var currencyId = Text(body, "currencyId", 3, required: true);
        var languageId = Text(body, "languageId", 2, required: false);
        var expirationDate = Date(body, "expirationDate", required: true);
        var lines = Lines(body);
        var customer = Customer(body);
        var containerId = Text(body, "orderContainerId", 36, required: false);
        var notificationUrl = Url(body, "notificationUrl");
        var successUrl = Url(body, "successUrl");
        var failUrl = Url(body, "failUrl");
        var returnUrl = Url(body, "returnUrl");
        var processable = Flag(body, "processable") ?? true;

        var extras = new JsonObject();
        Echo(extras, "merchantOrderIdVisible", Text(body, "merchantOrderIdVisible", 256, required: false));
        Echo(extras, "notificationUrl", notificationUrl);
        Echo(extras, "successUrl", successUrl);
        Echo(extras, "failUrl", failUrl);
        Echo(extras, "returnUrl", returnUrl);
        Echo(extras, "shopId", ShopId(body));
        Echo(extras, "parentId", Text(body, "parentId", 36, required: false));
        Echo(extras, "userAccountId", Text(body, "userAccountId", 36, required: false));
        Echo(extras, "metaData", Structured(body, "metaData", allowArray: true));
        Echo(extras, "invoiceSetting", Structured(body, "invoiceSetting", allowArray: false));
        Echo(extras, "orderSetting", Structured(body, "orderSetting", allowArray: false));

        ThrowIfInvalid();

        if (!Currencies.Contains(currencyId!))
            throw ApiException.WrongValue("wrong_currency", $"Currency \"{currencyId}\" is not in the dictionary", "currencyId");
        if (languageId is not null && !Languages.Contains(languageId))
            throw ApiException.WrongValue("language_not_found", $"Language \"{languageId}\" not found", "languageId");
        if (expirationDate!.Value <= now)
            throw ApiException.WrongValue("wrong_expiration_date", "Expiration date must be in the future", "expirationDate");
        BasketRules.Check(lines, amount!.Value, vatAmount!.Value);

        var source = new JsonObject();
        foreach (var field in KnownFields)
            if (body.TryGetPropertyValue(field, out var value) && value is not null)
                source[field] = value.DeepClone();

        return new OrderContent(source, merchantId!, merchantOrderId!, description!, amount.Value, vatAmount.Value, currencyId!, languageId,
            expirationDate.Value, lines, customer!, containerId, notificationUrl, successUrl, failUrl, processable, extras);
    }

    private List<BasketLine> Lines(JsonObject body)
    {
        if (!body.TryGetPropertyValue("basketItems", out var node) || node is null)
        {
            Error("basketItems", "required", "This value should not be blank.");
            return [];
        }
        if (node is not JsonArray items)
        {
            Error("basketItems", "wrong_value", "This value should be of type array.");
            return [];
        }
        if (items.Count == 0)
            Error("basketItems", "required", "An order needs at least one basket item.");

        var lines = new List<BasketLine>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"basketItems[{i}]";
            if (items[i] is not JsonObject item)
            {
                Error(path, "wrong_value", "This value should be of type object.");
                continue;
            }
            if (Line(item, path) is { } line)
                lines.Add(line);
        }
        return lines;
    }

    private BasketLine? Line(JsonObject item, string path)
    {
        var before = _errors.Count;
        var sku = Text(item, "sku", 500, required: true, path);
        var name = Text(item, "name", 500, required: true, path);
        var measure = Text(item, "measure", 10, required: true, path);
        var measureCode = Text(item, "measureCode", 4, required: true, path);
        var quantity = Quantity(item, path);
        var amount = Money(item, "amount", $"{path}.amount", required: true);
        var amountWoVat = Money(item, "amountWoVat", $"{path}.amountWoVat", required: true);
        var totalAmount = Money(item, "totalAmount", $"{path}.totalAmount", required: true);
        var totalVatAmount = Money(item, "totalVatAmount", $"{path}.totalVatAmount", required: true);
        var vatCode = OneOf(item, "vatCode", 20, BasketRules.VatCodes, path);
        var type = ItemType(item, path);
        var paymentType = OneOf(item, "paymentType", 20, PaymentTypes, path);
        var category = Text(item, "category", 20, required: false, path);
        var categoryType = Text(item, "categoryType", 50, required: category is not null, path);
        if (categoryType is not null and not ("merchantHonestSignMap" or "honestSign"))
            Error($"{path}.categoryType", "wrong_value", "Allowed: merchantHonestSignMap, honestSign");

        var echo = new JsonObject
        {
            ["sku"] = sku,
            ["name"] = name,
            ["measure"] = measure,
            ["measureCode"] = measureCode,
            ["quantity"] = quantity,
            ["amount"] = PhpJsonMoney(amount),
            ["amountWoVat"] = PhpJsonMoney(amountWoVat),
            ["totalAmount"] = PhpJsonMoney(totalAmount),
            ["totalVatAmount"] = PhpJsonMoney(totalVatAmount),
            ["vatCode"] = vatCode,
            ["type"] = type,
            ["paymentType"] = paymentType,
        };
        Echo(echo, "serviceDate", ServiceDate(item, path));
        Echo(echo, "groupName", Text(item, "groupName", 500, required: false, path));
        Echo(echo, "originCountry", Text(item, "originCountry", 20, required: false, path));
        Echo(echo, "originCountryCode", Text(item, "originCountryCode", 4, required: false, path));
        Echo(echo, "grossWeight", Number(item, "grossWeight", path));
        Echo(echo, "netWeight", Number(item, "netWeight", path));
        Echo(echo, "excise", Money(item, "excise", $"{path}.excise", required: false) is { } excise ? PhpJson.Money(excise) : null);
        Echo(echo, "categoryType", categoryType);
        Echo(echo, "category", category);
        Echo(echo, "metaData", Structured(item, "metaData", allowArray: true, path));

        if (_errors.Count > before)
            return null;
        return new BasketLine(sku!, name!, quantity!.Value, amount!.Value, amountWoVat!.Value, totalAmount!.Value, totalVatAmount!.Value, vatCode!, echo);
    }

    private static JsonNode? PhpJsonMoney(Kopecks? value) => value is { } k ? PhpJson.Money(k) : null;

    private JsonObject? Customer(JsonObject body)
    {
        if (!body.TryGetPropertyValue("customer", out var node) || node is null)
        {
            Error("customer", "required", "This value should not be blank.");
            return null;
        }
        if (node is not JsonObject customer)
        {
            Error("customer", "wrong_value", "This value should be of type object.");
            return null;
        }
        var echo = new JsonObject();
        var type = Text(customer, "type", 10, required: false, "customer");
        if (type is not null and not ("private" or "legal"))
            Error("customer.type", "wrong_value", "Allowed: private, legal");
        Echo(echo, "type", type);
        Echo(echo, "name", Text(customer, "name", 500, required: false, "customer"));
        Echo(echo, "phone", Text(customer, "phone", 100, required: false, "customer"));
        Echo(echo, "email", Text(customer, "email", 100, required: false, "customer"));
        Echo(echo, "vatNumber", Text(customer, "vatNumber", 20, required: false, "customer"));
        Echo(echo, "taxRegistrationReasonCode", Text(customer, "taxRegistrationReasonCode", 9, required: false, "customer"));
        Echo(echo, "registrationAddress", Text(customer, "registrationAddress", 1000, required: false, "customer"));
        Echo(echo, "countryId", Text(customer, "countryId", 3, required: false, "customer"));
        return echo;
    }

    private string? Text(JsonObject o, string key, int maxLength, bool required, string? parent = null)
    {
        var path = parent is null ? key : $"{parent}.{key}";
        if (!o.TryGetPropertyValue(key, out var node) || node is null)
        {
            if (required) Error(path, "required", "This value should not be blank.");
            return null;
        }
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            Error(path, "wrong_value", "This value should be of type string.");
            return null;
        }
        var text = value.GetValue<string>();
        if (required && text.Length == 0)
        {
            Error(path, "required", "This value should not be blank.");
            return null;
        }
        if (text.EnumerateRunes().Count() > maxLength)
        {
            Error(path, "max_length", $"This value is too long. It should have {maxLength} characters or less.");
            return null;
        }
        return text;
    }

    private string? OneOf(JsonObject o, string key, int maxLength, IReadOnlyList<string> allowed, string parent)
    {
        var text = Text(o, key, maxLength, required: true, parent);
        if (text is not null && !allowed.Contains(text))
        {
            Error($"{parent}.{key}", "wrong_value", "Allowed: " + string.Join(", ", allowed));
            return null;
        }
        return text;
    }

    /// <summary><c>service</c> | <c>commodity</c>, or a numeric FFD tag 1212 value (1…33).</summary>
    private JsonNode? ItemType(JsonObject item, string parent)
    {
        var path = $"{parent}.type";
        if (!item.TryGetPropertyValue("type", out var node) || node is null)
        {
            Error(path, "required", "This value should not be blank.");
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && int.TryParse(value.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var tag) && tag is >= 1 and <= 33)
            return JsonValue.Create(tag);
        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String && ItemTypes.Contains(text.GetValue<string>()))
            return JsonValue.Create(text.GetValue<string>());
        Error(path, "wrong_value", "Allowed: commodity, service, or a tag 1212 number 1..33");
        return null;
    }

    private Kopecks? Money(JsonObject o, string key, string path, bool required)
    {
        if (!TryNumber(o, key, path, required, out var number))
            return null;
        if (number < 0)
        {
            Error(path, "wrong_value", "This value should be zero or positive.");
            return null;
        }
        if (Kopecks.FromRubles(number) is not { } kopecks)
        {
            Error(path, "wrong_value", "A money value has at most two decimals.");
            return null;
        }
        return kopecks;
    }

    private decimal? Quantity(JsonObject item, string parent)
    {
        var path = $"{parent}.quantity";
        if (!TryNumber(item, "quantity", path, required: true, out var number))
            return null;
        if (number <= 0)
        {
            Error(path, "wrong_value", "This value should be positive.");
            return null;
        }
        if (number * 1000m != decimal.Truncate(number * 1000m) || number > 1_000_000_000m)
        {
            Error(path, "wrong_value", "A quantity has at most three decimals and is at most 1 000 000 000.");
            return null;
        }
        return number;
    }

    private JsonNode? Number(JsonObject o, string key, string parent) =>
        TryNumber(o, key, $"{parent}.{key}", required: false, out var number) ? JsonValue.Create(number) : null;

    /// <summary>A JSON number, or a numeric string (the Bitrix plugin sends "123.45").</summary>
    private bool TryNumber(JsonObject o, string key, string path, bool required, out decimal number)
    {
        number = 0;
        if (!o.TryGetPropertyValue(key, out var node) || node is null)
        {
            if (required) Error(path, "required", "This value should not be blank.");
            return false;
        }
        var raw = node is JsonValue value ? value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>(),
            _ => null,
        } : null;
        if (raw is null || !decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out number))
        {
            Error(path, "wrong_value", "This value should be a number.");
            return false;
        }
        return true;
    }

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    /// <summary>ISO-8601 / ATOM; without an offset the time is UTC. Kept to whole seconds, as the API prints them.</summary>
    private DateTimeOffset? Date(JsonObject o, string key, bool required)
    {
        var text = Text(o, key, 40, required);
        if (text is null)
            return null;
        if (!DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            Error(key, "wrong_value", "Expected an ISO-8601 date and time, e.g. 2025-03-02T09:15:00+00:00");
            return null;
        }
        var utc = date.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private string? ServiceDate(JsonObject item, string parent)
    {
        var text = Text(item, "serviceDate", 10, required: false, parent);
        if (text is not null && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            Error($"{parent}.serviceDate", "wrong_value", "Expected YYYY-MM-DD");
            return null;
        }
        return text;
    }

    private string? Url(JsonObject o, string key)
    {
        var text = Text(o, key, 1000, required: false);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            Error(key, "wrong_value", "Expected an absolute http(s) URL.");
            return null;
        }
        return text;
    }

    private bool? Flag(JsonObject o, string key)
    {
        if (!o.TryGetPropertyValue(key, out var node) || node is null)
            return null;
        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return value.GetValue<bool>();
        Error(key, "wrong_value", "This value should be of type bool.");
        return null;
    }

    /// <summary>The point-of-sale id: an integer in every client, a string(36) in the docs; echoed as sent.</summary>
    private JsonNode? ShopId(JsonObject o)
    {
        if (!o.TryGetPropertyValue("shopId", out var node) || node is null)
            return null;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Length <= 36)
            return JsonValue.Create(text.GetValue<string>());
        Error("shopId", "wrong_value", "Expected an integer point-of-sale id.");
        return null;
    }

    private JsonNode? Structured(JsonObject o, string key, bool allowArray, string? parent = null)
    {
        if (!o.TryGetPropertyValue(key, out var node) || node is null)
            return null;
        if (node is JsonObject || allowArray && node is JsonArray)
            return node.DeepClone();
        Error(parent is null ? key : $"{parent}.{key}", "wrong_value", allowArray ? "Expected an object or an array." : "Expected an object.");
        return null;
    }

    private static void Echo(JsonObject target, string key, object? value)
    {
        switch (value)
        {
            case null: return;
            case JsonNode node: target[key] = node; break;
            case string text: target[key] = text; break;
            default: throw new InvalidOperationException(key);
        }
    }

    private void Error(string path, string code, string message) => _errors.Add(new ApiFieldError(path, code, message));

    private void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
            throw ApiException.Validation(_errors);
    }
}
