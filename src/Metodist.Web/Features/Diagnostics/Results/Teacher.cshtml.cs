using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Results;

/// <summary>One teacher's results: the history and the change between the two latest (before and after a route). Opening it is audited.</summary>
public sealed class TeacherModel(AppDbContext db, ResultAccess access) : PageModel
{
    public Person Person { get; private set; } = null!;
    public List<DeficitProfile> History { get; private set; } = [];
    public List<ResultView> Views { get; private set; } = [];
    public DevelopmentRoute? RouteBetween { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var history = await access.OpenAsync(id, "Результаты педагога", ct);
        if (history is null) return NotFound();
        Person = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == id, ct);
        History = history;
        Views = await access.ViewsOfAsync(id, 20, ct);
        if (history.Count >= 2)
        {
            var (before, after) = (history[1].TakenOn, history[0].TakenOn);
            RouteBetween = await db.Routes.AsNoTracking()
                .Where(r => r.PersonId == id && (r.Status == RouteStatus.Completed || r.Status == RouteStatus.NotCompleted) && r.EndsOn >= before && r.EndsOn <= after.AddDays(60))
                .OrderByDescending(r => r.EndsOn).FirstOrDefaultAsync(ct);
        }
        return Page();
    }
}
