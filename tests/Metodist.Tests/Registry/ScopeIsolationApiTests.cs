using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;

namespace Metodist.Tests.Registry;

/// <summary>Each role sees exactly its scope over the API: list, filters, card by id (also guessed ids), XLSX export and organizations.</summary>
public sealed class ScopeIsolationApiTests(ScopeFixture fixture) : IClassFixture<ScopeFixture>
{
    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task TeacherListHoldsExactlyTheTeachersOfTheScope(AppRole role)
    {
        using var client = await ClientAsync(role);
        var (surnames, total) = await ListAsync(client, "/api/teachers?pageSize=500");
        surnames.Should().BeEquivalentTo(fixture.Visible[role]);
        total.Should().Be(fixture.Visible[role].Length);
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task FilteringByAMunicipalityOutsideTheScopeFindsNobody(AppRole role)
    {
        using var client = await ClientAsync(role);
        var (surnames, total) = await ListAsync(client, $"/api/teachers?municipalityId={fixture.ForeignMunicipality[role]}");
        surnames.Should().BeEmpty();
        total.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task FilteringByAnOrganizationOutsideTheScopeFindsNobody(AppRole role)
    {
        using var client = await ClientAsync(role);
        var (surnames, _) = await ListAsync(client, $"/api/teachers?organizationId={fixture.OtherSchool.Id}");
        surnames.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task SearchingForASurnameOutsideTheScopeFindsNobody(AppRole role)
    {
        using var client = await ClientAsync(role);
        foreach (var person in fixture.Hidden(role))
        {
            var (surnames, total) = await ListAsync(client, $"/api/teachers?search={Uri.EscapeDataString(person.LastName)}");
            surnames.Should().BeEmpty($"{person.LastName} is outside the scope of {role}");
            total.Should().Be(0);
        }
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task CardOfATeacherInsideTheScopeOpens(AppRole role)
    {
        using var client = await ClientAsync(role);
        foreach (var surname in fixture.Visible[role])
        {
            var response = await client.GetAsync($"/api/teachers/{fixture.People[surname].Id}");
            response.StatusCode.Should().Be(HttpStatusCode.OK, surname);
            var card = await response.Content.ReadFromJsonAsync<JsonElement>();
            card.GetProperty("lastName").GetString().Should().Be(surname);
        }
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task CardOfATeacherOutsideTheScopeIsNotFoundEvenWithItsExactId(AppRole role)
    {
        using var client = await ClientAsync(role);
        foreach (var person in fixture.Hidden(role).Append(new Web.Features.Registry.Person { LastName = "(случайный id)" }))
        {
            var response = await client.GetAsync($"/api/teachers/{person.Id}");
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{person.LastName} is outside the scope of {role}");
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("status").GetInt32().Should().Be(404);
            problem.GetProperty("title").GetString().Should().Be("Не найдено");
            var body = problem.GetRawText();
            body.Should().NotContain(person.LastName, "a 404 must not reveal whose card it was");
        }
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task ExportHoldsExactlyTheTeachersOfTheScope(AppRole role)
    {
        using var client = await ClientAsync(role);
        var response = await client.GetAsync("/api/teachers/export");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheet = XlsxSheet.Read(await response.Content.ReadAsByteArrayAsync());
        sheet.Column("Фамилия").Should().BeEquivalentTo(fixture.Visible[role]);
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task ExportFilteredByAMunicipalityOutsideTheScopeIsEmpty(AppRole role)
    {
        using var client = await ClientAsync(role);
        var bytes = await client.GetByteArrayAsync($"/api/teachers/export?municipalityId={fixture.ForeignMunicipality[role]}");
        var sheet = XlsxSheet.Read(bytes);
        sheet.Headings.Should().Contain("Фамилия");
        sheet.Rows.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ScopeFixture.Roles), MemberType = typeof(ScopeFixture))]
    public async Task OrganizationListHoldsOnlyTheOrganizationsOfTheScope(AppRole role)
    {
        using var client = await ClientAsync(role);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/organizations");
        all.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).Should().BeEquivalentTo(fixture.VisibleOrganizations[role]);

        var foreign = await client.GetFromJsonAsync<JsonElement>($"/api/organizations?municipalityId={fixture.ForeignMunicipality[role]}");
        foreign.EnumerateArray().Should().BeEmpty();
    }

    [Fact]
    public async Task AccountWithoutRolesOrPersonSeesNoTeachersAndNoOrganizations()
    {
        var login = await fixture.Data.AddUserAsync("no-roles-" + Guid.NewGuid().ToString("N")[..6], null);
        using var client = await fixture.App.ApiClientAsync(login, TestData.Password);
        var (surnames, total) = await ListAsync(client, "/api/teachers");
        surnames.Should().BeEmpty();
        total.Should().Be(0);
        (await client.GetAsync($"/api/teachers/{fixture.People["Северова"].Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<JsonElement>("/api/organizations")).EnumerateArray().Should().BeEmpty();
        XlsxSheet.Read(await client.GetByteArrayAsync("/api/teachers/export")).Rows.Should().BeEmpty();
    }

    [Fact]
    public async Task MethodistOfTwoMunicipalitiesSeesBoth()
    {
        var login = await fixture.Data.AddUserAsync("two-municipalities", null,
            (AppRole.MunicipalMethodist, fixture.Data.North.Id), (AppRole.MunicipalMethodist, fixture.Data.South.Id));
        using var client = await fixture.App.ApiClientAsync(login, TestData.Password);
        var (surnames, _) = await ListAsync(client, "/api/teachers?pageSize=500");
        surnames.Should().BeEquivalentTo(fixture.Visible[AppRole.MunicipalMethodist].Concat(["Южина", "Тьюторова"]));
    }

    [Fact]
    public async Task AdministratorOfTheOtherRegionSeesItsTeachersButNoneOfThisRegion()
    {
        var login = await fixture.Data.AddUserAsync("other-region-admin", null, (AppRole.RegionAdmin, fixture.OtherRegion.Id));
        using var client = await fixture.App.ApiClientAsync(login, TestData.Password);
        var (surnames, _) = await ListAsync(client, "/api/teachers?pageSize=500");
        surnames.Should().BeEquivalentTo(["Чужакова", "Безработнова"], "persons with no employment are visible to every region administrator");
        (await client.GetAsync($"/api/teachers/{fixture.People["Северова"].Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AdministratorOfEveryRegionSeesEveryoneAndEveryOrganization()
    {
        var login = await fixture.Data.AddUserAsync("all-regions-admin", null,
            (AppRole.RegionAdmin, fixture.Data.Region.Id), (AppRole.RegionAdmin, fixture.OtherRegion.Id));
        using var client = await fixture.ClientAsync(login);
        var (surnames, total) = await ListAsync(client, "/api/teachers?pageSize=500");
        surnames.Should().BeEquivalentTo(fixture.People.Keys);
        total.Should().Be(fixture.People.Count);
        (await client.GetFromJsonAsync<JsonElement>("/api/organizations")).EnumerateArray().Select(o => o.GetProperty("id").GetGuid())
            .Should().BeEquivalentTo([fixture.Data.NorthSchool.Id, fixture.NorthSecondSchool.Id, fixture.Data.SouthSchool.Id, fixture.OtherSchool.Id]);
    }

    [Fact]
    public async Task EveryRegistryEndpointRequiresSignIn()
    {
        using var client = fixture.App.Anonymous();
        foreach (var url in new[]
                 {
                     "/api/teachers", $"/api/teachers/{fixture.People["Северова"].Id}", "/api/teachers/export", "/api/organizations",
                     "/api/territories", "/api/positions", "/api/subjects", "/api/users",
                 })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, url);
            response.Headers.Location.Should().BeNull(url);
        }
    }

    private Task<HttpClient> ClientAsync(AppRole role) => fixture.ClientAsync(fixture.Logins[role]);

    private static async Task<(List<string> Surnames, int Total)> ListAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("lastName").GetString()!).ToList(), page.GetProperty("total").GetInt32());
    }
}
