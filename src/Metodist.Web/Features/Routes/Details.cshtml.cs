using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry.Teachers;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Routes;

public sealed class DetailsModel(AppDbContext db, RouteService routes, ResultAccess results) : PageModel
{
    public DevelopmentRoute Route { get; private set; } = null!;
    public RouteActor Actor { get; private set; } = RouteActor.Nobody;
    public IReadOnlyList<RouteStatus> Next { get; private set; } = [];
    public DeficitProfile? Profile { get; private set; }
    public List<Option> Areas { get; private set; } = [];
    public List<Option> Courses { get; private set; } = [];
    public List<Option> Tutors { get; private set; } = [];

    [TempData] public string? Error { get; set; }

    public bool CanAgree => RouteWorkflow.CheckAgreement(Route, Actor).Allowed;
    public bool IsDraftEditable => Route.Status == RouteStatus.Draft && Actor.CanEditDraft;
    public bool IsFollowed => Route.Status is RouteStatus.Approved or RouteStatus.InProgress;
    public DateOnly Today => routes.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Route.ResultId is { } resultId)
        {
            Profile = (await results.HistoryAsync(Route.PersonId, ct))?.FirstOrDefault(p => p.ResultId == resultId);
            if (Profile is not null) await results.RecordViewAsync(Route.PersonId, resultId, "ИОМ", ct);
        }
        Areas = await db.CompetenceAreas.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.SortOrder).Select(a => new Option(a.Id, a.Name)).ToListAsync(ct);
        if (IsDraftEditable)
        {
            var rows = await db.Courses.AsNoTracking().Where(c => c.EndsOn == null || c.EndsOn >= Route.StartsOn)
                .OrderBy(c => c.Title).Select(c => new { c.Id, c.Title, c.Hours, c.Kind }).Take(500).ToListAsync(ct);
            Courses = rows.Select(c => new Option(c.Id, $"{c.Title} ({c.Hours} ч., {c.Kind.Title()})")).ToList();
        }
        if (Actor.IsMethodist)
        {
            var tutorPersons = await db.RoleAssignments.AsNoTracking().Where(r => r.Role == AppRole.Tutor)
                .Select(r => r.User!.PersonId).Where(p => p != null).Distinct().ToListAsync(ct);
            if (Route.TutorPersonId is { } current) tutorPersons.Add(current);
            var people = await db.Persons.AsNoTracking().Where(p => tutorPersons.Contains(p.Id) && p.Id != Route.PersonId)
                .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToListAsync(ct);
            Tutors = people.Select(p => new Option(p.Id, $"{p.LastName} {p.FirstName} {p.MiddleName}".TrimEnd())).ToList();
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var route = await routes.FindAsync(id, ct);
        if (route is null) return false;
        Route = route;
        Actor = await routes.ActorAsync(route, ct);
        Next = RouteWorkflow.Allowed(route.Status, Actor);
        return true;
    }

    private IActionResult Done(RouteOp op, string success, string? anchor = null)
    {
        if (op.Succeeded) TempData["Message"] = success;
        else Error = op.Message;
        return Redirect($"/Routes/{Route.Id}" + (anchor is null ? "" : "#" + anchor));
    }

    public async Task<IActionResult> OnPostTransitionAsync(Guid id, string to, string? comment, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (RouteTitles.ParseStatus(to) is not { } status) return BadRequest();
        var op = await routes.TransitionAsync(Route, status, comment, ct);
        return Done(op, $"Маршрут переведён в состояние «{status.Title()}».");
    }

    public async Task<IActionResult> OnPostAgreeAsync(Guid id, string? comment, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Done(await routes.AgreeAsync(Route, comment, ct), "Маршрут согласован образовательной организацией и ждёт утверждения ЦНППМ.");
    }

    public async Task<IActionResult> OnPostHeaderAsync(Guid id, string? goal, DateOnly startsOn, DateOnly endsOn, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Done(await routes.UpdateHeaderAsync(Route, goal, startsOn, endsOn, ct), "Сведения маршрута сохранены.");
    }

    public sealed class ItemForm
    {
        public string? Section { get; set; }
        public string? Title { get; set; }
        public string? Details { get; set; }
        public int? Hours { get; set; }
        public string? Status { get; set; }
        public DateOnly? Deadline { get; set; }
        public Guid? DeficitAreaId { get; set; }
        public Guid? CourseId { get; set; }
    }

    private async Task<RouteItemInput?> InputAsync(ItemForm form, CancellationToken ct)
    {
        if (RouteTitles.ParseSection(form.Section) is not { } section) return null;
        if (form.CourseId is { } courseId && await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, ct) is { } course)
        {
            form.Title = string.IsNullOrWhiteSpace(form.Title) ? course.Title : form.Title;
            form.Details = string.IsNullOrWhiteSpace(form.Details)
                ? CourseTitles.Details(course.Form, course.Hours, course.Provider, course.FederalRegistry)
                : form.Details;
            form.Hours ??= course.Hours;
            form.Deadline ??= course.EndsOn is { } end && end <= Route.EndsOn ? end : null;
        }
        return new RouteItemInput(section, form.Title, form.Details, form.Hours, form.Status, form.Deadline, form.DeficitAreaId);
    }

    public async Task<IActionResult> OnPostAddItemAsync(Guid id, ItemForm item, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await InputAsync(item, ct) is not { } input) return BadRequest();
        var (op, added) = await routes.AddItemAsync(Route, input, ct);
        if (op.Succeeded && item.CourseId is { } courseId && added is not null)
        {
            added.CourseId = courseId;
            await db.SaveChangesAsync(ct);
        }
        return Done(op, "Пункт добавлен.", "section-" + input.Section);
    }

    public async Task<IActionResult> OnPostUpdateItemAsync(Guid id, Guid itemId, ItemForm item, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var existing = Route.Items.FirstOrDefault(i => i.Id == itemId);
        if (existing is null || await InputAsync(item, ct) is not { } input) return NotFound();
        return Done(await routes.UpdateItemAsync(Route, existing, input, ct), "Пункт изменён.", "item-" + itemId);
    }

    public async Task<IActionResult> OnPostRemoveItemAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var existing = Route.Items.FirstOrDefault(i => i.Id == itemId);
        if (existing is null) return NotFound();
        return Done(await routes.RemoveItemAsync(Route, existing, ct), "Пункт удалён.");
    }

    public async Task<IActionResult> OnPostReflectionAsync(Guid id, Guid itemId, string? reflection, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var existing = Route.Items.FirstOrDefault(i => i.Id == itemId);
        if (existing is null) return NotFound();
        return Done(await routes.SaveReflectionAsync(Route, existing, reflection, ct), "Рефлексивный отчёт сохранён.", "item-" + itemId);
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, Guid itemId, bool done, string? evidence, DateOnly? doneOn, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var existing = Route.Items.FirstOrDefault(i => i.Id == itemId);
        if (existing is null) return NotFound();
        return Done(await routes.SetDoneAsync(Route, existing, done, evidence, doneOn, ct), done ? "Пункт отмечен выполненным." : "Отметка о выполнении снята.", "item-" + itemId);
    }

    public async Task<IActionResult> OnPostTutorAsync(Guid id, Guid? tutorId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Done(await routes.SetTutorAsync(Route, tutorId, ct), tutorId is null ? "Тьютор снят." : "Тьютор назначен.");
    }
}
