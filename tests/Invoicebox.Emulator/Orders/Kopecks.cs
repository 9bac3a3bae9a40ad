using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicebox.Emulator.Orders;

/// <summary>Money in integer kopecks. Invoicebox speaks rubles with two decimals; all arithmetic happens here in kopecks.</summary>
[JsonConverter(typeof(KopecksJsonConverter))]
public readonly record struct Kopecks(long Value) : IComparable<Kopecks>
{
    public static readonly Kopecks Zero = new(0);

    public static Kopecks operator +(Kopecks a, Kopecks b) => new(a.Value + b.Value);
    public static Kopecks operator -(Kopecks a, Kopecks b) => new(a.Value - b.Value);
    public static bool operator <(Kopecks a, Kopecks b) => a.Value < b.Value;
    public static bool operator >(Kopecks a, Kopecks b) => a.Value > b.Value;
    public static bool operator <=(Kopecks a, Kopecks b) => a.Value <= b.Value;
    public static bool operator >=(Kopecks a, Kopecks b) => a.Value >= b.Value;

    public int CompareTo(Kopecks other) => Value.CompareTo(other.Value);

    /// <summary>Rubles as a decimal with two places (for the control API and the pages).</summary>
    public decimal ToRubles() => Value * 0.01m;

    /// <summary>The wire form of Invoicebox (§10.4): two decimals, except that zero is a bare <c>0</c>.</summary>
    public string ToWire() => Value == 0 ? "0" : ToRubles().ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>For people: «1 350,00».</summary>
    public string ToDisplay() => ToRubles().ToString("#,0.00", RussianNumbers);

    public override string ToString() => ToWire();

    /// <summary>Rubles → kopecks; null when the value has more than two decimals or does not fit.</summary>
    public static Kopecks? FromRubles(decimal rubles)
    {
        try
        {
            var scaled = rubles * 100m;
            if (scaled != decimal.Truncate(scaled))
                return null;
            return new Kopecks(decimal.ToInt64(scaled));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static readonly NumberFormatInfo RussianNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00a0" };
}

/// <summary>Writes kopecks as the wire number (so a cloned JSON node keeps "1350.00"), reads rubles.</summary>
public sealed class KopecksJsonConverter : JsonConverter<Kopecks>
{
    public override Kopecks Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Kopecks.FromRubles(reader.GetDecimal()) ?? throw new JsonException("A money value has at most two decimals.");

    public override void Write(Utf8JsonWriter writer, Kopecks value, JsonSerializerOptions options) => writer.WriteRawValue(value.ToWire());
}
