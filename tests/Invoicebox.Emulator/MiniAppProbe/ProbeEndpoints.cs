using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Api;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Orders;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Invoicebox.Emulator.MiniAppProbe;

/// <summary>
/// <c>/_emulator/probe/</c>: the probe mini-app built by npm from <c>probe/</c> (real SDK), served frameable from any loopback
/// origin, plus <c>POST /_emulator/probe/order</c> — its "backend", which creates an order (a suborder when given a container)
/// for the first non-main merchant, as a real mini-app backend would with its own token.
/// </summary>
public static class ProbeEndpoints
{
    public const string Path = "/_emulator/probe";

    // Like a mini-app host allowing the Invoicebox origins; here: whatever loopback port the parent window runs on.
    private const string FrameAncestors = "frame-ancestors 'self' http://127.0.0.1:* http://localhost:*";

    public static void MapProbe(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path + "/{**file}", ServeFile);
        app.MapPost(Path + "/order", CreateOrder);
    }

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static IResult ServeFile(string? file, HttpContext context, IWebHostEnvironment environment, IOptions<EmulatorOptions> options)
    {
        // Relative asset links need the trailing slash; keep the query (?id=) through the redirect.
        if (string.IsNullOrEmpty(file) && context.Request.Path.Value?.EndsWith('/') != true)
            return Results.Redirect(Path + "/" + context.Request.QueryString);
        if (FindDirectory(environment, options.Value) is not { } directory)
            return Results.Text("The probe is not built: run `npm ci && npm run build` in tests/Invoicebox.Emulator/probe.", statusCode: 503);
        using var files = new PhysicalFileProvider(directory);
        var info = files.GetFileInfo(string.IsNullOrEmpty(file) ? "index.html" : file);
        if (!info.Exists || info.IsDirectory || info.PhysicalPath is null)
            return Results.NotFound();
        context.Response.Headers.ContentSecurityPolicy = FrameAncestors;
        context.Response.Headers.CacheControl = "no-store";
        var contentType = ContentTypes.TryGetContentType(info.Name, out var type) ? type : "application/octet-stream";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("javascript", StringComparison.Ordinal))
            contentType += "; charset=utf-8";
        return Results.File(info.PhysicalPath, contentType);
    }

    /// <summary>The configured folder, else wwwroot/probe under the content root (dotnet run), else next to the assembly (tests).</summary>
    public static string? FindDirectory(IWebHostEnvironment environment, EmulatorOptions options)
    {
        string[] candidates = options.ProbeDirectory is { Length: > 0 } configured
            ? [configured]
            : [System.IO.Path.Combine(environment.ContentRootPath, "wwwroot", "probe"), System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot", "probe")];
        return candidates.Select(System.IO.Path.GetFullPath).FirstOrDefault(d => File.Exists(System.IO.Path.Combine(d, "index.html")));
    }

    private sealed record ProbeOrderRequest(string? ContainerId, string? MerchantId);

    private static async Task<IResult> CreateOrder(HttpContext context, MerchantRegistry merchants, OrderStore store, TimeProvider clock,
        IOptions<EmulatorOptions> options)
    {
        ProbeOrderRequest? request = null;
        try
        {
            request = await context.Request.ReadFromJsonAsync<ProbeOrderRequest>();
        }
        catch (JsonException)
        {
        }
        var merchant = (request?.MerchantId is { } id ? merchants.ById(id) : merchants.All.FirstOrDefault(m => !m.IsMain));
        if (merchant is null)
            return ApiResponse.Error(ApiException.NotFound("No merchant for the probe"));
        var now = clock.GetUtcNow();
        var body = new JsonObject
        {
            ["merchantId"] = merchant.MerchantId,
            ["merchantOrderId"] = "PROBE-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            ["description"] = "Заказ из пробного мини-приложения",
            ["amount"] = 360.00m,
            ["vatAmount"] = 60.00m,
            ["currencyId"] = "RUB",
            ["expirationDate"] = now.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
            ["customer"] = new JsonObject { ["type"] = "private" },
            ["basketItems"] = new JsonArray(new JsonObject
            {
                ["sku"] = "COFFEE-TO-GO", ["name"] = "Кофе с собой", ["measure"] = "шт", ["measureCode"] = "796", ["quantity"] = 2,
                ["amount"] = 180.00m, ["amountWoVat"] = 150.00m, ["totalAmount"] = 360.00m, ["totalVatAmount"] = 60.00m,
                ["vatCode"] = "RUS_VAT20", ["type"] = "commodity", ["paymentType"] = "full_prepayment",
            }),
        };
        if (request?.ContainerId is { Length: > 0 } containerId)
            body["orderContainerId"] = containerId;
        if (merchant.NotificationUrl is not null)
            body["notificationUrl"] = merchant.NotificationUrl;
        try
        {
            var order = store.Create(merchant, OrderRequestReader.ReadCreate(body, now), InvoiceboxApi.PublicOrigin(context, options.Value));
            return TypedResults.Ok(new { orderId = order.Id, containerId = order.ContainerId, paymentUrl = order.PaymentUrl });
        }
        catch (ApiException e)
        {
            return ApiResponse.Error(e);
        }
    }
}
