using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metodist.Web.Features.Mentoring.Adaptation;

public sealed record SurveyQuestionView(Guid Id, int Number, string Text, string Kind);

public sealed record SurveyView(
    Guid Id, string Title, string AcademicYear, string Round, DateOnly OpensOn, DateOnly ClosesOn, string State, int Responses,
    bool QuestionsLocked, bool AnsweredByMe, IReadOnlyList<SurveyQuestionView> Questions);

public sealed record SurveyPage(IReadOnlyList<SurveyView> Items, int Total, int Page, int PageSize);

public sealed record QuestionResultView(Guid QuestionId, int Number, string Text, int Answers, decimal? Mean);

public sealed record GroupResultView(
    Guid? MunicipalityId, string Name, int YoungTeachers, int Responded, decimal? ResponseShare, bool Hidden, decimal? MeanScore,
    int? Adapted, int? Adapting, int? Difficulties, IReadOnlyList<QuestionResultView> Questions);

public sealed record SurveyResultsView(
    Guid SurveyId, string Title, string AcademicYear, string Round, string State, int MinGroup,
    IReadOnlyList<GroupResultView> Municipalities, GroupResultView Total);

public sealed record AnswerItem(Guid QuestionId, int? Score, string? Text);

public sealed record ResponseRequest(IReadOnlyList<AnswerItem>? Answers);

public sealed record AnswerView(Guid QuestionId, int? Score, string? Text);

public sealed record ResponseView(Guid Id, Guid SurveyId, DateTime SubmittedAt, decimal? MeanScore, string State, string StateName, IReadOnlyList<AnswerView> Answers);

/// <summary>The adaptation questionnaire over HTTP: the rounds, the results per municipality for methodists, and answering for young teachers.</summary>
public static class AdaptationApi
{
    public static void MapAdaptationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/adaptation").WithTags("Адаптация молодых педагогов");
        group.MapGet("/surveys", ListAsync).WithSummary("Туры анкетирования (последний первым) с вопросами; state — planned, open или closed");
        group.MapGet("/surveys/{id:guid}/results", ResultsAsync)
            .WithSummary("Итоги тура по муниципалитетам области видимости (municipalityId — один муниципалитет); при ответивших меньше 5 средние не показываются");
        group.MapPost("/surveys/{id:guid}/responses", RespondAsync)
            .WithSummary("Ответы молодого педагога на идущий тур: {\"answers\": [{\"questionId\", \"score\" (1–5), \"text\"}]}; 409 — уже заполнена или тур не идёт, 403 — не молодой педагог");
    }

    private static async Task<Ok<SurveyPage>> ListAsync(AdaptationSurveys surveys, AdaptationTaking taking, CurrentUser user, int? page, int? pageSize, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(1, page ?? 1);
        var all = await surveys.AllAsync(ct);
        var counts = await surveys.ResponseCountsAsync(ct);
        var mine = scope.PersonId is { } me ? await taking.AnsweredSurveysAsync(me, ct) : [];
        var items = all.Skip((number - 1) * size).Take(size).Select(survey =>
        {
            var responses = counts.GetValueOrDefault(survey.Id);
            return new SurveyView(survey.Id, survey.Title, survey.AcademicYear, survey.Round.Code(), survey.OpensOn, survey.ClosesOn,
                survey.StateOn(surveys.Today).Code(), responses, responses > 0, mine.Contains(survey.Id),
                survey.Questions.OrderBy(q => q.Number).Select(q => new SurveyQuestionView(q.Id, q.Number, q.Text, q.Kind.Code())).ToList());
        }).ToList();
        return TypedResults.Ok(new SurveyPage(items, all.Count, number, size));
    }

    private static async Task<Results<Ok<SurveyResultsView>, ProblemHttpResult>> ResultsAsync(Guid id, Guid? municipalityId, AdaptationSurveys surveys,
        AdaptationResults results, CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (!scope.IsMethodist)
            return Problems.Forbidden("Итоги анкетирования видят методисты организаций и муниципалитетов и администратор региона.");
        var survey = await surveys.FindAsync(id, ct);
        if (survey is null) return Problems.NotFound("Тур анкетирования не найден.");
        var report = await results.BuildAsync(survey, scope, municipalityId, ct);
        if (report is null) return Problems.NotFound("Муниципалитет не найден или вне вашей области видимости.");
        return TypedResults.Ok(new SurveyResultsView(survey.Id, survey.Title, survey.AcademicYear, survey.Round.Code(), report.State.Code(), AdaptationResults.MinGroup,
            report.Municipalities.Select(ToView).ToList(), ToView(report.Total)));
    }

    private static GroupResultView ToView(AdaptationGroup g) => new(
        g.MunicipalityId, g.Name, g.YoungTeachers, g.Responded, g.ResponseShare, g.Hidden, g.MeanScore, g.Adapted, g.Adapting, g.Difficulties,
        g.Questions.Select(q => new QuestionResultView(q.QuestionId, q.Number, q.Text, q.Answers, q.Mean)).ToList());

    private static async Task<Results<Created<ResponseView>, ProblemHttpResult, ValidationProblem>> RespondAsync(Guid id, ResponseRequest? request,
        AdaptationTaking taking, CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.PersonId is not { } personId)
            return Problems.Forbidden("Анкету заполняют педагоги: ваша учётная запись не связана с записью реестра.");
        var answers = (request?.Answers ?? []).Select(a => new AnswerInput(a.QuestionId, a.Score, a.Text)).ToList();
        var outcome = await taking.SubmitAsync(id, personId, answers, ct);
        return outcome.Failure switch
        {
            SubmitFailure.None => TypedResults.Created($"/api/adaptation/surveys/{id}/responses/{outcome.Response!.Id}", ToView(outcome.Response)),
            SubmitFailure.NotFound => Problems.NotFound(outcome.Message!),
            SubmitFailure.NotEligible => Problems.Forbidden(outcome.Message!),
            SubmitFailure.Invalid => Problems.Invalid(outcome.Errors.ToDictionary(e => e.Key.Length == 0 ? "answers" : e.Key, e => new[] { e.Value })),
            _ => Problems.Conflict(outcome.Message!),
        };
    }

    private static ResponseView ToView(AdaptationResponse r)
    {
        var state = AdaptationStatus.Of(r.MeanScore);
        return new ResponseView(r.Id, r.SurveyId, r.SubmittedAt, r.MeanScore, state.Code(), state.Title(),
            r.Answers.Select(a => new AnswerView(a.QuestionId, a.Score, a.Text)).ToList());
    }
}
