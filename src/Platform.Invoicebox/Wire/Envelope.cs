using System.Text.Json;

namespace Platform.Invoicebox.Wire;

/// <summary><c>{"data": ..., "extendedData": [], "metaData": {...}}</c>: every successful answer.</summary>
internal sealed record Envelope<T>(T? Data, JsonElement? ExtendedData, ListMetaData? MetaData);

/// <summary>Paging facts of a list answer.</summary>
internal sealed record ListMetaData(int TotalCount, int PageSize, int Page);

/// <summary><c>{"error": {"message", "code", "fields": [...]}}</c>: every failed answer (when the body is JSON at all).</summary>
internal sealed record ErrorEnvelope(ErrorBody? Error);

internal sealed record ErrorBody(string? Message, string? Code, IReadOnlyList<FieldErrorBody>? Fields);

internal sealed record FieldErrorBody(string? Name, string? Code, string? Message);
