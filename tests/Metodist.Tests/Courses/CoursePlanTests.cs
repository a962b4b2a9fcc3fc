using System.Net;
using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Exports;

namespace Metodist.Tests.Courses;

/// <summary>
/// The plan-application of the northern school for the autumn of 2026, built from routes and diagnostics written in the database:
/// which courses, for how many teachers, and which deficits are left without a course.
/// </summary>
public sealed class CoursePlanTests(CoursePlanTests.Fixture fixture) : IClassFixture<CoursePlanTests.Fixture>
{
    private const string Autumn = "from=2026-09-01&to=2026-12-31";

    public sealed class Fixture : IAsyncLifetime
    {
        public CourseFixture Courses { get; } = new();
        public Course Digital { get; private set; } = null!;
        public Course Internship { get; private set; } = null!;
        public Course NextYear { get; private set; } = null!;
        public Course Undated { get; private set; } = null!;
        public Person Approved { get; private set; } = null!;
        public Person Drafted { get; private set; } = null!;
        public Person Covered { get; private set; } = null!;
        public Person NeedsOnly { get; private set; } = null!;
        public Person Finished { get; private set; } = null!;
        public Person Southern { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Courses.InitializeAsync();
            var data = Courses.Data;
            Digital = await Courses.AddCourseAsync("Цифровые инструменты учителя", quota: 20, startsOn: new DateOnly(2026, 10, 5), endsOn: new DateOnly(2026, 10, 30),
                federalRegistry: true, hours: 72, areas: [DefaultAreas.Digital]);
            Internship = await Courses.AddCourseAsync("Стажировка в гимназии № 3", startsOn: new DateOnly(2026, 11, 10), kind: CourseKind.Internship,
                form: CourseForm.InPerson, hours: 16, areas: [DefaultAreas.Methodical]);
            NextYear = await Courses.AddCourseAsync("Инклюзия в обычном классе", startsOn: new DateOnly(2027, 3, 1), hours: 36, areas: [DefaultAreas.Inclusive]);
            Undated = await Courses.AddCourseAsync("Работа с одарёнными детьми (в любое время)", hours: 24, areas: [DefaultAreas.Gifted]);

            Approved = await data.AddTeacherAsync(data.NorthSchool, "Утверждённова");
            await Courses.AddRouteAsync(Approved, RouteStatus.Approved,
                (RouteSection.Courses, Digital.Id, DefaultAreas.Digital), (RouteSection.Internship, Internship.Id, null), (RouteSection.Events, null, null));
            await Courses.AddResultAsync(Approved, new DateOnly(2026, 5, 1),
                (DefaultAreas.Digital, DeficitLevel.Pronounced), (DefaultAreas.Legal, DeficitLevel.Partial), (DefaultAreas.Subject, DeficitLevel.None));
            await Courses.AddEnrolmentAsync(Digital, Approved);

            Drafted = await data.AddTeacherAsync(data.NorthSchool, "Черновикова");
            await Courses.AddRouteAsync(Drafted, RouteStatus.Draft, (RouteSection.Courses, Digital.Id, null), (RouteSection.Courses, Undated.Id, null));

            Covered = await data.AddTeacherAsync(data.NorthSchool, "Покрытова");
            await Courses.AddRouteAsync(Covered, RouteStatus.InProgress, (RouteSection.Courses, NextYear.Id, null));
            await Courses.AddResultAsync(Covered, new DateOnly(2026, 4, 1), (DefaultAreas.Inclusive, DeficitLevel.Pronounced));

            NeedsOnly = await data.AddTeacherAsync(data.NorthSchool, "Нуждаева");
            await Courses.AddResultAsync(NeedsOnly, new DateOnly(2025, 3, 1), (DefaultAreas.Psychological, DeficitLevel.Pronounced));
            await Courses.AddResultAsync(NeedsOnly, new DateOnly(2026, 3, 1), (DefaultAreas.Inclusive, DeficitLevel.Pronounced), (DefaultAreas.Legal, DeficitLevel.Partial));

            Finished = await data.AddTeacherAsync(data.NorthSchool, "Завершённова");
            await Courses.AddRouteAsync(Finished, RouteStatus.Completed, (RouteSection.Courses, Digital.Id, null));

            await data.AddTeacherAsync(data.NorthSchool, "Безплановая");

            Southern = await data.AddTeacherAsync(data.SouthSchool, "Южноплановая");
            await Courses.AddRouteAsync(Southern, RouteStatus.Submitted, (RouteSection.Courses, Digital.Id, null));
        }

        public Task DisposeAsync() => Courses.DisposeAsync();
    }

    private CourseFixture Courses => fixture.Courses;

    private async Task<PlanReport> NorthSchoolPlanAsync()
    {
        var plan = await Courses.InDbAsync(async db =>
        {
            var scope = Metodist.Web.Infrastructure.Auth.UserScope.Nobody with { UserId = Guid.NewGuid(), MunicipalityIds = [Courses.Data.North.Id] };
            return await new CoursePlans(db, new CourseCatalogue(db))
                .BuildAsync(scope, new PlanRequest(Courses.Data.NorthSchool.Id, null, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31)));
        });
        return plan!;
    }

    [Fact]
    public async Task SummaryCountsTeachersPerCourseStartingInThePeriodFromOpenRoutes()
    {
        var plan = await NorthSchoolPlanAsync();

        plan.UnitName.Should().Be(Courses.Data.NorthSchool.ShortName);
        plan.TeachersInUnit.Should().Be(6);
        plan.Courses.Select(c => (c.Course.Title, c.Teachers, c.FromDrafts, c.TeacherHours)).Should().Equal(
            ("Цифровые инструменты учителя", 2, 1, 144),
            ("Стажировка в гимназии № 3", 1, 0, 16),
            ("Работа с одарёнными детьми (в любое время)", 1, 1, 24));
        plan.TeachersWithCourses.Should().Be(2);
    }

    [Fact]
    public async Task TeachersListShowsEachPlannedCourseAndTheNeedsThatNoRouteCourseAnswers()
    {
        var plan = await NorthSchoolPlanAsync();

        plan.Lines.Select(l => (l.FullName.Split(' ')[0], l.Course?.Title, l.Section, l.RouteStatus, l.Enrolment, string.Join(", ", l.NeedsWithoutCourse))).Should().Equal(
            ("Нуждаева", null, null, null, null, "Нормативно-правовая компетенция, Инклюзивное образование"),
            ("Утверждённова", "Цифровые инструменты учителя", RouteSection.Courses, RouteStatus.Approved, EnrolmentStatus.Enrolled, "Нормативно-правовая компетенция"),
            ("Утверждённова", "Стажировка в гимназии № 3", RouteSection.Internship, RouteStatus.Approved, null, "Нормативно-правовая компетенция"),
            ("Черновикова", "Цифровые инструменты учителя", RouteSection.Courses, RouteStatus.Draft, null, ""),
            ("Черновикова", "Работа с одарёнными детьми (в любое время)", RouteSection.Courses, RouteStatus.Draft, null, ""));
        plan.TeachersWithNeeds.Should().Be(2);
    }

    [Fact]
    public async Task PlanExportsTheSummaryAndTheTeachersOnTwoSheets()
    {
        var session = await Courses.SessionAsync(Courses.NorthMethodist);

        var response = await session.Client.GetAsync($"/Courses/Plan?handler=Export&organizationId={Courses.Data.NorthSchool.Id}&{Autumn}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(Xlsx.ContentType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Workbook.SheetNames(bytes).Should().Equal("Сводка по курсам", "Педагоги");
        var summary = Workbook.Sheet(bytes, "Сводка по курсам");
        summary.Headings.Should().Contain(["Программа", "Организатор", "Форма", "Часов", "Начало", "Окончание", "Федеральный реестр", "Педагогов"]);
        summary.Rows.Should().HaveCount(3);
        var digital = summary.Rows.Single(r => r["Программа"] == "Цифровые инструменты учителя");
        digital["Педагогов"].Should().Be("2");
        digital["Из них по черновикам ИОМ"].Should().Be("1");
        digital["Часов"].Should().Be("72");
        digital["Федеральный реестр"].Should().Be("да");
        digital["Форма"].Should().Be("дистанционно");
        digital["Начало"].Should().Be(new DateTime(2026, 10, 5).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var teachers = Workbook.Sheet(bytes, "Педагоги");
        teachers.Rows.Should().HaveCount(5);
        teachers.Rows.Single(r => r["ФИО"].StartsWith("Нуждаева")).Should().Contain("Потребность без курса", "Нормативно-правовая компетенция, Инклюзивное образование");
        teachers.Column("Состояние ИОМ").Should().Contain("черновик");
        teachers.Column("ФИО").Should().NotContain(n => n.StartsWith("Южноплановая") || n.StartsWith("Завершённова") || n.StartsWith("Покрытова"));
    }

    [Fact]
    public async Task MunicipalPlanOfTheSouthListsItsOwnTeachers()
    {
        var session = await Courses.SessionAsync(Courses.SouthMethodist);

        var page = await session.GetPageAsync($"/Courses/Plan?municipalityId={Courses.Data.South.Id}&{Autumn}");

        var rows = page.QuerySelectorAll("#plan-teachers tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().ContainSingle().Which.Should().Contain("Южноплановая").And.Contain("на согласовании");
        page.QuerySelector("#plan-courses tbody")!.TextContent.Should().Contain("Цифровые инструменты учителя");
    }

    [Fact]
    public async Task PlanPageShowsTheSummaryAndMarksDraftRoutes()
    {
        var session = await Courses.SessionAsync(Courses.SchoolMethodist);

        var page = await session.GetPageAsync($"/Courses/Plan?organizationId={Courses.Data.NorthSchool.Id}&{Autumn}");

        page.QuerySelectorAll("#plan-courses tbody tr").Should().HaveCount(3);
        page.QuerySelector("#with-courses .value")!.TextContent.Should().Be("2");
        page.QuerySelector("#with-needs .value")!.TextContent.Should().Be("2");
        page.QuerySelectorAll("#plan-teachers tbody tr").Where(r => r.TextContent.Contains("Черновикова")).Should().OnlyContain(r => r.TextContent.Contains("черновик"));
        (page.QuerySelector("a[href*='handler=Export']") as IHtmlAnchorElement)!.Href.Should().Contain(Courses.Data.NorthSchool.Id.ToString());
    }

    [Fact]
    public async Task MethodistCannotPlanForAnOrganizationOrMunicipalityOutsideTheirScope()
    {
        var school = await Courses.SessionAsync(Courses.SchoolMethodist);
        var south = await school.GetPageAsync($"/Courses/Plan?organizationId={Courses.Data.SouthSchool.Id}&{Autumn}");
        south.QuerySelector(".errors")!.TextContent.Should().Contain("не найдены в вашей области видимости");
        south.QuerySelector("#plan-teachers").Should().BeNull();
        south.QuerySelector("select#municipalityId").Should().BeNull("a school methodist plans for their school only");

        var north = await Courses.SessionAsync(Courses.NorthMethodist);
        var municipality = await north.GetPageAsync($"/Courses/Plan?municipalityId={Courses.Data.South.Id}&{Autumn}");
        municipality.QuerySelector("#plan-teachers").Should().BeNull();
        municipality.Body!.TextContent.Should().NotContain("Южноплановая");
        (await north.Client.GetAsync($"/Courses/Plan?handler=Export&municipalityId={Courses.Data.South.Id}&{Autumn}"))
            .Content.Headers.ContentType!.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task TeacherHasNoPlanApplication()
    {
        var (_, login) = await Courses.TeacherWithAccountAsync(Courses.Data.SouthSchool, "Беспланова");
        using var session = await BrowserSession.SignedInAsync(Courses.App, login);

        var response = await session.Client.GetAsync("/Courses/Plan");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Accounts/Denied");
    }

    [Fact]
    public async Task ReversedPeriodIsExplainedInsteadOfAnEmptyPlan()
    {
        var session = await Courses.SessionAsync(Courses.NorthMethodist);

        var page = await session.GetPageAsync($"/Courses/Plan?organizationId={Courses.Data.NorthSchool.Id}&from=2026-12-31&to=2026-09-01");

        page.QuerySelector(".errors")!.TextContent.Should().Be("Дата окончания периода раньше даты начала.");
    }
}
