using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using Metodist.Tests.Infrastructure;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Routes;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Mentoring;

/// <summary>The pages of mentoring as the roles see them: young teachers and pairs with their exports, the one-click assignment, the pair's card, «Моё наставничество».</summary>
public sealed class MentoringPagesTests(RoleAccountsFixture f) : IClassFixture<RoleAccountsFixture>
{
    private Task<Guid> MentorAccountPersonAsync() =>
        f.App.ReadAsync(db => db.Users.Where(u => u.UserName == f.Mentor).Select(u => u.PersonId!.Value).SingleAsync());

    /// <summary>Posts the form (every form of these pages names its handler in its action) with some fields changed.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(BrowserSession session, IHtmlFormElement form, params (string Name, string Value)[] values)
    {
        var fields = BrowserSession.FormFields(form);
        foreach (var (name, value) in values) BrowserSession.Set(fields, name, value);
        return await PostAsync(session, form, fields);
    }

    private static Task<HttpResponseMessage> PostAsync(BrowserSession session, IHtmlFormElement form, List<KeyValuePair<string, string>> fields) =>
        session.Client.PostAsync(form.GetAttribute("action") ?? throw new InvalidOperationException("The form has no action"), new FormUrlEncodedContent(fields));

    [Fact]
    public async Task YoungTeachersPageListsTheScopeOffersToFindAMentorAndExports()
    {
        var (north, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Страницева");
        var (south, _) = await f.AddYoungAsync(f.Data.SouthSchool, "Страницева-Южная");
        using var session = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);

        var page = await session.GetPageAsync("/Mentoring/Young?search=страницева");

        var table = page.QuerySelector("table.list")!.TextContent;
        table.Should().Contain(north.FullName).And.NotContain(south.LastName).And.Contain("нет наставника");
        page.QuerySelector($"a[href='/Mentoring/New?menteeId={north.Id}']")!.TextContent.Should().Be("Подобрать наставника");

        var export = await session.Client.GetAsync("/Mentoring/Young?handler=Export&search=страницева");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        var sheet = XlsxSheet.Read(await export.Content.ReadAsByteArrayAsync());
        sheet.Headings.Should().Contain(["ФИО педагога", "Образовательная организация", "Наставник", "ИОМ", "Адаптация"]);
        sheet.Column("ФИО педагога").Should().Equal(north.FullName);
        sheet.Column("Наставник").Should().Equal("нет");
    }

    [Fact]
    public async Task ATeacherGetsNoYoungTeachersListAndNoPairsList()
    {
        var (_, login) = await f.AddYoungAsync(f.Data.NorthSchool, "Недопущенова");
        using var session = await BrowserSession.SignedInAsync(f.App, login);

        var young = await session.Client.GetAsync("/Mentoring/Young");
        young.StatusCode.Should().Be(HttpStatusCode.Redirect);
        young.Headers.Location!.ToString().Should().Contain("/Accounts/Denied");
        var pairs = await session.Client.GetAsync("/Mentoring");
        pairs.Headers.Location!.ToString().Should().Be("/Mentoring/My");
        (await session.Client.GetAsync("/Mentoring/New")).Headers.Location!.ToString().Should().Contain("/Accounts/Denied");
    }

    [Fact]
    public async Task OneClickOnTheFirstSuggestionCreatesThePairAndFillsTheMenteesRoute()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Одноклик");
        var best = await f.AddExperiencedAsync(f.Data.NorthSchool, "Лучшая-Наставница", years: 28);
        var route = await f.App.AddRouteAsync(young, f.Data.NorthSchool, RouteStatus.Approved);
        using var session = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);

        var page = await session.GetPageAsync($"/Mentoring/New?menteeId={young.Id}");
        var first = page.QuerySelector("#suggestions tbody tr")!;
        first.TextContent.Should().Contain(best.FullName).And.Contain("Тот же предмет: Математика");
        var response = await SubmitAsync(session, (IHtmlFormElement)first.QuerySelector("form")!);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var pairUrl = response.Headers.Location!.ToString();
        pairUrl.Should().StartWith("/Mentoring/");
        var card = await session.GetPageAsync(pairUrl);
        card.QuerySelector("main")!.TextContent.Should().Contain(best.FullName).And.Contain(young.FullName).And.Contain("опытный педагог — молодой специалист");
        card.QuerySelector($"a[href='/Routes/{route.Id}']").Should().NotBeNull();
        using var api = await f.ClientAsync(f.NorthMethodist);
        (await api.MentoringItemsAsync(route.Id)).Single().GetProperty("details").GetString().Should().StartWith($"Наставник — {best.ShortName}");
        var routePage = await session.GetPageAsync($"/Routes/{route.Id}");
        routePage.QuerySelector($"a[href='{pairUrl}']").Should().NotBeNull();
        var print = await session.GetPageAsync($"/Routes/Print/{route.Id}");
        print.QuerySelector("article.printform")!.TextContent.Should().Contain("Работа с наставником").And.Contain(best.ShortName);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await api.GetByteArrayAsync($"/api/routes/{route.Id}/docx")), false);
        docx.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("Работа с наставником").And.Contain($"Наставник — {best.ShortName}");
    }

    [Fact]
    public async Task TheFullFormMakesAGroupWithTheOrderAndRefusesABadEnd()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Группова");
        var (colleague, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Группова-Коллега");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Группова-Наставница");
        using var session = await BrowserSession.SignedInAsync(f.App, f.NorthSchoolMethodist);
        var page = await session.GetPageAsync($"/Mentoring/New?menteeId={young.Id}&mentorSearch=группова-наставница");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(x => x.QuerySelector("[name='Input.MentorId']") is not null);

        var refused = await SubmitAsync(session, form, ("Input.MentorId", mentor.Id.ToString()), ("Input.EndDate", MentoringTestData.Today.AddDays(-1).ToString("yyyy-MM-dd")));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(refused)).QuerySelector(".errors")!.TextContent.Should().StartWith("Дата окончания");

        var fields = BrowserSession.FormFields(form);
        BrowserSession.Set(fields, "Input.MentorId", mentor.Id.ToString());
        BrowserSession.Set(fields, "Input.OrderNumber", "45-од");
        BrowserSession.Set(fields, "Input.OrderDate", MentoringTestData.Today.AddDays(-2).ToString("yyyy-MM-dd"));
        BrowserSession.Set(fields, "Input.Form", "competentLearning");
        fields.Add(new("Input.OtherMenteeIds", colleague.Id.ToString()));
        var created = await PostAsync(session, form, fields);

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var card = await session.GetPageAsync(created.Headers.Location!.ToString());
        var text = card.QuerySelector("main")!.TextContent;
        text.Should().Contain("Группа наставничества").And.Contain(colleague.FullName).And.Contain("№ 45-од").And.Contain("владеющий компетенцией — осваивающий её");
    }

    [Fact]
    public async Task PairsListShowsThePairsOfTheScopeAndExports()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Списочная");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Списочная-Наставница");
        using var api = await f.ClientAsync(f.NorthMethodist);
        await api.CreatePairAsync(mentor.Id, young.Id);
        using var session = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);

        var page = await session.GetPageAsync("/Mentoring?search=списочная");
        page.QuerySelector("table.list")!.TextContent.Should().Contain(mentor.FullName).And.Contain(young.FullName);
        page.QuerySelector("nav.tabs")!.TextContent.Should().Contain("действует");

        var export = await session.Client.GetAsync("/Mentoring?handler=Export&search=списочная");
        var sheet = XlsxSheet.Read(await export.Content.ReadAsByteArrayAsync());
        sheet.Column("Наставник").Should().Equal(mentor.FullName);
        sheet.Column("Наставляемые").Should().Equal(young.FullName);
        sheet.Column("Состояние").Should().Equal("действует");

        using var south = await BrowserSession.SignedInAsync(f.App, f.SouthMethodist);
        (await south.GetPageAsync("/Mentoring?search=списочная")).QuerySelector("main")!.TextContent.Should().NotContain(mentor.LastName);
    }

    [Fact]
    public async Task TheMentorLogsAMeetingFromTheirPageAndTheMenteeSeesTheMentorPlanAndMeetings()
    {
        var (young, youngLogin) = await f.AddYoungAsync(f.Data.NorthSchool, "Подопечнова");
        using var api = await f.ClientAsync(f.NorthSchoolMethodist);
        var pair = await api.CreatePairAsync(await MentorAccountPersonAsync(), young.Id);
        using var mentor = await BrowserSession.SignedInAsync(f.App, f.Mentor);

        var my = await mentor.GetPageAsync("/Mentoring/My");
        var card = my.QuerySelector($"#pair-{pair.Id()}")!;
        card.TextContent.Should().Contain(young.FullName);
        var logged = await SubmitAsync(mentor, (IHtmlFormElement)card.QuerySelector("form")!, ("topic", "Планирование урока по теме «Дроби»"), ("hours", "1,5"));
        logged.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var details = await mentor.GetPageAsync($"/Mentoring/{pair.Id()}");
        details.QuerySelector("#meetings + table")!.TextContent.Should().Contain("Планирование урока по теме «Дроби»").And.Contain("1,5");
        details.QuerySelector("form[action*='handler=Close']").Should().BeNull("the mentor does not close the pair");

        using var mentee = await BrowserSession.SignedInAsync(f.App, youngLogin);
        var own = await mentee.GetPageAsync("/Mentoring/My");
        own.QuerySelector($"#pair-{pair.Id()}")!.TextContent.Should().Contain("Наставникова").And.Contain("Планирование урока по теме «Дроби»");
        var read = await mentee.GetPageAsync($"/Mentoring/{pair.Id()}");
        read.QuerySelector("form[action*='handler=Meeting']").Should().BeNull();
    }

    [Fact]
    public async Task AMethodistPlansMarksDoneAndClosesThePairOnItsCard()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Плановая");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Плановая-Наставница");
        using var api = await f.ClientAsync(f.NorthMethodist);
        var pair = await api.CreatePairAsync(mentor.Id, young.Id);
        using var session = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);
        var url = $"/Mentoring/{pair.Id()}";

        var page = await session.GetPageAsync(url);
        var plan = (IHtmlFormElement)page.QuerySelector("form[action*='handler=Plan']")!;
        (await SubmitAsync(session, plan, ("title", "Посещение уроков наставника"), ("kind", "meeting"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        page = await session.GetPageAsync(url);
        page.QuerySelector("#plan + table")!.TextContent.Should().Contain("Посещение уроков наставника");
        (await SubmitAsync(session, (IHtmlFormElement)page.QuerySelector("form[action*='handler=PlanDone']")!)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        page = await session.GetPageAsync(url);
        page.QuerySelector("#plan + table")!.TextContent.Should().Contain("выполнено");

        var close = (IHtmlFormElement)page.QuerySelector("form[action*='handler=Close']")!;
        (await SubmitAsync(session, close, ("evaluation", "Планирует уроки самостоятельно"), ("score", "5"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        page = await session.GetPageAsync(url);
        page.QuerySelector(".actions")!.TextContent.Should().Contain("завершена");
        page.QuerySelector("main")!.TextContent.Should().Contain("5 из 5").And.Contain("Планирует уроки самостоятельно");
    }

    [Fact]
    public async Task AMentorOpensTheMenteesCardButNotTheirDiagnosticResults()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Приватнова");
        await f.App.AddResultAsync(young.Id, MentoringTestData.Today.AddDays(-5), (Web.Features.Diagnostics.DefaultAreas.Digital, 35));
        using var api = await f.ClientAsync(f.NorthMethodist);
        await api.CreatePairAsync(await MentorAccountPersonAsync(), young.Id);

        using var mentor = await BrowserSession.SignedInAsync(f.App, f.Mentor);
        var card = await mentor.GetPageAsync($"/Registry/Teachers/Details/{young.Id}");
        card.QuerySelector("main")!.TextContent.Should().Contain(young.FullName).And.NotContain("Диагностика и профессиональное развитие");
        using var methodist = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);
        (await methodist.GetPageAsync($"/Registry/Teachers/Details/{young.Id}")).QuerySelector("main")!.TextContent.Should().Contain("Диагностика и профессиональное развитие");
    }
}
