using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Mentoring.Adaptation;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Adaptation;

/// <summary>
/// The adaptation API: a young teacher (or a mentee) answers the open round once, others are refused, closed rounds take no
/// answers, and the results per municipality stay inside the methodist's scope with small groups hidden.
/// </summary>
public sealed class AdaptationApiTests(RoleAccountsFixture f) : IClassFixture<RoleAccountsFixture>
{
    [Fact]
    public async Task YoungTeacherAnswersTheOpenRoundOnceAndASecondAnswerIsAConflict()
    {
        var survey = await f.App.OpenRoundAsync();
        var (teacher, login) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, "Молодцова");
        using var client = await f.ClientAsync(login);

        var created = await client.PostAsJsonAsync($"/api/adaptation/surveys/{survey.Id}/responses", AdaptationTestData.Answers(survey, 4, "Помощь с отчётами"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("meanScore").GetDecimal().Should().Be(4m);
        body.GetProperty("state").GetString().Should().Be("adapted");
        body.GetProperty("answers").GetArrayLength().Should().Be(9);

        var again = await client.PostAsJsonAsync($"/api/adaptation/surveys/{survey.Id}/responses", AdaptationTestData.Answers(survey, 2));
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).Should().Contain("уже заполнили");

        var saved = await f.App.ReadAsync(db => db.AdaptationResponses.Include(r => r.Answers).SingleAsync(r => r.PersonId == teacher.Id));
        (saved.MunicipalityId, saved.OrganizationId).Should().Be((f.Data.North.Id, f.Data.NorthSchool.Id));
        saved.Answers.Should().ContainSingle(a => a.Text == "Помощь с отчётами");
        (await f.App.ReadAsync(db => AdaptationStatus.ForAsync(db, [teacher.Id], default)))[teacher.Id].Should().Be(AdaptationState.Adapted);
    }

    [Fact]
    public async Task TeacherWhoIsNotYoungIsForbiddenToAnswer()
    {
        var survey = await f.App.OpenRoundAsync();
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Опытнова");
        using var client = await f.ClientAsync(login);

        var response = await client.PostAsJsonAsync($"/api/adaptation/surveys/{survey.Id}/responses", AdaptationTestData.Answers(survey, 5));
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("молодых педагогов");
        using var methodist = await f.ClientAsync(f.NorthMethodist);
        (await methodist.PostAsJsonAsync($"/api/adaptation/surveys/{survey.Id}/responses", AdaptationTestData.Answers(survey, 5)))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MenteeOfARunningPairAnswersThoughNoLongerYoung()
    {
        var survey = await f.App.OpenRoundAsync();
        var (mentee, login) = await f.AddTeacherAsync(f.Data.SouthSchool, "Наставляемова");
        var (mentor, _) = await f.AddTeacherAsync(f.Data.SouthSchool, "Опекунова");
        await f.App.AddPairAsync(mentor, mentee, f.Data.SouthSchool);
        using var client = await f.ClientAsync(login);

        var response = await client.PostAsJsonAsync($"/api/adaptation/surveys/{survey.Id}/responses", AdaptationTestData.Answers(survey, 2));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stateName").GetString().Should().Be("испытывает трудности");
    }

    [Fact]
    public async Task ClosedAndComingRoundsTakeNoAnswers()
    {
        var closed = await f.App.AddSurveyAsync(2001, AdaptationRound.Spring, AdaptationTestData.Today.AddDays(-60), AdaptationTestData.Today.AddDays(-30));
        var coming = await f.App.AddSurveyAsync(2099, AdaptationRound.Spring, AdaptationTestData.Today.AddDays(30), AdaptationTestData.Today.AddDays(60));
        var (_, login) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, "Опоздалова");
        using var client = await f.ClientAsync(login);

        var late = await client.PostAsJsonAsync($"/api/adaptation/surveys/{closed.Id}/responses", AdaptationTestData.Answers(closed, 4));
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).Should().Contain("завершилось");
        var early = await client.PostAsJsonAsync($"/api/adaptation/surveys/{coming.Id}/responses", AdaptationTestData.Answers(coming, 4));
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).Should().Contain("начнётся");
        (await client.PostAsJsonAsync($"/api/adaptation/surveys/{Guid.NewGuid()}/responses", AdaptationTestData.Answers(closed, 4)))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnswersWithoutEveryMarkAreRefusedNamingTheQuestionAndNothingIsSaved()
    {
        var survey = await f.App.OpenRoundAsync();
        var (teacher, login) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, "Торопыгина");
        using var client = await f.ClientAsync(login);
        var first = survey.Questions.OrderBy(q => q.Number).First();

        var response = await client.PostAsJsonAsync($"/api/adaptation/surveys/{survey.Id}/responses",
            new { answers = new[] { new { questionId = first.Id, score = 9 } } });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(first.Id.ToString()).EnumerateArray().Single().GetString().Should().Contain("от 1 до 5");
        problem.GetProperty("errors").EnumerateObject().Should().HaveCount(8, "each of the eight scale questions is named");
        (await f.App.ReadAsync(db => db.AdaptationResponses.AnyAsync(r => r.PersonId == teacher.Id))).Should().BeFalse();
    }

    [Fact]
    public async Task SurveyListShowsTheQuestionsTheStateAndWhetherIHaveAnswered()
    {
        var survey = await f.App.OpenRoundAsync();
        var (teacher, login) = await f.AddYoungTeacherAsync(f.Data.SouthSchool, "Списочная");
        await f.App.AddResponseAsync(survey, teacher, f.Data.SouthSchool, 3);
        using var client = await f.ClientAsync(login);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/adaptation/surveys");
        var item = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == survey.Id);
        item.GetProperty("state").GetString().Should().Be("open");
        item.GetProperty("round").GetString().Should().Be("autumn");
        item.GetProperty("answeredByMe").GetBoolean().Should().BeTrue();
        item.GetProperty("questionsLocked").GetBoolean().Should().BeTrue();
        item.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("kind").GetString()).Should().Contain(["scale", "text"]);
        page.GetProperty("total").GetInt32().Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task ResultsPerMunicipalityStayInTheScopeAndHideGroupsUnderFive()
    {
        var survey = await f.App.AddSurveyAsync(2010, AdaptationRound.Autumn, AdaptationTestData.Today.AddDays(-100), AdaptationTestData.Today.AddDays(-70));
        int[] northMarks = [5, 4, 4, 3, 2];
        for (var i = 0; i < northMarks.Length; i++)
        {
            var (teacher, _) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, $"Северная{i}");
            await f.App.AddResponseAsync(survey, teacher, f.Data.NorthSchool, northMarks[i]);
        }
        for (var i = 0; i < 2; i++)
        {
            var (teacher, _) = await f.AddYoungTeacherAsync(f.Data.SouthSchool, $"Южная{i}");
            await f.App.AddResponseAsync(survey, teacher, f.Data.SouthSchool, 4);
        }

        using var north = await f.ClientAsync(f.NorthMethodist);
        var results = await north.GetFromJsonAsync<JsonElement>($"/api/adaptation/surveys/{survey.Id}/results");
        var rows = results.GetProperty("municipalities").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("name").GetString()).Should().Equal("Северск");
        var row = rows[0];
        row.GetProperty("responded").GetInt32().Should().Be(5);
        row.GetProperty("youngTeachers").GetInt32().Should().BeGreaterThanOrEqualTo(5);
        row.GetProperty("hidden").GetBoolean().Should().BeFalse();
        row.GetProperty("meanScore").GetDecimal().Should().Be(3.6m);
        (row.GetProperty("adapted").GetInt32(), row.GetProperty("adapting").GetInt32(), row.GetProperty("difficulties").GetInt32()).Should().Be((3, 1, 1));
        row.GetProperty("questions").EnumerateArray().Should().HaveCount(8).And.AllSatisfy(q => q.GetProperty("mean").GetDecimal().Should().Be(3.6m));
        (await north.GetAsync($"/api/adaptation/surveys/{survey.Id}/results?municipalityId={f.Data.South.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var admin = await f.ClientAsync(f.Admin);
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/adaptation/surveys/{survey.Id}/results?municipalityId={f.Data.South.Id}");
        var south = all.GetProperty("municipalities").EnumerateArray().Single();
        south.GetProperty("responded").GetInt32().Should().Be(2);
        south.GetProperty("hidden").GetBoolean().Should().BeTrue();
        south.GetProperty("meanScore").ValueKind.Should().Be(JsonValueKind.Null);
        all.GetProperty("minGroup").GetInt32().Should().Be(5);

        using var school = await f.ClientAsync(f.SouthSchoolMethodist);
        var own = await school.GetFromJsonAsync<JsonElement>($"/api/adaptation/surveys/{survey.Id}/results");
        own.GetProperty("municipalities").EnumerateArray().Select(r => r.GetProperty("name").GetString()).Should().Equal("Южноград");

        using var mentor = await f.ClientAsync(f.Mentor);
        (await mentor.GetAsync($"/api/adaptation/surveys/{survey.Id}/results")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
