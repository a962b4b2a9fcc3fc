using Metodist.Web.Features.Accounts;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Routes;

public enum RouteOpStatus
{
    Ok,
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>What a change to a route came to: done, or why not (in Russian).</summary>
public sealed record RouteOp(RouteOpStatus Status, string? Message = null)
{
    public static readonly RouteOp Ok = new(RouteOpStatus.Ok);

    public static RouteOp Conflict(string message) => new(RouteOpStatus.Conflict, message);

    public static RouteOp Invalid(string message) => new(RouteOpStatus.Invalid, message);

    public bool Succeeded => Status == RouteOpStatus.Ok;
}

/// <summary>The values of one road-map item as a form or the API gives them.</summary>
public sealed record RouteItemInput(RouteSection Section, string? Title, string? Details, int? Hours, string? Status, DateOnly? Deadline, Guid? DeficitAreaId);

/// <summary>
/// Finding routes within the user's scope, and every change to them: the workflow, the draft's items, the teacher's
/// reflective reports, marking items done, and the tutor. Each change is one SaveChanges, so nothing is half-saved.
/// </summary>
public sealed class RouteService(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The routes of the people whose private records the user may see.</summary>
    public async Task<IQueryable<DevelopmentRoute>> VisibleAsync(CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.SeesEveryone) return db.Routes;
        var people = scope.PrivatePersons(db.Persons).Select(p => p.Id);
        return db.Routes.Where(r => people.Contains(r.PersonId));
    }

    /// <summary>The route with its items and steps, tracked, or null when it is not there or not visible.</summary>
    public async Task<DevelopmentRoute?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var routes = await VisibleAsync(ct);
        return await routes.Include(r => r.Person).Include(r => r.Tutor)
            .Include(r => r.Items.OrderBy(i => i.Section).ThenBy(i => i.SortOrder)).ThenInclude(i => i.DeficitArea)
            .Include(r => r.Transitions.OrderBy(t => t.At))
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    public async Task<RouteActor> ActorAsync(DevelopmentRoute route, CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        if (scope.UserId is null) return RouteActor.Nobody;
        var places = await db.Employments.AsNoTracking().Where(e => e.PersonId == route.PersonId)
            .Select(e => new { e.OrganizationId, e.MunicipalityId }).ToListAsync(ct);
        var organizations = places.Select(p => p.OrganizationId).ToHashSet();
        var municipalities = places.Select(p => p.MunicipalityId).ToHashSet();
        if (route.OrganizationId is { } o) organizations.Add(o);
        if (route.MunicipalityId is { } m) municipalities.Add(m);
        return new RouteActor(
            IsOwner: scope.PersonId == route.PersonId,
            IsTutor: scope.PersonId is not null && route.TutorPersonId == scope.PersonId,
            IsSchoolMethodist: scope.Roles.Any(r => r.Role == AppRole.SchoolMethodist && organizations.Contains(r.ScopeId)),
            IsMunicipalMethodist: scope.Roles.Any(r => r.Role == AppRole.MunicipalMethodist && municipalities.Contains(r.ScopeId)),
            IsRegionCentre: scope.IsRegionAdmin && (scope.SeesEveryone || municipalities.Count == 0 || municipalities.Any(scope.MunicipalityIds.Contains)));
    }

    /// <summary>An open route (not yet completed or closed) the teacher already has, if any.</summary>
    public Task<DevelopmentRoute?> OpenRouteOfAsync(Guid personId, CancellationToken ct = default) =>
        db.Routes.AsNoTracking()
            .Where(r => r.PersonId == personId && r.Status != RouteStatus.Completed && r.Status != RouteStatus.NotCompleted)
            .OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(ct);

    public async Task<RouteOp> TransitionAsync(DevelopmentRoute route, RouteStatus to, string? comment, CancellationToken ct = default)
    {
        var actor = await ActorAsync(route, ct);
        var check = RouteWorkflow.Check(route.Status, to, actor, comment);
        if (!check.Allowed)
            return check.Problem == TransitionProblem.CommentRequired ? RouteOp.Invalid(check.Message!) : RouteOp.Conflict(check.Message!);
        var from = route.Status;
        route.Status = to;
        // A route sent back is agreed again after the changes.
        if (to == RouteStatus.Draft) (route.OrganizationAgreedAt, route.OrganizationAgreedBy) = (null, null);
        db.RouteTransitions.Add(await StepAsync(route, from, to, comment, agreement: false, ct));
        await db.SaveChangesAsync(ct);
        return RouteOp.Ok;
    }

    public async Task<RouteOp> AgreeAsync(DevelopmentRoute route, string? comment, CancellationToken ct = default)
    {
        var check = RouteWorkflow.CheckAgreement(route, await ActorAsync(route, ct));
        if (!check.Allowed) return RouteOp.Conflict(check.Message!);
        route.OrganizationAgreedAt = DateTime.UtcNow;
        route.OrganizationAgreedBy = (await user.ScopeAsync(ct)).DisplayName is { Length: > 0 } name ? name : user.UserName;
        db.RouteTransitions.Add(await StepAsync(route, route.Status, route.Status, comment, agreement: true, ct));
        await db.SaveChangesAsync(ct);
        return RouteOp.Ok;
    }

    /// <summary>A step of the route's history, signed with the user's display name (it is printed on the form).</summary>
    private async Task<RouteTransition> StepAsync(DevelopmentRoute route, RouteStatus from, RouteStatus to, string? comment, bool agreement, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        return new RouteTransition
        {
            Id = Guid.CreateVersion7(), RouteId = route.Id, From = from, To = to, IsAgreement = agreement, At = DateTime.UtcNow,
            UserId = user.UserId, UserName = string.IsNullOrWhiteSpace(scope.DisplayName) ? user.UserName : scope.DisplayName,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };
    }

    private async Task<RouteOp?> CheckDraftEditAsync(DevelopmentRoute route, CancellationToken ct)
    {
        if (route.Status != RouteStatus.Draft)
            return RouteOp.Conflict($"Менять пункты можно только в черновике; маршрут сейчас «{route.Status.Title()}». Чтобы изменить его, верните маршрут на доработку.");
        if (!(await ActorAsync(route, ct)).CanEditDraft) return RouteOp.Conflict("Изменять этот маршрут может педагог, его тьютор или методист.");
        return null;
    }

    public async Task<RouteOp> UpdateHeaderAsync(DevelopmentRoute route, string? goal, DateOnly startsOn, DateOnly endsOn, CancellationToken ct = default)
    {
        if (await CheckDraftEditAsync(route, ct) is { } refused) return refused;
        if (endsOn <= startsOn) return RouteOp.Invalid("Дата окончания маршрута должна быть позже даты начала.");
        if (endsOn.DayNumber - startsOn.DayNumber > 3 * 366) return RouteOp.Invalid("Маршрут не может быть длиннее трёх лет.");
        route.Goal = string.IsNullOrWhiteSpace(goal) ? DevelopmentRoute.StandardGoal : goal.Trim();
        route.StartsOn = startsOn;
        route.EndsOn = endsOn;
        await db.SaveChangesAsync(ct);
        return RouteOp.Ok;
    }

    public static string? Validate(RouteItemInput input, DevelopmentRoute route)
    {
        if (string.IsNullOrWhiteSpace(input.Title)) return "Укажите содержание работы (мероприятие).";
        if (input.Title.Trim().Length > 500) return "Содержание работы — не длиннее 500 знаков.";
        if (input.Details?.Length > 1000) return "Дополнительная информация — не длиннее 1000 знаков.";
        if (input.Hours is < 1 or > 2000) return "Трудоёмкость — от 1 до 2000 часов.";
        if (input.Deadline is { } d && (d < route.StartsOn || d > route.EndsOn))
            return $"Срок должен быть в пределах маршрута: с {route.StartsOn:dd.MM.yyyy} по {route.EndsOn:dd.MM.yyyy}.";
        return null;
    }

    public async Task<(RouteOp Op, RouteItem? Item)> AddItemAsync(DevelopmentRoute route, RouteItemInput input, CancellationToken ct = default)
    {
        if (await CheckDraftEditAsync(route, ct) is { } refused) return (refused, null);
        if (Validate(input, route) is { } error) return (RouteOp.Invalid(error), null);
        var item = new RouteItem
        {
            Id = Guid.CreateVersion7(), RouteId = route.Id, PersonId = route.PersonId, Section = input.Section,
            SortOrder = route.Items.Where(i => i.Section == input.Section).Select(i => i.SortOrder).DefaultIfEmpty(0).Max() + 1,
        };
        Apply(item, input);
        db.RouteItems.Add(item);
        await db.SaveChangesAsync(ct);
        return (RouteOp.Ok, item);
    }

    public async Task<RouteOp> UpdateItemAsync(DevelopmentRoute route, RouteItem item, RouteItemInput input, CancellationToken ct = default)
    {
        if (await CheckDraftEditAsync(route, ct) is { } refused) return refused;
        if (Validate(input, route) is { } error) return RouteOp.Invalid(error);
        Apply(item, input);
        await db.SaveChangesAsync(ct);
        return RouteOp.Ok;
    }

    private static void Apply(RouteItem item, RouteItemInput input)
    {
        item.Section = input.Section;
        item.Title = input.Title!.Trim();
        item.Details = string.IsNullOrWhiteSpace(input.Details) ? null : input.Details.Trim();
        item.Hours = input.Hours;
        item.Status = string.IsNullOrWhiteSpace(input.Status) ? null : input.Status.Trim();
        item.Deadline = input.Deadline;
        item.DeficitAreaId = input.DeficitAreaId;
    }

    public async Task<RouteOp> RemoveItemAsync(DevelopmentRoute route, RouteItem item, CancellationToken ct = default)
    {
        if (await CheckDraftEditAsync(route, ct) is { } refused) return refused;
        db.RouteItems.Remove(item);
        await db.SaveChangesAsync(ct);
        return RouteOp.Ok;
    }

    /// <summary>The teacher's reflective report on an item, written while the route is approved or followed (and kept after).</summary>
    public async Task<RouteOp> SaveReflectionAsync(DevelopmentRoute route, RouteItem item, string? text, CancellationToken ct = default)
    {
        if (!(await ActorAsync(route, ct)).IsOwner) return RouteOp.Conflict("Рефлексивный отчёт пишет сам педагог.");
        if (route.Status is not (RouteStatus.Approved or RouteStatus.InProgress))
            return RouteOp.Conflict("Рефлексивный отчёт пишется, когда маршрут утверждён или выполняется.");
        if (text?.Length > 4000) return RouteOp.Invalid("Рефлексивный отчёт — не длиннее 4000 знаков.");
        item.Reflection = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        item.ReflectionAt = item.Reflection is null ? null : DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return RouteOp.Ok;
    }

    /// <summary>Marks an item done with its evidence (a certificate, a link, an order), or undone.</summary>
    public async Task<RouteOp> SetDoneAsync(DevelopmentRoute route, RouteItem item, bool done, string? evidence, DateOnly? doneOn, CancellationToken ct = default)
    {
        var actor = await ActorAsync(route, ct);
        if (!actor.CanFollow && !actor.IsOwner) return RouteOp.Conflict("Отмечать выполнение может педагог, его тьютор или методист.");
        if (route.Status is not (RouteStatus.Approved or RouteStatus.InProgress))
            return RouteOp.Conflict("Отмечать выполнение можно, когда маршрут утверждён или выполняется.");
        if (done)
        {
            if (string.IsNullOrWhiteSpace(evidence)) return RouteOp.Invalid("Укажите, чем подтверждается выполнение: номер удостоверения, ссылку, приказ, сертификат.");
            if (evidence.Length > 500) return RouteOp.Invalid("Подтверждение — не длиннее 500 знаков.");
            var date = doneOn ?? Today;
            if (date > Today) return RouteOp.Invalid("Дата выполнения не может быть в будущем.");
            item.IsDone = true;
            item.DoneOn = date;
            item.Evidence = evidence.Trim();
        }
        else
        {
            if (item.EnrolmentId is not null && item.IsDone && item.Evidence?.StartsWith("Удостоверение", StringComparison.Ordinal) == true)
                return RouteOp.Conflict("Пункт закрыт окончанием курса; чтобы снять отметку, отмените окончание обучения на странице курса.");
            item.IsDone = false;
            item.DoneOn = null;
            item.Evidence = null;
        }
        await db.SaveChangesAsync(ct);
        return RouteOp.Ok;
    }

    public async Task<RouteOp> SetTutorAsync(DevelopmentRoute route, Guid? tutorPersonId, CancellationToken ct = default)
    {
        if (!(await ActorAsync(route, ct)).IsMethodist) return RouteOp.Conflict("Назначать тьютора может методист или ЦНППМ.");
        if (route.Status is RouteStatus.Completed or RouteStatus.NotCompleted) return RouteOp.Conflict("Маршрут закрыт: тьютора не изменить.");
        if (tutorPersonId == route.PersonId) return RouteOp.Invalid("Педагог не может быть тьютором своего маршрута.");
        if (tutorPersonId is { } id && !await db.Persons.AnyAsync(p => p.Id == id, ct)) return RouteOp.Invalid("Тьютор не найден в реестре.");
        route.TutorPersonId = tutorPersonId;
        await db.SaveChangesAsync(ct);
        return RouteOp.Ok;
    }
}
