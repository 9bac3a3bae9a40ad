using Platform.Data.Tenancy;

namespace Platform.Data.Catalog;

public sealed class Category : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
