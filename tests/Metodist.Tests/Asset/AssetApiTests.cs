using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Tests.Routes;
using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Asset;

/// <summary>The asset over the API: candidates by the requirements, members with their load, assignments that make the methodist the tutor, and the statuses.</summary>
public sealed class AssetApiTests(RoleAccountsFixture fixture) : IClassFixture<RoleAccountsFixture>
{
    private TestApp App => fixture.App;
    private TestData Data => fixture.Data;

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private async Task<JsonElement> GetAsync(string login, string url)
    {
        using var client = await fixture.ClientAsync(login);
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> PostAsync(string login, string url, object body)
    {
        using var client = await fixture.ClientAsync(login);
        return await client.PostAsJsonAsync(url, body);
    }

    /// <summary>An active methodist serving mathematics in the North, with a person of their own.</summary>
    private async Task<RegionalMethodist> ActiveMethodistAsync(string lastName, AssetStatus status = AssetStatus.Active, int? loadNorm = null)
    {
        var person = await App.AddSubjectTeacherAsync(Data, Data.NorthSchool, lastName);
        return await App.AddMethodistAsync(person, status, [TestData.Mathematics], [Data.North.Id], loadNorm);
    }

    private Task<Guid?> TutorOfRouteAsync(Guid routeId) => App.ReadAsync(db => db.Routes.Where(r => r.Id == routeId).Select(r => r.TutorPersonId).SingleAsync());

    [Fact]
    public async Task CandidatesAreFoundByTheRegistryWithEachRequirementMetOrMissed()
    {
        var school = await App.AddMunicipalitySchoolAsync(Data, "Кандидатск");
        var highest = await App.AddSubjectTeacherAsync(Data, school, "Высшева");
        var methodistCategory = await App.AddSubjectTeacherAsync(Data, school, "Методистова", category: QualificationCategory.TeacherMethodist);
        await App.AddSubjectTeacherAsync(Data, school, "Первова", category: QualificationCategory.First);
        await App.AddSubjectTeacherAsync(Data, school, "Недавнова", workStart: RouteTestData.Today.AddYears(-5).AddDays(1));

        var page = await GetAsync(fixture.Admin, $"/api/asset/candidates?municipalityId={school.MunicipalityId}");

        page.GetProperty("total").GetInt32().Should().Be(2);
        page.GetProperty("page").GetInt32().Should().Be(1);
        page.GetProperty("pageSize").GetInt32().Should().Be(50);
        var items = Items(page);
        items.Select(i => i.GetProperty("teacherId").GetGuid()).Should().BeEquivalentTo([highest.Id, methodistCategory.Id]);
        var item = items.Single(i => i.GetProperty("teacherId").GetGuid() == highest.Id);
        item.GetProperty("name").GetString().Should().Be("Высшева Анна Петровна");
        item.GetProperty("organization").GetString().Should().Be(school.ShortName);
        item.GetProperty("category").GetString().Should().Be("Highest");
        item.GetProperty("experienceYears").GetInt32().Should().Be(TeacherRules.ExperienceYears(AssetTestData.LongAgo, RouteTestData.Today));
        item.GetProperty("eligible").GetBoolean().Should().BeFalse();
        item.GetProperty("fit").GetString().Should().Be("byRegistry");
        item.GetProperty("status").ValueKind.Should().Be(JsonValueKind.Null);
        item.GetProperty("requirements").EnumerateArray().Select(r => (r.GetProperty("code").GetString(), r.GetProperty("met").GetBoolean())).Should().Equal(
            ("category", true), ("experience", true), ("associationLeader", false), ("examExpert", false), ("communityLeader", false), ("highStudentResults", false));
        item.GetProperty("requirements")[0].GetProperty("title").GetString().Should().StartWith("Высшая квалификационная категория");
    }

    [Fact]
    public async Task TheAdministratorMakesACandidateWhoThenShowsTheJudgedRequirementAndIsEligible()
    {
        var school = await App.AddMunicipalitySchoolAsync(Data, "Экспертск");
        var expert = await App.AddSubjectTeacherAsync(Data, school, "Экспертова");
        var other = await App.AddSubjectTeacherAsync(Data, school, "Прочая");
        var first = await App.AddSubjectTeacherAsync(Data, school, "Перваякатегория", category: QualificationCategory.First);

        var created = await PostAsync(fixture.Admin, "/api/asset/methodists", new { teacherId = expert.Id, examExpert = true, subjectIds = new[] { TestData.Mathematics } });
        var byHand = await PostAsync(fixture.Admin, "/api/asset/methodists", new { teacherId = first.Id, associationLeader = true });
        var again = await PostAsync(fixture.Admin, "/api/asset/methodists", new { teacherId = expert.Id });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.Headers.Location!.ToString().Should().Be($"/api/asset/methodists/{body.GetProperty("id").GetGuid()}");
        body.GetProperty("status").GetString().Should().Be("candidate");
        body.GetProperty("fit").GetString().Should().Be("eligible");
        byHand.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);

        var all = Items(await GetAsync(fixture.Admin, $"/api/asset/candidates?municipalityId={school.MunicipalityId}"));
        all.Select(i => i.GetProperty("teacherId").GetGuid()).Should().BeEquivalentTo([expert.Id, other.Id, first.Id]);
        all.Single(i => i.GetProperty("teacherId").GetGuid() == first.Id).GetProperty("requirements")[0].GetProperty("met").GetBoolean().Should().BeFalse();
        var eligible = Items(await GetAsync(fixture.Admin, $"/api/asset/candidates?municipalityId={school.MunicipalityId}&eligibleOnly=true"));
        eligible.Should().ContainSingle();
        eligible[0].GetProperty("teacherId").GetGuid().Should().Be(expert.Id);
        eligible[0].GetProperty("status").GetString().Should().Be("candidate");
        eligible[0].GetProperty("eligible").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task MethodistsSeeCandidatesOfTheirOwnScopeOnlyAndTeachersNone()
    {
        var north = await App.AddSubjectTeacherAsync(Data, Data.NorthSchool, "Северовысшая");
        var (_, teacherLogin) = await fixture.AddTeacherAsync(Data.NorthSchool, "Простоучительская");

        (await GetAsync(fixture.NorthMethodist, "/api/asset/candidates?search=Северовысшая")).GetProperty("total").GetInt32().Should().Be(1);
        (await GetAsync(fixture.NorthSchoolMethodist, "/api/asset/candidates?search=Северовысшая")).GetProperty("total").GetInt32().Should().Be(1);
        (await GetAsync(fixture.SouthMethodist, "/api/asset/candidates?search=Северовысшая")).GetProperty("total").GetInt32().Should().Be(0);
        (await GetAsync(fixture.SouthSchoolMethodist, "/api/asset/candidates?search=Северовысшая")).GetProperty("total").GetInt32().Should().Be(0);
        using var teacher = await fixture.ClientAsync(teacherLogin);
        (await teacher.GetAsync("/api/asset/candidates")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await teacher.GetAsync("/api/asset/methodists")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        north.Id.Should().NotBeEmpty();
    }

    [Fact]
    public async Task MethodistsListShowsEachOnesAssignedTeachersAgainstTheNorm()
    {
        var methodist = await ActiveMethodistAsync("Нагрузкина");
        var teachers = new[] { "Первый", "Второй", "Третий" }.Select(n => Data.AddTeacherAsync(Data.NorthSchool, "Закреплённая" + n).Result).ToList();
        await App.AssignDirectlyAsync(methodist, teachers);

        var page = await GetAsync(fixture.Admin, "/api/asset/methodists?status=active&search=Нагрузкина");

        page.GetProperty("total").GetInt32().Should().Be(1);
        var item = Items(page)[0];
        item.GetProperty("id").GetGuid().Should().Be(methodist.Id);
        item.GetProperty("teacherId").GetGuid().Should().Be(methodist.PersonId);
        item.GetProperty("status").GetString().Should().Be("active");
        item.GetProperty("assignedTeachers").GetInt32().Should().Be(3);
        item.GetProperty("loadNorm").GetInt32().Should().Be(60);
        item.GetProperty("overloaded").GetBoolean().Should().BeFalse();
        item.GetProperty("subjects")[0].GetProperty("name").GetString().Should().Be("Математика");
        item.GetProperty("municipalities")[0].GetProperty("id").GetGuid().Should().Be(Data.North.Id);
        (await GetAsync(fixture.NorthMethodist, "/api/asset/methodists?search=Нагрузкина")).GetProperty("total").GetInt32().Should().Be(1, "the methodist serves the North");
        (await GetAsync(fixture.SouthMethodist, "/api/asset/methodists?search=Нагрузкина")).GetProperty("total").GetInt32().Should().Be(0);
        using var admin = await fixture.ClientAsync(fixture.Admin);
        (await admin.GetAsync("/api/asset/methodists?status=retired")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AssigningMakesTheMethodistTheTutorOfTheTeachersOpenRouteOnly()
    {
        var methodist = await ActiveMethodistAsync("Тьюторская");
        var teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Маршрутова");
        var open = await App.AddRouteAsync(teacher, Data.NorthSchool, RouteStatus.InProgress, fixture.TutorPerson.Id);
        var closed = await App.AddRouteAsync(teacher, Data.NorthSchool, RouteStatus.Completed, fixture.TutorPerson.Id);

        var response = await PostAsync(fixture.Admin, $"/api/asset/methodists/{methodist.Id}/assignments", new { teacherIds = new[] { teacher.Id } });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("assigned").GetInt32().Should().Be(1);
        body.GetProperty("assignedTeachers").GetInt32().Should().Be(1);
        body.GetProperty("loadNorm").GetInt32().Should().Be(60);
        body.GetProperty("warnings").GetArrayLength().Should().Be(0);
        (await TutorOfRouteAsync(open.Id)).Should().Be(methodist.PersonId);
        (await TutorOfRouteAsync(closed.Id)).Should().Be(fixture.TutorPerson.Id);
        var audit = await App.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == open.Id && a.Field == "Тьютор").ToListAsync());
        audit.Should().ContainSingle().Which.Should().Match<AuditEntry>(a =>
            a.PersonId == teacher.Id && a.UserName == fixture.Admin && a.OldValue == fixture.TutorPerson.ShortName && a.NewValue == "Тьюторская А.П.");
    }

    [Fact]
    public async Task ReassigningMovesTheTeacherAndTheirRouteToTheNewMethodist()
    {
        var first = await ActiveMethodistAsync("Прежняя");
        var second = await ActiveMethodistAsync("Новая");
        var teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Переходящая");
        var route = await App.AddRouteAsync(teacher, Data.NorthSchool, RouteStatus.Approved);
        (await PostAsync(fixture.Admin, $"/api/asset/methodists/{first.Id}/assignments", new { teacherIds = new[] { teacher.Id } })).EnsureSuccessStatusCode();

        // The methodist's person id names them as well as the record's id.
        var response = await PostAsync(fixture.Admin, $"/api/asset/methodists/{second.PersonId}/assignments", new { teacherIds = new[] { teacher.Id } });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("moved").GetInt32().Should().Be(1);
        var assignments = await App.ReadAsync(db => db.AssetAssignments.AsNoTracking().Where(a => a.PersonId == teacher.Id).ToListAsync());
        assignments.Should().ContainSingle().Which.MethodistId.Should().Be(second.Id);
        (await TutorOfRouteAsync(route.Id)).Should().Be(second.PersonId);
    }

    [Fact]
    public async Task OnlyTheRegionAdministratorAssignsTeachers()
    {
        var methodist = await ActiveMethodistAsync("Недоступная");
        var teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Незакреплённая");

        foreach (var login in new[] { fixture.NorthMethodist, fixture.NorthSchoolMethodist, fixture.Tutor })
        {
            var response = await PostAsync(login, $"/api/asset/methodists/{methodist.Id}/assignments", new { teacherIds = new[] { teacher.Id } });
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, login);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("администратор региона");
        }
        (await App.ReadAsync(db => db.AssetAssignments.AnyAsync(a => a.PersonId == teacher.Id))).Should().BeFalse();
    }

    [Fact]
    public async Task OnlyAnActiveMethodistTakesTeachers()
    {
        var candidate = await ActiveMethodistAsync("Кандидатова", AssetStatus.Candidate);
        var teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Ожидающая");

        var response = await PostAsync(fixture.Admin, $"/api/asset/methodists/{candidate.Id}/assignments", new { teacherIds = new[] { teacher.Id } });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("действующим");
    }

    [Fact]
    public async Task UnknownTeachersAreRefusedByTheirIdsAndNothingIsAssigned()
    {
        var methodist = await ActiveMethodistAsync("Строгая");
        var teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Настоящая");
        var unknown = Guid.NewGuid();

        var response = await PostAsync(fixture.Admin, $"/api/asset/methodists/{methodist.Id}/assignments", new { teacherIds = new[] { teacher.Id, unknown } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain(unknown.ToString());
        (await App.ReadAsync(db => db.AssetAssignments.AnyAsync(a => a.PersonId == teacher.Id))).Should().BeFalse();
        (await PostAsync(fixture.Admin, $"/api/asset/methodists/{methodist.Id}/assignments", new { teacherIds = Array.Empty<Guid>() }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PostAsync(fixture.Admin, $"/api/asset/methodists/{Guid.NewGuid()}/assignments", new { teacherIds = new[] { teacher.Id } }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnOverloadIsWarnedAboutButTheTeachersAreAssigned()
    {
        var methodist = await ActiveMethodistAsync("Перегруженная", loadNorm: 5);
        var teachers = Enumerable.Range(1, 6).Select(i => Data.AddTeacherAsync(Data.NorthSchool, $"Лишняя{i}").Result.Id).ToArray();

        var response = await PostAsync(fixture.Admin, $"/api/asset/methodists/{methodist.Id}/assignments", new { teacherIds = teachers });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("assignedTeachers").GetInt32().Should().Be(6);
        body.GetProperty("overloaded").GetBoolean().Should().BeTrue();
        body.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should().ContainSingle(w => w!.Contains("перегрузка на 1"));
        Items(await GetAsync(fixture.Admin, "/api/asset/methodists?search=Перегруженная"))[0].GetProperty("overloaded").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task UnassigningTakesTheMethodistOffTheRouteOnlyWhereTheyWereTutor()
    {
        var methodist = await ActiveMethodistAsync("Открепляющая");
        var teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Открепляемая");
        var route = await App.AddRouteAsync(teacher, Data.NorthSchool, RouteStatus.Submitted);
        (await PostAsync(fixture.Admin, $"/api/asset/methodists/{methodist.Id}/assignments", new { teacherIds = new[] { teacher.Id } })).EnsureSuccessStatusCode();
        var other = await Data.AddTeacherAsync(Data.NorthSchool, "Своятьюторова");
        var otherRoute = await App.AddRouteAsync(other, Data.NorthSchool, RouteStatus.Submitted, fixture.TutorPerson.Id);
        await App.AssignDirectlyAsync(methodist, [other]);
        using var admin = await fixture.ClientAsync(fixture.Admin);

        var response = await admin.DeleteAsync($"/api/asset/methodists/{methodist.Id}/assignments/{teacher.Id}");
        var second = await admin.DeleteAsync($"/api/asset/methodists/{methodist.Id}/assignments/{other.Id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TutorOfRouteAsync(route.Id)).Should().BeNull();
        (await TutorOfRouteAsync(otherRoute.Id)).Should().Be(fixture.TutorPerson.Id, "someone else accompanies that route");
        (await admin.DeleteAsync($"/api/asset/methodists/{methodist.Id}/assignments/{teacher.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheWayFromCandidateToActiveNeedsItsDataAtEachStepAndCannotBeSkipped()
    {
        var methodist = await ActiveMethodistAsync("Этапова", AssetStatus.Candidate);
        var course = await App.AddCourseAsync("Трансформация методической службы и организация методического сопровождения педагогов", [DefaultAreas.Methodical]);
        var url = $"/api/asset/methodists/{methodist.Id}/transitions";
        var today = RouteTestData.Today;

        (await PostAsync(fixture.Admin, url, new { to = "active", date = today })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await PostAsync(fixture.Admin, url, new { to = "assessed", date = today })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PostAsync(fixture.NorthMethodist, url, new { to = "assessed", date = today, result = "82 балла" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await PostAsync(fixture.Admin, url, new { to = "assessed", date = today.AddDays(-60), result = "82 балла из 100 — рекомендован" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await PostAsync(fixture.Admin, url, new { to = "trained", date = today.AddDays(-30) })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PostAsync(fixture.Admin, url, new { to = "trained", date = today.AddDays(-30), courseId = course.Id })).StatusCode.Should().Be(HttpStatusCode.OK);
        var active = await PostAsync(fixture.Admin, url, new { to = "active", date = today.AddDays(-1), orderNumber = "512-о" });

        active.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await active.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("active");
        body.GetProperty("assessmentResult").GetString().Should().Be("82 балла из 100 — рекомендован");
        body.GetProperty("trainingCourse").GetString().Should().Be(course.Title);
        body.GetProperty("orderNumber").GetString().Should().Be("512-о");
        body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).Should().Equal("assessed", "trained", "active");
        (await PostAsync(fixture.Admin, url, new { to = "trained", date = today, courseId = course.Id })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AWithdrawnMethodistLeavesTheirTeachersAndTheirRoutes()
    {
        var methodist = await ActiveMethodistAsync("Уходящая");
        var teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Оставленная");
        var route = await App.AddRouteAsync(teacher, Data.NorthSchool, RouteStatus.InProgress);
        (await PostAsync(fixture.Admin, $"/api/asset/methodists/{methodist.Id}/assignments", new { teacherIds = new[] { teacher.Id } })).EnsureSuccessStatusCode();
        var url = $"/api/asset/methodists/{methodist.Id}/transitions";

        (await PostAsync(fixture.Admin, url, new { to = "withdrawn", date = RouteTestData.Today })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var response = await PostAsync(fixture.Admin, url, new { to = "withdrawn", date = RouteTestData.Today, reason = "Переезд в другой регион" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("withdrawn");
        body.GetProperty("assignedTeachers").GetInt32().Should().Be(0);
        (await TutorOfRouteAsync(route.Id)).Should().BeNull();
        var audit = await App.ReadAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.PersonId == teacher.Id && a.EntityType == "Закрепление за региональным методистом").OrderBy(a => a.At).ToListAsync());
        audit.Select(a => (a.Action, a.NewValue, a.OldValue)).Should().Equal(
            (AuditAction.Created, "Уходящая Анна", null), (AuditAction.Deleted, null, "Уходящая Анна"));
        (await PostAsync(fixture.Admin, $"/api/asset/methodists/{methodist.Id}/assignments", new { teacherIds = new[] { teacher.Id } }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task BulkAssignmentPreviewsThenFillsTheLeastLoadedUpToTheNormAndWarnsBeyondIt()
    {
        var school = await App.AddMunicipalitySchoolAsync(Data, "Физикоград");
        var elsewhere = await App.AddMunicipalitySchoolAsync(Data, "Дальнеград");
        var alpha = await App.AddMethodistAsync(await App.AddSubjectTeacherAsync(Data, school, "Альфина", AssetTestData.Physics), AssetStatus.Active,
            [AssetTestData.Physics], [school.MunicipalityId], loadNorm: 5);
        var beta = await App.AddMethodistAsync(await App.AddSubjectTeacherAsync(Data, school, "Бетина", AssetTestData.Physics), AssetStatus.Active,
            [AssetTestData.Physics], [school.MunicipalityId], loadNorm: 5);
        await App.AssignDirectlyAsync(alpha, [
            await Data.AddTeacherAsync(school, "Ранняя1"), await Data.AddTeacherAsync(school, "Ранняя2"), await Data.AddTeacherAsync(school, "Ранняя3")]);
        var physicists = new List<Person>();
        for (var i = 1; i <= 6; i++) physicists.Add(await App.AddSubjectTeacherAsync(Data, school, $"Физикова{i}", AssetTestData.Physics, QualificationCategory.First));
        await App.AddSubjectTeacherAsync(Data, school, "Химикова", AssetTestData.Chemistry, QualificationCategory.First);
        var far = await App.AddSubjectTeacherAsync(Data, elsewhere, "Дальняя", AssetTestData.Physics, QualificationCategory.First);
        var route = await App.AddRouteAsync(physicists[0], school, RouteStatus.Approved);
        var request = new { subjectId = AssetTestData.Physics, municipalityId = school.MunicipalityId, preview = true, upToNorm = false };

        var preview = await PostAsync(fixture.Admin, "/api/asset/assignments/bulk", request);

        preview.StatusCode.Should().Be(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var planned = await preview.Content.ReadFromJsonAsync<JsonElement>();
        planned.GetProperty("teachers").GetInt32().Should().Be(6);
        planned.GetProperty("assigned").GetInt32().Should().Be(6);
        planned.GetProperty("applied").GetBoolean().Should().BeFalse();
        planned.GetProperty("methodists").EnumerateArray().Select(m => (m.GetProperty("name").GetString(), m.GetProperty("before").GetInt32(), m.GetProperty("after").GetInt32()))
            .Should().Equal(("Альфина Анна Петровна", 3, 5), ("Бетина Анна Петровна", 0, 4));
        planned.GetProperty("warnings").GetArrayLength().Should().Be(0);
        (await App.ReadAsync(db => db.AssetAssignments.CountAsync(a => a.MethodistId == beta.Id))).Should().Be(0, "a preview saves nothing");

        var applied = await PostAsync(fixture.Admin, "/api/asset/assignments/bulk", request with { preview = false });

        applied.StatusCode.Should().Be(HttpStatusCode.OK);
        (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetBoolean().Should().BeTrue();
        var assigned = await App.ReadAsync(db => db.AssetAssignments.AsNoTracking().GroupBy(a => a.MethodistId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count));
        assigned[alpha.Id].Should().Be(5);
        assigned[beta.Id].Should().Be(4);
        (await App.ReadAsync(db => db.AssetAssignments.AnyAsync(a => a.PersonId == far.Id))).Should().BeFalse("another municipality was not chosen");
        (await TutorOfRouteAsync(route.Id)).Should().NotBeNull();
        var audit = await App.ReadAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.PersonId == physicists[0].Id && a.EntityType == "Закрепление за региональным методистом").ToListAsync());
        audit.Should().ContainSingle().Which.Should().Match<AuditEntry>(a => a.Action == AuditAction.Created && a.UserName == fixture.Admin && a.NewValue!.Length > 0);

        await App.AddSubjectTeacherAsync(Data, school, "Поздняя1", AssetTestData.Physics, QualificationCategory.First);
        await App.AddSubjectTeacherAsync(Data, school, "Поздняя2", AssetTestData.Physics, QualificationCategory.First);
        var upToNorm = await (await PostAsync(fixture.Admin, "/api/asset/assignments/bulk", request with { preview = false, upToNorm = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var beyond = await (await PostAsync(fixture.Admin, "/api/asset/assignments/bulk", request with { preview = false }))
            .Content.ReadFromJsonAsync<JsonElement>();

        upToNorm.GetProperty("assigned").GetInt32().Should().Be(1);
        upToNorm.GetProperty("leftOver").GetInt32().Should().Be(1);
        beyond.GetProperty("assigned").GetInt32().Should().Be(1);
        beyond.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should().ContainSingle(w => w!.StartsWith("Альфина Анна Петровна: 6 педагогов при норме 5"));
        (await PostAsync(fixture.NorthMethodist, "/api/asset/assignments/bulk", request)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheCardOpensByTheRecordOrThePersonAndChangesServiceAndRequirements()
    {
        var methodist = await ActiveMethodistAsync("Карточкина");
        using var admin = await fixture.ClientAsync(fixture.Admin);

        var update = await admin.PutAsJsonAsync($"/api/asset/methodists/{methodist.Id}",
            new { subjectIds = new[] { AssetTestData.Physics, AssetTestData.Chemistry }, loadNorm = 45, communityLeader = true });
        var card = await GetAsync(fixture.Admin, $"/api/asset/methodists/{methodist.PersonId}");

        update.StatusCode.Should().Be(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());
        card.GetProperty("id").GetGuid().Should().Be(methodist.Id);
        card.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Should().Equal("Физика", "Химия");
        card.GetProperty("municipalities").GetArrayLength().Should().Be(1);
        card.GetProperty("loadNorm").GetInt32().Should().Be(45);
        card.GetProperty("requirements").EnumerateArray().Where(r => r.GetProperty("met").GetBoolean()).Select(r => r.GetProperty("code").GetString())
            .Should().Equal("category", "experience", "examExpert", "communityLeader");
        (await admin.PutAsJsonAsync($"/api/asset/methodists/{methodist.Id}", new { loadNorm = 1000 })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var north = await fixture.ClientAsync(fixture.NorthMethodist);
        (await north.PutAsJsonAsync($"/api/asset/methodists/{methodist.Id}", new { loadNorm = 30 })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await north.GetAsync($"/api/asset/methodists/{methodist.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var south = await fixture.ClientAsync(fixture.SouthMethodist);
        (await south.GetAsync($"/api/asset/methodists/{methodist.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheAssetsEndpoints()
    {
        using var client = App.Anonymous();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Should().Contain(
            ["/api/asset/candidates", "/api/asset/methodists", "/api/asset/methodists/{id}", "/api/asset/methodists/{id}/transitions",
             "/api/asset/methodists/{id}/assignments", "/api/asset/methodists/{id}/assignments/{teacherId}", "/api/asset/assignments/bulk"]);
    }
}
