using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Routes;

/// <summary>Routes over the API: drafting from a deficit profile, the way through agreement by the right roles only, the list and the DOCX.</summary>
public sealed class RoutesApiTests(RoleAccountsFixture fixture) : IClassFixture<RoleAccountsFixture>
{
    private static readonly Guid Physics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Физика").Id;
    private static readonly Guid Chemistry = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Химия").Id;

    [Fact]
    public async Task DraftFollowsTheDeficitProfileSectionBySection()
    {
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Дефицитова", birthDate: RouteTestData.Today.AddYears(-25),
            workStart: RouteTestData.Today.AddYears(-1));
        await fixture.App.AddResultAsync(teacher.Id, RouteTestData.Today.AddDays(-10),
            (DefaultAreas.Digital, 30), (DefaultAreas.Methodical, 55), (DefaultAreas.Legal, 90), (DefaultAreas.Subject, 75));
        var digital = await fixture.App.AddCourseAsync("Цифровая образовательная среда школы", [DefaultAreas.Digital], federalRegistry: true);
        var methodical = await fixture.App.AddCourseAsync("Современный урок математики", [DefaultAreas.Methodical], subjectId: TestData.Mathematics);
        var internship = await fixture.App.AddCourseAsync("Стажировка в цифровой школе", [DefaultAreas.Digital], kind: CourseKind.Internship);
        var methodist = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Методистова", "Ольга", "Ивановна", category: QualificationCategory.TeacherMethodist);
        using var client = await fixture.ClientAsync(fixture.NorthSchoolMethodist);

        var response = await client.PostAsJsonAsync("/api/routes/draft", new { teacherId = teacher.Id });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var route = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.Location!.ToString().Should().Be($"/api/routes/{route.GetProperty("id").GetGuid()}");
        route.GetProperty("status").GetString().Should().Be("draft");
        route.GetProperty("teacherId").GetGuid().Should().Be(teacher.Id);
        var items = route.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => (i.GetProperty("section").GetString(), i.GetProperty("deficitArea").GetString())).Should().Equal(
            ("1.1", "digital"), ("1.1", "methodical"), ("1.2", "digital"), ("1.3", "methodical"), ("2.1", null), ("2.2", "digital"), ("3", null));
        items.Select(i => i.GetProperty("courseId").ValueKind == JsonValueKind.Null ? (Guid?)null : i.GetProperty("courseId").GetGuid())
            .Take(3).Should().Equal(digital.Id, methodical.Id, internship.Id);
        items[3].GetProperty("title").GetString().Should().Contain(methodist.ShortName);
        items[4].GetProperty("title").GetString().Should().Be("Представление опыта: нормативно-правовая компетенция");
        items[6].GetProperty("details").GetString().Should().StartWith($"Наставник — {methodist.ShortName}");
    }

    [Fact]
    public async Task SecondDraftWhileARouteIsOpenIsAConflict()
    {
        var teacher = await TeacherWithResultAsync("Повторова");
        using var client = await fixture.ClientAsync(fixture.NorthMethodist);
        (await client.PostAsJsonAsync("/api/routes/draft", new { teacherId = teacher.Id })).StatusCode.Should().Be(HttpStatusCode.Created);

        var second = await client.PostAsJsonAsync("/api/routes/draft", new { teacherId = teacher.Id });

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await DetailAsync(second)).Should().StartWith("У педагога уже есть маршрут в состоянии «черновик»");
    }

    [Fact]
    public async Task TeacherWithoutAResultGetsADraftWithoutCourses()
    {
        var (teacher, login) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Безрезультатова");
        await fixture.App.AddCourseAsync("Курс для всех", [.. DefaultAreas.All.Select(a => a.Id)]);
        using var client = await fixture.ClientAsync(login);

        var response = await client.PostAsJsonAsync("/api/routes/draft", new { teacherId = teacher.Id });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var route = await response.Content.ReadFromJsonAsync<JsonElement>();
        route.GetProperty("items").EnumerateArray().Should().BeEmpty();
        route.GetProperty("deficitLevel").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task CourseForEveryAreaAnswersADeficitInEveryArea()
    {
        // A physics teacher and a physics course, so that the general courses other tests add do not compete.
        var teacher = await TeacherWithResultAsync("Всеобщева", [.. DefaultAreas.All.Select(a => (a.Id, 45))]);
        await fixture.App.TeachesAsync(teacher.Id, Physics);
        var course = await fixture.App.AddCourseAsync("Профессиональная переподготовка «Педагогика и методика»", [.. DefaultAreas.All.Select(a => a.Id)],
            federalRegistry: true, kind: CourseKind.Retraining, subjectId: Physics);
        using var client = await fixture.ClientAsync(fixture.Admin);

        var response = await client.PostAsJsonAsync("/api/routes/draft", new { teacherId = teacher.Id });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var courses = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("section").GetString() == "1.1").ToList();
        courses.Should().ContainSingle().Which.GetProperty("courseId").GetGuid().Should().Be(course.Id);
        courses[0].GetProperty("reason").GetString()!.Split("; ").Should().HaveCount(7);
    }

    [Fact]
    public async Task DraftSkipsCoursesAlreadyStartedFullOrTakenButNotOnesWithACancelledEnrolment()
    {
        // A chemistry teacher and Federal Registry chemistry courses, which outrank the general courses other tests add.
        var teacher = await TeacherWithResultAsync("Химикова");
        await fixture.App.TeachesAsync(teacher.Id, Chemistry);
        var classmate = await fixture.Data.AddTeacherAsync(fixture.Data.SouthSchool, "Однокурсникова");
        var today = RouteTestData.Today;
        await fixture.App.AddCourseAsync("Химия: уже начался", [DefaultAreas.Digital], true, subjectId: Chemistry, startsOn: today.AddDays(-1), endsOn: today.AddMonths(1));
        var full = await fixture.App.AddCourseAsync("Химия: А — мест нет", [DefaultAreas.Digital], true, subjectId: Chemistry, quota: 1);
        await fixture.App.EnrolAsync(classmate.Id, full.Id, EnrolmentStatus.Enrolled);
        var taken = await fixture.App.AddCourseAsync("Химия: Б — уже пройден", [DefaultAreas.Digital], true, subjectId: Chemistry);
        await fixture.App.EnrolAsync(teacher.Id, taken.Id, EnrolmentStatus.Completed);
        var cancelled = await fixture.App.AddCourseAsync("Химия: В — запись отменена", [DefaultAreas.Digital], true, subjectId: Chemistry, quota: 1);
        await fixture.App.EnrolAsync(teacher.Id, cancelled.Id, EnrolmentStatus.Cancelled);
        using var client = await fixture.ClientAsync(fixture.Admin);

        var route = await (await client.PostAsJsonAsync("/api/routes/draft", new { teacherId = teacher.Id })).Content.ReadFromJsonAsync<JsonElement>();

        route.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("section").GetString() == "1.1").Select(i => i.GetProperty("title").GetString())
            .Should().Equal("Химия: В — запись отменена");
    }

    [Theory]
    [InlineData("south-school-methodist")]
    [InlineData("south-methodist")]
    [InlineData("association-lead")]
    [InlineData("mentor")]
    public async Task DraftForATeacherOutsideTheScopeIsNotFound(string login)
    {
        var teacher = await TeacherWithResultAsync("Чужеземова");
        using var client = await fixture.ClientAsync(login);

        var response = await client.PostAsJsonAsync("/api/routes/draft", new { teacherId = teacher.Id });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.App.ReadAsync(db => db.Routes.CountAsync(r => r.PersonId == teacher.Id))).Should().Be(0);
    }

    [Fact]
    public async Task DraftWithoutATeacherIsABadRequest()
    {
        using var client = await fixture.ClientAsync(fixture.Admin);

        var response = await client.PostAsJsonAsync("/api/routes/draft", new { });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await DetailAsync(response)).Should().Be("Укажите teacherId — педагога, для которого составляется маршрут.");
    }

    [Fact]
    public async Task RouteGoesTheWholeWayWhenEachStepIsTakenByTheRightRole()
    {
        var (teacher, teacherLogin) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Исполнительная");
        await fixture.App.AddResultAsync(teacher.Id, RouteTestData.Today, (DefaultAreas.Digital, 30));
        using var school = await fixture.ClientAsync(fixture.NorthSchoolMethodist);
        using var admin = await fixture.ClientAsync(fixture.Admin);
        using var own = await fixture.ClientAsync(teacherLogin);
        using var municipal = await fixture.ClientAsync(fixture.NorthMethodist);
        var id = await DraftAsync(school, teacher.Id);

        (await StatusAfterAsync(school, id, "submitted")).Should().Be("submitted");
        var agreement = await school.PostAsJsonAsync($"/api/routes/{id}/agreement", new { comment = "Согласовано" });
        agreement.StatusCode.Should().Be(HttpStatusCode.OK);
        var agreed = await agreement.Content.ReadFromJsonAsync<JsonElement>();
        agreed.GetProperty("status").GetString().Should().Be("submitted");
        agreed.GetProperty("organizationAgreedAt").ValueKind.Should().Be(JsonValueKind.String);
        agreed.GetProperty("organizationAgreedBy").GetString().Should().Be(fixture.NorthSchoolMethodist);
        (await StatusAfterAsync(admin, id, "approved")).Should().Be("approved");
        (await StatusAfterAsync(own, id, "inProgress")).Should().Be("inProgress");
        (await StatusAfterAsync(municipal, id, "completed")).Should().Be("completed");

        var route = await admin.GetFromJsonAsync<JsonElement>($"/api/routes/{id}");
        route.GetProperty("transitions").EnumerateArray()
            .Select(t => (t.GetProperty("from").GetString(), t.GetProperty("to").GetString(), t.GetProperty("isAgreement").GetBoolean(), t.GetProperty("userName").GetString()))
            .Should().Equal(
                ("draft", "draft", false, fixture.NorthSchoolMethodist),
                ("draft", "submitted", false, fixture.NorthSchoolMethodist),
                ("submitted", "submitted", true, fixture.NorthSchoolMethodist),
                ("submitted", "approved", false, fixture.Admin),
                ("approved", "inProgress", false, teacherLogin),
                ("inProgress", "completed", false, fixture.NorthMethodist));
    }

    private const string OnlyTheCentreApproves = "Перевести маршрут из состояния «на согласовании» в «утверждён» может ЦНППМ (администратор региона).";
    private const string ClosedForGood = "Маршрут в состоянии «завершён» закрыт: его состояние больше не меняется.";

    [Theory]
    [InlineData("submitted", "", "approved", 409, OnlyTheCentreApproves)]
    [InlineData("submitted", "north-school-methodist", "approved", 409, OnlyTheCentreApproves)]
    [InlineData("draft", "region-admin", "approved", 409, "Из состояния «черновик» маршрут нельзя перевести в «утверждён»; возможно: «на согласовании».")]
    [InlineData("inProgress", "", "completed", 409, "Перевести маршрут из состояния «выполняется» в «завершён» может тьютор или методист.")]
    [InlineData("completed", "region-admin", "draft", 409, ClosedForGood)]
    [InlineData("completed", "region-admin", "submitted", 409, ClosedForGood)]
    [InlineData("completed", "region-admin", "approved", 409, ClosedForGood)]
    [InlineData("completed", "region-admin", "inProgress", 409, ClosedForGood)]
    [InlineData("completed", "north-methodist", "notCompleted", 409, ClosedForGood)]
    [InlineData("completed", "region-admin", "completed", 409, "Маршрут уже в состоянии «завершён».")]
    [InlineData("draft", "region-admin", "archived", 400, "Укажите to: submitted, approved, inProgress, completed, notCompleted или draft.")]
    public async Task RefusedStepSaysWhyInRussianAndLeavesTheRouteAsItWas(string status, string login, string to, int code, string detail)
    {
        var from = RouteTitles.ParseStatus(status)!.Value;
        var (route, own) = await RouteOfNewTeacherAsync("Отказова", from);
        using var client = await fixture.ClientAsync(login.Length == 0 ? own : login);

        var response = await TransitionAsync(client, route.Id, to, "Комментарий");

        ((int)response.StatusCode).Should().Be(code);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be(code == 409 ? "Конфликт" : "Некорректный запрос");
        problem.GetProperty("detail").GetString().Should().Be(detail);
        await StatusShouldStayAsync(route.Id, from);
    }

    [Fact]
    public async Task SendingBackNeedsACommentAndClearsTheOrganizationsAgreement()
    {
        var (route, _) = await RouteOfNewTeacherAsync("Доработкина", RouteStatus.Submitted);
        using var client = await fixture.ClientAsync(fixture.NorthSchoolMethodist);
        (await client.PostAsJsonAsync($"/api/routes/{route.Id}/agreement", new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        var withoutComment = await TransitionAsync(client, route.Id, "draft", "  ");

        withoutComment.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await DetailAsync(withoutComment)).Should().Be("Укажите в комментарии, что нужно исправить в маршруте.");
        await StatusShouldStayAsync(route.Id, RouteStatus.Submitted);

        var withComment = await TransitionAsync(client, route.Id, "draft", "Добавьте стажировку");

        withComment.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await withComment.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("draft");
        body.GetProperty("organizationAgreedAt").ValueKind.Should().Be(JsonValueKind.Null);
        body.GetProperty("transitions").EnumerateArray().Last().GetProperty("comment").GetString().Should().Be("Добавьте стажировку");
    }

    [Fact]
    public async Task ClosingAsNotCompletedNeedsAReason()
    {
        var (route, _) = await RouteOfNewTeacherAsync("Незавершённая", RouteStatus.InProgress, fixture.TutorPerson.Id);
        using var client = await fixture.ClientAsync(fixture.Tutor);

        var response = await TransitionAsync(client, route.Id, "notCompleted");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await DetailAsync(response)).Should().Be("Укажите причину, по которой маршрут не завершён.");
        (await TransitionAsync(client, route.Id, "notCompleted", "Длительный больничный")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TeacherCannotAgreeForTheOrganization()
    {
        var (route, login) = await RouteOfNewTeacherAsync("Согласная", RouteStatus.Submitted);
        using var client = await fixture.ClientAsync(login);

        var response = await client.PostAsJsonAsync($"/api/routes/{route.Id}/agreement", new { });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await DetailAsync(response)).Should().StartWith("Согласовать маршрут от имени образовательной организации может");
    }

    [Theory]
    [InlineData("")]
    [InlineData("tutor")]
    [InlineData("north-school-methodist")]
    [InlineData("north-methodist")]
    [InlineData("region-admin")]
    public async Task RouteOpensToTheTeacherTheirTutorAndTheirMethodists(string login)
    {
        var (route, own) = await RouteOfNewTeacherAsync("Видимова", RouteStatus.Draft, fixture.TutorPerson.Id);
        using var client = await fixture.ClientAsync(login.Length == 0 ? own : login);

        var response = await client.GetAsync($"/api/routes/{route.Id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("teacherName").GetString().Should().Be("Видимова Анна Петровна");
        body.GetProperty("tutorName").GetString().Should().Be(fixture.TutorPerson.FullName);
        body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("section").GetString()).Should().Equal("1.1");
    }

    [Theory]
    [InlineData("south-school-methodist")]
    [InlineData("south-methodist")]
    [InlineData("association-lead")]
    [InlineData("mentor")]
    [InlineData("tutor")]
    public async Task RouteOutsideTheScopeIsNotFoundToReadChangeOrDownload(string login)
    {
        var (route, _) = await RouteOfNewTeacherAsync("Невидимова", RouteStatus.Draft);
        using var client = await fixture.ClientAsync(login);

        (await client.GetAsync($"/api/routes/{route.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/routes/{route.Id}/docx")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TransitionAsync(client, route.Id, "submitted")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await StatusShouldStayAsync(route.Id, RouteStatus.Draft);
    }

    [Fact]
    public async Task ListFiltersByStatusAndMunicipalityWithinTheScope()
    {
        var (east, eastSchool) = await AddMunicipalityAsync("Восточный");
        var eastMethodist = await fixture.Data.AddUserAsync(RegionFixture.UniqueLogin("east"), null, (AppRole.MunicipalMethodist, east.Id));
        var drafts = new[] { await RouteAtAsync(eastSchool, "Востокова", RouteStatus.Draft), await RouteAtAsync(eastSchool, "Восходова", RouteStatus.Draft) };
        var submitted = await RouteAtAsync(eastSchool, "Рассветова", RouteStatus.Submitted);
        var south = await RouteAtAsync(fixture.Data.SouthSchool, "Южанова", RouteStatus.Submitted);
        using var methodist = await fixture.ClientAsync(eastMethodist);
        using var admin = await fixture.ClientAsync(fixture.Admin);

        (await ListAsync(methodist, "")).Should().BeEquivalentTo([drafts[0], drafts[1], submitted]);
        (await ListAsync(methodist, "?status=submitted")).Should().BeEquivalentTo([submitted]);
        (await ListAsync(methodist, $"?municipalityId={fixture.Data.South.Id}")).Should().BeEmpty("South is outside the methodist's scope");
        (await ListAsync(admin, $"?status=draft&municipalityId={east.Id}")).Should().BeEquivalentTo(drafts);
        (await ListAsync(admin, $"?status=submitted")).Should().Contain([submitted, south]);
        (await ListAsync(admin, $"?municipalityId={fixture.Data.South.Id}")).Should().Contain(south).And.NotContain([submitted, .. drafts]);

        var page = await methodist.GetFromJsonAsync<JsonElement>("/api/routes?pageSize=2&page=2");
        page.GetProperty("total").GetInt32().Should().Be(3);
        page.GetProperty("page").GetInt32().Should().Be(2);
        page.GetProperty("pageSize").GetInt32().Should().Be(2);
        page.GetProperty("items").GetArrayLength().Should().Be(1);
        var summary = (await methodist.GetFromJsonAsync<JsonElement>("/api/routes?status=submitted")).GetProperty("items")[0];
        summary.GetProperty("status").GetString().Should().Be("submitted");
        summary.GetProperty("teacherName").GetString().Should().Be("Рассветова Анна Петровна");
    }

    [Fact]
    public async Task ListLeavesOutRoutesOfOtherSchoolsAndMunicipalities()
    {
        var north = await RouteAtAsync(fixture.Data.NorthSchool, "Северянова", RouteStatus.Draft);
        var south = await RouteAtAsync(fixture.Data.SouthSchool, "Южнова", RouteStatus.Draft);

        foreach (var (login, visible, hidden) in new[]
                 {
                     (fixture.NorthSchoolMethodist, north, south), (fixture.NorthMethodist, north, south),
                     (fixture.SouthSchoolMethodist, south, north), (fixture.SouthMethodist, south, north),
                 })
        {
            using var client = await fixture.ClientAsync(login);
            (await ListAsync(client, "?pageSize=200")).Should().Contain(visible, login).And.NotContain(hidden, login);
        }
        foreach (var login in new[] { fixture.AssociationLead, fixture.Mentor })
        {
            using var client = await fixture.ClientAsync(login);
            (await ListAsync(client, "?pageSize=200")).Should().BeEmpty(login);
        }
    }

    [Fact]
    public async Task UnknownStatusFilterIsABadRequest()
    {
        using var client = await fixture.ClientAsync(fixture.Admin);

        var response = await client.GetAsync("/api/routes?status=lost");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await DetailAsync(response)).Should().StartWith("Неизвестное состояние");
    }

    [Fact]
    public async Task DocxIsTheFormWithTheTeachersNameAndEverySection()
    {
        var (route, _) = await RouteOfNewTeacherAsync("Документова", RouteStatus.Submitted);
        using var client = await fixture.ClientAsync(fixture.NorthSchoolMethodist);

        var response = await client.GetAsync($"/api/routes/{route.Id}/docx");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var tables = document.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        var header = tables[0].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        header[0].Should().Equal("ФИО педагога", "Документова Анна Петровна");
        header.Should().ContainEquivalentOf(new[] { "Образовательная организация", fixture.Data.NorthSchool.ShortName });
        var firstCells = tables[1].Elements<TableRow>().Select(r => r.Elements<TableCell>().First().InnerText).ToList();
        var sections = firstCells.Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d(\.\d)?\. ")).Select(t => t[..t.IndexOf(' ', StringComparison.Ordinal)]);
        sections.Should().Equal("1.", "1.1.", "1.2.", "1.3.", "1.4.", "2.", "2.1.", "2.2.", "3.");
        firstCells.Should().Contain("Функциональная грамотность");
    }

    private async Task<Person> TeacherWithResultAsync(string lastName, params (Guid AreaId, int Score)[] scores)
    {
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, lastName);
        await fixture.App.AddResultAsync(teacher.Id, RouteTestData.Today.AddDays(-3), scores.Length > 0 ? scores : [(DefaultAreas.Digital, 30), (DefaultAreas.Legal, 80)]);
        return teacher;
    }

    /// <summary>A route in the given state of a new teacher (of the North school unless another is named) with an account.</summary>
    private async Task<(DevelopmentRoute Route, string TeacherLogin)> RouteOfNewTeacherAsync(string lastName, RouteStatus status, Guid? tutorPersonId = null,
        Organization? school = null)
    {
        school ??= fixture.Data.NorthSchool;
        var (teacher, login) = await fixture.AddTeacherAsync(school, lastName);
        return (await fixture.App.AddRouteAsync(teacher, school, status, tutorPersonId), login);
    }

    private async Task<Guid> RouteAtAsync(Organization school, string lastName, RouteStatus status) =>
        (await RouteOfNewTeacherAsync(lastName, status, school: school)).Route.Id;

    private async Task<(Municipality Municipality, Organization School)> AddMunicipalityAsync(string name)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var municipality = new Municipality { Name = name, RegionId = fixture.Data.Region.Id };
        var school = new Organization
        {
            FullName = $"МБОУ «Средняя школа № 5» ({name})", ShortName = $"МБОУ СШ № 5 ({name})", Kind = OrganizationKind.School,
            MunicipalityId = municipality.Id, Inn = "2901000005",
        };
        db.AddRange(municipality, school);
        await db.SaveChangesAsync();
        return (municipality, school);
    }

    private static async Task<Guid> DraftAsync(HttpClient client, Guid teacherId)
    {
        var response = await client.PostAsJsonAsync("/api/routes/draft", new { teacherId });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> TransitionAsync(HttpClient client, Guid id, string to, string? comment = null) =>
        client.PostAsJsonAsync($"/api/routes/{id}/transitions", new { to, comment });

    private static async Task<string?> StatusAfterAsync(HttpClient client, Guid id, string to)
    {
        var response = await TransitionAsync(client, id, to);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
    }

    private async Task StatusShouldStayAsync(Guid id, RouteStatus status) =>
        (await fixture.App.ReadAsync(db => db.Routes.Where(r => r.Id == id).Select(r => r.Status).SingleAsync())).Should().Be(status);

    private static async Task<List<Guid>> ListAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/routes" + query);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
}
