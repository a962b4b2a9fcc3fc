using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Mentoring;

/// <summary>Young teachers, experienced colleagues and pairs made for the mentoring tests.</summary>
public static class MentoringTestData
{
    public static DateOnly Today => RouteTestData.Today;

    /// <summary>A young teacher (25 years old, in the second year of work, no category) with an account.</summary>
    public static Task<(Person Teacher, string Login)> AddYoungAsync(this RoleAccountsFixture f, Organization school, string lastName) =>
        f.AddTeacherAsync(school, lastName, birthDate: Today.AddYears(-25), workStart: Today.AddYears(-1));

    /// <summary>An experienced teacher of mathematics (born 1975) with the given category and years of work.</summary>
    public static Task<Person> AddExperiencedAsync(this RoleAccountsFixture f, Organization school, string lastName,
        QualificationCategory category = QualificationCategory.Highest, int years = 20) =>
        f.Data.AddTeacherAsync(school, lastName, "Елена", "Викторовна", birthDate: new DateOnly(1975, 4, 12), workStart: Today.AddYears(-years).AddDays(-10),
            category: category);

    public static async Task<Organization> AddSchoolAsync(this RoleAccountsFixture f, Municipality municipality, string shortName, string inn)
    {
        await using var scope = f.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var school = new Organization
        {
            FullName = $"Муниципальное бюджетное общеобразовательное учреждение «{shortName}»", ShortName = shortName, Kind = OrganizationKind.School,
            MunicipalityId = municipality.Id, Inn = inn,
        };
        db.Organizations.Add(school);
        await db.SaveChangesAsync();
        return school;
    }

    /// <summary>Creates a pair through the API and returns its JSON; fails the test unless it was created.</summary>
    public static async Task<JsonElement> CreatePairAsync(this HttpClient client, Guid mentorId, params Guid[] menteeIds)
    {
        var response = await client.PostAsJsonAsync("/api/mentoring/pairs", new { mentorId, menteeIds, startDate = Today.AddDays(-30) });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    /// <summary>The section-3 items of a route as the routes API shows them.</summary>
    public static async Task<List<JsonElement>> MentoringItemsAsync(this HttpClient client, Guid routeId)
    {
        var route = await client.GetFromJsonAsync<JsonElement>($"/api/routes/{routeId}");
        return route.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("section").GetString() == "3").ToList();
    }

    /// <summary>Adds the item the drafter proposes to a young teacher: «Работа с наставником» with no pair yet.</summary>
    public static async Task<RouteItem> AddDraftedMentoringAsync(this TestApp app, DevelopmentRoute route)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = new RouteItem
        {
            RouteId = route.Id, PersonId = route.PersonId, Section = RouteSection.Mentoring, SortOrder = 5, Title = "Работа с наставником",
            Details = "Адаптация в профессии, планирование и анализ уроков", Deadline = route.EndsOn, Reason = "Молодой педагог: первые три года работы",
        };
        db.RouteItems.Add(item);
        await db.SaveChangesAsync();
        return item;
    }
}
