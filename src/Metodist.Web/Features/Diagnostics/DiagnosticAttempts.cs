using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics;

public enum AttemptFailure
{
    /// <summary>No such test, attempt or campaign for this person.</summary>
    NotFound,

    /// <summary>The attempt is finished or its time is up: nothing more is accepted.</summary>
    Closed,

    /// <summary>The request itself is wrong (an unknown question or option, a campaign that does not include the person).</summary>
    Invalid,
}

/// <summary>What a step of taking a test came to: the attempt (and its result, once finished), or why not, in words for the teacher.</summary>
public sealed record AttemptOutcome(Guid AttemptId, Guid? ResultId = null, AttemptFailure? Failure = null, string? Message = null)
{
    public bool Succeeded => Failure is null;

    public static AttemptOutcome Fail(AttemptFailure failure, string message) => new(Guid.Empty, null, failure, message);
}

/// <summary>
/// Taking an online test: start (or resume) an attempt, save answers one at a time, finish it into a deficit profile.
/// The test page and the answers API both go through here, so the rules are the same for both.
/// </summary>
public sealed class DiagnosticAttempts(AppDbContext db, Campaigns campaigns, TimeProvider clock)
{
    public const string TimeIsUp = "Время на тест истекло: тест завершён с ответами, сохранёнными до окончания времени.";
    public const string AlreadyFinished = "Тест уже завершён: ответы больше не принимаются.";

    /// <summary>
    /// An answer sent in the last seconds (the countdown reached zero while the request was on its way) still counts.
    /// </summary>
    public static readonly TimeSpan LateAnswerGrace = TimeSpan.FromSeconds(10);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>When the time of an attempt runs out (UTC), or null for a test without a time limit.</summary>
    public static DateTime? DeadlineOf(DateTime startedAt, int? timeLimitMinutes) =>
        timeLimitMinutes is { } minutes ? DateTime.SpecifyKind(startedAt, DateTimeKind.Utc).AddMinutes(minutes) : null;

    public bool IsTimedOut(DateTime startedAt, int? timeLimitMinutes) =>
        DeadlineOf(startedAt, timeLimitMinutes) is { } deadline && Now > deadline + LateAnswerGrace;

    public async Task<DateTime?> DeadlineAsync(Guid attemptId, CancellationToken ct = default)
    {
        var attempt = await db.DiagnosticAttempts.AsNoTracking().Where(a => a.Id == attemptId)
            .Select(a => new { a.StartedAt, a.Diagnostic!.TimeLimitMinutes }).FirstOrDefaultAsync(ct);
        return attempt is null ? null : DeadlineOf(attempt.StartedAt, attempt.TimeLimitMinutes);
    }

    /// <summary>
    /// Starts an attempt of a published online test, or resumes the one the person has open (one at a time per test). An open
    /// attempt whose time is up is finished first. With a campaign, the campaign must be running and include the person.
    /// </summary>
    public async Task<AttemptOutcome> StartAsync(Guid personId, Guid diagnosticId, Guid? campaignId, CancellationToken ct = default)
    {
        var diagnostic = await db.Diagnostics.AsNoTracking()
            .Where(d => d.Id == diagnosticId && d.IsPublished && d.Kind == DiagnosticKind.OnlineTest && d.Questions.Any())
            .Select(d => new { d.Id, d.TimeLimitMinutes }).FirstOrDefaultAsync(ct);
        if (diagnostic is null) return AttemptOutcome.Fail(AttemptFailure.NotFound, "Тест не найден или ещё не опубликован.");
        if (campaignId is { } id)
        {
            var campaign = await db.DiagnosticCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.DiagnosticId == diagnosticId, ct);
            if (campaign is null) return AttemptOutcome.Fail(AttemptFailure.NotFound, "Кампания по этой диагностике не найдена.");
            var today = Today;
            if (today < campaign.StartsOn || today > campaign.Deadline)
                return AttemptOutcome.Fail(AttemptFailure.Invalid,
                    $"Кампания «{campaign.Title}» проходит с {campaign.StartsOn:dd.MM.yyyy} по {campaign.Deadline:dd.MM.yyyy}: сейчас пройти тест в её рамках нельзя.");
            if (!await campaigns.IncludesAsync(campaign, personId, ct))
                return AttemptOutcome.Fail(AttemptFailure.Invalid, $"Кампания «{campaign.Title}» не включает вас: тест можно пройти вне кампании.");
        }

        var open = await db.DiagnosticAttempts
            .Where(a => a.PersonId == personId && a.DiagnosticId == diagnosticId && a.FinishedAt == null)
            .OrderByDescending(a => a.StartedAt).FirstOrDefaultAsync(ct);
        if (open is not null && IsTimedOut(open.StartedAt, diagnostic.TimeLimitMinutes))
        {
            await CloseAsync(open.Id, ct);
            open = null;
        }
        if (open is not null)
        {
            if (open.CampaignId is null && campaignId is not null)
            {
                open.CampaignId = campaignId;
                await db.SaveChangesAsync(ct);
            }
            return new AttemptOutcome(open.Id);
        }

        var attempt = new DiagnosticAttempt { DiagnosticId = diagnosticId, PersonId = personId, CampaignId = campaignId, StartedAt = Now };
        db.DiagnosticAttempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        return new AttemptOutcome(attempt.Id);
    }

    /// <summary>
    /// Saves the options chosen for one question (an empty choice clears the answer). Refused once the attempt is finished;
    /// after the time limit the answer is refused and the attempt is finished with what was saved before.
    /// </summary>
    public async Task<AttemptOutcome> SaveAnswerAsync(Guid personId, Guid attemptId, Guid questionId, IReadOnlyCollection<int> chosen, CancellationToken ct = default)
    {
        var attempt = await db.DiagnosticAttempts.AsNoTracking()
            .Where(a => a.Id == attemptId && a.PersonId == personId)
            .Select(a => new { a.Id, a.DiagnosticId, a.StartedAt, a.FinishedAt, a.Diagnostic!.TimeLimitMinutes }).FirstOrDefaultAsync(ct);
        if (attempt is null) return AttemptOutcome.Fail(AttemptFailure.NotFound, "Попытка прохождения теста не найдена.");
        if (attempt.FinishedAt is not null) return AttemptOutcome.Fail(AttemptFailure.Closed, AlreadyFinished);
        if (IsTimedOut(attempt.StartedAt, attempt.TimeLimitMinutes))
        {
            await CloseAsync(attempt.Id, ct);
            return AttemptOutcome.Fail(AttemptFailure.Closed, TimeIsUp);
        }

        var question = await db.DiagnosticQuestions.AsNoTracking()
            .Where(q => q.Id == questionId && q.DiagnosticId == attempt.DiagnosticId)
            .Select(q => new { q.Number, q.MultipleChoice, Options = q.Options.Select(o => o.Number).ToList() }).FirstOrDefaultAsync(ct);
        if (question is null) return AttemptOutcome.Fail(AttemptFailure.Invalid, "В этом тесте нет такого вопроса.");
        if (chosen.Any(n => !question.Options.Contains(n)))
            return AttemptOutcome.Fail(AttemptFailure.Invalid, $"В вопросе {question.Number} нет такого варианта ответа.");
        if (!question.MultipleChoice && chosen.Count > 1)
            return AttemptOutcome.Fail(AttemptFailure.Invalid, $"В вопросе {question.Number} можно выбрать только один вариант.");

        var text = Scoring.FormatChosen(chosen);
        var now = Now;
        var answer = await db.AttemptAnswers.FirstOrDefaultAsync(a => a.AttemptId == attemptId && a.QuestionId == questionId, ct);
        if (answer is not null)
        {
            answer.Chosen = text;
            answer.AnsweredAt = now;
            await db.SaveChangesAsync(ct);
            return new AttemptOutcome(attemptId);
        }
        db.AttemptAnswers.Add(new AttemptAnswer { AttemptId = attemptId, QuestionId = questionId, Chosen = text, AnsweredAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same question crossed (quick clicks): the other inserted the row first, so this one updates it.
            db.ChangeTracker.Clear();
            await db.AttemptAnswers.Where(a => a.AttemptId == attemptId && a.QuestionId == questionId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Chosen, text).SetProperty(a => a.AnsweredAt, now), ct);
        }
        return new AttemptOutcome(attemptId);
    }

    /// <summary>Finishes the attempt and scores it into a result; finishing a finished attempt answers with its result.</summary>
    public async Task<AttemptOutcome> FinishAsync(Guid personId, Guid attemptId, CancellationToken ct = default)
    {
        var attempt = await db.DiagnosticAttempts.AsNoTracking().Where(a => a.Id == attemptId && a.PersonId == personId)
            .Select(a => new { a.Id, a.ResultId }).FirstOrDefaultAsync(ct);
        if (attempt is null) return AttemptOutcome.Fail(AttemptFailure.NotFound, "Попытка прохождения теста не найдена.");
        return new AttemptOutcome(attemptId, attempt.ResultId ?? await CloseAsync(attemptId, ct));
    }

    /// <summary>
    /// Marks the attempt finished and writes its result in one transaction. The conditional update lets only one of two
    /// concurrent finishes (a click and a timed-out autosave) score the attempt; the other reads the result it made.
    /// </summary>
    private async Task<Guid?> CloseAsync(Guid attemptId, CancellationToken ct)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.DiagnosticAttempts.Where(a => a.Id == attemptId && a.FinishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FinishedAt, now), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            return await db.DiagnosticAttempts.Where(a => a.Id == attemptId).Select(a => a.ResultId).FirstOrDefaultAsync(ct);
        }

        var attempt = await db.DiagnosticAttempts.AsNoTracking().FirstAsync(a => a.Id == attemptId, ct);
        var diagnostic = await db.Diagnostics.AsNoTracking().Include(d => d.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().FirstAsync(d => d.Id == attempt.DiagnosticId, ct);
        var answers = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId)
            .ToDictionaryAsync(a => a.QuestionId, a => Scoring.ParseChosen(a.Chosen), ct);
        var result = new DiagnosticResult
        {
            PersonId = attempt.PersonId,
            DiagnosticId = attempt.DiagnosticId,
            CampaignId = attempt.CampaignId,
            TakenOn = Today,
        };
        Scoring.Apply(result, diagnostic, Scoring.AreaScores(diagnostic.Questions, answers));
        db.DiagnosticResults.Add(result);
        await db.SaveChangesAsync(ct);
        await db.DiagnosticAttempts.Where(a => a.Id == attemptId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ResultId, result.Id), ct);
        await transaction.CommitAsync(ct);
        return result.Id;
    }
}
