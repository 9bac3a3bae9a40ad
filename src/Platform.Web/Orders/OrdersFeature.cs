namespace Platform.Web.Orders;

public static class OrdersFeature
{
    public static IServiceCollection AddOrdersFeature(this IServiceCollection services)
    {
        return services;
    }
}
