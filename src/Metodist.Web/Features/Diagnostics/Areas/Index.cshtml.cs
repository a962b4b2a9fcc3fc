using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Areas;

public sealed record AreaRow(Guid Id, string Code, string Name, string? Description, int SortOrder, bool IsActive, int Questions);

/// <summary>The competence framework: everyone reads it, the region administrator edits it.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<AreaRow> Areas { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool IsStaff { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        CanEdit = scope.IsRegionAdmin;
        IsStaff = scope.IsStaff;
        Areas = await db.CompetenceAreas.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new AreaRow(a.Id, a.Code, a.Name, a.Description, a.SortOrder, a.IsActive, db.DiagnosticQuestions.Count(q => q.AreaId == a.Id)))
            .ToListAsync(ct);
    }

    /// <summary>Switches an area off (new questions cannot use it) or back on; its past results stay as they are.</summary>
    public async Task<IActionResult> OnPostToggleAsync(Guid id, CancellationToken ct)
    {
        if (!(await currentUser.ScopeAsync(ct)).IsRegionAdmin) return Forbid();
        var area = await db.CompetenceAreas.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (area is null) return NotFound();
        area.IsActive = !area.IsActive;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = area.IsActive ? $"Компетенция «{area.Name}» включена." : $"Компетенция «{area.Name}» отключена: новые вопросы к ней не относятся, прежние результаты сохранены.";
        return RedirectToPage();
    }
}
