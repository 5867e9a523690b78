using System.Text.RegularExpressions;
using Alba;
using CatalogHub.Site;

namespace CatalogHub.Tests.Site;

/// <summary>
/// A browser's part in the console over plain HTTP: the session cookie of a signed-in department, and each form's antiforgery
/// token with its cookie, read from the page that drew the form, as a browser would send them back.
/// </summary>
public sealed partial class ConsoleClient(IAlbaHost host)
{
    /// <summary>Every cookie the console set, by name, sent back with every request as a browser sends cookies of its path.</summary>
    private readonly Dictionary<string, string> _jar = [];

    /// <summary>Signs in with <paramref name="key"/> through the sign-in form.</summary>
    public static async Task<ConsoleClient> SignIn(IAlbaHost host, string key)
    {
        var client = new ConsoleClient(host);
        await client.Post("/console/sign-in", "/console/sign-in", new Dictionary<string, string> { ["key"] = key }, 302);
        Assert.True(client._jar.ContainsKey(SiteSetup.ConsoleCookie));
        return client;
    }

    private string Cookies => string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}"));

    private void Keep(IScenarioResult result)
    {
        foreach (var set in result.Context.Response.Headers.SetCookie)
        {
            var pair = set!.Split(';')[0];
            var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            if (value.Length == 0) _jar.Remove(name);
            else _jar[name] = value;
        }
    }

    public async Task<IScenarioResult> Get(string url, int status = 200)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            if (_jar.Count > 0) s.WithRequestHeader("Cookie", Cookies);
            s.StatusCodeShouldBe(status);
        });
        Keep(result);
        return result;
    }

    /// <summary>Opens <paramref name="url"/> and returns the antiforgery token its forms carry (its cookie kept).</summary>
    public async Task<string> Token(string url) => TokenField().Match((await Get(url)).ReadAsText()).Groups[1].Value;

    /// <summary>Posts a form drawn on <paramref name="page"/> (with its token unless <paramref name="withToken"/> is false).</summary>
    public async Task<IScenarioResult> Post(string page, string action, IDictionary<string, string> fields, int status, bool withToken = true)
    {
        var token = await Token(page);
        Assert.NotEmpty(token);
        var form = new Dictionary<string, string>(fields);
        if (withToken) form["__RequestVerificationToken"] = token;
        var result = await host.Scenario(s =>
        {
            // Alba takes a path, its query apart: the page handler is ?handler=...
            var send = s.Post.FormData(form).ToUrl(action.Split('?')[0]);
            if (action.Contains('?')) send.QueryString("handler", action.Split("handler=")[1]);
            if (_jar.Count > 0) s.WithRequestHeader("Cookie", Cookies);
            s.StatusCodeShouldBe(status);
        });
        Keep(result);
        return result;
    }

    /// <summary>The values a page's forms hold, by name (the hidden template and version among them), as a browser would post them unchanged.</summary>
    public static Dictionary<string, string> Fields(string html, string form)
    {
        var start = html.IndexOf($"action=\"?handler={form}\"", StringComparison.Ordinal);
        var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>();
        foreach (Match m in InputField().Matches(html[start..end]))
            fields[System.Net.WebUtility.HtmlDecode(m.Groups["name"].Value)] = System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value);
        foreach (Match m in TextareaField().Matches(html[start..end]))
            fields[System.Net.WebUtility.HtmlDecode(m.Groups["name"].Value)] = System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value);
        fields.Remove("__RequestVerificationToken");
        return fields;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<input(?=[^>]*name=\"(?<name>[^\"]+)\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>")]
    private static partial Regex InputField();

    [GeneratedRegex("<textarea(?=[^>]*name=\"(?<name>[^\"]+)\")[^>]*>(?<value>[^<]*)</textarea>")]
    private static partial Regex TextareaField();
}
