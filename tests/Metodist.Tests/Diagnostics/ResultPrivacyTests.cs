using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Diagnostics;

/// <summary>
/// A teacher's deficit profile over the API: who may open it (the teacher, their tutor, the methodists of their school and
/// municipality, the region centre), who gets a 404 as if there were nothing, and the audit trail of every look by someone else.
/// </summary>
public sealed class ResultPrivacyTests(RoleAccountsFixture fixture) : IClassFixture<RoleAccountsFixture>
{
    public enum Viewer
    {
        TheTeacher,
        SchoolMethodistOfTheSchool,
        MunicipalMethodistOfTheMunicipality,
        RegionAdmin,
        TutorOfTheRoute,
        SchoolMethodistOfAnotherSchool,
        MunicipalMethodistOfAnotherMunicipality,
        AssociationLead,
        Mentor,
    }

    public static TheoryData<Viewer> Responsible => [Viewer.TheTeacher, Viewer.SchoolMethodistOfTheSchool, Viewer.MunicipalMethodistOfTheMunicipality, Viewer.RegionAdmin, Viewer.TutorOfTheRoute];

    public static TheoryData<Viewer> ResponsibleOthers => [Viewer.SchoolMethodistOfTheSchool, Viewer.MunicipalMethodistOfTheMunicipality, Viewer.RegionAdmin, Viewer.TutorOfTheRoute];

    public static TheoryData<Viewer> Outsiders => [Viewer.SchoolMethodistOfAnotherSchool, Viewer.MunicipalMethodistOfAnotherMunicipality, Viewer.AssociationLead, Viewer.Mentor];

    [Theory]
    [MemberData(nameof(Responsible))]
    public async Task TeacherAndThoseResponsibleForThemSeeTheLatestProfile(Viewer viewer)
    {
        var (_, response) = await OpenAsync(viewer, "Открытова");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("date").GetString().Should().Be("2026-10-15");
        body.GetProperty("overall").GetString().Should().Be("partial");
        body.GetProperty("areas").EnumerateArray().Select(a => (a.GetProperty("code").GetString(), a.GetProperty("score").GetInt32(), a.GetProperty("level").GetString()))
            .Should().Equal(("legal", 70, "none"), ("subject", 69, "partial"), ("methodical", 40, "partial"), ("digital", 39, "pronounced"));
        body.GetProperty("areas")[0].GetProperty("name").GetString().Should().Be("Нормативно-правовая компетенция");
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task OthersGetNotFoundWithoutLearningWhoseResultItWas(Viewer viewer)
    {
        var (teacher, response) = await OpenAsync(viewer, "Закрытова");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Be("Педагог не найден или его результаты вам недоступны.");
        problem.GetRawText().Should().NotContain("Закрытова").And.NotContain("digital");
        (await ViewsOfAsync(teacher.Person.Id)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ResponsibleOthers))]
    public async Task EveryOpeningBySomeoneElseIsWrittenToTheAuditLog(Viewer viewer)
    {
        var (teacher, first) = await OpenAsync(viewer, "Просмотрова");
        using var client = await fixture.ClientAsync(LoginOf(viewer, teacher));
        first.EnsureSuccessStatusCode();
        (await client.GetAsync($"/api/teachers/{teacher.Person.Id}/deficits")).EnsureSuccessStatusCode();

        var views = await ViewsOfAsync(teacher.Person.Id);
        views.Should().HaveCount(2);
        views.Should().AllSatisfy(v =>
        {
            v.Action.Should().Be(AuditAction.Viewed);
            v.PersonId.Should().Be(teacher.Person.Id);
            v.EntityType.Should().Be("Результат диагностики");
            v.EntityId.Should().Be(teacher.Latest.Id);
            v.UserName.Should().Be(LoginOf(viewer, teacher));
            v.UserId.Should().NotBeNull();
            v.Field.Should().Be("API");
        });
    }

    [Fact]
    public async Task TeachersOwnOpeningIsNotAudited()
    {
        var (teacher, response) = await OpenAsync(Viewer.TheTeacher, "Самостоятельная");

        response.EnsureSuccessStatusCode();

        (await ViewsOfAsync(teacher.Person.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task TutorSeesOnlyTheTeachersWhoseRoutesTheyAccompany()
    {
        var (other, _) = await fixture.AddTeacherAsync(fixture.Data.SouthSchool, "Безтьюторная");
        await fixture.App.AddResultAsync(other.Id, new DateOnly(2026, 10, 1), (DefaultAreas.Legal, 50));
        await fixture.App.AddRouteAsync(other, fixture.Data.SouthSchool, RouteStatus.Draft);
        using var client = await fixture.ClientAsync(fixture.Tutor);

        var response = await client.GetAsync($"/api/teachers/{other.Id}/deficits");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, "the tutor works at the same school but does not accompany this teacher");
    }

    [Fact]
    public async Task OutsiderSeesTheirOwnProfile()
    {
        var mentor = await fixture.App.ReadAsync(db => db.Users.Where(u => u.UserName == fixture.Mentor).Select(u => u.PersonId!.Value).SingleAsync());
        await fixture.App.AddResultAsync(mentor, new DateOnly(2026, 9, 20), (DefaultAreas.Gifted, 90));
        using var client = await fixture.ClientAsync(fixture.Mentor);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/teachers/{mentor}/deficits");

        body.GetProperty("overall").GetString().Should().Be("none");
        (await ViewsOfAsync(mentor)).Should().BeEmpty();
    }

    [Fact]
    public async Task VisibleTeacherWithoutAResultIsNotFoundAndNothingIsAudited()
    {
        var (teacher, _) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, "Непроверенная");
        using var client = await fixture.ClientAsync(fixture.Admin);

        var response = await client.GetAsync($"/api/teachers/{teacher.Id}/deficits");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("У педагога нет результатов диагностики.");
        (await ViewsOfAsync(teacher.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task ProfileNeedsSignIn()
    {
        var teacher = await TeacherWithResultAsync("Анонимова");
        using var client = fixture.App.Anonymous();

        (await client.GetAsync($"/api/teachers/{teacher.Person.Id}/deficits")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CompetenceAreasAreTheSevenAreasOfTheFrameworkInOrder()
    {
        using var client = await fixture.ClientAsync(fixture.Mentor);

        var areas = await client.GetFromJsonAsync<JsonElement>("/api/competence-areas");

        areas.EnumerateArray().Select(a => (a.GetProperty("code").GetString()!, a.GetProperty("name").GetString()!))
            .Should().Equal(DefaultAreas.All.Select(a => (a.Code, a.Name)));
        areas.EnumerateArray().Select(a => a.GetProperty("code").GetString())
            .Should().Equal("legal", "subject", "methodical", "psychology", "digital", "inclusive", "gifted");
    }

    private sealed record Examined(Person Person, string Login, DiagnosticResult Latest);

    /// <summary>A teacher of the North school with an older and a newer result, whose route the tutor accompanies.</summary>
    private async Task<Examined> TeacherWithResultAsync(string lastName)
    {
        var (teacher, login) = await fixture.AddTeacherAsync(fixture.Data.NorthSchool, lastName);
        await fixture.App.AddResultAsync(teacher.Id, new DateOnly(2026, 3, 10), (DefaultAreas.Legal, 10), (DefaultAreas.Gifted, 95));
        var latest = await fixture.App.AddResultAsync(teacher.Id, new DateOnly(2026, 10, 15),
            (DefaultAreas.Digital, 39), (DefaultAreas.Legal, 70), (DefaultAreas.Methodical, 40), (DefaultAreas.Subject, 69));
        await fixture.App.AddRouteAsync(teacher, fixture.Data.NorthSchool, RouteStatus.Draft, fixture.TutorPerson.Id);
        return new Examined(teacher, login, latest);
    }

    /// <summary>A new teacher with results, whose profile the viewer then opens once.</summary>
    private async Task<(Examined Teacher, HttpResponseMessage Response)> OpenAsync(Viewer viewer, string lastName)
    {
        var teacher = await TeacherWithResultAsync(lastName);
        using var client = await fixture.ClientAsync(LoginOf(viewer, teacher));
        return (teacher, await client.GetAsync($"/api/teachers/{teacher.Person.Id}/deficits"));
    }

    private string LoginOf(Viewer viewer, Examined teacher) => viewer switch
    {
        Viewer.TheTeacher => teacher.Login,
        Viewer.SchoolMethodistOfTheSchool => fixture.NorthSchoolMethodist,
        Viewer.MunicipalMethodistOfTheMunicipality => fixture.NorthMethodist,
        Viewer.RegionAdmin => fixture.Admin,
        Viewer.TutorOfTheRoute => fixture.Tutor,
        Viewer.SchoolMethodistOfAnotherSchool => fixture.SouthSchoolMethodist,
        Viewer.MunicipalMethodistOfAnotherMunicipality => fixture.SouthMethodist,
        Viewer.AssociationLead => fixture.AssociationLead,
        _ => fixture.Mentor,
    };

    private Task<List<AuditEntry>> ViewsOfAsync(Guid personId) =>
        fixture.App.ReadAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.PersonId == personId && a.Action == AuditAction.Viewed).ToListAsync());
}
