using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicebox.Emulator.Api;
using Invoicebox.Emulator.Control;
using Invoicebox.Emulator.Orders;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Invoicebox.Emulator.Parent;

/// <summary>
/// <c>/_emulator/parent</c>: hosts a mini-app in an iframe the way the Invoicebox payment page / marketplace does
/// (miniapp-sdk reference §2, §8). The page itself (parent.html/js/css, embedded) does the protocol; this class resolves
/// the init payload from the query and, for suborder mode without a container, opens one with a main order first.
/// </summary>
public static class ParentWindow
{
    public const string Path = "/_emulator/parent";

    public static void MapParentWindow(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show);
        app.MapGet(Path + ".js", () => Results.Text(Resource("parent.js"), "text/javascript; charset=utf-8"));
        app.MapGet(Path + ".css", () => Results.Text(Resource("parent.css"), "text/css; charset=utf-8"));
    }

    private static IResult Show(HttpContext context, OrderStore store, MainContainers containers, IOptions<EmulatorOptions> options)
    {
        var query = context.Request.Query;
        var mode = query["mode"].ToString() is "order" ? "order" : "suborder";
        var src = query["src"].ToString();
        if (string.IsNullOrWhiteSpace(src))
            src = ProbeAddress(context);
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        if (!Uri.TryCreate(new Uri(origin + "/"), src, out var miniApp) || miniApp.Scheme is not ("http" or "https"))
            return Results.BadRequest("src must be an http(s) URL of the mini-app");

        var containerId = query["containerId"].ToString();
        if (mode == "suborder" && containerId.Length == 0 && query["openContainer"].ToString() != "false")
        {
            // Open the invoice first and come back with it in the URL, so a reload shows the same invoice.
            var main = containers.Open(InvoiceboxApi.PublicOrigin(context, options.Value));
            var withContainer = QueryHelpers.AddQueryString(context.Request.Path, query
                .Where(q => q.Key != "containerId")
                .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
                .Append(KeyValuePair.Create("containerId", (string?)main.ContainerId)));
            return Results.Redirect(withContainer);
        }

        JsonArray metaData;
        try
        {
            metaData = MetaData(query["metaData"].ToString(), containerId.Length > 0 ? store.FindContainer(containerId) : null);
        }
        catch (JsonException e)
        {
            return Results.BadRequest("metaData is not JSON: " + e.Message);
        }

        var fullHeight = query["fullHeight"].ToString() is "true" or "1";
        var publicData = new JsonObject
        {
            ["minappType"] = mode,
            ["shopId"] = ShopId(query["shopId"]),
            ["userEmail"] = Value(query["email"], "ivan.petrov@example.com"),
            ["userName"] = Value(query["name"], "Иван Петров"),
            ["userPhone"] = Value(query["phone"], "+79990000001"),
            ["locale"] = Value(query["locale"], "ru"),
            ["fullHeight"] = fullHeight,
        };
        if (mode == "suborder")
            publicData["orderContainerId"] = containerId;
        if (publicData["shopId"] is null)
            publicData.Remove("shopId");

        var config = new JsonObject
        {
            ["src"] = miniApp.ToString(),
            ["mode"] = mode,
            ["containerId"] = containerId.Length > 0 ? containerId : null,
            ["navigate"] = query["navigate"].ToString() != "false",
            ["init"] = new JsonObject { ["public"] = publicData, ["private"] = new JsonObject { ["metaData"] = metaData } },
        };
        // The default encoder escapes '<', so the JSON cannot close the script element it sits in.
        var html = Resource("parent.html")
            .Replace("{{MODE}}", mode == "order" ? "order — основной заказ" : "suborder — дополнительная услуга", StringComparison.Ordinal)
            .Replace("{{CONFIG}}", config.ToJsonString(new JsonSerializerOptions()), StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The probe on the same emulator, for a bare <c>/_emulator/parent</c>.</summary>
    private static string ProbeAddress(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/_emulator/probe/";

    /// <summary><c>metaData</c> from the query (an array, or one object), else the JSON-LD of the container's orders, main order first.</summary>
    private static JsonArray MetaData(string fromQuery, ContainerView? container)
    {
        if (fromQuery.Length > 0)
            return JsonNode.Parse(fromQuery) switch
            {
                JsonArray array => array,
                JsonNode single => [single],
                null => [],
            };
        var result = new JsonArray();
        foreach (var order in container?.Orders ?? [])
            if (order.Content.Extras["metaData"] is { } node)
                result.Add(node.DeepClone());
        return result;
    }

    private static JsonNode? ShopId(string? value) => value switch
    {
        null => 1001,
        "" => null,
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) => id,
        _ => value,
    };

    private static string Value(string? value, string fallback) => value ?? fallback;

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Invoicebox.Emulator.Parent." + name)
            ?? throw new InvalidOperationException($"embedded {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
