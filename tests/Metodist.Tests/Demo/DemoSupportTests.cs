using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Tests.Demo;

/// <summary>The demo region is seeded once for all the test classes that read it.</summary>
[CollectionDefinition(Name)]
public sealed class DemoRegionGroup : ICollectionFixture<DemoRegionFixture>
{
    public const string Name = "Demo region";
}

/// <summary>Diagnostics, courses and routes of the demo region: every page has something true to show, in every state.</summary>
[Collection(DemoRegionGroup.Name)]
public sealed class DemoSupportTests(DemoRegionFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => fixture.QueryAsync(query);

    private Task<Dictionary<string, Guid>> PeopleOfAccountsAsync() => QueryAsync(db => db.Users.AsNoTracking()
        .Where(u => u.PersonId != null).ToDictionaryAsync(u => u.UserName!, u => u.PersonId!.Value));

    private sealed record RouteRow(Guid Id, Guid PersonId, RouteStatus Status, Guid? MunicipalityId, Guid? OrganizationId, Guid? TutorPersonId,
        Guid? ResultId, DateOnly? TestDate, DateOnly StartsOn, DateOnly EndsOn, DateTime? AgreedAt, DateTime CreatedAt);

    private Task<List<RouteRow>> RoutesAsync() => QueryAsync(db => db.Routes.AsNoTracking()
        .Select(r => new RouteRow(r.Id, r.PersonId, r.Status, r.MunicipalityId, r.OrganizationId, r.TutorPersonId, r.ResultId, r.TestDate, r.StartsOn,
            r.EndsOn, r.OrganizationAgreedAt, r.CreatedAt))
        .ToListAsync());

    [Fact]
    public async Task ThePublishedTestAsksThreeOrFourKeyedQuestionsInEveryAreaAndADraftIsBeingWritten()
    {
        var diagnostics = await QueryAsync(db => db.Diagnostics.AsNoTracking().Include(d => d.Questions).ThenInclude(q => q.Options).ToListAsync());

        var test = diagnostics.Single(d => d.Kind == DiagnosticKind.OnlineTest && d.IsPublished);
        test.Title.Should().StartWith("Диагностика профессиональных дефицитов педагогов — ");
        test.Questions.GroupBy(q => q.AreaId).Should().HaveCount(DefaultAreas.All.Count).And.OnlyContain(g => g.Count() >= 3 && g.Count() <= 4);
        test.Questions.Select(q => q.Number).Should().BeEquivalentTo(Enumerable.Range(1, test.Questions.Count));
        test.Questions.Should().OnlyContain(q => q.Options.Count >= 4
            && (q.MultipleChoice ? q.Options.Count(o => o.IsCorrect) >= 2 : q.Options.Count(o => o.IsCorrect) == 1));
        test.Questions.Should().Contain(q => q.MultipleChoice).And.Contain(q => !q.MultipleChoice);
        diagnostics.Should().Contain(d => d.Kind == DiagnosticKind.OnlineTest && !d.IsPublished && d.Questions.Count > 0);
        diagnostics.Should().Contain(d => d.Id == DefaultAreas.ExternalDiagnostic);
    }

    [Fact]
    public async Task CampaignsAreFinishedCurrentOverdueAndPlannedAndTheCurrentOneIsPartlyTaken()
    {
        var (campaigns, taken, severodvinsk) = await QueryAsync(async db => (
            await db.DiagnosticCampaigns.AsNoTracking().ToListAsync(),
            await db.DiagnosticResults.Where(r => r.CampaignId != null).GroupBy(r => r.CampaignId!.Value).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count),
            await db.Municipalities.Where(m => m.Name == "Северодвинск").Select(m => new { m.Id, Teachers = db.Employments.Count(e => e.MunicipalityId == m.Id && e.IsMain) })
                .SingleAsync()));

        var finished = campaigns.Single(c => c.Deadline < Today && c.DistrictId == null && c.MunicipalityId == null);
        var current = campaigns.Single(c => c.StartsOn <= Today && c.Deadline >= Today);
        var overdue = campaigns.Single(c => c.Deadline < Today && c.DistrictId != null);
        campaigns.Should().Contain(c => c.StartsOn > Today);
        current.MunicipalityId.Should().Be(severodvinsk.Id);
        finished.Deadline.Month.Should().BeInRange(3, 5);
        ((double)taken[current.Id] / severodvinsk.Teachers).Should().BeInRange(0.1, 0.6);
        taken[finished.Id].Should().BeGreaterThan(taken[overdue.Id]);
        campaigns.Should().OnlyContain(c => c.Title.Length > 20 && c.CreatedBy.Length > 0);
    }

    [Fact]
    public async Task AboutTwoThirdsOfTeachersHaveResultsWithWeakerDigitalAndInclusiveAreasAndEveryLevel()
    {
        var (results, areas, people) = await QueryAsync(async db => (
            await db.DiagnosticResults.AsNoTracking().Select(r => new { r.PersonId, r.DiagnosticId, r.TakenOn, r.Level, r.Score }).ToListAsync(),
            await db.DiagnosticResultAreas.AsNoTracking().Select(a => new { a.AreaId, a.Score, a.Level, a.ResultId }).ToListAsync(),
            await db.Persons.AsNoTracking().Select(p => new { p.Id, p.BirthDate, p.PedagogicalWorkStart }).ToListAsync()));

        var diagnosed = results.Select(r => r.PersonId).Distinct().Count();
        ((double)diagnosed / people.Count).Should().BeInRange(0.6, 0.7);
        results.GroupBy(r => r.PersonId).Count(g => g.Count() >= 2).Should().BeGreaterThan(diagnosed / 10);
        results.Should().OnlyContain(r => r.TakenOn < Today && r.TakenOn >= Today.AddMonths(-21));
        results.Select(r => r.Level).Distinct().Should().BeEquivalentTo(Enum.GetValues<DeficitLevel>());
        results.Should().Contain(r => r.DiagnosticId == DefaultAreas.ExternalDiagnostic);
        foreach (var area in DefaultAreas.All)
            areas.Where(a => a.AreaId == area.Id).Select(a => a.Level).Distinct().Should().HaveCount(3, $"{area.Name} has every level");
        double Mean(Guid area) => areas.Where(a => a.AreaId == area).Average(a => a.Score);
        Mean(DefaultAreas.Digital).Should().BeLessThan(Mean(DefaultAreas.Subject) - 8);
        Mean(DefaultAreas.Inclusive).Should().BeLessThan(Mean(DefaultAreas.Subject) - 8);

        var young = people.Where(p => TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, Today)).Select(p => p.Id).ToHashSet();
        var youngResults = results.Where(r => young.Contains(r.PersonId)).Select(r => r.PersonId).ToHashSet();
        var byResult = await QueryAsync(db => db.DiagnosticResults.AsNoTracking().Select(r => new { r.Id, r.PersonId }).ToDictionaryAsync(r => r.Id, r => r.PersonId));
        var methodical = areas.Where(a => a.AreaId == DefaultAreas.Methodical).ToList();
        methodical.Where(a => young.Contains(byResult[a.ResultId])).Average(a => a.Score)
            .Should().BeLessThan(methodical.Where(a => !young.Contains(byResult[a.ResultId])).Average(a => a.Score) - 5);
        youngResults.Should().NotBeEmpty();
    }

    [Fact]
    public async Task TheCatalogueHasAboutFortyProgrammesOfEveryKindAndEnrolmentsInEveryState()
    {
        var (courses, enrolments) = await QueryAsync(async db => (
            await db.Courses.AsNoTracking().Include(c => c.Areas).ToListAsync(),
            await db.Enrolments.AsNoTracking().ToListAsync()));

        courses.Count.Should().BeInRange(35, 50);
        courses.Select(c => c.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<CourseKind>());
        courses.Select(c => c.Form).Distinct().Should().BeEquivalentTo(Enum.GetValues<CourseForm>());
        ((double)courses.Count(c => c.FederalRegistry) / courses.Count).Should().BeInRange(0.35, 0.65);
        courses.Where(c => c.Kind != CourseKind.Retraining).Should().OnlyContain(c => c.Hours >= 16 && c.Hours <= 72);
        courses.Where(c => c.Kind == CourseKind.Retraining).Should().OnlyContain(c => c.Hours >= 250 && c.Hours <= 520);
        courses.Should().Contain(c => c.EndsOn < Today).And.Contain(c => c.StartsOn > Today).And.Contain(c => c.SubjectId != null);
        courses.Should().OnlyContain(c => c.Areas.Count > 0 && c.SearchTitle.Length > 0);
        foreach (var area in DefaultAreas.All) courses.Should().Contain(c => c.Areas.Any(a => a.AreaId == area.Id));

        enrolments.Select(e => e.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<EnrolmentStatus>());
        var ends = courses.ToDictionary(c => c.Id, c => c.EndsOn);
        enrolments.Where(e => e.Status == EnrolmentStatus.Completed).Should().OnlyContain(e =>
            e.CertificateNumber!.Length == 12 && e.CertificateNumber.All(char.IsDigit) && e.CompletedOn == ends[e.CourseId] && e.CompletedOn < Today);
        enrolments.Where(e => e.Status != EnrolmentStatus.Completed).Should().OnlyContain(e => e.CertificateNumber == null && e.CompletedOn == null);
        enrolments.Where(e => e.Status == EnrolmentStatus.Completed).Select(e => e.CertificateNumber).Should().OnlyHaveUniqueItems();
        enrolments.Should().OnlyContain(e => e.EnrolledAt < DateTime.UtcNow && e.EnrolledBy.Length > 0);
        foreach (var course in courses.Where(c => c.Quota != null))
            enrolments.Count(e => e.CourseId == course.Id && e.Status != EnrolmentStatus.Cancelled).Should().BeLessThanOrEqualTo(course.Quota!.Value, course.Title);
    }

    [Fact]
    public async Task RoutesOfAFifthOfTeachersAreInEveryStateWithAHistoryThatLeadsThere()
    {
        var routes = await RoutesAsync();
        var transitions = (await QueryAsync(db => db.RouteTransitions.AsNoTracking().ToListAsync())).GroupBy(t => t.RouteId)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.At).ToList());

        routes.Count.Should().BeInRange(1500, 2500);
        routes.Select(r => r.PersonId).Should().OnlyHaveUniqueItems();
        routes.Select(r => r.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<RouteStatus>());
        foreach (var route in routes)
        {
            var history = transitions[route.Id];
            history[0].Should().Match<RouteTransition>(t => t.From == RouteStatus.Draft && t.To == RouteStatus.Draft && t.Comment!.StartsWith("Черновик составлен"));
            history.Last(t => !t.IsAgreement).To.Should().Be(route.Status);
            history.Should().OnlyContain(t => t.UserName.Length > 0 && t.At < DateTime.UtcNow);
            history.Where(t => t.To == RouteStatus.NotCompleted || (t.To == RouteStatus.Draft && t.From != RouteStatus.Draft))
                .All(t => !string.IsNullOrWhiteSpace(t.Comment)).Should().BeTrue("sending back and closing unfinished need a comment");
            (route.AgreedAt != null).Should().Be(history.Any(t => t.IsAgreement));
            if (route.Status is not (RouteStatus.Draft or RouteStatus.Submitted)) route.AgreedAt.Should().NotBeNull();
        }
        routes.Where(r => r.Status == RouteStatus.Submitted).Should().Contain(r => r.AgreedAt != null).And.Contain(r => r.AgreedAt == null);
        routes.Should().Contain(r => r.Status == RouteStatus.Draft && transitions[r.Id].Any(t => t.From == RouteStatus.Submitted && t.To == RouteStatus.Draft));
        routes.Where(r => r.Status != RouteStatus.Draft).Should().OnlyContain(r => r.TutorPersonId != null);
    }

    [Fact]
    public async Task RoutesAreDraftedFromTheTeachersResultsAndFinishedOnesShowTheImprovement()
    {
        var routes = await RoutesAsync();
        var (results, items, enrolments) = await QueryAsync(async db => (
            await db.DiagnosticResults.AsNoTracking().Select(r => new { r.Id, r.PersonId, r.TakenOn, r.Score }).ToListAsync(),
            await db.RouteItems.AsNoTracking().ToListAsync(),
            await db.Enrolments.AsNoTracking().ToDictionaryAsync(e => e.Id)));
        var byId = results.ToDictionary(r => r.Id);
        var itemsOf = items.ToLookup(i => i.RouteId);

        routes.Should().OnlyContain(r => r.ResultId != null && byId[r.ResultId.Value].PersonId == r.PersonId && r.TestDate == byId[r.ResultId.Value].TakenOn
            && r.StartsOn >= r.TestDate && r.EndsOn.Month == 5 && r.EndsOn.Day == 31);
        routes.Count(r => itemsOf[r.Id].Any(i => i.Section == RouteSection.Courses)).Should().BeGreaterThan(routes.Count * 9 / 10);
        foreach (var route in routes.Where(r => r.Status == RouteStatus.Completed))
        {
            itemsOf[route.Id].Should().OnlyContain(i => i.IsDone && i.DoneOn != null && i.Evidence != null);
            results.Should().Contain(r => r.PersonId == route.PersonId && r.TakenOn > route.TestDate && r.Score > byId[route.ResultId!.Value].Score,
                "a completed route is followed by a better result");
        }
        var running = routes.Where(r => r.Status == RouteStatus.InProgress).SelectMany(r => itemsOf[r.Id]).ToList();
        running.Should().Contain(i => i.IsDone).And.Contain(i => !i.IsDone).And.Contain(i => i.Reflection != null);
        running.Where(i => i.IsDone && i.EnrolmentId != null).Should().NotBeEmpty().And.OnlyContain(i =>
            enrolments[i.EnrolmentId!.Value].Status == EnrolmentStatus.Completed
            && i.Evidence!.Contains("№ " + enrolments[i.EnrolmentId.Value].CertificateNumber + " от "));
        items.Where(i => i.EnrolmentId != null).Should().OnlyContain(i => enrolments[i.EnrolmentId!.Value].CourseId == i.CourseId
            && enrolments[i.EnrolmentId.Value].PersonId == i.PersonId);
        items.Where(i => i.IsDone).Should().OnlyContain(i => i.DoneOn < Today);
    }

    [Fact]
    public async Task TheDemoTeacherHasTwoResultsARouteUnderWayEnrolmentsAndAnOpenCampaignToTake()
    {
        var teacher = (await PeopleOfAccountsAsync())["teacher"];
        var (results, route, enrolments, attempts, campaign) = await QueryAsync(async db => (
            await db.DiagnosticResults.AsNoTracking().Where(r => r.PersonId == teacher).OrderBy(r => r.TakenOn).ToListAsync(),
            await db.Routes.AsNoTracking().Include(r => r.Items).Include(r => r.Transitions).SingleAsync(r => r.PersonId == teacher),
            await db.Enrolments.AsNoTracking().Where(e => e.PersonId == teacher).ToListAsync(),
            await db.DiagnosticAttempts.AsNoTracking().Include(a => a.Answers).Where(a => a.PersonId == teacher).ToListAsync(),
            await db.DiagnosticCampaigns.AsNoTracking().SingleAsync(c => c.StartsOn <= Today && c.Deadline >= Today)));

        results.Should().HaveCount(2);
        route.Status.Should().Be(RouteStatus.InProgress);
        route.ResultId.Should().Be(results[^1].Id);
        route.Items.Should().Contain(i => i.IsDone && i.Reflection != null).And.Contain(i => !i.IsDone);
        route.Items.Should().Contain(i => i.Section == RouteSection.Mentoring);
        route.Transitions.Should().Contain(t => t.IsAgreement).And.Contain(t => t.To == RouteStatus.Approved).And.Contain(t => t.To == RouteStatus.InProgress);
        enrolments.Select(e => e.Status).Should().Contain(EnrolmentStatus.Completed).And.Contain(EnrolmentStatus.Enrolled);
        results.Should().NotContain(r => r.CampaignId == campaign.Id);
        attempts.Should().ContainSingle(a => a.CampaignId == campaign.Id && a.FinishedAt == null && a.Answers.Count > 0);
    }

    [Fact]
    public async Task EachAccountFindsRoutesToWorkOn()
    {
        var people = await PeopleOfAccountsAsync();
        var routes = await RoutesAsync();
        var (school, severodvinsk) = await QueryAsync(async db => (
            await db.Users.Where(u => u.UserName == "school").SelectMany(u => u.Roles).Select(r => r.ScopeId).SingleAsync(),
            await db.Municipalities.Where(m => m.Name == "Северодвинск").Select(m => m.Id).SingleAsync()));

        var tutored = routes.Where(r => r.TutorPersonId == people["tutor"]).ToList();
        tutored.Count.Should().BeInRange(5, 40);
        tutored.Should().Contain(r => r.PersonId == people["teacher"]);
        tutored.Select(r => r.Status).Distinct().Count().Should().BeGreaterThan(2);
        routes.Should().Contain(r => r.OrganizationId == school && r.Status == RouteStatus.Submitted && r.AgreedAt == null, "the school agrees its routes");
        routes.Where(r => r.MunicipalityId == severodvinsk).Select(r => r.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<RouteStatus>());
        routes.Should().Contain(r => r.Status == RouteStatus.Submitted && r.AgreedAt != null, "the region centre approves agreed routes");
        routes.Should().NotContain(r => r.PersonId == people["tutor"] || r.PersonId == people["school"]);
    }

    [Fact]
    public async Task FinishedAttemptsLeadToTheirResultsWithScoresFromTheAnswers()
    {
        var (attempts, test) = await QueryAsync(async db => (
            await db.DiagnosticAttempts.AsNoTracking().Include(a => a.Answers).ToListAsync(),
            await db.Diagnostics.AsNoTracking().Include(d => d.Questions).ThenInclude(q => q.Options).SingleAsync(d => d.IsPublished && d.Kind == DiagnosticKind.OnlineTest)));
        var resultIds = attempts.Where(a => a.ResultId != null).Select(a => a.ResultId!.Value).ToList();
        var results = await QueryAsync(db => db.DiagnosticResults.AsNoTracking().Include(r => r.Areas).Where(r => resultIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id));

        attempts.Should().Contain(a => a.FinishedAt == null && a.ResultId == null && a.Answers.Count < test.Questions.Count);
        var finished = attempts.Where(a => a.FinishedAt != null).ToList();
        finished.Should().HaveCountGreaterThan(5).And.OnlyContain(a => a.ResultId != null && a.Answers.Count == test.Questions.Count);
        foreach (var attempt in finished)
        {
            var result = results[attempt.ResultId!.Value];
            result.PersonId.Should().Be(attempt.PersonId);
            var scores = Scoring.AreaScores(test.Questions, attempt.Answers.ToDictionary(a => a.QuestionId, a => Scoring.ParseChosen(a.Chosen)));
            result.Areas.ToDictionary(a => a.AreaId, a => a.Score).Should().BeEquivalentTo(scores);
        }
    }
}
