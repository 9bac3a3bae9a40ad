using Platform.Data.Tenancy;

namespace Platform.Data.Catalog;

/// <summary>An uploaded image (product picture or shop logo). Small by rule, so it lives in PostgreSQL.</summary>
public sealed class StoredImage : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
