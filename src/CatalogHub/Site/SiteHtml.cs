using System.Text.Encodings.Web;
using System.Text.Json;
using CatalogHub.Filing;
using Microsoft.AspNetCore.Html;

namespace CatalogHub.Site;

/// <summary>
/// Renders any list's content generically, from its JSON: an object as a definition list with the fields' Chinese names,
/// an array as a list, ids of items of other lists as links to their pages. New lists and new fields show without a page of
/// their own.
/// </summary>
public static class SiteHtml
{
    /// <summary>Fields holding ids of another list's items, and that list.</summary>
    private static readonly IReadOnlyDictionary<string, string> Links = new Dictionary<string, string>
    {
        ["entryId"] = "base-catalogue", ["servedEntries"] = "base-catalogue", ["proofItemId"] = "proof-items",
        ["intermediaryServices"] = "intermediary-services",
    };

    public static IHtmlContent Content(JsonElement content, SiteLinks links)
    {
        var html = new HtmlContentBuilder();
        Write(html, content, null, links);
        return html;
    }

    private static void Write(HtmlContentBuilder html, JsonElement value, string? field, SiteLinks links)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                html.AppendHtml("<dl class=\"fields\">");
                foreach (var p in value.EnumerateObject())
                {
                    if (p.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) continue;
                    html.AppendHtml("<dt>").Append(SiteText.Field(p.Name)).AppendHtml("</dt><dd>");
                    Write(html, p.Value, p.Name, links);
                    html.AppendHtml("</dd>");
                }
                html.AppendHtml("</dl>");
                return;
            case JsonValueKind.Array:
                if (value.GetArrayLength() == 0)
                {
                    html.Append("无");
                    return;
                }
                html.AppendHtml("<ol class=\"values\">");
                foreach (var item in value.EnumerateArray())
                {
                    html.AppendHtml("<li>");
                    Write(html, item, field, links);
                    html.AppendHtml("</li>");
                }
                html.AppendHtml("</ol>");
                return;
            case JsonValueKind.String when field is not null && Links.TryGetValue(field, out var list) && Guid.TryParse(value.GetString(), out var id):
                html.AppendHtml($"<a href=\"{HtmlEncoder.Default.Encode(links.Item(list, id))}\">").Append(value.GetString()!).AppendHtml("</a>");
                return;
            default:
                html.Append(Scalar(value));
                return;
        }
    }

    /// <summary>A value as text: words for booleans and enumerations, JSON for anything structured.</summary>
    public static string Scalar(JsonElement? value) => value switch
    {
        null => "（无）",
        { ValueKind: JsonValueKind.True } => "是",
        { ValueKind: JsonValueKind.False } => "否",
        { ValueKind: JsonValueKind.String } v => SiteText.Value(v.GetString()!),
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array } v => Flatten(v),
        { } v => v.GetRawText(),
    };

    /// <summary>A structured value on one line, its fields named: for a difference's cells.</summary>
    private static string Flatten(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => string.Join("；", v.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null)
            .Select(p => $"{SiteText.Field(p.Name)}：{Scalar(p.Value)}")),
        JsonValueKind.Array => string.Join("、", v.EnumerateArray().Select(e => Scalar(e))),
        _ => Scalar(v),
    };

    /// <summary>Where a difference lies, in words: <c>/materials/2/name</c> reads 申请材料 › 第3项 › 名称.</summary>
    public static string Path(FieldChange change) => change.Path.Length == 0 ? "全部内容"
        : string.Join(" › ", change.Path.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~"))
            .Select(s => int.TryParse(s, out var i) ? $"第{i + 1}项" : SiteText.Field(s)));

    public static string Kind(FieldChange change) => change.Kind switch
    {
        DiffKind.Added => "新增",
        DiffKind.Removed => "删除",
        _ => "修改",
    };
}

/// <summary>The site's URLs, each carrying the date it shows, so every page can be cited and opened again as it was.</summary>
public sealed record SiteLinks(string RegionCode, string Date)
{
    private string Query => $"?date={Date}";

    public string Catalogue(string? category = null, string? department = null, string? q = null, int page = 1)
    {
        var query = new List<string> { $"date={Date}" };
        if (category is not null) query.Add("category=" + Uri.EscapeDataString(category));
        if (department is not null) query.Add("department=" + Uri.EscapeDataString(department));
        if (q is not null) query.Add("q=" + Uri.EscapeDataString(q));
        if (page > 1) query.Add($"page={page}");
        return $"/site/{RegionCode}?{string.Join("&", query)}";
    }

    public string Entry(Guid id) => $"/site/{RegionCode}/catalogue/{id}{Query}";

    public string Lists() => $"/site/{RegionCode}/lists{Query}";

    public string List(string list, int page = 1) => $"/site/{RegionCode}/lists/{list}{Query}{(page > 1 ? $"&page={page}" : "")}";

    /// <summary>An item of any list: the catalogue's entries have a page of their own, with the service guide.</summary>
    public string Item(string list, Guid id) => list == CatalogHub.Catalogue.CatalogueList.Name ? Entry(id) : $"/site/{RegionCode}/lists/{list}/{id}{Query}";

    public string History(string list, Guid id, int? from = null, int? to = null) =>
        $"/site/{RegionCode}/lists/{list}/{id}/history{Query}{(from is null ? "" : $"&from={from}&to={to}")}";
}
