using Platform.Api.Problems;
using Platform.Data.Buyers;
using Platform.Data.Tenancy;

namespace Platform.Api.Buyers;

/// <summary>
/// For every route under <c>/m/{posId}/api</c>: the point-of-sale id in the URL picks the tenant (through the cached
/// store), and the request's tenant context is set to it. Unknown ids end here with 404.
/// </summary>
public sealed class PointOfSaleFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var locale = BuyerText.LocaleOf(http.Request);
        if (!int.TryParse(http.GetRouteValue("posId") as string, out var shopId))
            return ApiProblems.NotFound("pos_not_found", BuyerText.Of("pos_not_found", locale));
        var pos = await http.RequestServices.GetRequiredService<TenantStore>().FindByShopIdAsync(shopId, http.RequestAborted);
        if (pos is null)
            return ApiProblems.NotFound("pos_not_found", BuyerText.Of("pos_not_found", locale));
        http.RequestServices.GetRequiredService<TenantContext>().Use(pos.Tenant.Id);
        http.Items[typeof(PointOfSaleInfo)] = pos;
        return await next(context);
    }
}

/// <summary>Requires the buyer session token (<c>Authorization: Bearer</c>) and that it was issued for this point of sale.</summary>
public sealed class BuyerSessionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var locale = BuyerText.LocaleOf(http.Request);
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var claims = http.RequestServices.GetRequiredService<BuyerTokens>().ReadSession(token);
        if (claims is null)
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "session_expired", BuyerText.Of("session_expired", locale));
        var pos = http.PointOfSale();
        if (claims.ShopId != pos.ShopId || claims.TenantId != pos.Tenant.Id)
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "token_wrong_shop", BuyerText.Of("token_wrong_shop", locale));
        http.Items[typeof(BuyerSessionClaims)] = claims;
        return await next(context);
    }
}

public static class BuyerHttpContextExtensions
{
    public static PointOfSaleInfo PointOfSale(this HttpContext http) =>
        http.Items[typeof(PointOfSaleInfo)] as PointOfSaleInfo ?? throw new InvalidOperationException("PointOfSaleFilter did not run.");

    public static BuyerSessionClaims BuyerSession(this HttpContext http) =>
        http.Items[typeof(BuyerSessionClaims)] as BuyerSessionClaims ?? throw new InvalidOperationException("BuyerSessionFilter did not run.");
}
