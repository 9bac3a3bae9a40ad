using Invoicebox.Emulator.Api;
using Invoicebox.Emulator.Merchants;
using Invoicebox.Emulator.Orders;

namespace Invoicebox.Emulator.PaymentPage;

/// <summary>
/// <c>/order/{containerId}</c>: the invoice with every order of the container; «Оплатить» / «Отказаться» post back,
/// settle the container (notifying every order), then send the browser to the first <c>successUrl</c> / <c>failUrl</c>
/// found in the container's orders, or back to this page.
/// </summary>
public static class PaymentPageEndpoints
{
    public static void MapPaymentPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/order/{containerId}", Show);
        app.MapPost("/order/{containerId}/pay", (string containerId, OrderStore store) =>
            Settle(containerId, store, store.Pay, o => o.Content.SuccessUrl));
        app.MapPost("/order/{containerId}/decline", (string containerId, OrderStore store) =>
            Settle(containerId, store, store.Decline, o => o.Content.FailUrl));
    }

    private static IResult Show(string containerId, OrderStore store, MerchantRegistry merchants) =>
        store.FindContainer(containerId) is { } container
            ? Results.Content(PaymentPageHtml.Invoice(container, merchants), "text/html; charset=utf-8")
            : Results.Content(PaymentPageHtml.NotFound(containerId), "text/html; charset=utf-8", statusCode: 404);

    private static IResult Settle(string containerId, OrderStore store, Func<string, ContainerView> settle, Func<OrderView, string?> redirect)
    {
        ContainerView container;
        try
        {
            container = settle(containerId);
        }
        catch (ApiException)
        {
            // Paid twice, unknown or nothing to pay: the page itself says which.
            return Results.Redirect($"/order/{Uri.EscapeDataString(containerId)}", permanent: false, preserveMethod: false);
        }
        var target = container.Orders.Select(redirect).FirstOrDefault(url => url is not null) ?? $"/order/{Uri.EscapeDataString(container.Id)}";
        return Results.Redirect(target);
    }
}
