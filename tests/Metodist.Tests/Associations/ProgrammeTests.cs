using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Metodist.Tests.Infrastructure;

namespace Metodist.Tests.Associations;

/// <summary>Seed 000's programme entered through the page: the passport, three stages and the sources, and its DOCX tables.</summary>
public sealed class ProgrammeTests(AssociationFixture f) : IClassFixture<AssociationFixture>
{
    private readonly PageForms _forms = new(f.App);

    private static readonly string[] PassportRows =
    [
        "Наименование программы", "Основание для разработки программы", "Целевая аудитория", "Заказчик программы", "Основные разработчики программы",
        "Цель программы", "Задачи программы", "Ожидаемые результаты реализации программы", "Срок реализации программы",
    ];

    [Fact]
    public async Task SeedZerosPassportStagesAndSourcesAreEnteredOnThePageAndPrintedLikeTheSeed()
    {
        var id = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО «Методическая работа: из теории в практику» (программа)");
        var session = await _forms.SessionAsync(f.NorthMethodist);
        var url = $"/Associations/{id}/Programme";
        var page = await session.GetPageAsync(url);

        var noName = await PageForms.SubmitAsync(session, url, PageForms.Form(page, "Passport"), ("Passport.Name", " "));
        (await BrowserSession.ParseAsync(noName)).QuerySelector(".errors")!.TextContent.Should().Contain("Укажите наименование программы");

        var saved = await PageForms.SubmitAsync(session, url, PageForms.Form(page, "Passport"),
            ("Passport.Name", "Программа деятельности муниципального методического объединения «Методическая работа: из теории в практику» на 2023-2024 учебный год"),
            ("Passport.BasisDocuments", "Федеральный закон от 29.12.2012 года №273-ФЗ «Об образовании в Российской Федерации»"),
            ("Passport.TargetAudience", "Заместители руководителей образовательных организаций по научно-методической (методической) работе"),
            ("Passport.Customer", "Департамент образования администрации города"),
            ("Passport.Developers", "Каргаполова Д.А., заместитель директора МАУ «Центр развития образования»"),
            ("Passport.Goal", "Повышение эффективности деятельности институциональных методических объединений"),
            ("Passport.Tasks", "Создание условий для совершенствования технологий, методики и форм организации образовательной деятельности."),
            ("Passport.ExpectedResults", "Эффективная реализация мероприятий муниципального методического объединения."),
            ("Passport.Period", "1 учебный год (2023-2024)"));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        (string Name, string Dates)[] stages = [("Аналитический", "октябрь 2023, декабрь 2023, май 2024"), ("Прогностический, проектировочный", "октябрь – ноябрь 2023"), ("Практический", "октябрь 2023 – май 2024")];
        foreach (var (name, dates) in stages)
        {
            page = await session.GetPageAsync(url);
            (await PageForms.SubmitAsync(session, url, PageForms.Form(page, "Stage"), ("name", name), ("dates", dates), ("tasks", "Задачи этапа «" + name + "»"),
                ("means", "Сбор данных, анализ"), ("result", "Протоколы заседаний"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }
        foreach (var source in new[] { "Федеральный закон от 29.12.2012 года № 273-ФЗ «Об образовании в Российской Федерации».", "Современные модели и формы методической работы.", "Лишний источник" })
        {
            page = await session.GetPageAsync(url);
            (await PageForms.SubmitAsync(session, url, PageForms.Form(page, "Source"), ("text", source))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }
        page = await session.GetPageAsync(url);
        var forms = page.QuerySelectorAll("ol li form");
        var remove = forms[forms.Length - 1];
        (await PageForms.SubmitAsync(session, url, (AngleSharp.Html.Dom.IHtmlFormElement)remove)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var docx = await session.Client.GetAsync(url + "?handler=Docx");
        docx.StatusCode.Should().Be(HttpStatusCode.OK);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
        tables.Should().HaveCount(2);
        tables[0].Select(r => r[0]).Should().Equal(PassportRows);
        tables[0][8][1].Should().Be("1 учебный год (2023-2024)");
        tables[1][0].Should().Equal("№ п/п", "Наименование этапа", "Сроки реализации этапа", "Задачи", "Средства реализации", "Ожидаемый результат");
        tables[1].Skip(1).Select(r => r[1]).Should().Equal("Аналитический", "Прогностический, проектировочный", "Практический");
        var text = doc.MainDocumentPart.Document.Body.InnerText;
        text.Should().Contain("ПАСПОРТ ПРОГРАММЫ").And.Contain("СПИСОК ИНФОРМАЦИОННЫХ РЕСУРСОВ").And.Contain("2. Современные модели и формы методической работы.")
            .And.NotContain("Лишний источник");
    }

    [Fact]
    public async Task AnUnpublishedProgrammeIsHiddenFromMembersAndAnotherMunicipalityCannotEditIt()
    {
        var id = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей английского языка (программа)");
        var session = await _forms.SessionAsync(f.NorthMethodist);
        var url = $"/Associations/{id}/Programme";
        var page = await session.GetPageAsync(url);
        (await PageForms.SubmitAsync(session, url, PageForms.Form(page, "Passport"), ("Passport.Name", "Программа ММО учителей английского языка"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var teacher = await f.TeacherAsync(f.Data.NorthSchool, "Англичанка");
        var reader = await _forms.SessionAsync(teacher.Login);
        (await reader.Client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a programme is read outside its managers only once published");

        page = await session.GetPageAsync(url);
        (await PageForms.SubmitAsync(session, url, PageForms.Form(page, "Publish"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var published = await reader.GetPageAsync(url);
        published.QuerySelector("form[action*='handler=Passport']").Should().BeNull();
        published.Body!.TextContent.Should().Contain("Программа ММО учителей английского языка");

        var south = await _forms.SessionAsync(f.SouthMethodist);
        (await south.Client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var service = await south.GetPageAsync($"/Services/{f.Data.South.Id}/Programme");
        (await PageForms.SubmitAsync(south, $"/Services/{f.Data.South.Id}/Programme", PageForms.Form(service, "Passport"), ("Passport.Name", "Программа методической службы Южнограда")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var northOnSouth = await session.Client.GetAsync($"/Services/{f.Data.South.Id}/Programme");
        northOnSouth.StatusCode.Should().Be(HttpStatusCode.NotFound, "the service's programme is not published and the North methodist does not keep it");
    }
}
