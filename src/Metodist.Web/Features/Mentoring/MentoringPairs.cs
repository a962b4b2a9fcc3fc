using Metodist.Web.Features.Notifications;
using Metodist.Web.Features.Routes;
using Metodist.Web.Features.Settings;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring;

public enum MentoringOpStatus
{
    Ok,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
}

/// <summary>What a change to a pair came to: done (with warnings, such as a mentor's overload), or why not, in Russian.</summary>
public sealed record MentoringOp(MentoringOpStatus Status, string? Message = null)
{
    public static readonly MentoringOp Ok = new(MentoringOpStatus.Ok);

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Succeeded => Status == MentoringOpStatus.Ok;

    public static MentoringOp Invalid(string message) => new(MentoringOpStatus.Invalid, message);

    public static MentoringOp Forbidden(string message) => new(MentoringOpStatus.Forbidden, message);

    public static MentoringOp NotFound(string message) => new(MentoringOpStatus.NotFound, message);

    public static MentoringOp Conflict(string message) => new(MentoringOpStatus.Conflict, message);
}

/// <summary>A new pair or group as a form or the API gives it; the form and level are already parsed.</summary>
public sealed record NewPairInput(
    Guid? MentorId, IReadOnlyList<Guid> MenteeIds, MentoringForm Form, MentoringLevel? Level, DateOnly? StartDate, DateOnly? EndDate,
    string? OrderNumber, DateOnly? OrderDate, string? Goals);

/// <summary>The terms of a pair that can be edited while it runs.</summary>
public sealed record PairTermsInput(MentoringForm Form, MentoringLevel Level, DateOnly? StartDate, DateOnly? EndDate, string? OrderNumber, DateOnly? OrderDate, string? Goals);

/// <summary>What the user may do with a pair: manage it (methodists of its place), log meetings (and the mentor), read it.</summary>
public sealed record PairAccess(bool CanManage, bool IsMentor, bool IsMentee)
{
    public static readonly PairAccess None = new(false, false, false);

    /// <summary>Logging meetings and marking plan items done: the methodists and the mentor.</summary>
    public bool CanLog => CanManage || IsMentor;
}

/// <summary>
/// Mentoring pairs and groups within the user's scope, and every change to them. Methodists of the pair's municipality
/// or of a mentee's organization (and the region centre) create, edit, complete and cancel pairs; the mentor logs
/// meetings and marks the plan done; the mentees read. Each change is one SaveChanges together with section 3 of the
/// routes concerned, so nothing is half-saved.
/// </summary>
public sealed class MentoringPairs(AppDbContext db, CurrentUser user, RegionSettings settings, Notifier notifier, TimeProvider clock)
{
    public const string PairNotFound = "Пара наставничества не найдена или недоступна в вашей области видимости.";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<int> LoadLimitAsync(CancellationToken ct = default) => settings.GetAsync(RegionSettings.MentorLoadLimit, ct);

    /// <summary>The pairs the user may see: of the municipalities they are methodists of, their own as mentor, and those of the people whose private records they see.</summary>
    public async Task<IQueryable<MentoringPair>> VisibleAsync(CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.UserId is null) return db.MentoringPairs.Where(_ => false);
        if (scope.SeesEveryone) return db.MentoringPairs;
        var municipalities = scope.MunicipalityIds;
        var me = scope.PersonId;
        var people = scope.PrivatePersons(db.Persons).Select(p => p.Id);
        return db.MentoringPairs.Where(p => municipalities.Contains(p.MunicipalityId) || p.MentorPersonId == me || p.Mentees.Any(m => people.Contains(m.PersonId)));
    }

    /// <summary>The pair with its people, plan and meetings, tracked; null when not there or not visible.</summary>
    public async Task<MentoringPair?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var pairs = await VisibleAsync(ct);
        return await pairs.Include(p => p.Mentor).Include(p => p.Mentees).ThenInclude(m => m.Person)
            .Include(p => p.PlanItems).Include(p => p.Meetings)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    public async Task<PairAccess> AccessAsync(MentoringPair pair, CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.UserId is null) return PairAccess.None;
        var menteeIds = pair.Mentees.Select(m => m.PersonId).ToList();
        var manages = scope.SeesEveryone || scope.MunicipalityIds.Contains(pair.MunicipalityId)
            || (pair.OrganizationId is { } o && scope.OrganizationIds.Contains(o))
            || (scope.OrganizationIds.Length > 0 && await db.Employments.AnyAsync(e => menteeIds.Contains(e.PersonId) && scope.OrganizationIds.Contains(e.OrganizationId), ct));
        return new PairAccess(manages, scope.PersonId is { } me && pair.MentorPersonId == me, scope.PersonId is { } self && menteeIds.Contains(self));
    }

    /// <summary>How many mentees each of the given people mentors in running pairs.</summary>
    public async Task<Dictionary<Guid, int>> LoadsAsync(IReadOnlyCollection<Guid> mentorIds, CancellationToken ct = default)
    {
        var ids = mentorIds.Distinct().ToArray();
        if (ids.Length == 0) return [];
        var rows = await db.MentoringMentees.AsNoTracking()
            .Where(m => m.Pair!.Status == MentoringStatus.Active && ids.Contains(m.Pair.MentorPersonId))
            .GroupBy(m => m.Pair!.MentorPersonId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Count);
    }

    public async Task<(MentoringOp Op, MentoringPair? Pair)> CreateAsync(NewPairInput input, CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        if (!scope.IsMethodist)
            return (MentoringOp.Forbidden("Назначать наставников может методист образовательной организации, муниципальной методической службы или ЦНППМ."), null);
        if (input.MentorId is not { } mentorId) return (MentoringOp.Invalid("Укажите наставника (mentorId)."), null);
        var menteeIds = input.MenteeIds.Distinct().ToList();
        if (menteeIds.Count == 0) return (MentoringOp.Invalid("Укажите хотя бы одного наставляемого (menteeIds)."), null);
        if (menteeIds.Contains(mentorId)) return (MentoringOp.Invalid("Наставник не может быть наставляемым в своей же паре."), null);
        if (MentoringRules.CheckTerms(input.StartDate, input.EndDate, input.OrderNumber, input.OrderDate, input.Goals) is { } invalid)
            return (MentoringOp.Invalid(invalid), null);

        var visible = await scope.PrivatePersons(db.Persons).Where(p => menteeIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (visible.Count < menteeIds.Count)
            return (MentoringOp.NotFound("Наставляемый не найден или недоступен в вашей области видимости."), null);
        if (!await db.Persons.AnyAsync(p => p.Id == mentorId, ct)) return (MentoringOp.NotFound("Наставник не найден в реестре."), null);

        var busy = await db.MentoringMentees.AsNoTracking()
            .Where(m => menteeIds.Contains(m.PersonId) && m.Pair!.Status == MentoringStatus.Active)
            .Select(m => new { m.PairId, m.PersonId, m.Pair!.MentorPersonId, m.Pair.StartDate }).FirstOrDefaultAsync(ct);
        var places = await db.Employments.AsNoTracking().Where(e => menteeIds.Contains(e.PersonId) || e.PersonId == mentorId)
            .Select(e => new { e.Id, e.PersonId, e.IsMain, e.StartDate, e.OrganizationId, e.MunicipalityId }).ToListAsync(ct);
        var main = places.GroupBy(e => e.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.IsMain).ThenBy(e => e.StartDate ?? DateOnly.MaxValue).ThenBy(e => e.Id).First());
        var people = await MentoringRouteItems.PeopleAsync(db, db.Persons.Where(p => menteeIds.Contains(p.Id) || p.Id == mentorId), ct);
        if (busy is not null)
        {
            var mentor = await MentoringRouteItems.PeopleAsync(db, db.Persons.Where(p => p.Id == busy.MentorPersonId), ct);
            return (MentoringOp.Conflict($"У педагога {people[busy.PersonId].FullName} уже есть наставник — {mentor[busy.MentorPersonId].FullName} " +
                $"(пара с {Format.Date(busy.StartDate)}). Завершите или отмените ту пару, прежде чем назначать нового наставника."), null);
        }
        if (menteeIds.Where(id => !main.ContainsKey(id)).ToList() is [var homeless, ..])
            return (MentoringOp.Invalid($"У педагога {people[homeless].FullName} нет места работы в реестре: наставничество ведётся в организации."), null);

        var first = main[menteeIds[0]];
        var sameOrganization = main.TryGetValue(mentorId, out var mentorJob) && menteeIds.All(id => main[id].OrganizationId == mentorJob.OrganizationId);
        var level = input.Level ?? (sameOrganization ? MentoringLevel.Organization : MentoringLevel.Municipality);
        var now = clock.GetUtcNow().UtcDateTime;
        var pair = new MentoringPair
        {
            Id = Guid.CreateVersion7(), MentorPersonId = mentorId, Form = input.Form, Level = level, Status = MentoringStatus.Active,
            MunicipalityId = first.MunicipalityId, OrganizationId = level == MentoringLevel.Organization ? first.OrganizationId : null,
            StartDate = input.StartDate!.Value, EndDate = input.EndDate, OrderNumber = MentoringRules.CleanOrderNumber(input.OrderNumber), OrderDate = input.OrderDate,
            Goals = string.IsNullOrWhiteSpace(input.Goals) ? null : input.Goals.Trim(), CreatedAt = now, UpdatedAt = now, CreatedBy = Signature(scope),
        };
        pair.Mentees.AddRange(menteeIds.Select(id => new MentoringMentee { PairId = pair.Id, PersonId = id }));
        db.MentoringPairs.Add(pair);

        var limit = await LoadLimitAsync(ct);
        var load = (await LoadsAsync([mentorId], ct)).GetValueOrDefault(mentorId);
        List<string> warnings = MentoringRules.LoadWarning(load, menteeIds.Count, limit) is { } warning ? [warning] : [];

        await LinkRoutesAsync(pair, people, ct);
        var names = string.Join(", ", menteeIds.Select(id => people[id].FullName));
        notifier.Notify(await notifier.UserOfPersonAsync(mentorId, ct),
            $"Вы назначены наставником: {names}; форма «{pair.Form.Title()}», с {Format.Date(pair.StartDate)}.", $"/Mentoring/{pair.Id}");
        foreach (var id in menteeIds)
            notifier.Notify(await notifier.UserOfPersonAsync(id, ct), $"Вам назначен наставник — {people[mentorId].FullName}.", "/Mentoring/My");
        await db.SaveChangesAsync(ct);
        return (MentoringOp.Ok with { Warnings = warnings }, pair);
    }

    public async Task<MentoringOp> UpdateTermsAsync(MentoringPair pair, PairTermsInput input, CancellationToken ct = default)
    {
        if (!(await AccessAsync(pair, ct)).CanManage) return MentoringOp.Forbidden("Изменять пару может методист её организации или муниципалитета.");
        if (pair.Status != MentoringStatus.Active) return MentoringOp.Conflict($"Пара {pair.Status.Title()}: её условия больше не меняются.");
        if (MentoringRules.CheckTerms(input.StartDate, input.EndDate, input.OrderNumber, input.OrderDate, input.Goals) is { } invalid) return MentoringOp.Invalid(invalid);
        if (pair.Meetings.Count > 0 && pair.Meetings.Min(m => m.Date) < input.StartDate)
            return MentoringOp.Invalid($"Первая встреча записана {Format.Date(pair.Meetings.Min(m => m.Date))}: начало пары не может быть позже.");
        pair.Form = input.Form;
        pair.Level = input.Level;
        if (input.Level == MentoringLevel.Municipality) pair.OrganizationId = null;
        else pair.OrganizationId ??= await db.Employments.Where(e => e.PersonId == pair.Mentees[0].PersonId).OrderByDescending(e => e.IsMain)
            .Select(e => (Guid?)e.OrganizationId).FirstOrDefaultAsync(ct);
        pair.StartDate = input.StartDate!.Value;
        pair.EndDate = input.EndDate;
        pair.OrderNumber = MentoringRules.CleanOrderNumber(input.OrderNumber);
        pair.OrderDate = input.OrderDate;
        pair.Goals = string.IsNullOrWhiteSpace(input.Goals) ? null : input.Goals.Trim();
        pair.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var ids = pair.Mentees.Select(m => m.PersonId).Append(pair.MentorPersonId).ToList();
        await LinkRoutesAsync(pair, await MentoringRouteItems.PeopleAsync(db, db.Persons.Where(p => ids.Contains(p.Id)), ct), ct);
        await db.SaveChangesAsync(ct);
        return MentoringOp.Ok;
    }

    public async Task<(MentoringOp Op, MentoringMeeting? Meeting)> AddMeetingAsync(MentoringPair pair, DateOnly? date, string? topic, decimal? hours, string? notes,
        CancellationToken ct = default)
    {
        if (!(await AccessAsync(pair, ct)).CanLog) return (MentoringOp.Forbidden("Встречи записывает наставник или методист."), null);
        if (MentoringRules.CheckMeeting(pair, date, topic, hours, Today) is { } invalid)
            return (pair.Status == MentoringStatus.Active ? MentoringOp.Invalid(invalid) : MentoringOp.Conflict(invalid), null);
        if (notes?.Trim().Length > 2000) return (MentoringOp.Invalid("Заметки — не длиннее 2000 знаков."), null);
        var scope = await user.ScopeAsync(ct);
        var meeting = new MentoringMeeting
        {
            Id = Guid.CreateVersion7(), PairId = pair.Id, Date = date!.Value, Topic = topic!.Trim(), Hours = hours!.Value,
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = Signature(scope),
        };
        // Adding it to the context puts it into the tracked pair's meetings too.
        db.MentoringMeetings.Add(meeting);
        pair.UpdatedAt = meeting.CreatedAt;
        await db.SaveChangesAsync(ct);
        return (MentoringOp.Ok, meeting);
    }

    public async Task<MentoringOp> AddPlanItemAsync(MentoringPair pair, MentoringPlanKind kind, string? title, string? details, DateOnly? dueDate,
        CancellationToken ct = default)
    {
        if (!(await AccessAsync(pair, ct)).CanManage) return MentoringOp.Forbidden("План наставничества составляет методист.");
        if (MentoringRules.CheckPlanItem(pair, title, details) is { } invalid)
            return pair.Status == MentoringStatus.Active ? MentoringOp.Invalid(invalid) : MentoringOp.Conflict(invalid);
        if (dueDate is { } due && (due < pair.StartDate || (pair.EndDate is { } end && due > end)))
            return MentoringOp.Invalid($"Срок — в пределах наставничества: с {Format.Date(pair.StartDate)}" + (pair.EndDate is { } e ? $" по {Format.Date(e)}." : "."));
        var item = new MentoringPlanItem
        {
            Id = Guid.CreateVersion7(), PairId = pair.Id, Kind = kind, Title = title!.Trim(), Details = string.IsNullOrWhiteSpace(details) ? null : details.Trim(),
            DueDate = dueDate, SortOrder = pair.PlanItems.Select(i => i.SortOrder).DefaultIfEmpty(0).Max() + 1,
        };
        db.MentoringPlanItems.Add(item);
        await db.SaveChangesAsync(ct);
        return MentoringOp.Ok;
    }

    public async Task<MentoringOp> SetPlanItemDoneAsync(MentoringPair pair, Guid itemId, bool done, CancellationToken ct = default)
    {
        if (!(await AccessAsync(pair, ct)).CanLog) return MentoringOp.Forbidden("Отмечать выполнение плана может наставник или методист.");
        if (pair.Status != MentoringStatus.Active) return MentoringOp.Conflict($"Пара {pair.Status.Title()}: план больше не меняется.");
        if (pair.PlanItems.FirstOrDefault(i => i.Id == itemId) is not { } item) return MentoringOp.NotFound("Пункт плана не найден.");
        item.IsDone = done;
        item.DoneOn = done ? Today : null;
        await db.SaveChangesAsync(ct);
        return MentoringOp.Ok;
    }

    /// <summary>Completes the pair with the closing evaluation; the routes' items of the pair are marked done.</summary>
    public async Task<MentoringOp> CloseAsync(MentoringPair pair, string? evaluation, int? score, DateOnly? closedOn, CancellationToken ct = default)
    {
        if (!(await AccessAsync(pair, ct)).CanManage) return MentoringOp.Forbidden("Завершает наставничество методист организации или муниципалитета.");
        var today = Today;
        if (MentoringRules.CheckClose(pair, evaluation, score, closedOn, today) is { } invalid)
            return pair.Status == MentoringStatus.Active ? MentoringOp.Invalid(invalid) : MentoringOp.Conflict(invalid);
        pair.Status = MentoringStatus.Completed;
        pair.Evaluation = evaluation!.Trim();
        pair.EvaluationScore = score;
        pair.ClosedOn = closedOn ?? today;
        pair.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var route in await OpenRoutesAsync(pair, ct)) MentoringRouteItems.Complete(route, pair);
        await db.SaveChangesAsync(ct);
        return MentoringOp.Ok;
    }

    /// <summary>Cancels a running pair; a draft route loses its items of the pair, an agreed one notes the stop.</summary>
    public async Task<MentoringOp> CancelAsync(MentoringPair pair, CancellationToken ct = default)
    {
        if (!(await AccessAsync(pair, ct)).CanManage) return MentoringOp.Forbidden("Отменяет наставничество методист организации или муниципалитета.");
        if (MentoringRules.CheckCancel(pair) is { } refused) return MentoringOp.Conflict(refused);
        pair.Status = MentoringStatus.Cancelled;
        pair.ClosedOn = Today;
        pair.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var route in await OpenRoutesAsync(pair, ct))
            db.RouteItems.RemoveRange(MentoringRouteItems.Cancel(route, pair.Id, pair.ClosedOn.Value));
        await db.SaveChangesAsync(ct);
        return MentoringOp.Ok;
    }

    /// <summary>The open routes of the pair's mentees and mentor, tracked with their items.</summary>
    private async Task<List<DevelopmentRoute>> OpenRoutesAsync(MentoringPair pair, CancellationToken ct)
    {
        var ids = pair.Mentees.Select(m => m.PersonId).Append(pair.MentorPersonId).ToList();
        return await db.Routes.Include(r => r.Items)
            .Where(r => ids.Contains(r.PersonId) && (r.Status == RouteStatus.Draft || r.Status == RouteStatus.Submitted
                || r.Status == RouteStatus.Approved || r.Status == RouteStatus.InProgress))
            .ToListAsync(ct);
    }

    /// <summary>Section 3 of the open routes of the mentees (work with a mentor) and of the mentor (work as a mentor).</summary>
    private async Task LinkRoutesAsync(MentoringPair pair, Dictionary<Guid, PairPerson> people, CancellationToken ct)
    {
        var menteeIds = pair.Mentees.Select(m => m.PersonId).ToList();
        var text = MentoringRouteItems.Text(pair.Id, pair.Form, pair.OrderNumber, pair.OrderDate, pair.EndDate, people[pair.MentorPersonId],
            menteeIds.Select(id => people[id]).OrderBy(p => p.ShortName, StringComparer.Ordinal).ToList());
        foreach (var route in await OpenRoutesAsync(pair, ct))
        {
            var added = route.PersonId == pair.MentorPersonId ? MentoringRouteItems.LinkMentor(route, text) : MentoringRouteItems.LinkMentee(route, text);
            if (added is not null) db.RouteItems.Add(added);
        }
    }

    private string Signature(UserScope scope) => string.IsNullOrWhiteSpace(scope.DisplayName) ? user.UserName : scope.DisplayName;
}
