using Metodist.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Mentoring.Adaptation;

/// <summary>
/// The region administrator's rounds: creating the next one (questions copied from the latest), its title and dates, and
/// its questions — added, changed, removed and reordered until someone answers.
/// </summary>
[Authorize(Policy = AuthSetup.RegionAdminPolicy)]
public sealed class QuestionsModel(AdaptationSurveys surveys) : PageModel
{
    [BindProperty] public SurveyForm Survey { get; set; } = new();
    [BindProperty] public SurveyForm Next { get; set; } = new();
    [BindProperty] public QuestionForm Question { get; set; } = new();

    public List<AdaptationSurvey> Surveys { get; private set; } = [];
    public Dictionary<Guid, int> Responses { get; private set; } = [];
    public AdaptationSurvey? Current { get; private set; }
    public string? Locked { get; private set; }
    public AdaptationPeriod NextPeriod { get; private set; }
    public DateOnly Today => surveys.Today;
    public Dictionary<string, string> Errors { get; private set; } = [];

    /// <summary>Which form the errors belong to: "survey", "next", "new" or a question id.</summary>
    public string? ErrorsOf { get; private set; }

    public string? Error(string form, string key) => ErrorsOf == form && Errors.TryGetValue(key, out var message) ? message : null;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Current is not null) Survey = new SurveyForm { Title = Current.Title, OpensOn = Current.OpensOn, ClosesOn = Current.ClosesOn };
        Next = new SurveyForm { Title = NextPeriod.Title, OpensOn = NextPeriod.DefaultOpensOn, ClosesOn = NextPeriod.DefaultClosesOn };
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (survey, errors) = await surveys.CreateNextAsync(Next, ct);
        if (survey is not null)
        {
            TempData["Message"] = $"Тур «{survey.Title}» создан: вопросы скопированы из предыдущего тура, их можно изменить, пока никто не ответил.";
            return Redirect($"/Mentoring/Adaptation/Questions/{survey.Id}");
        }
        return await FailAsync(null, "next", errors, ct);
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        var errors = await surveys.UpdateAsync(id, Survey, ct);
        return errors.Count == 0 ? Done(id, "Сроки и название тура сохранены.") : await FailAsync(id, "survey", errors, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (await surveys.DeleteAsync(id, ct) is { } error) return await FailAsync(id, "survey", new() { [""] = error }, ct);
        TempData["Message"] = "Тур удалён.";
        return Redirect("/Mentoring/Adaptation/Questions");
    }

    public async Task<IActionResult> OnPostSaveQuestionAsync(Guid id, Guid? questionId, CancellationToken ct)
    {
        var errors = await surveys.SaveQuestionAsync(id, questionId, Question, ct);
        return errors.Count == 0
            ? Done(id, questionId is null ? "Вопрос добавлен." : "Вопрос сохранён.")
            : await FailAsync(id, questionId?.ToString() ?? "new", errors, ct);
    }

    public async Task<IActionResult> OnPostRemoveQuestionAsync(Guid id, Guid questionId, CancellationToken ct)
    {
        var error = await surveys.RemoveQuestionAsync(id, questionId, ct);
        return error is null ? Done(id, "Вопрос удалён.") : await FailAsync(id, questionId.ToString(), new() { [""] = error }, ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid questionId, int offset, CancellationToken ct)
    {
        var error = await surveys.MoveQuestionAsync(id, questionId, offset, ct);
        return error is null ? Redirect($"/Mentoring/Adaptation/Questions/{id}") : await FailAsync(id, questionId.ToString(), new() { [""] = error }, ct);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData["Message"] = message;
        return Redirect($"/Mentoring/Adaptation/Questions/{id}");
    }

    /// <summary>The page again with the posted values and the errors next to the form they belong to.</summary>
    private async Task<IActionResult> FailAsync(Guid? id, string form, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors = errors;
        ErrorsOf = form;
        if (form != "survey" && Current is not null) Survey = new SurveyForm { Title = Current.Title, OpensOn = Current.OpensOn, ClosesOn = Current.ClosesOn };
        if (form != "next") Next = new SurveyForm { Title = NextPeriod.Title, OpensOn = NextPeriod.DefaultOpensOn, ClosesOn = NextPeriod.DefaultClosesOn };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken ct)
    {
        Surveys = await surveys.AllAsync(ct);
        Responses = await surveys.ResponseCountsAsync(ct);
        NextPeriod = await surveys.NextPeriodAsync(ct);
        if (id is { } surveyId)
        {
            Current = Surveys.FirstOrDefault(s => s.Id == surveyId);
            if (Current is null) return false;
        }
        else
        {
            var today = surveys.Today;
            // The round running or coming next, else the latest.
            Current = Surveys.Where(s => s.ClosesOn >= today).MinBy(s => s.OpensOn) ?? Surveys.FirstOrDefault();
        }
        if (Current is not null) Locked = await surveys.LockedAsync(Current.Id, ct);
        return true;
    }
}
