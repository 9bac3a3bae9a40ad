namespace Platform.Web.Shop;

public static class ShopFeature
{
    public static IServiceCollection AddShopFeature(this IServiceCollection services)
    {
        services.AddScoped<CurrentShop>();
        services.AddScoped<ShopReadiness>();
        services.AddScoped<ShopLifecycle>();
        services.AddScoped<InvoiceboxConnection>();
        services.AddSingleton<InvoiceboxAddresses>();
        return services;
    }
}
