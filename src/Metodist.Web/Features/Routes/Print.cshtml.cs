using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Routes;

public sealed class PrintModel(RouteService routes) : PageModel
{
    public RouteDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var route = await routes.FindAsync(id, ct);
        if (route is null) return NotFound();
        Document = RouteDocuments.DocumentOf(route);
        return Page();
    }
}
