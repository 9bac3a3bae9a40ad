using System.Security.Cryptography;

namespace Platform.Data.Shops;

public enum TenantStatus
{
    Draft,
    Live,
    Suspended,
}

/// <summary>A shop: the tenant of the platform. Not tenant-owned itself; its id is what other rows carry.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>Unique, URL-safe, lowercase.</summary>
    public required string Slug { get; set; }
    public TenantStatus Status { get; set; } = TenantStatus.Draft;

    public required string DisplayName { get; set; }
    public Guid? LogoImageId { get; set; }
    /// <summary>CSS colour, <c>#rrggbb</c>.</summary>
    public string BrandColor { get; set; } = "#1F6FEB";
    /// <summary><c>ru</c> or <c>en</c>.</summary>
    public string DefaultLocale { get; set; } = "ru";

    /// <summary>Routes Invoicebox notifications to this tenant; unguessable, never the tenant id.</summary>
    public string WebhookKey { get; set; } = NewWebhookKey();

    /// <summary>Extra origins allowed to frame this shop's mini-app, on top of the platform's configured ones.</summary>
    public List<string> FramingOrigins { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LiveSince { get; set; }

    /// <summary>When the shop was last suspended; null unless <see cref="TenantStatus.Suspended"/>.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }
    /// <summary>An operator's suspension: the merchant cannot resume it.</summary>
    public bool SuspendedByOperator { get; set; }
    public string? SuspensionReason { get; set; }
    /// <summary>
    /// The owner's own pause. Kept apart from <see cref="SuspendedByOperator"/>: lifting an operator's suspension leaves
    /// a shop its owner had paused suspended, and only the owner resumes it.
    /// </summary>
    public bool PausedByOwner { get; set; }

    public List<PointOfSale> PointsOfSale { get; set; } = [];

    public static string NewWebhookKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
