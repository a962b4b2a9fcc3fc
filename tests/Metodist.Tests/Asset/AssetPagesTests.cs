using System.Net;
using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Routes;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Asset;

/// <summary>The asset's pages as the roles see them: the list with its indicators and export, the candidates, the card and the bulk assignment.</summary>
public sealed class AssetPagesTests(RoleAccountsFixture f) : IClassFixture<RoleAccountsFixture>
{
    private static IHtmlFormElement FormOf(IHtmlDocument page, string handler) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().First(form => form.GetAttribute("action")?.Contains("handler=" + handler) == true);

    private static async Task<HttpResponseMessage> SubmitAsync(BrowserSession session, IHtmlFormElement form, params (string Name, string Value)[] changes)
    {
        var fields = BrowserSession.FormFields(form);
        foreach (var (name, value) in changes) BrowserSession.Set(fields, name, value);
        return await session.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    private async Task<RegionalMethodist> ActiveWithTeachersAsync(string lastName, int teachers)
    {
        var person = await f.App.AddSubjectTeacherAsync(f.Data, f.Data.NorthSchool, lastName);
        var methodist = await f.App.AddMethodistAsync(person, AssetStatus.Active, [TestData.Mathematics], [f.Data.North.Id]);
        var assigned = new List<Metodist.Web.Features.Registry.Person>();
        for (var i = 1; i <= teachers; i++) assigned.Add(await f.Data.AddTeacherAsync(f.Data.NorthSchool, $"{lastName}Педагог{i}"));
        await f.App.AssignDirectlyAsync(methodist, assigned);
        return methodist;
    }

    [Fact]
    public async Task TheAssetListShowsTheIndicatorsStatusTabsAndEachLoadAgainstTheNormAndExports()
    {
        var methodist = await ActiveWithTeachersAsync("Списочная", 2);
        using var session = await BrowserSession.SignedInAsync(f.App, f.Admin);

        var page = await session.GetPageAsync("/Asset?search=Списочная");

        page.QuerySelector("h1")!.TextContent.Should().Be("Региональный методический актив");
        page.QuerySelectorAll(".stat .label").Select(l => l.TextContent).Should().Contain(l => l.StartsWith("доля педагогов со статусом регионального методиста"))
            .And.Contain(l => l.StartsWith("педагогов на одного регионального методиста"));
        page.QuerySelectorAll("nav.tabs a").Select(a => a.TextContent.Trim()).Should().Contain(t => t.StartsWith("Действующие"));
        var row = page.QuerySelector("table.list tbody tr")!;
        row.QuerySelector($"a[href='/Asset/{methodist.Id}']")!.TextContent.Should().Be("Списочная Анна Петровна");
        row.TextContent.Should().Contain("2 / 60").And.Contain("Математика").And.Contain("Северск");
        page.QuerySelector("a[href='/Asset/Assign']").Should().NotBeNull();

        var export = await session.Client.GetAsync("/Asset?handler=Export&search=Списочная");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        var sheet = XlsxSheet.Read(await export.Content.ReadAsByteArrayAsync());
        sheet.Rows.Should().ContainSingle();
        sheet.Rows[0]["ФИО"].Should().Be("Списочная Анна Петровна");
        sheet.Rows[0]["Закреплено педагогов"].Should().Be("2");
        sheet.Rows[0]["Норма"].Should().Be("60");
        sheet.Rows[0]["Статус"].Should().Be("действующий региональный методист");
    }

    [Fact]
    public async Task TheAdministratorTicksARequirementAndIncludesACandidateFromTheCandidatesPage()
    {
        var teacher = await f.App.AddSubjectTeacherAsync(f.Data, f.Data.NorthSchool, "Включаемая");
        using var session = await BrowserSession.SignedInAsync(f.App, f.Admin);
        var page = await session.GetPageAsync("/Asset/Candidates?search=Включаемая");
        page.QuerySelector($"tr#p-{teacher.Id}")!.TextContent.Should().Contain("по данным реестра подходит");

        var response = await SubmitAsync(session, FormOf(page, "Judge"), ("associationLeader", "true"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith("/Asset/Candidates?search=");
        var record = await f.App.ReadAsync(db => db.RegionalMethodists.AsNoTracking().Include(m => m.History).SingleAsync(m => m.PersonId == teacher.Id));
        (record.Status, record.IsAssociationLeader, record.IsExamExpert).Should().Be((AssetStatus.Candidate, true, false));
        record.History.Should().ContainSingle().Which.Comment.Should().Be("Включён в число кандидатов");
        var after = await session.GetPageAsync("/Asset/Candidates?search=Включаемая&eligible=true");
        after.QuerySelector($"tr#p-{teacher.Id}")!.TextContent.Should().Contain("соответствует требованиям").And.Contain("кандидат");

        var export = await session.Client.GetAsync("/Asset/Candidates?handler=Export&search=Включаемая");
        var sheet = XlsxSheet.Read(await export.Content.ReadAsByteArrayAsync());
        sheet.Rows.Should().ContainSingle().Which["Руководитель МО, совета"].Should().Be("да");
        sheet.Rows[0]["Соответствие"].Should().Be("соответствует требованиям");
    }

    [Fact]
    public async Task TheCardMovesACandidateOnAndAssignsTeachersFoundByName()
    {
        var person = await f.App.AddSubjectTeacherAsync(f.Data, f.Data.NorthSchool, "Карточная");
        var methodist = await f.App.AddMethodistAsync(person, AssetStatus.Trained, [TestData.Mathematics], [f.Data.North.Id]);
        var teacher = await f.Data.AddTeacherAsync(f.Data.NorthSchool, "Найденная");
        var route = await f.App.AddRouteAsync(teacher, f.Data.NorthSchool, RouteStatus.InProgress);
        using var session = await BrowserSession.SignedInAsync(f.App, f.Admin);

        var card = await session.GetPageAsync($"/Asset/{methodist.Id}");
        card.QuerySelector("h1")!.TextContent.Should().Be("Карточная Анна Петровна");
        card.QuerySelector("#requirements")!.TextContent.Should().Contain("Эксперт предметной комиссии ГИА");
        var transition = FormOf(card, "Transition");
        (await SubmitAsync(session, transition, ("orderNumber", "77-о"))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var found = await session.GetPageAsync($"/Asset/{methodist.Id}?q=Найденная");
        var assign = FormOf(found, "Assign");
        (await SubmitAsync(session, assign, ("teacherIds", teacher.Id.ToString()))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var after = await session.GetPageAsync($"/Asset/{methodist.Id}");
        after.QuerySelector(".actions")!.TextContent.Should().Contain("действующий региональный методист");
        after.QuerySelector("#teachers table.list")!.TextContent.Should().Contain("Найденная Анна Петровна").And.Contain("выполняется");
        after.QuerySelectorAll(".steps li").Select(li => li.TextContent).Should().Contain(t => t.Contains("приказ № 77-о"));
        (await f.App.ReadAsync(db => db.Routes.Where(r => r.Id == route.Id).Select(r => r.TutorPersonId).SingleAsync())).Should().Be(person.Id);
    }

    [Fact]
    public async Task TheBulkPageShowsThePlanBeforeItAssigns()
    {
        var school = await f.App.AddMunicipalitySchoolAsync(f.Data, "Страничноград");
        var person = await f.App.AddSubjectTeacherAsync(f.Data, school, "Распределяющая", AssetTestData.Chemistry);
        var methodist = await f.App.AddMethodistAsync(person, AssetStatus.Active, [AssetTestData.Chemistry], [school.MunicipalityId]);
        await f.App.AddSubjectTeacherAsync(f.Data, school, "Химия1", AssetTestData.Chemistry, Metodist.Web.Features.Registry.QualificationCategory.First);
        await f.App.AddSubjectTeacherAsync(f.Data, school, "Химия2", AssetTestData.Chemistry, Metodist.Web.Features.Registry.QualificationCategory.First);
        using var session = await BrowserSession.SignedInAsync(f.App, f.Admin);

        var page = await session.GetPageAsync($"/Asset/Assign?subjectId={AssetTestData.Chemistry}&municipalityId={school.MunicipalityId}");

        page.QuerySelector(".card")!.TextContent.Should().Contain("Незакреплённых педагогов по предмету «Химия» (Страничноград): 2");
        page.QuerySelector("table.list")!.TextContent.Should().Contain("Распределяющая Анна Петровна").And.Contain("+2");
        (await f.App.ReadAsync(db => db.AssetAssignments.CountAsync(a => a.MethodistId == methodist.Id))).Should().Be(0);
        var form = page.QuerySelectorAll("main .card form").OfType<IHtmlFormElement>().Single(x => x.Method == "post");
        var response = await session.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(BrowserSession.FormFields(form)));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await f.App.ReadAsync(db => db.AssetAssignments.CountAsync(a => a.MethodistId == methodist.Id))).Should().Be(2);
    }

    [Fact]
    public async Task AMunicipalMethodistReadsTheAssetButCannotChangeItAndATeacherCannotOpenIt()
    {
        var methodist = await ActiveWithTeachersAsync("Читаемая", 1);
        var (_, teacherLogin) = await f.AddTeacherAsync(f.Data.NorthSchool, "Любопытная");
        using var session = await BrowserSession.SignedInAsync(f.App, f.NorthMethodist);

        var list = await session.GetPageAsync("/Asset");
        var card = await session.GetPageAsync($"/Asset/{methodist.Id}");
        var candidates = await session.GetPageAsync("/Asset/Candidates");

        list.QuerySelector("a[href='/Asset/Assign']").Should().BeNull();
        list.QuerySelector("table.list")!.TextContent.Should().Contain("Читаемая Анна Петровна");
        card.QuerySelectorAll("main form[method=post]").Should().BeEmpty();
        card.QuerySelector("#teachers")!.TextContent.Should().Contain("ЧитаемаяПедагог1");
        candidates.QuerySelectorAll("details.inline-form").Should().BeEmpty();
        var bulk = await session.Client.GetAsync($"/Asset/Assign?subjectId={TestData.Mathematics}");
        bulk.StatusCode.Should().Be(HttpStatusCode.Redirect);
        bulk.Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
        using var teacher = await BrowserSession.SignedInAsync(f.App, teacherLogin);
        (await teacher.Client.GetAsync("/Asset")).Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
        (await teacher.Client.GetAsync("/Asset/Candidates")).Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
    }

    [Fact]
    public async Task ARegionalMethodistSeesTheirOwnRecordAndTeachersWithoutTheRegionsIndicators()
    {
        var methodist = await f.App.AddMethodistAsync(f.TutorPerson, AssetStatus.Active, [TestData.Mathematics], [f.Data.South.Id]);
        var teacher = await f.Data.AddTeacherAsync(f.Data.SouthSchool, "Подопечная");
        await f.App.AssignDirectlyAsync(methodist, [teacher]);
        using var session = await BrowserSession.SignedInAsync(f.App, f.Tutor);

        var list = await session.GetPageAsync("/Asset");
        var card = await session.GetPageAsync($"/Asset/{methodist.Id}");

        list.QuerySelectorAll(".stat").Should().BeEmpty();
        list.QuerySelectorAll("table.list tbody tr").Should().ContainSingle().Which.TextContent.Should().Contain(f.TutorPerson.FullName);
        card.QuerySelector("#teachers table.list")!.TextContent.Should().Contain("Подопечная Анна Петровна");
        card.QuerySelectorAll("main form[method=post]").Should().BeEmpty();
    }
}
