using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Web.Features.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Diagnostics;

/// <summary>The answers API the test page's script calls: autosave, the attempt's owner only, 409 once it is over.</summary>
public sealed class TestTakingApiTests(DiagnosticsFixture fixture) : IClassFixture<DiagnosticsFixture>
{
    private sealed record Started(Guid AttemptId, DateTime? Deadline);

    private sealed record Profile(DateOnly Date, string Overall, List<AreaItem> Areas);

    private sealed record AreaItem(string Code, string Name, int Score, string Level);

    private async Task<(HttpClient Client, Guid PersonId)> TeacherAsync(string lastName)
    {
        var (teacher, login) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, lastName);
        return (await fixture.Tokens.ClientAsync(login), teacher.Id);
    }

    private static async Task<Guid> StartAsync(HttpClient client, Guid diagnosticId)
    {
        var response = await client.PostAsync($"/api/diagnostics/{diagnosticId}/attempts", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<Started>())!.AttemptId;
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, Guid attemptId, Guid questionId, params int[] chosen) =>
        client.PostAsJsonAsync($"/api/diagnostics/attempts/{attemptId}/answers", new { questionId, chosen });

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    [Fact]
    public async Task EachAnswerIsSavedAsItIsGivenAndFinishingReturnsTheProfile()
    {
        var test = await fixture.AddTestAsync("Через API");
        var (client, _) = await TeacherAsync("Апишная");
        var attempt = await StartAsync(client, test.Id);
        var q = test.Questions.OrderBy(x => x.Number).ToList();

        (await AnswerAsync(client, attempt, q[0].Id, 1)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await AnswerAsync(client, attempt, q[2].Id, 1, 2)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var saved = await fixture.WithDbAsync(db => db.AttemptAnswers.Where(a => a.AttemptId == attempt).ToDictionaryAsync(a => a.QuestionId, a => a.Chosen));
        saved.Should().BeEquivalentTo(new Dictionary<Guid, string> { [q[0].Id] = "1", [q[2].Id] = "1,2" });

        var finish = await client.PostAsync($"/api/diagnostics/attempts/{attempt}/finish", null);

        finish.StatusCode.Should().Be(HttpStatusCode.OK);
        var profile = (await finish.Content.ReadFromJsonAsync<Profile>())!;
        profile.Overall.Should().Be("none");
        profile.Date.Should().Be(DiagnosticsFixture.Today);
        profile.Areas.Select(a => (a.Code, a.Score, a.Level)).Should().BeEquivalentTo(new[] { ("legal", 50, "partial"), ("digital", 100, "none") });
    }

    [Fact]
    public async Task AnswersAfterFinishingAreAConflict()
    {
        var test = await fixture.AddTestAsync("После завершения");
        var (client, _) = await TeacherAsync("Конфликтова");
        var attempt = await StartAsync(client, test.Id);
        (await client.PostAsync($"/api/diagnostics/attempts/{attempt}/finish", null)).EnsureSuccessStatusCode();

        var late = await AnswerAsync(client, attempt, test.Questions[0].Id, 1);

        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await ProblemAsync(late);
        problem.GetProperty("title").GetString().Should().Be("Конфликт");
        problem.GetProperty("detail").GetString().Should().Be(DiagnosticAttempts.AlreadyFinished);
    }

    [Fact]
    public async Task AnswerAfterTheTimeLimitIsAConflictAndTheAttemptIsFinished()
    {
        var test = await fixture.AddTestAsync("Время через API", timeLimitMinutes: 10);
        var (client, _) = await TeacherAsync("Таймаутова");
        var attempt = await StartAsync(client, test.Id);
        (await AnswerAsync(client, attempt, test.Questions[0].Id, 1)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await fixture.BackdateAttemptAsync(attempt, TimeSpan.FromMinutes(11));

        var late = await AnswerAsync(client, attempt, test.Questions[1].Id, 1);

        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(late)).GetProperty("detail").GetString().Should().Be(DiagnosticAttempts.TimeIsUp);
        var stored = await fixture.WithDbAsync(db => db.DiagnosticAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt));
        stored.ResultId.Should().NotBeNull();
        (await fixture.WithDbAsync(db => db.AttemptAnswers.CountAsync(a => a.AttemptId == attempt))).Should().Be(1);
    }

    [Fact]
    public async Task StartTellsTheDeadlineOfATimedTest()
    {
        var test = await fixture.AddTestAsync("Срок в ответе", timeLimitMinutes: 30);
        var (client, _) = await TeacherAsync("Срокова");
        var before = DateTime.UtcNow;

        var started = await (await client.PostAsync($"/api/diagnostics/{test.Id}/attempts", null)).Content.ReadFromJsonAsync<Started>();

        started!.Deadline!.Value.ToUniversalTime().Should().BeCloseTo(before.AddMinutes(30), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SomeoneElsesAttemptIsNotFound()
    {
        var test = await fixture.AddTestAsync("Чужая через API");
        var (owner, _) = await TeacherAsync("Владелица");
        var (stranger, _) = await TeacherAsync("Чужакова");
        var attempt = await StartAsync(owner, test.Id);

        (await AnswerAsync(stranger, attempt, test.Questions[0].Id, 1)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/api/diagnostics/attempts/{attempt}/finish", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var admin = await fixture.Tokens.ClientAsync(fixture.Admin);
        (await AnswerAsync(admin, attempt, test.Questions[0].Id, 1)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.WithDbAsync(db => db.AttemptAnswers.CountAsync(a => a.AttemptId == attempt))).Should().Be(0);
    }

    [Fact]
    public async Task UnknownOptionOrTwoOptionsForOneAnswerAreABadRequestInRussian()
    {
        var test = await fixture.AddTestAsync("Неверные варианты");
        var (client, _) = await TeacherAsync("Ошибкина");
        var attempt = await StartAsync(client, test.Id);
        var single = test.Questions.OrderBy(q => q.Number).First();

        var unknown = await AnswerAsync(client, attempt, single.Id, 9);
        var two = await AnswerAsync(client, attempt, single.Id, 1, 2);
        var noQuestion = await client.PostAsJsonAsync($"/api/diagnostics/attempts/{attempt}/answers", new { chosen = new[] { 1 } });

        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(unknown)).GetProperty("detail").GetString().Should().Be("В вопросе 1 нет такого варианта ответа.");
        (await ProblemAsync(two)).GetProperty("detail").GetString().Should().Be("В вопросе 1 можно выбрать только один вариант.");
        noQuestion.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AccountWithoutATeacherRecordCannotStartATest()
    {
        var test = await fixture.AddTestAsync("Без педагога");
        var admin = await fixture.Tokens.ClientAsync(fixture.Admin);

        var response = await admin.PostAsync($"/api/diagnostics/{test.Id}/attempts", null);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ProblemAsync(response)).GetProperty("detail").GetString().Should().Contain("не связана с записью реестра");
    }

    [Fact]
    public async Task AnswersNeedSignIn()
    {
        var test = await fixture.AddTestAsync("Без входа");
        var (client, _) = await TeacherAsync("Входова");
        var attempt = await StartAsync(client, test.Id);

        (await AnswerAsync(fixture.App.Anonymous(), attempt, test.Questions[0].Id, 1)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ThePagesScriptSavesWithTheSignInCookieAndNoAntiforgeryToken()
    {
        var test = await fixture.AddTestAsync("Из браузера");
        var (teacher, login) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Браузерова");
        var attempt = (await fixture.WithAsync<DiagnosticAttempts, AttemptOutcome>(s => s.StartAsync(teacher.Id, test.Id, null))).AttemptId;
        var browser = await fixture.SessionAsync(login);

        var response = await AnswerAsync(browser.Client, attempt, test.Questions[0].Id, 1);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }
}
