using CatalogHub.Departments;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CatalogHub.Site;

/// <summary>
/// The catalogue in the browser: server-rendered Razor Pages in the API's process and port, under <c>/site</c> (public, no key)
/// and <c>/console</c> (a department signed in with its API key). Neither prefix is an API route, and no page is in the API
/// description. The console's session is a cookie of its own scheme, sent to <c>/console</c> only: the API never reads it,
/// and a key-less visitor of the console is sent to its sign-in page.
/// </summary>
public static class SiteSetup
{
    public const string ConsoleScheme = "Console";
    public const string ConsolePolicy = "console";
    public const string ConsoleCookie = "cataloghub-console";

    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        // Chinese text as itself, not as numeric character references (the default encoder escapes all but Basic Latin).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Site/Pages";
            o.Conventions.AllowAnonymousToFolder("/Public");
            o.Conventions.AuthorizeFolder("/Console", ConsolePolicy);
            o.Conventions.AllowAnonymousToPage("/Console/SignIn");
        });
        services.AddAuthentication().AddCookie(ConsoleScheme, o =>
        {
            o.Cookie.Name = ConsoleCookie;
            o.Cookie.Path = "/console";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is: behind TLS in production, plain loopback HTTP in `make run` and the tests.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(1);
            o.SlidingExpiration = true;
            o.LoginPath = "/console/sign-in";
            o.LogoutPath = "/console/sign-out";
            o.AccessDeniedPath = "/console/sign-in";
            o.Events.OnValidatePrincipal = StillValid;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsolePolicy, p => p.AddAuthenticationSchemes(ConsoleScheme).RequireAuthenticatedUser());
        return services;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/site/site.css", () => Results.Text(Stylesheet.Value, "text/css; charset=utf-8"))
            .ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var css = typeof(SiteSetup).Assembly.GetManifestResourceStream("CatalogHub.Site.site.css")!;
        return new StreamReader(css).ReadToEnd();
    });

    /// <summary>
    /// A session lasts no longer than its key: each request re-reads the department, so a key revoked or expired, or a
    /// department deregistered, ends the session at once (the cookie holds the key's id, never the key).
    /// </summary>
    private static async Task StillValid(CookieValidatePrincipalContext context)
    {
        if (Caller.From(context.Principal!) is not { } caller) return;
        var services = context.HttpContext.RequestServices;
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        var department = await session.LoadAsync<Department>(caller.DepartmentId, context.HttpContext.RequestAborted);
        var key = department?.Keys.SingleOrDefault(k => k.KeyId == caller.KeyId);
        if (department is { DeregisteredAt: null } && key is not null && key.IsUsableAt(services.GetRequiredService<TimeProvider>().GetUtcNow()))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(ConsoleScheme);
    }

    /// <summary>
    /// Checks a key exactly as the API does (<see cref="ApiKeyAuthenticationHandler"/>: the same hashes, revocation, expiry and
    /// failure throttle), on a request of its own: the handler of this request has already answered for its headers, which
    /// carry no key. The key goes to no log and no cookie.
    /// </summary>
    public static async Task<ClaimsPrincipal?> Authenticate(HttpContext http, string key)
    {
        await using var scope = http.RequestServices.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Connection.RemoteIpAddress = http.Connection.RemoteIpAddress;
        probe.Request.Headers.Authorization = $"{ApiKeyAuthenticationHandler.SchemeName} {key}";
        var result = await probe.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        return result.Succeeded && Caller.From(result.Principal!) is { } caller ? caller.ToPrincipal(ConsoleScheme) : null;
    }
}
