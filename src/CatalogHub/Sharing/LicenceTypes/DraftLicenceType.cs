
namespace CatalogHub.Sharing.LicenceTypes;

/// <summary>Starts a licence type of the caller's department (its issuing department) as a draft.</summary>
/// <param name="Code">The licence type code, upper-case 0-9A-Z; part of every identifier of its licences.</param>
public sealed record DraftLicenceType(string Code, LicenceTypeContent Content, string Reason);

public static class DraftLicenceTypeEndpoint
{
    [WolverinePost("/sharing/licence-types", Name = "DraftLicenceType"), Idempotent]
    [Authorize(Policy = Policies.LicenceIssuer)]
    [Tags("Sharing: licence types")]
    [ProducesResponseType<LicenceTypeDraftView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Post(DraftLicenceType command, HttpContext http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock)
    {
        var input = new Validation();
        LicenceTypeRules.CheckCode(input, command.Code);
        LicenceTypeRules.Check(input, command.Content);
        input.Text("reason", command.Reason, 500);
        if (input.Failed) return input.Problem();
        if (await session.Query<LicenceType>().AnyAsync(t => t.Code == command.Code && t.Lifecycle.Stage != Stage.Withdrawn, http.RequestAborted))
            return Problems.Conflict("duplicate-type-code", $"A licence type {command.Code} already exists.", "code");

        var caller = Caller.Required(user);
        var drafted = new LicenceTypeDrafted(Guid.CreateVersion7(), command.Code, caller.RegionCode, caller.DepartmentId, caller.DepartmentCode,
            command.Content, caller.DepartmentCode, clock.GetUtcNow());
        session.Events.StartStream<LicenceType>(drafted.TypeId, drafted);
        session.Record(caller, command.Reason, http);
        http.SetETag(1);
        return Idempotency.Created(session, http, $"/sharing/licence-types/{drafted.TypeId}/draft", LicenceTypeDraftView.Of(LicenceType.Create(drafted), 1));
    }
}
