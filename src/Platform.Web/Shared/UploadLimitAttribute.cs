using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Platform.Data.Tenancy;
using Platform.Web.Catalog;
using Platform.Web.Images;

namespace Platform.Web.Shared;

/// <summary>What a page takes a file for; each kind has its limit and its sentence for a file over it.</summary>
public enum UploadKind
{
    CatalogCsv,
    Image,
}

/// <summary>
/// The size limit of a page that takes a file. A request up to twice the file limit is read as usual and the page itself
/// says «file too large», keeping the other fields. A bigger one is refused before anything reads it — antiforgery would
/// read it first and fail with a bare «form is stale» 400 (or Kestrel with a 413), nothing logged — and the browser is
/// sent back to the page with the same sentence.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(UploadKind kind) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    // Room for the other fields of the form, and for the base64 copy of a checked CSV that the import's «save» posts back.
    private const long FieldsAllowance = 64 * 1024;

    // A refused body is still read to its end (and dropped) after the answer: a browser still sending it would otherwise
    // see the connection reset, not the page. Beyond this the connection is simply closed.
    private const long DiscardUpTo = 256L * 1024 * 1024;

    /// <summary>Before the antiforgery check (order 1000), which reads the body.</summary>
    public int Order => -2000;

    public long FileBytes => Limit(kind);

    public static long Limit(UploadKind kind) => kind switch
    {
        UploadKind.CatalogCsv => ProductCsv.MaxFileBytes,
        _ => ImageUpload.MaxBytes,
    };

    public static string TooLarge(UploadKind kind) => kind switch
    {
        UploadKind.CatalogCsv => ProductCsv.TooLarge,
        _ => ImageUpload.TooLarge,
    };

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            return;
        var ceiling = FileBytes * 2 + FieldsAllowance;
        if (http.Request.ContentLength is not { } length || length <= ceiling)
        {
            // A body without a length (chunked) stops at the ceiling too.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = ceiling;
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } discard)
            discard.MaxRequestBodySize = Math.Min(length, DiscardUpTo);
        http.RequestServices.GetRequiredService<ILogger<UploadLimitAttribute>>().LogWarning(
            "Upload of {Bytes} bytes to {Path} by tenant {TenantId} refused unread: the {Kind} limit is {Limit} bytes",
            length, http.Request.Path.Value, http.RequestServices.GetRequiredService<ITenantContext>().TenantId, kind, FileBytes);
        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        tempData["Problem"] = TooLarge(kind);
        tempData.Save();
        context.Result = new LocalRedirectResult(http.Request.PathBase + http.Request.Path);
    }
}
