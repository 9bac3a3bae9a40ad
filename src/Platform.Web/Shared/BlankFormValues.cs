using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Platform.Web.Shared;

/// <summary>
/// A form field sent empty or as spaces binds to <c>""</c> / <c>"   "</c> when the property or handler parameter is a
/// non-nullable <see cref="string"/>, never to null: MVC's default turns blank strings into null whatever the declared
/// nullability, and the pages' <c>Trim()</c> then failed with a 500 instead of a field error. <c>string?</c> keeps the
/// default (blank → null).
/// </summary>
public sealed class BlankFormValues : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType != typeof(string))
            return;
        // NullabilityInfoContext is not thread-safe; metadata is built once per property and cached, so a new one is cheap enough.
        var state = context.Key switch
        {
            { MetadataKind: ModelMetadataKind.Property, PropertyInfo: { } property } => new NullabilityInfoContext().Create(property).WriteState,
            { MetadataKind: ModelMetadataKind.Parameter, ParameterInfo: { } parameter } => new NullabilityInfoContext().Create(parameter).WriteState,
            _ => NullabilityState.Unknown,
        };
        if (state == NullabilityState.NotNull)
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }
}
