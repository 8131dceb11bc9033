using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Common.Security;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (HttpContext http, [FromServices] SignInManager<PortalUser> signIn, [FromServices] UserManager<PortalUser> users) =>
        {
            // A new security stamp makes the old cookie worthless on the server, even if someone kept a copy.
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        // Plain GET link so the switch also works on the static sign-in page; only local return URLs are followed.
        endpoints.MapGet("/culture", (HttpContext http, TimeProvider time, string culture, string? returnUrl) =>
        {
            if (!PortalApp.Cultures.Any(c => c.Name == culture))
            {
                return Results.BadRequest();
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = string.IsNullOrEmpty(returnUrl) || !Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) || returnUrl.StartsWith("//") || returnUrl.StartsWith("/\\")
                ? "/"
                : returnUrl;
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
    }
}
