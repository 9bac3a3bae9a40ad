using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Web.Tests;

/// <summary>
/// Talks to the portal like a browser does: GET the page that shows a form, take that form as it is rendered (its
/// action, its hidden fields, its own antiforgery token — or the lack of one), fill in fields, POST it. A form the page
/// does not render fails the test; a request made by hand (an attacker's, a tampered one) says so with
/// <see cref="PostCraftedFormAsync"/>.
/// </summary>
public sealed partial class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Opens <paramref name="page"/> (by default <paramref name="action"/> without its <c>handler</c>) and submits its form that posts to
    /// <paramref name="action"/>, with <paramref name="fields"/> over the form's hidden fields.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string action, Dictionary<string, string> fields, string? page = null)
    {
        page ??= PageOf(action);
        return await SubmitAsync(RenderedForm.Find(await GetPageAsync(page), page, action), fields);
    }

    /// <summary>Submits a form of a page already fetched (a preview's «save» form, say).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string html, string page, string action, Dictionary<string, string> fields) =>
        SubmitAsync(RenderedForm.Find(html, page, action), fields);

    /// <summary>Like <see cref="PostFormAsync(string, Dictionary{string, string}, string?)"/>, for a form with a file input.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string action, Dictionary<string, string> fields, string fileField, string fileName, byte[] file,
        string contentType = "application/octet-stream", string? page = null)
    {
        page ??= PageOf(action);
        var form = RenderedForm.Find(await GetPageAsync(page), page, action);
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in form.Merge(fields))
            content.Add(new StringContent(value), key);
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(bytes, fileField, fileName);
        return await http.PostAsync(form.Action, content);
    }

    /// <summary>
    /// A request no page of the portal renders — another shop's ids, a handler the page hides from this user, a tampered
    /// field — carrying a valid antiforgery token of this session taken from <paramref name="tokenFrom"/>, as a
    /// hand-made request of a signed-in user would.
    /// </summary>
    public async Task<HttpResponseMessage> PostCraftedFormAsync(string url, Dictionary<string, string> fields, string tokenFrom)
    {
        var match = TokenPattern().Match(await GetPageAsync(tokenFrom));
        Assert.True(match.Success, $"no antiforgery token on {tokenFrom}");
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(match.Groups[1].Value))));
        return await http.PostAsync(url, content);
    }

    private Task<HttpResponseMessage> SubmitAsync(RenderedForm form, Dictionary<string, string> fields) =>
        http.PostAsync(form.Action, new FormUrlEncodedContent(form.Merge(fields)));

    /// <summary><c>/Orders/1?handler=Refund</c> → <c>/Orders/1</c>; <c>/Account/ResetPassword?token=…</c> stays as it is.</summary>
    private static string PageOf(string action)
    {
        var q = action.IndexOf('?');
        if (q < 0)
            return action;
        var rest = action[(q + 1)..].Split('&').Where(p => !p.StartsWith("handler=", StringComparison.Ordinal)).ToList();
        return rest.Count == 0 ? action[..q] : action[..q] + "?" + string.Join('&', rest);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>A <c>&lt;form method="post"&gt;</c> as the portal rendered it: where it posts and the hidden fields it sends.</summary>
public sealed partial record RenderedForm(string Action, IReadOnlyList<KeyValuePair<string, string>> HiddenFields)
{
    /// <summary>The first post form of <paramref name="html"/> (fetched from <paramref name="page"/>) whose action is <paramref name="action"/>.</summary>
    public static RenderedForm Find(string html, string page, string action)
    {
        var found = All(html, page).FirstOrDefault(f => f.Action == action);
        Assert.True(found is not null, $"{page} renders no form posting to {action}; it has: {string.Join(", ", All(html, page).Select(f => f.Action))}");
        return found;
    }

    public static IEnumerable<RenderedForm> All(string html, string page) =>
        FormPattern().Matches(html)
            .Where(m => Attribute(m.Groups["attributes"].Value, "method")?.Equals("post", StringComparison.OrdinalIgnoreCase) == true)
            .Select(m => new RenderedForm(
                // A form without an action posts back to the address of its page, query string included.
                Attribute(m.Groups["attributes"].Value, "action") is { Length: > 0 } action ? action : page,
                HiddenPattern().Matches(m.Groups["body"].Value)
                    .Select(h => (Name: Attribute(h.Value, "name"), Value: Attribute(h.Value, "value") ?? ""))
                    .Where(h => h.Name is not null)
                    .Select(h => new KeyValuePair<string, string>(h.Name!, h.Value)).ToList()));

    /// <summary>The hidden fields with the test's <paramref name="fields"/> in place of those of the same name.</summary>
    public IEnumerable<KeyValuePair<string, string>> Merge(Dictionary<string, string> fields) =>
        HiddenFields.Where(h => !fields.ContainsKey(h.Key)).Concat(fields);

    public string? Token => HiddenFields.FirstOrDefault(h => h.Key == "__RequestVerificationToken").Value;

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"(?<![\\w-]){name}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form\\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*\\btype=\"hidden\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenPattern();
}
