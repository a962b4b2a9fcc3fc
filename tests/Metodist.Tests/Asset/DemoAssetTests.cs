using Metodist.Tests.Demo;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Asset;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Asset;

/// <summary>The methodical asset of the demo region: its size against the teachers it serves, every state, the load, and the methodists as tutors.</summary>
[Collection(DemoRegionGroup.Name)]
public sealed class DemoAssetTests(DemoRegionFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => fixture.QueryAsync(query);

    private Task<List<RegionalMethodist>> MembersAsync() => QueryAsync(db => db.RegionalMethodists.AsNoTracking()
        .Include(m => m.Person).Include(m => m.Subjects).Include(m => m.Municipalities).Include(m => m.History).AsSplitQuery().ToListAsync());

    [Fact]
    public async Task ThereIsAboutOneActiveMethodistPerFiftyToSeventyTeachersOfTheSubjectsTheyServe()
    {
        var members = await MembersAsync();
        var active = members.Where(m => m.Status == AssetStatus.Active).ToList();
        var (places, districts) = await QueryAsync(async db => (
            await db.EmploymentSubjects.AsNoTracking().Where(s => s.Employment!.IsMain)
                .Select(s => new { s.Employment!.PersonId, s.Employment.MunicipalityId, s.SubjectId }).ToListAsync(),
            await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.DistrictId)));

        active.Count.Should().BeInRange(120, 175);
        var served = active.SelectMany(m => m.Subjects.SelectMany(s => m.Municipalities.Select(x => (s.SubjectId, x.MunicipalityId)))).ToHashSet();
        var covered = places.Where(p => served.Contains((p.SubjectId, p.MunicipalityId))).Select(p => p.PersonId).Distinct().Count();
        ((double)covered / active.Count).Should().BeInRange(48, 70);
        active.Should().OnlyContain(m => m.Subjects.Count >= 1 && m.Subjects.Count <= 3 && m.Municipalities.Count >= 1 && m.Municipalities.Count <= 4);
        active.Should().OnlyContain(m => m.Municipalities.Select(x => districts[x.MunicipalityId]).Distinct().Count() == 1, "a methodist serves their own district");
        active.Should().OnlyContain(m => TeacherRules.IsEligibleForAsset(m.Person!.Category, m.Person.PedagogicalWorkStart, Today));
        active.Should().OnlyContain(m => m.IsAssociationLeader || m.IsExamExpert || m.IsCommunityLeader || m.HasHighStudentResults);
    }

    [Fact]
    public async Task MembersAreInEveryStateWithTheHistoryAndDataOfTheirWay()
    {
        var members = await MembersAsync();
        var academy = await QueryAsync(db => db.Courses.AsNoTracking().Where(c => c.Provider.Contains("Академия")).ToDictionaryAsync(c => c.Id));
        var byStatus = members.GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.ToList());

        byStatus[AssetStatus.Candidate].Count.Should().BeInRange(15, 25);
        byStatus[AssetStatus.Candidate].Should().Contain(m => m.IsExamExpert || m.IsAssociationLeader).And.Contain(m => !JudgedRequirements.Of(m).Any);
        byStatus[AssetStatus.Assessed].Count.Should().BeInRange(8, 12);
        byStatus[AssetStatus.Trained].Count.Should().BeInRange(6, 10);
        byStatus[AssetStatus.Withdrawn].Count.Should().BeInRange(3, 7);
        byStatus[AssetStatus.Withdrawn].Should().OnlyContain(m => m.WithdrawalReason != null && m.WithdrawnOn < Today && m.ActiveSince < m.WithdrawnOn);
        foreach (var m in members.Where(m => m.Status is AssetStatus.Active or AssetStatus.Trained or AssetStatus.Withdrawn))
        {
            m.AssessmentResult.Should().MatchRegex(@"^\d+ балл(а|ов)? из 100 — рекомендован");
            academy.Should().ContainKey(m.TrainingCourseId!.Value);
            m.TrainedOn.Should().Be(academy[m.TrainingCourseId.Value].EndsOn);
            m.AssessedOn.Should().BeBefore(academy[m.TrainingCourseId.Value].StartsOn!.Value);
        }
        members.Where(m => m.Status == AssetStatus.Active).Should().OnlyContain(m => m.ActiveSince > m.TrainedOn && m.OrderNumber != null);
        members.Should().OnlyContain(m => m.History.OrderBy(h => h.At).Last().To == m.Status && m.History.All(h => h.At < DateTime.UtcNow && h.UserName.Length > 0));
        members.Select(m => m.PersonId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task MostTeachersOfTheServedSubjectsAreAssignedAFewMethodistsAreOverTheNormAndEveryRouteHasTheTeachersMethodistAsTutor()
    {
        var members = (await MembersAsync()).ToDictionary(m => m.Id);
        var (assignments, routes) = await QueryAsync(async db => (
            await db.AssetAssignments.AsNoTracking().ToListAsync(),
            await db.Routes.AsNoTracking().Select(r => new { r.PersonId, r.Status, r.TutorPersonId }).ToListAsync()));
        var loads = assignments.GroupBy(a => a.MethodistId).ToDictionary(g => g.Key, g => g.Count());

        assignments.Should().OnlyContain(a => members[a.MethodistId].Status == AssetStatus.Active && a.AssignedOn < Today);
        assignments.Count.Should().BeGreaterThan(5500);
        ((double)assignments.Count / loads.Count).Should().BeInRange(40, 60);
        loads.Values.Count(l => l > 60).Should().BeInRange(1, 12);
        var methodistOf = assignments.ToDictionary(a => a.PersonId, a => (Guid?)members[a.MethodistId].PersonId);
        routes.Should().OnlyContain(r => r.TutorPersonId == methodistOf.GetValueOrDefault(r.PersonId));
        routes.Should().Contain(r => r.Status == RouteStatus.Draft && r.TutorPersonId == null, "some teachers with a draft are not assigned yet");
    }

    [Fact]
    public async Task TheTutorAccountIsAnActiveMethodistOfAboutFiftyTeachersTheDemoTeacherAmongThem()
    {
        var (tutor, teacher) = await QueryAsync(async db => (
            await db.Users.Where(u => u.UserName == "tutor").Select(u => u.PersonId!.Value).SingleAsync(),
            await db.Users.Where(u => u.UserName == "teacher").Select(u => u.PersonId!.Value).SingleAsync()));
        var member = (await MembersAsync()).Single(m => m.PersonId == tutor);
        var (assigned, routes) = await QueryAsync(async db => (
            await db.AssetAssignments.AsNoTracking().Where(a => a.MethodistId == member.Id).Select(a => a.PersonId).ToListAsync(),
            await db.Routes.AsNoTracking().Where(r => r.TutorPersonId == tutor).Select(r => r.PersonId).ToListAsync()));

        member.Status.Should().Be(AssetStatus.Active);
        assigned.Count.Should().BeInRange(40, 60);
        assigned.Should().Contain(teacher);
        routes.Should().HaveCountGreaterThan(4).And.OnlyContain(p => assigned.Contains(p));
    }

    [Fact]
    public async Task TheAdministratorSeesTheAssetWithItsIndicators()
    {
        using var session = await BrowserSession.SignedInAsync(fixture.App, "admin", DemoRegionFixture.Password);

        var page = await session.GetPageAsync("/Asset?status=active");

        page.QuerySelectorAll(".stat .value").Select(v => v.TextContent).Should().HaveCount(4);
        page.QuerySelectorAll("table.list tbody tr").Should().HaveCount(50);
        page.QuerySelector("nav.tabs a.active")!.TextContent.Should().Contain("Действующие");
        (await session.GetPageAsync("/Asset/Candidates?eligible=true")).QuerySelectorAll("table.list tbody tr").Should().NotBeEmpty();
    }
}
