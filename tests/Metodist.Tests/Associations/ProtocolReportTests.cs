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
    public async Task ASavedProtocolIsCorrectedOnItsPageClosedAssignmentsStayAndPresenceChangesAreAudited()
    {
        var (id, members) = await AssociationWithMembersAsync("ШМО учителей химии (исправление протокола)");
        var session = await _forms.SessionAsync(f.NorthMethodist);
        var memberIds = await f.DbAsync(db => db.AssociationMembers.Where(m => m.AssociationId == id).ToDictionaryAsync(m => m.PersonId!.Value, m => m.Id));
        var form = PageForms.Form(await session.GetPageAsync($"/Associations/{id}/Protocols/New"), "#agenda");
        var created = await PageForms.SubmitAsync(session, $"/Associations/{id}/Protocols/New", form,
            ("Input.Date", DateTime.Today.AddDays(-2).ToString("yyyy-MM-dd")), ("Input.Present", memberIds[members[0].Id].ToString()),
            ("Input.Present", memberIds[members[1].Id].ToString()), ("Input.Agenda", "1. О подготовке к ОГЭ."), ("Input.Heard", "Иванову — о подготовке к ОГЭ."),
            ("Input.Assignments[0].Text", "Составить график консультаций"), ("Input.Assignments[0].ResponsiblePersonId", members[0].Id.ToString()),
            ("Input.Assignments[1].Text", "Провести пробный экзамен"), ("Input.Assignments[2].Text", "Обновить стенд"));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var url = created.Headers.Location!.OriginalString;
        var protocolId = Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);
        var view = await session.GetPageAsync(url);
        view.QuerySelectorAll("a").Should().Contain(x => x.TextContent == "Исправить" && x.GetAttribute("href") == url + "/Edit");
        var close = view.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(x => (x.GetAttribute("action") ?? "").Contains("handler=Close"));
        (await PageForms.SubmitAsync(session, url, close, ("note", "График размещён на сайте"))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // A second protocol takes number 2, so the correction cannot reuse it.
        var second = PageForms.Form(await session.GetPageAsync($"/Associations/{id}/Protocols/New"), "#agenda");
        (await PageForms.SubmitAsync(session, $"/Associations/{id}/Protocols/New", second, ("Input.Agenda", "1. Разное."))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var edit = await session.GetPageAsync(url + "/Edit");
        edit.QuerySelector("h1")!.TextContent.Should().StartWith("Исправление протокола № 1");
        edit.Body!.TextContent.Should().Contain("Составить график консультаций").And.Contain("выполнено");
        var editForm = PageForms.Form(edit, "#agenda");
        var fields = BrowserSession.FormFields(editForm);
        fields.Should().Contain(x => x.Key == "Input.Heard" && x.Value == "Иванову — о подготовке к ОГЭ.");
        fields.Where(x => x.Key == "Input.Present").Select(x => x.Value).Should().BeEquivalentTo([memberIds[members[0].Id].ToString(), memberIds[members[1].Id].ToString()]);
        fields.Should().Contain(x => x.Key == "Input.Assignments[0].Text" && x.Value == "Провести пробный экзамен");
        fields.Should().Contain(x => x.Key == "Input.Assignments[1].Text" && x.Value == "Обновить стенд");
        fields.Should().NotContain(x => x.Value == "Составить график консультаций", "a closed assignment is shown, not edited");

        var taken = await PageForms.SubmitAsync(session, url + "/Edit", editForm, ("Input.Number", "2"), ("Input.Heard", "Исправлено"));
        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await BrowserSession.ParseAsync(taken)).QuerySelector(".errors")!.TextContent.Should().Contain("Протокол № 2 у объединения уже есть");
        (await f.DbAsync(db => db.Protocols.Where(p => p.Id == protocolId).Select(p => p.Heard).SingleAsync())).Should().Be("Иванову — о подготовке к ОГЭ.");

        var saved = await PageForms.SubmitAsync(session, url + "/Edit", editForm,
            ("Input.Heard", "Иванову И.И. — о подготовке к ОГЭ по химии."), ("Input.Present", memberIds[members[0].Id].ToString()),
            ("Input.Present", memberIds[members[2].Id].ToString()),
            ("Input.Assignments[0].Text", "Провести пробный экзамен в формате ОГЭ"), ("Input.Assignments[0].ResponsiblePersonId", members[2].Id.ToString()),
            ("Input.Assignments[0].Deadline", DateTime.Today.AddDays(14).ToString("yyyy-MM-dd")),
            ("Input.Assignments[1].Text", ""), ("Input.Assignments[2].Text", "Подготовить памятку для родителей"));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var p = await f.DbAsync(db => db.Protocols.Include(x => x.Attendees).Include(x => x.Assignments).AsSplitQuery().SingleAsync(x => x.Id == protocolId));
        p.Heard.Should().Be("Иванову И.И. — о подготовке к ОГЭ по химии.");
        p.Number.Should().Be(1);
        p.Attendees.Where(x => x.Present).Select(x => x.MemberId).Should().BeEquivalentTo([memberIds[members[0].Id], memberIds[members[2].Id]]);
        p.Assignments.OrderBy(x => x.Number).Select(x => (x.Number, x.Text, x.DoneOn is not null)).Should().Equal(
            (1, "Составить график консультаций", true), (2, "Провести пробный экзамен в формате ОГЭ", false), (4, "Подготовить памятку для родителей", false));
        var reassigned = p.Assignments.Single(x => x.Number == 2);
        reassigned.ResponsiblePersonId.Should().Be(members[2].Id);
        reassigned.ResponsibleText.Should().Be(members[2].FullName);
        reassigned.Deadline.Should().Be(DateOnly.FromDateTime(DateTime.Today.AddDays(14)));
        p.Assignments.Single(x => x.Number == 1).DoneNote.Should().Be("График размещён на сайте");

        var audit = await f.DbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == protocolId && a.Action == Metodist.Web.Features.Audit.AuditAction.Updated).ToListAsync());
        audit.Select(a => (a.PersonId, a.Field, a.OldValue, a.NewValue)).Should().BeEquivalentTo(new[]
        {
            ((Guid?)members[1].Id, (string?)"Присутствие на заседании", (string?)"да", (string?)"нет"),
            ((Guid?)members[2].Id, (string?)"Присутствие на заседании", (string?)"нет", (string?)"да"),
        });

        var south = await _forms.SessionAsync(f.SouthMethodist);
        (await south.Client.GetAsync(url + "/Edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var teacher = await f.Data.AddUserAsync(RegionFixture.UniqueLogin("himiya"), members[1].Id, (Metodist.Web.Features.Accounts.AppRole.Teacher, members[1].Id));
        var member = await _forms.SessionAsync(teacher);
        (await member.Client.GetAsync(url + "/Edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
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
