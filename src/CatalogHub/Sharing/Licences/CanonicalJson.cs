using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CatalogHub.Sharing.Licences;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes a licence signature covers.
/// <list type="bullet">
/// <item>UTF-8, no byte order mark, no whitespace between tokens;</item>
/// <item>object members sorted by their names compared as arrays of UTF-16 code units; duplicate names are refused;</item>
/// <item>strings: only <c>"</c>, <c>\</c> and U+0000-U+001F are escaped, as <c>\"</c>, <c>\\</c>, <c>\b \t \n \f \r</c>
/// or <c>\u00xx</c> with lower-case hex; everything else (Chinese text included) is written as is;</item>
/// <item>numbers: read as IEEE 754 doubles and written as ECMAScript's Number.prototype.toString does
/// (shortest round-trip digits; plain notation for 1e-6 ≤ |x| &lt; 1e21, otherwise <c>1.5e+21</c> / <c>1e-7</c>; -0 as 0);</item>
/// <item><c>true</c>, <c>false</c>, <c>null</c> literally.</item>
/// </list>
/// </summary>
public static class CanonicalJson
{
    public static byte[] Serialize(JsonElement value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Any value serialized with the API's JSON settings, then canonicalized.</summary>
    public static byte[] Serialize<T>(T value, JsonSerializerOptions options) =>
        Serialize(JsonSerializer.SerializeToElement(value, options));

    private static void Write(StringBuilder text, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = value.EnumerateObject().ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                text.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0 && members[i].Name == members[i - 1].Name)
                        throw new JsonException($"Duplicate member name '{members[i].Name}': RFC 8785 needs I-JSON.");
                    if (i > 0) text.Append(',');
                    WriteString(text, members[i].Name);
                    text.Append(':');
                    Write(text, members[i].Value);
                }
                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first) text.Append(',');
                    first = false;
                    Write(text, item);
                }
                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(text, value.GetString()!);
                break;
            case JsonValueKind.Number:
                text.Append(Number(value.GetDouble()));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            default:
                throw new JsonException($"Cannot canonicalize a {value.ValueKind}.");
        }
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\t': text.Append("\\t"); break;
                case '\n': text.Append("\\n"); break;
                case '\f': text.Append("\\f"); break;
                case '\r': text.Append("\\r"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
    }

    /// <summary>ECMAScript Number::toString (ECMA-262 §6.1.6.1.20) from .NET's shortest round-trip digits.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value)) throw new JsonException("NaN and infinities are not JSON.");
        if (value == 0) return "0";
        var sign = value < 0 ? "-" : "";
        // "R" gives the shortest digits that round-trip, as d.ddd or d.dddE±x; re-read them as digits × 10^(n-k).
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        if (r.IndexOf('E') is var e and >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
            r = r[..e];
        }
        var dot = r.IndexOf('.');
        var whole = dot < 0 ? r : r[..dot];
        var digits = (whole + (dot < 0 ? "" : r[(dot + 1)..])).TrimEnd('0');
        var n = whole.Length + exponent;
        var trimmed = digits.TrimStart('0');
        n -= digits.Length - trimmed.Length;
        digits = trimmed;
        var k = digits.Length;

        string body;
        if (k <= n && n <= 21) body = digits + new string('0', n - k);
        else if (0 < n && n <= 21) body = digits[..n] + "." + digits[n..];
        else if (-6 < n && n <= 0) body = "0." + new string('0', -n) + digits;
        else
        {
            var exp = n - 1;
            var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
            body = mantissa + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
        }
        return sign + body;
    }
}
