using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;

namespace CatalogHub.Site;

/// <summary>A problem of one field as the console shows it beside the field: a refusal of the API, or a warning of what publication will refuse.</summary>
public sealed record ConsoleFieldError(string Field, string Code, string Message, bool Warning = false)
{
    /// <summary>The words of the API's most common codes; the code and the API's own message always show beside them.</summary>
    private static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>
    {
        ["required"] = "必填", ["too-long"] = "内容过长", ["too-many"] = "项数过多", ["out-of-range"] = "超出允许范围",
        ["invalid-code"] = "编码格式有误", ["duplicate-code"] = "编码已被占用", ["malformed-json"] = "不是有效的内容格式",
        ["vague-material"] = "申请材料不得使用兜底表述（如“其他材料”），须逐项列明", ["stale-version"] = "已被他人修改",
        ["condition-without-basis"] = "受理条件缺少设定依据", ["step-without-basis"] = "办理环节缺少设定依据",
        ["promised-exceeds-statutory"] = "承诺时限超过法定时限", ["fees-not-stated"] = "未说明收费", ["not-in-review"] = "尚未提交审核",
        ["no-draft"] = "没有待处理的草稿", ["effective-time-not-after-current"] = "施行时间须晚于现行版本的施行时间",
        ["effective-time-not-after-repeal"] = "施行时间须晚于废止时间", ["effective-time-out-of-order"] = "新的施行时间须在前后两个时间点之间",
        ["effective-time-in-past"] = "施行时间不能早于现在", ["not-scheduled"] = "没有尚未施行的此项变更", ["not-in-force-then"] = "该时间没有施行中的版本",
        ["repealed"] = "已废止", ["never-published"] = "从未发布", ["withdrawn"] = "草稿已撤回", ["entry-not-found"] = "没有该基本目录事项",
        ["duplicate-list"] = "该事项已有实施清单", ["other-region"] = "只能起草本地区的事项", ["not-entry-editor"] = "只有所属部门或本地区目录管理部门可以操作",
        ["entry-not-in-force"] = "所实施的基本目录事项在该时间未施行", ["entry-repealed"] = "所实施的基本目录事项已废止",
        ["reference-not-in-force"] = "所引用的事项在施行时未施行", ["invalid-instant"] = "时间格式有误",
    };

    public string Words_ => Words.GetValueOrDefault(Code, Warning ? "发布时将被拒绝" : "不符合要求");

    public static IEnumerable<ConsoleFieldError> From(ConsoleAnswer answer) => answer.FieldErrors.Select(e => new ConsoleFieldError(e.Field, e.Code, e.Message));

    public static IEnumerable<ConsoleFieldError> Warnings(IEnumerable<FieldError> refusals) =>
        refusals.Select(e => new ConsoleFieldError(e.Field, e.Code, e.Message, Warning: true));
}

/// <summary>
/// A list's content as a form, generically from its JSON: each value an input named by its field path as the API's problems
/// name it (<c>content.materials[2].name</c>), so a problem shows beside its field. Posting rebuilds the content from the
/// JSON the form was drawn from (a hidden field), each value read back with its kind. Adding or removing elements of a list
/// is done in the JSON editor beside the form; both are validated by the list's own rules through the API's functions.
/// </summary>
public static class ConsoleForm
{
    public const string Prefix = "content";
    public const string TemplateField = "__template";

    /// <summary>A field path in words: <c>content.materials[2].name</c> reads 申请材料 › 第3项 › 名称.</summary>
    public static string Label(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length > 0 && !(parts.Count == 0 && name == Prefix)) parts.Add(SiteText.Field(name));
            for (var rest = bracket < 0 ? "" : segment[bracket..]; rest.StartsWith('['); rest = rest[(rest.IndexOf(']') + 1)..])
                if (int.TryParse(rest[1..rest.IndexOf(']')], out var i)) parts.Add($"第{i + 1}项");
        }
        return parts.Count == 0 ? (path == Prefix ? "内容" : SiteText.Field(path)) : string.Join(" › ", parts);
    }

    /// <summary>An id for a field's element (and its errors' element): the path with every other character made safe.</summary>
    public static string Id(string path) => "f-" + string.Concat(path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    /// <summary>The errors of one field, as a list beside it (role=alert so a screen reader hears them after posting).</summary>
    public static IHtmlContent Errors(string path, IReadOnlyList<ConsoleFieldError> errors)
    {
        var html = new HtmlContentBuilder();
        foreach (var e in errors.Where(e => e.Field == path))
            html.AppendHtml($"<span class=\"field-error{(e.Warning ? " warning" : "")}\" role=\"alert\" data-field=\"{Encode(path)}\" data-code=\"{Encode(e.Code)}\">")
                .Append($"{(e.Warning ? "发布时将被拒绝：" : "")}{e.Words_}（{e.Code}）：{e.Message}").AppendHtml("</span>");
        return html;
    }

    public static string Describedby(string path, IReadOnlyList<ConsoleFieldError> errors) =>
        errors.Any(e => e.Field == path) ? $" aria-describedby=\"{Id(path)}-errors\" aria-invalid=\"{(errors.Any(e => e.Field == path && !e.Warning) ? "true" : "false")}\"" : "";

    /// <summary>The content's form fields, every nested object and list a fieldset, errors and warnings beside the field they are about.</summary>
    public static IHtmlContent Fields(JsonElement content, IReadOnlyList<ConsoleFieldError> errors, bool readOnly = false)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<input type=\"hidden\" name=\"{TemplateField}\" value=\"{Encode(content.GetRawText())}\">");
        Write(html, content, Prefix, errors, readOnly);
        return html;
    }

    private static void Write(HtmlContentBuilder html, JsonElement value, string path, IReadOnlyList<ConsoleFieldError> errors, bool readOnly)
    {
        var id = Id(path);
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            html.AppendHtml($"<fieldset id=\"{id}\"><legend>").Append(Label(path)).AppendHtml("</legend>");
            html.AppendHtml($"<div id=\"{id}-errors\">").AppendHtml(Errors(path, errors)).AppendHtml("</div>");
            if (value.ValueKind == JsonValueKind.Object)
                foreach (var p in value.EnumerateObject()) Write(html, p.Value, $"{path}.{p.Name}", errors, readOnly);
            else if (value.GetArrayLength() == 0) html.AppendHtml("<p class=\"muted\">（无；在下方 JSON 编辑中添加）</p>");
            else
            {
                var i = 0;
                foreach (var item in value.EnumerateArray()) Write(html, item, $"{path}[{i++}]", errors, readOnly);
            }
            html.AppendHtml("</fieldset>");
            return;
        }
        var name = Encode(path);
        var described = Describedby(path, errors);
        var disabled = readOnly ? " readonly" : "";
        html.AppendHtml($"<div class=\"field\"><label for=\"{id}\">").Append(Label(path)).AppendHtml("</label>");
        switch (value.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                var yes = value.ValueKind == JsonValueKind.True;
                html.AppendHtml($"<select id=\"{id}\" name=\"{name}\"{described}{(readOnly ? " disabled" : "")}><option value=\"true\"{(yes ? " selected" : "")}>是</option>" +
                    $"<option value=\"false\"{(yes ? "" : " selected")}>否</option></select>");
                break;
            case JsonValueKind.Number:
                html.AppendHtml($"<input id=\"{id}\" name=\"{name}\" type=\"number\" value=\"{Encode(value.GetRawText())}\"{described}{disabled}>");
                break;
            default:
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
                if (text.Length > 60)
                    html.AppendHtml($"<textarea id=\"{id}\" name=\"{name}\" rows=\"3\"{described}{disabled}>").Append(text).AppendHtml("</textarea>");
                else
                    html.AppendHtml($"<input id=\"{id}\" name=\"{name}\" type=\"text\" value=\"{Encode(text)}\"{described}{disabled}>");
                break;
        }
        html.AppendHtml($"<div id=\"{id}-errors\">").AppendHtml(Errors(path, errors)).AppendHtml("</div></div>");
    }

    /// <summary>
    /// The content a structured form posted: its template with each value replaced by the field of its path, read with the
    /// template's kind (a number stays a number; an absent value, null in the template, becomes text when filled in). A number
    /// that does not read as one is kept as the text typed, so the list's rules refuse it on its field as the API would.
    /// </summary>
    public static JsonElement Read(IFormCollection form)
    {
        var template = JsonNode.Parse(form[TemplateField].ToString());
        return JsonSerializer.SerializeToElement(Replace(template, Prefix, form));
    }

    private static JsonNode? Replace(JsonNode? node, string path, IFormCollection form)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList()) o[name] = Replace(o[name]?.DeepClone(), $"{path}.{name}", form);
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) a[i] = Replace(a[i]?.DeepClone(), $"{path}[{i}]", form);
                return a;
        }
        if (!form.TryGetValue(path, out var posted)) return node;
        var text = posted.ToString();
        return node?.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => JsonValue.Create(text == "true"),
            JsonValueKind.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(text),
            JsonValueKind.String => JsonValue.Create(text),
            _ => text.Length == 0 ? null : JsonValue.Create(text),
        };
    }

    /// <summary>
    /// A labelled input of one of a page's forms (<paramref name="form"/> keeps its ids apart from the other forms'), with the
    /// errors of its field beside it when that form was the one posted.
    /// </summary>
    public static IHtmlContent Input(string form, string field, string label, IReadOnlyList<ConsoleFieldError> errors, string type = "text",
        string? hint = null, bool required = false, string? value = null)
    {
        var id = $"{form}-{field}";
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<div class=\"field\"><label for=\"{id}\">").Append(label).AppendHtml("</label>");
        var described = new List<string>();
        if (hint is not null) described.Add($"{id}-hint");
        if (errors.Any(e => e.Field == field)) described.Add($"{id}-errors");
        var attributes = $"id=\"{id}\" name=\"{Encode(field)}\"{(required ? " required" : "")}" +
            (described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : "") +
            (errors.Any(e => e.Field == field && !e.Warning) ? " aria-invalid=\"true\"" : "");
        if (type == "textarea") html.AppendHtml($"<textarea {attributes} rows=\"16\" spellcheck=\"false\">").Append(value ?? "").AppendHtml("</textarea>");
        else html.AppendHtml($"<input {attributes} type=\"{type}\" value=\"{Encode(value ?? "")}\">");
        if (hint is not null) html.AppendHtml($"<span id=\"{id}-hint\" class=\"muted\">").Append(hint).AppendHtml("</span>");
        html.AppendHtml($"<div id=\"{id}-errors\">").AppendHtml(Errors(field, errors)).AppendHtml("</div></div>");
        return html;
    }

    /// <summary>Chinese as itself, as the site's pages write it (SiteSetup), not as numeric references.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);
}
