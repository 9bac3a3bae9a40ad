using Platform.Api.Buyers;
using Platform.Api.MiniApp;
using Platform.Api.Orders;
using Platform.Api.Payments;
using Platform.Api.Problems;
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
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Answers the framework writes itself (no such route, wrong content type, wrong method) carry a stable code too.
        builder.Services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Extensions.ContainsKey("code"))
                return;
            var code = ApiProblems.CodeOf(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
            context.ProblemDetails.Extensions["code"] = code;
            context.ProblemDetails.Detail ??= BuyerText.Of(code, BuyerText.LocaleOf(context.HttpContext.Request));
        });
        // Binding failures throw in every environment, so the handler above answers them the same way everywhere.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/json", "application/problem+json", "text/html", "application/javascript", "text/css", "image/svg+xml"];
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BuyerApiDocument>());
        return builder;
    }

    public static WebApplication MapPlatformApi(this WebApplication app)
    {
        app.UsePlatformForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseResponseCompression();
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
