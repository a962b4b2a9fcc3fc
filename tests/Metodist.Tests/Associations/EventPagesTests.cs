using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Associations;

/// <summary>The staff pages of events: the list, the form, the card with registrations, bulk attendance and certificates.</summary>
public sealed class EventPagesTests(AssociationFixture f) : IClassFixture<AssociationFixture>
{
    private readonly PageForms _forms = new(f.App);

    private Task<BrowserSession> SessionAsync(string login) => _forms.SessionAsync(login);

    private static IHtmlFormElement Form(IHtmlDocument page, string handler) => PageForms.Form(page, handler);

    private static Task<HttpResponseMessage> SubmitAsync(BrowserSession session, string url, IHtmlFormElement form, params (string Name, string Value)[] changes) =>
        PageForms.SubmitAsync(session, url, form, changes);

    private static string Day(int days) => DateTime.Now.Date.AddDays(days).ToString("yyyy-MM-dd");

    private async Task<Guid> CreateAsync(BrowserSession session, Guid associationId, string title, int days, bool publish = true, string? capacity = null)
    {
        var page = await session.GetPageAsync($"/Events/New?associationId={associationId}");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(x => x.QuerySelector("#title") is not null);
        var fields = BrowserSession.FormFields(form);
        BrowserSession.Set(fields, "Input.Title", title);
        BrowserSession.Set(fields, "Input.Kind", nameof(EventKind.Workshop));
        BrowserSession.Set(fields, "Input.Date", Day(days));
        BrowserSession.Set(fields, "Input.StartTime", "15:00");
        BrowserSession.Set(fields, "Input.EndTime", "17:00");
        BrowserSession.Set(fields, "Input.VenueOrganizationId", f.Data.NorthSchool.Id.ToString());
        BrowserSession.Set(fields, "Input.Hours", "2");
        if (capacity is not null) BrowserSession.Set(fields, "Input.Capacity", capacity);
        fields.Add(new("publish", publish ? "true" : "false"));
        var response = await session.Client.PostAsync("/Events/New", new FormUrlEncodedContent(fields));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task AnEventIsCreatedThroughTheFormAndAMissingDateIsRefusedInRussian()
    {
        var session = await SessionAsync(f.NorthMethodist);
        var association = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей ОБЗР");
        var page = await session.GetPageAsync($"/Events/New?associationId={association}");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(x => x.QuerySelector("#title") is not null);
        var fields = BrowserSession.FormFields(form);
        BrowserSession.Set(fields, "Input.Title", "Семинар без даты");
        fields.Add(new("publish", "true"));
        var noDate = await session.Client.PostAsync("/Events/New", new FormUrlEncodedContent(fields));
        (await BrowserSession.ParseAsync(noDate)).QuerySelector(".errors")!.TextContent.Should().Contain("Укажите дату");

        var id = await CreateAsync(session, association, "Семинар «Безопасность на уроках»", 12);
        var card = await session.GetPageAsync($"/Events/{id}");
        card.QuerySelector("h1")!.TextContent.Should().Be("Семинар «Безопасность на уроках»");
        card.Body!.TextContent.Should().Contain("опубликовано").And.Contain("15:00–17:00").And.Contain("ММО учителей ОБЗР").And.Contain(f.Data.NorthSchool.ShortName);
        var saved = await f.DbAsync(db => db.Events.SingleAsync(e => e.Id == id));
        saved.AssociationId.Should().Be(association);
        saved.Status.Should().Be(EventStatus.Published);
        (saved.EndsAt - saved.StartsAt).Should().Be(TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task TheListKeepsDraftsInsideTheScopeAndSearches()
    {
        var session = await SessionAsync(f.NorthMethodist);
        var association = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей музыки Северска");
        await CreateAsync(session, association, "Черновик концерта-практикума", 20, publish: false);
        await CreateAsync(session, association, "Открытый концерт-практикум", 21);

        var mine = await session.GetPageAsync("/Events?search=концерт");
        mine.QuerySelectorAll("table.list tbody tr td:nth-child(2) > a").Select(a => a.TextContent).Should().Equal("Черновик концерта-практикума", "Открытый концерт-практикум");
        var south = await SessionAsync(f.SouthMethodist);
        var theirs = await south.GetPageAsync("/Events?search=концерт");
        theirs.QuerySelectorAll("table.list tbody tr td:nth-child(2) > a").Select(a => a.TextContent).Should().Equal("Открытый концерт-практикум");

        var export = await session.Client.GetAsync("/Events?handler=Export&search=концерт&status=Draft");
        XlsxSheet.Read(await export.Content.ReadAsByteArrayAsync()).Column("Мероприятие").Should().Equal("Черновик концерта-практикума");
    }

    [Fact]
    public async Task ATeacherRegistersOnTheCardTheOrganizerMarksAttendanceInBulkAndTheCertificateIsTheirsAlone()
    {
        var session = await SessionAsync(f.NorthMethodist);
        var association = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей изобразительного искусства");
        var id = await CreateAsync(session, association, "Мастер-класс «Акварель»", 1, capacity: "1");
        var first = await f.TeacherAsync(f.Data.NorthSchool, "Акварельная");
        var second = await f.TeacherAsync(f.Data.NorthSchool, "Гуашевая");

        foreach (var t in new[] { first, second })
        {
            var teacher = await SessionAsync(t.Login);
            var card = await teacher.GetPageAsync($"/Events/{id}");
            (await SubmitAsync(teacher, "", Form(card, "Register"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }
        var waiting = await (await SessionAsync(second.Login)).GetPageAsync($"/Events/{id}");
        waiting.Body!.TextContent.Should().Contain("вы в листе ожидания");

        var manage = await session.GetPageAsync($"/Events/{id}");
        manage.Body!.TextContent.Should().Contain("в листе ожидания (№ 1 в очереди)");
        var attendance = Form(manage, "Attendance");
        var marked = await SubmitAsync(session, "", attendance, ("personIds", first.Teacher.Id.ToString()), ("attended", "true"));
        marked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var empty = await SubmitAsync(session, "", attendance, ("attended", "true"));
        (await BrowserSession.ParseAsync(empty)).QuerySelector(".errors")!.TextContent.Should().Contain("Отметьте хотя бы одного участника");

        var registration = await f.DbAsync(db => db.EventRegistrations.SingleAsync(r => r.EventId == id && r.PersonId == first.Teacher.Id));
        registration.Attended.Should().BeTrue();
        registration.CertificateNumber.Should().NotBeNullOrEmpty();

        var own = await (await SessionAsync(first.Login)).Client.GetAsync($"/Events/{id}?handler=Certificate&personId={first.Teacher.Id}");
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        using (var stream = new MemoryStream(await own.Content.ReadAsByteArrayAsync()))
        using (var doc = WordprocessingDocument.Open(stream, false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            text.Should().Contain("СЕРТИФИКАТ").And.Contain(first.Teacher.FullName).And.Contain("Мастер-класс «Акварель»")
                .And.Contain(registration.CertificateNumber).And.Contain("ММО учителей изобразительного искусства").And.Contain("2 ч.");
        }
        (await (await SessionAsync(second.Login)).Client.GetAsync($"/Events/{id}?handler=Certificate&personId={first.Teacher.Id}"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "a teacher does not get another teacher's certificate");
        (await session.Client.GetAsync($"/Events/{id}?handler=Certificate&personId={second.Teacher.Id}"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "nobody gets a certificate for an event they did not attend");
    }

    [Fact]
    public async Task TheOrganizerCancelsOnlyWithAReasonAndAnotherMunicipalityCannotManage()
    {
        var session = await SessionAsync(f.NorthMethodist);
        var association = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей технологии");
        var id = await CreateAsync(session, association, "Семинар «Робототехника»", 30);
        var card = await session.GetPageAsync($"/Events/{id}");

        var noReason = await SubmitAsync(session, "", Form(card, "Cancel"));
        (await BrowserSession.ParseAsync(noReason)).QuerySelector(".errors")!.TextContent.Should().Contain("Укажите причину отмены");
        var south = await SessionAsync(f.SouthMethodist);
        var southCard = await south.GetPageAsync($"/Events/{id}");
        southCard.QuerySelector("form[action*='handler=Attendance']").Should().BeNull();
        var forged = await south.Client.PostAsync($"/Events/{id}?handler=Cancel", new FormUrlEncodedContent(
            [new("reason", "чужая отмена"), new("__RequestVerificationToken", BrowserSession.AntiforgeryToken(southCard))]));
        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await SubmitAsync(session, "", Form(card, "Cancel"), ("reason", "Болезнь ведущего"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await session.GetPageAsync($"/Events/{id}")).Body!.TextContent.Should().Contain("Мероприятие отменено: Болезнь ведущего");
    }

    [Fact]
    public async Task TheOrganizerAttachesAMaterialThatEveryoneWhoSeesTheEventDownloads()
    {
        var session = await SessionAsync(f.NorthMethodist);
        var association = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей физкультуры");
        var id = await CreateAsync(session, association, "Семинар «Подвижные игры»", 15);
        var card = await session.GetPageAsync($"/Events/{id}");
        var token = BrowserSession.AntiforgeryToken(card);

        using var empty = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Без файла"), "title" } };
        var refused = await session.Client.PostAsync($"/Events/{id}?handler=Material", empty);
        (await BrowserSession.ParseAsync(refused)).QuerySelector(".errors")!.TextContent.Should().Contain("Выберите файл");

        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Программа семинара"), "title" },
        };
        var bytes = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "programma.pdf");
        (await session.Client.PostAsync($"/Events/{id}?handler=Material", form)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var teacher = await f.TeacherAsync(f.Data.NorthSchool, "Спортивная");
        var seen = await (await SessionAsync(teacher.Login)).GetPageAsync($"/Events/{id}");
        var link = seen.QuerySelectorAll("a").First(a => a.TextContent == "Программа семинара").GetAttribute("href")!;
        seen.QuerySelector("form[action*='handler=Material']").Should().BeNull("only the organizer uploads");
        var download = await (await SessionAsync(teacher.Login)).Client.GetAsync(link);
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
    }

    [Fact]
    public async Task CardsLinkOnlyToTheCardsTheReaderMayOpenAndNameTheRestPlainly()
    {
        var methodist = await SessionAsync(f.NorthMethodist);
        var association = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей черчения");
        var insider = await f.TeacherAsync(f.Data.NorthSchool, "Чертёжникова");
        var outsider = await f.TeacherAsync(f.Data.SouthSchool, "Рейсшинова");
        await f.PostAsync(f.NorthMethodist, $"/api/associations/{association}/members", new { teacherId = insider.Teacher.Id, role = "member" });
        await f.PostAsync(f.NorthMethodist, $"/api/associations/{association}/members", new { teacherId = outsider.Teacher.Id, role = "member" });
        var id = await CreateAsync(methodist, association, "Практикум «Чтение чертежей»", 12);

        static IEnumerable<string> Links(IHtmlDocument page) => page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? "");

        // The methodist opens the association from the event and every member's card from the association.
        Links(await methodist.GetPageAsync($"/Events/{id}")).Should().Contain($"/Associations/{association}");
        Links(await methodist.GetPageAsync($"/Associations/{association}")).Should().Contain($"/Registry/Teachers/Details/{insider.Teacher.Id}");

        // A member sees the association and the other members by name; the only registry card linked is their own.
        var member = await SessionAsync(insider.Login);
        var card = await member.GetPageAsync($"/Associations/{association}");
        card.Body!.TextContent.Should().Contain(outsider.Teacher.FullName);
        Links(card).Where(x => x.StartsWith("/Registry/Teachers/Details/", StringComparison.Ordinal)).Should().Equal($"/Registry/Teachers/Details/{insider.Teacher.Id}");

        // A teacher of another municipality sees the published event and its organizer named, not linked to a card they cannot open.
        var stranger = await f.TeacherAsync(f.Data.SouthSchool, "Лекальная");
        var session = await SessionAsync(stranger.Login);
        (await session.Client.GetAsync($"/Associations/{association}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var seen = await session.GetPageAsync($"/Events/{id}");
        seen.Body!.TextContent.Should().Contain("ММО учителей черчения");
        Links(seen).Should().NotContain($"/Associations/{association}");

        // The outsider's own card lists the association and links to it, since they are a member.
        var own = await SessionAsync(outsider.Login);
        Links(await own.GetPageAsync($"/Registry/Teachers/Details/{outsider.Teacher.Id}")).Should().Contain($"/Associations/{association}");
    }
}
