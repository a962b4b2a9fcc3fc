using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Courses;

public sealed record MyEnrolment(Guid Id, CourseRow Course, EnrolmentStatus Status, DateTime EnrolledAt, DateOnly? CompletedOn, string? CertificateNumber, Guid? CertificateFileId);

/// <summary>«Мои курсы»: the user's own enrolments, and the courses their open routes plan that they have not enrolled in yet.</summary>
public sealed class MyModel(AppDbContext db, CurrentUser currentUser, CourseCatalogue catalogue) : PageModel
{
    public bool HasPerson { get; private set; }
    public IReadOnlyList<MyEnrolment> Enrolments { get; private set; } = [];
    public IReadOnlyList<CourseRow> FromRoutes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if (scope.PersonId is not { } personId) return;
        HasPerson = true;
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.PersonId == personId)
            .Select(e => new { e.Id, e.CourseId, e.Status, e.EnrolledAt, e.CompletedOn, e.CertificateNumber, e.CertificateFileId })
            .ToListAsync(ct);
        var planned = await db.RouteItems.AsNoTracking()
            .Where(i => i.PersonId == personId && i.CourseId != null && i.EnrolmentId == null
                        && i.Route!.Status != RouteStatus.Completed && i.Route.Status != RouteStatus.NotCompleted)
            .Select(i => i.CourseId!.Value).Distinct().ToListAsync(ct);
        var courses = await catalogue.ByIdsAsync(enrolments.Select(e => e.CourseId).Concat(planned).ToList(), ct);
        Enrolments = enrolments.Where(e => courses.ContainsKey(e.CourseId))
            .Select(e => new MyEnrolment(e.Id, courses[e.CourseId], e.Status, e.EnrolledAt, e.CompletedOn, e.CertificateNumber, e.CertificateFileId))
            .OrderBy(e => e.Status == EnrolmentStatus.Cancelled).ThenByDescending(e => e.Course.StartsOn ?? DateOnly.MinValue).ThenBy(e => e.Course.Title, StringComparer.Ordinal)
            .ToList();
        var held = enrolments.Where(e => e.Status != EnrolmentStatus.Cancelled).Select(e => e.CourseId).ToHashSet();
        FromRoutes = planned.Where(id => !held.Contains(id) && courses.ContainsKey(id)).Select(id => courses[id])
            .OrderBy(c => c.StartsOn ?? DateOnly.MaxValue).ThenBy(c => c.Title, StringComparer.Ordinal).ToList();
    }
}
