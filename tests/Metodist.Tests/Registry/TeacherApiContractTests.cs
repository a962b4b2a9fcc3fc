using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Registry;

namespace Metodist.Tests.Registry;

/// <summary>The JSON of the registry API exactly as integrators rely on it: camelCase names, ISO dates, enum names.</summary>
public sealed class TeacherApiContractTests(TeacherApiContractTests.Fixture fixture) : IClassFixture<TeacherApiContractTests.Fixture>, IAsyncLifetime
{
    private HttpClient _admin = null!;
    private Person _teacher = null!;

    public sealed class Fixture : IAsyncLifetime
    {
        private readonly RegionFixture _region = new();

        public TestApp App => _region.App;
        public TestData Data => _region.Data;
        public ApiTokens Tokens => _region.Tokens;
        public string AdminLogin { get; private set; } = "";
        public Person Teacher { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _region.InitializeAsync();
            AdminLogin = await Data.AddAdminAsync();
            Teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Контрактова", "Вера", "Игоревна", new DateOnly(1988, 7, 9),
                snils: Snils.FromNumber(123456789), category: QualificationCategory.Highest);
        }

        public Task DisposeAsync() => _region.DisposeAsync();
    }

    public async Task InitializeAsync()
    {
        _admin = await fixture.Tokens.ClientAsync(fixture.AdminLogin);
        _teacher = fixture.Teacher;
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TokenEndpointAnswersWithASingleTokenProperty()
    {
        var login = await fixture.Data.AddUserAsync(RegionFixture.UniqueLogin("token"), null);
        using var client = fixture.App.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { login, password = TestData.Password });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Names(json.RootElement).Should().Equal("token");
        json.RootElement.GetProperty("token").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task TeacherPageHasItemsAndTotalWithCamelCaseFields()
    {
        using var json = await GetJsonAsync($"/api/teachers?search=Контрактова&page=1&pageSize=50");
        var root = json.RootElement;
        Names(root).Should().Contain(["items", "total"]);
        root.GetProperty("total").ValueKind.Should().Be(JsonValueKind.Number);
        root.GetProperty("total").GetInt32().Should().Be(1);
        var item = root.GetProperty("items").EnumerateArray().Single();
        Names(item).Should().Contain(["id", "lastName", "firstName", "middleName", "birthDate", "organizationId", "municipalityId", "category"]);
        Names(item).Should().OnlyContain(n => char.IsLower(n[0]), "property names are camelCase");
        item.GetProperty("id").GetGuid().Should().Be(_teacher.Id);
        item.GetProperty("lastName").GetString().Should().Be("Контрактова");
        item.GetProperty("firstName").GetString().Should().Be("Вера");
        item.GetProperty("middleName").GetString().Should().Be("Игоревна");
        item.GetProperty("birthDate").GetString().Should().Be("1988-07-09");
        item.GetProperty("organizationId").GetGuid().Should().Be(fixture.Data.NorthSchool.Id);
        item.GetProperty("municipalityId").GetGuid().Should().Be(fixture.Data.North.Id);
        item.GetProperty("category").GetString().Should().Be("Highest");
    }

    [Fact]
    public async Task EmptyFilterParametersAreTakenAsNoFilter()
    {
        using var json = await GetJsonAsync("/api/teachers?search=&municipalityId=&organizationId=&page=1&pageSize=50");
        json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(_teacher.Id);
        using var all = await GetJsonAsync("/api/teachers?districtId=&positionId=&subjectId=&category=&young=&attestationWithinMonths=&sort=&desc=&page=&pageSize=");
        all.RootElement.GetProperty("pageSize").GetInt32().Should().Be(50);
        using var organizations = await GetJsonAsync("/api/organizations?municipalityId=");
        organizations.RootElement.GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task TeacherCardHasTheSameFieldNamesAsTheList()
    {
        using var json = await GetJsonAsync($"/api/teachers/{_teacher.Id}");
        var card = json.RootElement;
        Names(card).Should().Contain(["id", "lastName", "firstName", "middleName", "birthDate", "organizationId", "municipalityId", "category"]);
        Names(card).Should().OnlyContain(n => char.IsLower(n[0]));
        card.GetProperty("id").GetGuid().Should().Be(_teacher.Id);
        card.GetProperty("birthDate").GetString().Should().Be("1988-07-09");
        card.GetProperty("category").GetString().Should().Be("Highest");
        card.GetProperty("snils").GetString().Should().Be(Snils.FromNumber(123456789));
        card.GetProperty("employments").EnumerateArray().Single().GetProperty("organizationId").GetGuid().Should().Be(fixture.Data.NorthSchool.Id);
    }

    [Fact]
    public async Task UnknownTeacherIsAProblemDetails404()
    {
        var response = await _admin.GetAsync($"/api/teachers/{Guid.NewGuid()}");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Names(json.RootElement).Should().Contain(["type", "title", "status", "detail"]);
        json.RootElement.GetProperty("detail").GetString().Should().Contain("Педагог не найден");
    }

    [Fact]
    public async Task TerritoriesListRegionDistrictAndMunicipalitiesWithIdsAndNames()
    {
        using var json = await GetJsonAsync("/api/territories");
        var items = json.RootElement.EnumerateArray().ToList();
        items.Should().OnlyContain(i => Names(i).Contains("id") && Names(i).Contains("name"));
        var byName = items.ToDictionary(i => i.GetProperty("name").GetString()!);
        byName["Тестовая область"].GetProperty("id").GetGuid().Should().Be(fixture.Data.Region.Id);
        byName["Северск"].GetProperty("id").GetGuid().Should().Be(fixture.Data.North.Id);
        byName["Южноград"].GetProperty("id").GetGuid().Should().Be(fixture.Data.South.Id);
        byName["Северный округ"].GetProperty("id").GetGuid().Should().Be(fixture.Data.District.Id);
    }

    [Fact]
    public async Task OrganizationsOfAMunicipalityAreListedWithIdsAndNames()
    {
        using var json = await GetJsonAsync($"/api/organizations?municipalityId={fixture.Data.South.Id}");
        var item = json.RootElement.EnumerateArray().Single();
        Names(item).Should().Contain(["id", "shortName", "fullName", "municipalityId"]);
        item.GetProperty("id").GetGuid().Should().Be(fixture.Data.SouthSchool.Id);
        item.GetProperty("shortName").GetString().Should().Be(fixture.Data.SouthSchool.ShortName);
        item.GetProperty("municipalityId").GetGuid().Should().Be(fixture.Data.South.Id);
    }

    [Fact]
    public async Task OpenApiDocumentIsServedWithoutSignInAndDescribesTheTeacherEndpoints()
    {
        using var client = fixture.App.Anonymous();
        var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = Names(json.RootElement.GetProperty("paths"));
        paths.Should().Contain(["/api/teachers", "/api/teachers/{id}", "/api/teachers/export", "/api/auth/token", "/api/users", "/api/territories", "/api/organizations"]);
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        var response = await _admin.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
