namespace Platform.Web.Operator;

public static class OperatorFeature
{
    public static IServiceCollection AddOperatorFeature(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
