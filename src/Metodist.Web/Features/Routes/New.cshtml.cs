using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Routes;

/// <summary>Drafts a route for a teacher (a POST from the teacher's card), or opens the one already in work.</summary>
public sealed class NewModel(AppDbContext db, CurrentUser currentUser, RouteService routes, RouteDrafts drafts) : PageModel
{
    public IActionResult OnGet() => Redirect("/Routes");

    public async Task<IActionResult> OnPostAsync(Guid teacherId, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!await scope.PrivatePersons(db.Persons).AnyAsync(p => p.Id == teacherId, ct)) return NotFound();
        if (!scope.IsMethodist && scope.PersonId != teacherId && !scope.TutoredPersonIds.Contains(teacherId)) return Forbid();
        if (await routes.OpenRouteOfAsync(teacherId, ct) is { } open)
        {
            TempData["Message"] = $"У педагога уже есть маршрут в состоянии «{open.Status.Title()}» — открыт он.";
            return Redirect($"/Routes/{open.Id}");
        }
        var route = await drafts.CreateAsync(teacherId, currentUser.UserName, currentUser.UserId, ct);
        if (route is null) return NotFound();
        TempData["Message"] = route.ResultId is null
            ? "Черновик маршрута создан. У педагога нет результатов диагностики, поэтому курсы под дефициты не подобраны — добавьте пункты вручную."
            : $"Черновик маршрута составлен по результатам диагностики: {route.Items.Count} пунктов. Проверьте и измените его перед отправкой на согласование.";
        return Redirect($"/Routes/{route.Id}");
    }
}
