using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CatalogHub.Site.Pages.Console;

/// <summary>Ends the console session (POST with the antiforgery token, so no other site can sign a department out).</summary>
public sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(SiteSetup.ConsoleScheme);
        return LocalRedirect("/console/sign-in");
    }
}
