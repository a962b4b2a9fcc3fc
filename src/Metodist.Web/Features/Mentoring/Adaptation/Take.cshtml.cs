using Metodist.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metodist.Web.Features.Mentoring.Adaptation;

/// <summary>A young teacher fills in the round that is open now, once, and sees their own past questionnaires.</summary>
public sealed class TakeModel(CurrentUser currentUser, AdaptationSurveys surveys, AdaptationTaking taking) : PageModel
{
    /// <summary>The marks given, by question id (a radio group per scale question).</summary>
    [BindProperty] public Dictionary<Guid, int?> Scores { get; set; } = [];

    /// <summary>The free answers, by question id.</summary>
    [BindProperty] public Dictionary<Guid, string?> Texts { get; set; } = [];

    public bool HasPerson { get; private set; }
    public bool Eligible { get; private set; }
    public AdaptationSurvey? Open { get; private set; }
    public AdaptationSurvey? Upcoming { get; private set; }
    public bool Answered { get; private set; }
    public bool IsMethodist { get; private set; }
    public List<OwnResponse> History { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? Error(Guid questionId) => Errors.TryGetValue(questionId.ToString(), out var message) ? message : null;

    public bool CanAnswer => Eligible && Open is not null && !Answered;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var personId = await LoadAsync(ct);
        if (!CanAnswer || personId is null) return Page();
        var answers = Open!.Questions.OrderBy(q => q.Number)
            .Select(q => q.Kind == AdaptationQuestionKind.Scale
                ? new AnswerInput(q.Id, Scores.GetValueOrDefault(q.Id), null)
                : new AnswerInput(q.Id, null, Texts.GetValueOrDefault(q.Id)))
            .ToList();
        var outcome = await taking.SubmitAsync(Open.Id, personId.Value, answers, ct);
        if (outcome.Failure == SubmitFailure.None)
        {
            TempData["Message"] = $"Спасибо! Анкета отправлена. Ваш средний балл — {AdaptationTitles.Mark(outcome.Response!.MeanScore)}: {AdaptationStatus.Of(outcome.Response.MeanScore).Title()}.";
            return Redirect("/Mentoring/Adaptation/Take");
        }
        Errors = outcome.Failure == SubmitFailure.Invalid ? outcome.Errors : new Dictionary<string, string> { [""] = outcome.Message! };
        return Page();
    }

    private async Task<Guid?> LoadAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        IsMethodist = scope.IsMethodist;
        if (scope.PersonId is not { } personId) return null;
        HasPerson = true;
        Eligible = await taking.IsEligibleAsync(personId, ct);
        History = await taking.HistoryAsync(personId, ct);
        Open = await surveys.OpenAsync(ct);
        Answered = Open is not null && History.Any(h => h.SurveyId == Open.Id);
        if (Open is null)
        {
            var today = surveys.Today;
            Upcoming = (await surveys.AllAsync(ct)).Where(s => s.OpensOn > today).MinBy(s => s.OpensOn);
        }
        return personId;
    }
}
