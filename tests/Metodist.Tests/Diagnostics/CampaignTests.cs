using System.Net;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Diagnostics;

/// <summary>Campaigns: who is in the cohort, who has taken the diagnostic, whose names a methodist sees, and who may address whom.</summary>
public sealed class CampaignTests(DiagnosticsFixture fixture) : IClassFixture<DiagnosticsFixture>
{
    private static DateOnly Today => DiagnosticsFixture.Today;

    private UserScope Admin => new(Guid.NewGuid(), "admin", null, [(AppRole.RegionAdmin, fixture.Data.Region.Id)], [fixture.Data.Region.Id],
        [fixture.Data.North.Id, fixture.Data.South.Id], [], []);

    private UserScope NorthMethodist => new(Guid.NewGuid(), "north", null, [(AppRole.MunicipalMethodist, fixture.Data.North.Id)], [], [fixture.Data.North.Id], [], []);

    private UserScope NorthSchoolMethodist => new(Guid.NewGuid(), "school", null, [(AppRole.SchoolMethodist, fixture.Data.NorthSchool.Id)], [], [], [fixture.Data.NorthSchool.Id], []);

    /// <summary>A subject of its own, taught by the given teachers: a cohort that no other test's teachers fall into.</summary>
    private async Task<Guid> OwnSubjectAsync(params Person[] teachers)
    {
        var subject = new Subject { Name = "Предмет " + Guid.NewGuid().ToString("N")[..8] };
        await fixture.WithDbAsync(async db =>
        {
            db.Subjects.Add(subject);
            var ids = teachers.Select(t => t.Id).ToList();
            foreach (var employment in await db.Employments.Where(e => ids.Contains(e.PersonId)).ToListAsync())
                db.EmploymentSubjects.Add(new EmploymentSubject { EmploymentId = employment.Id, SubjectId = subject.Id });
            await db.SaveChangesAsync();
        });
        return subject.Id;
    }

    private async Task<DiagnosticCampaign> CampaignAsync(Diagnostic test, DateOnly startsOn, DateOnly deadline, Guid? municipalityId = null,
        Guid? organizationId = null, Guid? subjectId = null, Guid? positionId = null)
    {
        var campaign = await fixture.AddCampaignAsync(test, startsOn, deadline, municipalityId, organizationId);
        if (subjectId is null && positionId is null) return campaign;
        await fixture.WithDbAsync(db => db.DiagnosticCampaigns.Where(c => c.Id == campaign.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SubjectId, subjectId).SetProperty(c => c.PositionId, positionId)));
        campaign.SubjectId = subjectId;
        campaign.PositionId = positionId;
        return campaign;
    }

    private Task<CampaignProgress> ProgressAsync(DiagnosticCampaign campaign, UserScope scope) =>
        fixture.WithAsync<Campaigns, CampaignProgress>(s => s.ProgressAsync(campaign, scope));

    [Fact]
    public async Task TakenMeansAResultOfTheDiagnosticWithinTheDatesOrFromTheCampaign()
    {
        var school = await fixture.AddSchoolAsync(fixture.Data.North, "Школа прогресса");
        var test = await fixture.AddTestAsync("Прогресс кампании");
        var other = await fixture.AddTestAsync("Другая диагностика");
        var inTime = await fixture.Data.AddTeacherAsync(school, "Вовремякина");
        var early = await fixture.Data.AddTeacherAsync(school, "Раньшева");
        var fromCampaign = await fixture.Data.AddTeacherAsync(school, "Кампанейцева");
        var otherTest = await fixture.Data.AddTeacherAsync(school, "Другатестова");
        var outsider = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Сторонняя");
        var campaign = await CampaignAsync(test, Today.AddDays(-10), Today.AddDays(10), organizationId: school.Id);
        await fixture.AddResultAsync(inTime.Id, test.Id, Today.AddDays(-1));
        await fixture.AddResultAsync(early.Id, test.Id, Today.AddDays(-20));
        await fixture.AddResultAsync(fromCampaign.Id, test.Id, Today.AddDays(-20), campaign.Id);
        await fixture.AddResultAsync(otherTest.Id, other.Id, Today);
        await fixture.AddResultAsync(outsider.Id, test.Id, Today);

        var progress = await ProgressAsync(campaign, Admin);

        progress.Should().Be(new CampaignProgress(4, 2, 4, 2));
        var taken = await fixture.WithAsync<Campaigns, List<string>>(s => s.People(campaign, Admin, taken: true).Select(p => p.FullName).ToListAsync());
        taken.Should().BeEquivalentTo("Вовремякина Анна Петровна", "Кампанейцева Анна Петровна");
    }

    [Fact]
    public async Task CohortIsTheTeachersWithAPlaceOfWorkMatchingEveryFilter()
    {
        var school = await fixture.AddSchoolAsync(fixture.Data.North, "Школа должностей");
        var teacher = await fixture.Data.AddTeacherAsync(school, "Учителева");
        var educator = await fixture.Data.AddTeacherAsync(school, "Воспитателева");
        await fixture.WithDbAsync(db => db.Employments.Where(e => e.PersonId == educator.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.PositionId, RegistryTitles.DefaultPositions[1].Id)));
        var subject = await OwnSubjectAsync(teacher, educator);
        var test = await fixture.AddTestAsync("Фильтры когорты");

        var teachers = await CampaignAsync(test, Today, Today.AddDays(5), subjectId: subject, positionId: TestData.Teacher);
        var wholeSubject = await CampaignAsync(test, Today, Today.AddDays(5), municipalityId: fixture.Data.North.Id, subjectId: subject);
        var southOnly = await CampaignAsync(test, Today, Today.AddDays(5), municipalityId: fixture.Data.South.Id, subjectId: subject);

        (await ProgressAsync(teachers, Admin)).CohortCount.Should().Be(1);
        (await ProgressAsync(wholeSubject, Admin)).CohortCount.Should().Be(2);
        (await ProgressAsync(southOnly, Admin)).CohortCount.Should().Be(0);
    }

    [Fact]
    public async Task MethodistOfAnotherOrganizationSeesTheCountsButOnlyTheNamesOfTheirOwnTeachers()
    {
        var otherSchool = await fixture.AddSchoolAsync(fixture.Data.North, "Соседняя школа");
        var own = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Своякова");
        var foreign = await fixture.Data.AddTeacherAsync(otherSchool, "Соседкина");
        var foreignTaken = await fixture.Data.AddTeacherAsync(otherSchool, "Прошедшая");
        var subject = await OwnSubjectAsync(own, foreign, foreignTaken);
        var test = await fixture.AddTestAsync("Приватность имён");
        var campaign = await CampaignAsync(test, Today.AddDays(-3), Today.AddDays(3), municipalityId: fixture.Data.North.Id, subjectId: subject);
        await fixture.AddResultAsync(foreignTaken.Id, test.Id, Today);
        var browser = await fixture.SessionAsync(fixture.NorthSchoolMethodist);

        var notTaken = await browser.GetPageAsync($"/Diagnostics/Campaigns/Details/{campaign.Id}");
        var taken = await browser.GetPageAsync($"/Diagnostics/Campaigns/Details/{campaign.Id}?taken=true");
        var export = await browser.Client.GetAsync($"/Diagnostics/Campaigns/Export/{campaign.Id}");

        var text = notTaken.Body!.TextContent;
        text.Should().Contain("Своякова").And.NotContain("Соседкина").And.NotContain("Прошедшая");
        notTaken.QuerySelectorAll(".stat .value").Select(v => v.TextContent).Should().Equal("3", "1", "2", "33 %");
        text.Should().Contain("Ещё 2 педагога когорты учтены только в общих числах");
        taken.Body!.TextContent.Should().NotContain("Прошедшая").And.Contain("Пока никто из вашей области видимости не прошёл диагностику.");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        XlsxSheet.Read(await export.Content.ReadAsByteArrayAsync()).Column("ФИО").Should().Equal("Своякова Анна Петровна");

        var municipal = await fixture.SessionAsync(fixture.NorthMethodist);
        var all = await municipal.GetPageAsync($"/Diagnostics/Campaigns/Details/{campaign.Id}");
        all.Body!.TextContent.Should().Contain("Своякова").And.Contain("Соседкина");
        XlsxSheet.Read(await (await municipal.Client.GetAsync($"/Diagnostics/Campaigns/Export/{campaign.Id}")).Content.ReadAsByteArrayAsync())
            .Column("ФИО").Should().BeEquivalentTo("Своякова Анна Петровна", "Соседкина Анна Петровна");
    }

    [Fact]
    public async Task MembershipTestedPersonByPersonFindsTheSamePeopleAsReadingTheMembersFirst()
    {
        var otherSchool = await fixture.AddSchoolAsync(fixture.Data.North, "Школа двух способов");
        var own = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Перваяспособ");
        var ownTaken = await fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, "Втораяспособ");
        var foreign = await fixture.Data.AddTeacherAsync(otherSchool, "Третьяспособ");
        var subject = await OwnSubjectAsync(own, ownTaken, foreign);
        var test = await fixture.AddTestAsync("Два способа");
        var campaign = await CampaignAsync(test, Today.AddDays(-3), Today.AddDays(3), municipalityId: fixture.Data.North.Id, subjectId: subject);
        await fixture.AddResultAsync(ownTaken.Id, test.Id, Today);

        foreach (var scope in new[] { Admin, NorthMethodist, NorthSchoolMethodist })
        {
            foreach (var taken in new[] { false, true })
            {
                var read = await fixture.WithAsync<Campaigns, List<Guid>>(s => s.People(campaign, scope, taken, many: false).Select(p => p.Id).ToListAsync());
                var tested = await fixture.WithAsync<Campaigns, List<Guid>>(s => s.People(campaign, scope, taken, many: true).Select(p => p.Id).ToListAsync());
                tested.Should().Equal(read, "{0} with taken={1}", scope.DisplayName, taken);
            }
            await using var services = fixture.App.Scope();
            var campaigns = services.ServiceProvider.GetRequiredService<Campaigns>();
            var visible = scope.PrivatePersons(campaigns.Members(services.ServiceProvider.GetRequiredService<AppDbContext>().Persons, campaign, many: true));
            var counted = (await visible.CountAsync(), await campaigns.Takers(visible, campaign, true, many: true).CountAsync());
            var progress = await ProgressAsync(campaign, scope);
            counted.Should().Be((progress.VisibleCohortCount, progress.VisibleTakenCount), scope.DisplayName);
        }
        (await ProgressAsync(campaign, NorthSchoolMethodist)).Should().Be(new CampaignProgress(3, 1, 2, 1));
    }

    [Fact]
    public async Task CampaignOfAnotherMunicipalityOrSchoolIsNotFoundForAMethodist()
    {
        var test = await fixture.AddTestAsync("Чужая кампания");
        var south = await CampaignAsync(test, Today, Today.AddDays(3), municipalityId: fixture.Data.South.Id);
        var southSchool = await CampaignAsync(test, Today, Today.AddDays(3), organizationId: fixture.Data.SouthSchool.Id);
        var northSchool = await CampaignAsync(test, Today, Today.AddDays(3), organizationId: fixture.Data.NorthSchool.Id);
        var browser = await fixture.SessionAsync(fixture.NorthSchoolMethodist);

        (await browser.Client.GetAsync($"/Diagnostics/Campaigns/Details/{south.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await browser.Client.GetAsync($"/Diagnostics/Campaigns/Details/{southSchool.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await browser.Client.GetAsync($"/Diagnostics/Campaigns/Export/{south.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await browser.Client.GetAsync($"/Diagnostics/Campaigns/Details/{northSchool.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var list = await browser.GetPageAsync("/Diagnostics/Campaigns");
        var links = list.QuerySelectorAll("a[href^='/Diagnostics/Campaigns/Details/']").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Contain($"/Diagnostics/Campaigns/Details/{northSchool.Id}").And.NotContain($"/Diagnostics/Campaigns/Details/{south.Id}");
    }

    [Fact]
    public async Task ListShowsProgressAndMarksAnOverdueCampaign()
    {
        var school = await fixture.AddSchoolAsync(fixture.Data.South, "Школа просрочки");
        var done = await fixture.Data.AddTeacherAsync(school, "Сделавшая");
        await fixture.Data.AddTeacherAsync(school, "Несделавшая");
        var test = await fixture.AddTestAsync("Просроченная");
        var campaign = await CampaignAsync(test, Today.AddDays(-30), Today.AddDays(-1), organizationId: school.Id);
        await fixture.AddResultAsync(done.Id, test.Id, Today.AddDays(-5));
        var browser = await fixture.SessionAsync(fixture.Admin);

        var list = await browser.GetPageAsync("/Diagnostics/Campaigns?page=1");

        var row = list.QuerySelectorAll("tr").Single(r => r.QuerySelector($"a[href='/Diagnostics/Campaigns/Details/{campaign.Id}']") is not null);
        row.TextContent.Should().Contain("прошли 1 из 2").And.Contain("просрочена").And.Contain("Школа просрочки");
    }

    [Fact]
    public async Task TeacherSeesTheOpenCampaignsThatIncludeThemWithATakeLinkUntilTaken()
    {
        var school = await fixture.AddSchoolAsync(fixture.Data.North, "Школа педагога");
        var (teacher, login) = await fixture.AddTeacherAsync(school, "Назначенная");
        var test = await fixture.AddTestAsync("Назначенный тест");
        var mine = await CampaignAsync(test, Today.AddDays(-1), Today.AddDays(7), organizationId: school.Id);
        await CampaignAsync(test, Today.AddDays(-1), Today.AddDays(7), organizationId: fixture.Data.SouthSchool.Id);
        await CampaignAsync(test, Today.AddDays(-20), Today.AddDays(-2), organizationId: school.Id);
        await CampaignAsync(test, Today.AddDays(2), Today.AddDays(20), organizationId: school.Id);

        var open = await fixture.WithAsync<Campaigns, IReadOnlyList<TeacherCampaign>>(s => s.ForTeacherAsync(teacher.Id));

        open.Should().ContainSingle().Which.Should().BeEquivalentTo(new { mine.Id, Taken = false, TakeUrl = $"/Diagnostics/Take/Start?diagnosticId={test.Id}&campaignId={mine.Id}" });
        await fixture.AddResultAsync(teacher.Id, test.Id, Today);
        var after = await fixture.WithAsync<Campaigns, IReadOnlyList<TeacherCampaign>>(s => s.ForTeacherAsync(teacher.Id));
        after.Single().Should().BeEquivalentTo(new { Taken = true, TakeUrl = (string?)null });
        var browser = await fixture.SessionAsync(login);
        (await browser.Client.GetAsync("/Diagnostics/Campaigns")).Headers.Location!.OriginalString.Should().Be("/Diagnostics/My");
    }

    [Fact]
    public async Task MunicipalMethodistAddressesOnlyTheirMunicipalityAndItsOrganizations()
    {
        var test = await fixture.AddTestAsync("Права на кампанию");
        async Task<Dictionary<string, string>> Create(UserScope scope, CampaignForm form) =>
            (await fixture.WithAsync<Campaigns, (DiagnosticCampaign?, Dictionary<string, string>)>(s => s.CreateAsync(scope, form, "тест"))).Item2;
        CampaignForm Form(Guid? municipality = null, Guid? organization = null) =>
            new() { DiagnosticId = test.Id, StartsOn = Today, Deadline = Today.AddDays(10), MunicipalityId = municipality, OrganizationId = organization };

        (await Create(NorthMethodist, Form(fixture.Data.South.Id))).Should().ContainKey("MunicipalityId");
        (await Create(NorthMethodist, Form(organization: fixture.Data.SouthSchool.Id))).Should().ContainKey("MunicipalityId");
        (await Create(NorthMethodist, Form())).Should().ContainKey("MunicipalityId");
        (await Create(NorthMethodist, Form(fixture.Data.North.Id))).Should().BeEmpty();
        (await Create(NorthMethodist, Form(organization: fixture.Data.NorthSchool.Id))).Should().BeEmpty();
        (await Create(NorthMethodist, Form(fixture.Data.North.Id, fixture.Data.SouthSchool.Id)))["OrganizationId"]
            .Should().Be("Организация не относится к выбранному муниципалитету.");
    }

    [Fact]
    public async Task SchoolMethodistAddressesOnlyTheirOrganizationAndTheAdminTheWholeRegion()
    {
        var test = await fixture.AddTestAsync("Права школы");
        async Task<(DiagnosticCampaign? Campaign, Dictionary<string, string> Errors)> Create(UserScope scope, CampaignForm form) =>
            await fixture.WithAsync<Campaigns, (DiagnosticCampaign?, Dictionary<string, string>)>(s => s.CreateAsync(scope, form, "тест"));
        CampaignForm Form(Guid? municipality = null, Guid? organization = null) =>
            new() { DiagnosticId = test.Id, StartsOn = Today, Deadline = Today.AddDays(10), MunicipalityId = municipality, OrganizationId = organization };

        (await Create(NorthSchoolMethodist, Form())).Errors.Should().ContainKey("OrganizationId");
        (await Create(NorthSchoolMethodist, Form(fixture.Data.North.Id))).Errors.Should().ContainKey("OrganizationId");
        var own = await Create(NorthSchoolMethodist, Form(organization: fixture.Data.NorthSchool.Id));
        own.Errors.Should().BeEmpty();
        own.Campaign!.Should().BeEquivalentTo(new { RegionId = fixture.Data.Region.Id, MunicipalityId = (Guid?)fixture.Data.North.Id, Title = test.Title });
        var region = await Create(Admin, Form());
        region.Errors.Should().BeEmpty();
        region.Campaign!.RegionId.Should().Be(fixture.Data.Region.Id);
    }

    [Fact]
    public async Task DeadlineBeforeTheStartAndAnUnpublishedDiagnosticAreRefused()
    {
        var draft = await fixture.AddTestAsync("Неопубликованная для кампании", published: false);
        var (campaign, errors) = await fixture.WithAsync<Campaigns, (DiagnosticCampaign?, Dictionary<string, string>)>(s => s.CreateAsync(Admin,
            new CampaignForm { DiagnosticId = draft.Id, StartsOn = Today, Deadline = Today.AddDays(-1) }, "тест"));

        campaign.Should().BeNull();
        errors["Deadline"].Should().Be("Срок прохождения не может быть раньше даты начала.");
        errors["DiagnosticId"].Should().Be("Выберите опубликованную диагностику.");
    }

    [Fact]
    public async Task SchoolMethodistCreatesACampaignThroughTheForm()
    {
        var test = await fixture.AddTestAsync("Через форму кампании");
        var browser = await fixture.SessionAsync(fixture.NorthSchoolMethodist);
        var page = await browser.GetPageAsync($"/Diagnostics/Campaigns/Create?diagnosticId={test.Id}");
        var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.QuerySelector("[name='Input.DiagnosticId']") is not null);
        var fields = BrowserSession.FormFields(form);
        BrowserSession.Set(fields, "Input.Title", "Школьная кампания");

        var response = await browser.Client.PostAsync("/Diagnostics/Campaigns/Create", new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await fixture.WithDbAsync(db => db.DiagnosticCampaigns.AsNoTracking().SingleAsync(c => c.Title == "Школьная кампания"));
        saved.Should().BeEquivalentTo(new { DiagnosticId = test.Id, OrganizationId = (Guid?)fixture.Data.NorthSchool.Id, StartsOn = Today, Deadline = Today.AddMonths(1) });
        response.Headers.Location!.OriginalString.Should().Be($"/Diagnostics/Campaigns/Details/{saved.Id}");
    }
}
