using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;
using static Metodist.Tests.Imports.ImportFiles;

namespace Metodist.Tests.Imports;

public sealed class ImportPagesTests
{
    private static byte[] FileWithOneBadRow(TestData data) => Csv(["ФИО", "Дата рождения", "Организация", "Должность"],
    [
        ["Иванова Мария Сергеевна", "14.03.1985", data.NorthSchool.ShortName, "Учитель"],
        ["Петров Олег Иванович", "31.13.1990", data.NorthSchool.ShortName, "Учитель"],
        ["Сидорова Анна Викторовна", "05.11.1999", data.SouthSchool.ShortName, "Тренер"],
    ]);

    private static async Task<HttpResponseMessage> UploadAsync(BrowserSession session, string kind, byte[] content, string fileName)
    {
        var page = await session.GetPageAsync("/Imports");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(BrowserSession.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await session.Client.PostAsync("/Imports", form);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(BrowserSession session, IHtmlFormElement form) =>
        await session.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(BrowserSession.FormFields(form)));

    private static Guid JobId(HttpResponseMessage redirect)
    {
        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = redirect.Headers.Location!.ToString();
        location.Should().StartWith("/Imports/Job/");
        return Guid.Parse(location["/Imports/Job/".Length..]);
    }

    [Fact]
    public async Task ThePreviewListsEveryBadRowAndOnlyTheValidRowsCanBeImported()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        using var session = await BrowserSession.SignedInAsync(app, await data.AddAdminAsync());

        var check = JobId(await UploadAsync(session, "teachers", FileWithOneBadRow(data), "педагоги.csv"));
        var preview = await ImportTesting.WaitAsync(session.Client, check);
        preview.DryRun.Should().BeTrue();

        var page = await session.GetPageAsync($"/Imports/Job/{check}");
        var errors = page.QuerySelectorAll("table.list tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        errors.Should().HaveCount(2);
        errors[0][..2].Should().Equal("3", "Дата рождения");
        errors[1][..2].Should().Equal("4", "Должность");
        errors[1][2].Should().Contain("«Тренер»");
        page.QuerySelectorAll(".stat .value").Select(v => v.TextContent).Should().StartWith(["3", "1", "2"]);
        var import = page.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Загрузить");
        import.HasAttribute("disabled").Should().BeTrue();
        var validOnly = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=validOnly]")?.GetAttribute("value") == "true");
        validOnly.TextContent.Should().Contain("Загрузить только строки без ошибок (1)");

        var real = JobId(await SubmitAsync(session, validOnly));
        real.Should().NotBe(check);
        var done = await ImportTesting.WaitAsync(session.Client, real);
        done.Status.Should().Be("succeeded");
        done.Imported.Should().Be(1);
        var report = await session.GetPageAsync($"/Imports/Job/{real}");
        report.QuerySelector(".notice")!.TextContent.Should().Contain("Загружено 1 строка из 3");
        report.QuerySelectorAll("table.list tbody tr").Should().HaveCount(2);

        var list = await session.GetPageAsync("/Imports");
        list.QuerySelectorAll("table.list tbody tr").Should().HaveCount(2);
        list.QuerySelector("h1")!.TextContent.Should().Be("Загрузка данных");
    }

    [Fact]
    public async Task ACleanFileCanBeImportedWholeFromItsPreview()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        using var session = await BrowserSession.SignedInAsync(app, await data.AddAdminAsync());
        var file = Csv(["ФИО", "Дата рождения", "Организация", "Должность"], [["Иванова Мария Сергеевна", "14.03.1985", data.NorthSchool.ShortName, "Учитель"]]);

        var check = JobId(await UploadAsync(session, "teachers", file, "педагоги.csv"));
        await ImportTesting.WaitAsync(session.Client, check);
        var page = await session.GetPageAsync($"/Imports/Job/{check}");
        var whole = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=validOnly]")?.GetAttribute("value") == "false");
        whole.QuerySelector("button")!.HasAttribute("disabled").Should().BeFalse();

        var done = await ImportTesting.WaitAsync(session.Client, JobId(await SubmitAsync(session, whole)));
        done.Status.Should().Be("succeeded");
        done.Created.Should().Be(1);
    }

    [Fact]
    public async Task AnUploadThatIsNotATableIsRejectedOnTheFormInRussian()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        using var session = await BrowserSession.SignedInAsync(app, await data.AddAdminAsync());

        var response = await UploadAsync(session, "organizations", [], "пусто.csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await BrowserSession.ParseAsync(response);
        page.QuerySelector(".errors")!.TextContent.Should().Contain("Файл пуст");
    }

    [Fact]
    public async Task WhileAJobWaitsItsPageShowsProgressAndRefreshesItselfWithoutJavaScript()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Imports:WorkerEnabled"] = "false" });
        var data = await TestData.CreateAsync(app);
        using var session = await BrowserSession.SignedInAsync(app, await data.AddAdminAsync());
        var file = Csv(["ФИО", "Дата рождения", "Организация", "Должность"], [["Иванова Мария Сергеевна", "14.03.1985", data.NorthSchool.ShortName, "Учитель"]]);

        var id = JobId(await UploadAsync(session, "teachers", file, "педагоги.csv"));
        var page = await session.GetPageAsync($"/Imports/Job/{id}");

        page.QuerySelector(".progress")!.GetAttribute("role").Should().Be("progressbar");
        page.QuerySelector("#import-stage")!.TextContent.Should().Contain("В очереди");
        page.QuerySelector("noscript")!.InnerHtml.Should().Contain("http-equiv=\"refresh\"");
        page.QuerySelectorAll("script").Should().Contain(s => s.TextContent.Contains("/api/imports/"));
    }

    [Fact]
    public async Task PeopleWhoMayNotImportAreTurnedAwayFromTheImportPages()
    {
        await using var app = await TestApp.StartAsync();
        var data = await TestData.CreateAsync(app);
        var teacher = await data.AddTeacherAsync(data.NorthSchool, "Учителева");
        var login = await data.AddUserAsync("teacher-only", teacher.Id, (Metodist.Web.Features.Accounts.AppRole.Teacher, teacher.Id));
        using var session = await BrowserSession.SignedInAsync(app, login);

        var response = await session.Client.GetAsync("/Imports");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Accounts/Denied");
    }
}
