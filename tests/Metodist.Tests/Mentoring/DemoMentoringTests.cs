using Metodist.Tests.Demo;
using Metodist.Web.Features.Mentoring;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Mentoring;

/// <summary>Mentoring in the demo region: most young teachers paired, every state and form, plans and meetings up to yesterday, routes in step.</summary>
[Collection(DemoRegionGroup.Name)]
public sealed class DemoMentoringTests(DemoRegionFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => fixture.QueryAsync(query);

    private Task<List<MentoringPair>> PairsAsync() =>
        QueryAsync(db => db.MentoringPairs.AsNoTracking().Include(p => p.Mentees).Include(p => p.PlanItems).Include(p => p.Meetings).AsSplitQuery().ToListAsync());

    [Fact]
    public async Task AboutEightyFivePercentOfYoungTeachersHaveARunningPairAndTheMentorAccountMentorsTheTeacherAccount()
    {
        var (pairs, people, accounts) = await QueryAsync(async db => (
            await PairsAsync(),
            await db.Persons.AsNoTracking().Select(p => new { p.Id, p.BirthDate, p.PedagogicalWorkStart }).ToListAsync(),
            await db.Users.AsNoTracking().Where(u => u.PersonId != null).ToDictionaryAsync(u => u.UserName!, u => u.PersonId!.Value)));

        var young = people.Where(p => TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, Today)).Select(p => p.Id).ToHashSet();
        var active = pairs.Where(p => p.Status == MentoringStatus.Active).ToList();
        var mentored = active.SelectMany(p => p.Mentees).Select(m => m.PersonId).ToList();
        mentored.Should().OnlyHaveUniqueItems("a mentee has one running pair");
        ((double)mentored.Count(young.Contains) / young.Count).Should().BeInRange(0.78, 0.92);
        active.Should().Contain(p => p.MentorPersonId == accounts["mentor"] && p.Mentees.Any(m => m.PersonId == accounts["teacher"]));
    }

    [Fact]
    public async Task PairsComeInEveryStateAndFormWithAFewGroupsAndSomeMentorsOverTheLimit()
    {
        var pairs = await PairsAsync();

        var active = pairs.Where(p => p.Status == MentoringStatus.Active).ToList();
        var completed = pairs.Where(p => p.Status == MentoringStatus.Completed).ToList();
        var cancelled = pairs.Where(p => p.Status == MentoringStatus.Cancelled).ToList();
        ((double)active.Count(p => p.Form == MentoringForm.ExperiencedYoung) / active.Count).Should().BeInRange(0.7, 0.9);
        active.Select(p => p.Form).Distinct().Should().HaveCount(4);
        active.Count(p => p.Mentees.Count > 1).Should().BeGreaterThan(5);
        pairs.Should().OnlyContain(p => p.Mentees.Count >= 1 && p.Mentees.Count <= 3);
        var loads = active.GroupBy(p => p.MentorPersonId).Select(g => g.Sum(p => p.Mentees.Count)).ToList();
        loads.Count(l => l > 2).Should().BeGreaterThan(0);
        ((double)loads.Count(l => l > 2) / loads.Count).Should().BeLessThan(0.15);

        completed.Count.Should().BeGreaterThan(50);
        completed.Should().OnlyContain(p => p.EvaluationScore >= 2 && p.EvaluationScore <= 5 && p.Evaluation!.Length > 40
            && p.ClosedOn <= Today && p.StartDate < new DateOnly(Today.Month >= 9 ? Today.Year : Today.Year - 1, 9, 1));
        cancelled.Count.Should().BeInRange(2, 3);
        cancelled.Should().OnlyContain(p => p.ClosedOn > p.StartDate && p.ClosedOn < Today);
        active.Should().OnlyContain(p => p.ClosedOn == null && p.StartDate < Today && p.EndDate > Today);
    }

    [Fact]
    public async Task EveryPairHasAnOrderGoalsAPlanAndMeetingsUpToYesterday()
    {
        var pairs = await PairsAsync();

        pairs.Should().OnlyContain(p => p.OrderDate <= p.StartDate && System.Text.RegularExpressions.Regex.IsMatch(p.OrderNumber!, @"^\d+(-од|/01-08)$"));
        pairs.Should().OnlyContain(p => p.Goals!.Length > 30 && p.CreatedBy.Length > 0);
        pairs.Should().OnlyContain(p => p.PlanItems.Count >= 3 && p.PlanItems.Count <= 6);
        pairs.SelectMany(p => p.PlanItems).Should().OnlyContain(i => !i.IsDone || i.DoneOn <= Today);
        pairs.SelectMany(p => p.PlanItems.Where(i => i.DueDate < Today.AddDays(-14))).Count(i => i.IsDone).Should().BeGreaterThan(0);
        pairs.SelectMany(p => p.Meetings.Select(m => (Pair: p, Meeting: m))).Should().OnlyContain(x => x.Meeting.Date >= x.Pair.StartDate && x.Meeting.Date < Today
            && x.Meeting.Date <= (x.Pair.ClosedOn ?? Today) && (x.Meeting.Hours == 1m || x.Meeting.Hours == 1.5m || x.Meeting.Hours == 2m) && x.Meeting.Topic.Length > 10);
        pairs.Where(p => p.Status == MentoringStatus.Active && p.StartDate < Today.AddDays(-30)).Should().OnlyContain(p => p.Meetings.Count > 0);
    }

    [Fact]
    public async Task MentorsAreExperiencedColleaguesMostlyOfTheSameSubjectAndSchool()
    {
        var (pairs, jobs, people) = await QueryAsync(async db => (
            await PairsAsync(),
            await db.Employments.AsNoTracking().Where(e => e.IsMain).Select(e => new { e.PersonId, e.OrganizationId, Subjects = e.Subjects.Select(s => s.SubjectId).ToList() })
                .ToDictionaryAsync(e => e.PersonId),
            await db.Persons.AsNoTracking().Select(p => new { p.Id, p.BirthDate, p.PedagogicalWorkStart }).ToDictionaryAsync(p => p.Id)));

        var active = pairs.Where(p => p.Status == MentoringStatus.Active).ToList();
        active.Should().OnlyContain(p => TeacherRules.ExperienceYears(people[p.MentorPersonId].PedagogicalWorkStart, Today) >= 5
            && !TeacherRules.IsYoungTeacher(people[p.MentorPersonId].BirthDate, people[p.MentorPersonId].PedagogicalWorkStart, Today));
        var sameSchoolAndSubject = active.Where(p => p.Form == MentoringForm.ExperiencedYoung).Count(p => p.Mentees.All(m =>
            jobs[m.PersonId].OrganizationId == jobs[p.MentorPersonId].OrganizationId && jobs[m.PersonId].Subjects.Intersect(jobs[p.MentorPersonId].Subjects).Any()));
        ((double)sameSchoolAndSubject / active.Count(p => p.Form == MentoringForm.ExperiencedYoung)).Should().BeGreaterThan(0.6);
    }

    [Fact]
    public async Task RunningPairsStandInSectionThreeOfTheMenteesOpenRoutes()
    {
        var (pairs, routes) = await QueryAsync(async db => (
            await PairsAsync(),
            await db.Routes.AsNoTracking().Include(r => r.Items).ToListAsync()));

        var open = routes.Where(r => MentoringRouteItems.IsOpen(r.Status)).GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.ToList());
        var checkedRoutes = 0;
        foreach (var pair in pairs.Where(p => p.Status == MentoringStatus.Active))
        {
            foreach (var route in pair.Mentees.SelectMany(m => open.GetValueOrDefault(m.PersonId) ?? []))
            {
                var item = route.Items.Should().ContainSingle(i => i.MentoringPairId == pair.Id).Subject;
                item.Section.Should().Be(RouteSection.Mentoring);
                item.Title.Should().Be("Работа с наставником");
                item.Details.Should().StartWith("Наставник — ").And.Contain($"приказ № {pair.OrderNumber}");
                route.Items.Should().NotContain(i => i.Title == "Работа с наставником" && i.MentoringPairId == null, "the item the drafter proposed is the pair's");
                checkedRoutes++;
            }
        }
        checkedRoutes.Should().BeGreaterThan(100);
        var completedItems = routes.SelectMany(r => r.Items).Where(i => i.MentoringPairId != null && pairs.Any(p => p.Id == i.MentoringPairId && p.Status == MentoringStatus.Completed)).ToList();
        // Items the route's own history had already closed keep their evidence; the others are closed by the pair.
        completedItems.Should().OnlyContain(i => i.IsDone).And.Contain(i => i.Evidence!.Contains("итоговая оценка"));
        routes.SelectMany(r => r.Items).Should().Contain(i => i.Title == "Работа в качестве наставника" && i.MentoringPairId != null);
        var accountRoute = await QueryAsync(db => db.Routes.AsNoTracking().Include(r => r.Items)
            .Where(r => r.PersonId == db.Users.Where(u => u.UserName == "teacher").Select(u => u.PersonId).First()).ToListAsync());
        accountRoute.Where(r => MentoringRouteItems.IsOpen(r.Status)).SelectMany(r => r.Items)
            .Should().Contain(i => i.MentoringPairId != null && i.Section == RouteSection.Mentoring);
    }
}
