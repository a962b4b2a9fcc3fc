using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Routes;

/// <summary>The teacher's own routes: the current one opens directly, the earlier ones are listed.</summary>
public sealed class MyModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public List<DevelopmentRoute> Routes { get; private set; } = [];
    public bool HasPerson { get; private set; }
    public Guid? PersonId { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool all, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        HasPerson = scope.PersonId is not null;
        PersonId = scope.PersonId;
        if (scope.PersonId is not { } personId) return Page();
        Routes = await db.Routes.AsNoTracking().Include(r => r.Items).Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.CreatedAt).ToListAsync(ct);
        var open = Routes.FirstOrDefault(r => r.Status is not (RouteStatus.Completed or RouteStatus.NotCompleted));
        if (!all && open is not null) return Redirect($"/Routes/{open.Id}");
        return Page();
    }
}
