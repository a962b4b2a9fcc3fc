using Metodist.BrowserTests.Infrastructure;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Metodist.BrowserTests.Mentoring;

/// <summary>
/// A municipal methodist opens the young teachers without a mentor, takes the first suggested mentor, creates the pair,
/// and finds the pairing in section 3 of the young teacher's route without touching the route.
/// </summary>
public sealed class MentoringJourneys
{
    [Fact]
    public async Task AMethodistGivesAYoungTeacherTheFirstSuggestedMentorAndTheRouteShowsIt()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var data = await TestData.CreateAsync(app);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var young = await data.AddTeacherAsync(data.NorthSchool, "Соколова", "Алина", "Игоревна",
            birthDate: today.AddYears(-24), workStart: today.AddYears(-1), category: QualificationCategory.None);
        // Two possible mentors of the same subject: the one in the same school with the highest category comes first.
        var mentor = await data.AddTeacherAsync(data.NorthSchool, "Беляева", "Наталья", "Сергеевна",
            birthDate: new DateOnly(1972, 5, 3), workStart: new DateOnly(1995, 9, 1), category: QualificationCategory.Highest);
        var otherSchool = await data.AddTeacherAsync(data.SouthSchool, "Громова", "Ольга", "Павловна",
            birthDate: new DateOnly(1980, 1, 9), workStart: new DateOnly(2004, 9, 1), category: QualificationCategory.First);
        var route = await AddRouteAsync(app, young, data.NorthSchool, today);
        var methodistLogin = await data.AddUserAsync("mmc-north", null, (AppRole.MunicipalMethodist, data.North.Id));

        await using var browser = await ChromiumSession.OpenAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync(methodistLogin, TestData.Password);

        await browser.OpenSectionAsync("Наставничество");
        await page.GotoAsync("/Mentoring/Young");
        await browser.ShouldShowPageAsync("Молодые педагоги");
        await page.GetByRole(AriaRole.Link, new() { Name = "без наставника" }).ClickAsync();
        var row = page.Locator("tr", new() { HasText = young.FullName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("40-young-without-mentor");
        await row.GetByRole(AriaRole.Link, new() { Name = "Подобрать наставника" }).ClickAsync();

        await browser.ShouldShowPageAsync("Назначение наставника");
        var first = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Назначить наставником" }) }).First;
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(mentor.LastName);
        await browser.ScreenshotAsync("41-mentor-suggestions");
        await first.GetByRole(AriaRole.Button, new() { Name = "Назначить наставником" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(mentor.FullName);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(young.FullName);
        await browser.ScreenshotAsync("42-pair-created");

        await page.GotoAsync($"/Routes/{route.Id}");
        await browser.ShouldShowPageAsync("Индивидуальный образовательный маршрут: " + young.FullName);
        var mentoringRow = page.Locator("tr[id^='item-']", new() { HasText = "Работа с наставником" });
        await Assertions.Expect(mentoringRow).ToHaveCountAsync(1);
        await Assertions.Expect(mentoringRow).ToContainTextAsync("Наставник — " + mentor.ShortName);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(otherSchool.LastName);
        await browser.ScreenshotAsync("43-route-section-3");
        browser.Problems.Should().BeEmpty();
    }

    /// <summary>The young teacher's running route, drafted before any mentor was found: one course and «Работа с наставником» with no pair.</summary>
    private static async Task<DevelopmentRoute> AddRouteAsync(TestApp app, Person teacher, Organization school, DateOnly today)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (start, end) = RouteDrafter.Period(today);
        var route = new DevelopmentRoute
        {
            PersonId = teacher.Id, Status = RouteStatus.InProgress, MunicipalityId = school.MunicipalityId, OrganizationId = school.Id,
            OrganizationName = school.ShortName, StartsOn = start, EndsOn = end, CreatedBy = "test",
        };
        route.Items.Add(new RouteItem { RouteId = route.Id, PersonId = teacher.Id, Section = RouteSection.Courses, SortOrder = 1, Title = "Функциональная грамотность" });
        route.Items.Add(new RouteItem
        {
            RouteId = route.Id, PersonId = teacher.Id, Section = RouteSection.Mentoring, SortOrder = 2, Title = "Работа с наставником",
            Details = "Адаптация в профессии, планирование и анализ уроков", Deadline = end, Reason = "Молодой педагог: первые три года работы",
        });
        db.Routes.Add(route);
        await db.SaveChangesAsync();
        return route;
    }
}
