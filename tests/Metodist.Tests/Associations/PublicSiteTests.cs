using System.Net;
using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Associations;

/// <summary>The public calendar: only published events, no personal data, registration for a signed-in teacher without any script, and the version for the visually impaired.</summary>
public sealed class PublicSiteTests(AssociationFixture f) : IClassFixture<AssociationFixture>
{
    [Fact]
    public async Task TheCalendarShowsPublishedEventsWithoutSignInAndNoNamesOfTeachers()
    {
        var id = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей литературы");
        var start = DateTime.Now.Date.AddDays(20).AddHours(15);
        var published = await f.EventAsync(f.NorthMethodist, new { title = "Открытый урок «Поэзия Серебряного века»", kind = "openLesson", start = start.ToString("yyyy-MM-ddTHH:mm"), end = start.AddHours(1).ToString("yyyy-MM-ddTHH:mm"), associationId = id, capacity = 10, publish = true });
        await f.EventAsync(f.NorthMethodist, new { title = "Черновик заседания литераторов", kind = "meeting", start = start.ToString("yyyy-MM-ddTHH:mm"), end = start.AddHours(1).ToString("yyyy-MM-ddTHH:mm"), associationId = id });
        var (teacher, login) = await f.TeacherAsync(f.Data.NorthSchool, "Посетительница");
        await f.PostAsync(login, $"/api/events/{published}/registrations", new { teacherId = teacher.Id });

        using var anonymous = BrowserSession.Open(f.App);
        var page = await anonymous.GetPageAsync($"/Public/Events?month={start:yyyy-MM}");
        page.Body!.TextContent.Should().Contain("Открытый урок «Поэзия Серебряного века»").And.NotContain("Черновик заседания литераторов");
        var card = await anonymous.GetPageAsync($"/Public/Events/{published}");
        card.Body!.TextContent.Should().Contain("ММО учителей литературы").And.Contain("занято 1").And.NotContain("Посетительница");
        card.QuerySelector("a[href^='/Accounts/Login']").Should().NotBeNull();
        var draftId = await f.DbAsync(db => db.Events.Where(e => e.Status == EventStatus.Draft && e.Title == "Черновик заседания литераторов").Select(e => e.Id).SingleAsync());
        (await anonymous.Client.GetAsync($"/Public/Events/{draftId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASignedInTeacherRegistersWithAPlainForm()
    {
        var start = DateTime.Now.Date.AddDays(12).AddHours(10);
        var eventId = await f.EventAsync(f.NorthMethodist, new { title = "Вебинар «Функциональная грамотность»", kind = "webinar", start = start.ToString("yyyy-MM-ddTHH:mm"), end = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm"), publish = true });
        var (teacher, login) = await f.TeacherAsync(f.Data.NorthSchool, "Самозапись");

        using var session = await BrowserSession.SignedInAsync(f.App, login);
        var page = await session.GetPageAsync($"/Public/Events/{eventId}");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(x => x.Action.Contains("handler=Register", StringComparison.Ordinal));
        var response = await session.Client.PostAsync(form.Action, new FormUrlEncodedContent(BrowserSession.FormFields(form)));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var status = await f.DbAsync(db => db.EventRegistrations.Where(r => r.EventId == eventId && r.PersonId == teacher.Id).Select(r => r.Status).SingleAsync());
        status.Should().Be(RegistrationStatus.Registered);
        var after = await session.GetPageAsync($"/Public/Events/{eventId}");
        after.Body!.TextContent.Should().Contain("Вы записаны на это мероприятие");
    }

    [Fact]
    public async Task TheVersionForTheVisuallyImpairedIsSwitchedByALinkAndKept()
    {
        using var anonymous = BrowserSession.Open(f.App);
        var page = await anonymous.GetPageAsync("/Public/Events");
        var toggle = page.QuerySelector("a.vi-toggle")!.GetAttribute("href")!;
        toggle.Should().StartWith("/Public/Accessibility?on=true");

        (await anonymous.Client.GetAsync(toggle)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var impaired = await anonymous.GetPageAsync("/Public/Events");
        impaired.Body!.ClassList.Should().Contain("vi");
        impaired.QuerySelector("a.vi-toggle")!.TextContent.Should().Be("Обычная версия");
    }
}
