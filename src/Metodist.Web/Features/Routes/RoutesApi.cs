using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Routes;

public sealed record RouteItemView(
    Guid Id, string Section, string SectionName, int SortOrder, string Title, string? Details, int? Hours, string? Status, DateOnly? Deadline,
    string? DeficitArea, string? DeficitAreaName, Guid? CourseId, Guid? EnrolmentId, string? Reason, string? Reflection, DateTime? ReflectionAt,
    bool IsDone, DateOnly? DoneOn, string? Evidence);

public sealed record RouteTransitionView(string From, string To, bool IsAgreement, DateTime At, string UserName, string? Comment);

public sealed record RouteView(
    Guid Id, Guid TeacherId, string TeacherName, string Status, string StatusName, Guid? MunicipalityId, string? Municipality,
    Guid? OrganizationId, string? Organization, string? Position, string? Subject, DateOnly? TestDate, string? DeficitLevel, string? DeficitLevelName,
    string Goal, DateOnly StartsOn, DateOnly EndsOn, Guid? TutorId, string? TutorName, DateTime? OrganizationAgreedAt, string? OrganizationAgreedBy,
    DateTime CreatedAt, string CreatedBy, IReadOnlyList<RouteItemView> Items, IReadOnlyList<RouteTransitionView> Transitions);

public sealed record RouteSummary(
    Guid Id, Guid TeacherId, string TeacherName, string Status, string StatusName, Guid? MunicipalityId, string? Municipality, string? Organization,
    string? DeficitLevel, DateOnly StartsOn, DateOnly EndsOn, bool OrganizationAgreed, string? TutorName, int ItemsTotal, int ItemsDone, DateTime UpdatedAt);

public sealed record RoutePage(IReadOnlyList<RouteSummary> Items, int Total, int Page, int PageSize);

public sealed record DraftRequest(Guid? TeacherId);

public sealed record TransitionRequest(string? To, string? Comment);

public sealed record CommentRequest(string? Comment);

public static class RoutesApi
{
    public static void MapRoutesEndpoints(this RouteGroupBuilder api)
    {
        var routes = api.MapGroup("/routes").WithTags("ИОМ");
        routes.MapPost("/draft", DraftAsync).WithSummary("Составляет черновик ИОМ по последнему профилю дефицитов педагога");
        routes.MapGet("/", ListAsync).WithSummary("Маршруты в области видимости: status, municipalityId, page");
        routes.MapGet("/{id:guid}", GetAsync).WithSummary("Маршрут с пунктами и историей согласования");
        routes.MapPost("/{id:guid}/transitions", TransitionAsync)
            .WithSummary("Переход: to = submitted, approved, inProgress, completed, notCompleted или draft; 409 — если роль или состояние не позволяют");
        routes.MapPost("/{id:guid}/agreement", AgreeAsync).WithSummary("Согласование маршрута образовательной организацией (состояние остаётся «на согласовании»)");
        routes.MapGet("/{id:guid}/docx", DocxAsync).WithSummary("Маршрут в DOCX по форме ИОМ");
    }

    public static RouteView ToView(DevelopmentRoute r) => new(
        r.Id, r.PersonId, r.Person?.FullName ?? "", r.Status.Code(), r.Status.Title(), r.MunicipalityId, r.MunicipalityName, r.OrganizationId, r.OrganizationName,
        r.PositionName, r.SubjectName, r.TestDate, r.DeficitLevel?.Code(), r.DeficitLevel?.Title(), r.Goal, r.StartsOn, r.EndsOn, r.TutorPersonId, r.Tutor?.FullName,
        r.OrganizationAgreedAt, r.OrganizationAgreedBy, r.CreatedAt, r.CreatedBy,
        r.Items.OrderBy(i => i.Section).ThenBy(i => i.SortOrder).Select(i => new RouteItemView(
            i.Id, i.Section.Code(), i.Section.ShortTitle(), i.SortOrder, i.Title, i.Details, i.Hours, i.Status, i.Deadline, i.DeficitArea?.Code, i.DeficitArea?.Name,
            i.CourseId, i.EnrolmentId, i.Reason, i.Reflection, i.ReflectionAt, i.IsDone, i.DoneOn, i.Evidence)).ToList(),
        r.Transitions.OrderBy(t => t.At).Select(t => new RouteTransitionView(t.From.Code(), t.To.Code(), t.IsAgreement, t.At, t.UserName, t.Comment)).ToList());

    private static async Task<Results<Created<RouteView>, ProblemHttpResult>> DraftAsync(DraftRequest? request, RouteService routes, RouteDrafts drafts,
        CurrentUser user, AppDbContext db, CancellationToken ct)
    {
        if (request?.TeacherId is not { } teacherId) return Problems.BadRequest("Укажите teacherId — педагога, для которого составляется маршрут.");
        var scope = await user.ScopeAsync(ct);
        if (!await scope.PrivatePersons(db.Persons).AnyAsync(p => p.Id == teacherId, ct))
            return Problems.NotFound("Педагог не найден или недоступен в вашей области видимости.");
        if (!scope.IsMethodist && scope.PersonId != teacherId && !scope.TutoredPersonIds.Contains(teacherId))
            return Problems.Forbidden("Составлять маршрут может методист, тьютор или сам педагог.");
        if (await routes.OpenRouteOfAsync(teacherId, ct) is { } open)
            return Problems.Conflict($"У педагога уже есть маршрут в состоянии «{open.Status.Title()}» (с {open.StartsOn:dd.MM.yyyy}); новый составляется после его завершения.");
        var route = await drafts.CreateAsync(teacherId, user.UserName, user.UserId, ct);
        if (route is null) return Problems.NotFound("Педагог не найден.");
        var saved = await routes.FindAsync(route.Id, ct);
        return TypedResults.Created($"/api/routes/{route.Id}", ToView(saved!));
    }

    private static async Task<Results<Ok<RoutePage>, ProblemHttpResult>> ListAsync(RouteList list, string? status, Guid? municipalityId, Guid? organizationId,
        string? search, int? page, int? pageSize, CancellationToken ct)
    {
        RouteStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            parsed = RouteTitles.ParseStatus(status);
            if (parsed is null) return Problems.BadRequest("Неизвестное состояние: допустимы draft, submitted, approved, inProgress, completed, notCompleted.");
        }
        var filter = new RouteFilter { Status = parsed, MunicipalityId = municipalityId, OrganizationId = organizationId, Search = search, Page = page ?? 1, PageSize = pageSize ?? 50 };
        var result = await list.PageAsync(filter, ct);
        return TypedResults.Ok(new RoutePage(result.Items, result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Ok<RouteView>, ProblemHttpResult>> GetAsync(Guid id, RouteService routes, CancellationToken ct)
    {
        var route = await routes.FindAsync(id, ct);
        return route is null ? Problems.NotFound("Маршрут не найден или недоступен в вашей области видимости.") : TypedResults.Ok(ToView(route));
    }

    private static async Task<Results<Ok<RouteView>, ProblemHttpResult>> TransitionAsync(Guid id, TransitionRequest? request, RouteService routes, CancellationToken ct)
    {
        var route = await routes.FindAsync(id, ct);
        if (route is null) return Problems.NotFound("Маршрут не найден или недоступен в вашей области видимости.");
        if (RouteTitles.ParseStatus(request?.To) is not { } to)
            return Problems.BadRequest("Укажите to: submitted, approved, inProgress, completed, notCompleted или draft.");
        var op = await routes.TransitionAsync(route, to, request!.Comment, ct);
        return Result(op, route);
    }

    private static async Task<Results<Ok<RouteView>, ProblemHttpResult>> AgreeAsync(Guid id, CommentRequest? request, RouteService routes, CancellationToken ct)
    {
        var route = await routes.FindAsync(id, ct);
        if (route is null) return Problems.NotFound("Маршрут не найден или недоступен в вашей области видимости.");
        return Result(await routes.AgreeAsync(route, request?.Comment, ct), route);
    }

    internal static Results<Ok<RouteView>, ProblemHttpResult> Result(RouteOp op, DevelopmentRoute route) => op.Status switch
    {
        RouteOpStatus.Ok => TypedResults.Ok(ToView(route)),
        RouteOpStatus.Invalid => Problems.BadRequest(op.Message!),
        RouteOpStatus.NotFound => Problems.NotFound(op.Message ?? "Маршрут не найден."),
        _ => Problems.Conflict(op.Message!),
    };

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocxAsync(Guid id, RouteService routes, RouteDocuments documents, CancellationToken ct)
    {
        var route = await routes.FindAsync(id, ct);
        if (route is null) return Problems.NotFound("Маршрут не найден или недоступен в вашей области видимости.");
        var (content, fileName) = await documents.DocxAsync(route, ct);
        return TypedResults.File(content, RouteDocuments.DocxContentType, fileName);
    }
}
