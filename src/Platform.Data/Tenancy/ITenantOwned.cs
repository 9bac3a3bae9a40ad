namespace Platform.Data.Tenancy;

/// <summary>A row that belongs to one tenant (shop). The tenant query filter and the write guard apply to it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
