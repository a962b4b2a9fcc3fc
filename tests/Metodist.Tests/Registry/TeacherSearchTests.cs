using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Registry;

/// <summary>Search (partial, any case, ё = е), filters, sorting and paging of GET /api/teachers, the same on both databases.</summary>
public sealed class TeacherSearchTests(TeacherSearchTests.Fixture fixture) : IClassFixture<TeacherSearchTests.Fixture>, IAsyncLifetime
{
    private HttpClient _admin = null!;

    public sealed class Fixture : IAsyncLifetime
    {
        private readonly RegionFixture _region = new();

        public TestApp App => _region.App;
        public TestData Data => _region.Data;
        public ApiTokens Tokens => _region.Tokens;
        public string AdminLogin { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await _region.InitializeAsync();
            AdminLogin = await Data.AddAdminAsync();
            var today = DateOnly.FromDateTime(DateTime.Now);
            await Data.AddTeacherAsync(Data.NorthSchool, "Семёнова", "Анна", "Фёдоровна", category: QualificationCategory.Highest);
            await Data.AddTeacherAsync(Data.NorthSchool, "Семенов", "Пётр", "Ильич", category: QualificationCategory.First);
            await Data.AddTeacherAsync(Data.SouthSchool, "Иванова", "Анна", null, category: QualificationCategory.None);
            await Data.AddTeacherAsync(Data.SouthSchool, "Молодцова", "Дарья", "Олеговна", birthDate: today.AddYears(-24), workStart: today.AddYears(-1),
                category: QualificationCategory.Conformity);
            await Data.AddTeacherAsync(Data.NorthSchool, "Опытнова", "Галина", "Семёновна", birthDate: new DateOnly(1965, 1, 1), workStart: new DateOnly(1987, 9, 1),
                category: QualificationCategory.TeacherMethodist);
            await Data.AddTeacherAsync(Data.SouthSchool, "Наставникова", "Инна", "Юрьевна", category: QualificationCategory.TeacherMentor);

            // A second teacher of physics in the South school, as a psychologist: filters by position and subject.
            await using var scope = App.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var person = new Person { LastName = "Физикова", FirstName = "Нина", BirthDate = new DateOnly(1980, 5, 5) };
            var employment = new Employment { PersonId = person.Id, PositionId = Psychologist, IsMain = true };
            employment.PlaceAt(db.Organizations.Single(o => o.Id == Data.SouthSchool.Id));
            employment.Subjects.Add(new EmploymentSubject { EmploymentId = employment.Id, SubjectId = Physics });
            person.Employments.Add(employment);
            db.Persons.Add(person);
            await db.SaveChangesAsync();
        }

        public Task DisposeAsync() => _region.DisposeAsync();
    }

    private static readonly Guid Psychologist = RegistryTitles.DefaultPositions.Single(p => p.Name == "Педагог-психолог").Id;
    private static readonly Guid Physics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Физика").Id;

    public async Task InitializeAsync() => _admin = await fixture.Tokens.ClientAsync(fixture.AdminLogin);

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("семен")]
    [InlineData("СЕМЁН")]
    [InlineData("Семен")]
    [InlineData("сЕмЁн")]
    public async Task PartOfASurnameFindsItInAnyCaseWithYoOrYe(string query) =>
        (await SurnamesAsync($"search={Uri.EscapeDataString(query)}")).Should().BeEquivalentTo("Семёнова", "Семенов", "Опытнова");

    [Fact]
    public async Task SurnameWrittenWithYeFindsTheOneWrittenWithYo() =>
        (await SurnamesAsync("search=" + Uri.EscapeDataString("Семенова"))).Should().Equal("Семёнова");

    [Fact]
    public async Task EveryWordOfTheQueryMustMatchSomewhereInTheFullName()
    {
        (await SurnamesAsync("search=" + Uri.EscapeDataString("анна семен"))).Should().Equal("Семёнова");
        (await SurnamesAsync("search=" + Uri.EscapeDataString("  ИВАНОВА   анна "))).Should().Equal("Иванова");
        (await SurnamesAsync("search=" + Uri.EscapeDataString("федоровна"))).Should().Equal("Семёнова");
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("а%а")]
    public async Task LikeWildcardsInTheQueryAreTakenLiterally(string query) =>
        (await SurnamesAsync("search=" + Uri.EscapeDataString(query))).Should().BeEmpty();

    [Fact]
    public async Task BlankSearchListsEveryone() =>
        (await SurnamesAsync("search=%20%20")).Should().HaveCount(7);

    [Fact]
    public async Task MunicipalityAndDistrictFiltersKeepTheirTeachers()
    {
        (await SurnamesAsync($"municipalityId={fixture.Data.North.Id}")).Should().BeEquivalentTo("Семёнова", "Семенов", "Опытнова");
        (await SurnamesAsync($"districtId={fixture.Data.District.Id}")).Should().BeEquivalentTo("Семёнова", "Семенов", "Опытнова");
        (await SurnamesAsync($"organizationId={fixture.Data.SouthSchool.Id}")).Should().BeEquivalentTo("Иванова", "Молодцова", "Наставникова", "Физикова");
    }

    [Fact]
    public async Task PositionAndSubjectFiltersKeepTheirTeachers()
    {
        (await SurnamesAsync($"positionId={Psychologist}")).Should().Equal("Физикова");
        (await SurnamesAsync($"subjectId={Physics}")).Should().Equal("Физикова");
        (await SurnamesAsync($"subjectId={TestData.Mathematics}&municipalityId={fixture.Data.South.Id}")).Should().BeEquivalentTo("Иванова", "Молодцова", "Наставникова");
    }

    [Fact]
    public async Task CategoryFilterTakesTheCategoryName() =>
        (await SurnamesAsync("category=Highest")).Should().Equal("Семёнова");

    [Fact]
    public async Task YoungFilterKeepsOnlyYoungTeachersAndTheItemSaysSo()
    {
        var page = await PageAsync("young=true");
        var item = page.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("lastName").GetString().Should().Be("Молодцова");
        item.GetProperty("isYoung").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task AssetEligibilityIsReportedForHighCategoriesWithLongExperience()
    {
        var page = await PageAsync("pageSize=100");
        var eligible = page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("isAssetEligible").GetBoolean())
            .Select(i => i.GetProperty("lastName").GetString());
        eligible.Should().BeEquivalentTo("Семёнова", "Опытнова");
    }

    [Fact]
    public async Task DefaultOrderIsAlphabeticalAndDescendingReversesIt()
    {
        var ascending = await SurnamesAsync("");
        ascending.Should().Equal("Иванова", "Молодцова", "Наставникова", "Опытнова", "Семенов", "Семёнова", "Физикова");
        (await SurnamesAsync("desc=true")).Should().Equal(Enumerable.Reverse(ascending));
    }

    [Fact]
    public async Task SortingByCategoryFollowsTheRankOfTheCategoryNotItsName()
    {
        var byRank = new[] { "Иванова", "Физикова", "Молодцова", "Семенов", "Семёнова", "Опытнова", "Наставникова" };
        (await SurnamesAsync("sort=Category")).Should().Equal(byRank);
        (await SurnamesAsync("sort=Category&desc=true")).Should().Equal("Наставникова", "Опытнова", "Семёнова", "Семенов", "Молодцова", "Иванова", "Физикова");
    }

    [Theory]
    [InlineData("sort=Experience")]
    [InlineData("sort=Experience&desc=true")]
    public async Task SortingByExperienceRanksByWorkStartWithUnknownLastInBothDirections(string query)
    {
        var surnames = await SurnamesAsync(query);
        surnames[^1].Should().Be("Физикова", "her work start is unknown");
        var known = surnames[..^1];
        if (query.EndsWith("desc=true", StringComparison.Ordinal)) known.Should().StartWith("Опытнова").And.EndWith("Молодцова");
        else known.Should().StartWith("Молодцова").And.EndWith("Опытнова");
    }

    [Theory]
    [InlineData("sort=Attestation")]
    [InlineData("sort=Attestation&desc=true")]
    public async Task SortingByAttestationPutsTeachersWithoutADueDateLastInBothDirections(string query)
    {
        var surnames = await SurnamesAsync(query);
        surnames.TakeLast(2).Should().BeEquivalentTo("Иванова", "Физикова");
    }

    [Fact]
    public async Task PagesSplitTheListWithoutGapsOrRepeats()
    {
        var all = await SurnamesAsync("pageSize=100");
        var pages = new List<string>();
        for (var number = 1; number <= 3; number++)
        {
            var page = await PageAsync($"page={number}&pageSize=3");
            page.GetProperty("total").GetInt32().Should().Be(7);
            pages.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("lastName").GetString()!));
        }
        pages.Should().Equal(all);
        (await PageAsync("page=4&pageSize=3")).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task PageSizeIsKeptWithinSaneBounds()
    {
        (await PageAsync("pageSize=100000")).GetProperty("pageSize").GetInt32().Should().Be(500);
        var tiny = await PageAsync("pageSize=0&page=-3");
        tiny.GetProperty("pageSize").GetInt32().Should().Be(1);
        tiny.GetProperty("page").GetInt32().Should().Be(1);
        tiny.GetProperty("items").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task ExportFollowsTheSearchAndTheOrder()
    {
        var bytes = await _admin.GetByteArrayAsync("/api/teachers/export?search=" + Uri.EscapeDataString("СЕМЁН") + "&desc=true");
        var sheet = XlsxSheet.Read(bytes);
        sheet.Column("Фамилия").Should().Equal("Семёнова", "Семенов", "Опытнова");
        sheet.Headings.Should().StartWith(["Фамилия", "Имя", "Отчество", "Дата рождения", "СНИЛС"]);
    }

    [Fact]
    public async Task MalformedFilterIsABadRequestNotAServerError()
    {
        var response = await _admin.GetAsync("/api/teachers?municipalityId=not-a-guid");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task<JsonElement> PageAsync(string query)
    {
        var response = await _admin.GetAsync("/api/teachers?" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, query);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<string>> SurnamesAsync(string query) =>
        (await PageAsync(query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("lastName").GetString()!).ToList();
}
