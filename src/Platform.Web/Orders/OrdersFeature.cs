namespace Platform.Web.Orders;

public static class OrdersFeature
{
    public static IServiceCollection AddOrdersFeature(this IServiceCollection services)
    {
        services.AddScoped<OrderSearch>();
        services.AddScoped<OrderActions>();
        services.AddScoped<OrderChart>();
        services.AddScoped<OrdersCsv>();
        return services;
    }
}
