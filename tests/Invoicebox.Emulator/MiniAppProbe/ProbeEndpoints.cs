namespace Invoicebox.Emulator.MiniAppProbe;

public static class ProbeEndpoints
{
    public static void MapProbe(this IEndpointRouteBuilder app)
    {
    }
}
