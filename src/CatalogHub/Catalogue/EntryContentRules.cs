using System.Text.RegularExpressions;

namespace CatalogHub.Catalogue;

/// <summary>Input rules of a base catalogue entry (003:7-8, 000:13): the fields every version must have.</summary>
public static partial class EntryContentRules
{
    /// <summary>The categories of DOMAIN.md: administrative powers, then public services applied for.</summary>
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>
    {
        "行政许可", "行政确认", "行政裁决", "行政给付", "行政奖励", "行政备案", "其他行政权力", "公共服务",
    };

    /// <summary>法律, 行政法规, 地方性法规, 规章, 国务院决定, 规范性文件.</summary>
    public static readonly IReadOnlySet<string> BasisLevels = new HashSet<string>
    {
        "法律", "行政法规", "地方性法规", "规章", "国务院决定", "规范性文件",
    };

    [GeneratedRegex("^[0-9A-Za-z-]{4,64}$")]
    private static partial Regex ItemCodeShape();

    /// <param name="field">Where the code is: <c>itemCode</c> in the catalogue's own requests, <c>code</c> in the shared lifecycle's.</param>
    [ProblemCodes(400, "invalid-item-code")]
    public static void CheckItemCode(Validation v, string? itemCode, string field = "itemCode")
    {
        if (v.Text(field, itemCode, 64))
            v.Check(ItemCodeShape().IsMatch(itemCode!), field, "invalid-item-code", "must be 4-64 letters, digits or '-'.");
    }

    [ProblemCodes(400, "unknown-category", "unknown-basis-level")]
    public static void Check(Validation v, EntryContent? content)
    {
        if (content is null)
        {
            v.Add("content", "required", "is required.");
            return;
        }
        v.Text("content.name", content.Name, 200);
        if (v.Text("content.category", content.Category, 20))
            v.Check(Categories.Contains(content.Category), "content.category", "unknown-category",
                $"must be one of {string.Join("、", Categories)}.");
        v.Text("content.competentDepartment", content.CompetentDepartment, 200);
        v.Text("content.implementingAuthority", content.ImplementingAuthority, 200);
        v.Text("content.externalSourceId", content.ExternalSourceId, 64, required: false);
        if (!v.List("content.legalBases", content.LegalBases, 50)) return;
        for (var i = 0; i < content.LegalBases.Count; i++)
        {
            var at = $"content.legalBases[{i}]";
            if (content.LegalBases[i] is null) v.Add(at, "required", "is required.");
            else CheckBasis(v, at, content.LegalBases[i]);
        }
    }

    /// <summary>A legal basis names a law, its level and an article; every list that cites law checks it the same way.</summary>
    public static void CheckBasis(Validation v, string at, LegalBasis basis)
    {
        v.Text($"{at}.title", basis.Title, 200);
        v.Text($"{at}.article", basis.Article, 100);
        if (v.Text($"{at}.level", basis.Level, 20))
            v.Check(BasisLevels.Contains(basis.Level), $"{at}.level", "unknown-basis-level",
                $"must be one of {string.Join("、", BasisLevels)}.");
    }

}
