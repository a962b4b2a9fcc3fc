using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Associations;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Associations;

/// <summary>Protocols written on the page with attendees and assignments, and reports gathered from the data, with their DOCX.</summary>
public sealed class ProtocolReportTests(AssociationFixture f) : IClassFixture<AssociationFixture>
{
    private readonly PageForms _forms = new(f.App);

    private static string Past(int days, int hour = 15) => DateTime.Now.Date.AddDays(-days).AddHours(hour).ToString("yyyy-MM-ddTHH:mm");

    private static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText))
            + "\n" + string.Join("\n", doc.MainDocumentPart.Document.Body.Elements<Table>().SelectMany(t => t.Elements<TableRow>()).Select(r => string.Join(" | ", r.Elements<TableCell>().Select(c => c.InnerText))));
    }

    private async Task<(Guid Association, List<Metodist.Web.Features.Registry.Person> Members)> AssociationWithMembersAsync(string name)
    {
        var id = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, name);
        var members = new List<Metodist.Web.Features.Registry.Person>();
        foreach (var last in new[] { "Присутствующая", "Пришедшая", "Отсутствующая" })
        {
            var t = await f.Data.AddTeacherAsync(f.Data.NorthSchool, last + name.Length);
            await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/members", new { teacherId = t.Id, role = "member" });
            members.Add(t);
        }
        return (id, members);
    }

    [Fact]
    public async Task AProtocolIsWrittenOnThePageWithCountsAndAssignmentsStayOpenUntilClosed()
    {
        var (id, members) = await AssociationWithMembersAsync("ММО учителей биологии (протоколы)");
        var session = await _forms.SessionAsync(f.NorthMethodist);
        var page = await session.GetPageAsync($"/Associations/{id}/Protocols/New");
        var form = PageForms.Form(page, "#agenda");
        BrowserSession.FormFields(form).Should().Contain(x => x.Key == "Input.Number" && x.Value == "1");
        var memberIds = await f.DbAsync(db => db.AssociationMembers.Where(m => m.AssociationId == id).ToDictionaryAsync(m => m.PersonId!.Value, m => m.Id));

        var empty = await PageForms.SubmitAsync(session, $"/Associations/{id}/Protocols/New", form, ("Input.Agenda", " "));
        (await BrowserSession.ParseAsync(empty)).QuerySelector(".errors")!.TextContent.Should().Contain("Укажите повестку дня");
        (await f.DbAsync(db => db.Protocols.CountAsync(p => p.AssociationId == id))).Should().Be(0);

        var response = await PageForms.SubmitAsync(session, $"/Associations/{id}/Protocols/New", form,
            ("Input.Date", DateTime.Today.AddDays(-3).ToString("yyyy-MM-dd")), ("Input.Chair", "Иванова И.И."), ("Input.Secretary", "Петрова П.П."),
            ("Input.Guests", "1"), ("Input.Present", memberIds[members[0].Id].ToString()), ("Input.Present", memberIds[members[1].Id].ToString()),
            ("Input.Agenda", "1. Об итогах олимпиады.\n2. О плане на второе полугодие."), ("Input.Heard", "Иванову И.И. — об итогах олимпиады."),
            ("Input.Decided", "1. Информацию принять к сведению."),
            ("Input.Assignments[0].Text", "Подготовить анализ результатов олимпиады"), ("Input.Assignments[0].ResponsiblePersonId", members[0].Id.ToString()),
            ("Input.Assignments[0].Deadline", DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd")),
            ("Input.Assignments[1].Text", "Провести открытый урок"), ("Input.Assignments[1].Deadline", DateTime.Today.AddDays(20).ToString("yyyy-MM-dd")));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var url = response.Headers.Location!.OriginalString;

        var view = await session.GetPageAsync(url);
        view.QuerySelector("h1")!.TextContent.Should().StartWith("Протокол № 1");
        view.Body!.TextContent.Should().Contain("3 чел., в том числе приглашённые — 1").And.Contain("1 чел.");
        var open = await session.GetPageAsync($"/Associations/Assignments?associationId={id}");
        open.QuerySelectorAll("table.list tbody tr").Should().HaveCount(2);
        open.QuerySelectorAll("table.list tbody tr")[0].TextContent.Should().Contain("Подготовить анализ").And.Contain("просрочено");
        (await session.GetPageAsync($"/Associations/Assignments?associationId={id}&overdue=true")).QuerySelectorAll("table.list tbody tr").Should().HaveCount(1);

        var docx = await session.Client.GetAsync(url + "?handler=Docx");
        var text = Text(await docx.Content.ReadAsByteArrayAsync());
        text.Should().Contain("ПРОТОКОЛ № 1").And.Contain("Присутствовали: 3 чел.").And.Contain("Отсутствовали: 1 чел.").And.Contain("ПОВЕСТКА ДНЯ:")
            .And.Contain("1. Об итогах олимпиады.").And.Contain("СЛУШАЛИ:").And.Contain("РЕШИЛИ:").And.Contain("№ | Поручение | Ответственный | Срок")
            .And.Contain("Подготовить анализ результатов олимпиады | " + members[0].FullName).And.Contain("Председатель ____________________ Иванова И.И.");

        var close = view.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(x => (x.GetAttribute("action") ?? "").Contains("handler=Close"));
        (await PageForms.SubmitAsync(session, url, close, ("note", "Анализ представлен на заседании"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await session.GetPageAsync($"/Associations/Assignments?associationId={id}")).QuerySelectorAll("table.list tbody tr").Should().HaveCount(1);

        var south = await _forms.SessionAsync(f.SouthMethodist);
        (await south.Client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await south.Client.GetAsync($"/Associations/{id}/Protocols/New")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await south.GetPageAsync("/Associations/Assignments")).Body!.TextContent.Should().NotContain("Подготовить анализ");
    }

    [Fact]
    public async Task TheReportShowsTheAttendedEventAsHeldAndTheMovedItemWithItsReasonAndSubmissionLocksTheText()
    {
        var (id, members) = await AssociationWithMembersAsync("ММО учителей химии (отчёт)");
        var today = DateOnly.FromDateTime(DateTime.Today);
        var year = AcademicYear.Of(today.AddDays(-20));
        var plan = (await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/plans", new { academicYear = year.ToString() })).GetProperty("id").GetGuid();
        var day = today.AddDays(-10);
        var held = (await f.PostAsync(f.NorthMethodist, $"/api/plans/{plan}/items", new { title = "Семинар «Химия вокруг нас»", kind = "seminar", date = day.ToString("yyyy-MM-dd"), responsibleIds = Array.Empty<Guid>() }))
            .GetProperty("id").GetGuid();
        var moved = (await f.PostAsync(f.NorthMethodist, $"/api/plans/{plan}/items", new { title = "Мастер-класс «Опыты без лаборатории»", kind = "masterClass", date = today.AddDays(-5).ToString("yyyy-MM-dd"), responsibleIds = Array.Empty<Guid>() }))
            .GetProperty("id").GetGuid();
        var eventId = await f.EventAsync(f.NorthMethodist, new { title = "Семинар «Химия вокруг нас»", kind = "seminar", start = Past(10), end = Past(10, 17), associationId = id, planItemId = held });
        await f.PostAsync(f.NorthMethodist, $"/api/events/{eventId}/publish", new { }, HttpStatusCode.OK);
        await f.PostAsync(f.NorthMethodist, $"/api/events/{eventId}/attendance", new { teacherIds = new[] { members[0].Id, members[1].Id } }, HttpStatusCode.OK);
        var session = await _forms.SessionAsync(f.NorthMethodist);
        var planPage = await session.GetPageAsync($"/Associations/Plans/{plan}");
        var outcome = planPage.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(x => (x.GetAttribute("action") ?? "").Contains("handler=Outcome")).ToList()[1];
        (await PageForms.SubmitAsync(session, "", outcome, ("outcome", nameof(PlanItemOutcome.Moved)), ("reason", "Перенесено: лаборатория на ремонте"))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var periods = await session.GetPageAsync($"/Associations/{id}/Reports/New?academicYear={year}");
        var start = periods.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(x => x.QuerySelector("input[name=dueOn]") is { } due
            && DateOnly.Parse(due.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture) >= day);
        var created = await PageForms.SubmitAsync(session, $"/Associations/{id}/Reports/New", start);
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var url = created.Headers.Location!.OriginalString;

        var report = await session.GetPageAsync(url);
        var rows = report.QuerySelectorAll("table.list")[0].QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().Contain(r => r.Contains("Семинар «Химия вокруг нас»") && r.Contains("выполнено") && r.Contains("проведено " + day.ToString("dd.MM.yyyy")));
        rows.Should().Contain(r => r.Contains("Опыты без лаборатории") && r.Contains("перенесено") && r.Contains("лаборатория на ремонте"));
        report.Body!.TextContent.Should().Contain("Участвовали в мероприятиях: 2 педагога из 1 организации").And.Contain(f.Data.NorthSchool.ShortName + " — 2");

        var noSummary = await PageForms.SubmitAsync(session, url, PageForms.Form(report, "#summary"), ("submit", "true"));
        (await BrowserSession.ParseAsync(noSummary)).QuerySelector(".errors")!.TextContent.Should().Contain("опишите итоги");
        var submitted = await PageForms.SubmitAsync(session, url, PageForms.Form(report, "#summary"), ("summary", "Проведён семинар, мастер-класс перенесён."),
            ("problems", "Нет лаборатории"), ("submit", "true"));
        submitted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var locked = await session.GetPageAsync(url);
        locked.QuerySelector("#summary").Should().BeNull("a submitted report is read-only");
        var late = await PageForms.PostAsync(session, url, locked, ("summary", "Переписанный текст"), ("submit", "false"));
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await f.DbAsync(db => db.AssociationReports.SingleAsync(r => r.AssociationId == id))).Summary.Should().Be("Проведён семинар, мастер-класс перенесён.");

        var text = Text(await (await session.Client.GetAsync(url + "?handler=Docx")).Content.ReadAsByteArrayAsync());
        text.Should().Contain("ОТЧЁТ ЗА").And.Contain("Семинар «Химия вокруг нас»").And.Contain("перенесено").And.Contain("лаборатория на ремонте")
            .And.Contain("Проведён семинар, мастер-класс перенесён.").And.Contain("Нет лаборатории");
        (await (await _forms.SessionAsync(f.SouthMethodist)).Client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
