using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Routes;

/// <summary>Diagnostic results, catalogue courses and routes written straight into the database of a test app.</summary>
public static class RouteTestData
{
    /// <summary>The app's "today": tests run with the region clock set to the machine's time zone.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A result of the external diagnostic (thresholds 70 and 40) with the given score per area, levels computed as an import would.</summary>
    public static async Task<DiagnosticResult> AddResultAsync(this TestApp app, Guid personId, DateOnly takenOn, params (Guid AreaId, int Score)[] scores)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var diagnostic = await db.Diagnostics.SingleAsync(d => d.Id == DefaultAreas.ExternalDiagnostic);
        var result = new DiagnosticResult { PersonId = personId, DiagnosticId = diagnostic.Id, TakenOn = takenOn };
        Scoring.Apply(result, diagnostic, scores.ToDictionary(s => s.AreaId, s => s.Score));
        db.DiagnosticResults.Add(result);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>A course of the catalogue that develops the given areas; no dates and no limit of places unless given.</summary>
    public static async Task<Course> AddCourseAsync(this TestApp app, string title, Guid[] areas, bool federalRegistry = false,
        CourseKind kind = CourseKind.Advanced, Guid? subjectId = null, DateOnly? startsOn = null, DateOnly? endsOn = null, int? quota = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var course = new Course
        {
            Title = title, Provider = "ГАОУ ДПО «Институт развития образования»", Kind = kind, Hours = 36, Form = CourseForm.Distance,
            FederalRegistry = federalRegistry, SubjectId = subjectId, StartsOn = startsOn, EndsOn = endsOn, Quota = quota,
        };
        course.Areas.AddRange(areas.Select(a => new CourseArea { CourseId = course.Id, AreaId = a }));
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course;
    }

    /// <summary>Enrols the person on the course in the given state.</summary>
    public static async Task EnrolAsync(this TestApp app, Guid personId, Guid courseId, EnrolmentStatus status)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Enrolments.Add(new Enrolment { PersonId = personId, CourseId = courseId, Status = status, EnrolledBy = "test" });
        await db.SaveChangesAsync();
    }

    /// <summary>Makes the teacher's main employment one of the given subject only.</summary>
    public static async Task TeachesAsync(this TestApp app, Guid personId, Guid subjectId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var employment = await db.Employments.Include(e => e.Subjects).SingleAsync(e => e.PersonId == personId);
        employment.Subjects.Clear();
        employment.Subjects.Add(new EmploymentSubject { EmploymentId = employment.Id, SubjectId = subjectId });
        await db.SaveChangesAsync();
    }

    /// <summary>A route of the teacher at the school in the given state, with one course item, for the current academic year.</summary>
    public static async Task<DevelopmentRoute> AddRouteAsync(this TestApp app, Person teacher, Organization school, RouteStatus status, Guid? tutorPersonId = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (start, end) = RouteDrafter.Period(Today);
        var route = new DevelopmentRoute
        {
            PersonId = teacher.Id, Status = status, MunicipalityId = school.MunicipalityId, OrganizationId = school.Id, OrganizationName = school.ShortName,
            StartsOn = start, EndsOn = end, TutorPersonId = tutorPersonId, CreatedBy = "test",
        };
        route.Items.Add(new RouteItem { RouteId = route.Id, PersonId = teacher.Id, Section = RouteSection.Courses, SortOrder = 1, Title = "Функциональная грамотность" });
        db.Routes.Add(route);
        await db.SaveChangesAsync();
        return route;
    }

    /// <summary>Reads from the app's database in a scope of its own.</summary>
    public static async Task<T> ReadAsync<T>(this TestApp app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
