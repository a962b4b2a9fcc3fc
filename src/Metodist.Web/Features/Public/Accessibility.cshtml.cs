using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Public;

/// <summary>
/// Switches the version for the visually impaired on or off (larger font, high contrast, no images) with a plain link,
/// so that it works without JavaScript; the choice is kept in a cookie for a year.
/// </summary>
[AllowAnonymous]
public sealed class AccessibilityModel : PageModel
{
    public const string Cookie = "metodist-vi";

    public IActionResult OnGet(bool on, string? returnUrl)
    {
        if (on) Response.Cookies.Append(Cookie, "1", new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        else Response.Cookies.Delete(Cookie);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/Public/Events");
    }

    public static bool IsOn(HttpRequest request) => request?.Cookies[Cookie] == "1";
}
