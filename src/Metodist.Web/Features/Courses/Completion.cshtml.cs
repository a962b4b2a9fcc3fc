using Metodist.Web.Features.Files;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Courses;

/// <summary>The end of study of one enrolment: date, certificate number and an optional scan; closes the course's items of the teacher's routes.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[RequestSizeLimit(MaxRequestBytes)]
public sealed class CompletionModel(AppDbContext db, CourseEnrolments enrolments) : PageModel
{
    // Room above the 10 MB of the scan, so that a larger file gets a message next to the field rather than an error page.
    private const int MaxRequestBytes = 64 * 1024 * 1024;

    public Guid CourseId { get; private set; }
    public string CourseTitle { get; private set; } = "";
    public DateOnly? CourseEndsOn { get; private set; }
    public string TeacherName { get; private set; } = "";
    public Guid? CurrentScanId { get; private set; }

    [BindProperty] public DateOnly? CompletedOn { get; set; }
    [BindProperty] public string? CertificateNumber { get; set; }
    [BindProperty] public IFormFile? Scan { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? Error(string key) => Errors.TryGetValue(key, out var message) ? message : null;

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken ct)
    {
        var enrolment = await LoadAsync(enrolmentId, ct);
        if (enrolment is null) return NotFound();
        // The course's last day is the likely date on the certificate; a course still running suggests today.
        CompletedOn = enrolment.CompletedOn ?? (CourseEndsOn is { } end && end < enrolments.Today ? end : enrolments.Today);
        CertificateNumber = enrolment.CertificateNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, CancellationToken ct)
    {
        if (await LoadAsync(enrolmentId, ct) is null) return NotFound();
        var scan = await UploadedScan.FromAsync(Scan, ct);
        var outcome = await enrolments.CompleteAsync(enrolmentId, new CompletionInput(CompletedOn, CertificateNumber, scan), ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors.Count > 0 ? outcome.Errors : new Dictionary<string, string> { [""] = outcome.Message! };
            return Page();
        }
        TempData["Message"] = "Обучение отмечено завершённым." + (outcome.RouteItems > 0 ? $" Закрыто пунктов ИОМ: {outcome.RouteItems}." : "");
        return Redirect($"/Courses/{CourseId}");
    }

    private async Task<Enrolment?> LoadAsync(Guid enrolmentId, CancellationToken ct)
    {
        var enrolment = await enrolments.FindVisibleAsync(enrolmentId, ct);
        if (enrolment is null) return null;
        var header = await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId)
            .Select(e => new { e.Course!.Title, e.Course.EndsOn, e.Person!.LastName, e.Person.FirstName, e.Person.MiddleName })
            .FirstAsync(ct);
        CourseId = enrolment.CourseId;
        CourseTitle = header.Title;
        CourseEndsOn = header.EndsOn;
        TeacherName = new Registry.Person { LastName = header.LastName, FirstName = header.FirstName, MiddleName = header.MiddleName }.FullName;
        CurrentScanId = enrolment.CertificateFileId;
        return enrolment;
    }
}
