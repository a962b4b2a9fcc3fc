using System.Net;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Routes;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Routes;

/// <summary>
/// The pages of routes and results as the roles see them: the lists with their filters and exports, the tutor's list,
/// the print view, the teacher's card and «Мои диагностики», the nameless analytics; and the audit of every look at a result.
/// </summary>
public sealed class RoutePagesTests(RoleAccountsFixture f) : IClassFixture<RoleAccountsFixture>
{
    [Fact]
    public async Task RouteListCountsByStatusFiltersAndExportsOnlyTheRoutesInScope()
    {
        var (north, _) = await f.AddTeacherAsync(f.Data.NorthSchool, "Спискова");
        var (south, _) = await f.AddTeacherAsync(f.Data.SouthSchool, "Южнова");
        await f.App.AddRouteAsync(north, f.Data.NorthSchool, RouteStatus.InProgress);
        await f.App.AddRouteAsync(south, f.Data.SouthSchool, RouteStatus.InProgress);

        using var session = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);
        var page = await session.GetPageAsync("/Routes?status=inProgress&search=списк");
        page.QuerySelector("table.list")!.TextContent.Should().Contain(north.FullName).And.NotContain(south.LastName);
        page.QuerySelector("nav.tabs a.active")!.TextContent.Should().Contain("выполняется");

        var all = await session.GetPageAsync("/Routes");
        all.QuerySelector("main")!.TextContent.Should().NotContain(south.LastName);

        var export = await session.Client.GetAsync("/Routes?handler=Export&status=inProgress");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        var sheet = XlsxSheet.Read(await export.Content.ReadAsByteArrayAsync());
        sheet.Column("ФИО педагога").Should().Contain(north.FullName).And.NotContain(south.FullName);
        sheet.Column("Состояние").Should().AllBe("выполняется");
    }

    [Fact]
    public async Task TutorSeesTheTeachersOfTheRoutesTheyAccompany()
    {
        var (teacher, _) = await f.AddTeacherAsync(f.Data.NorthSchool, "Сопровождаемая");
        var (other, _) = await f.AddTeacherAsync(f.Data.NorthSchool, "Несопровождаемая");
        var route = await f.App.AddRouteAsync(teacher, f.Data.NorthSchool, RouteStatus.Approved, f.TutorPerson.Id);
        await f.App.AddRouteAsync(other, f.Data.NorthSchool, RouteStatus.Approved);

        using var session = await BrowserSession.SignedInAsync(f.App, f.Tutor);
        var page = await session.GetPageAsync("/Routes/Tutor");
        var table = page.QuerySelector("table.list")!.TextContent;
        table.Should().Contain(teacher.FullName).And.NotContain(other.LastName);
        page.QuerySelector($"a[href='/Routes/{route.Id}']").Should().NotBeNull();
        (await session.Client.GetAsync($"/Routes/{route.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await session.Client.GetAsync($"/Registry/Teachers/Details/{teacher.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PrintViewLaysOutTheFormAndIsClosedToOthers()
    {
        var (teacher, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Печатникова");
        var route = await f.App.AddRouteAsync(teacher, f.Data.NorthSchool, RouteStatus.Draft);

        using var session = await BrowserSession.SignedInAsync(f.App, login);
        var page = await session.GetPageAsync($"/Routes/Print/{route.Id}");
        var text = page.QuerySelector("article.printform")!.TextContent;
        text.Should().Contain("Утверждаю").And.Contain("Индивидуальный образовательный маршрут").And.Contain(teacher.FullName)
            .And.Contain("1.1").And.Contain("Функциональная грамотность").And.Contain("3. Наставничество").And.Contain("Уполномоченный ОО");

        using var outsider = await BrowserSession.SignedInAsync(f.App, f.SouthSchoolMethodist);
        (await outsider.Client.GetAsync($"/Routes/Print/{route.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ResultsListExportAndTeacherPageAreAuditedAndTheTeacherSeesWhoLooked()
    {
        var (teacher, login) = await f.AddTeacherAsync(f.Data.NorthSchool, "Просмотрова");
        var earlier = await f.App.AddResultAsync(teacher.Id, RouteTestData.Today.AddMonths(-8), (DefaultAreas.Digital, 30), (DefaultAreas.Legal, 80));
        var latest = await f.App.AddResultAsync(teacher.Id, RouteTestData.Today.AddDays(-3), (DefaultAreas.Digital, 75), (DefaultAreas.Legal, 85));

        using var methodist = await BrowserSession.SignedInAsync(f.App, f.NorthSchoolMethodist);
        var list = await methodist.GetPageAsync("/Diagnostics/Results?search=просмотр");
        list.QuerySelector("table.list")!.TextContent.Should().Contain(teacher.FullName);
        (await Views(teacher.Id)).Should().BeEmpty("a list of names and overall levels is not an opening of a result");

        var card = await methodist.GetPageAsync($"/Diagnostics/Results/Teacher/{teacher.Id}");
        card.QuerySelector("main")!.TextContent.Should().Contain("До и после").And.Contain("+45");
        var export = await methodist.Client.GetAsync("/Diagnostics/Results?handler=Export&search=просмотр");
        XlsxSheet.Read(await export.Content.ReadAsByteArrayAsync()).Column("ФИО").Should().HaveCount(2);

        var views = await Views(teacher.Id);
        views.Select(v => v.Field).Should().BeEquivalentTo("Результаты педагога", "Выгрузка XLSX", "Выгрузка XLSX");
        views.Select(v => v.EntityId).Should().Contain([earlier.Id, latest.Id]);
        views.Should().AllSatisfy(v => v.UserName.Should().Be(f.NorthSchoolMethodist));

        using var own = await BrowserSession.SignedInAsync(f.App, login);
        var mine = await own.GetPageAsync("/Diagnostics/My");
        var text = mine.QuerySelector("main")!.TextContent;
        text.Should().Contain("Кто смотрел мои результаты").And.Contain(f.NorthSchoolMethodist).And.Contain("Выгрузка XLSX");
        (await Views(teacher.Id)).Should().HaveCount(3, "the teacher's own look is not recorded");
    }

    [Fact]
    public async Task TeacherCardShowsBeforeAndAfterOnlyToThoseWhoMaySeeResults()
    {
        var (teacher, _) = await f.AddTeacherAsync(f.Data.NorthSchool, "Карточкина");
        await f.App.AddResultAsync(teacher.Id, RouteTestData.Today.AddMonths(-9), (DefaultAreas.Methodical, 35));
        await f.App.AddResultAsync(teacher.Id, RouteTestData.Today.AddDays(-1), (DefaultAreas.Methodical, 72));

        using var methodist = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);
        var card = await methodist.GetPageAsync($"/Registry/Teachers/Details/{teacher.Id}");
        var text = card.QuerySelector("main")!.TextContent;
        text.Should().Contain("Профиль дефицитов: до и после").And.Contain("+37");
        card.QuerySelector("form[action='/Routes/New'] button")!.TextContent.Should().Contain("Составить ИОМ");
        (await Views(teacher.Id)).Should().ContainSingle(v => v.Field == "Карточка педагога");
    }

    [Fact]
    public async Task AnalyticsShowsNamelessSharesAndHidesGroupsTooSmallForOutsiders()
    {
        var (a, _) = await f.AddTeacherAsync(f.Data.SouthSchool, "Аналитикова");
        await f.App.AddResultAsync(a.Id, RouteTestData.Today, (DefaultAreas.Inclusive, 20));

        using var outsider = await BrowserSession.SignedInAsync(f.App, f.NorthSchoolMethodist);
        var small = await outsider.GetPageAsync($"/Diagnostics/Analytics?municipalityId={f.Data.South.Id}&organizationId={f.Data.SouthSchool.Id}");
        small.QuerySelector("main")!.TextContent.Should().Contain("меньше 5 педагогов").And.NotContain(a.LastName);

        using var admin = await BrowserSession.SignedInAsync(f.App, f.Admin);
        var region = await admin.GetPageAsync($"/Diagnostics/Analytics?municipalityId={f.Data.South.Id}&organizationId={f.Data.SouthSchool.Id}");
        var text = region.QuerySelector("main")!.TextContent;
        text.Should().Contain("Инклюзивное образование").And.Contain("выраженным дефицитом").And.NotContain(a.LastName);

        var whole = await admin.GetPageAsync("/Diagnostics/Analytics");
        var tables = whole.QuerySelectorAll("table.list");
        var byMunicipality = tables[tables.Length - 1].TextContent;
        byMunicipality.Should().Contain(f.Data.South.Name).And.Contain(f.Data.North.Name);
    }

    private Task<List<AuditEntry>> Views(Guid personId) => f.App.ReadAsync(db => db.AuditEntries
        .Where(e => e.PersonId == personId && e.Action == AuditAction.Viewed).ToListAsync());
}
