using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Metodist.Tests.Infrastructure;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Mentoring;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Adaptation;

/// <summary>
/// The pages without JavaScript: the questionnaire a young teacher fills in and their past answers, the results for
/// methodists with the struggling teachers of their scope and the XLSX, and the administrator's rounds and questions.
/// </summary>
public sealed class AdaptationPagesTests(RoleAccountsFixture f) : IClassFixture<RoleAccountsFixture>
{
    [Fact]
    public async Task YoungTeacherFillsInTheFormOnceAndThenSeesTheirAnswers()
    {
        var survey = await f.App.OpenRoundAsync();
        var (teacher, login) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, "Анкетова");
        using var session = await BrowserSession.SignedInAsync(f.App, login);

        var page = await session.GetPageAsync("/Mentoring/Adaptation/Take");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(x => x.QuerySelector("input[type=radio]") is not null);
        form.QuerySelectorAll("input[type=radio]").Should().HaveCount(8 * 5);
        var fields = BrowserSession.FormFields(form);
        var scale = survey.Questions.Where(q => q.Kind == AdaptationQuestionKind.Scale).OrderBy(q => q.Number).ToList();
        // Seven of eight marked: the form comes back with the missing one named and the marks kept.
        foreach (var q in scale.Skip(1)) fields.Add(new($"Scores[{q.Id}]", "5"));
        var refused = await session.Client.PostAsync("/Mentoring/Adaptation/Take", new FormUrlEncodedContent(fields));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await BrowserSession.ParseAsync(refused);
        again.QuerySelector(".errors")!.TextContent.Should().Contain("Вопрос 1: выберите оценку от 1 до 5");
        again.QuerySelectorAll("input[type=radio][checked]").Should().HaveCount(7);

        fields.Add(new($"Scores[{scale[0].Id}]", "3"));
        var free = survey.Questions.Single(q => q.Kind == AdaptationQuestionKind.Text);
        BrowserSession.Set(fields, $"Texts[{free.Id}]", "Хочу посещать уроки коллег");
        var sent = await session.Client.PostAsync("/Mentoring/Adaptation/Take", new FormUrlEncodedContent(fields));
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var after = await session.GetPageAsync("/Mentoring/Adaptation/Take");
        var text = after.QuerySelector("main")!.TextContent;
        text.Should().Contain("Спасибо! Анкета отправлена").And.Contain("Вы уже заполнили анкету").And.Contain("Мои анкеты")
            .And.Contain("4,75").And.Contain("адаптирован").And.Contain("Хочу посещать уроки коллег");
        after.QuerySelectorAll("input[type=radio]").Should().BeEmpty();
        (await f.App.ReadAsync(db => db.AdaptationResponses.CountAsync(r => r.PersonId == teacher.Id))).Should().Be(1);
    }

    [Fact]
    public async Task TeacherWhoIsNotYoungIsToldTheQuestionnaireIsForYoungTeachers()
    {
        await f.App.OpenRoundAsync();
        var (_, login) = await f.AddTeacherAsync(f.Data.SouthSchool, "Стажистова");
        using var session = await BrowserSession.SignedInAsync(f.App, login);

        var page = await session.GetPageAsync("/Mentoring/Adaptation/Take");
        page.QuerySelector("main")!.TextContent.Should().Contain("для молодых педагогов (моложе 35 лет и не более 3 лет педагогического стажа)");
        page.QuerySelectorAll("input[type=radio]").Should().BeEmpty();
        (await session.Client.GetAsync("/Mentoring/Adaptation")).Headers.Location!.OriginalString.Should().Be("/Mentoring/Adaptation/Take");
    }

    [Fact]
    public async Task MethodistSeesTheResultsOfTheirMunicipalityAndTheStrugglingTeachersWithAWayToFindThemAMentor()
    {
        var survey = await f.App.AddSurveyAsync(2020, AdaptationRound.Spring, AdaptationTestData.Today.AddDays(-120), AdaptationTestData.Today.AddDays(-90));
        var (struggling, _) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, "Трудностева");
        await f.App.AddResponseAsync(survey, struggling, f.Data.NorthSchool, 2, "Нужен наставник по математике");
        var (mentored, _) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, "Опекаемая");
        await f.App.AddResponseAsync(survey, mentored, f.Data.NorthSchool, 1);
        var (mentor, _) = await f.AddTeacherAsync(f.Data.NorthSchool, "Помогаева");
        await f.App.AddPairAsync(mentor, mentored, f.Data.NorthSchool);
        for (var i = 0; i < 3; i++)
        {
            var (teacher, _) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, $"Благополучная{i}");
            await f.App.AddResponseAsync(survey, teacher, f.Data.NorthSchool, 5);
        }
        var (southern, _) = await f.AddYoungTeacherAsync(f.Data.SouthSchool, "Южнотрудная");
        await f.App.AddResponseAsync(survey, southern, f.Data.SouthSchool, 1);

        using var north = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);
        var page = await north.GetPageAsync($"/Mentoring/Adaptation?surveyId={survey.Id}");
        var main = page.QuerySelector("main")!.TextContent;
        main.Should().Contain("Северск").And.Contain("3,60").And.Contain("Нужен наставник по математике").And.NotContain("Южноград");
        var tables = page.QuerySelectorAll("table.list");
        var list = tables[^1]!.TextContent;
        list.Should().Contain(struggling.FullName).And.Contain(mentored.FullName).And.NotContain(southern.LastName);
        page.QuerySelector($"a[href='/Mentoring/New?menteeId={struggling.Id}']").Should().NotBeNull();
        page.QuerySelector($"a[href='/Mentoring/New?menteeId={mentored.Id}']").Should().BeNull("she has a mentor already");

        using var south = await BrowserSession.SignedInAsync(f.App, f.SouthMethodist);
        var theirs = await south.GetPageAsync($"/Mentoring/Adaptation?surveyId={survey.Id}");
        theirs.QuerySelector("main")!.TextContent.Should().Contain(southern.FullName).And.Contain("ответили меньше 5").And.NotContain(struggling.LastName);
        (await south.Client.GetAsync($"/Mentoring/Adaptation?surveyId={survey.Id}&municipalityId={f.Data.North.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ResultsExportToAWorkbookPerMunicipalityAndPerQuestion()
    {
        var survey = await f.App.AddSurveyAsync(2030, AdaptationRound.Autumn, AdaptationTestData.Today.AddDays(-200), AdaptationTestData.Today.AddDays(-180));
        for (var i = 0; i < 5; i++)
        {
            var (teacher, _) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, $"Выгрузкина{i}");
            await f.App.AddResponseAsync(survey, teacher, f.Data.NorthSchool, 4);
        }
        using var admin = await BrowserSession.SignedInAsync(f.App, f.Admin);
        var export = await admin.Client.GetAsync($"/Mentoring/Adaptation?handler=Export&surveyId={survey.Id}");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        var bytes = await export.Content.ReadAsByteArrayAsync();

        var sheet = XlsxSheet.Read(bytes);
        sheet.Column("Муниципалитет").Should().Equal("Северск", "Южноград", "Всего");
        sheet.Rows[0]["Ответили"].Should().Be("5");
        decimal.Parse(sheet.Rows[0]["Средний балл"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(4m);
        sheet.Rows[1]["Средний балл"].Should().BeEmpty();
        sheet.Rows[1]["Примечание"].Should().Contain("меньше 5");

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).Should().Equal("По муниципалитетам", "По вопросам");
        var questions = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[1].Id!.Value!);
        questions.Worksheet.Descendants<Row>().Should().HaveCount(1 + 3 * 8, "a heading and the eight scale questions of each group");

        using var curious = await BrowserSession.SignedInAsync(f.App, (await f.AddYoungTeacherAsync(f.Data.NorthSchool, "Любопытнова")).Login);
        (await curious.Client.GetAsync($"/Mentoring/Adaptation?handler=Export&surveyId={survey.Id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task AdministratorEditsTheQuestionsOfARoundUntilSomeoneAnswersAndTeachersCannotOpenTheEditor()
    {
        var survey = await f.App.AddSurveyAsync(2095, AdaptationRound.Spring, AdaptationTestData.Today.AddDays(200), AdaptationTestData.Today.AddDays(230));
        using var admin = await BrowserSession.SignedInAsync(f.App, f.Admin);
        var page = await admin.GetPageAsync($"/Mentoring/Adaptation/Questions/{survey.Id}");
        var last = survey.Questions.OrderBy(q => q.Number).Last();

        // Add a question, move it up, change its text, remove the first one.
        var add = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(x => x.TextContent.Contains("Добавить вопрос"));
        var fields = BrowserSession.FormFields(add);
        BrowserSession.Set(fields, "Question.Text", "Как часто вы обращаетесь к наставнику?");
        (await admin.Client.PostAsync(add.GetAttribute("action")!, new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var added = await f.App.ReadAsync(db => db.AdaptationQuestions.SingleAsync(q => q.SurveyId == survey.Id && q.Number == 10));
        added.Kind.Should().Be(AdaptationQuestionKind.Scale);

        page = await admin.GetPageAsync($"/Mentoring/Adaptation/Questions/{survey.Id}");
        var up = page.QuerySelector($"button[aria-label='Переместить вопрос 10 выше']")!;
        var token = BrowserSession.AntiforgeryToken(page);
        (await admin.Client.PostAsync(up.GetAttribute("formaction"), Token(token))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Numbers()).Should().ContainInOrder(added.Id, last.Id);

        var remove = page.QuerySelector("button[aria-label='Удалить вопрос 1']")!;
        (await admin.Client.PostAsync(remove.GetAttribute("formaction"), Token(token))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Numbers()).Should().HaveCount(9).And.NotContain(survey.Questions.Single(q => q.Number == 1).Id);

        // Once someone has answered, the questions stay as they are.
        var (teacher, _) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, "Перваяответившая");
        await f.App.AddResponseAsync(survey, teacher, f.Data.NorthSchool, 4);
        page = await admin.GetPageAsync($"/Mentoring/Adaptation/Questions/{survey.Id}");
        page.QuerySelector("main")!.TextContent.Should().Contain("Анкету уже заполнили: 1 педагог").And.Contain("изменить нельзя");
        page.QuerySelector("button[aria-label='Удалить вопрос 1']").Should().BeNull();
        var locked = await admin.Client.PostAsync($"/Mentoring/Adaptation/Questions/{survey.Id}?handler=RemoveQuestion&questionId={added.Id}", Token(token));
        locked.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(locked)).QuerySelector("main")!.TextContent.Should().Contain("изменить нельзя");
        (await Numbers()).Should().HaveCount(9);

        var (_, login) = await f.AddYoungTeacherAsync(f.Data.NorthSchool, "Редакторова");
        using var teacherSession = await BrowserSession.SignedInAsync(f.App, login);
        var denied = await teacherSession.Client.GetAsync($"/Mentoring/Adaptation/Questions/{survey.Id}");
        denied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        denied.Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
        using var methodist = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);
        (await methodist.Client.GetAsync("/Mentoring/Adaptation/Questions")).Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");

        Task<List<Guid>> Numbers() => f.App.ReadAsync(db => db.AdaptationQuestions.Where(q => q.SurveyId == survey.Id).OrderBy(q => q.Number).Select(q => q.Id).ToListAsync());
    }

    [Fact]
    public async Task AdministratorCreatesTheNextRoundWithTheLatestQuestionsAndOverlappingDatesAreRefused()
    {
        using var admin = await BrowserSession.SignedInAsync(f.App, f.Admin);
        var page = await admin.GetPageAsync("/Mentoring/Adaptation/Questions");
        var create = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(x => x.TextContent.Contains("Создать тур"));
        var fields = BrowserSession.FormFields(create);
        var open = await f.App.OpenRoundAsync();
        BrowserSession.Set(fields, "Next.OpensOn", open.ClosesOn.ToString("yyyy-MM-dd"));
        BrowserSession.Set(fields, "Next.ClosesOn", open.ClosesOn.AddDays(30).ToString("yyyy-MM-dd"));
        var refused = await admin.Client.PostAsync(create.GetAttribute("action")!, new FormUrlEncodedContent(fields));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(refused)).QuerySelector("main")!.TextContent.Should().Contain("Сроки пересекаются");

        BrowserSession.Set(fields, "Next.OpensOn", open.ClosesOn.AddYears(200).ToString("yyyy-MM-dd"));
        BrowserSession.Set(fields, "Next.ClosesOn", open.ClosesOn.AddYears(200).AddDays(30).ToString("yyyy-MM-dd"));
        var created = await admin.Client.PostAsync(create.GetAttribute("action")!, new FormUrlEncodedContent(fields));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var (latest, round) = await f.App.ReadAsync(async db =>
        {
            var all = await db.AdaptationSurveys.Include(s => s.Questions).ToListAsync();
            var before = all.Where(s => s.Id != id).OrderByDescending(s => s.AcademicYear, StringComparer.Ordinal).ThenByDescending(s => s.Round).First();
            return (before, all.Single(s => s.Id == id));
        });
        round.Questions.OrderBy(q => q.Number).Select(q => q.Text).Should().Equal(latest.Questions.OrderBy(q => q.Number).Select(q => q.Text));
        string.CompareOrdinal(round.AcademicYear, latest.AcademicYear).Should().BeGreaterThanOrEqualTo(0);
    }

    private static FormUrlEncodedContent Token(string token) => new([new("__RequestVerificationToken", token)]);
}
