using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Tests;

public sealed record QuestionRow(Guid Id, int Number, string Text, string Area, bool AreaActive, bool MultipleChoice, IReadOnlyList<DiagnosticOption> Options);

/// <summary>A diagnostic with its questions and key; the region administrator edits the questions and publishes it here.</summary>
public sealed class DetailsModel(AppDbContext db, DiagnosticBuilder builder, CurrentUser currentUser) : PageModel
{
    public Diagnostic Diagnostic { get; private set; } = null!;
    public IReadOnlyList<QuestionRow> Questions { get; private set; } = [];
    public int Results { get; private set; }
    public int OpenAttempts { get; private set; }
    public string? Locked { get; private set; }
    public bool CanEdit { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string ProblemsTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsMethodist) return Forbid();
        return await LoadAsync(id, scope, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) => PublishAsync(id, true, ct);

    public Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken ct) => PublishAsync(id, false, ct);

    private async Task<IActionResult> PublishAsync(Guid id, bool publish, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsRegionAdmin) return Forbid();
        var problems = await builder.PublishAsync(id, publish, ct);
        if (problems.Count == 0)
        {
            TempData["Message"] = publish ? "Диагностика опубликована: педагоги могут её проходить." : "Публикация снята: новые прохождения начать нельзя.";
            return RedirectToPage(new { id });
        }
        if (!await LoadAsync(id, scope, ct)) return NotFound();
        Problems = problems;
        ProblemsTitle = "Опубликовать нельзя:";
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteQuestionAsync(Guid id, Guid questionId, CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (!scope.IsRegionAdmin) return Forbid();
        if (await builder.DeleteQuestionAsync(id, questionId, ct) is { } problem)
        {
            if (!await LoadAsync(id, scope, ct)) return NotFound();
            Problems = [problem];
            ProblemsTitle = "Вопрос не удалён:";
            return Page();
        }
        TempData["Message"] = "Вопрос удалён, остальные перенумерованы.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCopyAsync(Guid id, CancellationToken ct)
    {
        if (!(await currentUser.ScopeAsync(ct)).IsRegionAdmin) return Forbid();
        var copy = await builder.CopyAsync(id, currentUser.UserName, ct);
        if (copy is null) return NotFound();
        TempData["Message"] = "Создана копия диагностики (черновик): измените её и опубликуйте.";
        return RedirectToPage(new { id = copy.Id });
    }

    private async Task<bool> LoadAsync(Guid id, UserScope scope, CancellationToken ct)
    {
        var diagnostic = await db.Diagnostics.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (diagnostic is null) return false;
        Diagnostic = diagnostic;
        CanEdit = scope.IsRegionAdmin;
        var questions = await db.DiagnosticQuestions.AsNoTracking().Where(q => q.DiagnosticId == id).OrderBy(q => q.Number)
            .Select(q => new { q.Id, q.Number, q.Text, Area = q.Area!.Name, q.Area.IsActive, q.MultipleChoice, Options = q.Options.OrderBy(o => o.Number).ToList() })
            .ToListAsync(ct);
        Questions = questions.Select(q => new QuestionRow(q.Id, q.Number, q.Text, q.Area, q.IsActive, q.MultipleChoice, q.Options)).ToList();
        Results = await db.DiagnosticResults.CountAsync(r => r.DiagnosticId == id, ct);
        OpenAttempts = await db.DiagnosticAttempts.CountAsync(a => a.DiagnosticId == id && a.FinishedAt == null, ct);
        Locked = await builder.QuestionsLockedAsync(id, ct);
        return true;
    }
}
