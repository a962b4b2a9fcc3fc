using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Consultations;

/// <summary>The desk's pages as each role sees them, the form with files, the actions of the request page, and the public list of answers.</summary>
public sealed class ConsultationPagesTests(ConsultationFixture f) : IClassFixture<ConsultationFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    private static Guid Id(JsonElement request) => request.GetProperty("id").GetGuid();

    private static async Task<HttpResponseMessage> AskWithFormAsync(BrowserSession session, string topic, byte[] file, string fileName, string contentType)
    {
        var page = await session.GetPageAsync("/Consultations/New");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(BrowserSession.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(topic), "Topic" },
            { new StringContent(TestData.Mathematics.ToString()), "SubjectId" },
            { new StringContent("Прошу посмотреть проект рабочей программы: соответствует ли он ФОП ООО?"), "Text" },
            { new StringContent("false"), "ToRegion" },
        };
        var upload = new ByteArrayContent(file);
        upload.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(upload, "Files", fileName);
        return await session.Client.PostAsync("/Consultations/New", content);
    }

    /// <summary>Submits the form of the page whose action calls <paramref name="handler"/>, with the given field values.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(BrowserSession session, IHtmlDocument page, string handler, params (string Name, string Value)[] values)
    {
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(x => x.GetAttribute("action")?.Contains($"handler={handler}") == true);
        var fields = BrowserSession.FormFields(form);
        foreach (var (name, value) in values) BrowserSession.Set(fields, name, value);
        return await session.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task TeacherAsksThroughTheFormWithAFileThatOnlyTheAskerAndTheServiceCanOpen()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Формова");
        using var teacher = await BrowserSession.SignedInAsync(f.App, login);
        var form = await teacher.GetPageAsync("/Consultations/New");
        form.QuerySelector("main")!.TextContent.Should().Contain(WorkingDays.AddWorkingDays(Today, 10).ToString("dd.MM.yyyy"))
            .And.Contain("муниципальную методическую службу (Северск)");

        var response = await AskWithFormAsync(teacher, "Проект рабочей программы", Pdf, "программа.pdf", "application/pdf");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.Should().StartWith("/Consultations/");
        var page = await teacher.GetPageAsync(location);
        page.QuerySelector("h1")!.TextContent.Should().Contain("Проект рабочей программы");
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent == "программа.pdf").GetAttribute("href")!;
        (await (await teacher.Client.GetAsync(link)).Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
        page.QuerySelectorAll("form").Should().NotContain(x => x.GetAttribute("action")!.Contains("handler=Answer"));

        using var north = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);
        (await north.Client.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK);
        using var south = await BrowserSession.SignedInAsync(f.App, f.SouthMethodist);
        (await south.Client.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await south.Client.GetAsync(location)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FileOfAnUnknownKindIsRefusedNextToTheFieldAndNothingIsSaved()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Исполняемова");
        var askerId = await f.UserIdAsync(login);
        using var teacher = await BrowserSession.SignedInAsync(f.App, login);

        var response = await AskWithFormAsync(teacher, "Вопрос с программой", "MZ\u0090\0binary"u8.ToArray(), "setup.exe", "application/octet-stream");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await BrowserSession.ParseAsync(response);
        page.QuerySelector(".errors")!.TextContent.Should().Contain("«setup.exe» не подходит");
        (page.QuerySelector("#topic") as IHtmlInputElement)!.Value.Should().Be("Вопрос с программой");
        (await f.DbAsync(db => db.ConsultationRequests.AnyAsync(r => r.AskerUserId == askerId))).Should().BeFalse();
    }

    [Fact]
    public async Task DeskPageCountsByStatusFiltersAndExportsOnlyItsServicesRequests()
    {
        var (_, northTeacher) = await f.AddTeacherAsync(f.Data.NorthSchool, "Столова");
        var (_, southTeacher) = await f.AddTeacherAsync(f.Data.SouthSchool, "Югова");
        var north = await f.AskAsync(northTeacher, new { topic = "Столовый вопрос о наставничестве", subject = "Математика", text = "Вопрос" });
        await f.AskAsync(southTeacher, new { topic = "Южный вопрос о наставничестве", text = "Вопрос" });
        var northId = Id(north);
        await f.DbAsync(db => db.ConsultationRequests.Where(r => r.Id == northId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, Today.AddDays(-1))));

        using var session = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);
        var page = await session.GetPageAsync("/Consultations?search=вопрос о наставничестве");
        page.QuerySelector("h1")!.TextContent.Should().Be("Обращения за методической помощью");
        page.QuerySelector("main")!.TextContent.Should().Contain("Муниципальная методическая служба: Северск");
        var table = page.QuerySelector("table.list")!.TextContent;
        table.Should().Contain("Столовый вопрос").And.NotContain("Южный вопрос").And.Contain("просрочено");
        page.QuerySelectorAll("nav.tabs a").Select(a => a.TextContent).Should().Contain(t => t.Contains("новая"));

        var overdue = await session.GetPageAsync("/Consultations?overdue=true&status=new");
        overdue.QuerySelector("table.list")!.TextContent.Should().Contain("Столовый вопрос");

        var export = await session.Client.GetAsync("/Consultations?handler=Export&search=вопрос о наставничестве");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        var sheet = XlsxSheet.Read(await export.Content.ReadAsByteArrayAsync());
        sheet.Column("Тема").Should().Contain("Столовый вопрос о наставничестве").And.NotContain("Южный вопрос о наставничестве");
        sheet.Rows.Single(r => r["Тема"] == "Столовый вопрос о наставничестве")["Просрочено"].Should().Be("да");
        sheet.Headings.Should().Contain(["№", "Заявитель", "Служба", "Исполнитель", "Срок ответа", "Состояние"]);
    }

    [Fact]
    public async Task TeacherSeesOnlyTheirOwnRequestsWithDueDates()
    {
        var (_, mine) = await f.AddTeacherAsync(f.Data.NorthSchool, "Моя");
        var (_, other) = await f.AddTeacherAsync(f.Data.NorthSchool, "Чужая");
        await f.AskAsync(mine, new { topic = "Мой вопрос об аттестации", text = "Вопрос" });
        await f.AskAsync(other, new { topic = "Чужой вопрос об аттестации", text = "Вопрос" });

        using var session = await BrowserSession.SignedInAsync(f.App, mine);
        var page = await session.GetPageAsync("/Consultations");

        page.QuerySelector("h1")!.TextContent.Should().Be("Мои обращения за методической помощью");
        var table = page.QuerySelector("table.list")!.TextContent;
        table.Should().Contain("Мой вопрос об аттестации").And.NotContain("Чужой").And.Contain(WorkingDays.AddWorkingDays(Today, 10).ToString("dd.MM.yyyy"));
        page.QuerySelector("a[href='/Consultations/New']").Should().NotBeNull();
    }

    [Fact]
    public async Task MethodistTakesAnswersAndPublishesFromTheRequestPage()
    {
        var (teacher, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Страничная");
        var request = await f.AskAsync(login,
            new { topic = "Индивидуальный проект в 10 классе", subject = "Математика", text = "Страничная Анна Петровна: как оценивать индивидуальный проект?" });
        using var desk = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);
        var url = $"/Consultations/{Id(request)}";

        var taken = await SubmitAsync(desk, await desk.GetPageAsync(url), "Take");
        taken.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var answered = await SubmitAsync(desk, await desk.GetPageAsync(url), "Answer", ("answer", "Оценивайте по критериям из положения об индивидуальном проекте."));
        answered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await desk.GetPageAsync(url);
        page.QuerySelector(".actions .badge")!.TextContent.Should().Be("ответ дан");
        var question = (page.QuerySelector("#question") as IHtmlTextAreaElement)!.Value;
        question.Should().NotContain("Страничн").And.NotContain("Анна").And.Contain("как оценивать индивидуальный проект");

        var published = await SubmitAsync(desk, page, "Publish");
        published.StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var anonymous = BrowserSession.Open(f.App);
        var answers = await anonymous.GetPageAsync("/Answers?search=индивидуальный проект");
        var article = answers.QuerySelector($"#answer-{Id(request)}")!;
        article.TextContent.Should().Contain("Оценивайте по критериям").And.Contain("ММС: Северск").And.NotContain(teacher.LastName);
        answers.QuerySelector("main")!.TextContent.Should().NotContain("Страничн");
    }

    [Fact]
    public async Task AnswerWithAFileReachesTheAskerWhoCanOpenTheFile()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Файловая");
        var request = await f.AskAsync(login, new { topic = "Образец программы курса внеурочной деятельности", text = "Нужен образец." });
        using var desk = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);
        var url = $"/Consultations/{Id(request)}";
        var page = await desk.GetPageAsync(url);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(x => x.GetAttribute("action")!.Contains("handler=Answer"));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(BrowserSession.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Образец программы — во вложении."), "answer" },
        };
        var upload = new ByteArrayContent(Pdf);
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(upload, "files", "образец.pdf");

        var answered = await desk.Client.PostAsync(form.GetAttribute("action"), content);

        answered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var teacher = await BrowserSession.SignedInAsync(f.App, login);
        var mine = await teacher.GetPageAsync(url);
        mine.QuerySelector("main")!.TextContent.Should().Contain("Образец программы — во вложении.").And.Contain("Файлы к ответу");
        var link = mine.QuerySelectorAll("a").Single(a => a.TextContent == "образец.pdf").GetAttribute("href")!;
        (await (await teacher.Client.GetAsync(link)).Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
        using var api = await f.ClientAsync(login);
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/consultations/{Id(request)}");
        var attachment = view.GetProperty("attachments").EnumerateArray().Single();
        attachment.GetProperty("isAnswer").GetBoolean().Should().BeTrue();
        (await api.GetAsync(attachment.GetProperty("url").GetString())).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AskerClosesAnAnsweredRequestFromItsPage()
    {
        var (_, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Закрывающая");
        var request = await f.AskAsync(login, new { topic = "ВПР", text = "Когда ВПР по математике?" });
        using (var api = await f.ClientAsync(f.NorthMethodist))
            await api.PostAsync($"/api/consultations/{Id(request)}/answer", new StringContent("{\"text\":\"В апреле.\"}", System.Text.Encoding.UTF8, "application/json"));
        using var teacher = await BrowserSession.SignedInAsync(f.App, login);
        var url = $"/Consultations/{Id(request)}";

        var closed = await SubmitAsync(teacher, await teacher.GetPageAsync(url), "Close");

        closed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await teacher.GetPageAsync(url)).QuerySelector(".actions .badge")!.TextContent.Should().Be("закрыта");
    }

    [Fact]
    public async Task PublicListOfAnswersOpensWithoutSigningIn()
    {
        using var anonymous = BrowserSession.Open(f.App);

        var response = await anonymous.Client.GetAsync("/Answers");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(response)).QuerySelector("h1")!.TextContent.Should().Be("Ответы методистов");
        (await anonymous.Client.GetAsync("/Consultations")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
