using System.Text.Json;
using CatalogHub.Publication.Lists;

namespace CatalogHub.Sharing.LicenceTypes;

/// <summary>
/// The e-licence catalogue (电子证照目录) on the shared lifecycle. It keeps what it had before it moved onto the registry:
/// its routes under <c>/sharing/licence-types</c>, its event type names (<c>licence_type_published</c>, ...), its tables, its
/// views (the issuer's code, the face fields) and a code unique across regions, since the code is part of every licence
/// identifier. The issuing department drafts; the region's catalogue manager publishes and repeals.
/// </summary>
public static class LicenceTypesList
{
    public static readonly ListDefinition<LicenceTypeContent> Definition = new("licence-catalogue", "LicenceType", "licence_type", "Sharing: licence types")
    {
        Route = "/sharing/licence-types",
        DraftPolicy = Policies.LicenceIssuer,
        WritePolicy = Policies.Authenticated,
        KeyedByCodeAlone = true,
        // The issuer drafts and the catalogue manager publishes, two departments: no one caller may do both in one request.
        PublishesInBulk = false,
        DuplicateCodeProblem = "duplicate-type-code",
        CheckCode = LicenceTypeRules.CheckCode,
        Check = LicenceTypeRules.Check,
        Example = Example(),
        DraftView = ListView<ItemDraftView<LicenceTypeContent>>.As(LicenceTypeDraftView.Of),
        PublishedView = ListView<PublishedItemView<LicenceTypeContent>>.As(PublishedLicenceTypeView.From),
        // Events written before the move name the item `typeId` and its owner the issuer; the rest of their members are the
        // shared events' already. Their publications carry no region: the documents take it from the item.
        UpgradeOldShape = OldEventShape.Renaming(("typeId", "id"), ("issuerDepartmentId", "ownerDepartmentId"), ("issuerCode", "ownerDepartmentCode")),
        PublicationsMayLackRegion = true,
    };

    /// <summary>The item and the version of the licence type with this code in force at <paramref name="at"/>; nulls when there is none.</summary>
    public static async Task<(ListItem<LicenceTypeContent>? Type, ItemVersion<LicenceTypeContent>? InForce)> InForce(
        IQuerySession session, string code, DateTimeOffset at, CancellationToken ct)
    {
        var type = await session.Query<ListItem<LicenceTypeContent>>().FirstOrDefaultAsync(t => t.Code == code && t.Lifecycle.Stage != Stage.Withdrawn, ct);
        if (type is null) return (null, null);
        var found = await AsOfReads.Read<ItemVersion<LicenceTypeContent>, ItemRepeal>(session, Definition.Name, Definition.VersionsTable,
            type.Id, Clocks.Current(at, at), ct);
        return (type, found.InForce);
    }

    /// <summary>营业执照 as the State Administration for Market Regulation issues it (GB/T 36902 face data, abridged).</summary>
    private static LicenceTypeContent Example() => new("营业执照", HolderKind.Organisation, JsonDocument.Parse("""
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["creditCode", "name", "legalRepresentative", "registeredAt"],
          "properties": {
            "creditCode": { "type": "string", "pattern": "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$" },
            "name": { "type": "string", "maxLength": 200 },
            "legalRepresentative": { "type": "string" },
            "registeredCapital": { "type": "string" },
            "registeredAt": { "type": "string", "format": "date" },
            "domicile": { "type": "string" }
          }
        }
        """).RootElement);
}
