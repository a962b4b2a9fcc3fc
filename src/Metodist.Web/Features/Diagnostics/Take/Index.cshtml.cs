using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Diagnostics.Take;

/// <summary>The tests a teacher may take are listed on «Мои диагностики» with their campaigns and results.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/Diagnostics/My");
}
