using Platform.Api.Buyers;
using Platform.Api.MiniApp;
using Platform.Api.Orders;
using Platform.Api.Payments;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Messaging;
using Scalar.AspNetCore;

namespace Platform.Api;

public static class PlatformApiExtensions
{
    public static WebApplicationBuilder AddPlatformApi(this WebApplicationBuilder builder)
    {
        builder.AddPlatformDefaults();
        // Publish-only: the API must start (and keep accepting orders) while the broker is down; the outbox sweeper catches up.
        builder.Services.AddPlatformBus(builder.Configuration, waitUntilStarted: false);
        builder.Services.Configure<MiniAppOptions>(builder.Configuration.GetSection("MiniApp"));
        builder.Services.Configure<BuyerOptions>(builder.Configuration.GetSection("Buyers"));
        builder.Services.Configure<OrderOptions>(builder.Configuration.GetSection("Orders"));
        builder.Services.AddScoped<OrderPlacement>();
        builder.Services.AddApiRateLimits(builder.Configuration);
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapPlatformApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/scalar");
        app.MapMiniAppPages();

        var buyer = app.MapGroup("/m/{posId:int}/api").AddEndpointFilter<PointOfSaleFilter>().WithTags("Buyer");
        buyer.MapBuyerSession();
        buyer.MapBuyerOrders();
        buyer.MapBuyerImages();
        app.MapInvoiceboxNotifications();

        app.MapPlatformHealth();
        return app;
    }
}
