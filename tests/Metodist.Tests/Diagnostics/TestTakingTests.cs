using Metodist.Web.Features.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Diagnostics;

/// <summary>Taking an online test through the services the page and the API share: start, save answers, finish into a profile.</summary>
public sealed class TestTakingTests(DiagnosticsFixture fixture) : IClassFixture<DiagnosticsFixture>
{
    private Task<AttemptOutcome> Start(Guid personId, Guid diagnosticId, Guid? campaignId = null) =>
        fixture.WithAsync<DiagnosticAttempts, AttemptOutcome>(s => s.StartAsync(personId, diagnosticId, campaignId));

    private Task<AttemptOutcome> Save(Guid personId, Guid attemptId, Guid questionId, params int[] chosen) =>
        fixture.WithAsync<DiagnosticAttempts, AttemptOutcome>(s => s.SaveAnswerAsync(personId, attemptId, questionId, chosen));

    private Task<AttemptOutcome> Finish(Guid personId, Guid attemptId) =>
        fixture.WithAsync<DiagnosticAttempts, AttemptOutcome>(s => s.FinishAsync(personId, attemptId));

    private Task<DiagnosticResult> ResultAsync(Guid resultId) =>
        fixture.WithDbAsync(db => db.DiagnosticResults.AsNoTracking().Include(r => r.Areas).SingleAsync(r => r.Id == resultId));

    [Fact]
    public async Task FinishedAttemptBecomesAProfileWithTheLevelOfEachAreaAndOverall()
    {
        var test = await fixture.AddTestAsync("Профиль по областям");
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Профилева");
        var attempt = (await Start(teacher.Id, test.Id)).AttemptId;
        var q = test.Questions.OrderBy(x => x.Number).ToList();

        (await Save(teacher.Id, attempt, q[0].Id, 1)).Succeeded.Should().BeTrue();
        (await Save(teacher.Id, attempt, q[1].Id, 2)).Succeeded.Should().BeTrue();
        (await Save(teacher.Id, attempt, q[2].Id, 2, 1)).Succeeded.Should().BeTrue();
        var finished = await Finish(teacher.Id, attempt);

        finished.Succeeded.Should().BeTrue();
        var result = await ResultAsync(finished.ResultId!.Value);
        result.PersonId.Should().Be(teacher.Id);
        result.TakenOn.Should().Be(DiagnosticsFixture.Today);
        result.CampaignId.Should().BeNull();
        result.Areas.ToDictionary(a => a.AreaId, a => (a.Score, a.Level)).Should().BeEquivalentTo(new Dictionary<Guid, (int, DeficitLevel)>
        {
            [DefaultAreas.Legal] = (50, DeficitLevel.Partial),
            [DefaultAreas.Digital] = (100, DeficitLevel.None),
        });
        (result.Score, result.Level).Should().Be((75, DeficitLevel.None));
        var stored = await fixture.WithDbAsync(db => db.DiagnosticAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt));
        stored.ResultId.Should().Be(result.Id);
        stored.FinishedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task StartingAgainResumesTheOpenAttemptWithItsAnswers()
    {
        var test = await fixture.AddTestAsync("Продолжение");
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Продолжаева");
        var first = await Start(teacher.Id, test.Id);
        await Save(teacher.Id, first.AttemptId, test.Questions[0].Id, 1);

        var second = await Start(teacher.Id, test.Id);

        second.AttemptId.Should().Be(first.AttemptId);
        (await fixture.WithDbAsync(db => db.DiagnosticAttempts.CountAsync(a => a.PersonId == teacher.Id)))
            .Should().Be(1);
        (await fixture.WithDbAsync(db => db.AttemptAnswers.SingleAsync(a => a.AttemptId == first.AttemptId))).Chosen.Should().Be("1");
    }

    [Fact]
    public async Task ChangingAnAnswerKeepsOneRowWithTheLastChoice()
    {
        var test = await fixture.AddTestAsync("Перевыбор");
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Передумова");
        var attempt = (await Start(teacher.Id, test.Id)).AttemptId;
        var multiple = test.Questions.Single(q => q.MultipleChoice);

        await Save(teacher.Id, attempt, multiple.Id, 3);
        await Save(teacher.Id, attempt, multiple.Id, 2, 1, 2);

        (await fixture.WithDbAsync(db => db.AttemptAnswers.Where(a => a.AttemptId == attempt).Select(a => a.Chosen).ToListAsync())).Should().Equal("1,2");
    }

    [Fact]
    public async Task NewAttemptAfterAFinishedOneIsAFreshSitting()
    {
        var test = await fixture.AddTestAsync("Повторное прохождение");
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Повторова");
        var first = (await Start(teacher.Id, test.Id)).AttemptId;
        await Finish(teacher.Id, first);

        var second = await Start(teacher.Id, test.Id);

        second.AttemptId.Should().NotBe(first);
    }

    [Fact]
    public async Task AnswersAreRefusedOnceTheAttemptIsFinishedAndFinishingAgainGivesTheSameResult()
    {
        var test = await fixture.AddTestAsync("Завершённый");
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Завершаева");
        var attempt = (await Start(teacher.Id, test.Id)).AttemptId;
        var result = (await Finish(teacher.Id, attempt)).ResultId;

        var late = await Save(teacher.Id, attempt, test.Questions[0].Id, 1);

        late.Failure.Should().Be(AttemptFailure.Closed);
        late.Message.Should().Be(DiagnosticAttempts.AlreadyFinished);
        (await Finish(teacher.Id, attempt)).ResultId.Should().Be(result);
        (await fixture.WithDbAsync(db => db.DiagnosticResults.CountAsync(r => r.PersonId == teacher.Id))).Should().Be(1);
    }

    [Fact]
    public async Task AfterTheTimeLimitAnAnswerIsRefusedAndTheAttemptIsScoredWithWhatWasSaved()
    {
        var test = await fixture.AddTestAsync("С ограничением времени", timeLimitMinutes: 20);
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Опоздалова");
        var attempt = (await Start(teacher.Id, test.Id)).AttemptId;
        var q = test.Questions.OrderBy(x => x.Number).ToList();
        (await Save(teacher.Id, attempt, q[0].Id, 1)).Succeeded.Should().BeTrue();
        await fixture.BackdateAttemptAsync(attempt, TimeSpan.FromMinutes(21));

        var late = await Save(teacher.Id, attempt, q[2].Id, 1, 2);

        late.Failure.Should().Be(AttemptFailure.Closed);
        late.Message.Should().Be(DiagnosticAttempts.TimeIsUp);
        var stored = await fixture.WithDbAsync(db => db.DiagnosticAttempts.AsNoTracking().Include(a => a.Answers).SingleAsync(a => a.Id == attempt));
        stored.FinishedAt.Should().NotBeNull();
        stored.Answers.Should().ContainSingle().Which.QuestionId.Should().Be(q[0].Id);
        var result = await ResultAsync(stored.ResultId!.Value);
        result.Areas.Single(a => a.AreaId == DefaultAreas.Legal).Score.Should().Be(50);
        result.Areas.Single(a => a.AreaId == DefaultAreas.Digital).Level.Should().Be(DeficitLevel.Pronounced);
        (result.Score, result.Level).Should().Be((25, DeficitLevel.Pronounced));
    }

    [Fact]
    public async Task AnAnswerWithinTheLimitIsAccepted()
    {
        var test = await fixture.AddTestAsync("Успел", timeLimitMinutes: 20);
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Успевалова");
        var attempt = (await Start(teacher.Id, test.Id)).AttemptId;
        await fixture.BackdateAttemptAsync(attempt, TimeSpan.FromMinutes(19));

        (await Save(teacher.Id, attempt, test.Questions[0].Id, 1)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task StartingAgainAfterTheTimeRanOutFinishesTheOldAttemptAndOpensANewOne()
    {
        var test = await fixture.AddTestAsync("Время вышло, заново", timeLimitMinutes: 5);
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Заново");
        var first = (await Start(teacher.Id, test.Id)).AttemptId;
        await fixture.BackdateAttemptAsync(first, TimeSpan.FromMinutes(10));

        var second = (await Start(teacher.Id, test.Id)).AttemptId;

        second.Should().NotBe(first);
        (await fixture.WithDbAsync(db => db.DiagnosticAttempts.AsNoTracking().SingleAsync(a => a.Id == first))).ResultId.Should().NotBeNull();
    }

    [Fact]
    public async Task OnlyAPublishedOnlineTestCanBeStarted()
    {
        var draft = await fixture.AddTestAsync("Черновик", published: false);
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Черновикова");

        (await Start(teacher.Id, draft.Id)).Failure.Should().Be(AttemptFailure.NotFound);
        (await Start(teacher.Id, DefaultAreas.ExternalDiagnostic)).Failure.Should().Be(AttemptFailure.NotFound);
    }

    [Fact]
    public async Task AnswersMustNameAQuestionOfTheTestAndItsOptions()
    {
        var test = await fixture.AddTestAsync("Чужие вопросы");
        var other = await fixture.AddTestAsync("Другой тест");
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Путалова");
        var attempt = (await Start(teacher.Id, test.Id)).AttemptId;
        var single = test.Questions.First(q => !q.MultipleChoice);

        (await Save(teacher.Id, attempt, other.Questions[0].Id, 1)).Failure.Should().Be(AttemptFailure.Invalid);
        (await Save(teacher.Id, attempt, single.Id, 7)).Message.Should().Be($"В вопросе {single.Number} нет такого варианта ответа.");
        (await Save(teacher.Id, attempt, single.Id, 1, 2)).Message.Should().Be($"В вопросе {single.Number} можно выбрать только один вариант.");
    }

    [Fact]
    public async Task SomeoneElsesAttemptIsNotFound()
    {
        var test = await fixture.AddTestAsync("Чужая попытка");
        var (owner, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Хозяйкина");
        var (stranger, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Посторонняя");
        var attempt = (await Start(owner.Id, test.Id)).AttemptId;

        (await Save(stranger.Id, attempt, test.Questions[0].Id, 1)).Failure.Should().Be(AttemptFailure.NotFound);
        (await Finish(stranger.Id, attempt)).Failure.Should().Be(AttemptFailure.NotFound);
    }

    [Fact]
    public async Task AttemptStartedFromACampaignGivesAResultOfThatCampaign()
    {
        var test = await fixture.AddTestAsync("По кампании");
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Кампаниева");
        var campaign = await fixture.AddCampaignAsync(test, DiagnosticsFixture.Today.AddDays(-1), DiagnosticsFixture.Today.AddDays(10), organizationId: fixture.Data.NorthSchool.Id);

        var attempt = await Start(teacher.Id, test.Id, campaign.Id);
        var result = await ResultAsync((await Finish(teacher.Id, attempt.AttemptId)).ResultId!.Value);

        result.CampaignId.Should().Be(campaign.Id);
    }

    [Fact]
    public async Task CampaignThatDoesNotIncludeTheTeacherOrHasEndedCannotBeTakenFrom()
    {
        var test = await fixture.AddTestAsync("Не моя кампания");
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Невключённая");
        var south = await fixture.AddCampaignAsync(test, DiagnosticsFixture.Today, DiagnosticsFixture.Today.AddDays(10), organizationId: fixture.Data.SouthSchool.Id);
        var ended = await fixture.AddCampaignAsync(test, DiagnosticsFixture.Today.AddDays(-30), DiagnosticsFixture.Today.AddDays(-1));

        (await Start(teacher.Id, test.Id, south.Id)).Message.Should().Contain("не включает вас");
        (await Start(teacher.Id, test.Id, ended.Id)).Message.Should().Contain("сейчас пройти тест в её рамках нельзя");
    }
}
