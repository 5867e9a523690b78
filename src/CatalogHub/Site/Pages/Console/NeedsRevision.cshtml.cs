using CatalogHub.BasisCheck;
using CatalogHub.Lists.Revision;

namespace CatalogHub.Site.Pages.Console;

/// <summary>The "needs revision" list of the department's region: the API's own answer (<see cref="NeedsRevisionEndpoint"/>).</summary>
public sealed class NeedsRevisionModel(PublishedIndex index, TimeProvider clock, IAuthorizationService authorization) : ConsolePage(authorization)
{
    public NeedsRevisionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = ReadCaching.NoStore;
        if (!await May(Policies.Authenticated)) return Forbidden();
        var answer = NeedsRevisionEndpoint.Get(null, User, index, clock);
        if (answer is not Microsoft.AspNetCore.Http.HttpResults.Ok<NeedsRevisionView> { Value: { } view })
            return Fail(StatusCodes.Status400BadRequest, "无法读取", ConsoleAnswer.Of(answer).Detail ?? "");
        View = view;
        return Page();
    }

    public static string Standing(string standing) => standing switch
    {
        "repealed" => "已废止（或已取消）",
        "not-yet-in-force" => "尚未施行",
        "draft-only" => "仅有草稿",
        _ => "不存在",
    };
}
