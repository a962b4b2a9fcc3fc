using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Associations;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Associations;

/// <summary>The section of a municipal service on the public site: associations with their leaders' names only, published plans and programmes only.</summary>
public sealed class PublicServiceTests(AssociationFixture f) : IClassFixture<AssociationFixture>
{
    private readonly PageForms _forms = new(f.App);

    private async Task<Guid> AssociationWithLeaderAsync(string name, string leaderLastName, string email, string phone)
    {
        var leader = await f.Data.AddTeacherAsync(f.Data.NorthSchool, leaderLastName, "Ирина", "Викторовна");
        await f.DbAsync(db => db.Persons.Where(p => p.Id == leader.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, email).SetProperty(p => p.Phone, phone)));
        var body = await f.PostAsync(f.NorthMethodist, "/api/associations",
            new { name, level = "municipal", kind = "methodicalAssociation", subject = "География", municipalityId = f.Data.North.Id, leaderId = leader.Id });
        return body.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task TheServiceSectionListsItsAssociationsWithTheLeadersNameAndNoOnesContacts()
    {
        var id = await AssociationWithLeaderAsync("ММО учителей географии (публичный раздел)", "Землякова", "zemlyakova@school.example", "+7 911 555-12-34");
        var member = await f.TeacherAsync(f.Data.NorthSchool, "Участникова");
        await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/members", new { teacherId = member.Teacher.Id, role = "member" });
        var southId = await f.AssociationAsync(f.SouthMethodist, f.Data.South.Id, "ММО учителей географии Южного района (публичный раздел)");

        using var anonymous = BrowserSession.Open(f.App);
        var services = await anonymous.GetPageAsync("/Public/Services");
        services.QuerySelector($"a[href='/Public/Services/{f.Data.North.Id}']").Should().NotBeNull();
        services.QuerySelector($"a[href='/Public/Services/{f.Data.South.Id}']").Should().NotBeNull();

        var section = await anonymous.GetPageAsync($"/Public/Services/{f.Data.North.Id}");
        var text = section.Body!.TextContent;
        section.QuerySelector($"a[href='/Public/Associations/{id}']").Should().NotBeNull();
        section.QuerySelector($"a[href='/Public/Associations/{southId}']").Should().BeNull("another municipality's association belongs to its own section");
        text.Should().Contain("Землякова Ирина Викторовна")
            .And.NotContain("zemlyakova@school.example").And.NotContain("555-12-34").And.NotContain("Участникова", "members are counted, not named");

        var card = await anonymous.GetPageAsync($"/Public/Associations/{id}");
        card.Body!.TextContent.Should().Contain("Землякова Ирина Викторовна").And.Contain("План работы ещё не опубликован")
            .And.NotContain("zemlyakova@school.example").And.NotContain("Участникова");
        (await anonymous.Client.GetAsync($"/Public/Services/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OnlyAPublishedPlanIsShownAndDownloaded()
    {
        var id = await AssociationWithLeaderAsync("ММО учителей биологии (публичный раздел)", "Ботаникова", "botanikova@school.example", "+7 911 555-77-88");
        var planId = (await f.PostAsync(f.NorthMethodist, $"/api/associations/{id}/plans", new { academicYear = "2026-2027" })).GetProperty("id").GetGuid();
        await f.PostAsync(f.NorthMethodist, $"/api/plans/{planId}/items", new { title = "Семинар «Экологическая тропа школы»", kind = "seminar", month = 11, responsibleIds = Array.Empty<Guid>() });

        using var anonymous = BrowserSession.Open(f.App);
        var url = $"/Public/Associations/{id}";
        (await anonymous.GetPageAsync(url)).Body!.TextContent.Should().NotContain("Экологическая тропа школы");
        (await anonymous.Client.GetAsync($"{url}?handler=Plan&planId={planId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft plan is not public");

        await f.DbAsync(db => db.WorkPlans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Approved)));
        (await anonymous.Client.GetAsync($"{url}?handler=Plan&planId={planId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "an approved plan is public only once published");

        await f.DbAsync(db => db.WorkPlans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Published)));
        var page = await anonymous.GetPageAsync(url);
        page.Body!.TextContent.Should().Contain("Экологическая тропа школы").And.Contain("ноябрь 2026");
        var docx = await anonymous.Client.GetAsync($"{url}?handler=Plan&planId={planId}");
        docx.StatusCode.Should().Be(HttpStatusCode.OK);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        doc.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("Экологическая тропа школы");

        var other = await f.AssociationAsync(f.NorthMethodist, f.Data.North.Id, "ММО учителей химии (публичный раздел)");
        (await anonymous.Client.GetAsync($"/Public/Associations/{other}?handler=Plan&planId={planId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a plan is downloaded from its own association's page");
    }

    [Fact]
    public async Task AProgrammeIsPublicOnlyOncePublished()
    {
        var id = await AssociationWithLeaderAsync("ММО учителей музыки (публичный раздел)", "Нотная", "notnaya@school.example", "+7 911 555-00-11");
        var session = await _forms.SessionAsync(f.NorthMethodist);
        var staff = $"/Associations/{id}/Programme";
        var page = await session.GetPageAsync(staff);
        (await PageForms.SubmitAsync(session, staff, PageForms.Form(page, "Passport"), ("Passport.Name", "Программа ММО учителей музыки «Музыка для всех»")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var programmeId = await f.DbAsync(db => db.Programmes.Where(p => p.AssociationId == id).Select(p => p.Id).SingleAsync());

        using var anonymous = BrowserSession.Open(f.App);
        (await anonymous.GetPageAsync($"/Public/Associations/{id}")).Body!.TextContent.Should().NotContain("Музыка для всех");
        (await anonymous.Client.GetAsync($"/Public/Associations/{id}?handler=Programme")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.Client.GetAsync($"/Public/Programmes/{programmeId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        page = await session.GetPageAsync(staff);
        (await PageForms.SubmitAsync(session, staff, PageForms.Form(page, "Publish"))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await anonymous.GetPageAsync($"/Public/Associations/{id}")).Body!.TextContent.Should().Contain("Музыка для всех");
        (await anonymous.GetPageAsync($"/Public/Programmes/{programmeId}")).Body!.TextContent.Should().Contain("Музыка для всех");
        var docx = await anonymous.Client.GetAsync($"/Public/Programmes/{programmeId}?handler=Docx");
        docx.StatusCode.Should().Be(HttpStatusCode.OK);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        doc.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("Программа ММО учителей музыки «Музыка для всех»");
    }
}
