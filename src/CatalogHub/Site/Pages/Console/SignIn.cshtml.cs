using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CatalogHub.Site.Pages.Console;

/// <summary>
/// Signs a department in with its API key (the city's single sign-on can later be another scheme beside this one). The form
/// carries an antiforgery token (Razor Pages check it on every POST); the key is checked as the API checks it and then
/// forgotten: the session cookie holds the department and the key's id only.
/// </summary>
public sealed class SignInModel : PageModel
{
    public string? Refusal { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = ReadCaching.NoStore;

    public async Task<IActionResult> OnPostAsync(string? key, string? returnUrl)
    {
        Response.Headers.CacheControl = ReadCaching.NoStore;
        if (string.IsNullOrWhiteSpace(key) || await SiteSetup.Authenticate(HttpContext, key.Trim()) is not { } principal)
        {
            Refusal = "密钥无效、已吊销或已过期，请核对后重试。";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(SiteSetup.ConsoleScheme, principal, new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/console", StringComparison.Ordinal) ? returnUrl : "/console");
    }
}
