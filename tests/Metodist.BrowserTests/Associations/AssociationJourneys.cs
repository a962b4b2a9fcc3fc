using Metodist.BrowserTests.Infrastructure;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Associations;
using Metodist.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Metodist.BrowserTests.Associations;

/// <summary>
/// The association's year in Chromium: the leader makes the plan, adds an event by its item and publishes it; a teacher
/// finds it on the public calendar, signs in and registers; the leader marks attendance and writes the protocol; the
/// report shows the event as held.
/// </summary>
public sealed class AssociationJourneys
{
    [Fact]
    public async Task FromThePlanThroughThePublicCalendarToTheProtocolAndTheReport()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var data = await TestData.CreateAsync(app);
        var leader = await data.AddTeacherAsync(data.NorthSchool, "Ведущая", "Ольга", "Игоревна");
        var leaderLogin = await data.AddUserAsync("mo-leader", leader.Id, (AppRole.Teacher, leader.Id));
        var teacher = await data.AddTeacherAsync(data.NorthSchool, "Читающая", "Мария", "Петровна");
        var teacherLogin = await data.AddUserAsync("mo-teacher", teacher.Id, (AppRole.Teacher, teacher.Id));

        // The year of the plan and a report period that hold today, whatever the season the test runs in.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var year = AcademicYear.Of(today);
        var reportDates = "20.12, 20.05";
        if (!PlanRules.ReportPeriods(year, reportDates).Any(p => p.Start <= today && today <= p.DueOn))
        {
            year = new AcademicYear(year.FirstYear - 1);
            reportDates = "20.12, 20.05, 31.08";
        }
        const string name = "ММО учителей литературы Северска";
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var association = new Association
            {
                Name = name, Level = AssociationLevel.Municipal, Kind = AssociationKind.MethodicalAssociation, Subject = "Литература", RegionId = data.Region.Id,
                MunicipalityId = data.North.Id, BaseOrganizationId = data.NorthSchool.Id, LeaderPersonId = leader.Id, ReportDates = reportDates, CreatedBy = "test",
            };
            association.Members.Add(new AssociationMember { AssociationId = association.Id, PersonId = leader.Id, FullName = leader.FullName, Role = MemberRole.Leader, Status = MemberStatus.Active, SortOrder = 1 });
            association.Members.Add(new AssociationMember { AssociationId = association.Id, PersonId = teacher.Id, FullName = teacher.FullName, Role = MemberRole.Member, Status = MemberStatus.Active, SortOrder = 2 });
            db.Associations.Add(association);
            await db.SaveChangesAsync();
        }
        const string title = "Семинар «Смысловое чтение на уроках литературы»";

        await using var browser = await ChromiumSession.OpenAsync(app.BaseAddress);
        var page = browser.Page;

        // The leader makes the plan of the year with one item, publishes it and adds the event by the item.
        await browser.SignInAsync(leaderLogin, TestData.Password);
        await browser.OpenSectionAsync("Объединения");
        await browser.ShouldShowPageAsync("Методические объединения и профессиональные сообщества");
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await browser.ShouldShowPageAsync(name);
        await page.GetByLabel("Учебный год", new() { Exact = true }).FillAsync(year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Составить план" }).ClickAsync();
        await page.WaitForURLAsync("**/Associations/Plans/*");
        await browser.ShouldShowPageAsync($"План работы: {name} на {year} учебный год");
        await page.GetByLabel("Наименование мероприятия *").FillAsync(title);
        await page.GetByLabel("Форма", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "семинар" });
        await page.GetByLabel("Срок", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "дата" });
        await page.GetByLabel("Дата", new() { Exact = true }).FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить пункт" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Пункт 1 добавлен");
        await page.GetByRole(AriaRole.Button, new() { Name = "Опубликовать на сайте" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("План опубликован");
        await browser.ScreenshotAsync("50-plan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Мероприятие по пункту" }).ClickAsync();
        await browser.ShouldShowPageAsync("Новое мероприятие");
        await Assertions.Expect(page.GetByLabel("Название *", new() { Exact = true })).ToHaveValueAsync(title);
        await page.GetByLabel("Дата *", new() { Exact = true }).FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Начало", new() { Exact = true }).FillAsync("00:00");
        await page.GetByLabel("Окончание", new() { Exact = true }).FillAsync("23:59");
        await page.GetByRole(AriaRole.Button, new() { Name = "Опубликовать", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Events/*");
        await browser.ShouldShowPageAsync(title);
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Мероприятие опубликовано");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"план {year}, п. 1.");
        var eventUrl = page.Url;
        await SignOutAsync(page);

        // A teacher finds it on the public calendar without signing in, then signs in from there and registers.
        await page.GotoAsync("/Public/Events");
        await page.Locator("table").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await page.GetByRole(AriaRole.Link, new() { Name = "Войти и записаться" }).ClickAsync();
        await page.GetByLabel("Логин").FillAsync(teacherLogin);
        await page.GetByLabel("Пароль").FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync("**/Public/Events/*");
        await page.GetByRole(AriaRole.Button, new() { Name = "Записаться" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Вы записаны на это мероприятие");
        await browser.ScreenshotAsync("51-public-registration");
        await SignOutAsync(page);

        // The leader marks attendance on the event's card and writes the protocol with those who came.
        await browser.SignInAsync(leaderLogin, TestData.Password);
        await page.GotoAsync(eventUrl);
        await page.GetByLabel(teacher.FullName).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Отметить присутствие" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Присутствие отмечено: 1 чел.");
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Новый протокол" }).ClickAsync();
        await browser.ShouldShowPageAsync("Протокол заседания");
        await page.GetByLabel("Заседание проводилось как мероприятие").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Взять присутствующих из отметок" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = teacher.FullName })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = leader.FullName })).Not.ToBeCheckedAsync();
        await page.GetByLabel("Решили", new() { Exact = true }).FillAsync("1. Опыт смыслового чтения рекомендовать к использованию.");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Поручение 1" }).FillAsync("Подготовить подборку текстов для смыслового чтения");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить протокол" }).ClickAsync();
        await page.WaitForURLAsync("**/Associations/Protocols/*");
        await browser.ShouldShowPageAsync($"Протокол № 1 от {today:dd.MM.yyyy}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Подготовить подборку текстов");
        await browser.ScreenshotAsync("52-protocol");

        // The report of the period shows the event as held and the item done.
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.GotoAsync(page.Url + $"/Reports/New?academicYear={year}");
        var period = PlanRules.ReportPeriods(year, reportDates).First(p => p.Start <= today && today <= p.DueOn);
        await page.Locator("tr", new() { HasText = $"{period.Start:dd.MM.yyyy} – {period.DueOn:dd.MM.yyyy}" })
            .GetByRole(AriaRole.Button, new() { Name = "Подготовить отчёт" }).ClickAsync();
        await page.WaitForURLAsync("**/Associations/Reports/*");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Отчёт собран из данных");
        var held = page.Locator("table.list").Nth(1);
        await Assertions.Expect(held).ToContainTextAsync(title);
        await Assertions.Expect(page.Locator("table.list").First.Locator("tr", new() { HasText = title })).ToContainTextAsync("выполнено");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Протокол № 1");
        await browser.ScreenshotAsync("53-report");
        browser.Problems.Should().BeEmpty();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await page.WaitForURLAsync("**/Accounts/Login**");
    }
}
