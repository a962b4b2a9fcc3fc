using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Infrastructure;

/// <summary>A small region built directly in the database: two municipalities with a school each, and helpers for people and accounts.</summary>
public sealed class TestData(TestApp app)
{
    public const string Password = "Test-Password-2026";

    public Region Region { get; private set; } = null!;
    public District District { get; private set; } = null!;
    public Municipality North { get; private set; } = null!;
    public Municipality South { get; private set; } = null!;
    public Organization NorthSchool { get; private set; } = null!;
    public Organization SouthSchool { get; private set; } = null!;

    public static Guid Teacher => RegistryTitles.DefaultPositions[0].Id;
    public static Guid Mathematics => RegistryTitles.DefaultSubjects[2].Id;

    public static async Task<TestData> CreateAsync(TestApp app)
    {
        var data = new TestData(app);
        await data.BuildAsync();
        return data;
    }

    private async Task BuildAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Region = new Region { Name = "Тестовая область", Code = "99" };
        District = new District { Name = "Северный округ", RegionId = Region.Id };
        North = new Municipality { Name = "Северск", RegionId = Region.Id, DistrictId = District.Id };
        South = new Municipality { Name = "Южноград", RegionId = Region.Id };
        NorthSchool = new Organization { FullName = "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»", ShortName = "МБОУ СШ № 1 (Северск)", Kind = OrganizationKind.School, MunicipalityId = North.Id, Inn = "2901000001" };
        SouthSchool = new Organization { FullName = "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 2»", ShortName = "МБОУ СШ № 2 (Южноград)", Kind = OrganizationKind.School, MunicipalityId = South.Id, Inn = "2901000002" };
        db.AddRange(Region, District, North, South, NorthSchool, SouthSchool);
        await db.SaveChangesAsync();
    }

    public async Task<Person> AddTeacherAsync(Organization organization, string lastName, string firstName = "Анна", string? middleName = "Петровна",
        DateOnly? birthDate = null, string? snils = null, DateOnly? workStart = null, QualificationCategory category = QualificationCategory.First)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = new Person
        {
            LastName = lastName, FirstName = firstName, MiddleName = middleName, BirthDate = birthDate ?? new DateOnly(1985, 3, 14), Snils = snils,
            PedagogicalWorkStart = workStart ?? new DateOnly(2008, 9, 1),
        };
        person.AssignCategory(category, category == QualificationCategory.None ? null : new DateOnly(2023, 4, 20));
        var employment = new Employment { PersonId = person.Id, PositionId = Teacher, IsMain = true, StartDate = new DateOnly(2015, 9, 1) };
        employment.OrganizationId = organization.Id;
        employment.MunicipalityId = organization.MunicipalityId;
        employment.Subjects.Add(new EmploymentSubject { EmploymentId = employment.Id, SubjectId = Mathematics });
        person.Employments.Add(employment);
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>Creates an account with the given roles (role, scope id) and returns its login.</summary>
    public async Task<string> AddUserAsync(string login, Guid? personId, params (AppRole Role, Guid ScopeId)[] roles)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = login, DisplayName = login, PersonId = personId };
        foreach (var (role, scopeId) in roles) user.Roles.Add(new RoleAssignment { Role = role, ScopeId = scopeId });
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return login;
    }

    public Task<string> AddAdminAsync(string login = "admin") => AddUserAsync(login, null, (AppRole.RegionAdmin, Region.Id));
}
