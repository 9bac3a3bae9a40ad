using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Platform.Web.Shared;

/// <summary>
/// Leaves out a validation summary that has nothing to say. ASP.NET Core renders it anyway, with a placeholder
/// <c>&lt;li style="display:none"&gt;</c> for client-side validation, which the portal does not use and whose inline
/// style its <c>Content-Security-Policy</c> (<c>style-src 'self'</c>) refuses with a console error on every form.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class QuietValidationSummaryTagHelper : TagHelper
{
    // After ValidationSummaryTagHelper (order -1000), which marks an empty summary with this class.
    public override int Order => 0;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.TryGetAttribute("class", out var classes) && Text(classes.Value).Split(' ').Contains(HtmlHelper.ValidationSummaryValidCssClassName))
            output.SuppressOutput();
    }

    private static string Text(object? value)
    {
        if (value is not IHtmlContent html)
            return value?.ToString() ?? "";
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
