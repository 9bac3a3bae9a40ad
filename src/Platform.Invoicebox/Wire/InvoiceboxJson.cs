using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Domain.Money;

namespace Platform.Invoicebox.Wire;

/// <summary>
/// The JSON dialect of the Invoicebox API: camelCase, null optionals omitted, money as roubles with two decimals,
/// dates as ISO-8601 with offset and no fractions. Use these options to read a notification body too.
/// </summary>
public static class InvoiceboxJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Some integrations send numbers as strings ("123.45"); reading them costs nothing.
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            // Bodies go to an API, never into HTML: keep Cyrillic and the "+" of date offsets as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new KopecksAsRoublesConverter());
        options.Converters.Add(new AtomDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Kopecks inside, roubles with exactly two decimals on the wire (<c>1350.00</c>).</summary>
internal sealed class KopecksAsRoublesConverter : JsonConverter<Kopecks>
{
    public override Kopecks Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var roubles = reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new JsonException($"Expected an amount in roubles, got {reader.TokenType}."),
        };
        return Kopecks.TryFromRoubles(roubles, out var kopecks)
            ? kopecks
            : throw new JsonException($"Amount {roubles} is not a whole number of kopecks.");
    }

    public override void Write(Utf8JsonWriter writer, Kopecks value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToRoubles());
}

/// <summary>ATOM dates (<c>2025-03-02T09:15:00+00:00</c>) as the API documents them: seconds precision, explicit offset.</summary>
internal sealed class AtomDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:sszzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException("Expected an ISO-8601 date with offset.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
}

/// <summary>Basket item <c>type</c> is <c>"service"</c> or a numeric tag-1212 value; both are read as text.</summary>
internal sealed class StringOrNumberConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string or a number, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
