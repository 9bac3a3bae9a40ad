using Microsoft.Extensions.Options;

namespace Invoicebox.Emulator.Merchants;

/// <summary>The merchants of this run: the configured ones plus any a test added. Survives <c>/_emulator/reset</c>.</summary>
public sealed class MerchantRegistry
{
    private readonly Lock _gate = new();
    private readonly List<Merchant> _merchants = [];

    public MerchantRegistry(IOptions<EmulatorOptions> options)
    {
        foreach (var m in options.Value.Merchants)
            Add(Merchant.From(m));
    }

    public IReadOnlyList<Merchant> All
    {
        get { lock (_gate) return [.. _merchants]; }
    }

    public Merchant? ByToken(string token)
    {
        lock (_gate) return _merchants.FirstOrDefault(m => m.Token == token);
    }

    public Merchant? ById(string merchantId)
    {
        lock (_gate) return _merchants.FirstOrDefault(m => string.Equals(m.MerchantId, merchantId, StringComparison.OrdinalIgnoreCase));
    }

    public Merchant? Main
    {
        get { lock (_gate) return _merchants.FirstOrDefault(m => m.IsMain); }
    }

    /// <summary>Adds a merchant, or replaces the one with the same id. Tokens must stay unique.</summary>
    public Merchant Add(Merchant merchant)
    {
        if (string.IsNullOrWhiteSpace(merchant.MerchantId) || string.IsNullOrWhiteSpace(merchant.Token) || string.IsNullOrWhiteSpace(merchant.NotificationKey))
            throw new ArgumentException("A merchant needs merchantId, token and notificationKey.");
        lock (_gate)
        {
            if (_merchants.Any(m => m.Token == merchant.Token && !string.Equals(m.MerchantId, merchant.MerchantId, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException("Another merchant already uses this token.");
            _merchants.RemoveAll(m => string.Equals(m.MerchantId, merchant.MerchantId, StringComparison.OrdinalIgnoreCase));
            _merchants.Add(merchant);
            return merchant;
        }
    }
}
