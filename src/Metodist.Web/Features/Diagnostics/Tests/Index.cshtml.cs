using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Tests;

public sealed record DiagnosticRow(Guid Id, string Title, DiagnosticKind Kind, int? TimeLimitMinutes, int Questions, bool IsPublished, int Results);

public static class DiagnosticKindTitles
{
    public static string Title(this DiagnosticKind kind) => kind == DiagnosticKind.OnlineTest ? "Онлайн-тест" : "Внешняя оценка (загрузка результатов)";
}

/// <summary>The diagnostics of the region: methodists read them, the region administrator writes them.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public IReadOnlyList<DiagnosticRow> Diagnostics { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsMethodist) return Forbid();
        CanEdit = scope.IsRegionAdmin;
        Diagnostics = await db.Diagnostics.AsNoTracking().OrderByDescending(d => d.IsPublished).ThenBy(d => d.Title)
            .Select(d => new DiagnosticRow(d.Id, d.Title, d.Kind, d.TimeLimitMinutes, d.Questions.Count, d.IsPublished,
                db.DiagnosticResults.Count(r => r.DiagnosticId == d.Id)))
            .ToListAsync(ct);
        return Page();
    }
}
