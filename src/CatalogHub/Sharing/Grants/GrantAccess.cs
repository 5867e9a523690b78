using CatalogHub.Catalogue;
using CatalogHub.Departments;
using CatalogHub.Sharing.LicenceTypes;

namespace CatalogHub.Sharing.Grants;

/// <summary>Lets a consumer department read some face fields of a licence type, for published service items, until a time.</summary>
/// <param name="ConsumerCode">The reading department's unified social credit code.</param>
/// <param name="Fields">Face fields of the type version in force; only these are ever returned.</param>
/// <param name="PurposeItemIds">Base catalogue entries (service items) in force now that justify the reads.</param>
/// <param name="ValidFrom">Now when omitted.</param>
public sealed record GrantAccess(
    string ConsumerCode, string TypeCode, IReadOnlyList<string> Fields, IReadOnlyList<Guid> PurposeItemIds,
    DateTimeOffset? ValidFrom, DateTimeOffset ValidUntil, string Reason);

public static class GrantAccessEndpoint
{
    /// <summary>Granted by the type's issuing department or a hub-admin.</summary>
    [WolverinePost("/sharing/grants", Name = "GrantAccess"), Idempotent]
    [ProblemCodes(400, "invalid-credit-code", "duplicate-field", "duplicate-item", "out-of-range")]
    [ProblemCodes(403, "not-type-issuer")]
    [ProblemCodes(422, "type-not-in-force", "unknown-department", "unknown-field", "purpose-not-in-force")]
    [Authorize(Policy = Policies.Authenticated)]
    [Tags("Sharing: grants")]
    [ProducesResponseType<GrantView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Post(GrantAccess command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var validFrom = command.ValidFrom ?? now;
        var input = new Validation();
        if (input.Text("consumerCode", command.ConsumerCode, 18))
            input.Check(UnifiedSocialCreditCode.IsValid(command.ConsumerCode), "consumerCode", "invalid-credit-code", "is not a valid unified social credit code.");
        input.Text("typeCode", command.TypeCode, 32);
        if (input.List("fields", command.Fields, 100))
            input.Check(command.Fields.Distinct().Count() == command.Fields.Count, "fields", "duplicate-field", "lists a field twice.");
        if (input.List("purposeItemIds", command.PurposeItemIds, 100))
            input.Check(command.PurposeItemIds.Distinct().Count() == command.PurposeItemIds.Count, "purposeItemIds", "duplicate-item", "lists an item twice.");
        input.Check(command.ValidUntil > validFrom && command.ValidUntil > now, "validUntil", "out-of-range", "must be after validFrom and in the future.");
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();

        var caller = Caller.Required(user);
        var ct = http.RequestAborted;
        var (type, inForce) = await LicenceTypesList.InForce(session, command.TypeCode, now, ct);
        if (inForce is null) return Problems.Rule("type-not-in-force", $"No published licence type {command.TypeCode} is in force.", "typeCode");
        if (type!.OwnerDepartmentId != caller.DepartmentId && !caller.Has(Role.HubAdmin))
            return Problems.Forbidden("not-type-issuer", "Only the type's issuing department or a hub-admin grants access to its licences.");
        var consumer = await session.Query<Department>().FirstOrDefaultAsync(d => d.Code == command.ConsumerCode, ct);
        if (consumer is null) return Problems.Rule("unknown-department", $"No department {command.ConsumerCode} is registered.", "consumerCode");

        var known = FaceSchema.Fields(inForce.Content.FaceSchema);
        var errors = command.Fields.Where(f => !known.Contains(f))
            .Select(f => new FieldError("fields", "unknown-field", $"'{f}' is not a face field of {command.TypeCode} v{inForce.Version}.")).ToList();
        foreach (var item in command.PurposeItemIds)
            if ((await EntryQueries.AsOf(session, item, Clocks.Current(now, now), ct)).InForce is null)
                errors.Add(new FieldError("purposeItemIds", "purpose-not-in-force", $"Service item {item} has no published version in force."));
        if (errors.Count > 0) return Problems.Rule(errors[0].Code, "The grant names fields or purposes the catalogues do not have.", "fields", errors);

        var issued = new GrantIssued(Guid.CreateVersion7(), consumer.Id, consumer.Code, type!.Id, type.Code, command.Fields, command.PurposeItemIds,
            validFrom, command.ValidUntil, caller.DepartmentCode, now);
        session.Events.StartStream<Grant>(issued.GrantId, issued);
        session.Record(caller, command.Reason, http);
        http.SetETag(1);
        return Idempotency.Created(session, http, $"/sharing/grants/{issued.GrantId}", GrantView.Of(Grant.Create(issued), 1));
    }
}
