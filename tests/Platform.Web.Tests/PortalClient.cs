using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Web.Tests;

/// <summary>
/// Talks to the portal like a browser does: GET a page, take the antiforgery token from its form, POST the form.
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

    /// <summary>Posts a form the way the page's own form would: with the antiforgery token of a page of the portal.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var token = await TokenAsync(tokenFrom ?? PathOf(url));
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await http.PostAsync(url, content);
    }

    public async Task<HttpResponseMessage> PostMultipartAsync(string url, Dictionary<string, string> fields, string fileField, string fileName, byte[] file,
        string contentType = "application/octet-stream", string? tokenFrom = null)
    {
        var token = await TokenAsync(tokenFrom ?? PathOf(url));
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
            content.Add(new StringContent(value), key);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(bytes, fileField, fileName);
        return await http.PostAsync(url, content);
    }

    /// <summary>The antiforgery token of a page; every page has one (the language switch is a form).</summary>
    public async Task<string> TokenAsync(string page)
    {
        var response = await http.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        if (!match.Success)
        {
            // Pages of another shop are 404 — take the token from the start page instead, as a forged form would.
            html = await (await http.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
            match = TokenPattern().Match(html);
        }
        Assert.True(match.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string PathOf(string url)
    {
        var q = url.IndexOf('?');
        return q < 0 ? url : url[..q];
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
