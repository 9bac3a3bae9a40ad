namespace Invoicebox.Emulator.Tests;

/// <summary>The merchants of the default configuration (appsettings.json), as the platform's demo seed knows them.</summary>
public static class TestMerchants
{
    public const string ZernoId = "0193a1c0-0000-7000-8000-000000001001";
    public const string ZernoToken = "5f0c3d7e0c01a1c0b2e5f0c3d7e01001";
    public const string ZernoKey = "demo-notification-key-1001";

    public const string RomashkaId = "0193a1c0-0000-7000-8000-000000001002";
    public const string RomashkaToken = "5f0c3d7e0c01a1c0b2e5f0c3d7e01002";
    public const string RomashkaKey = "demo-notification-key-1002";

    public const string MainId = "0193a1c0-0000-7000-8000-00000000aaaa";
    public const string MainToken = "5f0c3d7e0c01a1c0b2e5f0c3d7e0aaaa";
}
