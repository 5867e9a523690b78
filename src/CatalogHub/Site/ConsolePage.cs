using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CatalogHub.Site;

/// <summary>
/// A console page: deny by default. Each page names the API's policy for what it shows or does (<see cref="Policies"/>) and
/// refuses with a 403 page a department whose roles the API would refuse; the write functions it calls then apply the
/// API's owner and manager checks too.
/// </summary>
public abstract class ConsolePage(IAuthorizationService authorization) : PageModel
{
    public SiteFailure? Failure { get; private set; }

    /// <summary>What the last write said, in words, when it succeeded (after the redirect that follows it).</summary>
    public string? Done { get; protected set; }

    public Caller Caller => Caller.Required(User);

    protected async Task<bool> May(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;

    protected IActionResult Fail(int status, string title, string detail)
    {
        Failure = new(status, title, detail);
        Response.StatusCode = status;
        return Page();
    }

    protected IActionResult Forbidden() =>
        Fail(StatusCodes.Status403Forbidden, "无权访问", "本部门的角色不允许查看或进行此项操作（与接口的授权规则相同）。");

    protected IActionResult NotFoundPage(string detail) => Fail(StatusCodes.Status404NotFound, "未找到", detail);

    /// <summary>The version the form was read at, sent as the API's write functions read it: in If-Match.</summary>
    protected void ReadAt(long version) => Request.Headers.IfMatch = Preconditions.ETag(version);

    /// <summary>
    /// The answer of a write: the API's problem, or, when another writer committed between the check and the commit (Marten
    /// re-checks the stream version then), the same stale-version problem the API answers with.
    /// </summary>
    protected static async Task<ConsoleAnswer> Answer(Func<Task<IResult>> write)
    {
        try
        {
            return ConsoleAnswer.Of(await write());
        }
        catch (JasperFx.ConcurrencyException)
        {
            return ConsoleAnswer.Of(Problems.PreconditionFailed("The item changed while this change was being saved."));
        }
    }

    /// <summary>The id of what a create answered with (its view's <c>id</c>).</summary>
    protected static Guid CreatedId(IResult result) =>
        result is IValueHttpResult { Value: { } view } ? JsonSerializer.SerializeToElement(view, view.GetType(), ApiJson.Options).GetProperty("id").GetGuid() : Guid.Empty;

    /// <summary>An instant typed in Beijing time (a datetime-local input: no offset means +08:00, the API's rule); empty means now.</summary>
    protected static bool TryReadInstant(string? text, string field, List<ConsoleFieldError> errors, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (Instants.Read(text, out var read) == Instants.Form.Invalid)
        {
            errors.Add(new(field, "invalid-instant", $"“{text}”不是有效的时间，请按“年-月-日 时:分”（北京时间）填写。"));
            return false;
        }
        instant = read;
        return true;
    }
}
