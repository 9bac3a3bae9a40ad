namespace Invoicebox.Emulator.Orders;

/// <summary>Ids like Invoicebox's: UUID strings whose first 48 bits are the Unix-ms creation time (reference §1.4).</summary>
public static class EmulatorIds
{
    public static string New(DateTimeOffset at) => Guid.CreateVersion7(at).ToString();

    public static bool IsUuid(string value) => Guid.TryParseExact(value, "D", out _);
}
