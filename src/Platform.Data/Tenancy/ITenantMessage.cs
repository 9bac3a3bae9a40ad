namespace Platform.Data.Tenancy;

/// <summary>Every message carries its tenant; the consume filter refuses a message without one and sets the consumer's tenant context.</summary>
public interface ITenantMessage
{
    Guid TenantId { get; }
}
