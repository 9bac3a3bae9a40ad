using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api;

/// <summary>
/// What the endpoint metadata cannot say on its own: the posId of every buyer route (bound by a filter, not a handler
/// parameter), the buyer session's Bearer scheme, the Idempotency-Key header, and that errors are problem details.
/// </summary>
public sealed class BuyerApiDocument : IOpenApiDocumentTransformer
{
    private const string Scheme = "BuyerSession";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Platform buyer API";
        document.Info.Description = "The mini-app's API under /m/{posId}/api and the Invoicebox notification endpoint. Errors are RFC 9457 problem details with a stable `code`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The token from POST /m/{posId}/api/session, valid for that point of sale only.",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/m/{posId}/api", StringComparison.Ordinal) || item.Operations is null)
                continue;
            foreach (var (method, operation) in item.Operations)
            {
                operation.Parameters ??= [];
                if (!operation.Parameters.Any(p => p.Name == "posId"))
                    operation.Parameters.Insert(0, new OpenApiParameter
                    {
                        Name = "posId", In = ParameterLocation.Path, Required = true,
                        Description = "Invoicebox point of sale (shopId) of the shop.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    });
                var needsSession = path.StartsWith("/m/{posId}/api/orders", StringComparison.Ordinal) && !path.EndsWith("/result", StringComparison.Ordinal);
                if (needsSession)
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
                if (needsSession && method == HttpMethod.Post)
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "Idempotency-Key", In = ParameterLocation.Header, Required = true,
                        Description = "A UUID per checkout attempt; the same key (and cart) returns the same order.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                    });
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("default", new OpenApiResponse { Description = "Problem details (application/problem+json) with a stable `code`." });
            }
        }
        return Task.CompletedTask;
    }
}
