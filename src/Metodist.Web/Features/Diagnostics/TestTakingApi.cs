using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metodist.Web.Features.Diagnostics;

public sealed record AttemptStarted(Guid AttemptId, DateTime? Deadline);

public sealed record AnswerRequest(Guid QuestionId, int[]? Chosen);

/// <summary>
/// Taking an online test over HTTP: the test page's script saves each answer here as it is given. The endpoints take JSON
/// only, which a page of another site cannot send with the user's cookie without a CORS preflight that we never allow, so
/// they need no antiforgery token.
/// </summary>
public static class TestTakingApi
{
    private const string NoPerson = "Проходить тесты могут педагоги: ваша учётная запись не связана с записью реестра.";

    public static void MapTestTakingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/diagnostics").WithTags("Диагностика");
        group.MapPost("/{diagnosticId:guid}/attempts", StartAsync)
            .WithSummary("Начинает прохождение опубликованного теста (или возвращает уже начатое); campaignId — кампания, в рамках которой проходится тест");
        group.MapPost("/attempts/{id:guid}/answers", SaveAnswerAsync)
            .WithSummary("Сохраняет ответ на один вопрос: {\"questionId\", \"chosen\": [номера вариантов]}; 409 — тест завершён или время вышло");
        group.MapPost("/attempts/{id:guid}/finish", FinishAsync)
            .WithSummary("Завершает прохождение и возвращает профиль дефицитов: уровень по каждой компетенции (none, partial, pronounced) и общий");
    }

    private static async Task<Results<Ok<AttemptStarted>, ProblemHttpResult>> StartAsync(Guid diagnosticId, Guid? campaignId,
        DiagnosticAttempts attempts, CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.PersonId is not { } personId) return Problems.Forbidden(NoPerson);
        var outcome = await attempts.StartAsync(personId, diagnosticId, campaignId, ct);
        if (!outcome.Succeeded) return ProblemOf(outcome);
        return TypedResults.Ok(new AttemptStarted(outcome.AttemptId, await attempts.DeadlineAsync(outcome.AttemptId, ct)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SaveAnswerAsync(Guid id, AnswerRequest request, DiagnosticAttempts attempts,
        CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.PersonId is not { } personId) return Problems.NotFound("Попытка прохождения теста не найдена.");
        if (request.QuestionId == Guid.Empty) return Problems.BadRequest("Укажите вопрос: поле questionId.");
        var outcome = await attempts.SaveAnswerAsync(personId, id, request.QuestionId, request.Chosen ?? [], ct);
        return outcome.Succeeded ? TypedResults.NoContent() : ProblemOf(outcome);
    }

    private static async Task<Results<Ok<TeacherDeficits>, ProblemHttpResult>> FinishAsync(Guid id, DiagnosticAttempts attempts, ResultAccess results,
        CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.PersonId is not { } personId) return Problems.NotFound("Попытка прохождения теста не найдена.");
        var outcome = await attempts.FinishAsync(personId, id, ct);
        if (!outcome.Succeeded) return ProblemOf(outcome);
        var profile = (await results.HistoryAsync(personId, ct))?.FirstOrDefault(r => r.ResultId == outcome.ResultId);
        if (profile is null) return Problems.NotFound("Результат теста не найден.");
        return TypedResults.Ok(new TeacherDeficits(profile.TakenOn, profile.Level.Code(),
            profile.Areas.Select(a => new DeficitAreaItem(a.Code, a.Name, a.Score, a.Level.Code())).ToList()));
    }

    private static ProblemHttpResult ProblemOf(AttemptOutcome outcome) => outcome.Failure switch
    {
        AttemptFailure.NotFound => Problems.NotFound(outcome.Message!),
        AttemptFailure.Closed => Problems.Conflict(outcome.Message!),
        _ => Problems.BadRequest(outcome.Message!),
    };
}
