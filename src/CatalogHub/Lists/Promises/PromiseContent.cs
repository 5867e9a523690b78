using System.Text.Json.Serialization;
using CatalogHub.Catalogue;

namespace CatalogHub.Lists.Promises;

/// <summary>Whether a promise stands in for an acceptance condition (办理条件) or an application material (申请材料).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplacedKind>))]
public enum ReplacedKind
{
    [JsonStringEnumMemberName("condition")] Condition,
    [JsonStringEnumMemberName("material")] Material,
}

/// <summary>
/// A condition or material of the item that the applicant's written promise replaces (003:30, 000:24): the department
/// decides on the promise instead of asking for it. Named precisely, as on the implementation list (003:9).
/// </summary>
public sealed record ReplacedRequirement(string Name, ReplacedKind? Kind);

/// <summary>
/// Which applicants an exclusion shuts out. Two are statutory and every item must state them: a serious bad credit
/// record (较严重的不良信用记录) and an earlier false promise (曾作出虚假承诺), both until the credit is repaired
/// (003:31; 000:24 and 004:25 say any 不良信用记录). <c>other</c> is an exclusion particular to the item.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExclusionKind>))]
public enum ExclusionKind
{
    [JsonStringEnumMemberName("serious-bad-credit")] SeriousBadCredit,
    [JsonStringEnumMemberName("earlier-false-promise")] EarlierFalsePromise,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>An exclusion from the promise, with the words the applicant is told.</summary>
public sealed record PromiseExclusion(ExclusionKind? Kind, string Text);

/// <summary>
/// How the competent department checks afterwards (事中事后核查, 003:32) whether what was promised is true and kept:
/// the method and its standard in words, and within how many working days of the decision. An item may be exempt
/// from checking (免于核查); it is then supervised in the ordinary way (双随机、一公开), which <c>Method</c> states,
/// and has no checking time.
/// </summary>
public sealed record ComplianceCheck(bool Exempt, string Method, int? WithinWorkingDays);

/// <summary>
/// What a version of an item's entry on the 告知承诺 list (告知承诺事项清单, 003:30-32, 000:24, 004:25) says: the base
/// catalogue entry it applies to; the promise the applicant signs (承诺内容); the conditions and materials it replaces;
/// the liability for a false promise (不实承诺的法律责任, 003:31); who may not use it (003:31); how compliance is
/// checked afterwards (003:32); and the legal bases for applying the promise to this item.
/// </summary>
public sealed record PromiseContent(
    Guid EntryId,
    string PromiseText,
    IReadOnlyList<ReplacedRequirement> Replaces,
    string? Liability,
    IReadOnlyList<PromiseExclusion> Exclusions,
    ComplianceCheck ComplianceCheck,
    IReadOnlyList<LegalBasis> LegalBases);
