using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring.Adaptation;

/// <summary>The dates and title of a round as the administrator types them.</summary>
public sealed class SurveyForm
{
    public string? Title { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
}

/// <summary>A question as the administrator types it.</summary>
public sealed class QuestionForm
{
    public const int MaxText = 1000;

    public string? Text { get; set; }
    public AdaptationQuestionKind Kind { get; set; }
}

/// <summary>
/// The rounds of the adaptation questionnaire and their questions, kept by the region administrator: the next round copies
/// the questions of the latest one (the default set when there is none); questions change only until someone has answered,
/// so that the answers of one round stay comparable.
/// </summary>
public sealed class AdaptationSurveys(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Every round with its questions, the latest first (there are two a year).</summary>
    public async Task<List<AdaptationSurvey>> AllAsync(CancellationToken ct)
    {
        var surveys = await db.AdaptationSurveys.AsNoTracking().Include(s => s.Questions).ToListAsync(ct);
        return surveys.OrderByDescending(s => s.AcademicYear, StringComparer.Ordinal).ThenByDescending(s => s.Round).ToList();
    }

    public Task<AdaptationSurvey?> FindAsync(Guid id, CancellationToken ct) =>
        db.AdaptationSurveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>The round open today, if any (rounds never overlap).</summary>
    public async Task<AdaptationSurvey?> OpenAsync(CancellationToken ct)
    {
        var today = Today;
        return await db.AdaptationSurveys.AsNoTracking().Include(s => s.Questions)
            .Where(s => s.OpensOn <= today && s.ClosesOn >= today).OrderByDescending(s => s.OpensOn).FirstOrDefaultAsync(ct);
    }

    public async Task<Dictionary<Guid, int>> ResponseCountsAsync(CancellationToken ct) =>
        await db.AdaptationResponses.GroupBy(r => r.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>The round to create next: the one after the latest, never one already past.</summary>
    public async Task<AdaptationPeriod> NextPeriodAsync(CancellationToken ct)
    {
        var current = AdaptationPeriod.Of(Today);
        var periods = (await db.AdaptationSurveys.AsNoTracking().Select(s => new { s.AcademicYear, s.Round }).ToListAsync(ct))
            .Select(s => AdaptationPeriod.Of(s.AcademicYear, s.Round)).OfType<AdaptationPeriod>().ToList();
        var next = periods.Count == 0 ? current : periods.Max().Next;
        return next < current ? current : next;
    }

    /// <summary>Why the questions of the round can no longer change, or null while no one has answered.</summary>
    public async Task<string?> LockedAsync(Guid surveyId, CancellationToken ct)
    {
        var answered = await db.AdaptationResponses.CountAsync(r => r.SurveyId == surveyId, ct);
        return answered == 0
            ? null
            : $"Анкету уже заполнили: {Format.Count(answered, "педагог", "педагога", "педагогов")}. Вопросы этого тура изменить нельзя, чтобы ответы оставались сопоставимыми; "
              + "изменения можно внести в следующий тур.";
    }

    /// <summary>Creates the next round with the questions of the latest one.</summary>
    public async Task<(AdaptationSurvey? Survey, Dictionary<string, string> Errors)> CreateNextAsync(SurveyForm form, CancellationToken ct)
    {
        var period = await NextPeriodAsync(ct);
        var errors = await ValidateAsync(null, form, ct);
        if (errors.Count > 0) return (null, errors);
        var previous = (await AllAsync(ct)).FirstOrDefault();
        var survey = new AdaptationSurvey
        {
            Title = string.IsNullOrWhiteSpace(form.Title) ? period.Title : form.Title.Trim(),
            AcademicYear = period.AcademicYear, Round = period.Round, OpensOn = form.OpensOn!.Value, ClosesOn = form.ClosesOn!.Value,
        };
        survey.Questions = AdaptationQuestionnaire.For(survey.Id, previous?.Questions);
        db.AdaptationSurveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return (survey, errors);
    }

    /// <summary>Changes the title and dates of a round.</summary>
    public async Task<Dictionary<string, string>> UpdateAsync(Guid id, SurveyForm form, CancellationToken ct)
    {
        var survey = await db.AdaptationSurveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return new Dictionary<string, string> { [""] = "Тур анкетирования не найден." };
        var errors = await ValidateAsync(id, form, ct);
        if (string.IsNullOrWhiteSpace(form.Title)) errors[nameof(form.Title)] = "Укажите название тура.";
        if (errors.Count > 0) return errors;
        survey.Title = form.Title!.Trim();
        survey.OpensOn = form.OpensOn!.Value;
        survey.ClosesOn = form.ClosesOn!.Value;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Removes a round no one has answered (one created by mistake).</summary>
    public async Task<string?> DeleteAsync(Guid id, CancellationToken ct)
    {
        var survey = await db.AdaptationSurveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return "Тур анкетирования не найден.";
        if (await db.AdaptationResponses.AnyAsync(r => r.SurveyId == id, ct)) return "Тур, в котором уже есть ответы, удалить нельзя.";
        db.AdaptationSurveys.Remove(survey);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<Dictionary<string, string>> ValidateAsync(Guid? id, SurveyForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (form.Title?.Trim().Length > 300) errors[nameof(form.Title)] = "Название — не длиннее 300 символов.";
        if (form.OpensOn is null) errors[nameof(form.OpensOn)] = "Укажите дату начала.";
        if (form.ClosesOn is null) errors[nameof(form.ClosesOn)] = "Укажите дату окончания.";
        if (form is { OpensOn: { } opens, ClosesOn: { } closes })
        {
            if (closes < opens) errors[nameof(form.ClosesOn)] = "Дата окончания не может быть раньше даты начала.";
            else if (await db.AdaptationSurveys.AsNoTracking().Where(s => s.Id != id && s.OpensOn <= closes && s.ClosesOn >= opens)
                         .Select(s => s.Title).FirstOrDefaultAsync(ct) is { } other)
                errors[nameof(form.OpensOn)] = $"Сроки пересекаются с туром «{other}»: одновременно может идти только один тур.";
        }
        return errors;
    }

    /// <summary>Adds a question at the end of the round, or changes one.</summary>
    public async Task<Dictionary<string, string>> SaveQuestionAsync(Guid surveyId, Guid? questionId, QuestionForm form, CancellationToken ct)
    {
        if (await LockedAsync(surveyId, ct) is { } locked) return new Dictionary<string, string> { [""] = locked };
        var questions = await db.AdaptationQuestions.Where(q => q.SurveyId == surveyId).ToListAsync(ct);
        var question = questionId is { } id ? questions.FirstOrDefault(q => q.Id == id) : null;
        if (questionId is not null && question is null) return new Dictionary<string, string> { [""] = "Вопрос не найден." };
        var text = form.Text?.Trim();
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(text)) errors[nameof(form.Text)] = "Введите текст вопроса.";
        else if (text.Length > QuestionForm.MaxText) errors[nameof(form.Text)] = $"Текст вопроса — не длиннее {QuestionForm.MaxText} символов.";
        if (!Enum.IsDefined(form.Kind)) errors[nameof(form.Kind)] = "Выберите вид ответа.";
        if (errors.Count > 0) return errors;
        if (question is null)
        {
            if (!await db.AdaptationSurveys.AnyAsync(s => s.Id == surveyId, ct)) return new Dictionary<string, string> { [""] = "Тур анкетирования не найден." };
            question = new AdaptationQuestion { SurveyId = surveyId, Number = questions.Count == 0 ? 1 : questions.Max(q => q.Number) + 1 };
            db.AdaptationQuestions.Add(question);
        }
        question.Text = text!;
        question.Kind = form.Kind;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<string?> RemoveQuestionAsync(Guid surveyId, Guid questionId, CancellationToken ct)
    {
        if (await LockedAsync(surveyId, ct) is { } locked) return locked;
        var questions = await db.AdaptationQuestions.Where(q => q.SurveyId == surveyId).OrderBy(q => q.Number).ToListAsync(ct);
        var question = questions.FirstOrDefault(q => q.Id == questionId);
        if (question is null) return "Вопрос не найден.";
        db.AdaptationQuestions.Remove(question);
        questions.Remove(question);
        for (var i = 0; i < questions.Count; i++) questions[i].Number = i + 1;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Moves a question one place up (<paramref name="offset"/> −1) or down (+1).</summary>
    public async Task<string?> MoveQuestionAsync(Guid surveyId, Guid questionId, int offset, CancellationToken ct)
    {
        if (await LockedAsync(surveyId, ct) is { } locked) return locked;
        var questions = await db.AdaptationQuestions.Where(q => q.SurveyId == surveyId).OrderBy(q => q.Number).ToListAsync(ct);
        var index = questions.FindIndex(q => q.Id == questionId);
        if (index < 0) return "Вопрос не найден.";
        var target = index + Math.Sign(offset);
        if (target < 0 || target >= questions.Count) return null;
        (questions[index], questions[target]) = (questions[target], questions[index]);
        for (var i = 0; i < questions.Count; i++) questions[i].Number = i + 1;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
