namespace Invoicebox.Emulator.PaymentPage;

public static class PaymentPageEndpoints
{
    public static void MapPaymentPage(this IEndpointRouteBuilder app)
    {
    }
}
