using System.Globalization;
using Metodist.Web.Features.Associations;
using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Events;

public sealed record CreateEventRequest(
    string? Title, string? Kind, string? Start, string? End, Guid? VenueOrganizationId, int? Capacity, Guid? AssociationId, Guid? PlanItemId,
    string? Description, string? VenueNote, string? OnlineUrl, string? Audience, decimal? Hours, List<Guid>? ResponsibleIds, List<Guid>? AreaIds,
    List<Guid>? SubjectIds, Guid? MunicipalityId, bool? Publish, string? Status);

public sealed record RegistrationRequest(Guid? TeacherId);

public sealed record AttendanceRequest(List<Guid>? TeacherIds, bool? Attended);

public sealed record CancelEventRequest(string? Reason);

public sealed record EventView(
    Guid Id, string Title, string Kind, string KindName, DateTime Start, DateTime End, string LocalStart, string LocalEnd, Guid? VenueOrganizationId,
    string? Venue, string? VenueNote, string? OnlineUrl, Guid? AssociationId, string? Association, Guid? MunicipalityId, Guid? PlanItemId, int? Capacity,
    int Registered, int Waitlisted, int Attended, string? Audience, decimal? Hours, string Status, string StatusName, string? Description);

public sealed record EventItems(IReadOnlyList<EventView> Items, int Total, int Page, int PageSize);

public sealed record RegistrationView(Guid Id, Guid EventId, Guid TeacherId, string Status, bool Waitlisted, int? QueuePosition, bool Attended);

public sealed record AttendanceView(Guid EventId, int Marked, int Attended, int RouteItemsClosed, IReadOnlyList<Guid> TeacherIds);

/// <summary>The API of events: the contract of the issue holds exactly.</summary>
public static class EventsApi
{
    public static void MapEventsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Мероприятия");
        group.MapPost("/", CreateAsync).WithSummary("Создаёт мероприятие: title, kind, start, end, venueOrganizationId, capacity, associationId, planItemId; publish=true публикует сразу");
        group.MapGet("/", ListAsync).WithSummary("Мероприятия: from, to, status, associationId, municipalityId, page");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("Мероприятие");
        group.MapPost("/{id:guid}/publish", PublishAsync).WithSummary("Публикует мероприятие в календаре");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithSummary("Отменяет мероприятие: reason");
        group.MapPost("/{id:guid}/registrations", RegisterAsync).WithSummary("Запись педагога: teacherId; при заполненных местах — лист ожидания (waitlisted: true)");
        group.MapDelete("/{id:guid}/registrations/{teacherId:guid}", UnregisterAsync).WithSummary("Отмена записи; первый из листа ожидания получает место");
        group.MapPost("/{id:guid}/attendance", AttendanceAsync).WithSummary("Отметка присутствия: teacherIds (attended=false снимает отметку); закрывает пункты ИОМ");
    }

    /// <summary>An ISO date-time: with an offset or Z it is that instant; without one it is the region's wall-clock time.</summary>
    internal static DateTime? ParseInstant(string? text, EventService events)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(value, @"T.*[+-]\d{2}:?\d{2}$");
        if (hasOffset && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset)) return offset.UtcDateTime;
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || DateTime.TryParseExact(value, ["dd.MM.yyyy HH:mm", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
            return events.ToUtc(local);
        return null;
    }

    private static async Task<Results<Created<EventView>, ProblemHttpResult>> CreateAsync(CreateEventRequest? request, EventService events, CancellationToken ct)
    {
        if (request is null) return Problems.BadRequest("Передайте мероприятие: title, kind, start, end.");
        var kind = EventKind.Meeting;
        if (!string.IsNullOrWhiteSpace(request.Kind))
        {
            if (AssociationTitles.ParseEventKind(request.Kind) is not { } parsed)
                return Problems.BadRequest($"Вид мероприятия «{request.Kind}» не распознан. Допустимые значения: {AssociationTitles.AllowedEventKinds}.");
            kind = parsed;
        }
        var start = ParseInstant(request.Start, events);
        if (request.Start is not null && start is null) return Problems.BadRequest("Начало (start) — дата и время в формате ISO 8601, например 2026-03-12T15:00.");
        var end = ParseInstant(request.End, events);
        if (request.End is not null && end is null) return Problems.BadRequest("Окончание (end) — дата и время в формате ISO 8601, например 2026-03-12T17:00.");
        var publish = request.Publish == true || string.Equals(request.Status, "published", StringComparison.OrdinalIgnoreCase);
        var (op, e) = await events.CreateAsync(new NewEvent(request.Title, kind, start, end, request.VenueOrganizationId, request.Capacity, request.AssociationId,
            request.PlanItemId, request.Description, request.VenueNote, request.OnlineUrl, request.Audience, request.Hours, request.ResponsibleIds, request.AreaIds,
            request.SubjectIds, request.MunicipalityId), publish, ct);
        if (!op.Succeeded) return AssociationsApi.Problem(op);
        var saved = await events.FindAsync(e!.Id, ct);
        return TypedResults.Created($"/api/events/{e.Id}", View(saved!, events));
    }

    private static async Task<Results<Ok<EventItems>, ProblemHttpResult>> ListAsync(EventService events, DateOnly? from, DateOnly? to, string? status,
        Guid? associationId, Guid? municipalityId, int? page, int? pageSize, CancellationToken ct)
    {
        var query = await events.VisibleAsync(ct);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var parsed = Enum.GetValues<EventStatus>().Cast<EventStatus?>().FirstOrDefault(s => string.Equals(s!.Value.Code(), status.Trim(), StringComparison.OrdinalIgnoreCase));
            if (parsed is null) return Problems.BadRequest("Состояние: draft, published или cancelled.");
            query = query.Where(e => e.Status == parsed);
        }
        if (from is { } f) { var utc = events.ToUtc(f.ToDateTime(TimeOnly.MinValue)); query = query.Where(e => e.EndsAt >= utc); }
        if (to is { } t) { var utc = events.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue)); query = query.Where(e => e.StartsAt < utc); }
        if (associationId is { } a) query = query.Where(e => e.AssociationId == a);
        if (municipalityId is { } m) query = query.Where(e => e.MunicipalityId == m);
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(1, page ?? 1);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(e => e.StartsAt).Skip((number - 1) * size).Take(size).Include(e => e.Registrations).Include(e => e.VenueOrganization)
            .Include(e => e.Association).AsSplitQuery().AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(new EventItems(rows.Select(e => View(e, events)).ToList(), total, number, size));
    }

    private static async Task<Results<Ok<EventView>, ProblemHttpResult>> GetAsync(Guid id, EventService events, CancellationToken ct) =>
        await events.FindAsync(id, ct) is { } e ? TypedResults.Ok(View(e, events)) : Problems.NotFound(EventService.NotFoundMessage);

    private static async Task<Results<Ok<EventView>, ProblemHttpResult>> PublishAsync(Guid id, EventService events, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return Problems.NotFound(EventService.NotFoundMessage);
        var op = await events.PublishAsync(e, ct);
        return op.Succeeded ? TypedResults.Ok(View(e, events)) : AssociationsApi.Problem(op);
    }

    private static async Task<Results<Ok<EventView>, ProblemHttpResult>> CancelAsync(Guid id, CancelEventRequest? request, EventService events, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return Problems.NotFound(EventService.NotFoundMessage);
        var op = await events.CancelAsync(e, request?.Reason, ct);
        return op.Succeeded ? TypedResults.Ok(View(e, events)) : AssociationsApi.Problem(op);
    }

    private static async Task<Results<Created<RegistrationView>, ProblemHttpResult>> RegisterAsync(Guid id, RegistrationRequest? request, EventService events,
        CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return Problems.NotFound(EventService.NotFoundMessage);
        var (op, result) = await events.RegisterAsync(e, request?.TeacherId, ct);
        if (!op.Succeeded) return AssociationsApi.Problem(op);
        var r = result!.Registration;
        return TypedResults.Created($"/api/events/{id}", new RegistrationView(r.Id, id, r.PersonId, r.Status.Code(), result.Waitlisted, result.QueuePosition, r.Attended));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnregisterAsync(Guid id, Guid teacherId, EventService events, CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return Problems.NotFound(EventService.NotFoundMessage);
        var op = await events.UnregisterAsync(e, teacherId, ct);
        return op.Succeeded ? TypedResults.NoContent() : AssociationsApi.Problem(op);
    }

    private static async Task<Results<Ok<AttendanceView>, ProblemHttpResult>> AttendanceAsync(Guid id, AttendanceRequest? request, EventService events,
        CancellationToken ct)
    {
        if (await events.FindAsync(id, ct) is not { } e) return Problems.NotFound(EventService.NotFoundMessage);
        var ids = request?.TeacherIds ?? [];
        var (op, closed) = await events.MarkAttendanceAsync(e, ids, request?.Attended ?? true, ct);
        if (!op.Succeeded) return AssociationsApi.Problem(op);
        return TypedResults.Ok(new AttendanceView(id, ids.Distinct().Count(), e.Registrations.Count(r => r.Attended), closed,
            e.Registrations.Where(r => r.Attended).Select(r => r.PersonId).ToList()));
    }

    internal static EventView View(MethodicalEvent e, EventService events) => new(
        e.Id, e.Title, e.Kind.Code(), e.Kind.Title(), DateTime.SpecifyKind(e.StartsAt, DateTimeKind.Utc), DateTime.SpecifyKind(e.EndsAt, DateTimeKind.Utc),
        events.LocalTime(e.StartsAt).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), events.LocalTime(e.EndsAt).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        e.VenueOrganizationId, e.VenueOrganization?.ShortName, e.VenueNote, e.OnlineUrl, e.AssociationId, e.Association?.Name, e.MunicipalityId, e.PlanItemId, e.Capacity,
        e.Registrations.Count(r => r.Status == RegistrationStatus.Registered), e.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted),
        e.Registrations.Count(r => r.Attended), e.Audience, e.Hours, e.Status.Code(), e.Status.Title(), e.Description);
}
