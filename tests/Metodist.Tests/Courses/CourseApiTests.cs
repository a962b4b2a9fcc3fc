using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Routes;

namespace Metodist.Tests.Courses;

/// <summary>The courses API as integrators rely on it: the catalogue's JSON, enrolment with its refusals, completion that closes the route.</summary>
public sealed class CourseApiTests(CourseFixture fixture) : IClassFixture<CourseFixture>
{
    private static readonly DateOnly Past = CourseFixture.Today.AddMonths(-2);

    [Fact]
    public async Task CatalogueFiltersByAreaCodeAndFederalRegistryAndAnswersTheAgreedFields()
    {
        var wanted = await fixture.AddCourseAsync("Цифровая дидактика: контракт", quota: 10, startsOn: new DateOnly(2027, 2, 1), endsOn: new DateOnly(2027, 2, 28),
            federalRegistry: true, kind: CourseKind.Advanced, form: CourseForm.Blended, hours: 36, subjectId: Metodist.Tests.Infrastructure.TestData.Mathematics,
            areas: [DefaultAreas.Digital, DefaultAreas.Methodical]);
        var notFederal = await fixture.AddCourseAsync("Цифровая среда школы: контракт", areas: [DefaultAreas.Digital]);
        var otherArea = await fixture.AddCourseAsync("Право в школе: контракт", federalRegistry: true, areas: [DefaultAreas.Legal]);
        await fixture.AddEnrolmentAsync(wanted, await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Контрактная"));
        using var client = await fixture.ClientAsync(fixture.NorthMethodist);

        var response = await client.GetAsync("/api/courses?area=digital&federalRegistry=true");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.ValueKind.Should().Be(JsonValueKind.Array);
        var ids = json.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        ids.Should().Contain(wanted.Id).And.NotContain(notFederal.Id).And.NotContain(otherArea.Id);
        var item = json.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == wanted.Id);
        item.GetProperty("title").GetString().Should().Be("Цифровая дидактика: контракт");
        item.GetProperty("provider").GetString().Should().Be("ЦНППМ «Учитель будущего»");
        item.GetProperty("kind").GetString().Should().Be("advanced");
        item.GetProperty("form").GetString().Should().Be("blended");
        item.GetProperty("hours").GetInt32().Should().Be(36);
        item.GetProperty("startsOn").GetString().Should().Be("2027-02-01");
        item.GetProperty("endsOn").GetString().Should().Be("2027-02-28");
        item.GetProperty("quota").GetInt32().Should().Be(10);
        item.GetProperty("placesLeft").GetInt32().Should().Be(9);
        item.GetProperty("federalRegistry").GetBoolean().Should().BeTrue();
        item.GetProperty("areas").EnumerateArray().Select(a => a.GetString()).Should().Equal("methodical", "digital");
        item.GetProperty("subjectId").GetGuid().Should().Be(Metodist.Tests.Infrastructure.TestData.Mathematics);
    }

    [Fact]
    public async Task CourseWithoutQuotaHasNoPlacesLeftNumberAndIsReadOneByOne()
    {
        var course = await fixture.AddCourseAsync("Без ограничения мест");
        using var client = await fixture.ClientAsync(fixture.SchoolMethodist);

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/courses/{course.Id}"));

        json.RootElement.GetProperty("quota").ValueKind.Should().Be(JsonValueKind.Null);
        json.RootElement.GetProperty("placesLeft").ValueKind.Should().Be(JsonValueKind.Null);
        json.RootElement.GetProperty("form").GetString().Should().Be("distance");
        (await client.GetAsync($"/api/courses/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnknownAreaCodeIsABadRequestThatNamesTheKnownCodes()
    {
        using var client = await fixture.ClientAsync(fixture.Admin);

        var response = await client.GetAsync("/api/courses?area=astrology");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Contain("astrology").And.Contain("digital");
    }

    [Fact]
    public async Task CatalogueNeedsASignIn()
    {
        using var client = fixture.App.Anonymous();
        (await client.GetAsync("/api/courses")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TeacherEnrolsThemselvesWithoutNamingTheTeacher()
    {
        var course = await fixture.AddCourseAsync("Самозапись", quota: 5);
        var (person, login) = await fixture.TeacherWithAccountAsync(fixture.Data.NorthSchool, "Самозаписева");
        using var client = await fixture.ClientAsync(login);

        var response = await client.PostAsJsonAsync($"/api/courses/{course.Id}/enrolments", new { });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("id").GetGuid();
        response.Headers.Location!.OriginalString.Should().Be($"/api/enrolments/{id}");
        json.RootElement.GetProperty("courseId").GetGuid().Should().Be(course.Id);
        json.RootElement.GetProperty("teacherId").GetGuid().Should().Be(person.Id);
        json.RootElement.GetProperty("status").GetString().Should().Be("enrolled");
        (await fixture.EnrolmentsAsync(course)).Should().ContainSingle(e => e.PersonId == person.Id && e.EnrolledBy == login);
        (await client.GetFromJsonAsync<JsonElement>($"/api/enrolments/{id}")).GetProperty("status").GetString().Should().Be("enrolled");
    }

    [Fact]
    public async Task TeacherMayEnrolWithAnEmptyBody()
    {
        var course = await fixture.AddCourseAsync("Запись без тела запроса");
        var (person, login) = await fixture.TeacherWithAccountAsync(fixture.Data.SouthSchool, "Безтелова");
        using var client = await fixture.ClientAsync(login);

        var response = await client.PostAsync($"/api/courses/{course.Id}/enrolments", null);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("teacherId").GetGuid().Should().Be(person.Id);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheCourseEndpoints()
    {
        using var client = fixture.App.Anonymous();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Should().Contain(
            ["/api/courses", "/api/courses/{id}", "/api/courses/{id}/enrolments", "/api/enrolments/{id}", "/api/enrolments/{id}/completion",
             "/api/enrolments/{id}/cancellation", "/api/teachers/{id}/enrolments", "/api/files/{id}"]);
    }

    [Fact]
    public async Task SecondEnrolmentOfTheSameTeacherIsAConflict()
    {
        var course = await fixture.AddCourseAsync("Повторная запись", quota: 5);
        var teacher = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Повторова");
        using var client = await fixture.ClientAsync(fixture.NorthMethodist);
        (await client.PostAsJsonAsync($"/api/courses/{course.Id}/enrolments", new { teacherId = teacher.Id })).StatusCode.Should().Be(HttpStatusCode.Created);

        var again = await client.PostAsJsonAsync($"/api/courses/{course.Id}/enrolments", new { teacherId = teacher.Id });

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("Педагог уже записан на этот курс.");
        (await fixture.EnrolmentsAsync(course)).Should().ContainSingle();
    }

    [Fact]
    public async Task NoPlacesLeftIsAConflictAndACancelledPlaceCanBeTakenAgain()
    {
        var course = await fixture.AddCourseAsync("Одно место", quota: 1);
        var first = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Первая");
        var second = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Вторая");
        using var client = await fixture.ClientAsync(fixture.NorthMethodist);
        var taken = await client.PostAsJsonAsync($"/api/courses/{course.Id}/enrolments", new { teacherId = first.Id });
        var enrolmentId = (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var refused = await client.PostAsJsonAsync($"/api/courses/{course.Id}/enrolments", new { teacherId = second.Id });

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Конфликт");
        problem.GetProperty("detail").GetString().Should().StartWith("Свободных мест на курсе нет");

        var cancelled = await client.PostAsync($"/api/enrolments/{enrolmentId}/cancellation", null);
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("cancelled");
        (await client.PostAsJsonAsync($"/api/courses/{course.Id}/enrolments", new { teacherId = second.Id })).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ConcurrentEnrolmentsNeverExceedTheQuota()
    {
        var course = await fixture.AddCourseAsync("Наплыв желающих", quota: 3);
        var teachers = new List<Guid>();
        for (var i = 0; i < 8; i++) teachers.Add((await fixture.Data.AddTeacherAsync(fixture.Data.SouthSchool, "Желающая" + i)).Id);
        var clients = new List<HttpClient>();
        for (var i = 0; i < teachers.Count; i++) clients.Add(await fixture.ClientAsync(fixture.SouthMethodist));

        var answers = await Task.WhenAll(teachers.Select((id, i) => clients[i].PostAsJsonAsync($"/api/courses/{course.Id}/enrolments", new { teacherId = id })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).Should().Be(3);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).Should().Be(5);
        (await fixture.EnrolmentsAsync(course)).Should().HaveCount(3);
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task MethodistOfAnotherMunicipalityCannotEnrolATeacherWhoIsNotTheirs()
    {
        var course = await fixture.AddCourseAsync("Чужой педагог", quota: 5);
        var northTeacher = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Северная");
        using var client = await fixture.ClientAsync(fixture.SouthMethodist);

        var response = await client.PostAsJsonAsync($"/api/courses/{course.Id}/enrolments", new { teacherId = northTeacher.Id });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("области видимости");
        (await fixture.EnrolmentsAsync(course)).Should().BeEmpty();
        (await client.GetAsync($"/api/teachers/{northTeacher.Id}/enrolments")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EnrolmentInACourseThatDoesNotExistIsNotFound()
    {
        var teacher = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Безкурсова");
        using var client = await fixture.ClientAsync(fixture.Admin);

        var response = await client.PostAsJsonAsync($"/api/courses/{Guid.NewGuid()}/enrolments", new { teacherId = teacher.Id });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("Курс не найден.");
    }

    [Fact]
    public async Task AnAccountWithoutAPersonMustNameTheTeacher()
    {
        var course = await fixture.AddCourseAsync("Кого записать?");
        using var client = await fixture.ClientAsync(fixture.Admin);

        var response = await client.PostAsJsonAsync($"/api/courses/{course.Id}/enrolments", new { });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("teacherId")[0].GetString().Should().Be("Укажите педагога, которого нужно записать на курс.");
    }

    [Fact]
    public async Task EnrolmentLinksTheRouteItemAndCompletionClosesIt()
    {
        var course = await fixture.AddCourseAsync("Курс из ИОМ", quota: 10, startsOn: Past, endsOn: Past.AddDays(14));
        var other = await fixture.AddCourseAsync("Другой курс из ИОМ", startsOn: Past);
        var teacher = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Маршрутова");
        var route = await fixture.AddRouteAsync(teacher, RouteStatus.InProgress,
            (RouteSection.Courses, course.Id, DefaultAreas.Digital), (RouteSection.Courses, other.Id, null), (RouteSection.Events, null, null));
        var closedRoute = await fixture.AddRouteAsync(teacher, RouteStatus.NotCompleted, (RouteSection.Courses, course.Id, null));
        var colleague = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Коллегова");
        var colleagueRoute = await fixture.AddRouteAsync(colleague, RouteStatus.Approved, (RouteSection.Courses, course.Id, null));
        using var client = await fixture.ClientAsync(fixture.NorthMethodist);

        var enrolled = await client.PostAsJsonAsync($"/api/courses/{course.Id}/enrolments", new { teacherId = teacher.Id });
        var enrolmentId = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await fixture.ItemsAsync(route))[0].EnrolmentId.Should().Be(enrolmentId);
        (await fixture.ItemsAsync(closedRoute))[0].EnrolmentId.Should().BeNull("a closed route is history");

        var date = CourseFixture.Today.AddDays(-3);
        var completed = await client.PostAsJsonAsync($"/api/enrolments/{enrolmentId}/completion", new { date, certificateNumber = "ПК-2026-0457" });

        completed.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await completed.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().Should().Be("completed");
        json.RootElement.GetProperty("id").GetGuid().Should().Be(enrolmentId);
        json.RootElement.GetProperty("teacherId").GetGuid().Should().Be(teacher.Id);
        json.RootElement.GetProperty("certificateNumber").GetString().Should().Be("ПК-2026-0457");
        json.RootElement.GetProperty("completedOn").GetString().Should().Be(date.ToString("yyyy-MM-dd"));

        var items = await fixture.ItemsAsync(route);
        items[0].IsDone.Should().BeTrue();
        items[0].DoneOn.Should().Be(date);
        items[0].Evidence.Should().Be($"Удостоверение № ПК-2026-0457 от {date:dd.MM.yyyy}");
        items[1].IsDone.Should().BeFalse("another course stays open");
        items[2].IsDone.Should().BeFalse();
        (await fixture.ItemsAsync(closedRoute))[0].IsDone.Should().BeFalse();
        (await fixture.ItemsAsync(colleagueRoute))[0].IsDone.Should().BeFalse("the colleague has not finished the course");

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/teachers/{teacher.Id}/enrolments");
        list.EnumerateArray().Should().ContainSingle(e => e.GetProperty("id").GetGuid() == enrolmentId && e.GetProperty("status").GetString() == "completed");
    }

    [Fact]
    public async Task CompletionWithoutDateIsDatedTodayAndClosesAnItemPlannedWithoutEnrolmentLink()
    {
        var course = await fixture.AddCourseAsync("Курс без связи", startsOn: Past);
        var teacher = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Несвязанная");
        var enrolment = await fixture.AddEnrolmentAsync(course, teacher);
        var route = await fixture.AddRouteAsync(teacher, RouteStatus.Draft, (RouteSection.Internship, course.Id, null));
        using var client = await fixture.ClientAsync(fixture.SchoolMethodist);

        var response = await client.PostAsJsonAsync($"/api/enrolments/{enrolment.Id}/completion", new { certificateNumber = "772400012345" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var item = (await fixture.ItemsAsync(route)).Single();
        item.IsDone.Should().BeTrue();
        item.DoneOn.Should().Be(CourseFixture.Today);
        item.EnrolmentId.Should().Be(enrolment.Id);
    }

    [Fact]
    public async Task CompletionWithoutCertificateNumberIsRefusedAndChangesNothing()
    {
        var course = await fixture.AddCourseAsync("Нет номера", startsOn: Past);
        var teacher = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Безномерова");
        var enrolment = await fixture.AddEnrolmentAsync(course, teacher);
        var route = await fixture.AddRouteAsync(teacher, RouteStatus.Approved, (RouteSection.Courses, course.Id, null));
        using var client = await fixture.ClientAsync(fixture.NorthMethodist);

        var response = await client.PostAsJsonAsync($"/api/enrolments/{enrolment.Id}/completion", new { date = CourseFixture.Today.AddDays(5), certificateNumber = " " });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("certificateNumber")[0].GetString().Should().Be("Укажите номер удостоверения.");
        problem.GetProperty("errors").GetProperty("date")[0].GetString().Should().Be("Дата окончания обучения не может быть позже сегодняшнего дня.");
        (await fixture.EnrolmentsAsync(course)).Single().Status.Should().Be(EnrolmentStatus.Enrolled);
        (await fixture.ItemsAsync(route)).Single().IsDone.Should().BeFalse();
    }

    [Fact]
    public async Task CancelledEnrolmentCannotBeCompleted()
    {
        var course = await fixture.AddCourseAsync("Отменённая запись", startsOn: Past);
        var teacher = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Отменова");
        var enrolment = await fixture.AddEnrolmentAsync(course, teacher, EnrolmentStatus.Cancelled);
        using var client = await fixture.ClientAsync(fixture.NorthMethodist);

        var response = await client.PostAsJsonAsync($"/api/enrolments/{enrolment.Id}/completion", new { certificateNumber = "1" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("отменена");
    }

    [Fact]
    public async Task CompletionOfSomeoneOutsideTheScopeIsNotFound()
    {
        var course = await fixture.AddCourseAsync("Чужое удостоверение", startsOn: Past);
        var teacher = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Чужеудостоверенная");
        var enrolment = await fixture.AddEnrolmentAsync(course, teacher);
        using var client = await fixture.ClientAsync(fixture.SouthMethodist);

        var response = await client.PostAsJsonAsync($"/api/enrolments/{enrolment.Id}/completion", new { certificateNumber = "1" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.EnrolmentsAsync(course)).Single().Status.Should().Be(EnrolmentStatus.Enrolled);
        (await client.GetAsync($"/api/enrolments/{enrolment.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsync($"/api/enrolments/{enrolment.Id}/cancellation", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
