using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Courses;

/// <summary>
/// The test region with accounts for the courses module: the region administrator, a methodist of each municipality and
/// a school methodist of the northern school; courses, routes and diagnostic results are written straight into the database.
/// </summary>
public sealed class CourseFixture : IAsyncLifetime
{
    private readonly RegionFixture _region = new();
    private readonly Dictionary<string, BrowserSession> _sessions = [];

    public TestApp App => _region.App;
    public TestData Data => _region.Data;
    public string Admin { get; private set; } = "";
    public string NorthMethodist { get; private set; } = "";
    public string SouthMethodist { get; private set; } = "";
    public string SchoolMethodist { get; private set; } = "";

    /// <summary>"Today" in the region, as the app computes it in tests (the machine's time zone).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public async Task InitializeAsync()
    {
        await _region.InitializeAsync();
        Admin = await Data.AddAdminAsync("course-admin");
        NorthMethodist = await Data.AddUserAsync("north-mmc", null, (AppRole.MunicipalMethodist, Data.North.Id));
        SouthMethodist = await Data.AddUserAsync("south-mmc", null, (AppRole.MunicipalMethodist, Data.South.Id));
        SchoolMethodist = await Data.AddUserAsync("north-school", null, (AppRole.SchoolMethodist, Data.NorthSchool.Id));
    }

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values) session.Dispose();
        await _region.DisposeAsync();
    }

    public Task<HttpClient> ClientAsync(string login) => _region.Tokens.ClientAsync(login);

    /// <summary>A signed-in browser session, kept for the tests of the class.</summary>
    public async Task<BrowserSession> SessionAsync(string login)
    {
        if (!_sessions.TryGetValue(login, out var session)) _sessions[login] = session = await BrowserSession.SignedInAsync(App, login);
        return session;
    }

    /// <summary>A teacher of the organization with an account of their own; returns the person and the login.</summary>
    public async Task<(Person Person, string Login)> TeacherWithAccountAsync(Organization organization, string lastName)
    {
        var person = await Data.AddTeacherAsync(organization, lastName);
        var login = await Data.AddUserAsync(RegionFixture.UniqueLogin("teacher"), person.Id, (AppRole.Teacher, person.Id));
        return (person, login);
    }

    public async Task<Course> AddCourseAsync(string title, int? quota = null, DateOnly? startsOn = null, DateOnly? endsOn = null, bool federalRegistry = false,
        CourseKind kind = CourseKind.Advanced, CourseForm form = CourseForm.Distance, int hours = 72, Guid? subjectId = null, string provider = "ЦНППМ «Учитель будущего»",
        params Guid[] areas)
    {
        var course = new Course
        {
            Title = title, Provider = provider, Kind = kind, Form = form, Hours = hours, StartsOn = startsOn, EndsOn = endsOn, Quota = quota,
            FederalRegistry = federalRegistry, SubjectId = subjectId,
        };
        foreach (var area in areas.Length == 0 ? [DefaultAreas.Methodical] : areas) course.Areas.Add(new CourseArea { CourseId = course.Id, AreaId = area });
        await InDbAsync(db =>
        {
            db.Courses.Add(course);
            return db.SaveChangesAsync();
        });
        return course;
    }

    public async Task<Enrolment> AddEnrolmentAsync(Course course, Person person, EnrolmentStatus status = EnrolmentStatus.Enrolled)
    {
        var enrolment = new Enrolment { CourseId = course.Id, PersonId = person.Id, Status = status, EnrolledBy = "test" };
        await InDbAsync(db =>
        {
            db.Enrolments.Add(enrolment);
            return db.SaveChangesAsync();
        });
        return enrolment;
    }

    /// <summary>A route of the teacher in the given status with items (section, course, deficit area).</summary>
    public async Task<DevelopmentRoute> AddRouteAsync(Person person, RouteStatus status, params (RouteSection Section, Guid? CourseId, Guid? DeficitAreaId)[] items)
    {
        var route = new DevelopmentRoute
        {
            PersonId = person.Id, Status = status, StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2027, 12, 31), CreatedBy = "test",
            OrganizationId = Data.NorthSchool.Id, MunicipalityId = Data.North.Id,
        };
        var order = 0;
        foreach (var (section, courseId, areaId) in items)
        {
            route.Items.Add(new RouteItem
            {
                RouteId = route.Id, PersonId = person.Id, Section = section, SortOrder = ++order, Title = "Пункт " + order,
                CourseId = courseId, DeficitAreaId = areaId,
            });
        }
        await InDbAsync(db =>
        {
            db.Routes.Add(route);
            return db.SaveChangesAsync();
        });
        return route;
    }

    /// <summary>A diagnostic result with the given level in each area.</summary>
    public Task AddResultAsync(Person person, DateOnly takenOn, params (Guid AreaId, DeficitLevel Level)[] areas) => InDbAsync(db =>
    {
        var result = new DiagnosticResult
        {
            PersonId = person.Id, DiagnosticId = DefaultAreas.ExternalDiagnostic, TakenOn = takenOn, Score = 50,
            Level = areas.Select(a => a.Level).DefaultIfEmpty(DeficitLevel.None).Max(),
        };
        foreach (var (areaId, level) in areas) result.Areas.Add(new DiagnosticResultArea { ResultId = result.Id, AreaId = areaId, Level = level, Score = level == DeficitLevel.None ? 90 : 30 });
        db.DiagnosticResults.Add(result);
        return db.SaveChangesAsync();
    });

    public async Task InDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = App.Scope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> InDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = App.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<List<Enrolment>> EnrolmentsAsync(Course course) =>
        InDbAsync(db => db.Enrolments.AsNoTracking().Where(e => e.CourseId == course.Id).ToListAsync());

    public Task<List<RouteItem>> ItemsAsync(DevelopmentRoute route) =>
        InDbAsync(db => db.RouteItems.AsNoTracking().Where(i => i.RouteId == route.Id).OrderBy(i => i.SortOrder).ToListAsync());
}

/// <summary>Reads any sheet of a workbook by moving it to the front of a copy, where <see cref="XlsxSheet"/> reads it.</summary>
public static class Workbook
{
    public static IReadOnlyList<string> SheetNames(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        return document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
    }

    public static XlsxSheet Sheet(byte[] workbook, string name)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!;
            var wanted = sheets.Elements<Sheet>().Single(s => s.Name == name);
            wanted.Remove();
            sheets.PrependChild(wanted);
            document.WorkbookPart.Workbook.Save();
        }
        return XlsxSheet.Read(stream.ToArray());
    }
}
