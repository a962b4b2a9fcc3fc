using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Consultations;

/// <summary>
/// The test region for the consultation desk: Северск (North) with a municipal methodist who teaches mathematics, Южноград
/// (South) with a methodist without a person, Восточный (East) with no municipal methodist at all, the region's
/// administrator, and a school methodist of the North school. Tests that count loads build municipalities of their own.
/// </summary>
public sealed class ConsultationFixture : IAsyncLifetime
{
    public static readonly Guid Physics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Физика").Id;

    public TestApp App { get; private set; } = null!;
    public TestData Data { get; private set; } = null!;
    public Municipality East { get; private set; } = null!;
    public Organization EastSchool { get; private set; } = null!;

    public string Admin { get; private set; } = "";
    public string NorthMethodist { get; private set; } = "";
    public Guid NorthMethodistId { get; private set; }
    public string SouthMethodist { get; private set; } = "";
    public string NorthSchoolMethodist { get; private set; } = "";

    private ApiTokens _tokens = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        Data = await TestData.CreateAsync(App);
        _tokens = new ApiTokens(App);
        (East, EastSchool) = await AddMunicipalityAsync("Восточный");
        Admin = await Data.AddAdminAsync("region-admin");
        (NorthMethodist, NorthMethodistId) = await AddMethodistAsync(Data.North, Data.NorthSchool, "Северова", TestData.Mathematics);
        SouthMethodist = await Data.AddUserAsync("south-methodist", null, (AppRole.MunicipalMethodist, Data.South.Id));
        var deputy = await Data.AddTeacherAsync(Data.NorthSchool, "Завучева");
        NorthSchoolMethodist = await Data.AddUserAsync("north-school-methodist", deputy.Id, (AppRole.SchoolMethodist, Data.NorthSchool.Id));
    }

    public Task<HttpClient> ClientAsync(string login) => _tokens.ClientAsync(login);

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = App.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<Guid> UserIdAsync(string login) => await DbAsync(db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());

    /// <summary>A new municipality of the region with one school.</summary>
    public async Task<(Municipality Municipality, Organization School)> AddMunicipalityAsync(string name)
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var municipality = new Municipality { Name = name, RegionId = Data.Region.Id };
        var school = new Organization
        {
            FullName = $"Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1» ({name})", ShortName = $"МБОУ СШ № 1 ({name})",
            Kind = OrganizationKind.School, MunicipalityId = municipality.Id,
        };
        db.AddRange(municipality, school);
        await db.SaveChangesAsync();
        return (municipality, school);
    }

    /// <summary>A methodist of the municipality's service who is a person teaching <paramref name="subjectId"/> at the school.</summary>
    public async Task<(string Login, Guid UserId)> AddMethodistAsync(Municipality municipality, Organization school, string lastName, Guid subjectId)
    {
        var person = await Data.AddTeacherAsync(school, lastName, "Ольга", "Ивановна");
        await using (var scope = App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var subjects = await db.EmploymentSubjects.Where(s => s.Employment!.PersonId == person.Id).ToListAsync();
            db.EmploymentSubjects.RemoveRange(subjects);
            db.EmploymentSubjects.Add(new EmploymentSubject { EmploymentId = subjects[0].EmploymentId, SubjectId = subjectId });
            await db.SaveChangesAsync();
        }
        var login = await Data.AddUserAsync(RegionFixture.UniqueLogin("mm"), person.Id, (AppRole.MunicipalMethodist, municipality.Id));
        return (login, await UserIdAsync(login));
    }

    /// <summary>A new teacher of the school (mathematics) with an account of their own.</summary>
    public async Task<(Person Teacher, string Login)> AddTeacherAsync(Organization school, string lastName)
    {
        var teacher = await Data.AddTeacherAsync(school, lastName);
        var login = await Data.AddUserAsync(RegionFixture.UniqueLogin("teacher"), teacher.Id, (AppRole.Teacher, teacher.Id));
        return (teacher, login);
    }

    /// <summary>Asks through the API as <paramref name="login"/> and returns the created request.</summary>
    public async Task<JsonElement> AskAsync(string login, object body)
    {
        using var client = await ClientAsync(login);
        var response = await client.PostAsJsonAsync("/api/consultations", body);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /api/consultations answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
