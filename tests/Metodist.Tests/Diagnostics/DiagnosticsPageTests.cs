using System.Net;
using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Diagnostics;

/// <summary>The diagnostics pages as a browser without JavaScript uses them: they render for their roles and keep others out.</summary>
public sealed class DiagnosticsPageTests(DiagnosticsFixture fixture) : IClassFixture<DiagnosticsFixture>
{
    /// <summary>Opens the page, fills in its form that has the named field, changes some fields and posts it where it posts.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(BrowserSession browser, string url, string field, params (string Name, string Value)[] changes)
    {
        var page = await browser.GetPageAsync(url);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(f => f.QuerySelector($"[name='{field}']") is not null);
        var fields = BrowserSession.FormFields(form);
        foreach (var (name, value) in changes) BrowserSession.Set(fields, name, value);
        return await browser.Client.PostAsync(ActionOf(form) ?? url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a one-button form (publish, delete, toggle) of the page, found by the text of its button.</summary>
    private static async Task<HttpResponseMessage> PressAsync(BrowserSession browser, string url, string button, Func<IHtmlFormElement, bool>? which = null)
    {
        var page = await browser.GetPageAsync(url);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .First(f => f.QuerySelector("button")?.TextContent.Trim() == button && (which is null || which(f)));
        return await browser.Client.PostAsync(ActionOf(form) ?? url, new FormUrlEncodedContent(BrowserSession.FormFields(form)));
    }

    private static string? ActionOf(IHtmlFormElement form) => form.GetAttribute("action") is { Length: > 0 } action ? action.Replace("&amp;", "&") : null;

    [Fact]
    public async Task StaffPagesRenderForTheRegionAdministrator()
    {
        var test = await fixture.AddTestAsync("Для отображения");
        var campaign = await fixture.AddCampaignAsync(test, DiagnosticsFixture.Today, DiagnosticsFixture.Today.AddDays(5));
        var browser = await fixture.SessionAsync(fixture.Admin);
        var pages = new Dictionary<string, string>
        {
            ["/Diagnostics/Areas"] = "Цифровая компетенция",
            ["/Diagnostics/Areas/Edit"] = "Новая компетенция",
            [$"/Diagnostics/Areas/Edit/{DefaultAreas.Digital}"] = "Изменение компетенции",
            ["/Diagnostics/Tests"] = "Для отображения",
            ["/Diagnostics/Tests/Edit"] = "Новая диагностика",
            [$"/Diagnostics/Tests/Edit/{test.Id}"] = "Пороги уровней",
            [$"/Diagnostics/Tests/Details/{test.Id}"] = "Вопрос 3",
            [$"/Diagnostics/Tests/Details/{DefaultAreas.ExternalDiagnostic}"] = "Внешняя оценка",
            ["/Diagnostics/Campaigns"] = campaign.Title,
            ["/Diagnostics/Campaigns/Create"] = "Назначить диагностику",
            [$"/Diagnostics/Campaigns/Details/{campaign.Id}"] = "педагогов в когорте",
        };
        foreach (var (url, text) in pages)
        {
            var page = await browser.GetPageAsync(url);
            page.Body!.TextContent.Should().Contain(text, url);
        }
    }

    [Fact]
    public async Task MethodistReadsTheTestsButCannotChangeThem()
    {
        var test = await fixture.AddTestAsync("Только чтение", published: false);
        var browser = await fixture.SessionAsync(fixture.NorthMethodist);

        var details = await browser.GetPageAsync($"/Diagnostics/Tests/Details/{test.Id}");
        var areas = await browser.GetPageAsync("/Diagnostics/Areas");

        details.Body!.TextContent.Should().Contain("✓ верный").And.NotContain("Опубликовать").And.NotContain("Добавить вопрос");
        areas.Body!.TextContent.Should().NotContain("Добавить компетенцию").And.NotContain("Отключить");
        foreach (var url in new[] { "/Diagnostics/Tests/Edit", $"/Diagnostics/Tests/Question/{test.Id}", "/Diagnostics/Areas/Edit" })
            (await browser.Client.GetAsync(url)).Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied", url);
        var admin = await fixture.SessionAsync(fixture.Admin);
        var publishForm = await admin.GetPageAsync($"/Diagnostics/Tests/Details/{test.Id}");
        var token = BrowserSession.AntiforgeryToken(await browser.GetPageAsync("/Diagnostics/Campaigns/Create"));
        var publish = await browser.Client.PostAsync($"/Diagnostics/Tests/Details/{test.Id}?handler=Publish",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        publish.Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
        publishForm.Body!.TextContent.Should().Contain("Опубликовать");
        (await fixture.WithDbAsync(db => db.Diagnostics.SingleAsync(d => d.Id == test.Id))).IsPublished.Should().BeFalse();
    }

    [Fact]
    public async Task TeacherIsKeptOutOfTheBuilderAndTheCampaignsButReadsTheFramework()
    {
        var (_, login) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Непускаева");
        var browser = await fixture.SessionAsync(login);

        (await browser.Client.GetAsync("/Diagnostics/Tests")).Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
        (await browser.Client.GetAsync("/Diagnostics/Campaigns/Create")).Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
        (await browser.GetPageAsync("/Diagnostics/Areas")).Body!.TextContent.Should().Contain("Нормативно-правовая компетенция").And.NotContain("Изменить");
    }

    [Fact]
    public async Task AreaCodeMustBeLowercaseLatinAndUnique()
    {
        var browser = await fixture.SessionAsync(fixture.Admin);
        const string form = "/Diagnostics/Areas/Edit";

        var bad = await SubmitAsync(browser, form, "Input.Code", ("Input.Code", "Цифра"), ("Input.Name", "Что-то"));
        var taken = await SubmitAsync(browser, form, "Input.Code", ("Input.Code", "digital"), ("Input.Name", "Ещё цифровая"));
        var noName = await SubmitAsync(browser, form, "Input.Code", ("Input.Code", "soft-skills"), ("Input.Name", " "));

        (await BrowserSession.ParseAsync(bad)).Body!.TextContent.Should().Contain("Код — строчные латинские буквы, цифры и дефис");
        (await BrowserSession.ParseAsync(taken)).Body!.TextContent.Should().Contain("Код «digital» уже занят другой компетенцией.");
        (await BrowserSession.ParseAsync(noName)).Body!.TextContent.Should().Contain("Укажите название компетенции.");
        (await fixture.WithDbAsync(db => db.CompetenceAreas.CountAsync(a => a.Code == "soft-skills" || a.Name == "Что-то"))).Should().Be(0);
    }

    [Fact]
    public async Task AdministratorAddsAnAreaAndSwitchesItOffAndOn()
    {
        var browser = await fixture.SessionAsync(fixture.Admin);
        const string form = "/Diagnostics/Areas/Edit";
        var code = "area-" + Guid.NewGuid().ToString("N")[..6];

        var saved = await SubmitAsync(browser, form, "Input.Code", ("Input.Code", code), ("Input.Name", "Функциональная грамотность"), ("Input.SortOrder", "20"));

        saved.Headers.Location!.OriginalString.Should().Be("/Diagnostics/Areas");
        var area = await fixture.WithDbAsync(db => db.CompetenceAreas.AsNoTracking().SingleAsync(a => a.Code == code));
        area.Should().BeEquivalentTo(new { Name = "Функциональная грамотность", SortOrder = 20, IsActive = true });
        (await PressAsync(browser, "/Diagnostics/Areas", "Отключить", f => ActionOf(f)!.Contains(area.Id.ToString()))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.CompetenceAreas.AsNoTracking().SingleAsync(a => a.Code == code))).IsActive.Should().BeFalse();
        (await PressAsync(browser, "/Diagnostics/Areas", "Включить", f => ActionOf(f)!.Contains(area.Id.ToString()))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.CompetenceAreas.AsNoTracking().SingleAsync(a => a.Code == code))).IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task DiagnosticWithThresholdsOutOfOrderIsNotSaved()
    {
        var browser = await fixture.SessionAsync(fixture.Admin);
        var response = await SubmitAsync(browser, "/Diagnostics/Tests/Edit", "Input.Title", ("Input.Title", "Пороги наоборот"), ("Input.NoDeficitFrom", "40"), ("Input.PartialFrom", "60"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(response)).Body!.TextContent.Should().Contain("Порог «частичный дефицит» должен быть меньше порога «нет дефицита».");
        (await fixture.WithDbAsync(db => db.Diagnostics.AnyAsync(d => d.Title == "Пороги наоборот"))).Should().BeFalse();
    }

    [Fact]
    public async Task AdministratorBuildsATestQuestionByQuestionAndPublishesIt()
    {
        var browser = await fixture.SessionAsync(fixture.Admin);
        var created = await SubmitAsync(browser, "/Diagnostics/Tests/Edit", "Input.Title",
            ("Input.Title", "Собранный тест"), ("Input.TimeLimitMinutes", "30"), ("Input.NoDeficitFrom", "80"), ("Input.PartialFrom", "50"));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = await fixture.WithDbAsync(db => db.Diagnostics.Where(d => d.Title == "Собранный тест").Select(d => d.Id).SingleAsync());

        var empty = await PressAsync(browser, $"/Diagnostics/Tests/Details/{id}", "Опубликовать");
        (await BrowserSession.ParseAsync(empty)).Body!.TextContent.Should().Contain("В тесте нет ни одного вопроса");

        var questionForm = $"/Diagnostics/Tests/Question/{id}";
        var twoKeys = await SubmitAsync(browser, questionForm, "Input.Text", ("Input.Text", "Что такое ФГОС?"), ("Input.AreaId", DefaultAreas.Legal.ToString()),
            ("Input.Options[0].Text", "Стандарт"), ("Input.Options[0].IsCorrect", "true"), ("Input.Options[1].Text", "Тоже стандарт"), ("Input.Options[1].IsCorrect", "true"));
        (await BrowserSession.ParseAsync(twoKeys)).Body!.TextContent.Should().Contain("правильным должен быть ровно один вариант");
        var first = await SubmitAsync(browser, questionForm, "Input.Text", ("Input.Text", "Что такое ФГОС?"), ("Input.AreaId", DefaultAreas.Legal.ToString()),
            ("Input.Options[0].Text", "Стандарт"), ("Input.Options[0].IsCorrect", "true"), ("Input.Options[2].Text", "Учебник"));
        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var second = await SubmitAsync(browser, questionForm, "Input.Text",
            ("Input.Text", "Какие сервисы цифровые?"), ("Input.AreaId", DefaultAreas.Digital.ToString()), ("Input.MultipleChoice", "true"), ("Input.Number", "1"),
            ("Input.Options[0].Text", "Электронный журнал"), ("Input.Options[0].IsCorrect", "true"), ("Input.Options[1].Text", "Мел"),
            ("Input.Options[2].Text", "Облачный диск"), ("Input.Options[2].IsCorrect", "true"));
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var questions = await fixture.WithDbAsync(db => db.DiagnosticQuestions.AsNoTracking().Include(q => q.Options).Where(q => q.DiagnosticId == id).OrderBy(q => q.Number).ToListAsync());
        questions.Select(q => (q.Number, q.Text)).Should().Equal((1, "Какие сервисы цифровые?"), (2, "Что такое ФГОС?"));
        questions[1].Options.OrderBy(o => o.Number).Select(o => (o.Number, o.Text, o.IsCorrect)).Should().Equal((1, "Стандарт", true), (2, "Учебник", false));
        questions[0].Options.Where(o => o.IsCorrect).Select(o => o.Number).Order().Should().Equal(1, 3);

        var published = await PressAsync(browser, $"/Diagnostics/Tests/Details/{id}", "Опубликовать");
        published.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Diagnostics.AsNoTracking().SingleAsync(d => d.Id == id)))
            .Should().BeEquivalentTo(new { IsPublished = true, TimeLimitMinutes = (int?)30, NoDeficitFrom = 80, PartialFrom = 50 });
    }

    [Fact]
    public async Task QuestionInASwitchedOffAreaStopsPublishing()
    {
        var test = await fixture.AddTestAsync("Отключённая область", published: false);
        var area = new CompetenceArea { Code = "off-" + Guid.NewGuid().ToString("N")[..6], Name = "Отключаемая компетенция", IsActive = false };
        await fixture.WithDbAsync(async db =>
        {
            db.CompetenceAreas.Add(area);
            await db.SaveChangesAsync();
            await db.DiagnosticQuestions.Where(q => q.DiagnosticId == test.Id && q.Number == 3).ExecuteUpdateAsync(s => s.SetProperty(q => q.AreaId, area.Id));
        });
        var browser = await fixture.SessionAsync(fixture.Admin);

        var response = await PressAsync(browser, $"/Diagnostics/Tests/Details/{test.Id}", "Опубликовать");

        (await BrowserSession.ParseAsync(response)).Body!.TextContent
            .Should().Contain("Компетенция «Отключаемая компетенция» отключена, а к ней относятся вопросы 3");
        (await fixture.WithDbAsync(db => db.Diagnostics.SingleAsync(d => d.Id == test.Id))).IsPublished.Should().BeFalse();
    }

    [Fact]
    public async Task TakenTestKeepsItsQuestionsAndThresholdsAndSaysSo()
    {
        var test = await fixture.AddTestAsync("Уже пройденный");
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Прошедшева");
        await fixture.AddResultAsync(teacher.Id, test.Id, DiagnosticsFixture.Today);
        var browser = await fixture.SessionAsync(fixture.Admin);

        var details = await browser.GetPageAsync($"/Diagnostics/Tests/Details/{test.Id}");
        var question = await browser.Client.GetAsync($"/Diagnostics/Tests/Question/{test.Id}/{test.Questions[0].Id}");
        var thresholds = await SubmitAsync(browser, $"/Diagnostics/Tests/Edit/{test.Id}", "Input.Title", ("Input.NoDeficitFrom", "90"));
        var removed = await fixture.WithAsync<Web.Features.Diagnostics.Tests.DiagnosticBuilder, string?>(b => b.DeleteQuestionAsync(test.Id, test.Questions[0].Id));

        details.Body!.TextContent.Should().Contain("Тест уже прошли: 1 результат. Вопросы, ключ и пороги уровней изменить нельзя").And.NotContain("Добавить вопрос");
        question.Headers.Location!.OriginalString.Should().Be($"/Diagnostics/Tests/Details/{test.Id}");
        (await BrowserSession.ParseAsync(thresholds)).Body!.TextContent.Should().Contain("пороги уровней изменить нельзя");
        removed.Should().StartWith("Тест уже прошли");
        (await fixture.WithDbAsync(db => db.DiagnosticQuestions.CountAsync(q => q.DiagnosticId == test.Id))).Should().Be(3);

        var copy = await PressAsync(browser, $"/Diagnostics/Tests/Details/{test.Id}", "Создать копию");
        var copyId = Guid.Parse(copy.Headers.Location!.OriginalString.Split('/').Last());
        (await fixture.WithDbAsync(db => db.Diagnostics.AsNoTracking().Include(d => d.Questions).SingleAsync(d => d.Id == copyId)))
            .Should().BeEquivalentTo(new { Title = "Копия: Уже пройденный", IsPublished = false }, o => o.ExcludingMissingMembers());
        (await fixture.WithDbAsync(db => db.DiagnosticQuestions.CountAsync(q => q.DiagnosticId == copyId))).Should().Be(3);
    }

    [Fact]
    public async Task DeletingAQuestionRenumbersTheRest()
    {
        var test = await fixture.AddTestAsync("Удаление вопроса", published: false);
        var browser = await fixture.SessionAsync(fixture.Admin);
        (await PressAsync(browser, $"/Diagnostics/Tests/Details/{test.Id}", "Удалить")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await fixture.WithDbAsync(db => db.DiagnosticQuestions.Where(q => q.DiagnosticId == test.Id).OrderBy(q => q.Number).Select(q => q.Text).ToListAsync()))
            .Should().Equal("Вопрос 2", "Вопрос 3");
        (await fixture.WithDbAsync(db => db.DiagnosticQuestions.Where(q => q.DiagnosticId == test.Id).Select(q => q.Number).OrderBy(n => n).ToListAsync()))
            .Should().Equal(1, 2);
    }

    [Fact]
    public async Task TeacherTakesATestWithoutJavaScriptAndSeesTheirProfile()
    {
        var test = await fixture.AddTestAsync("Без скриптов", timeLimitMinutes: 45);
        var (teacher, login) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Бесскриптова");
        var browser = await fixture.SessionAsync(login);
        var q = test.Questions.OrderBy(x => x.Number).ToList();

        (await browser.GetPageAsync($"/Diagnostics/Take/Start?diagnosticId={test.Id}")).Body!.TextContent.Should().Contain("45 мин");
        var started = await SubmitAsync(browser, $"/Diagnostics/Take/Start?diagnosticId={test.Id}", "DiagnosticId");
        started.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var attemptUrl = started.Headers.Location!.OriginalString;
        var sheet = await browser.GetPageAsync(attemptUrl);
        sheet.QuerySelectorAll($"input[type=radio][name='q.{q[0].Id}']").Should().HaveCount(3);
        sheet.QuerySelectorAll($"input[type=checkbox][name='q.{q[2].Id}']").Should().HaveCount(4);
        sheet.QuerySelector("#countdown")!.GetAttribute("data-deadline").Should().NotBeNullOrEmpty();
        var form = sheet.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.Id == "attempt");
        var fields = BrowserSession.FormFields(form);
        fields.Add(new($"q.{q[0].Id}", "1"));
        fields.Add(new($"q.{q[1].Id}", "3"));
        fields.Add(new($"q.{q[2].Id}", "1"));
        fields.Add(new($"q.{q[2].Id}", "2"));

        var finished = await browser.Client.PostAsync(attemptUrl, new FormUrlEncodedContent(fields));

        finished.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var profile = await browser.GetPageAsync(finished.Headers.Location!.OriginalString);
        var rows = profile.QuerySelectorAll("table.list tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().HaveCount(2);
        rows[0].Should().Contain("Нормативно-правовая компетенция").And.Contain("50").And.Contain("частичный дефицит");
        rows[1].Should().Contain("Цифровая компетенция").And.Contain("100").And.Contain("нет дефицита");
        profile.Body!.TextContent.Should().Contain("Без скриптов").And.Contain(DateOnly.FromDateTime(DateTime.Now).ToString("dd.MM.yyyy"));
        (await browser.Client.GetAsync(attemptUrl)).Headers.Location!.OriginalString.Should().Be(finished.Headers.Location!.OriginalString);
        (await fixture.WithDbAsync(db => db.DiagnosticResults.CountAsync(r => r.PersonId == teacher.Id))).Should().Be(1);
    }

    [Fact]
    public async Task ResumedTestShowsTheAutosavedAnswersChecked()
    {
        var test = await fixture.AddTestAsync("Продолжу позже");
        var (teacher, login) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Возвращаева");
        var attempt = (await fixture.WithAsync<DiagnosticAttempts, AttemptOutcome>(s => s.StartAsync(teacher.Id, test.Id, null))).AttemptId;
        var multiple = test.Questions.Single(q => q.MultipleChoice);
        await fixture.WithAsync<DiagnosticAttempts, AttemptOutcome>(s => s.SaveAnswerAsync(teacher.Id, attempt, multiple.Id, [2, 4]));
        var browser = await fixture.SessionAsync(login);

        var sheet = await browser.GetPageAsync($"/Diagnostics/Take/{attempt}");

        sheet.QuerySelectorAll($"input[name='q.{multiple.Id}']").OfType<IHtmlInputElement>().Where(i => i.IsChecked).Select(i => i.Value).Should().Equal("2", "4");
        sheet.QuerySelector("#answered")!.TextContent.Should().Be("1");
        (await browser.GetPageAsync($"/Diagnostics/Take/Start?diagnosticId={test.Id}")).Body!.TextContent.Should().Contain("Продолжить тест");
    }

    /// <summary>The time runs out while the page is closed, or an autosave finds it up and the script reloads the page.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OpeningATestWhoseTimeRanOutShowsTheProfileAndSaysWhy(bool autosaveFoundItFirst)
    {
        var test = await fixture.AddTestAsync("Время вышло: " + autosaveFoundItFirst, timeLimitMinutes: 15);
        var (teacher, login) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Забывчивая");
        var attempt = (await fixture.WithAsync<DiagnosticAttempts, AttemptOutcome>(s => s.StartAsync(teacher.Id, test.Id, null))).AttemptId;
        await fixture.BackdateAttemptAsync(attempt, TimeSpan.FromMinutes(16));
        if (autosaveFoundItFirst)
            (await fixture.WithAsync<DiagnosticAttempts, AttemptOutcome>(s => s.SaveAnswerAsync(teacher.Id, attempt, test.Questions[0].Id, [1]))).Failure.Should().Be(AttemptFailure.Closed);
        var browser = await fixture.SessionAsync(login);

        var response = await browser.Client.GetAsync($"/Diagnostics/Take/{attempt}");

        response.Headers.Location!.OriginalString.Should().StartWith("/Diagnostics/Take/Result/");
        var profile = await browser.GetPageAsync(response.Headers.Location!.OriginalString);
        profile.Body!.TextContent.Should().Contain(DiagnosticAttempts.TimeIsUp).And.Contain("выраженный дефицит");
    }

    [Fact]
    public async Task SomeoneElsesAttemptAndResultPagesAreNotFound()
    {
        var test = await fixture.AddTestAsync("Чужие страницы");
        var (owner, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Собственница");
        var (_, strangerLogin) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Любопытная");
        var attempt = (await fixture.WithAsync<DiagnosticAttempts, AttemptOutcome>(s => s.StartAsync(owner.Id, test.Id, null))).AttemptId;
        var result = (await fixture.WithAsync<DiagnosticAttempts, AttemptOutcome>(s => s.FinishAsync(owner.Id, attempt))).ResultId;
        var stranger = await fixture.SessionAsync(strangerLogin);
        var methodist = await fixture.SessionAsync(fixture.NorthSchoolMethodist);

        (await stranger.Client.GetAsync($"/Diagnostics/Take/{attempt}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.Client.GetAsync($"/Diagnostics/Take/Result/{result}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await methodist.Client.GetAsync($"/Diagnostics/Take/Result/{result}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
