using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Data;

namespace Platform.Api.Buyers;

/// <summary>Product pictures and shop logos. An upload gets a new id, so a given URL never changes and may be cached for long.</summary>
public static class ImagesApi
{
    public static RouteGroupBuilder MapBuyerImages(this RouteGroupBuilder group)
    {
        group.MapGet("/images/{imageId:guid}", GetAsync).WithName("GetImage").ExcludeFromDescription();
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(Guid imageId, HttpContext http, PlatformDbContext db, CancellationToken ct)
    {
        var image = await db.Images.AsNoTracking().Where(i => i.Id == imageId).Select(i => new { i.ContentType, i.Content }).SingleOrDefaultAsync(ct);
        if (image is null)
            return ApiProblems.NotFound("image_not_found", "No such image.");
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        // SVG can carry script; as a document of its own it must not run any.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        return TypedResults.File(image.Content, image.ContentType);
    }
}
