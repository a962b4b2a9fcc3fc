using System.Net;
using System.Net.Http.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Demo;

/// <summary>One app with the demo region seeded on start, shared by the demo tests through <see cref="DemoRegionGroup"/> (the seed takes a few seconds).</summary>
public sealed class DemoRegionFixture : IAsyncLifetime
{
    public const string Password = "Demo-Password-2026";

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(new Dictionary<string, string?>
    {
        ["Demo:SeedOnStart"] = "true",
        ["Demo:AdminPassword"] = Password,
    });

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Runs a query on the demo database in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = App.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

[Collection(DemoRegionGroup.Name)]
public sealed class DemoRegionTests(DemoRegionFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => fixture.QueryAsync(query);

    [Fact]
    public async Task FirstStartSeedsOneRegionWithFiveDistrictsAndTwentyFiveMunicipalities()
    {
        var (regions, districts, municipalities, withoutDistrict) = await QueryAsync(async db => (
            await db.Regions.Select(r => r.Name).ToListAsync(),
            await db.Districts.CountAsync(),
            await db.Municipalities.CountAsync(),
            await db.Municipalities.CountAsync(m => m.DistrictId == null)));

        regions.Should().Equal("Архангельская область");
        districts.Should().Be(5);
        municipalities.Should().Be(25);
        withoutDistrict.Should().Be(0);
    }

    [Fact]
    public async Task TheRegionHasAboutThreeHundredFiftyOrganizationsOfEveryKindWithValidInns()
    {
        var organizations = await QueryAsync(db => db.Organizations.AsNoTracking().ToListAsync());

        organizations.Should().HaveCountGreaterThanOrEqualTo(300).And.HaveCountLessThanOrEqualTo(400);
        organizations.Count(o => o.Kind == OrganizationKind.RegionalCentre).Should().Be(1);
        organizations.Count(o => o.Kind == OrganizationKind.MunicipalService).Should().Be(25);
        organizations.GroupBy(o => o.MunicipalityId).Should().HaveCount(25)
            .And.OnlyContain(g => g.Count(o => o.Kind == OrganizationKind.MunicipalService) == 1);
        foreach (var kind in new[] { OrganizationKind.School, OrganizationKind.Kindergarten, OrganizationKind.AdditionalEducation, OrganizationKind.College })
            organizations.Should().Contain(o => o.Kind == kind);
        organizations.Should().OnlyContain(o => o.FullName.Length > 0 && o.ShortName.Length > 0 && o.Address!.Contains("Архангельская область")
            && o.Phone!.StartsWith("8 (8") && o.Email!.Contains('@') && o.SearchName.Length > 0);
        organizations.Select(o => o.Inn).Should().OnlyHaveUniqueItems().And.OnlyContain(inn => inn!.Length == 10 && inn.StartsWith("29") && HasValidInnCheckDigit(inn));
    }

    [Fact]
    public async Task TheRegionHasNineThousandTeachersEachWithAMainJob()
    {
        var (persons, withMainJob, secondJobs, withoutSearchName) = await QueryAsync(async db => (
            await db.Persons.CountAsync(),
            await db.Persons.CountAsync(p => p.Employments.Count(e => e.IsMain) == 1),
            await db.Employments.CountAsync(e => !e.IsMain),
            await db.Persons.CountAsync(p => p.SearchName == "")));

        persons.Should().Be(DemoRegion.DefaultTeachers);
        withMainJob.Should().Be(persons);
        ((double)secondJobs / persons).Should().BeInRange(0.03, 0.06);
        withoutSearchName.Should().Be(0);
    }

    [Fact]
    public async Task BetweenTwentyAndTwentyFivePercentAreYoungTeachers()
    {
        var people = await QueryAsync(db => db.Persons.AsNoTracking().Select(p => new { p.BirthDate, p.PedagogicalWorkStart }).ToListAsync());

        var young = people.Count(p => TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, Today));

        ((double)young / people.Count).Should().BeInRange(0.20, 0.25);
    }

    [Fact]
    public async Task AgesAndExperienceAreRealistic()
    {
        var people = await QueryAsync(db => db.Persons.AsNoTracking()
            .Select(p => new { p.BirthDate, p.PedagogicalWorkStart, p.EducationLevel, p.Education }).ToListAsync());

        people.Should().OnlyContain(p => TeacherRules.Age(p.BirthDate, Today) >= 22 && TeacherRules.Age(p.BirthDate, Today) <= 68);
        people.Should().OnlyContain(p => p.PedagogicalWorkStart <= Today && p.PedagogicalWorkStart >= p.BirthDate.AddYears(18));
        people.Should().OnlyContain(p => p.EducationLevel != null && !string.IsNullOrEmpty(p.Education));
        var ages = people.Select(p => TeacherRules.Age(p.BirthDate, Today)).ToList();
        ages.Average().Should().BeInRange(38, 50);
        ((double)ages.Count(a => a >= 55) / ages.Count).Should().BeInRange(0.15, 0.35);
    }

    [Fact]
    public async Task EverySnilsGivenPassesTheChecksumAndNoTwoPeopleShareOne()
    {
        var snils = await QueryAsync(db => db.Persons.AsNoTracking().Select(p => p.Snils).ToListAsync());

        var given = snils.Where(s => s != null).Select(s => s!).ToList();
        ((double)given.Count / snils.Count).Should().BeInRange(0.85, 0.95);
        given.Should().OnlyHaveUniqueItems();
        given.Where(s => Snils.Normalize(s, out _) != s).Should().BeEmpty();
    }

    [Fact]
    public async Task CategoriesAreValidForFiveYearsAndSomeAttestationsAreDueWithinMonths()
    {
        var people = await QueryAsync(db => db.Persons.AsNoTracking()
            .Select(p => new { p.Category, p.CategoryAssignedOn, p.NextAttestationDue, p.BirthDate, p.PedagogicalWorkStart }).ToListAsync());

        var withCategory = people.Where(p => p.Category != QualificationCategory.None).ToList();
        withCategory.Should().OnlyContain(p => p.CategoryAssignedOn > Today.AddYears(-5) && p.CategoryAssignedOn <= Today
            && p.NextAttestationDue == p.CategoryAssignedOn!.Value.AddYears(TeacherRules.CategoryValidityYears));
        people.Where(p => p.Category == QualificationCategory.None).Should().OnlyContain(p => p.CategoryAssignedOn == null && p.NextAttestationDue == null);
        withCategory.Count(p => p.NextAttestationDue <= Today.AddMonths(6)).Should().BeGreaterThan(100);

        var experienced = people.Where(p => !TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, Today)).ToList();
        double Share(QualificationCategory category) => (double)experienced.Count(p => p.Category == category) / experienced.Count;
        Share(QualificationCategory.First).Should().BeInRange(0.28, 0.42);
        Share(QualificationCategory.Highest).Should().BeInRange(0.22, 0.36);
        Share(QualificationCategory.TeacherMethodist).Should().BeInRange(0.005, 0.05);
        Share(QualificationCategory.TeacherMentor).Should().BeInRange(0.005, 0.05);
        var young = people.Where(p => TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, Today)).ToList();
        ((double)young.Count(p => p.Category == QualificationCategory.None) / young.Count).Should().BeGreaterThan(0.75);
    }

    [Fact]
    public async Task PositionsFitTheKindOfOrganization()
    {
        var jobs = await QueryAsync(db => db.Employments.AsNoTracking()
            .Select(e => new { e.Organization!.Kind, Position = e.Position!.Name, Subjects = e.Subjects.Count }).ToListAsync());

        jobs.Where(j => j.Position == "Воспитатель").Should().OnlyContain(j => j.Kind == OrganizationKind.Kindergarten);
        jobs.Where(j => j.Position == "Учитель").Should().OnlyContain(j => j.Kind == OrganizationKind.School && j.Subjects >= 1 && j.Subjects <= 2);
        jobs.Where(j => j.Position == "Методист").Should().OnlyContain(j => j.Kind != OrganizationKind.School && j.Kind != OrganizationKind.Kindergarten);
        jobs.Where(j => j.Position == "Преподаватель").Should().OnlyContain(j => j.Kind == OrganizationKind.College);
        jobs.Where(j => j.Position is "Директор" or "Заведующий" or "Заместитель директора").Should().OnlyContain(j => j.Subjects == 0);
        ((double)jobs.Count(j => j.Position == "Учитель") / jobs.Count).Should().BeInRange(0.45, 0.75);
    }

    [Fact]
    public async Task WomenAreAboutEightyPercentAndPatronymicsMatchTheirSex()
    {
        var people = await QueryAsync(db => db.Persons.AsNoTracking().Select(p => new { p.LastName, p.FirstName, p.MiddleName }).ToListAsync());

        var women = people.Count(p => p.MiddleName!.EndsWith("на"));
        ((double)women / people.Count).Should().BeInRange(0.75, 0.9);
        people.Should().OnlyContain(p => p.MiddleName!.EndsWith("на") || p.MiddleName.EndsWith("ич"));
        people.Select(p => p.LastName).Distinct().Count().Should().BeGreaterThan(150);
    }

    [Fact]
    public async Task EveryRoleHasADemoAccountBoundToItsScope()
    {
        var (users, cast) = await QueryAsync(async db => (
            await db.Users.AsNoTracking().Include(u => u.Roles).ToListAsync(),
            await db.Municipalities.Where(m => m.Name == "Северодвинск").Select(m => m.Id).SingleAsync()));

        users.SelectMany(u => u.Roles).Select(r => r.Role).Should().BeEquivalentTo(Enum.GetValues<AppRole>());
        users.Select(u => u.UserName).Should().BeEquivalentTo(DemoRegion.Logins);
        var byLogin = users.ToDictionary(u => u.UserName!);
        byLogin["admin"].Roles.Single().ScopeId.Should().Be(DemoIds.Region);
        byLogin["admin"].DisplayName.Should().Be("Администратор региона");
        byLogin["mmc"].Roles.Single().ScopeId.Should().Be(cast);
        byLogin["lead"].Roles.Single().ScopeId.Should().Be(DemoIds.MathAssociation);
        foreach (var login in new[] { "tutor", "mentor", "teacher" })
            byLogin[login].Roles.Single().ScopeId.Should().Be(byLogin[login].PersonId!.Value);
        users.Where(u => u.UserName != "admin").Should().OnlyContain(u => u.PersonId != null && u.DisplayName.Split(' ').Length == 3);
    }

    [Fact]
    public async Task TheDemoPeopleFitTheirRoles()
    {
        var facts = await QueryAsync(async db =>
        {
            var people = await db.Users.AsNoTracking().Where(u => u.PersonId != null)
                .Join(db.Persons, u => u.PersonId, p => p.Id, (u, p) => new { u.UserName, Person = p })
                .ToListAsync();
            var jobs = await db.Employments.AsNoTracking().Where(e => e.IsMain)
                .Select(e => new { e.PersonId, e.OrganizationId, e.Organization!.Kind, Position = e.Position!.Name }).ToListAsync();
            var school = await db.Users.Where(u => u.UserName == "school").SelectMany(u => u.Roles).Select(r => r.ScopeId).SingleAsync();
            return (people.ToDictionary(p => p.UserName!, p => p.Person), jobs.ToDictionary(j => j.PersonId), school);
        });
        var (people, jobs, school) = facts;

        jobs[people["mmc"].Id].Kind.Should().Be(OrganizationKind.MunicipalService);
        jobs[people["mmc"].Id].Position.Should().Be("Методист");
        jobs[people["school"].Id].OrganizationId.Should().Be(school);
        jobs[people["school"].Id].Position.Should().Be("Заместитель директора");
        var teacher = people["teacher"];
        TeacherRules.IsYoungTeacher(teacher.BirthDate, teacher.PedagogicalWorkStart, Today).Should().BeTrue();
        jobs[teacher.Id].OrganizationId.Should().Be(school);
        jobs[people["mentor"].Id].OrganizationId.Should().Be(school);
        people["mentor"].Category.Should().BeOneOf(QualificationCategory.First, QualificationCategory.Highest,
            QualificationCategory.TeacherMethodist, QualificationCategory.TeacherMentor);
        var tutor = people["tutor"];
        TeacherRules.IsEligibleForAsset(tutor.Category, tutor.PedagogicalWorkStart, Today).Should().BeTrue();
    }

    [Fact]
    public async Task EveryDemoAccountSignsInWithTheConfiguredPassword()
    {
        var anonymous = fixture.App.Anonymous();
        foreach (var login in DemoRegion.Logins)
        {
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { login, password = DemoRegionFixture.Password });
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"«{login}» signs in");
        }
    }

    [Fact]
    public async Task TheMunicipalMethodistSeesOnlyTheTeachersOfTheirMunicipality()
    {
        var (all, severodvinsk) = await QueryAsync(async db =>
        {
            var municipality = await db.Municipalities.Where(m => m.Name == "Северодвинск").Select(m => m.Id).SingleAsync();
            return (await db.Persons.CountAsync(), await db.Persons.CountAsync(p => p.Employments.Any(e => e.MunicipalityId == municipality)));
        });
        var admin = await fixture.App.ApiClientAsync("admin", DemoRegionFixture.Password);
        var methodist = await fixture.App.ApiClientAsync("mmc", DemoRegionFixture.Password);

        (await admin.GetFromJsonAsync<TeacherPage>("/api/teachers?pageSize=1"))!.Total.Should().Be(all);
        (await methodist.GetFromJsonAsync<TeacherPage>("/api/teachers?pageSize=1"))!.Total.Should().Be(severodvinsk);
        severodvinsk.Should().BeInRange(all / 10, all / 3);
    }

    [Fact]
    public async Task ALaterStartListsTheAccountsAndKeepsTheirPassword()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:AdminPassword"] = DemoRegionFixture.Password }).Build();

        var demo = await DemoRegion.EnsureSeededAsync(fixture.App.Services, configuration);

        demo.Should().NotBeNull();
        demo!.Accounts.Should().HaveCount(7);
        demo.Accounts[0].Should().Be("admin — Администратор региона (ЦНППМ) (Архангельская область)");
        demo.Accounts.Should().Contain(line => line.StartsWith("mmc — ") && line.EndsWith("(Северодвинск)"));
        demo.PasswordNote.Should().Contain("Demo__AdminPassword");
        (await QueryAsync(db => db.Regions.CountAsync())).Should().Be(1);
        (await fixture.App.Anonymous().PostAsJsonAsync("/api/auth/token", new { login = "admin", password = DemoRegionFixture.Password }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static bool HasValidInnCheckDigit(string inn)
    {
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var sum = weights.Select((w, i) => w * (inn[i] - '0')).Sum();
        return sum % 11 % 10 == inn[9] - '0';
    }

    private sealed record TeacherPage(int Total);
}
