using System.Text.Json.Serialization;

namespace CatalogHub.Platform;

/// <summary>What a department may do. A department can hold several roles.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role
{
    [JsonStringEnumMemberName("catalogue-manager")] CatalogueManager,
    [JsonStringEnumMemberName("service-department")] ServiceDepartment,
    [JsonStringEnumMemberName("licence-issuer")] LicenceIssuer,
    [JsonStringEnumMemberName("consumer")] Consumer,
    [JsonStringEnumMemberName("auditor")] Auditor,
    [JsonStringEnumMemberName("hub-admin")] HubAdmin,
}

/// <summary>Authorization policy names, one per role; endpoints name them in <c>[Authorize(Policy = ...)]</c>.</summary>
public static class Policies
{
    public const string Authenticated = "authenticated";
    public const string HubAdmin = "hub-admin";
    public const string Auditor = "auditor";
    /// <summary>Drafts and publishes catalogue entries: a service department or a catalogue manager.</summary>
    public const string CatalogueWriter = "catalogue-writer";
    /// <summary>Registers seals, drafts licence types and issues licences.</summary>
    public const string LicenceIssuer = "licence-issuer";
    /// <summary>Reads licence data under grants.</summary>
    public const string Consumer = "consumer";
    /// <summary>Asks who read a holder's licences: the portal acting for the holder (hub-admin) or an auditor.</summary>
    public const string HolderReport = "holder-report";
    /// <summary>Exports the hub's history for outside checking: an auditor, or the hub's administrator handing it to one.</summary>
    public const string HistoryExport = "history-export";

    public static string ClaimValue(Role role) => role switch
    {
        Role.CatalogueManager => "catalogue-manager",
        Role.ServiceDepartment => "service-department",
        Role.LicenceIssuer => "licence-issuer",
        Role.Consumer => "consumer",
        Role.Auditor => "auditor",
        Role.HubAdmin => "hub-admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
