using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Courses;

/// <summary>For whom and for when: an organization (or, when none is given, a municipality) and the period the courses start in.</summary>
public sealed record PlanRequest(Guid? OrganizationId, Guid? MunicipalityId, DateOnly From, DateOnly To);

/// <summary>One course of the plan: how many teachers it is asked for, how many of them only by a draft route.</summary>
public sealed record PlanCourse(CourseRow Course, int Teachers, int FromDrafts)
{
    public int TeacherHours => Teachers * Course.Hours;
}

/// <summary>
/// One line of the teachers' list: a teacher and a course their route plans (or no course, when the line is there for the
/// needs alone), with the deficit areas of their latest diagnostic that no course of their routes answers.
/// </summary>
public sealed record PlanLine(
    Guid PersonId, string FullName, string OrganizationName, string? PositionName, CourseRow? Course, RouteSection? Section,
    RouteStatus? RouteStatus, EnrolmentStatus? Enrolment, IReadOnlyList<string> NeedsWithoutCourse)
{
    public bool FromDraft => RouteStatus == Routes.RouteStatus.Draft;
}

public sealed record PlanReport(string UnitName, DateOnly From, DateOnly To, int TeachersInUnit, IReadOnlyList<PlanCourse> Courses, IReadOnlyList<PlanLine> Lines)
{
    public int TeachersWithCourses => Lines.Where(l => l.Course is not null).Select(l => l.PersonId).Distinct().Count();
    public int TeachersWithNeeds => Lines.Where(l => l.NeedsWithoutCourse.Count > 0).Select(l => l.PersonId).Distinct().Count();
}

/// <summary>
/// The plan-application for courses (план-заявка) of an organization or a municipality: the catalogue courses that the open
/// routes (ИОМ) of its teachers name in sections 1.1 and 1.2 and that start in the period, and the deficits left without a course.
/// </summary>
public sealed class CoursePlans(AppDbContext db, CourseCatalogue catalogue)
{
    /// <summary>A course belongs to the period it starts in; a course without dates belongs to every period.</summary>
    public static bool StartsWithin(CourseRow course, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(course);
        return (course.StartsOn ?? course.EndsOn) is not { } date || (date >= from && date <= to);
    }

    /// <summary>The plan, or null when the organization or municipality does not exist or lies outside the user's scope.</summary>
    public async Task<PlanReport?> BuildAsync(UserScope scope, PlanRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        var unit = await UnitAsync(scope, request, ct);
        if (unit is null) return null;
        // Everyone employed in a unit of the scope is inside the scope: no further check of each person is needed.
        var employments = unit.Value.Employments;
        var teacherIds = employments.Select(e => e.PersonId);

        var staff = await employments.AsNoTracking()
            .Select(e => new
            {
                e.PersonId, e.IsMain, e.StartDate, e.Person!.LastName, e.Person.FirstName, e.Person.MiddleName,
                Organization = e.Organization!.ShortName, Position = e.Position!.Name,
            })
            .ToListAsync(ct);
        var teachers = staff.GroupBy(s => s.PersonId)
            .Select(g => g.OrderByDescending(s => s.IsMain).ThenBy(s => s.StartDate ?? DateOnly.MaxValue).First())
            .ToDictionary(s => s.PersonId);

        var items = await db.RouteItems.AsNoTracking()
            .Where(i => (i.Section == RouteSection.Courses || i.Section == RouteSection.Internship) && i.CourseId != null
                        && i.Route!.Status != RouteStatus.Completed && i.Route.Status != RouteStatus.NotCompleted
                        && teacherIds.Contains(i.PersonId))
            .Select(i => new { i.PersonId, CourseId = i.CourseId!.Value, i.Section, i.DeficitAreaId, RouteStatus = i.Route!.Status })
            .ToListAsync(ct);
        var courses = await catalogue.ByIdsAsync(items.Select(i => i.CourseId).ToList(), ct);
        var courseIds = courses.Keys.ToArray();
        var enrolments = (await db.Enrolments.AsNoTracking()
                .Where(e => courseIds.Contains(e.CourseId) && e.Status != EnrolmentStatus.Cancelled && teacherIds.Contains(e.PersonId))
                .Select(e => new { e.PersonId, e.CourseId, e.Status })
                .ToListAsync(ct))
            .GroupBy(e => (e.PersonId, e.CourseId))
            .ToDictionary(g => g.Key, g => g.Any(e => e.Status == EnrolmentStatus.Completed) ? EnrolmentStatus.Completed : EnrolmentStatus.Enrolled);
        var needs = await DeficitsAsync(teacherIds, ct);

        var lines = new List<PlanLine>();
        foreach (var teacher in teachers.Values.OrderBy(t => t.LastName, StringComparer.Ordinal).ThenBy(t => t.FirstName, StringComparer.Ordinal)
                     .ThenBy(t => t.MiddleName, StringComparer.Ordinal).ThenBy(t => t.PersonId))
        {
            var own = items.Where(i => i.PersonId == teacher.PersonId && courses.ContainsKey(i.CourseId)).ToList();
            var covered = own.SelectMany(i => courses[i.CourseId].Areas.Select(a => a.Id).Append(i.DeficitAreaId ?? Guid.Empty)).ToHashSet();
            var uncovered = needs.TryGetValue(teacher.PersonId, out var deficits)
                ? deficits.Where(d => !covered.Contains(d.Id)).Select(d => d.Name).ToList()
                : [];
            var fullName = string.IsNullOrEmpty(teacher.MiddleName) ? $"{teacher.LastName} {teacher.FirstName}" : $"{teacher.LastName} {teacher.FirstName} {teacher.MiddleName}";
            // A course named by two open routes (a draft and an approved one) counts once, by the route furthest along.
            var planned = own.Where(i => StartsWithin(courses[i.CourseId], request.From, request.To))
                .GroupBy(i => i.CourseId)
                .Select(g => g.OrderByDescending(i => i.RouteStatus != RouteStatus.Draft).First())
                .OrderBy(i => courses[i.CourseId].StartsOn ?? DateOnly.MaxValue).ThenBy(i => courses[i.CourseId].Title, StringComparer.Ordinal)
                .ToList();
            foreach (var item in planned)
            {
                lines.Add(new PlanLine(teacher.PersonId, fullName, teacher.Organization, teacher.Position, courses[item.CourseId], item.Section, item.RouteStatus,
                    enrolments.TryGetValue((teacher.PersonId, item.CourseId), out var status) ? status : null, uncovered));
            }
            if (planned.Count == 0 && uncovered.Count > 0)
                lines.Add(new PlanLine(teacher.PersonId, fullName, teacher.Organization, teacher.Position, null, null, null, null, uncovered));
        }

        var summary = lines.Where(l => l.Course is not null)
            .GroupBy(l => l.Course!.Id)
            .Select(g => new PlanCourse(g.First().Course!, g.Select(l => l.PersonId).Distinct().Count(), g.Count(l => l.FromDraft)))
            .OrderBy(c => c.Course.StartsOn ?? DateOnly.MaxValue).ThenBy(c => c.Course.Title, StringComparer.Ordinal)
            .ToList();
        return new PlanReport(unit.Value.Name, request.From, request.To, teachers.Count, summary, lines);
    }

    private async Task<(string Name, IQueryable<Registry.Employment> Employments)?> UnitAsync(UserScope scope, PlanRequest request, CancellationToken ct)
    {
        if (request.OrganizationId is { } organizationId)
        {
            var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
                .Select(o => new { o.ShortName, o.MunicipalityId }).FirstOrDefaultAsync(ct);
            if (organization is null || !scope.CoversOrganization(organizationId, organization.MunicipalityId)) return null;
            return (organization.ShortName, db.Employments.Where(e => e.OrganizationId == organizationId));
        }
        if (request.MunicipalityId is { } municipalityId && scope.CoversMunicipality(municipalityId))
        {
            var name = await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct);
            return name is null ? null : (name, db.Employments.Where(e => e.MunicipalityId == municipalityId));
        }
        return null;
    }

    /// <summary>The deficit areas (partial or pronounced) of each teacher's latest diagnostic result, in the framework's order.</summary>
    private async Task<Dictionary<Guid, List<(Guid Id, string Name)>>> DeficitsAsync(IQueryable<Guid> teacherIds, CancellationToken ct)
    {
        var results = await db.DiagnosticResults.AsNoTracking().Where(r => teacherIds.Contains(r.PersonId))
            .Select(r => new { r.Id, r.PersonId, r.TakenOn, r.CreatedAt }).ToListAsync(ct);
        var latest = results.GroupBy(r => r.PersonId)
            .ToDictionary(g => g.OrderByDescending(r => r.TakenOn).ThenByDescending(r => r.CreatedAt).First().Id, g => g.Key);
        var latestIds = latest.Keys.ToArray();
        var areas = await db.DiagnosticResultAreas.AsNoTracking()
            .Where(a => latestIds.Contains(a.ResultId) && a.Level != DeficitLevel.None)
            .Select(a => new { a.ResultId, a.AreaId, a.Area!.Name, a.Area.SortOrder })
            .ToListAsync(ct);
        return areas.GroupBy(a => latest[a.ResultId])
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.SortOrder).ThenBy(a => a.Name, StringComparer.Ordinal).Select(a => (a.AreaId, a.Name)).ToList());
    }
}
