using System.Diagnostics.CodeAnalysis;
using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;

namespace CatalogHub.Lists;

/// <summary>
/// Rules that more than one list applies to its content, kept in one place so the lists cannot drift apart: the
/// statutory level a proof (002:28(一)) or an intermediary service (002:30, 003:34, 004:31) needs as its basis, and
/// the base catalogue entries a list item serves.
/// </summary>
public static class ListContentRules
{
    public const int MaxBases = 50;
    public const int MaxServedEntries = 50;
    public const int MaxLimitDays = 3650;

    /// <summary>Whether there is content to check; when there is none, says so (the caller then checks nothing more).</summary>
    public static bool Present<T>(Validation v, [NotNullWhen(true)] T? content) where T : class =>
        v.Check(content is not null, "content", "required", "is required.");

    /// <summary>
    /// 法律, 法规 (行政法规 or 地方性法规) and 国务院决定: the only levels that can set a proof or an intermediary
    /// service. A 规章, a 规范性文件 or anything else is below them.
    /// </summary>
    public static readonly IReadOnlySet<string> StatutoryLevels = new HashSet<string> { "法律", "行政法规", "地方性法规", "国务院决定" };

    /// <summary>Whether the basis is of a statutory level; the level is read as shown (NFKC, blanks removed), so 法　律 is 法律.</summary>
    public static bool IsStatutory(LegalBasis basis) => StatutoryLevels.Contains(VagueMaterials.Normalised(basis.Level ?? ""));

    /// <summary>
    /// The shape of a list's legal bases: stated (<c>[]</c> while a draft has none yet, unless <paramref name="required"/>
    /// asks for at least one), each basis checked as the catalogue checks it.
    /// </summary>
    public static void CheckBases(Validation v, string field, IReadOnlyList<LegalBasis>? bases, bool required = false)
    {
        if (bases is null)
        {
            v.Add(field, "required", "is required (use [] while the draft has none).");
            return;
        }
        if (!v.List(field, bases, MaxBases, required)) return;
        for (var i = 0; i < bases.Count; i++)
        {
            if (bases[i] is null) v.Add($"{field}[{i}]", "required", "is required.");
            else EntryContentRules.CheckBasis(v, $"{field}[{i}]", bases[i]);
        }
    }

    /// <summary>
    /// What a list that needs a statutory basis refuses at publication: no basis at all (<c>no-legal-basis</c> on the
    /// list), and each basis below the statutory level (<c>basis-below-statutory-level</c> on its level).
    /// <paramref name="rule"/> names the articles of the regulations that require it, for the message.
    /// </summary>
    public static IEnumerable<FieldError> StatutoryBasisRefusals(string field, IReadOnlyList<LegalBasis> bases, string rule)
    {
        if (bases.Count == 0)
            yield return new(field, "no-legal-basis", $"a basis in 法律, 法规 (行政法规 or 地方性法规) or 国务院决定 is required ({rule}).");
        for (var i = 0; i < bases.Count; i++)
            if (!IsStatutory(bases[i]))
                yield return new($"{field}[{i}].level", "basis-below-statutory-level",
                    $"'{bases[i].Title}' is a {bases[i].Level}: only 法律, 行政法规, 地方性法规 or 国务院决定 can set it ({rule}).");
    }

    /// <summary>The field every list names the base catalogue entries it serves under.</summary>
    public const string ServedEntriesField = "content.servedEntries";

    /// <summary>At least one entry, each named once by its id.</summary>
    public static void CheckServedEntries(Validation v, IReadOnlyList<Guid>? entries)
    {
        if (!v.List(ServedEntriesField, entries, MaxServedEntries)) return;
        var seen = new HashSet<Guid>();
        for (var i = 0; i < entries!.Count; i++)
        {
            if (entries[i] == Guid.Empty) v.Add($"{ServedEntriesField}[{i}]", "required", "is required: the id of a base catalogue entry.");
            else v.Check(seen.Add(entries[i]), $"{ServedEntriesField}[{i}]", "duplicate-reference", "names an entry already named.");
        }
    }

    /// <summary>Each served entry as a reference to the base catalogue, so publishing checks it is in force.</summary>
    public static IEnumerable<ListReference> ServedEntryReferences(IReadOnlyList<Guid> entries) =>
        entries.Select((id, i) => new ListReference($"{ServedEntriesField}[{i}]", CatalogueList.Name, id));

    /// <summary>A list of texts: at least one (unless not <paramref name="required"/>), each non-blank and bounded.</summary>
    public static void CheckTexts(Validation v, string field, IReadOnlyList<string>? texts, int max, int length, bool required = true)
    {
        if (!v.List(field, texts, max, required) || texts is null) return;
        for (var i = 0; i < texts.Count; i++) v.Text($"{field}[{i}]", texts[i], length);
    }
}
