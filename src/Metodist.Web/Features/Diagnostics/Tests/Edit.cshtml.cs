using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Tests;

/// <summary>Creates a diagnostic or changes its header: title, kind, time limit and level thresholds.</summary>
[Authorize(Policy = AuthSetup.RegionAdminPolicy)]
public sealed class EditModel(AppDbContext db, DiagnosticBuilder builder, CurrentUser currentUser) : PageModel
{
    [BindProperty] public DiagnosticForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool HasResults { get; private set; }
    public Dictionary<string, string> Errors { get; private set; } = [];

    public string? Error(string key) => Errors.TryGetValue(key, out var message) ? message : null;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existingId)
        {
            var diagnostic = await db.Diagnostics.AsNoTracking().FirstOrDefaultAsync(d => d.Id == existingId, ct);
            if (diagnostic is null) return NotFound();
            Input = DiagnosticForm.From(diagnostic);
            await LoadAsync(existingId, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var (diagnostic, errors) = await builder.SaveAsync(id, Input, currentUser.UserName, ct);
        if (diagnostic is null)
        {
            if (errors.ContainsKey("")) return NotFound();
            Errors = errors;
            if (id is { } existingId) await LoadAsync(existingId, ct);
            return Page();
        }
        TempData["Message"] = id is null ? "Диагностика создана." + (diagnostic.Kind == DiagnosticKind.OnlineTest ? " Добавьте вопросы и опубликуйте её." : "") : "Изменения сохранены.";
        return Redirect($"/Diagnostics/Tests/Details/{diagnostic.Id}");
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        HasResults = await db.DiagnosticResults.AnyAsync(r => r.DiagnosticId == id, ct);
    }
}
