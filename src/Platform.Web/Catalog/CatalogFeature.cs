namespace Platform.Web.Catalog;

public static class CatalogFeature
{
    public static IServiceCollection AddCatalogFeature(this IServiceCollection services)
    {
        services.AddScoped<ProductCsv>();
        services.AddScoped<CatalogOrdering>();
        return services;
    }
}
