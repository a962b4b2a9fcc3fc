using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Associations;
using Metodist.Web.Features.Notifications;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Events;

public sealed record NewEvent(
    string? Title, EventKind Kind, DateTime? StartsAt, DateTime? EndsAt, Guid? VenueOrganizationId, int? Capacity, Guid? AssociationId, Guid? PlanItemId,
    string? Description = null, string? VenueNote = null, string? OnlineUrl = null, string? Audience = null, decimal? Hours = null,
    IReadOnlyList<Guid>? ResponsibleIds = null, IReadOnlyList<Guid>? AreaIds = null, IReadOnlyList<Guid>? SubjectIds = null, Guid? MunicipalityId = null,
    IReadOnlyList<Guid>? PositionIds = null);

/// <summary>What a registration came to: taken a place, or put on the waiting list (with the place in the queue).</summary>
public sealed record RegistrationResult(EventRegistration Registration, bool Waitlisted, int? QueuePosition);

/// <summary>
/// Events of associations and services: creating and publishing them, registration with a waiting list, attendance that
/// closes the matching items of teachers' routes, and certificates of participation.
/// </summary>
public sealed class EventService(AppDbContext db, CurrentUser user, AssociationService associations, Notifier notifier, TimeProvider clock)
{
    public const string NotFoundMessage = "Мероприятие не найдено или недоступно.";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public TimeZoneInfo Zone => clock.LocalTimeZone;

    public DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(LocalTime(utc));

    public DateTime LocalTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time of the region as a UTC instant.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>Published events for everyone; drafts and cancelled ones also for those who manage them.</summary>
    public async Task<IQueryable<MethodicalEvent>> VisibleAsync(CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.SeesEveryone) return db.Events;
        var visible = (await associations.VisibleAsync(ct)).Select(a => a.Id);
        var regions = scope.RegionIds;
        var municipalities = scope.MunicipalityIds;
        var me = scope.PersonId;
        return db.Events.Where(e => e.Status == EventStatus.Published
            || regions.Contains(e.RegionId)
            || (e.MunicipalityId != null && municipalities.Contains(e.MunicipalityId.Value))
            || (e.AssociationId != null && visible.Contains(e.AssociationId.Value))
            || (me != null && e.Registrations.Any(r => r.PersonId == me)));
    }

    public async Task<MethodicalEvent?> FindAsync(Guid id, CancellationToken ct = default) =>
        await (await VisibleAsync(ct)).Include(e => e.Registrations).ThenInclude(r => r.Person).Include(e => e.Responsible).ThenInclude(r => r.Person)
            .Include(e => e.Areas).Include(e => e.Subjects).Include(e => e.Positions).Include(e => e.Materials).Include(e => e.VenueOrganization).Include(e => e.Association)
            .AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The organizer's side: the association's managers, or the methodists of the organizing service.</summary>
    public async Task<bool> CanManageAsync(MethodicalEvent e, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        var scope = await user.ScopeAsync(ct);
        if (scope.UserId is null) return false;
        if (scope.SeesEveryone || scope.RegionIds.Contains(e.RegionId)) return true;
        if (e.AssociationId is { } aid && await db.Associations.Include(a => a.Members).FirstOrDefaultAsync(a => a.Id == aid, ct) is { } a
            && await associations.CanManageAsync(a, ct)) return true;
        if (e.AssociationId is null && e.MunicipalityId is { } m && scope.Roles.Any(r => r.Role == AppRole.MunicipalMethodist && r.ScopeId == m)) return true;
        return scope.PersonId is { } me && e.Responsible.Any(r => r.PersonId == me);
    }

    public async Task<(Op Op, MethodicalEvent? Event)> CreateAsync(NewEvent input, bool publish, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await user.ScopeAsync(ct);
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) return (Op.Invalid("Укажите название мероприятия."), null);
        if (title.Length > 1000) return (Op.Invalid("Название — не длиннее 1000 знаков."), null);
        if (input.StartsAt is not { } starts) return (Op.Invalid("Укажите дату и время начала (start)."), null);
        var ends = input.EndsAt ?? starts.AddHours(2);
        if (ends < starts) return (Op.Invalid("Окончание мероприятия не может быть раньше его начала."), null);
        if (input.Capacity is { } cap && cap < 1) return (Op.Invalid("Число мест — не меньше 1, или оставьте его пустым, если мест без ограничения."), null);
        if (input.Hours is { } h && h is <= 0 or > 200) return (Op.Invalid("Продолжительность в часах — от 0,5 до 200."), null);
        var associationId = input.AssociationId;
        if (input.PlanItemId is { } itemId)
        {
            var item = await db.PlanItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.Id, i.Plan!.AssociationId }).FirstOrDefaultAsync(ct);
            if (item is null) return (Op.Invalid("Пункт плана не найден."), null);
            if (associationId is not null && item.AssociationId != associationId) return (Op.Invalid("Пункт плана относится к другому объединению."), null);
            associationId ??= item.AssociationId;
        }
        Association? association = null;
        if (associationId is { } aid)
        {
            association = await associations.FindAsync(aid, ct);
            if (association is null) return (Op.Invalid(AssociationService.NotFoundMessage), null);
            if (!await associations.CanManageAsync(association, ct))
                return (Op.Forbidden("Мероприятия объединения создаёт его руководитель или методист, который его ведёт."), null);
        }
        Registry.Organization? venue = null;
        if (input.VenueOrganizationId is { } vid)
        {
            venue = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == vid, ct);
            if (venue is null) return (Op.Invalid("Площадка (организация) не найдена в реестре."), null);
        }
        var municipalityId = association is not null ? association.MunicipalityId : input.MunicipalityId ?? scope.Roles.Where(r => r.Role == AppRole.MunicipalMethodist).Select(r => (Guid?)r.ScopeId).FirstOrDefault();
        Guid regionId;
        if (association is not null) regionId = association.RegionId;
        else
        {
            if (!scope.IsRegionAdmin && !scope.Has(AppRole.MunicipalMethodist))
                return (Op.Forbidden("Мероприятие вне объединения создаёт методист муниципальной службы или регионального центра."), null);
            if (municipalityId is { } mid && !scope.MunicipalityIds.Contains(mid)) return (Op.Forbidden("Муниципалитет вне вашей области видимости."), null);
            regionId = municipalityId is { } m2
                ? await db.Municipalities.Where(x => x.Id == m2).Select(x => x.RegionId).FirstAsync(ct)
                : scope.RegionIds.FirstOrDefault();
        }
        var responsible = (input.ResponsibleIds ?? []).Distinct().ToList();
        if (responsible.Count > 0 && await db.Persons.CountAsync(p => responsible.Contains(p.Id), ct) != responsible.Count)
            return (Op.Invalid("Ответственный не найден в реестре педагогов."), null);
        if (!string.IsNullOrWhiteSpace(input.OnlineUrl) && !Uri.TryCreate(input.OnlineUrl.Trim(), UriKind.Absolute, out _))
            return (Op.Invalid("Ссылка на трансляцию должна быть полным адресом, например https://…"), null);
        var areas = (input.AreaIds ?? []).Distinct().ToList();
        if (areas.Count > 0 && await db.CompetenceAreas.CountAsync(a => areas.Contains(a.Id), ct) != areas.Count)
            return (Op.Invalid("Выбрана неизвестная область компетенций."), null);
        var subjects = (input.SubjectIds ?? []).Distinct().ToList();
        if (subjects.Count > 0 && await db.Subjects.CountAsync(x => subjects.Contains(x.Id), ct) != subjects.Count)
            return (Op.Invalid("Предмет не найден в справочнике."), null);
        var positions = (input.PositionIds ?? []).Distinct().ToList();
        if (positions.Count > 0 && await db.Positions.CountAsync(x => positions.Contains(x.Id), ct) != positions.Count)
            return (Op.Invalid("Должность не найдена в справочнике."), null);
        var e = new MethodicalEvent
        {
            Title = title, Kind = input.Kind, Description = Trim(input.Description), StartsAt = DateTime.SpecifyKind(starts, DateTimeKind.Utc),
            EndsAt = DateTime.SpecifyKind(ends, DateTimeKind.Utc), VenueOrganizationId = venue?.Id, VenueNote = Trim(input.VenueNote), OnlineUrl = Trim(input.OnlineUrl),
            AssociationId = association?.Id, MunicipalityId = municipalityId, RegionId = regionId, PlanItemId = input.PlanItemId, Capacity = input.Capacity,
            Audience = Trim(input.Audience), Hours = input.Hours, Status = publish ? EventStatus.Published : EventStatus.Draft,
            PublishedAt = publish ? DateTime.UtcNow : null, CreatedBy = user.UserName,
        };
        foreach (var id in responsible) e.Responsible.Add(new EventResponsible { EventId = e.Id, PersonId = id });
        foreach (var id in areas) e.Areas.Add(new EventArea { EventId = e.Id, AreaId = id });
        foreach (var id in subjects) e.Subjects.Add(new EventSubject { EventId = e.Id, SubjectId = id });
        foreach (var id in positions) e.Positions.Add(new EventPosition { EventId = e.Id, PositionId = id });
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        return (Op.Ok, e);
    }

    public async Task<Op> PublishAsync(MethodicalEvent e, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!await CanManageAsync(e, ct)) return Op.Forbidden("Публикует мероприятие его организатор.");
        if (e.Status == EventStatus.Published) return Op.Conflict("Мероприятие уже опубликовано.");
        if (e.Status == EventStatus.Cancelled) return Op.Conflict("Мероприятие отменено.");
        e.Status = EventStatus.Published;
        e.PublishedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    public async Task<Op> CancelAsync(MethodicalEvent e, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!await CanManageAsync(e, ct)) return Op.Forbidden("Отменяет мероприятие его организатор.");
        if (e.Status == EventStatus.Cancelled) return Op.Conflict("Мероприятие уже отменено.");
        if (string.IsNullOrWhiteSpace(reason)) return Op.Invalid("Укажите причину отмены: её увидят записавшиеся.");
        e.Status = EventStatus.Cancelled;
        e.CancelReason = reason.Trim();
        foreach (var r in e.Registrations.Where(r => r.Status != RegistrationStatus.Cancelled))
        {
            notifier.Notify(await notifier.UserOfPersonAsync(r.PersonId, ct), $"Мероприятие «{e.Title}» отменено: {e.CancelReason}", $"/Events/{e.Id}");
        }
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    /// <summary>
    /// Registers a teacher: themselves on a published event, or anyone they see as the organizer or a methodist. A place is
    /// taken while there are places; after that the teacher waits in the order of registration.
    /// </summary>
    public async Task<(Op Op, RegistrationResult? Result)> RegisterAsync(MethodicalEvent e, Guid? teacherId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        var scope = await user.ScopeAsync(ct);
        var personId = teacherId ?? scope.PersonId;
        if (personId is not { } pid) return (Op.Invalid("Укажите педагога (teacherId)."), null);
        var self = pid == scope.PersonId;
        var manages = await CanManageAsync(e, ct);
        if (!self && !manages && !await scope.PrivatePersons(db.Persons).AnyAsync(p => p.Id == pid, ct))
            return (Op.NotFound("Педагог не найден или недоступен в вашей области видимости."), null);
        if (!await db.Persons.AnyAsync(p => p.Id == pid, ct)) return (Op.Invalid("Педагог не найден в реестре."), null);
        if (e.Status == EventStatus.Cancelled) return (Op.Conflict("Мероприятие отменено: запись закрыта."), null);
        if (e.Status == EventStatus.Draft && !manages) return (Op.Conflict("Мероприятие ещё не опубликовано: запись не открыта."), null);
        if (e.EndsAt < DateTime.UtcNow) return (Op.Conflict("Мероприятие уже прошло: запись закрыта."), null);
        var existing = e.Registrations.FirstOrDefault(r => r.PersonId == pid);
        if (existing is { Status: not RegistrationStatus.Cancelled })
            return (Op.Conflict(existing.Status == RegistrationStatus.Waitlisted ? "Педагог уже в листе ожидания." : "Педагог уже записан на мероприятие."), null);
        var taken = e.Registrations.Count(r => r.Status == RegistrationStatus.Registered);
        var place = Waitlist.HasPlace(e.Capacity, taken);
        var registration = existing ?? new EventRegistration { EventId = e.Id, PersonId = pid };
        registration.Status = place ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted;
        registration.RegisteredAt = DateTime.UtcNow;
        registration.RegisteredBy = user.UserName;
        if (existing is null)
        {
            e.Registrations.Add(registration);
            db.EventRegistrations.Add(registration);
        }
        await db.SaveChangesAsync(ct);
        int? position = place ? null : e.Registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.RegisteredAt).ToList().IndexOf(registration) + 1;
        return (Op.Ok, new RegistrationResult(registration, !place, position));
    }

    /// <summary>Cancels a registration (one's own, or as the organizer); the first on the waiting list takes the freed place.</summary>
    public async Task<Op> UnregisterAsync(MethodicalEvent e, Guid teacherId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        var scope = await user.ScopeAsync(ct);
        if (teacherId != scope.PersonId && !await CanManageAsync(e, ct)) return Op.Forbidden("Отменить запись может сам педагог или организатор.");
        var registration = e.Registrations.FirstOrDefault(r => r.PersonId == teacherId && r.Status != RegistrationStatus.Cancelled);
        if (registration is null) return Op.NotFound("Записи на это мероприятие нет.");
        if (registration.Attended) return Op.Conflict("Присутствие уже отмечено: запись не отменить.");
        registration.Status = RegistrationStatus.Cancelled;
        var taken = e.Registrations.Count(r => r.Status == RegistrationStatus.Registered);
        foreach (var next in Waitlist.Promote(e.Capacity, taken, e.Registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.RegisteredAt)))
        {
            next.Status = RegistrationStatus.Registered;
            notifier.Notify(await notifier.UserOfPersonAsync(next.PersonId, ct), $"Освободилось место: вы записаны на «{e.Title}».", $"/Events/{e.Id}");
        }
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    /// <summary>
    /// Marks who attended (or, with <paramref name="attended"/> false, who did not). Those present get a certificate number,
    /// and the items of their routes that stand for this event are closed.
    /// </summary>
    public async Task<(Op Op, int Closed)> MarkAttendanceAsync(MethodicalEvent e, IReadOnlyList<Guid> teacherIds, bool attended, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(teacherIds);
        if (!await CanManageAsync(e, ct)) return (Op.Forbidden("Присутствие отмечает организатор мероприятия."), 0);
        if (e.Status == EventStatus.Cancelled) return (Op.Conflict("Мероприятие отменено."), 0);
        if (teacherIds.Count == 0) return (Op.Invalid("Передайте список педагогов (teacherIds)."), 0);
        var ids = teacherIds.Distinct().ToList();
        if (await db.Persons.CountAsync(p => ids.Contains(p.Id), ct) != ids.Count) return (Op.Invalid("Среди педагогов есть не найденные в реестре."), 0);
        var serial = await db.EventRegistrations.CountAsync(r => r.EventId == e.Id && r.CertificateNumber != null, ct);
        var now = DateTime.UtcNow;
        foreach (var id in ids)
        {
            var registration = e.Registrations.FirstOrDefault(r => r.PersonId == id);
            if (registration is null)
            {
                if (!attended) continue;
                registration = new EventRegistration { EventId = e.Id, PersonId = id, RegisteredBy = user.UserName, RegisteredAt = now };
                e.Registrations.Add(registration);
                db.EventRegistrations.Add(registration);
            }
            if (attended) registration.Status = RegistrationStatus.Registered;
            registration.Attended = attended;
            registration.AttendanceMarkedAt = now;
            if (attended && registration.CertificateNumber is null) registration.CertificateNumber = $"{LocalDay(e.StartsAt):yyMMdd}-{e.Id.ToString("N")[..4].ToUpperInvariant()}-{++serial:D3}";
        }
        var closed = attended ? await CloseRouteItemsAsync(e, ids, ct) : 0;
        await db.SaveChangesAsync(ct);
        return (Op.Ok, closed);
    }

    /// <summary>Items of open routes (section 1.3) that stand for the event, by link or by the same title, become done.</summary>
    private async Task<int> CloseRouteItemsAsync(MethodicalEvent e, List<Guid> people, CancellationToken ct)
    {
        // Titles are compared here, not in SQL: SQLite's lower() folds only Latin letters.
        var title = e.Title.Trim();
        var items = (await db.RouteItems.Where(i => people.Contains(i.PersonId) && !i.IsDone
                    && (i.EventId == e.Id || (i.EventId == null && i.Section == RouteSection.Events))
                    && (i.Route!.Status == RouteStatus.Approved || i.Route.Status == RouteStatus.InProgress))
                .ToListAsync(ct))
            .Where(i => i.EventId == e.Id || string.Equals(i.Title.Trim(), title, StringComparison.CurrentCultureIgnoreCase))
            .ToList();
        var day = LocalDay(e.StartsAt);
        foreach (var item in items)
        {
            item.IsDone = true;
            item.DoneOn = day;
            item.EventId ??= e.Id;
            item.Evidence ??= $"Присутствие на мероприятии «{Shorten(e.Title, 300)}» {day:dd.MM.yyyy} отмечено организатором";
        }
        return items.Count;
    }

    /// <summary>Adds the event to the teacher's open route (section 1.3), so that attending it closes the item.</summary>
    public async Task<(Op Op, RouteItem? Item)> AddToRouteAsync(MethodicalEvent e, Guid personId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        var scope = await user.ScopeAsync(ct);
        if (personId != scope.PersonId && !await scope.PrivatePersons(db.Persons).AnyAsync(p => p.Id == personId, ct))
            return (Op.NotFound("Педагог не найден или недоступен."), null);
        var route = await db.Routes.Include(r => r.Items).Where(r => r.PersonId == personId && r.Status != RouteStatus.Completed && r.Status != RouteStatus.NotCompleted)
            .OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(ct);
        if (route is null) return (Op.Conflict("У педагога нет действующего маршрута (ИОМ)."), null);
        if (route.Items.Any(i => i.EventId == e.Id)) return (Op.Conflict("Мероприятие уже есть в маршруте."), null);
        var item = new RouteItem
        {
            RouteId = route.Id, PersonId = personId, Section = RouteSection.Events, Title = Shorten(e.Title, 500),
            Details = Shorten($"{e.Kind.Title()}; {LocalTime(e.StartsAt):dd.MM.yyyy HH:mm}{(e.Hours is { } h ? $"; {h:0.#} ч." : "")}", 1000),
            Hours = e.Hours is { } hours ? (int)Math.Ceiling(hours) : null, Deadline = LocalDay(e.EndsAt), EventId = e.Id,
            SortOrder = route.Items.Count == 0 ? 1 : route.Items.Max(i => i.SortOrder) + 1,
        };
        route.Items.Add(item);
        db.RouteItems.Add(item);
        await db.SaveChangesAsync(ct);
        return (Op.Ok, item);
    }

    /// <summary>The associations whose events the user may create: those they manage, by name.</summary>
    public async Task<List<Association>> ManagedAssociationsAsync(CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.UserId is null) return [];
        var visible = await (await associations.VisibleAsync(ct)).Include(a => a.Members).AsSplitQuery().AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Id).ToListAsync(ct);
        var managed = new List<Association>();
        foreach (var a in visible)
        {
            if (await associations.CanManageAsync(a, ct)) managed.Add(a);
        }
        return managed;
    }

    /// <summary>Whether the user may create an event at all: as a methodist of a service, or as the manager of an association.</summary>
    public async Task<bool> MayCreateAsync(CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.UserId is null) return false;
        return scope.IsRegionAdmin || scope.Has(AppRole.MunicipalMethodist) || (await ManagedAssociationsAsync(ct)).Count > 0;
    }

    /// <summary>Who holds the event: the association, or the municipal service, or the region's centre.</summary>
    public async Task<string> OrganizerAsync(MethodicalEvent e, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.AssociationId is { } aid)
            return e.Association?.Name ?? await db.Associations.Where(a => a.Id == aid).Select(a => a.Name).FirstAsync(ct);
        if (e.MunicipalityId is { } mid)
            return $"Муниципальная методическая служба: {await db.Municipalities.Where(m => m.Id == mid).Select(m => m.Name).FirstAsync(ct)}";
        return $"Региональный центр научно-методического сопровождения педагогических работников: {await db.Regions.Where(r => r.Id == e.RegionId).Select(r => r.Name).FirstAsync(ct)}";
    }

    /// <summary>Attaches a material (a presentation, the programme, a resolution) stored as a file; the organizer's side only.</summary>
    public async Task<(Op Op, EventMaterial? Material)> AddMaterialAsync(MethodicalEvent e, string? title, Files.UploadedScan? file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!await CanManageAsync(e, ct)) return (Op.Forbidden("Материалы добавляет организатор мероприятия."), null);
        if (file is null) return (Op.Invalid("Выберите файл материала."), null);
        if (Consultations.ConsultationFiles.Problem([file]) is { } problem) return (Op.Invalid(problem), null);
        var name = Trim(title);
        if (name is { Length: > 500 }) return (Op.Invalid("Название материала — не длиннее 500 знаков."), null);
        var stored = Consultations.ConsultationFiles.ToStoredFile(file, null, user.UserName);
        var material = new EventMaterial { EventId = e.Id, FileId = stored.Id, Title = name ?? Path.GetFileNameWithoutExtension(stored.FileName) };
        db.StoredFiles.Add(stored);
        db.EventMaterials.Add(material);
        e.Materials.Add(material);
        await db.SaveChangesAsync(ct);
        return (Op.Ok, material);
    }

    /// <summary>Removes a material together with its file.</summary>
    public async Task<Op> RemoveMaterialAsync(MethodicalEvent e, Guid materialId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!await CanManageAsync(e, ct)) return Op.Forbidden("Материалы удаляет организатор мероприятия.");
        var material = e.Materials.FirstOrDefault(m => m.Id == materialId);
        if (material is null) return Op.NotFound("Материал не найден.");
        e.Materials.Remove(material);
        db.EventMaterials.Remove(material);
        db.StoredFiles.Remove(new Files.StoredFile { Id = material.FileId });
        await db.SaveChangesAsync(ct);
        return Op.Ok;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
