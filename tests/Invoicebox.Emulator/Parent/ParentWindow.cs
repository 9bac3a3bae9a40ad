namespace Invoicebox.Emulator.Parent;

public static class ParentWindow
{
    public static void MapParentWindow(this IEndpointRouteBuilder app)
    {
    }
}
