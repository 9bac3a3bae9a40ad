using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Orders;

namespace Invoicebox.Emulator.Json;

/// <summary>
/// Writes JSON the way Invoicebox's PHP backend does (reference §4.2, §10.4): no whitespace, raw UTF-8 non-ASCII text,
/// slashes escaped as <c>\/</c>, money (<see cref="Kopecks"/> values) with two decimals except a bare <c>0</c>.
/// Used for every API body and every notification, so the bytes a test signs are the bytes that are sent.
/// </summary>
public static class PhpJson
{
    public static byte[] ToUtf8Bytes(JsonNode? node) => Encoding.UTF8.GetBytes(Serialize(node));

    public static string Serialize(JsonNode? node)
    {
        var sb = new StringBuilder(1024);
        Write(sb, node);
        return sb.ToString();
    }

    /// <summary>A money value inside a node tree, written as §10.4 money.</summary>
    public static JsonNode Money(Kopecks value) => JsonValue.Create(value)!;

    private static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, value);
                }
                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(sb, array[i]);
                }
                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        // Values parsed from a request keep their original text (metaData is echoed as sent).
        if (value.TryGetValue(out JsonElement element)) WriteElement(sb, element);
        else if (value.TryGetValue(out Kopecks money)) sb.Append(money.ToWire());
        else if (value.TryGetValue(out string? text)) WriteString(sb, text);
        else if (value.TryGetValue(out bool flag)) sb.Append(flag ? "true" : "false");
        else if (value.TryGetValue(out decimal number)) sb.Append(FormatNumber(number));
        else if (value.TryGetValue(out long whole)) sb.Append(whole.ToString(CultureInfo.InvariantCulture));
        else if (value.TryGetValue(out int small)) sb.Append(small.ToString(CultureInfo.InvariantCulture));
        else throw new InvalidOperationException($"Unsupported JSON value {value.GetValueKind()}");
    }

    private static void WriteElement(StringBuilder sb, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: WriteString(sb, element.GetString()!); break;
            case JsonValueKind.Number: sb.Append(element.GetRawText()); break;
            case JsonValueKind.True: sb.Append("true"); break;
            case JsonValueKind.False: sb.Append("false"); break;
            case JsonValueKind.Null: sb.Append("null"); break;
            default: Write(sb, JsonNode.Parse(element.GetRawText())); break;
        }
    }

    /// <summary>Quantities and weights: as few digits as the value needs (2, 1.5, 0.125).</summary>
    public static string FormatNumber(decimal number) => number.ToString("0.############################", CultureInfo.InvariantCulture);

    // json_encode($x, JSON_UNESCAPED_UNICODE): short escapes, \u00xx (lower-case hex) for other control
    // characters, "\/" for the slash, and U+2028/U+2029 still escaped.
    private static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '/': sb.Append("\\/"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\u2028': sb.Append("\\u2028"); break;
                case '\u2029': sb.Append("\\u2029"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
