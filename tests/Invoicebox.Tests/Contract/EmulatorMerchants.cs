namespace Invoicebox.Tests.Contract;

/// <summary>Merchants the emulator knows from its appsettings.json.</summary>
public static class EmulatorMerchants
{
    public static readonly Merchant Coffee = new("0193a1c0-0000-7000-8000-000000001001", "5f0c3d7e0c01a1c0b2e5f0c3d7e01001", "demo-notification-key-1001");
    public static readonly Merchant Flowers = new("0193a1c0-0000-7000-8000-000000001002", "5f0c3d7e0c01a1c0b2e5f0c3d7e01002", "demo-notification-key-1002");
    /// <summary>Opens the invoices that suborders join.</summary>
    public static readonly Merchant Main = new("0193a1c0-0000-7000-8000-00000000aaaa", "5f0c3d7e0c01a1c0b2e5f0c3d7e0aaaa", "demo-notification-key-main");

    public sealed record Merchant(string MerchantId, string Token, string NotificationKey);
}
