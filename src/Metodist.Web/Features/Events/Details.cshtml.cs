using Metodist.Web.Features.Associations;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Events;

/// <summary>
/// The card of an event: details, publication and cancellation for the organizer, registrations with bulk attendance,
/// the teacher's own registration and «в мой маршрут», certificates of participation.
/// </summary>
public sealed class DetailsModel(AppDbContext db, EventService events, AssociationService associations) : PageModel
{
    public MethodicalEvent Event { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public Guid? Me { get; private set; }
    public EventRegistration? Mine { get; private set; }
    public string? PlanTitle { get; private set; }

    /// <summary>Whether the user may open the organizing association's card and plan; otherwise they are named without a link.</summary>
    public bool OrganizerVisible { get; private set; }
    public Guid? PlanId { get; private set; }
    public IReadOnlyList<string> AreaNames { get; private set; } = [];
    public IReadOnlyList<string> AudienceNames { get; private set; } = [];
    public IReadOnlyList<(EventRegistration Registration, int? Queue, string? Organization)> Registrations { get; private set; } = [];
    public bool IsOver => Event.EndsAt < DateTime.UtcNow;

    public DateTime Local(DateTime utc) => events.LocalTime(utc);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var e = await events.FindAsync(id, ct);
        if (e is null) return false;
        Event = e;
        CanManage = await events.CanManageAsync(e, ct);
        Me = (await associations.ScopeAsync(ct)).PersonId;
        Mine = Me is { } me ? e.Registrations.FirstOrDefault(r => r.PersonId == me && r.Status != RegistrationStatus.Cancelled) : null;
        OrganizerVisible = e.AssociationId is { } organizer && await (await associations.VisibleAsync(ct)).AnyAsync(a => a.Id == organizer, ct);
        if (e.PlanItemId is { } itemId)
        {
            var item = await db.PlanItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.PlanId, i.Number, i.Title, i.Plan!.AcademicYear }).FirstOrDefaultAsync(ct);
            if (item is not null)
            {
                PlanId = item.PlanId;
                PlanTitle = $"план {item.AcademicYear}, п. {item.Number}. {item.Title}";
            }
        }
        var areaIds = e.Areas.Select(a => a.AreaId).ToList();
        var subjectIds = e.Subjects.Select(x => x.SubjectId).ToList();
        var positionIds = e.Positions.Select(x => x.PositionId).ToList();
        AudienceNames = (await db.Subjects.AsNoTracking().Where(x => subjectIds.Contains(x.Id)).OrderBy(x => x.Name).Select(x => x.Name).ToListAsync(ct))
            .Concat(await db.Positions.AsNoTracking().Where(x => positionIds.Contains(x.Id)).OrderBy(x => x.SortOrder).Select(x => x.Name.ToLower()).ToListAsync(ct)).ToList();
        AreaNames = await db.CompetenceAreas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).OrderBy(a => a.SortOrder).Select(a => a.Name).ToListAsync(ct);
        if (CanManage)
        {
            var people = e.Registrations.Select(r => r.PersonId).ToList();
            var orgs = await db.Employments.AsNoTracking().Where(x => people.Contains(x.PersonId) && x.IsMain)
                .Select(x => new { x.PersonId, x.Organization!.ShortName }).ToListAsync(ct);
            var byPerson = orgs.GroupBy(o => o.PersonId).ToDictionary(g => g.Key, g => g.First().ShortName);
            var waiting = e.Registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).Select((r, i) => (r.Id, i + 1))
                .ToDictionary(x => x.Id, x => x.Item2);
            Registrations = e.Registrations.OrderBy(r => r.Status).ThenBy(r => r.Person!.LastName).ThenBy(r => r.Person!.FirstName)
                .Select(r => (r, waiting.TryGetValue(r.Id, out var q) ? q : (int?)null, byPerson.GetValueOrDefault(r.PersonId))).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<IActionResult> DoneAsync(Guid id, Op op, string message, CancellationToken ct)
    {
        if (op.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/Events/{id}");
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.AddModelError("", op.Message ?? "Не удалось выполнить действие.");
        Response.StatusCode = op.Status switch
        {
            OpStatus.Forbidden => StatusCodes.Status403Forbidden,
            OpStatus.NotFound => StatusCodes.Status404NotFound,
            OpStatus.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return NotFound();
        return await DoneAsync(id, await events.PublishAsync(e, ct), "Мероприятие опубликовано в календаре.", ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return NotFound();
        return await DoneAsync(id, await events.CancelAsync(e, reason, ct), "Мероприятие отменено; записавшиеся получили уведомление.", ct);
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return NotFound();
        var (op, result) = await events.RegisterAsync(e, null, ct);
        var message = result is { Waitlisted: true } ? $"Мест нет: вы в листе ожидания, № {result.QueuePosition} в очереди." : "Вы записаны на мероприятие.";
        return await DoneAsync(id, op, message, ct);
    }

    public async Task<IActionResult> OnPostUnregisterAsync(Guid id, Guid? personId, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return NotFound();
        var who = personId ?? (await associations.ScopeAsync(ct)).PersonId;
        if (who is not { } pid) return Forbid();
        return await DoneAsync(id, await events.UnregisterAsync(e, pid, ct), "Запись отменена.", ct);
    }

    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, List<Guid> personIds, bool attended, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return NotFound();
        if (personIds.Count == 0) return await DoneAsync(id, Op.Invalid("Отметьте хотя бы одного участника."), "", ct);
        var (op, closed) = await events.MarkAttendanceAsync(e, personIds, attended, ct);
        var message = attended
            ? $"Присутствие отмечено: {personIds.Count} чел." + (closed > 0 ? $" Закрыто пунктов ИОМ: {closed}." : "")
            : $"Отметка присутствия снята: {personIds.Count} чел.";
        return await DoneAsync(id, op, message, ct);
    }

    public async Task<IActionResult> OnPostAddToRouteAsync(Guid id, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return NotFound();
        if ((await associations.ScopeAsync(ct)).PersonId is not { } me) return Forbid();
        var (op, _) = await events.AddToRouteAsync(e, me, ct);
        return await DoneAsync(id, op, "Мероприятие добавлено в ваш индивидуальный образовательный маршрут.", ct);
    }

    /// <summary>A material's file, for those who see the event.</summary>
    public async Task<IActionResult> OnGetMaterialAsync(Guid id, Guid materialId, CancellationToken ct)
    {
        var material = (await events.FindAsync(id, ct))?.Materials.FirstOrDefault(m => m.Id == materialId);
        if (material is null) return NotFound();
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == material.FileId, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostMaterialAsync(Guid id, string? title, IFormFile? file, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return NotFound();
        var (op, _) = await events.AddMaterialAsync(e, title, await Files.UploadedScan.FromAsync(file, ct), ct);
        return await DoneAsync(id, op, "Материал добавлен: он войдёт в отчёт объединения.", ct);
    }

    public async Task<IActionResult> OnPostRemoveMaterialAsync(Guid id, Guid materialId, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return NotFound();
        return await DoneAsync(id, await events.RemoveMaterialAsync(e, materialId, ct), "Материал удалён.", ct);
    }

    /// <summary>The certificate of an attended participant, for the participant themself or the organizer.</summary>
    public async Task<IActionResult> OnGetCertificateAsync(Guid id, Guid personId, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return NotFound();
        var registration = e.Registrations.FirstOrDefault(r => r.PersonId == personId && r.Attended && r.CertificateNumber != null);
        if (registration is null) return NotFound();
        var me = (await associations.ScopeAsync(ct)).PersonId;
        if (me != personId && !await events.CanManageAsync(e, ct)) return NotFound();
        var job = await db.Employments.AsNoTracking().Where(x => x.PersonId == personId).OrderByDescending(x => x.IsMain)
            .Select(x => new { Position = x.Position!.Name, Organization = x.Organization!.ShortName }).FirstOrDefaultAsync(ct);
        var organizer = e.Association?.Name
            ?? (e.MunicipalityId is { } m ? await db.Organizations.Where(o => o.MunicipalityId == m && o.Kind == Registry.OrganizationKind.MunicipalService).Select(o => o.ShortName).FirstOrDefaultAsync(ct) : null)
            ?? "Региональный центр научно-методического сопровождения педагогических работников";
        var signatory = e.Association?.LeaderPersonId is { } leader ? (await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == leader, ct))?.ShortName : null;
        var content = new CertificateContent(registration.CertificateNumber!, registration.Person!.FullName, job?.Position, job?.Organization, e.Title, e.Kind.Title(),
            events.LocalDay(e.StartsAt), e.Hours, organizer, e.VenueOrganization?.ShortName ?? e.VenueNote, signatory);
        return File(EventDocx.Certificate(content), EventDocx.ContentType, EventDocx.FileName(content));
    }
}
