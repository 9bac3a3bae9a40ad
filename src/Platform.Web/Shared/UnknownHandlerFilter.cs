using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Platform.Web.Shared;

/// <summary>
/// A form post (any method but GET/HEAD) for which the page has no handler — <c>POST /Orders/{id}?handler=Foo</c>, a
/// POST to a page that only reads — answers 404. Razor Pages would otherwise render the page without running any
/// handler, with an empty model, and fail with a 500. (A GET naming an unknown handler falls back to <c>OnGet</c>.)
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
        return next();
    }
}
