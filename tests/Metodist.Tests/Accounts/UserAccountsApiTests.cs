using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Accounts;

/// <summary>POST /api/users: administrators create accounts with roles inside their region; everyone else is refused; bad input is a Russian ValidationProblem and saves nothing.</summary>
public sealed class UserAccountsApiTests(UserAccountsApiTests.Fixture fixture) : IClassFixture<UserAccountsApiTests.Fixture>, IAsyncLifetime
{
    private HttpClient _admin = null!;

    public sealed class Fixture : IAsyncLifetime
    {
        private readonly RegionFixture _region = new();

        public TestApp App => _region.App;
        public TestData Data => _region.Data;
        public ApiTokens Tokens => _region.Tokens;
        public string AdminLogin { get; private set; } = "";
        public Person NorthTeacher { get; private set; } = null!;
        public Region OtherRegion { get; private set; } = null!;
        public Municipality OtherMunicipality { get; private set; } = null!;
        public Organization OtherSchool { get; private set; } = null!;
        public Person OtherTeacher { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _region.InitializeAsync();
            AdminLogin = await Data.AddAdminAsync();
            NorthTeacher = await Data.AddTeacherAsync(Data.NorthSchool, "Северова");
            await using (var scope = App.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                OtherRegion = new Region { Name = "Соседняя область" };
                OtherMunicipality = new Municipality { Name = "Заречье", RegionId = OtherRegion.Id };
                OtherSchool = new Organization { FullName = "Школа № 7", ShortName = "Школа № 7", MunicipalityId = OtherMunicipality.Id };
                db.AddRange(OtherRegion, OtherMunicipality, OtherSchool);
                await db.SaveChangesAsync();
            }
            OtherTeacher = await Data.AddTeacherAsync(OtherSchool, "Чужакова");
        }

        public Task DisposeAsync() => _region.DisposeAsync();
    }

    public async Task InitializeAsync() => _admin = await fixture.Tokens.ClientAsync(fixture.AdminLogin);

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private const string GoodPassword = "Strong-Pass-2026";

    public static IEnumerable<object[]> RolesWithScopes =>
    [
        ["RegionAdmin", "region"],
        ["MunicipalMethodist", "north"],
        ["SchoolMethodist", "northSchool"],
        ["AssociationLead", "association"],
        ["Tutor", "person"],
        ["Mentor", "person"],
        ["Teacher", "person"],
    ];

    [Theory]
    [MemberData(nameof(RolesWithScopes))]
    public async Task AdministratorCreatesAnAccountForEveryRoleWithinTheRegion(string role, string scope)
    {
        var login = RegionFixture.UniqueLogin(role.ToLowerInvariant());
        var scopeId = ScopeId(scope);
        var personId = scope == "person" ? fixture.NorthTeacher.Id : (Guid?)null;
        var response = await _admin.PostAsJsonAsync("/api/users", new { login, password = GoodPassword, personId, roles = new[] { new { role, scopeId } } });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("id").GetGuid();
        response.Headers.Location!.OriginalString.Should().Be($"/api/users/{id}");
        json.RootElement.GetProperty("login").GetString().Should().Be(login);
        var roles = json.RootElement.GetProperty("roles").EnumerateArray().Single();
        roles.GetProperty("role").GetString().Should().Be(role);
        roles.GetProperty("scopeId").GetGuid().Should().Be(scopeId);

        using var created = await fixture.App.ApiClientAsync(login, GoodPassword);
        (await created.GetAsync("/api/teachers")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AccountBoundToAPersonTakesTheirNameAsDisplayName()
    {
        var login = RegionFixture.UniqueLogin("named");
        var response = await _admin.PostAsJsonAsync("/api/users",
            new { login, password = GoodPassword, personId = fixture.NorthTeacher.Id, roles = new[] { new { role = "Teacher", scopeId = fixture.NorthTeacher.Id.ToString() } } });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("displayName").GetString().Should().Be("Северова Анна Петровна");
        body.GetProperty("personId").GetGuid().Should().Be(fixture.NorthTeacher.Id);
    }

    [Theory]
    [InlineData(AppRole.MunicipalMethodist)]
    [InlineData(AppRole.SchoolMethodist)]
    [InlineData(AppRole.AssociationLead)]
    [InlineData(AppRole.Tutor)]
    [InlineData(AppRole.Mentor)]
    [InlineData(AppRole.Teacher)]
    public async Task OnlyAdministratorsMayCreateAccounts(AppRole role)
    {
        var scopeId = role switch
        {
            AppRole.MunicipalMethodist => fixture.Data.North.Id,
            AppRole.SchoolMethodist => fixture.Data.NorthSchool.Id,
            _ => fixture.NorthTeacher.Id,
        };
        var login = await fixture.Data.AddUserAsync(RegionFixture.UniqueLogin("not-admin"), fixture.NorthTeacher.Id, (role, scopeId));
        using var client = await fixture.App.ApiClientAsync(login, TestData.Password);
        var target = RegionFixture.UniqueLogin("forbidden");
        var response = await client.PostAsJsonAsync("/api/users", new { login = target, password = GoodPassword, roles = new[] { new { role = "RegionAdmin", scopeId = fixture.Data.Region.Id.ToString() } } });
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.Location.Should().BeNull();
        (await client.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await UserExistsAsync(target)).Should().BeFalse();
    }

    [Theory]
    [InlineData("Director")]
    [InlineData("regionadmin")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("RegionAdmin, Teacher")]
    [InlineData("")]
    public async Task UnknownRoleIsRefusedWithTheListOfRoles(string role)
    {
        var login = RegionFixture.UniqueLogin("badrole");
        var errors = await RefusedAsync(new { login, password = GoodPassword, roles = new[] { new { role, scopeId = fixture.Data.Region.Id.ToString() } } });
        errors.Should().ContainKey("roles[0]");
        errors["roles[0]"].Should().ContainSingle().Which.Should().StartWith("Неизвестная роль").And.Contain("MunicipalMethodist");
        (await UserExistsAsync(login)).Should().BeFalse();
    }

    [Theory]
    [InlineData("RegionAdmin", "otherRegion", "Роль администратора можно выдать только в пределах вашего региона.")]
    [InlineData("RegionAdmin", "north", "Роль администратора можно выдать только в пределах вашего региона.")]
    [InlineData("MunicipalMethodist", "otherMunicipality", "Муниципалитет не найден в вашем регионе.")]
    [InlineData("MunicipalMethodist", "northSchool", "Муниципалитет не найден в вашем регионе.")]
    [InlineData("MunicipalMethodist", "random", "Муниципалитет не найден в вашем регионе.")]
    [InlineData("SchoolMethodist", "otherSchool", "Организация не найдена в вашем регионе.")]
    [InlineData("SchoolMethodist", "north", "Организация не найдена в вашем регионе.")]
    [InlineData("Teacher", "otherTeacher", "Педагог не найден в вашем регионе.")]
    [InlineData("Mentor", "random", "Педагог не найден в вашем регионе.")]
    public async Task ScopeOutsideTheRegionOrOfTheWrongKindIsRefused(string role, string scope, string message)
    {
        var login = RegionFixture.UniqueLogin("badscope");
        var errors = await RefusedAsync(new { login, password = GoodPassword, roles = new[] { new { role, scopeId = ScopeId(scope).ToString() } } });
        errors["roles[0]"].Should().Equal(message);
        (await UserExistsAsync(login)).Should().BeFalse();
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    public async Task ScopeThatIsNotAnIdIsRefused(string scopeId)
    {
        var errors = await RefusedAsync(new { login = RegionFixture.UniqueLogin("noscope"), password = GoodPassword, roles = new[] { new { role = "MunicipalMethodist", scopeId } } });
        errors["roles[0]"].Single().Should().StartWith("Область роли (scopeId)");
    }

    [Fact]
    public async Task AccountCannotBeBoundToAPersonOfAnotherRegion()
    {
        var login = RegionFixture.UniqueLogin("foreign-person");
        var errors = await RefusedAsync(new { login, password = GoodPassword, personId = fixture.OtherTeacher.Id, roles = Array.Empty<object>() });
        errors.Should().ContainKey("personId");
        (await UserExistsAsync(login)).Should().BeFalse();
    }

    [Fact]
    public async Task AccountCannotBeBoundToAPersonThatDoesNotExist()
    {
        var errors = await RefusedAsync(new { login = RegionFixture.UniqueLogin("ghost"), password = GoodPassword, personId = Guid.NewGuid() });
        errors["personId"].Should().Equal("Педагог с таким идентификатором не найден.");
    }

    [Theory]
    [InlineData("Sh0rt-Pass", null)]
    [InlineData("Short1A", "Пароль должен быть не короче 10 символов.")]
    [InlineData("no-digits-Here", "Пароль должен содержать хотя бы одну цифру.")]
    [InlineData("lowercase-only-1", "Пароль должен содержать заглавную латинскую букву.")]
    [InlineData("UPPERCASE-ONLY-1", "Пароль должен содержать строчную латинскую букву.")]
    [InlineData("Aa1Aa1Aa1Aa1", "Пароль должен содержать не менее 5 различных символов.")]
    [InlineData("", "Укажите пароль.")]
    public async Task WeakPasswordIsRefusedWithARussianMessage(string password, string? message)
    {
        var login = RegionFixture.UniqueLogin("weak");
        var body = new { login, password, roles = new[] { new { role = "Teacher", scopeId = fixture.NorthTeacher.Id.ToString() } } };
        if (message is null)
        {
            // The first row is a strong-enough control, so the others fail for their own reason only.
            (await _admin.PostAsJsonAsync("/api/users", body)).StatusCode.Should().Be(HttpStatusCode.Created);
            return;
        }
        var errors = await RefusedAsync(body);
        errors["password"].Should().Contain(message);
        (await UserExistsAsync(login)).Should().BeFalse();
    }

    [Fact]
    public async Task TakenLoginIsRefused()
    {
        var errors = await RefusedAsync(new { login = fixture.AdminLogin, password = GoodPassword });
        errors["login"].Should().Equal($"Логин «{fixture.AdminLogin}» уже занят.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyLoginIsRefused(string login)
    {
        var errors = await RefusedAsync(new { login, password = GoodPassword });
        errors["login"].Should().Contain("Укажите логин.");
    }

    [Fact]
    public async Task LoginWithCyrillicLettersIsRefusedWithAHint()
    {
        var errors = await RefusedAsync(new { login = "иванова", password = GoodPassword });
        errors["login"].Single().Should().Contain("латинские буквы");
    }

    [Fact]
    public async Task OneBadRoleAmongGoodOnesSavesNothing()
    {
        var login = RegionFixture.UniqueLogin("half");
        var errors = await RefusedAsync(new
        {
            login, password = GoodPassword,
            roles = new[] { new { role = "MunicipalMethodist", scopeId = fixture.Data.North.Id.ToString() }, new { role = "MunicipalMethodist", scopeId = fixture.OtherMunicipality.Id.ToString() } },
        });
        errors.Keys.Should().Equal("roles[1]");
        (await UserExistsAsync(login)).Should().BeFalse();
    }

    [Fact]
    public async Task BodyThatIsNotJsonIsABadRequest()
    {
        var response = await _admin.PostAsync("/api/users", new StringContent("login=x", System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task<Dictionary<string, string[]>> RefusedAsync(object body)
    {
        var response = await _admin.PostAsJsonAsync("/api/users", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("title").GetString().Should().Be("Данные заполнены с ошибками");
        return json.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private async Task<bool> UserExistsAsync(string login)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var normalized = login.ToUpperInvariant();
        return await db.Users.AnyAsync(u => u.NormalizedUserName == normalized);
    }

    private Guid ScopeId(string name) => name switch
    {
        "region" => fixture.Data.Region.Id,
        "north" => fixture.Data.North.Id,
        "northSchool" => fixture.Data.NorthSchool.Id,
        "association" => Guid.NewGuid(),
        "person" => fixture.NorthTeacher.Id,
        "otherRegion" => fixture.OtherRegion.Id,
        "otherMunicipality" => fixture.OtherMunicipality.Id,
        "otherSchool" => fixture.OtherSchool.Id,
        "otherTeacher" => fixture.OtherTeacher.Id,
        "random" => Guid.NewGuid(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
