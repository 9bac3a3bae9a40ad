using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Web.Account;

namespace Platform.Web.Images;

/// <summary><c>GET /images/{id}</c>: a picture of the signed-in merchant's shop (the tenant filter makes other shops' pictures 404).</summary>
public static class ImageEndpoints
{
    public static WebApplication MapShopImages(this WebApplication app)
    {
        app.MapGet("/images/{id:guid}", async (Guid id, PlatformDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var image = await db.Images.AsNoTracking().Where(i => i.Id == id)
                .Select(i => new { i.ContentType, i.Content }).SingleOrDefaultAsync(ct);
            if (image is null)
                return Results.NotFound();
            // Demo images are SVG; a sandboxing CSP keeps any script inside one from running in the portal's origin.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Bytes(image.Content, image.ContentType);
        }).RequireAuthorization(PortalPolicies.Merchant);
        return app;
    }
}
