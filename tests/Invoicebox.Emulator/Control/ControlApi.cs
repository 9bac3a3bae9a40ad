namespace Invoicebox.Emulator.Control;

public static class ControlApi
{
    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
    }
}
