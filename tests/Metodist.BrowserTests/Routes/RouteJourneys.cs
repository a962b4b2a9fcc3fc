using DocumentFormat.OpenXml.Packaging;
using Metodist.BrowserTests.Infrastructure;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Metodist.BrowserTests.Routes;

/// <summary>
/// The heart of the product in Chromium: a teacher takes the online test, a municipal methodist drafts the route from
/// the result and edits it, the school agrees, the ЦНППМ approves, the teacher starts it, writes a reflective report and
/// downloads the DOCX.
/// </summary>
public sealed class RouteJourneys
{
    [Fact]
    public async Task FromOnlineTestToAnApprovedRouteWithAReflectiveReport()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var data = await TestData.CreateAsync(app);
        var teacher = await data.AddTeacherAsync(data.NorthSchool, "Лапина", "Дарья", "Олеговна");
        var teacherLogin = await data.AddUserAsync("lapina", teacher.Id, (AppRole.Teacher, teacher.Id));
        var methodistLogin = await data.AddUserAsync("mmc-north", null, (AppRole.MunicipalMethodist, data.North.Id));
        var schoolLogin = await data.AddUserAsync("zam-north", null, (AppRole.SchoolMethodist, data.NorthSchool.Id));
        var adminLogin = await data.AddAdminAsync();
        await AddTestAndCourseAsync(app);

        await using var browser = await ChromiumSession.OpenAsync(app.BaseAddress);
        var page = browser.Page;

        // The teacher takes the test: every answer wrong in the digital area, right elsewhere.
        await browser.SignInAsync(teacherLogin, TestData.Password);
        await page.GotoAsync("/Diagnostics/My");
        await browser.ShouldShowPageAsync("Мои диагностики");
        await page.GetByRole(AriaRole.Link, new() { Name = "Пройти" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Начать тест" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Diagnostics/Take/[0-9a-f-]{36}$"));
        await page.GetByLabel("Федеральный закон № 273-ФЗ").CheckAsync();
        await page.GetByLabel("ФГИС «Моя школа» запрещена").CheckAsync();
        await browser.ScreenshotAsync("20-test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Завершить тест" }).ClickAsync();
        await browser.ShouldShowPageAsync("Мой профиль дефицитов");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("выраженный дефицит");
        await browser.ScreenshotAsync("21-test-result");
        await SignOutAsync(page);

        // The municipal methodist drafts the route from the teacher's card and edits an item.
        await browser.SignInAsync(methodistLogin, TestData.Password);
        await page.GotoAsync($"/Registry/Teachers/Details/{teacher.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Составить ИОМ" }).ClickAsync();
        await page.WaitForURLAsync("**/Routes/*");
        await browser.ShouldShowPageAsync("Индивидуальный образовательный маршрут: " + teacher.FullName);
        await Assertions.Expect(page.Locator("table.list").Last).ToContainTextAsync("Цифровая школа: инструменты учителя");
        var courseRow = page.Locator("tr[id^='item-']", new() { HasText = "Цифровая школа: инструменты учителя" }).First;
        await courseRow.Locator("summary", new() { HasText = "Изменить" }).ClickAsync();
        await courseRow.Locator("input[name='item.Details']").FillAsync("Дистанционно, 36 ч.; АО ИОО; группа № 3");
        await courseRow.GetByRole(AriaRole.Button, new() { Name = "Сохранить пункт" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Пункт изменён");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("группа № 3");
        await browser.ScreenshotAsync("22-route-draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Отправить на согласование" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("на согласовании");
        var routeUrl = page.Url;
        await SignOutAsync(page);

        // The school agrees.
        await browser.SignInAsync(schoolLogin, TestData.Password);
        await page.GotoAsync(routeUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Согласовать (ОО)" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("согласован образовательной организацией");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Утвердить" })).ToHaveCountAsync(0);
        await SignOutAsync(page);

        // The ЦНППМ approves.
        await browser.SignInAsync(adminLogin, TestData.Password);
        await page.GotoAsync("/Routes?agreed=true&status=submitted");
        await page.GetByRole(AriaRole.Link, new() { Name = teacher.FullName }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Утвердить" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("«утверждён»");
        await browser.ScreenshotAsync("23-route-approved");
        await SignOutAsync(page);

        // The teacher starts the route, writes a reflective report and downloads the DOCX.
        await browser.SignInAsync(teacherLogin, TestData.Password);
        await page.GotoAsync("/Routes/My");
        await page.GetByRole(AriaRole.Button, new() { Name = "Начать выполнение" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("«выполняется»");
        var row = page.Locator("tr[id^='item-']", new() { HasText = "Цифровая школа: инструменты учителя" }).First;
        await row.GetByText("Написать рефлексивный отчёт").ClickAsync();
        await row.Locator("textarea[name='reflection']").FillAsync("Освоила конструктор интерактивных заданий, применила его на уроках в 7-х классах.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Сохранить отчёт" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Рефлексивный отчёт сохранён");
        await browser.ScreenshotAsync("24-route-reflection");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Скачать DOCX" }).ClickAsync());
        download.SuggestedFilename.Should().EndWith(".docx");
        var saved = Path.Combine(Path.GetTempPath(), "metodist-route-" + Guid.NewGuid().ToString("N") + ".docx");
        try
        {
            await download.SaveAsAsync(saved);
            using var document = WordprocessingDocument.Open(saved, false);
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            text.Should().Contain("Утверждаю").And.Contain(teacher.FullName).And.Contain("Освоила конструктор интерактивных заданий").And.Contain("группа № 3");
        }
        finally
        {
            File.Delete(saved);
        }
        browser.Problems.Should().BeEmpty();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await page.WaitForURLAsync("**/Accounts/Login**");
    }

    /// <summary>A published two-question test (legal and digital) and a Federal Registry course for the digital area.</summary>
    private static async Task AddTestAndCourseAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var test = new Diagnostic { Title = "Диагностика профессиональных дефицитов", Kind = DiagnosticKind.OnlineTest, IsPublished = true, CreatedBy = "test" };
        var legal = new DiagnosticQuestion { DiagnosticId = test.Id, Number = 1, AreaId = DefaultAreas.Legal, Text = "Какой закон определяет правовые основы образования в России?" };
        legal.Options.Add(new DiagnosticOption { QuestionId = legal.Id, Number = 1, Text = "Федеральный закон № 273-ФЗ «Об образовании в Российской Федерации»", IsCorrect = true });
        legal.Options.Add(new DiagnosticOption { QuestionId = legal.Id, Number = 2, Text = "Трудовой кодекс Российской Федерации" });
        var digital = new DiagnosticQuestion { DiagnosticId = test.Id, Number = 2, AreaId = DefaultAreas.Digital, Text = "Что верно о ФГИС «Моя школа»?" };
        digital.Options.Add(new DiagnosticOption { QuestionId = digital.Id, Number = 1, Text = "В ней доступна библиотека цифрового образовательного контента", IsCorrect = true });
        digital.Options.Add(new DiagnosticOption { QuestionId = digital.Id, Number = 2, Text = "ФГИС «Моя школа» запрещена для использования на уроках" });
        test.Questions.AddRange([legal, digital]);
        db.Diagnostics.Add(test);
        var course = new Course
        {
            Title = "Цифровая школа: инструменты учителя", Provider = "АО ИОО", Kind = CourseKind.Advanced, Hours = 36, Form = CourseForm.Distance, FederalRegistry = true,
        };
        course.Areas.Add(new CourseArea { CourseId = course.Id, AreaId = DefaultAreas.Digital });
        db.Courses.Add(course);
        await db.SaveChangesAsync();
    }
}
