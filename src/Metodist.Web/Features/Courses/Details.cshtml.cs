using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Courses;

public sealed record EnrolledRow(Guid Id, Guid PersonId, string FullName, EnrolmentStatus Status, DateTime EnrolledAt, DateOnly? CompletedOn,
    string? CertificateNumber, Guid? CertificateFileId);

/// <summary>
/// The course card: what, when, areas and places; the enrolled teachers the user may see (the others only counted);
/// enrolment of oneself or, for methodists, of a teacher found by name; cancellation.
/// </summary>
public sealed class DetailsModel(AppDbContext db, CurrentUser currentUser, CourseCatalogue catalogue, CourseEnrolments enrolments, TeacherList teachers) : PageModel
{
    public CourseRow Course { get; private set; } = null!;
    public IReadOnlyList<EnrolledRow> Enrolled { get; private set; } = [];

    /// <summary>Teachers outside the user's scope who hold a place: counted, not named.</summary>
    public int OthersEnrolled { get; private set; }

    public EnrolledRow? Own { get; private set; }
    public bool CanEnrolSelf { get; private set; }
    public bool CanEnrolOthers { get; private set; }
    public bool CanEdit { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Teacher { get; set; }

    public IReadOnlyList<TeacherRow> Found { get; private set; } = [];
    public int FoundTotal { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync(Guid id, Guid? personId, CancellationToken ct)
    {
        var outcome = await enrolments.EnrolAsync(id, personId, ct);
        if (outcome.Succeeded)
        {
            var self = outcome.Enrolment!.PersonId == (await currentUser.ScopeAsync(ct)).PersonId;
            TempData["Message"] = (self ? "Вы записаны на курс." : "Педагог записан на курс.") + LinkedItems(outcome.RouteItems);
            return Redirect($"/Courses/{id}");
        }
        return await FailedAsync(id, outcome, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, Guid enrolmentId, CancellationToken ct)
    {
        var enrolment = await enrolments.FindVisibleAsync(enrolmentId, ct);
        if (enrolment is null || enrolment.CourseId != id) return NotFound();
        var outcome = await enrolments.CancelAsync(enrolmentId, ct);
        if (!outcome.Succeeded) return await FailedAsync(id, outcome, ct);
        TempData["Message"] = "Запись на курс отменена, место освобождено.";
        return Redirect($"/Courses/{id}");
    }

    private static string LinkedItems(int count) => count == 0 ? "" : $" Запись связана с пунктом ИОМ ({count}).";

    private async Task<IActionResult> FailedAsync(Guid id, EnrolmentOutcome outcome, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Error = outcome.Message;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var course = await catalogue.FindAsync(id, ct);
        if (course is null) return false;
        Course = course;
        var scope = await currentUser.ScopeAsync(ct);
        CanEdit = scope.IsRegionAdmin;
        CanEnrolOthers = scope.IsMethodist;
        var visible = scope.PrivatePersons(db.Persons).Select(p => p.Id);
        var rows = await db.Enrolments.AsNoTracking().Where(e => e.CourseId == id && visible.Contains(e.PersonId))
            .Select(e => new { e.Id, e.PersonId, e.Person!.LastName, e.Person.FirstName, e.Person.MiddleName, e.Status, e.EnrolledAt, e.CompletedOn, e.CertificateNumber, e.CertificateFileId })
            .ToListAsync(ct);
        Enrolled = rows
            .Select(e => new EnrolledRow(e.Id, e.PersonId, new Person { LastName = e.LastName, FirstName = e.FirstName, MiddleName = e.MiddleName }.FullName,
                e.Status, e.EnrolledAt, e.CompletedOn, e.CertificateNumber, e.CertificateFileId))
            .OrderBy(e => e.Status == EnrolmentStatus.Cancelled).ThenBy(e => e.FullName, StringComparer.Ordinal).ThenBy(e => e.EnrolledAt)
            .ToList();
        OthersEnrolled = course.Taken - Enrolled.Count(e => e.Status != EnrolmentStatus.Cancelled);
        Own = scope.PersonId is { } self ? Enrolled.FirstOrDefault(e => e.PersonId == self && e.Status != EnrolmentStatus.Cancelled) : null;
        CanEnrolSelf = scope.PersonId is not null && Own is null;
        if (CanEnrolOthers && !string.IsNullOrWhiteSpace(Teacher))
        {
            var found = await teachers.PageAsync(scope, new TeacherFilter { Search = Teacher, PageSize = 20 }, ct);
            Found = found.Items;
            FoundTotal = found.Total;
        }
        return true;
    }

    /// <summary>Whether the found teacher already holds a place on this course.</summary>
    public bool IsEnrolled(Guid personId) => Enrolled.Any(e => e.PersonId == personId && e.Status != EnrolmentStatus.Cancelled);
}
