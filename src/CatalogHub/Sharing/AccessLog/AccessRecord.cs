using System.Text.Json.Serialization;

namespace CatalogHub.Sharing.AccessLog;

[JsonConverter(typeof(JsonStringEnumConverter<AccessOutcome>))]
public enum AccessOutcome
{
    [JsonStringEnumMemberName("allowed")] Allowed,
    [JsonStringEnumMemberName("refused")] Refused,
}

/// <summary>
/// One read of licence data, allowed or refused: who (department, key), when, which licences of which holder (keyed
/// hash only), which fields, for which service item and the catalogue version cited, the outcome and its reason.
/// Each read is its own stream, so reads never contend with one another or with the licences they touch.
/// </summary>
public sealed record LicenceDataAccessed(
    Guid AccessId, Guid ConsumerDepartmentId, string ConsumerCode, string KeyId, string? HolderRef, string TypeCode,
    IReadOnlyList<Guid> LicenceIds, IReadOnlyList<string> Identifiers, IReadOnlyList<string> Fields, Guid PurposeItemId,
    string? PurposeItemName, Citation? PurposeCitation, AccessOutcome Outcome, string? ReasonCode, Guid? GrantId, DateTimeOffset At);

/// <summary>The access log's read model: one immutable document per read, written inline with its event.</summary>
public sealed record AccessRecord(
    Guid Id, Guid ConsumerDepartmentId, string ConsumerCode, string KeyId, string? HolderRef, string TypeCode, IReadOnlyList<Guid> LicenceIds,
    IReadOnlyList<string> Identifiers, IReadOnlyList<string> Fields, Guid PurposeItemId, string? PurposeItemName, Citation? PurposeCitation,
    AccessOutcome Outcome, string? ReasonCode, Guid? GrantId, DateTimeOffset At, long Sequence);
