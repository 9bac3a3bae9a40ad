using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Platform.Data.Tenancy;

namespace Platform.Api.MiniApp;

public sealed class MiniAppOptions
{
    /// <summary>Origins allowed to frame the mini-app (CSP frame-ancestors). Invoicebox's by default.</summary>
    public string[] FrameAncestors { get; set; } = ["https://*.invoicebox.ru"];
    /// <summary>Added in development and tests (the emulator's origin); a separate key so arrays from two files never merge by index.</summary>
    public string[] ExtraFrameAncestors { get; set; } = [];
    /// <summary>Folder of the built front end (src/Platform.MiniApp → npm run build).</summary>
    public string BuildPath { get; set; } = "wwwroot/miniapp";
}

/// <summary>
/// Serves the built mini-app: the same index.html for every page route of every point of sale, and the hashed assets
/// under <c>/m/assets</c>. The HTML carries a CSP whose frame-ancestors lets Invoicebox (and the shop's extra origins)
/// frame it; there is no X-Frame-Options and no cookie anywhere on this surface.
/// </summary>
public static class MiniAppPages
{
    public static WebApplication MapMiniAppPages(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MiniAppOptions>>().Value;
        var root = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, options.BuildPath));
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        var files = new PhysicalFileProvider(root);

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(root, "assets")),
            RequestPath = "/m/assets",
            OnPrepareResponse = ctx =>
            {
                ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                ctx.Context.Response.Headers.AccessControlAllowOrigin = "*";
            },
        });

        app.MapGet("/m/{posId:int}/", (int posId, HttpContext http, TenantStore store) => ServeIndexAsync(posId, http, store, files, options))
            .ExcludeFromDescription();
        app.MapGet("/m/{posId:int}/result/{orderId:guid}", (int posId, HttpContext http, TenantStore store) => ServeIndexAsync(posId, http, store, files, options))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeIndexAsync(int posId, HttpContext http, TenantStore store, IFileProvider files, MiniAppOptions options)
    {
        var index = files.GetFileInfo("index.html");
        if (!index.Exists)
            return Results.Problem(statusCode: 503, title: "Mini-app not built", detail: "Build src/Platform.MiniApp (./run.sh does it).");

        var pos = await store.FindByShopIdAsync(posId, http.RequestAborted);
        var ancestors = options.FrameAncestors.Concat(options.ExtraFrameAncestors).Concat(pos?.Tenant.FramingOrigins ?? []).Distinct();
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = string.Join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
            "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
            "frame-ancestors " + string.Join(' ', ancestors));
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return Results.File(index.PhysicalPath!, "text/html; charset=utf-8");
    }
}
