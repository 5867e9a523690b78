using System.Text.Json;
using System.Text.Json.Nodes;
using CatalogHub.Catalogue;
using CatalogHub.Sharing.AccessLog;
using CatalogHub.Sharing.Grants;
using CatalogHub.Sharing.Holders;
using CatalogHub.Sharing.LicenceTypes;

namespace CatalogHub.Sharing.Licences;

/// <summary>
/// A consumer's read of licence data (用证): by licence identifier, or by holder ID and licence type. It names its
/// purpose, a published service item, and the face fields it needs. The holder ID travels in the body only, never in
/// a URL, so it reaches no access log of the web server.
/// </summary>
public sealed record ReadLicences(string? Identifier, string? HolderId, string? TypeCode, Guid PurposeItemId, IReadOnlyList<string> Fields);

/// <summary>One licence as a consumer receives it: status now and only the granted face fields; nothing when the holder was erased.</summary>
public sealed record SharedLicence(
    string Identifier, string TypeCode, HolderKind HolderKind, LicenceStatus Status, DateTimeOffset ValidFrom, DateTimeOffset ValidTo,
    bool Erased, JsonObject? FaceData);

public sealed record LicenceReadResult(Guid AccessId, Guid GrantId, Publication.Citation PurposeCitation, IReadOnlyList<SharedLicence> Licences);

public static class ReadLicencesEndpoint
{
    /// <summary>
    /// The read, recorded in the access log whatever its outcome. With <c>inclusionProofs=true</c>, the purpose version it cites is
    /// proven against a signed checkpoint (<see cref="Audit.Log.CitationProof"/>).
    /// </summary>
    [WolverinePost("/sharing/reads", Name = "ReadLicences")]
    [ProblemCodes(typeof(HolderIds), nameof(HolderIds.Check))]
    [ProblemCodes(typeof(Audit.Log.CitationProof), nameof(Audit.Log.CitationProof.Check))]
    [ProblemCodes(400, "invalid-identifier", "one-lookup", "duplicate-field")]
    [ProblemCodes(403, "purpose-not-in-force", "no-grant", "grant-expired", "grant-not-yet-valid", "grant-revoked", "purpose-not-granted", "fields-not-granted")]
    [Authorize(Policy = Policies.Consumer)]
    [Tags("Sharing: reads")]
    [ProducesResponseType<LicenceReadResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Post(ReadLicences command, bool? inclusionProofs, long? checkpoint, HttpContext http, ClaimsPrincipal user,
        IDocumentSession session, HolderVault vault, TimeProvider clock)
    {
        var input = new Validation();
        var byIdentifier = command.Identifier is not null;
        LicenceIdentifier.Parts? parts = null;
        if (byIdentifier)
        {
            parts = LicenceIdentifier.Parse(command.Identifier);
            input.Check(parts is not null, "identifier", "invalid-identifier", "is not a licence identifier with a right check character.");
            input.Check(command.HolderId is null && command.TypeCode is null, "holderId", "one-lookup", "give an identifier, or a holder ID and a type code, not both.");
        }
        else
        {
            HolderIds.Check(input, "holderId", command.HolderId);
            input.Text("typeCode", command.TypeCode, 32);
        }
        input.Check(command.PurposeItemId != Guid.Empty, "purposeItemId", "required", "names the published service item the read is for.");
        if (input.List("fields", command.Fields, 100))
            input.Check(command.Fields.Distinct().Count() == command.Fields.Count, "fields", "duplicate-field", "lists a field twice.");
        Audit.Log.CitationProof.Check(input, inclusionProofs, checkpoint);
        if (input.Failed) return input.Problem();

        var caller = Caller.Required(user);
        var now = clock.GetUtcNow();
        var ct = http.RequestAborted;
        var typeCode = parts?.TypeCode ?? command.TypeCode!;
        using var span = HubTracing.StartSharedRead(caller.DepartmentCode, typeCode);
        var askedRef = byIdentifier ? null : vault.RefOf(command.HolderId!);
        var licences = byIdentifier
            ? await session.Query<Licence>().Where(l => l.Identifier == command.Identifier).ToListAsync(ct)
            : await session.Query<Licence>().Where(l => l.HolderRef == askedRef && l.TypeCode == typeCode).OrderBy(l => l.IssuedAt).ToListAsync(ct);
        var holderRef = askedRef ?? licences.FirstOrDefault()?.HolderRef;

        var purpose = (await EntryQueries.AsOf(session, command.PurposeItemId, Clocks.Current(now, now), ct)).InForce;
        var grants = await session.Query<Grant>().Where(g => g.ConsumerDepartmentId == caller.DepartmentId && g.TypeCode == typeCode).ToListAsync(ct);
        var (grant, refusal) = purpose is null ? (null, "purpose-not-in-force") : GrantRules.Match(grants, command.PurposeItemId, command.Fields, now);

        // Every read is logged, refused or not: the access record is the one write a refusal leaves behind.
        var accessed = new LicenceDataAccessed(Guid.CreateVersion7(), caller.DepartmentId, caller.DepartmentCode, caller.KeyId, holderRef, typeCode,
            [.. licences.Select(l => l.Id)], [.. licences.Select(l => l.Identifier)], command.Fields, command.PurposeItemId,
            purpose?.Content.Name, purpose?.Citation, refusal is null ? AccessOutcome.Allowed : AccessOutcome.Refused, refusal, grant?.Id, now);
        session.Events.StartStream(accessed.AccessId, accessed);
        session.Record(caller, $"用证事由 {command.PurposeItemId}", http);

        HubTracing.SharedRead(span, refusal, licences.Count);
        if (refusal is not null) return Problems.Forbidden(refusal, Explain(refusal));
        if (byIdentifier && licences.Count == 0) return Problems.NotFound("The licence");

        var shared = new List<SharedLicence>();
        foreach (var licence in licences)
        {
            var document = await vault.Decrypt(session, licence.HolderRef, licence.SealedDocument, ct);
            shared.Add(new SharedLicence(licence.Identifier, licence.TypeCode, licence.HolderKind, licence.StatusAt(now), licence.ValidFrom,
                licence.ValidTo, document is null, document is null ? null : Minimised(document, command.Fields)));
        }
        return Audit.Log.CitationProof.Answer(new LicenceReadResult(accessed.AccessId, grant!.Id, purpose!.Citation, shared), inclusionProofs, checkpoint,
            [purpose.Citation.Sequence]);
    }

    /// <summary>Only the requested (and granted) face fields leave the hub.</summary>
    private static JsonObject Minimised(byte[] document, IReadOnlyList<string> fields)
    {
        var face = JsonNode.Parse(document)!["faceData"]!.AsObject();
        var result = new JsonObject();
        foreach (var field in fields)
            if (face.TryGetPropertyValue(field, out var value)) result[field] = value?.DeepClone();
        return result;
    }

    private static string Explain(string refusal) => refusal switch
    {
        "purpose-not-in-force" => "The purpose is not a base catalogue item in force now; only a published item justifies a read (003:10).",
        "no-grant" => "Your department holds no grant for this licence type.",
        "grant-expired" => "Your department's grant for this licence type has expired.",
        "grant-not-yet-valid" => "Your department's grant for this licence type is not valid yet.",
        "grant-revoked" => "Your department's grant for this licence type was revoked.",
        "purpose-not-granted" => "No grant of your department covers this service item.",
        _ => "No grant of your department covers every requested field for this service item.",
    };
}
