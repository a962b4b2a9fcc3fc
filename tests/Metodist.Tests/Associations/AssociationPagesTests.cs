using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Associations;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Associations;

/// <summary>The list, form, card, plan editor and execution pages of associations, used as a browser without JavaScript uses them.</summary>
public sealed class AssociationPagesTests(AssociationFixture f) : IClassFixture<AssociationFixture>
{
    private readonly PageForms _forms = new(f.App);

    private Task<BrowserSession> SessionAsync(string login) => _forms.SessionAsync(login);

    private static IHtmlFormElement Form(IHtmlDocument page, string handler) => PageForms.Form(page, handler);

    private static Task<HttpResponseMessage> SubmitAsync(BrowserSession session, string url, IHtmlFormElement form, params (string Name, string Value)[] changes) =>
        PageForms.SubmitAsync(session, url, form, changes);

    private static Task<HttpResponseMessage> PostAsync(BrowserSession session, string url, IHtmlDocument page, params (string Name, string Value)[] fields) =>
        PageForms.PostAsync(session, url, page, fields);

    private async Task<Guid> CreateThroughFormAsync(BrowserSession session, string name, string? leader = null)
    {
        var page = await session.GetPageAsync("/Associations/Edit");
        var response = await SubmitAsync(session, "/Associations/Edit", Form(page, "#name"),
            ("Input.Name", name), ("Input.Level", nameof(AssociationLevel.Municipal)), ("Input.Kind", nameof(AssociationKind.MethodicalAssociation)),
            ("Input.Subject", "Методическая работа: из теории в практику"), ("Input.MunicipalityId", f.Data.North.Id.ToString()),
            ("Input.BaseOrganizationId", f.Data.NorthSchool.Id.ToString()), ("Input.Leader", leader ?? ""), ("Input.LeaderTitle", "директор МАУ «ЦРО»"),
            ("Input.LeaderOrderNumber", "254-о"), ("Input.LeaderOrderDate", "2023-08-30"), ("Input.ReportDates", "20.12, 20.05"));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task AMethodistCreatesAnAssociationThroughTheFormWithItsLeaderAndOrder()
    {
        var leader = await f.Data.AddTeacherAsync(f.Data.NorthSchool, "Каргаполова", "Дарья", "Александровна");
        var session = await SessionAsync(f.NorthMethodist);

        var id = await CreateThroughFormAsync(session, "ММО «Методическая работа: из теории в практику»", "Каргаполова Дарья Александровна");

        var card = await session.GetPageAsync($"/Associations/{id}");
        var text = card.Body!.TextContent;
        text.Should().Contain("ММО «Методическая работа: из теории в практику»").And.Contain("Каргаполова Дарья Александровна")
            .And.Contain("№ 254-о от 30.08.2023").And.Contain(f.Data.NorthSchool.ShortName).And.Contain("до 20.12, 20.05");
        var saved = await f.DbAsync(db => db.Associations.Include(a => a.Members).SingleAsync(a => a.Id == id));
        saved.LeaderPersonId.Should().Be(leader.Id);
        saved.Members.Should().ContainSingle(m => m.PersonId == leader.Id && m.Role == MemberRole.Leader);
        saved.MunicipalityId.Should().Be(f.Data.North.Id);

        var edit = await session.GetPageAsync($"/Associations/Edit/{id}");
        edit.QuerySelector("#base option[selected]")!.GetAttribute("value").Should().Be(f.Data.NorthSchool.Id.ToString(), "the form shows the saved base organization");
        (await SubmitAsync(session, $"/Associations/Edit/{id}", Form(edit, "#name"), ("Input.Description", "Сопровождение методистов школ"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var again = await f.DbAsync(db => db.Associations.SingleAsync(a => a.Id == id));
        again.BaseOrganizationId.Should().Be(f.Data.NorthSchool.Id, "saving the form keeps what it did not change");
        again.Description.Should().Be("Сопровождение методистов школ");
        again.LeaderPersonId.Should().Be(leader.Id);
    }

    [Fact]
    public async Task TheFormRefusesAMissingNameOrAnUnknownLeaderInRussianAndSavesNothing()
    {
        var session = await SessionAsync(f.NorthMethodist);
        var before = await f.DbAsync(db => db.Associations.CountAsync());
        var page = await session.GetPageAsync("/Associations/Edit");

        var noName = await SubmitAsync(session, "/Associations/Edit", Form(page, "#name"), ("Input.Name", " "), ("Input.MunicipalityId", f.Data.North.Id.ToString()));
        var stranger = await SubmitAsync(session, "/Associations/Edit", Form(page, "#name"), ("Input.Name", "ММО учителей музыки"),
            ("Input.MunicipalityId", f.Data.North.Id.ToString()), ("Input.Leader", "Несуществующая Мария Ивановна"));

        noName.StatusCode.Should().Be(HttpStatusCode.OK);
        (await BrowserSession.ParseAsync(noName)).QuerySelector(".errors")!.TextContent.Should().Contain("Укажите название объединения");
        (await BrowserSession.ParseAsync(stranger)).QuerySelector(".errors")!.TextContent.Should().Contain("не найден");
        (await f.DbAsync(db => db.Associations.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task TheLeaderAddsMembersFoundByNameAndAcceptsATeachersRequestOnTheCard()
    {
        var session = await SessionAsync(f.NorthMethodist);
        var id = await CreateThroughFormAsync(session, "Творческая группа «Цифровая школа»");
        var colleague = await f.Data.AddTeacherAsync(f.Data.NorthSchool, "Находимова", "Ирина", "Сергеевна");
        var southern = await f.Data.AddTeacherAsync(f.Data.SouthSchool, "Находимова", "Ольга", "Сергеевна");

        var found = await session.GetPageAsync($"/Associations/{id}?find=находимова");
        var candidates = found.QuerySelectorAll("input[name=personId]").Select(i => i.GetAttribute("value")).ToList();
        candidates.Should().Contain(colleague.Id.ToString()).And.NotContain(southern.Id.ToString(), "only teachers of the association's territory are offered");
        var add = found.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(x => x.QuerySelector($"input[value='{colleague.Id}']") is not null);
        (await SubmitAsync(session, "", add, ("role", nameof(MemberRole.Secretary)))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var forged = await PostAsync(session, $"/Associations/{id}?handler=AddMember", found, ("personId", southern.Id.ToString()), ("role", nameof(MemberRole.Member)));
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var outsider = await PostAsync(session, $"/Associations/{id}?handler=AddOutsider", found,
            ("fullName", "Шестакова Мария Владимировна"), ("position", "доцент"), ("organization", "САФУ"), ("role", nameof(MemberRole.Adviser)));
        outsider.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var asker = await f.TeacherAsync(f.Data.NorthSchool, "Просящая");
        var teacher = await SessionAsync(asker.Login);
        var asCard = await teacher.GetPageAsync($"/Associations/{id}");
        (await SubmitAsync(teacher, "", Form(asCard, "Join"), ("comment", "Хочу работать в группе"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await teacher.GetPageAsync($"/Associations/{id}")).Body!.TextContent.Should().Contain("Ваша заявка ждёт решения руководителя");

        var card = await session.GetPageAsync($"/Associations/{id}");
        card.Body!.TextContent.Should().Contain("Хочу работать в группе").And.Contain("Шестакова Мария Владимировна").And.Contain("научно-методическое сопровождение");
        var decide = Form(card, "Decide");
        var fields = BrowserSession.FormFields(decide);
        fields.Add(new("accept", "true"));
        (await session.Client.PostAsync(decide.GetAttribute("action"), new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var members = await f.DbAsync(db => db.AssociationMembers.Where(m => m.AssociationId == id && m.Status == MemberStatus.Active).ToListAsync());
        members.Should().Contain(m => m.PersonId == colleague.Id && m.Role == MemberRole.Secretary)
            .And.Contain(m => m.PersonId == asker.Teacher.Id)
            .And.Contain(m => m.PersonId == null && m.FullName == "Шестакова Мария Владимировна")
            .And.NotContain(m => m.PersonId == southern.Id);
        var teacherCard = await session.GetPageAsync($"/Registry/Teachers/Details/{asker.Teacher.Id}");
        teacherCard.Body!.TextContent.Should().Contain("Творческая группа «Цифровая школа»");
    }

    [Fact]
    public async Task APlanOfSevenItemsIsEnteredOnThePagesApprovedPublishedAndPrintedLikeTheSeed()
    {
        var session = await SessionAsync(f.NorthMethodist);
        var curator = await f.Data.AddTeacherAsync(f.Data.NorthSchool, "Кураторова", "Дарья", "Александровна");
        var id = await CreateThroughFormAsync(session, "ММО «Из теории в практику» (страницы)", "Кураторова Дарья Александровна");
        var card = await session.GetPageAsync($"/Associations/{id}");
        var created = await SubmitAsync(session, "", Form(card, "CreatePlan"), ("academicYear", "2023-2024"));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var planUrl = created.Headers.Location!.OriginalString;

        (string Title, string Kind, string Timing, string Month, string EndMonth, string Date, string Note)[] items =
        [
            ("Разработка программы деятельности ММО на 2023-2024 учебный год", "", "Month", "9", "", "", ""),
            ("Организационно-методическое заседание", "Meeting", "Month", "9", "", "", ""),
            ("Методическое заседание «Конкурс профессионального мастерства»", "Meeting", "Month", "11", "", "", ""),
            ("Практико-ориентированное заседание «Аттестация педагогов»", "Seminar", "Month", "2", "", "", ""),
            ("Заседание по итогам деятельности ММО", "Meeting", "Month", "5", "", "", ""),
            ("Консультирование по вопросам организации методического пространства", "Consultation", "Months", "9", "5", "", ""),
            ("Подготовка отчёта о реализации программы", "", "Date", "", "", "2023-12-20", "до 20.05.2024"),
        ];
        foreach (var i in items)
        {
            var page = await session.GetPageAsync(planUrl);
            var response = await SubmitAsync(session, planUrl, Form(page, "AddItem"), ("Input.Title", i.Title), ("Input.Kind", i.Kind), ("Input.Timing", i.Timing),
                ("Input.Month", i.Month), ("Input.EndMonth", i.EndMonth), ("Input.Date", i.Date), ("Input.TimingNote", i.Note),
                ("Input.VenueOrganizationId", f.Data.NorthSchool.Id.ToString()), ("Input.ResponsibleIds", curator.Id.ToString()));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
        var plan = await session.GetPageAsync(planUrl);
        var bad = await SubmitAsync(session, planUrl, Form(plan, "AddItem"), ("Input.Title", ""), ("Input.Timing", "Month"), ("Input.Month", "9"));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await BrowserSession.ParseAsync(bad)).QuerySelector(".errors")!.TextContent.Should().Contain("Укажите наименование мероприятия");

        var rows = plan.QuerySelectorAll("table.list tbody tr").ToList();
        rows.Should().HaveCount(7);
        rows[5].TextContent.Should().Contain("сентябрь 2023 – май 2024");
        rows.Should().OnlyContain(r => r.TextContent.Contains("просрочено"), "the year is over and nothing is recorded as done");

        var outcome = plan.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(x => (x.GetAttribute("action") ?? "").Contains("handler=Outcome")).ToList();
        var noReason = await SubmitAsync(session, planUrl, outcome[2], ("outcome", nameof(PlanItemOutcome.Moved)), ("reason", ""));
        (await BrowserSession.ParseAsync(noReason)).QuerySelector(".errors")!.TextContent.Should().Contain("Укажите причину");
        (await SubmitAsync(session, planUrl, outcome[2], ("outcome", nameof(PlanItemOutcome.Moved)), ("reason", "Перенесено на декабрь из-за карантина"), ("date", "2023-12-12")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SubmitAsync(session, planUrl, outcome[0], ("outcome", nameof(PlanItemOutcome.Done)))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        plan = await session.GetPageAsync(planUrl);
        plan.QuerySelectorAll("table.list tbody tr")[2].TextContent.Should().Contain("перенесено").And.Contain("из-за карантина");
        (await SubmitAsync(session, planUrl, Form(plan, "#document"), ("document", "протокол № 1 от 12.09.2023"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        plan = await session.GetPageAsync(planUrl);
        var publish = plan.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(x => x.QuerySelector($"input[name=to][value={nameof(PlanStatus.Published)}]") is not null);
        (await SubmitAsync(session, planUrl, publish)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await session.GetPageAsync(planUrl)).Body!.TextContent.Should().Contain("опубликован").And.Contain("протокол № 1 от 12.09.2023");

        var docx = await session.Client.GetAsync(planUrl + "?handler=Docx");
        docx.StatusCode.Should().Be(HttpStatusCode.OK);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var table = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Single();
        var cells = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        cells[0].Should().Equal("№ п/п", "Наименование мероприятия", "Сроки, место проведения", "ФИО ответственного");
        cells.Should().HaveCount(8);
        cells[1][2].Should().Be($"сентябрь 2023 {f.Data.NorthSchool.ShortName}");
        cells[7][2].Should().StartWith("20.12.2023, до 20.05.2024");
        cells[1][3].Should().StartWith("Кураторова Д.А.");
        doc.MainDocumentPart.Document.Body.InnerText.Should().Contain("Утверждён").And.Contain("протокол № 1 от 12.09.2023");

        var execution = await session.GetPageAsync($"/Associations/Execution?municipalityId={f.Data.North.Id}&year=2023-2024");
        var line = execution.QuerySelectorAll("table.list tbody tr").Single(r => r.TextContent.Contains("ММО «Из теории в практику» (страницы)"));
        var numbers = line.QuerySelectorAll("td").Skip(2).Take(6).Select(c => c.TextContent.Trim()).ToList();
        numbers.Should().Equal("7", "1", "1", "0", "5", "0");
    }

    [Fact]
    public async Task AnotherMunicipalitysMethodistNeitherSeesNorOpensTheAssociationAndItsPlan()
    {
        var session = await SessionAsync(f.NorthMethodist);
        var id = await CreateThroughFormAsync(session, "ММО учителей технологии Северска");
        var card = await session.GetPageAsync($"/Associations/{id}");
        var planUrl = (await SubmitAsync(session, "", Form(card, "CreatePlan"), ("academicYear", "2026-2027"))).Headers.Location!.OriginalString;

        var south = await SessionAsync(f.SouthMethodist);
        (await south.Client.GetAsync($"/Associations/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await south.Client.GetAsync($"/Associations/Edit/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await south.Client.GetAsync(planUrl)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft plan is not shown outside the scope");
        (await south.Client.GetAsync(planUrl + "?handler=Docx")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var list = await south.GetPageAsync("/Associations?search=технологии");
        list.Body!.TextContent.Should().NotContain("ММО учителей технологии Северска");
        var forged = await PostAsync(south, $"/Associations/{id}?handler=RemoveMember", list, ("memberId", Guid.NewGuid().ToString()));
        forged.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheListSearchesFiltersByLevelAndExportsWhatItShows()
    {
        var session = await SessionAsync(f.NorthMethodist);
        await CreateThroughFormAsync(session, "ММО учителей астрономии");
        await f.PostAsync(f.Admin, "/api/associations", new { name = "РМО учителей астрономии", level = "regional", kind = "networkCommunity", subject = "Астрономия" });

        var all = await session.GetPageAsync("/Associations?search=астрономии");
        all.QuerySelectorAll("table.list tbody tr td:first-child a").Select(a => a.TextContent).Should().Equal("ММО учителей астрономии", "РМО учителей астрономии");
        var regional = await session.GetPageAsync("/Associations?search=астрономии&level=Regional");
        regional.QuerySelectorAll("table.list tbody tr td:first-child a").Select(a => a.TextContent).Should().Equal("РМО учителей астрономии");
        regional.Body!.TextContent.Should().Contain("Найдено: 1 объединение");

        var export = await session.Client.GetAsync("/Associations?handler=Export&search=астрономии&level=Regional");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        var sheet = XlsxSheet.Read(await export.Content.ReadAsByteArrayAsync());
        sheet.Column("Название").Should().Equal("РМО учителей астрономии");
        sheet.Column("Вид").Should().Equal("сетевое сообщество");
    }
}
