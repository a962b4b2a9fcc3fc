using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Courses;

/// <summary>Creates (no id) or edits a course of the catalogue; only the region administrator keeps the catalogue.</summary>
[Authorize(Policy = AuthSetup.RegionAdminPolicy)]
public sealed class EditModel(AppDbContext db, CourseCatalogue catalogue) : PageModel
{
    [BindProperty] public CourseInput Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public Dictionary<string, string> Errors { get; private set; } = [];
    public IReadOnlyList<AreaRef> Areas { get; private set; } = [];
    public IReadOnlyList<Option> Subjects { get; private set; } = [];

    public string? Error(string key) => Errors.TryGetValue(key, out var message) ? message : null;

    public string Invalid(string key) => Errors.ContainsKey(key) ? "input-validation-error" : "";

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } courseId)
        {
            var course = await db.Courses.AsNoTracking().Include(c => c.Areas).FirstOrDefaultAsync(c => c.Id == courseId, ct);
            if (course is null) return NotFound();
            Input = CourseInput.From(course);
        }
        Id = id;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Course? course = null;
        if (id is { } courseId)
        {
            course = await db.Courses.Include(c => c.Areas).FirstOrDefaultAsync(c => c.Id == courseId, ct);
            if (course is null) return NotFound();
        }
        Id = id;
        await LoadChoicesAsync(ct);
        Errors = Input.Validate();
        if (Input.AreaIds.Any(a => Areas.All(known => known.Id != a))) Errors.TryAdd(nameof(CourseInput.AreaIds), "Выбрана неизвестная область компетенций.");
        if (Input.SubjectId is { } subjectId && Subjects.All(s => s.Value != subjectId.ToString())) Errors.TryAdd(nameof(CourseInput.SubjectId), "Предмет не найден в справочнике.");
        if (course is not null && Input.Quota is { } quota && !Errors.ContainsKey(nameof(CourseInput.Quota)))
        {
            var taken = await db.Enrolments.CountAsync(e => e.CourseId == course.Id && e.Status != EnrolmentStatus.Cancelled, ct);
            if (quota < taken) Errors[nameof(CourseInput.Quota)] = $"На курс уже записано {taken}: квота не может быть меньше.";
        }
        if (Errors.Count > 0) return Page();

        if (course is null)
        {
            course = new Course();
            db.Courses.Add(course);
        }
        Input.ApplyTo(course);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = id is null ? "Курс добавлен в каталог." : "Изменения сохранены.";
        return Redirect($"/Courses/{course.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Areas = await catalogue.AreasAsync(ct);
        Subjects = await db.Subjects.AsNoTracking().OrderBy(s => s.Name).Select(s => new Option(s.Id, s.Name)).ToListAsync(ct);
    }
}
