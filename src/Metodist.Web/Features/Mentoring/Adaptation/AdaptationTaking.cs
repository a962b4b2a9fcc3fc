using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring.Adaptation;

/// <summary>One answer as given: a mark for a scale question, a text for a free one.</summary>
public sealed record AnswerInput(Guid QuestionId, int? Score, string? Text);

public enum SubmitFailure
{
    None,
    NotFound,
    NotEligible,
    Closed,
    AlreadyAnswered,
    Invalid,
}

/// <summary>What came of a questionnaire sent in: the saved response, or why not (with the message per question when invalid).</summary>
public sealed record SubmitOutcome(AdaptationResponse? Response, SubmitFailure Failure, string? Message, IReadOnlyDictionary<string, string> Errors)
{
    public static SubmitOutcome Fail(SubmitFailure failure, string message) => new(null, failure, message, new Dictionary<string, string>());
}

/// <summary>A young teacher's own past questionnaire, with the questions as they were asked.</summary>
public sealed record OwnResponse(Guid Id, Guid SurveyId, string SurveyTitle, DateTime SubmittedAt, decimal? MeanScore, IReadOnlyList<OwnAnswer> Answers)
{
    public AdaptationState State => AdaptationStatus.Of(MeanScore);
}

public sealed record OwnAnswer(int Number, string Question, AdaptationQuestionKind Kind, int? Score, string? Text);

/// <summary>
/// A young teacher fills in the open round once: every scale question marked 1–5, free answers optional. The response keeps
/// the municipality and organization of the main job as they were, so that the results per municipality do not move when
/// the teacher later changes school.
/// </summary>
public sealed class AdaptationTaking(AppDbContext db, TimeProvider clock)
{
    public const int MaxText = 2000;

    public const string NotEligibleMessage =
        "Анкета адаптации — для молодых педагогов (моложе 35 лет и не более 3 лет педагогического стажа) и педагогов, у которых есть наставник.";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>A young teacher today, or the mentee of a running mentoring pair.</summary>
    public async Task<bool> IsEligibleAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.BirthDate, p.PedagogicalWorkStart }).FirstOrDefaultAsync(ct);
        if (person is null) return false;
        return TeacherRules.IsYoungTeacher(person.BirthDate, person.PedagogicalWorkStart, Today)
               || await db.MentoringMentees.AnyAsync(m => m.PersonId == personId && m.Pair!.Status == MentoringStatus.Active, ct);
    }

    public Task<bool> HasAnsweredAsync(Guid surveyId, Guid personId, CancellationToken ct) =>
        db.AdaptationResponses.AnyAsync(r => r.SurveyId == surveyId && r.PersonId == personId, ct);

    public async Task<HashSet<Guid>> AnsweredSurveysAsync(Guid personId, CancellationToken ct) =>
        (await db.AdaptationResponses.Where(r => r.PersonId == personId).Select(r => r.SurveyId).ToListAsync(ct)).ToHashSet();

    public async Task<SubmitOutcome> SubmitAsync(Guid surveyId, Guid personId, IReadOnlyList<AnswerInput> answers, CancellationToken ct)
    {
        var survey = await db.AdaptationSurveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return SubmitOutcome.Fail(SubmitFailure.NotFound, "Тур анкетирования не найден.");
        if (!await IsEligibleAsync(personId, ct)) return SubmitOutcome.Fail(SubmitFailure.NotEligible, NotEligibleMessage);
        var state = survey.StateOn(Today);
        if (state != AdaptationSurveyState.Open)
        {
            return SubmitOutcome.Fail(SubmitFailure.Closed, state == AdaptationSurveyState.Planned
                ? $"Анкетирование «{survey.Title}» начнётся {Format.Date(survey.OpensOn)}."
                : $"Анкетирование «{survey.Title}» завершилось {Format.Date(survey.ClosesOn)}: ответы больше не принимаются.");
        }
        if (await HasAnsweredAsync(surveyId, personId, ct))
            return SubmitOutcome.Fail(SubmitFailure.AlreadyAnswered, "Вы уже заполнили анкету этого тура: её заполняют один раз.");

        var errors = Validate(survey.Questions, answers);
        if (errors.Count > 0) return new SubmitOutcome(null, SubmitFailure.Invalid, string.Join(" ", errors.Values.Distinct()), errors);

        var job = await db.Employments.AsNoTracking().Where(e => e.PersonId == personId)
            .OrderByDescending(e => e.IsMain).ThenByDescending(e => e.StartDate)
            .Select(e => new { e.MunicipalityId, e.OrganizationId }).FirstOrDefaultAsync(ct);
        var response = new AdaptationResponse
        {
            SurveyId = surveyId, PersonId = personId, MunicipalityId = job?.MunicipalityId, OrganizationId = job?.OrganizationId,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        var kinds = survey.Questions.ToDictionary(q => q.Id, q => q.Kind);
        foreach (var answer in answers)
        {
            var text = string.IsNullOrWhiteSpace(answer.Text) ? null : answer.Text.Trim();
            if (kinds[answer.QuestionId] == AdaptationQuestionKind.Scale)
                response.Answers.Add(new AdaptationAnswer { ResponseId = response.Id, QuestionId = answer.QuestionId, Score = answer.Score });
            else if (text is not null)
                response.Answers.Add(new AdaptationAnswer { ResponseId = response.Id, QuestionId = answer.QuestionId, Text = text });
        }
        response.MeanScore = AdaptationStatus.MeanOf(response.Answers.Select(a => a.Score));
        db.AdaptationResponses.Add(response);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Sent twice at once (a double click): the unique index lets one through.
            if (!await HasAnsweredAsync(surveyId, personId, ct)) throw;
            return SubmitOutcome.Fail(SubmitFailure.AlreadyAnswered, "Вы уже заполнили анкету этого тура: её заполняют один раз.");
        }
        return new SubmitOutcome(response, SubmitFailure.None, null, new Dictionary<string, string>());
    }

    /// <summary>Messages keyed by the question id (or "" for the form as a whole); empty when the answers can be saved.</summary>
    public static Dictionary<string, string> Validate(IReadOnlyCollection<AdaptationQuestion> questions, IReadOnlyList<AnswerInput> answers)
    {
        var errors = new Dictionary<string, string>();
        if (questions.Count == 0)
        {
            errors[""] = "В анкете этого тура ещё нет вопросов.";
            return errors;
        }
        var byId = questions.ToDictionary(q => q.Id);
        var given = new Dictionary<Guid, AnswerInput>();
        foreach (var answer in answers)
        {
            if (!byId.TryGetValue(answer.QuestionId, out var question))
            {
                errors[""] = "Среди ответов есть вопрос не из этой анкеты: обновите страницу и заполните анкету заново.";
                continue;
            }
            var key = answer.QuestionId.ToString();
            if (!given.TryAdd(answer.QuestionId, answer))
                errors[key] = $"На вопрос {question.Number} дано несколько ответов.";
            else if (question.Kind == AdaptationQuestionKind.Scale && answer.Score is { } score && score is < 1 or > 5)
                errors[key] = $"Вопрос {question.Number}: оценка — от 1 до 5.";
            else if (question.Kind == AdaptationQuestionKind.Text && answer.Score is not null)
                errors[key] = $"Вопрос {question.Number} — со свободным ответом: оценка к нему не ставится.";
            else if (answer.Text?.Trim().Length > MaxText)
                errors[key] = $"Вопрос {question.Number}: ответ — не длиннее {MaxText} символов.";
        }
        foreach (var question in questions.Where(q => q.Kind == AdaptationQuestionKind.Scale))
        {
            if (!errors.ContainsKey(question.Id.ToString()) && given.GetValueOrDefault(question.Id)?.Score is null)
                errors[question.Id.ToString()] = $"Вопрос {question.Number}: выберите оценку от 1 до 5.";
        }
        return errors;
    }

    /// <summary>The teacher's own questionnaires, the latest first.</summary>
    public async Task<List<OwnResponse>> HistoryAsync(Guid personId, CancellationToken ct)
    {
        var responses = await db.AdaptationResponses.AsNoTracking().Where(r => r.PersonId == personId).Include(r => r.Answers)
            .OrderByDescending(r => r.SubmittedAt).ToListAsync(ct);
        if (responses.Count == 0) return [];
        var surveyIds = responses.Select(r => r.SurveyId).Distinct().ToArray();
        var surveys = await db.AdaptationSurveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id)).Include(s => s.Questions).ToDictionaryAsync(s => s.Id, ct);
        return responses.Select(r =>
        {
            var survey = surveys[r.SurveyId];
            var answers = r.Answers.ToDictionary(a => a.QuestionId);
            return new OwnResponse(r.Id, r.SurveyId, survey.Title, r.SubmittedAt, r.MeanScore,
                survey.Questions.OrderBy(q => q.Number).Select(q => new OwnAnswer(q.Number, q.Text, q.Kind,
                    answers.GetValueOrDefault(q.Id)?.Score, answers.GetValueOrDefault(q.Id)?.Text)).ToList());
        }).ToList();
    }
}
