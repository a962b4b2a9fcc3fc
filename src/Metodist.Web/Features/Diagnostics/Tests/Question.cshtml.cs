using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Tests;

/// <summary>Adds a question to an online test or changes one: text, area, one or several answers, options and the key.</summary>
[Authorize(Policy = AuthSetup.RegionAdminPolicy)]
public sealed class QuestionModel(AppDbContext db, DiagnosticBuilder builder) : PageModel
{
    [BindProperty] public QuestionForm Input { get; set; } = new();
    public Guid DiagnosticId { get; private set; }
    public Guid? Id { get; private set; }
    public string DiagnosticTitle { get; private set; } = "";
    public int QuestionCount { get; private set; }
    public IReadOnlyList<Option> Areas { get; private set; } = [];
    public Dictionary<string, string> Errors { get; private set; } = [];

    public string? Error(string key) => Errors.TryGetValue(key, out var message) ? message : null;

    public async Task<IActionResult> OnGetAsync(Guid diagnosticId, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(diagnosticId, id, ct)) return NotFound();
        if (await builder.QuestionsLockedAsync(diagnosticId, ct) is { } locked)
        {
            TempData["Message"] = locked;
            return Redirect($"/Diagnostics/Tests/Details/{diagnosticId}");
        }
        if (id is { } questionId)
        {
            var question = await db.DiagnosticQuestions.AsNoTracking().Include(q => q.Options).FirstOrDefaultAsync(q => q.Id == questionId && q.DiagnosticId == diagnosticId, ct);
            if (question is null) return NotFound();
            Input = QuestionForm.From(question);
        }
        else
        {
            Input = new QuestionForm { Number = QuestionCount + 1 }.Padded();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid diagnosticId, Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(diagnosticId, id, ct)) return NotFound();
        Errors = await builder.SaveQuestionAsync(diagnosticId, id, Input, ct);
        if (Errors.Count == 0)
        {
            TempData["Message"] = id is null ? "Вопрос добавлен." : "Вопрос сохранён.";
            return Redirect($"/Diagnostics/Tests/Details/{diagnosticId}");
        }
        Input.Padded();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid diagnosticId, Guid? id, CancellationToken ct)
    {
        var diagnostic = await db.Diagnostics.AsNoTracking().Where(d => d.Id == diagnosticId && d.Kind == DiagnosticKind.OnlineTest)
            .Select(d => new { d.Title, Count = d.Questions.Count }).FirstOrDefaultAsync(ct);
        if (diagnostic is null) return false;
        DiagnosticId = diagnosticId;
        Id = id;
        DiagnosticTitle = diagnostic.Title;
        QuestionCount = diagnostic.Count;
        var current = id is { } questionId ? await db.DiagnosticQuestions.Where(q => q.Id == questionId).Select(q => (Guid?)q.AreaId).FirstOrDefaultAsync(ct) : null;
        var areas = await db.CompetenceAreas.AsNoTracking().Where(a => a.IsActive || a.Id == current).OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.IsActive }).ToListAsync(ct);
        Areas = areas.Select(a => new Option(a.Id, a.IsActive ? a.Name : a.Name + " (отключена)")).ToList();
        return true;
    }
}
