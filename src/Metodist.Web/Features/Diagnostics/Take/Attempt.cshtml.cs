using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Take;

public sealed record SheetOption(int Number, string Text);

public sealed record SheetQuestion(Guid Id, int Number, string Text, bool MultipleChoice, IReadOnlyList<SheetOption> Options, IReadOnlyCollection<int> Chosen);

/// <summary>
/// The test itself: every question on one page. With JavaScript each answer is saved as it is given (the answers API);
/// without it, the submit button saves all answers and finishes. Either way the attempt ends in the teacher's profile.
/// </summary>
public sealed class AttemptModel(AppDbContext db, CurrentUser currentUser, DiagnosticAttempts attempts, TimeProvider clock) : PageModel
{
    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public DateTime? Deadline { get; private set; }
    public DateTime Now { get; private set; }
    public IReadOnlyList<SheetQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public int Answered => Questions.Count(q => q.Chosen.Count > 0);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await currentUser.ScopeAsync(ct)).PersonId is not { } personId) return NotFound();
        var attempt = await db.DiagnosticAttempts.AsNoTracking().Where(a => a.Id == id && a.PersonId == personId)
            .Select(a => new { a.FinishedAt, a.StartedAt, a.Diagnostic!.TimeLimitMinutes }).FirstOrDefaultAsync(ct);
        if (attempt is null) return NotFound();
        var timedOut = attempt.FinishedAt is null
            ? attempts.IsTimedOut(attempt.StartedAt, attempt.TimeLimitMinutes)
            : attempt.FinishedAt > DiagnosticAttempts.DeadlineOf(attempt.StartedAt, attempt.TimeLimitMinutes);
        if (timedOut) TempData["Message"] = DiagnosticAttempts.TimeIsUp;
        if (timedOut || attempt.FinishedAt is not null) return await FinishAsync(personId, id, ct);
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>The submit of the whole form: saves every answer as it stands on the page, then finishes.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if ((await currentUser.ScopeAsync(ct)).PersonId is not { } personId) return NotFound();
        var questions = await db.DiagnosticAttempts.AsNoTracking().Where(a => a.Id == id && a.PersonId == personId)
            .SelectMany(a => a.Diagnostic!.Questions).OrderBy(q => q.Number).Select(q => q.Id).ToListAsync(ct);
        var errors = new List<string>();
        foreach (var questionId in questions)
        {
            var chosen = Request.Form[$"q.{questionId}"].Select(v => int.TryParse(v, out var n) ? n : -1).ToList();
            var outcome = await attempts.SaveAnswerAsync(personId, id, questionId, chosen, ct);
            if (outcome.Failure == AttemptFailure.NotFound) return NotFound();
            if (outcome.Failure == AttemptFailure.Closed)
            {
                if (outcome.Message == DiagnosticAttempts.TimeIsUp) TempData["Message"] = outcome.Message;
                break;
            }
            if (outcome.Failure == AttemptFailure.Invalid) errors.Add(outcome.Message!);
        }
        if (errors.Count == 0) return await FinishAsync(personId, id, ct);
        await LoadAsync(id, ct);
        Errors = errors;
        return Page();
    }

    private async Task<IActionResult> FinishAsync(Guid personId, Guid id, CancellationToken ct)
    {
        var outcome = await attempts.FinishAsync(personId, id, ct);
        if (outcome.ResultId is not { } resultId) return NotFound();
        return Redirect($"/Diagnostics/Take/Result/{resultId}");
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var attempt = await db.DiagnosticAttempts.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.DiagnosticId, a.StartedAt, a.Diagnostic!.Title, a.Diagnostic.TimeLimitMinutes }).FirstAsync(ct);
        var answers = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == id).ToDictionaryAsync(a => a.QuestionId, a => a.Chosen, ct);
        var questions = await db.DiagnosticQuestions.AsNoTracking().Where(q => q.DiagnosticId == attempt.DiagnosticId).OrderBy(q => q.Number)
            .Select(q => new { q.Id, q.Number, q.Text, q.MultipleChoice, Options = q.Options.OrderBy(o => o.Number).Select(o => new SheetOption(o.Number, o.Text)).ToList() })
            .ToListAsync(ct);
        Id = id;
        Title = attempt.Title;
        Deadline = DiagnosticAttempts.DeadlineOf(attempt.StartedAt, attempt.TimeLimitMinutes);
        Now = clock.GetUtcNow().UtcDateTime;
        Questions = questions.Select(q => new SheetQuestion(q.Id, q.Number, q.Text, q.MultipleChoice, q.Options,
            Scoring.ParseChosen(answers.GetValueOrDefault(q.Id)))).ToList();
    }
}
