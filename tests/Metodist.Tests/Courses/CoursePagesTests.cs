using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Courses;

/// <summary>The catalogue, the course card, the course form and the completion form, used as a browser without JavaScript uses them.</summary>
public sealed class CoursePagesTests(CourseFixture fixture) : IClassFixture<CourseFixture>
{
    private static readonly DateOnly Past = CourseFixture.Today.AddMonths(-1);

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("table.list tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    private static IHtmlFormElement FormWith(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.QuerySelector(selector) is not null);

    /// <summary>Submits a form to its action as a browser would, with the given fields changed.</summary>
    private static Task<HttpResponseMessage> SubmitAsync(BrowserSession session, IHtmlFormElement form, params (string Name, string Value)[] changes) =>
        PostFormAsync(session, form.GetAttribute("action")!, form, changes);

    /// <summary>Posts a form that has no action of its own back to the page's address.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(BrowserSession session, string url, IHtmlFormElement form, params (string Name, string Value)[] changes)
    {
        var fields = BrowserSession.FormFields(form);
        foreach (var (name, value) in changes) BrowserSession.Set(fields, name, value);
        return await session.Client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task CatalogueSearchesByTitleFiltersAndSorts()
    {
        var reading = await fixture.AddCourseAsync("Грамотность читательская", quota: 1, startsOn: new DateOnly(2027, 1, 10), federalRegistry: true,
            form: CourseForm.InPerson, areas: [DefaultAreas.Methodical]);
        await fixture.AddEnrolmentAsync(reading, await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Читательская"));
        await fixture.AddCourseAsync("Грамотность математическая", startsOn: new DateOnly(2027, 2, 10), subjectId: TestData.Mathematics, areas: [DefaultAreas.Subject]);
        await fixture.AddCourseAsync("Наставничество молодых педагогов", startsOn: new DateOnly(2027, 1, 20));
        var session = await fixture.SessionAsync(fixture.NorthMethodist);

        Titles(await session.GetPageAsync("/Courses?search=грамотность")).Should().Equal("Грамотность читательская", "Грамотность математическая");
        Titles(await session.GetPageAsync("/Courses?search=ГРАМОТНОСТЬ&federalRegistry=true")).Should().Equal("Грамотность читательская");
        Titles(await session.GetPageAsync("/Courses?search=грамотность&withPlaces=true")).Should().Equal("Грамотность математическая");
        Titles(await session.GetPageAsync($"/Courses?search=грамотность&areaId={DefaultAreas.Subject}")).Should().Equal("Грамотность математическая");
        Titles(await session.GetPageAsync($"/Courses?search=грамотность&subjectId={TestData.Mathematics}")).Should().Equal("Грамотность математическая");
        Titles(await session.GetPageAsync("/Courses?search=грамотность&form=InPerson")).Should().Equal("Грамотность читательская");
        Titles(await session.GetPageAsync("/Courses?search=грамотность&from=2027-02-01&to=2027-02-28")).Should().Equal("Грамотность математическая");
        Titles(await session.GetPageAsync("/Courses?search=грамотность&sort=Title")).Should().Equal("Грамотность математическая", "Грамотность читательская");
        var byPlaces = await session.GetPageAsync("/Courses?search=грамотность&sort=PlacesLeft");
        Titles(byPlaces).Should().Equal("Грамотность читательская", "Грамотность математическая");
        byPlaces.QuerySelector("table.list tbody tr")!.TextContent.Should().Contain("мест нет");
        byPlaces.Body!.TextContent.Should().Contain("Найдено: 2 курса").And.NotContain("Добавить курс");
    }

    [Fact]
    public async Task CatalogueExportsTheFilteredListToXlsx()
    {
        var full = await fixture.AddCourseAsync("Выгрузка: полный курс", quota: 1, startsOn: new DateOnly(2027, 4, 1), areas: [DefaultAreas.Legal, DefaultAreas.Digital]);
        await fixture.AddEnrolmentAsync(full, await fixture.Data.AddTeacherAsync(fixture.Data.SouthSchool, "Выгружаемая"));
        await fixture.AddCourseAsync("Выгрузка: свободный курс", startsOn: new DateOnly(2027, 5, 1));
        var session = await fixture.SessionAsync(fixture.SchoolMethodist);
        var page = await session.GetPageAsync("/Courses?search=выгрузка");

        var link = page.QuerySelectorAll("a").First(a => a.TextContent.Contains("Excel")).GetAttribute("href")!;
        var response = await session.Client.GetAsync(link);

        response.Content.Headers.ContentType!.MediaType.Should().Be(Xlsx.ContentType);
        var sheet = XlsxSheet.Read(await response.Content.ReadAsByteArrayAsync());
        sheet.Column("Программа").Should().Equal("Выгрузка: полный курс", "Выгрузка: свободный курс");
        sheet.Column("Свободных мест").Should().Equal("0", "");
        sheet.Column("Области компетенций").First().Should().Be("Нормативно-правовая компетенция, Цифровая компетенция");
    }

    [Fact]
    public async Task CardShowsPlacesLeftAndNamesOnlyTheTeachersTheMethodistSees()
    {
        var course = await fixture.AddCourseAsync("Карточка: видимость", quota: 5, startsOn: new DateOnly(2027, 3, 1));
        await fixture.AddEnrolmentAsync(course, await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Видимова"));
        await fixture.AddEnrolmentAsync(course, await fixture.Data.AddTeacherAsync(fixture.Data.SouthSchool, "Невидимова"));
        await fixture.AddEnrolmentAsync(course, await fixture.Data.AddTeacherAsync(fixture.Data.SouthSchool, "Отменённая"), EnrolmentStatus.Cancelled);
        var session = await fixture.SessionAsync(fixture.NorthMethodist);

        var page = await session.GetPageAsync($"/Courses/{course.Id}");

        page.QuerySelector("h1")!.TextContent.Should().Be("Карточка: видимость");
        page.QuerySelector("#places-left")!.TextContent.Trim().Should().Be("3");
        page.QuerySelector("#enrolled")!.TextContent.Should().Contain("Видимова").And.NotContain("Невидимова").And.NotContain("Отменённая");
        page.QuerySelector("#others")!.TextContent.Should().Be("Ещё 1 педагог вне вашей области видимости записан на курс.");
    }

    [Fact]
    public async Task TeacherEnrolsFromTheCardAndSeesTheCourseAmongTheirs()
    {
        var course = await fixture.AddCourseAsync("Карточка: самозапись", quota: 3);
        var planned = await fixture.AddCourseAsync("Карточка: курс из ИОМ");
        var (person, login) = await fixture.TeacherWithAccountAsync(fixture.Data.NorthSchool, "Записная");
        await fixture.AddRouteAsync(person, RouteStatus.Approved, (RouteSection.Courses, course.Id, null), (RouteSection.Courses, planned.Id, null));
        using var session = await BrowserSession.SignedInAsync(fixture.App, login);
        var card = await session.GetPageAsync($"/Courses/{course.Id}");

        var response = await SubmitAsync(session, FormWith(card, "button.btn"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be($"/Courses/{course.Id}");
        var after = await session.GetPageAsync($"/Courses/{course.Id}");
        after.QuerySelector(".notice")!.TextContent.Should().Be("Вы записаны на курс. Запись связана с пунктом ИОМ (1).");
        after.QuerySelector(".actions")!.TextContent.Should().Contain("Вы: записан");
        (await fixture.EnrolmentsAsync(course)).Should().ContainSingle(e => e.PersonId == person.Id);

        var mine = await session.GetPageAsync("/Courses/My");
        mine.QuerySelector("#my-enrolments")!.TextContent.Should().Contain("Карточка: самозапись").And.Contain("записан");
        mine.QuerySelector("#from-routes")!.TextContent.Should().Contain("Карточка: курс из ИОМ").And.NotContain("Карточка: самозапись");
    }

    [Fact]
    public async Task MethodistFindsATeacherOfTheirScopeByNameAndEnrolsThem()
    {
        var course = await fixture.AddCourseAsync("Карточка: запись методистом", quota: 3);
        var wanted = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Искомая");
        await fixture.Data.AddTeacherAsync(fixture.Data.SouthSchool, "Искомая-Южная");
        var session = await fixture.SessionAsync(fixture.NorthMethodist);

        var found = await session.GetPageAsync($"/Courses/{course.Id}?teacher=искомая");

        found.QuerySelectorAll("#found tbody tr").Should().ContainSingle().Which.TextContent.Should().Contain("Искомая Анна Петровна");
        var response = await SubmitAsync(session, FormWith(found, "input[name=personId]"));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.EnrolmentsAsync(course)).Should().ContainSingle(e => e.PersonId == wanted.Id && e.EnrolledBy == fixture.NorthMethodist);
        var again = await session.GetPageAsync($"/Courses/{course.Id}?teacher=искомая");
        again.QuerySelector("#found")!.TextContent.Should().Contain("уже записан");
    }

    [Fact]
    public async Task FullCourseRefusalIsExplainedOnTheCard()
    {
        var course = await fixture.AddCourseAsync("Карточка: мест нет", quota: 1);
        await fixture.AddEnrolmentAsync(course, await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Успевшая"));
        var (_, login) = await fixture.TeacherWithAccountAsync(fixture.Data.NorthSchool, "Опоздавшая");
        using var session = await BrowserSession.SignedInAsync(fixture.App, login);
        var card = await session.GetPageAsync($"/Courses/{course.Id}");

        var response = await SubmitAsync(session, FormWith(card, "button.btn"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(response)).QuerySelector(".errors")!.TextContent.Should().Be("Свободных мест на курсе нет: все 1 мест заняты.");
        (await fixture.EnrolmentsAsync(course)).Should().ContainSingle();
    }

    [Fact]
    public async Task MethodistCancelsAnEnrolmentAndThePlaceIsFreed()
    {
        var course = await fixture.AddCourseAsync("Карточка: отмена", quota: 1);
        var enrolment = await fixture.AddEnrolmentAsync(course, await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Передумавшая"));
        var session = await fixture.SessionAsync(fixture.SchoolMethodist);
        var card = await session.GetPageAsync($"/Courses/{course.Id}");

        var response = await SubmitAsync(session, FormWith(card, "input[name=enrolmentId]"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.EnrolmentsAsync(course)).Single(e => e.Id == enrolment.Id).Status.Should().Be(EnrolmentStatus.Cancelled);
        (await session.GetPageAsync($"/Courses/{course.Id}")).QuerySelector("#places-left")!.TextContent.Trim().Should().Be("1");
    }

    [Fact]
    public async Task CourseFormExplainsEveryMistakeInRussianAndSavesNothing()
    {
        var session = await fixture.SessionAsync(fixture.Admin);
        var before = await fixture.InDbAsync(db => db.Courses.CountAsync());
        var form = await session.GetPageAsync("/Courses/Edit");

        var response = await PostFormAsync(session, "/Courses/Edit", FormWith(form, "[name='Input.Title']"),
            ("Input.Title", " "), ("Input.Provider", ""), ("Input.Hours", "2001"), ("Input.StartsOn", "2027-03-10"), ("Input.EndsOn", "2027-03-01"), ("Input.Quota", "0"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await BrowserSession.ParseAsync(response);
        page.QuerySelectorAll(".field-error").Select(e => e.TextContent).Where(t => t.Length > 0).Should().BeEquivalentTo(
            "Укажите название программы.",
            "Укажите организатора — организацию, которая проводит обучение.",
            "Объём программы — от 1 до 2000 часов.",
            "Дата окончания раньше даты начала.",
            "Квота — не меньше одного места; оставьте поле пустым, если места не ограничены.",
            "Отметьте хотя бы одну область компетенций, на которую направлена программа.");
        page.QuerySelector("#hours")!.ClassList.Should().Contain("input-validation-error");
        (await fixture.InDbAsync(db => db.Courses.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task AdministratorCreatesACourseAndChangesItsAreas()
    {
        var session = await fixture.SessionAsync(fixture.Admin);
        var form = await session.GetPageAsync("/Courses/Edit");
        var created = await PostFormAsync(session, "/Courses/Edit", FormWith(form, "[name='Input.Title']"),
            ("Input.Title", "Форма: новый курс"), ("Input.Provider", "АО ИРО"), ("Input.Hours", "36"), ("Input.Quota", "25"),
            ("Input.StartsOn", "2027-01-11"), ("Input.EndsOn", "2027-01-22"), ("Input.Form", "Blended"), ("Input.FederalRegistry", "true"),
            ("Input.AreaIds", DefaultAreas.Digital.ToString()));

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = Guid.Parse(created.Headers.Location!.OriginalString["/Courses/".Length..]);
        var course = await fixture.InDbAsync(db => db.Courses.Include(c => c.Areas).AsNoTracking().SingleAsync(c => c.Id == id));
        (course.Title, course.Provider, course.Hours, course.Quota, course.Form, course.FederalRegistry, course.StartsOn).Should()
            .Be(("Форма: новый курс", "АО ИРО", 36, (int?)25, CourseForm.Blended, true, (DateOnly?)new DateOnly(2027, 1, 11)));
        course.Areas.Select(a => a.AreaId).Should().Equal(DefaultAreas.Digital);

        var edit = await session.GetPageAsync($"/Courses/Edit/{id}");
        var fields = BrowserSession.FormFields(FormWith(edit, "[name='Input.Title']"));
        fields.RemoveAll(f => f.Key == "Input.AreaIds");
        fields.Add(new("Input.AreaIds", DefaultAreas.Legal.ToString()));
        fields.Add(new("Input.AreaIds", DefaultAreas.Inclusive.ToString()));
        (await session.Client.PostAsync($"/Courses/Edit/{id}", new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var areas = await fixture.InDbAsync(db => db.CourseAreas.Where(a => a.CourseId == id).Select(a => a.AreaId).ToListAsync());
        areas.Should().BeEquivalentTo([DefaultAreas.Legal, DefaultAreas.Inclusive]);
    }

    [Fact]
    public async Task QuotaCannotFallBelowThePlacesAlreadyTaken()
    {
        var course = await fixture.AddCourseAsync("Форма: квота", quota: 5);
        await fixture.AddEnrolmentAsync(course, await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Квотная"));
        await fixture.AddEnrolmentAsync(course, await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Квотная-Вторая"));
        var session = await fixture.SessionAsync(fixture.Admin);
        var edit = await session.GetPageAsync($"/Courses/Edit/{course.Id}");

        var response = await PostFormAsync(session, $"/Courses/Edit/{course.Id}", FormWith(edit, "[name='Input.Title']"), ("Input.Quota", "1"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(response)).QuerySelector(".errors")!.TextContent.Should().Contain("На курс уже записано 2: квота не может быть меньше.");
        (await fixture.InDbAsync(db => db.Courses.AsNoTracking().SingleAsync(c => c.Id == course.Id))).Quota.Should().Be(5);
    }

    [Fact]
    public async Task OnlyTheRegionAdministratorKeepsTheCatalogue()
    {
        var session = await fixture.SessionAsync(fixture.NorthMethodist);

        var response = await session.Client.GetAsync("/Courses/Edit");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
        (await (await fixture.SessionAsync(fixture.Admin)).GetPageAsync("/Courses")).QuerySelector("a[href='/Courses/Edit']").Should().NotBeNull();
    }

    [Fact]
    public async Task CompletionWithAScanIsSavedAndTheScanIsShownOnlyToThoseWhoSeeTheTeacher()
    {
        var course = await fixture.AddCourseAsync("Завершение со сканом", startsOn: Past);
        var (person, login) = await fixture.TeacherWithAccountAsync(fixture.Data.NorthSchool, "Сканова");
        var enrolment = await fixture.AddEnrolmentAsync(course, person);
        var route = await fixture.AddRouteAsync(person, RouteStatus.InProgress, (RouteSection.Courses, course.Id, null));
        using var teacher = await BrowserSession.SignedInAsync(fixture.App, login);
        var scan = "%PDF-1.4\n% удостоверение\n"u8.ToArray();

        var response = await PostCompletionAsync(teacher, enrolment.Id, CourseFixture.Today.ToString("yyyy-MM-dd"), "ПК 000123", scan, "удостоверение.pdf", "application/pdf");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be($"/Courses/{course.Id}");
        var saved = (await fixture.EnrolmentsAsync(course)).Single();
        saved.Status.Should().Be(EnrolmentStatus.Completed);
        saved.CertificateNumber.Should().Be("ПК 000123");
        (await fixture.ItemsAsync(route)).Single().Evidence.Should().Be($"Удостоверение № ПК 000123 от {CourseFixture.Today:dd.MM.yyyy}");
        var file = await fixture.InDbAsync(db => db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == saved.CertificateFileId));
        (file.PersonId, file.ContentType, file.FileName, file.Size).Should().Be(((Guid?)person.Id, "application/pdf", "удостоверение.pdf", (long)scan.Length));

        var own = await teacher.Client.GetAsync($"/Files/{file.Id}");
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        (await own.Content.ReadAsByteArrayAsync()).Should().Equal(scan);
        var north = await fixture.SessionAsync(fixture.NorthMethodist);
        (await north.GetPageAsync($"/Courses/{course.Id}")).QuerySelector($"#enrolled a[href='/Files/{file.Id}']").Should().NotBeNull();
        (await (await fixture.SessionAsync(fixture.SouthMethodist)).Client.GetAsync($"/Files/{file.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var southApi = await fixture.ClientAsync(fixture.SouthMethodist);
        (await southApi.GetAsync($"/api/files/{file.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CompletionRefusesAFileThatIsNotAScanAndSavesNothing()
    {
        var course = await fixture.AddCourseAsync("Завершение с текстом", startsOn: Past);
        var enrolment = await fixture.AddEnrolmentAsync(course, await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Текстова"));
        var session = await fixture.SessionAsync(fixture.NorthMethodist);
        var files = await fixture.InDbAsync(db => db.StoredFiles.CountAsync());

        var response = await PostCompletionAsync(session, enrolment.Id, CourseFixture.Today.ToString("yyyy-MM-dd"), "123", "просто текст"u8.ToArray(), "скан.pdf", "application/pdf");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await BrowserSession.ParseAsync(response);
        page.QuerySelectorAll(".field-error").Select(e => e.TextContent).Should().Contain("Скан должен быть файлом PDF, JPG или PNG.");
        (await fixture.EnrolmentsAsync(course)).Single().Status.Should().Be(EnrolmentStatus.Enrolled);
        (await fixture.InDbAsync(db => db.StoredFiles.CountAsync())).Should().Be(files);
    }

    private static async Task<HttpResponseMessage> PostCompletionAsync(BrowserSession session, Guid enrolmentId, string date, string number, byte[] scan, string fileName, string contentType)
    {
        var form = await session.GetPageAsync($"/Courses/Completion/{enrolmentId}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(BrowserSession.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(date), "CompletedOn" },
            { new StringContent(number), "CertificateNumber" },
        };
        var file = new ByteArrayContent(scan);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "Scan", fileName);
        return await session.Client.PostAsync($"/Courses/Completion/{enrolmentId}", content);
    }
}
