using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Registry;

namespace Metodist.Tests.Mentoring;

/// <summary>GET /api/young-teachers and GET /api/teachers/{id}/mentor-suggestions: the contract, the scope of every role, the filters and the ranking.</summary>
public sealed class YoungTeachersApiTests(RoleAccountsFixture f) : IClassFixture<RoleAccountsFixture>
{
    private static DateOnly Today => MentoringTestData.Today;

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("teacherId").GetGuid()).ToList();

    [Fact]
    public async Task TheListKeepsItsContractAndEachRoleSeesOnlyItsScope()
    {
        var (north, northLogin) = await f.AddYoungAsync(f.Data.NorthSchool, "Контрактова");
        var (south, _) = await f.AddYoungAsync(f.Data.SouthSchool, "Контрактова-Южная");
        var (_, experiencedLogin) = await f.AddTeacherAsync(f.Data.NorthSchool, "Контрактова-Опытная");

        using var northMethodist = await f.ClientAsync(f.NorthMethodist);
        var page = await northMethodist.GetFromJsonAsync<JsonElement>("/api/young-teachers?search=контрактова");

        page.GetProperty("total").GetInt32().Should().Be(1);
        page.GetProperty("page").GetInt32().Should().Be(1);
        page.GetProperty("pageSize").GetInt32().Should().Be(50);
        var item = page.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("teacherId").GetGuid().Should().Be(north.Id);
        item.GetProperty("hasMentor").GetBoolean().Should().BeFalse();
        item.GetProperty("name").GetString().Should().Be(north.FullName);
        item.GetProperty("organization").GetString().Should().Be(f.Data.NorthSchool.ShortName);
        item.GetProperty("municipalityId").GetGuid().Should().Be(f.Data.North.Id);
        item.GetProperty("mentorId").ValueKind.Should().Be(JsonValueKind.Null);
        item.GetProperty("experienceYears").GetInt32().Should().Be(1);
        item.GetProperty("adaptation").GetString().Should().Be("noData");
        item.GetProperty("routeStatus").ValueKind.Should().Be(JsonValueKind.Null);

        using var southMethodist = await f.ClientAsync(f.SouthMethodist);
        Ids(await southMethodist.GetFromJsonAsync<JsonElement>("/api/young-teachers?search=контрактова")).Should().Equal(south.Id);
        using var southSchool = await f.ClientAsync(f.SouthSchoolMethodist);
        Ids(await southSchool.GetFromJsonAsync<JsonElement>("/api/young-teachers?search=контрактова")).Should().Equal(south.Id);
        using var admin = await f.ClientAsync(f.Admin);
        Ids(await admin.GetFromJsonAsync<JsonElement>("/api/young-teachers?search=контрактова")).Should().BeEquivalentTo([north.Id, south.Id]);
        Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/young-teachers?search=контрактова&municipalityId={f.Data.South.Id}")).Should().Equal(south.Id);
        using var self = await f.ClientAsync(northLogin);
        Ids(await self.GetFromJsonAsync<JsonElement>("/api/young-teachers")).Should().Equal(north.Id);
        using var experienced = await f.ClientAsync(experiencedLogin);
        (await experienced.GetFromJsonAsync<JsonElement>("/api/young-teachers")).GetProperty("total").GetInt32().Should().Be(0);
        using var mentor = await f.ClientAsync(f.Mentor);
        Ids(await mentor.GetFromJsonAsync<JsonElement>("/api/young-teachers?search=контрактова")).Should().BeEmpty();
    }

    [Fact]
    public async Task TheQueryAgreesWithTheRuleAtTheThirtyFifthBirthday()
    {
        var (turnsToday, _) = await f.AddTeacherAsync(f.Data.NorthSchool, "Юбилярова", birthDate: Today.AddYears(-35), workStart: Today.AddYears(-1));
        var (turnsTomorrow, _) = await f.AddTeacherAsync(f.Data.NorthSchool, "Юбилярова-Завтра", birthDate: Today.AddYears(-35).AddDays(1), workStart: Today.AddYears(-1));
        var (startedLongAgo, _) = await f.AddTeacherAsync(f.Data.NorthSchool, "Юбилярова-Стаж", birthDate: Today.AddYears(-30), workStart: Today.AddYears(-3).AddDays(-1));
        var (startedThreeYearsAgo, _) = await f.AddTeacherAsync(f.Data.NorthSchool, "Юбилярова-Три", birthDate: Today.AddYears(-30), workStart: Today.AddYears(-3));
        using var client = await f.ClientAsync(f.NorthMethodist);

        var ids = Ids(await client.GetFromJsonAsync<JsonElement>("/api/young-teachers?search=юбилярова"));

        ids.Should().BeEquivalentTo([turnsTomorrow.Id, startedThreeYearsAgo.Id]);
        ids.Should().NotContain([turnsToday.Id, startedLongAgo.Id]);
    }

    [Fact]
    public async Task HasMentorSplitsTheListAndNamesTheMentor()
    {
        var (paired, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Фильтрова-С-Наставником");
        var (alone, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Фильтрова-Без-Наставника");
        var mentor = await f.AddExperiencedAsync(f.Data.NorthSchool, "Фильтрова-Наставница");
        using var client = await f.ClientAsync(f.NorthMethodist);
        var pair = await client.CreatePairAsync(mentor.Id, paired.Id);

        var with = await client.GetFromJsonAsync<JsonElement>("/api/young-teachers?search=фильтрова&hasMentor=true");
        var without = await client.GetFromJsonAsync<JsonElement>("/api/young-teachers?search=фильтрова&hasMentor=false");

        Ids(with).Should().Equal(paired.Id);
        Ids(without).Should().Equal(alone.Id);
        var item = with.GetProperty("items")[0];
        item.GetProperty("hasMentor").GetBoolean().Should().BeTrue();
        item.GetProperty("mentorId").GetGuid().Should().Be(mentor.Id);
        item.GetProperty("mentorName").GetString().Should().Be(mentor.FullName);
        item.GetProperty("pairId").GetGuid().Should().Be(pair.Id());
        (await client.GetAsync("/api/young-teachers?adaptation=happy")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Ids(await client.GetFromJsonAsync<JsonElement>("/api/young-teachers?search=фильтрова&adaptation=noData")).Should().HaveCount(2);
        Ids(await client.GetFromJsonAsync<JsonElement>("/api/young-teachers?search=фильтрова&adaptation=adapted")).Should().BeEmpty();
    }

    [Fact]
    public async Task SuggestionsRankTheSameSubjectAndOrganizationFirstWithReasonsAndOverloadLast()
    {
        var (young, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Подбиралова");
        var otherNorthSchool = await f.AddSchoolAsync(f.Data.North, "МБОУ СШ № 3 (Северск)", "2901000003");
        var sameSchool = await f.AddExperiencedAsync(f.Data.NorthSchool, "Кандидатова-Своя", years: 25);
        var otherSchool = await f.AddExperiencedAsync(otherNorthSchool, "Кандидатова-Соседняя", years: 25);
        var historian = await f.AddExperiencedAsync(f.Data.NorthSchool, "Кандидатова-Историк", years: 25);
        await f.App.TeachesAsync(historian.Id, RegistryTitles.DefaultSubjects.Single(s => s.Name == "История").Id);
        var southern = await f.AddExperiencedAsync(f.Data.SouthSchool, "Кандидатова-Южная", years: 25);
        var novice = await f.AddExperiencedAsync(f.Data.NorthSchool, "Кандидатова-Новичок", years: 4);
        var busy = await f.AddExperiencedAsync(f.Data.NorthSchool, "Кандидатова-Занятая", years: 30);
        var (m1, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Подопечная-Один");
        var (m2, _) = await f.AddYoungAsync(f.Data.NorthSchool, "Подопечная-Два");
        using var client = await f.ClientAsync(f.NorthMethodist);
        await client.CreatePairAsync(busy.Id, m1.Id, m2.Id);

        var response = await client.GetAsync($"/api/teachers/{young.Id}/mentor-suggestions");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var list = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        list.Should().HaveCountLessThanOrEqualTo(10);
        var ids = list.Select(s => s.GetProperty("mentorId").GetGuid()).ToList();
        ids.Should().NotContain([young.Id, southern.Id, novice.Id, m1.Id, m2.Id]);
        ids.IndexOf(sameSchool.Id).Should().Be(0);
        ids.IndexOf(otherSchool.Id).Should().BeGreaterThan(0).And.BeLessThan(ids.IndexOf(historian.Id));
        ids[^1].Should().Be(busy.Id, "a mentor at the limit comes last");
        list.Select(s => s.GetProperty("score").GetInt32()).SkipLast(1).Should().BeInDescendingOrder();
        var best = list[0];
        best.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).Should()
            .Contain("Тот же предмет: Математика").And.Contain($"Работает в той же организации ({f.Data.NorthSchool.ShortName})").And.Contain("Пока нет наставляемых");
        best.GetProperty("name").GetString().Should().Be(sameSchool.FullName);
        best.GetProperty("organization").GetString().Should().Be(f.Data.NorthSchool.ShortName);
        best.GetProperty("category").GetString().Should().Be("Highest");
        best.GetProperty("experienceYears").GetInt32().Should().Be(25);
        best.GetProperty("currentMentees").GetInt32().Should().Be(0);
        list[^1].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).Should().Contain("Перегрузка: уже 2 наставляемых при норме 2");
        list[^1].GetProperty("overloaded").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task SuggestionsForATeacherOutsideTheScopeAreNotFound()
    {
        var (young, youngLogin) = await f.AddYoungAsync(f.Data.NorthSchool, "Чужова");
        using var south = await f.ClientAsync(f.SouthMethodist);
        (await south.GetAsync($"/api/teachers/{young.Id}/mentor-suggestions")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await south.GetAsync($"/api/teachers/{Guid.NewGuid()}/mentor-suggestions")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var mentor = await f.ClientAsync(f.Mentor);
        (await mentor.GetAsync($"/api/teachers/{young.Id}/mentor-suggestions")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var self = await f.ClientAsync(youngLogin);
        (await self.GetAsync($"/api/teachers/{young.Id}/mentor-suggestions")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
