using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Routes;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Mentoring;

/// <summary>
/// Pairs over the API: creation with its validation by the right and the wrong roles, the list by municipality, meetings and
/// closing; and the pair showing in section 3 of the mentee's route by itself.
/// </summary>
public sealed class MentoringApiTests(RoleAccountsFixture f) : IClassFixture<RoleAccountsFixture>
{
    private static DateOnly Today => MentoringTestData.Today;

    private Task<Guid> MentorAccountPersonAsync() =>
        f.App.ReadAsync(db => db.Users.Where(u => u.UserName == f.Mentor).Select(u => u.PersonId!.Value).SingleAsync());

    [Fact]
    public async Task MethodistCreatesAPairAndGetsItBackWithItsTerms()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Созданова");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Опытнова");
        using var client = await f.ClientAsync(f.NorthMethodist);

        var response = await client.PostAsJsonAsync("/api/mentoring/pairs", new
        {
            mentorId = mentor.Id, menteeIds = new[] { young.Id }, form = "experienced-young", startDate = Today.AddDays(-3),
            endDate = Today.AddMonths(6), orderNumber = "№ 112-од", orderDate = Today.AddDays(-5), goals = "Адаптация в профессии",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var pair = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.Location!.ToString().Should().Be($"/api/mentoring/pairs/{pair.Id()}");
        pair.GetProperty("mentorId").GetGuid().Should().Be(mentor.Id);
        pair.GetProperty("menteeIds").EnumerateArray().Select(x => x.GetGuid()).Should().Equal(young.Id);
        pair.GetProperty("form").GetString().Should().Be("experiencedYoung");
        pair.GetProperty("status").GetString().Should().Be("active");
        pair.GetProperty("startDate").GetString().Should().Be(Today.AddDays(-3).ToString("yyyy-MM-dd"));
        pair.GetProperty("orderNumber").GetString().Should().Be("112-од");
        pair.GetProperty("level").GetString().Should().Be("organization");
        pair.GetProperty("warnings").GetArrayLength().Should().Be(0);

        var again = await client.GetFromJsonAsync<JsonElement>($"/api/mentoring/pairs/{pair.Id()}");
        again.GetProperty("mentorName").GetString().Should().Be(mentor.FullName);
        again.GetProperty("mentees")[0].GetProperty("name").GetString().Should().Be(young.FullName);
    }

    [Theory]
    [InlineData(null, "experiencedYoung")]
    [InlineData("CompetentLearning", "competentLearning")]
    [InlineData("лидер — пассивный педагог", "leaderPassive")]
    [InlineData("manager_teacher", "managerTeacher")]
    public async Task TheFormIsReadLenientlyAndDefaultsToExperiencedYoung(string? form, string code)
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Формова");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Формовед");
        using var client = await f.ClientAsync(f.NorthSchoolMethodist);

        var response = await client.PostAsJsonAsync("/api/mentoring/pairs", new { mentorId = mentor.Id, menteeIds = new[] { young.Id }, form, startDate = Today });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("form").GetString().Should().Be(code);
    }

    [Fact]
    public async Task InvalidPairsAreRefusedWithRussianMessages()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Ошибкина");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Проверкина");
        using var client = await f.ClientAsync(f.NorthMethodist);

        async Task<string> RefusedAsync(object body)
        {
            var response = await client.PostAsJsonAsync("/api/mentoring/pairs", body);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        }

        (await RefusedAsync(new { mentorId = mentor.Id, menteeIds = new[] { young.Id }, form = "teacher-teacher", startDate = Today }))
            .Should().Contain("«teacher-teacher»").And.Contain("experiencedYoung").And.Contain("competentLearning").And.Contain("leaderPassive").And.Contain("managerTeacher");
        (await RefusedAsync(new { mentorId = mentor.Id, menteeIds = new[] { young.Id, mentor.Id }, startDate = Today }))
            .Should().Be("Наставник не может быть наставляемым в своей же паре.");
        (await RefusedAsync(new { mentorId = mentor.Id, menteeIds = new[] { young.Id } })).Should().Be("Укажите дату начала наставничества.");
        (await RefusedAsync(new { mentorId = mentor.Id, menteeIds = new[] { young.Id }, startDate = Today, endDate = Today.AddDays(-1) }))
            .Should().StartWith("Дата окончания");
        (await RefusedAsync(new { mentorId = mentor.Id, menteeIds = Array.Empty<Guid>(), startDate = Today })).Should().Contain("наставляемого");
        (await RefusedAsync(new { menteeIds = new[] { young.Id }, startDate = Today })).Should().Contain("наставника");
    }

    [Fact]
    public async Task OnlyMethodistsCreatePairsAndOnlyForMenteesInTheirScope()
    {
        var (young, youngLogin) = await f.AddYoungAsync(f.Data.NorthSchool, "Правова");
        var (south, _) = await f.AddYoungAsync(f.Data.SouthSchool, "Южанина");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Правоведова");
        var body = new { mentorId = mentor.Id, menteeIds = new[] { young.Id }, startDate = Today };

        foreach (var login in new[] { youngLogin, f.Mentor, f.AssociationLead, f.Tutor })
        {
            using var client = await f.ClientAsync(login);
            var response = await client.PostAsJsonAsync("/api/mentoring/pairs", body);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, login);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("Доступ запрещён");
        }

        using var north = await f.ClientAsync(f.NorthMethodist);
        (await north.PostAsJsonAsync("/api/mentoring/pairs", new { mentorId = mentor.Id, menteeIds = new[] { south.Id }, startDate = Today }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await north.PostAsJsonAsync("/api/mentoring/pairs", new { mentorId = Guid.NewGuid(), menteeIds = new[] { young.Id }, startDate = Today }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var southSchool = await f.ClientAsync(f.SouthSchoolMethodist);
        (await southSchool.PostAsJsonAsync("/api/mentoring/pairs", body)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMenteeHasOneRunningPairAndASecondOneNamesTheMentorAlreadyThere()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Занятова");
        var first = await f.AddExperiencedAsync(f.Data.NorthSchool, "Первова");
        var second = await f.AddExperiencedAsync(f.Data.NorthSchool, "Вторая");
        using var client = await f.ClientAsync(f.NorthMethodist);
        var pair = await client.CreatePairAsync(first.Id, young.Id);

        var response = await client.PostAsJsonAsync("/api/mentoring/pairs", new { mentorId = second.Id, menteeIds = new[] { young.Id }, startDate = Today });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain(first.FullName).And.Contain(young.FullName);

        (await client.PostAsync($"/api/mentoring/pairs/{pair.Id()}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/mentoring/pairs", new { mentorId = second.Id, menteeIds = new[] { young.Id }, startDate = Today }))
            .StatusCode.Should().Be(HttpStatusCode.Created, "a cancelled pair leaves the mentee free");
    }

    [Fact]
    public async Task AMentorOverTheLoadLimitIsStillAssignedWithAWarningAndTheListShowsTheOverload()
    {
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Загруженова");
        var (a, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Первая-Наставляемая");
        var (b, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Вторая-Наставляемая");
        var (c, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Третья-Наставляемая");
        using var client = await f.ClientAsync(f.NorthMethodist);

        var group = await client.CreatePairAsync(mentor.Id, a.Id, b.Id);
        group.GetProperty("warnings").GetArrayLength().Should().Be(0, "two mentees are the norm");
        var third = await client.CreatePairAsync(mentor.Id, c.Id);

        third.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should().Equal("У наставника будет 3 наставляемых при норме 2");
        third.GetProperty("mentorLoad").GetInt32().Should().Be(3);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/mentoring/pairs?search=загруженова");
        list.GetProperty("items").EnumerateArray().Should().HaveCount(2)
            .And.OnlyContain(i => i.GetProperty("mentorOverloaded").GetBoolean() && i.GetProperty("mentorLoad").GetInt32() == 3);
        var overloaded = await client.GetFromJsonAsync<JsonElement>("/api/mentoring/pairs?overloaded=true");
        overloaded.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("mentorId").GetGuid()).Should().Contain(mentor.Id);
    }

    [Fact]
    public async Task PairsAreListedByMunicipalityWithinTheScope()
    {
        var (north, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Северянова");
        var (south, _) = await f.AddYoungAsync(f.Data.SouthSchool, "Южанова");
        var northMentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Северная-Наставница");
        var southMentor = await f.AddExperiencedAsync(f.Data.SouthSchool, "Южная-Наставница");
        using var admin = await f.ClientAsync(f.Admin);
        var northPair = await admin.CreatePairAsync(northMentor.Id, north.Id);
        var southPair = await admin.CreatePairAsync(southMentor.Id, south.Id);

        var byNorth = await admin.GetFromJsonAsync<JsonElement>($"/api/mentoring/pairs?municipalityId={f.Data.North.Id}");
        var ids = byNorth.GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();
        ids.Should().Contain(northPair.Id()).And.NotContain(southPair.Id());
        byNorth.GetProperty("items").EnumerateArray().Should().OnlyContain(i => i.GetProperty("municipalityId").GetGuid() == f.Data.North.Id);
        byNorth.GetProperty("total").GetInt32().Should().Be(ids.Count);
        byNorth.GetProperty("page").GetInt32().Should().Be(1);
        byNorth.GetProperty("pageSize").GetInt32().Should().Be(50);

        using var southMethodist = await f.ClientAsync(f.SouthMethodist);
        var seen = await southMethodist.GetFromJsonAsync<JsonElement>("/api/mentoring/pairs");
        seen.GetProperty("items").EnumerateArray().Select(i => i.Id()).Should().Contain(southPair.Id()).And.NotContain(northPair.Id());
        (await southMethodist.GetAsync($"/api/mentoring/pairs/{northPair.Id()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await southMethodist.GetFromJsonAsync<JsonElement>($"/api/mentoring/pairs?municipalityId={f.Data.North.Id}")).GetProperty("total").GetInt32().Should().Be(0);

        (await admin.PostAsJsonAsync($"/api/mentoring/pairs/{southPair.Id()}/close", new { evaluation = "Адаптация прошла успешно", score = 5 }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var completed = await admin.GetFromJsonAsync<JsonElement>("/api/mentoring/pairs?status=completed");
        completed.GetProperty("items").EnumerateArray().Select(i => i.Id()).Should().Contain(southPair.Id()).And.NotContain(northPair.Id());
        completed.GetProperty("items").EnumerateArray().Should().OnlyContain(i => i.GetProperty("status").GetString() == "completed");
        (await admin.GetAsync("/api/mentoring/pairs?status=paused")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ThePairFillsSectionThreeOfTheMenteesRoutesAndCompletesItWhenClosed()
    {
        var (drafted, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Черновикова");
        var (running, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Выполняева");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Маршрутова");
        var draftRoute = await f.App.AddRouteAsync(drafted, f.Data.NorthSchool, RouteStatus.Draft);
        var proposed = await f.App.AddDraftedMentoringAsync(draftRoute);
        var runningRoute = await f.App.AddRouteAsync(running, f.Data.NorthSchool, RouteStatus.InProgress);
        var mentorRoute = await f.App.AddRouteAsync(mentor, f.Data.NorthSchool, RouteStatus.Approved);
        using var client = await f.ClientAsync(f.NorthMethodist);

        var response = await client.PostAsJsonAsync("/api/mentoring/pairs", new
        {
            mentorId = mentor.Id, menteeIds = new[] { drafted.Id, running.Id }, startDate = Today.AddDays(-20), orderNumber = "112-од", orderDate = Today.AddDays(-22),
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var pair = await response.Content.ReadFromJsonAsync<JsonElement>();

        var inDraft = (await client.MentoringItemsAsync(draftRoute.Id)).Should().ContainSingle().Subject;
        inDraft.GetProperty("id").GetGuid().Should().Be(proposed.Id, "the item the drafter proposed is reused");
        inDraft.GetProperty("title").GetString().Should().Be("Работа с наставником");
        inDraft.GetProperty("details").GetString().Should().Be(
            $"Наставник — {mentor.ShortName} ({f.Data.NorthSchool.ShortName}); форма «опытный педагог — молодой специалист»; приказ № 112-од от {Today.AddDays(-22):dd.MM.yyyy}");
        var inRunning = (await client.MentoringItemsAsync(runningRoute.Id)).Should().ContainSingle().Subject;
        inRunning.GetProperty("deadline").GetString().Should().Be(runningRoute.EndsOn.ToString("yyyy-MM-dd"));
        var asMentor = (await client.MentoringItemsAsync(mentorRoute.Id)).Should().ContainSingle().Subject;
        asMentor.GetProperty("title").GetString().Should().Be("Работа в качестве наставника");
        asMentor.GetProperty("details").GetString().Should().StartWith("Наставляемые: ").And.Contain(drafted.ShortName).And.Contain(running.ShortName);
        var linked = await f.App.ReadAsync(db => db.RouteItems.Where(i => i.MentoringPairId == pair.Id()).Select(i => i.RouteId).ToListAsync());
        linked.Should().BeEquivalentTo([draftRoute.Id, runningRoute.Id, mentorRoute.Id]);
        var audit = await f.App.ReadAsync(db => db.AuditEntries.Where(a => a.EntityId == proposed.Id && a.Action == AuditAction.Updated).Select(a => a.Field).ToListAsync());
        audit.Should().Contain("Дополнительная информация");

        var close = await client.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/close", new { evaluation = "Освоила планирование и анализ уроков", score = 5 });
        close.StatusCode.Should().Be(HttpStatusCode.OK, await close.Content.ReadAsStringAsync());
        (await close.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("completed");

        var done = (await client.MentoringItemsAsync(runningRoute.Id)).Single();
        done.GetProperty("isDone").GetBoolean().Should().BeTrue();
        done.GetProperty("doneOn").GetString().Should().Be(Today.ToString("yyyy-MM-dd"));
        done.GetProperty("evidence").GetString().Should().Contain("№ 112-од").And.Contain("итоговая оценка 5 из 5");
        (await client.MentoringItemsAsync(mentorRoute.Id)).Single().GetProperty("isDone").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task ACancelledPairLeavesADraftRouteAndIsNotedInAnApprovedOne()
    {
        var (drafted, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Отменова");
        var (approved, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Утверждёнова");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Прекращёнова");
        var draftRoute = await f.App.AddRouteAsync(drafted, f.Data.NorthSchool, RouteStatus.Draft);
        var approvedRoute = await f.App.AddRouteAsync(approved, f.Data.NorthSchool, RouteStatus.Approved);
        using var client = await f.ClientAsync(f.NorthMethodist);
        var pair = await client.CreatePairAsync(mentor.Id, drafted.Id, approved.Id);

        (await client.PostAsync($"/api/mentoring/pairs/{pair.Id()}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.MentoringItemsAsync(draftRoute.Id)).Should().BeEmpty();
        (await client.MentoringItemsAsync(approvedRoute.Id)).Single().GetProperty("details").GetString()
            .Should().EndWith($"; наставничество прекращено {Today:dd.MM.yyyy}");
        (await client.PostAsync($"/api/mentoring/pairs/{pair.Id()}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ARouteDraftedLaterNamesTheRealMentorOfTheRunningPair()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Позднова");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Настоящева", years: 7);
        using var client = await f.ClientAsync(f.NorthMethodist);
        var pair = await client.CreatePairAsync(mentor.Id, young.Id);

        var response = await client.PostAsJsonAsync("/api/routes/draft", new { teacherId = young.Id });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var route = await response.Content.ReadFromJsonAsync<JsonElement>();
        var item = route.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("section").GetString() == "3");
        item.GetProperty("details").GetString().Should().StartWith($"Наставник — {mentor.ShortName} ({f.Data.NorthSchool.ShortName}); форма");
        (await f.App.ReadAsync(db => db.RouteItems.Where(i => i.Id == item.GetProperty("id").GetGuid()).Select(i => i.MentoringPairId).SingleAsync()))
            .Should().Be(pair.Id());
    }

    [Fact]
    public async Task TheRegistryOfABatchOfDraftsKnowsEveryRunningPairOfMenteesAndMentors()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Пакетова");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Пакетова-Наставница");
        using var client = await f.ClientAsync(f.NorthMethodist);
        var pair = await client.CreatePairAsync(mentor.Id, young.Id);

        var registry = await f.App.ReadAsync(db => DraftRegistry.LoadAsync(db, null, null, Today, CancellationToken.None));

        var teacher = new DraftTeacher(young.Id, f.Data.NorthSchool.Id, f.Data.North.Id, null, IsYoung: true, IsAssetEligible: false);
        var pairing = ((IDraftRegistry)registry).MenteePairing(teacher);
        pairing!.PairId.Should().Be(pair.Id());
        pairing.Details.Should().StartWith($"Наставник — {mentor.ShortName}");
        ((IDraftRegistry)registry).MentorPairings(teacher with { PersonId = mentor.Id }).Should().ContainSingle()
            .Which.Details.Should().StartWith($"Наставляемый — {young.ShortName}");
    }

    [Fact]
    public async Task TheMentorLogsMeetingsTheMenteeOnlyReadsAndOnlyAMethodistClosesThePair()
    {
        var (young, youngLogin) = await f.AddYoungAsync(f.Data.NorthSchool, "Встречина");
        using var methodist = await f.ClientAsync(f.NorthSchoolMethodist);
        var pair = await methodist.CreatePairAsync(await MentorAccountPersonAsync(), young.Id);
        using var mentor = await f.ClientAsync(f.Mentor);
        using var mentee = await f.ClientAsync(youngLogin);
        using var outsider = await f.ClientAsync(f.SouthMethodist);
        var meeting = new { date = Today.AddDays(-2), topic = "Анализ открытого урока по математике", hours = 1.5 };

        var told = await f.App.ReadAsync(db => db.Notifications.Where(n => n.Link == $"/Mentoring/{pair.Id()}").Select(n => new { n.Text, n.UserId }).ToListAsync());
        told.Should().ContainSingle().Which.Text.Should().StartWith($"Вы назначены наставником: {young.FullName}");
        (await f.App.ReadAsync(db => db.Notifications.CountAsync(n => n.Link == "/Mentoring/My" && n.Text.Contains("Вам назначен наставник")
            && db.Users.Any(u => u.Id == n.UserId && u.UserName == youngLogin)))).Should().Be(1);

        var logged = await mentor.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/meetings", meeting);
        logged.StatusCode.Should().Be(HttpStatusCode.Created, await logged.Content.ReadAsStringAsync());
        var view = await logged.Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("meetings").EnumerateArray().Should().ContainSingle().Which.GetProperty("topic").GetString().Should().Be(meeting.topic);
        view.GetProperty("totalHours").GetDecimal().Should().Be(1.5m);

        (await mentee.GetAsync($"/api/mentoring/pairs/{pair.Id()}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await mentee.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/meetings", meeting)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await outsider.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/meetings", meeting)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await mentor.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/meetings", meeting with { date = Today.AddDays(1) }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var evaluation = new { evaluation = "Уверенно ведёт уроки, освоила формирующее оценивание", score = 4 };
        (await mentor.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/close", evaluation)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await methodist.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/close", evaluation with { score = 7 })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await methodist.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/close", evaluation)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await methodist.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/close", evaluation)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await mentor.PostAsJsonAsync($"/api/mentoring/pairs/{pair.Id()}/meetings", meeting)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}
