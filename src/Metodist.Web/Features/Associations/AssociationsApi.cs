using Metodist.Web.Features.Events;
using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Associations;

public sealed record CreateAssociationRequest(
    string? Name, string? Level, string? Kind, string? Subject, Guid? MunicipalityId, Guid? OrganizationId, Guid? LeaderId, Guid? BaseOrganizationId,
    string? LeaderTitle, string? LeaderOrderNumber, DateOnly? LeaderOrderDate, string? Description, string? ReportDates);

public sealed record AddMemberRequest(Guid? TeacherId, string? Role, string? FullName, string? Position, string? Organization);

public sealed record CreatePlanRequest(string? AcademicYear, string? Kind, string? Title);

public sealed record CreatePlanItemRequest(
    string? Title, string? Kind, int? Month, DateOnly? Date, Guid? VenueOrganizationId, List<Guid>? ResponsibleIds, string? Content, int? EndMonth,
    string? Timing, string? TimingNote, string? ResponsibleText);

public sealed record OutcomeRequest(string? Outcome, string? Reason, DateOnly? Date);

public sealed record MemberView(
    Guid Id, Guid? TeacherId, string FullName, string? Position, string? Organization, string Role, string RoleName, string Status, string StatusName,
    DateOnly? JoinedOn);

public sealed record AssociationView(
    Guid Id, string Name, string Level, string LevelName, string Kind, string KindName, string Subject, Guid? SubjectId, Guid RegionId,
    Guid? MunicipalityId, string? Municipality, Guid? OrganizationId, string? Organization, Guid? BaseOrganizationId, string? BaseOrganization,
    Guid? LeaderId, string? LeaderName, string? LeaderTitle, string? LeaderOrderNumber, DateOnly? LeaderOrderDate, string ReportDates, int MembersCount,
    IReadOnlyList<MemberView>? Members);

public sealed record AssociationItems(IReadOnlyList<AssociationView> Items, int Total, int Page, int PageSize);

public sealed record PlanItemView(
    Guid Id, int Number, string Title, string? Content, string? Kind, string? KindName, string Timing, int? Month, int? EndMonth, DateOnly? Date,
    string TimingText, string? TimingNote, DateOnly Deadline, Guid? VenueOrganizationId, string? Venue, IReadOnlyList<Guid> ResponsibleIds,
    string? ResponsibleText, string Outcome, string? OutcomeReason, string Progress, string ProgressName, bool IsLate);

public sealed record PlanView(
    Guid Id, Guid? AssociationId, string? Association, string Kind, string KindName, string Title, string AcademicYear, string Status, string StatusName,
    DateOnly? ApprovedOn, string? ApprovalDocument, DateTime? PublishedAt, IReadOnlyList<PlanItemView> Items);

/// <summary>The API of associations, members and plans; the contract of the issue holds exactly.</summary>
public static class AssociationsApi
{
    public static void MapAssociationsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/associations").WithTags("Методические объединения");
        group.MapPost("/", CreateAsync).WithSummary("Создаёт объединение: name, level (school|municipal|intermunicipal|regional), kind, subject, municipalityId, organizationId, leaderId");
        group.MapGet("/", ListAsync).WithSummary("Объединения в области видимости: level, municipalityId, kind, search, page");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("Объединение с составом");
        group.MapPost("/{id:guid}/members", AddMemberAsync).WithSummary("Добавляет участника: teacherId, role (member|leader|curator|council|adviser|secretary)");
        group.MapPost("/{id:guid}/join", JoinAsync).WithSummary("Заявка педагога на вступление");
        group.MapPost("/{id:guid}/members/{memberId:guid}/accept", (Guid id, Guid memberId, AssociationService s, CancellationToken ct) => DecideAsync(id, memberId, true, s, ct))
            .WithSummary("Руководитель принимает заявку");
        group.MapPost("/{id:guid}/members/{memberId:guid}/decline", (Guid id, Guid memberId, AssociationService s, CancellationToken ct) => DecideAsync(id, memberId, false, s, ct))
            .WithSummary("Руководитель отклоняет заявку");
        group.MapPost("/{id:guid}/plans", CreatePlanAsync).WithSummary("Создаёт план работы на учебный год: academicYear («2025-2026»), kind (workPlan|roadMap)");

        var plans = api.MapGroup("/plans").WithTags("Методические объединения");
        plans.MapGet("/{id:guid}", GetPlanAsync).WithSummary("План с пунктами и их исполнением");
        plans.MapPost("/{id:guid}/items", AddItemAsync).WithSummary("Добавляет пункт: title, kind, month (1–12) или date, venueOrganizationId, responsibleIds");
        plans.MapPost("/{id:guid}/items/{itemId:guid}/outcome", OutcomeAsync).WithSummary("Исполнение пункта: outcome (done|moved|notDone|planned), reason");
        plans.MapPost("/{id:guid}/approve", (Guid id, AssociationService s, AppDbContext db, CancellationToken ct) => AdvanceAsync(id, PlanStatus.Approved, s, db, ct))
            .WithSummary("Утверждает план");
        plans.MapPost("/{id:guid}/publish", (Guid id, AssociationService s, AppDbContext db, CancellationToken ct) => AdvanceAsync(id, PlanStatus.Published, s, db, ct))
            .WithSummary("Публикует план на открытом сайте");
        plans.MapGet("/{id:guid}/docx", DocxAsync).WithSummary("План или дорожная карта в DOCX (таблица, как в программе ММО)");
    }

    internal static ProblemHttpResult Problem(Op op) => op.Status switch
    {
        OpStatus.Invalid => Problems.BadRequest(op.Message!),
        OpStatus.Forbidden => Problems.Forbidden(op.Message!),
        OpStatus.NotFound => Problems.NotFound(op.Message!),
        _ => Problems.Conflict(op.Message!),
    };

    private static async Task<Results<Created<AssociationView>, ProblemHttpResult>> CreateAsync(CreateAssociationRequest? request, AssociationService service,
        AppDbContext db, CancellationToken ct)
    {
        if (request is null) return Problems.BadRequest("Передайте объединение в теле запроса: name, level, kind, subject.");
        if (AssociationTitles.ParseLevel(request.Level) is not { } level)
            return Problems.BadRequest($"Уровень объединения «{request.Level}» не распознан. Допустимые значения: {AssociationTitles.AllowedLevels}.");
        var kind = AssociationKind.MethodicalAssociation;
        if (!string.IsNullOrWhiteSpace(request.Kind))
        {
            if (AssociationTitles.ParseKind(request.Kind) is not { } parsed)
                return Problems.BadRequest($"Вид объединения «{request.Kind}» не распознан. Допустимые значения: {AssociationTitles.AllowedKinds}.");
            kind = parsed;
        }
        var (op, association) = await service.CreateAsync(new NewAssociation(request.Name, level, kind, request.Subject, request.MunicipalityId,
            request.OrganizationId, request.LeaderId, request.BaseOrganizationId, request.LeaderTitle, request.LeaderOrderNumber, request.LeaderOrderDate,
            request.Description, request.ReportDates), ct);
        if (!op.Succeeded) return Problem(op);
        var saved = await service.FindAsync(association!.Id, ct);
        return TypedResults.Created($"/api/associations/{association.Id}", await ViewAsync(saved!, true, db, ct));
    }

    private static async Task<Results<Ok<AssociationItems>, ProblemHttpResult>> ListAsync(AssociationService service, AppDbContext db, string? level,
        Guid? municipalityId, string? kind, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var query = await service.VisibleAsync(ct);
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (AssociationTitles.ParseLevel(level) is not { } parsed)
                return Problems.BadRequest($"Уровень объединения «{level}» не распознан. Допустимые значения: {AssociationTitles.AllowedLevels}.");
            query = query.Where(a => a.Level == parsed);
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (AssociationTitles.ParseKind(kind) is not { } parsed)
                return Problems.BadRequest($"Вид объединения «{kind}» не распознан. Допустимые значения: {AssociationTitles.AllowedKinds}.");
            query = query.Where(a => a.Kind == parsed);
        }
        if (municipalityId is { } m) query = query.Where(a => a.MunicipalityId == m);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // SQLite's lower() folds only Latin letters, so the few associations of a scope are matched here.
            var text = search.Trim();
            var matching = (await query.Select(a => new { a.Id, a.Name, a.Subject }).ToListAsync(ct))
                .Where(a => a.Name.Contains(text, StringComparison.CurrentCultureIgnoreCase) || a.Subject.Contains(text, StringComparison.CurrentCultureIgnoreCase))
                .Select(a => a.Id).ToList();
            query = query.Where(a => matching.Contains(a.Id));
        }
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(1, page ?? 1);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(a => a.Level).ThenBy(a => a.Name).Skip((number - 1) * size).Take(size)
            .Include(a => a.Leader).Include(a => a.Municipality).Include(a => a.Organization).Include(a => a.BaseOrganization).Include(a => a.Members)
            .AsSplitQuery().AsNoTracking().ToListAsync(ct);
        var items = new List<AssociationView>();
        foreach (var a in rows) items.Add(await ViewAsync(a, false, db, ct));
        return TypedResults.Ok(new AssociationItems(items, total, number, size));
    }

    private static async Task<Results<Ok<AssociationView>, ProblemHttpResult>> GetAsync(Guid id, AssociationService service, AppDbContext db, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } a) return Problems.NotFound(AssociationService.NotFoundMessage);
        return TypedResults.Ok(await ViewAsync(a, await service.CanManageAsync(a, ct) || await IsMemberAsync(a, service, ct), db, ct));
    }

    private static async Task<bool> IsMemberAsync(Association a, AssociationService service, CancellationToken ct)
    {
        var scope = await service.ScopeAsync(ct);
        return scope.PersonId is { } me && a.Members.Any(m => m.PersonId == me && m.Status == MemberStatus.Active);
    }

    private static async Task<Results<Created<MemberView>, ProblemHttpResult>> AddMemberAsync(Guid id, AddMemberRequest? request, AssociationService service,
        CancellationToken ct)
    {
        if (request is null) return Problems.BadRequest("Передайте участника: teacherId, role.");
        if (await service.FindAsync(id, ct) is not { } a) return Problems.NotFound(AssociationService.NotFoundMessage);
        var role = MemberRole.Member;
        if (!string.IsNullOrWhiteSpace(request.Role))
        {
            if (AssociationTitles.ParseRole(request.Role) is not { } parsed)
                return Problems.BadRequest($"Роль «{request.Role}» не распознана. Допустимые значения: {AssociationTitles.AllowedRoles}.");
            role = parsed;
        }
        var (op, member) = await service.AddMemberAsync(a, request.TeacherId, role, request.FullName, request.Position, request.Organization, ct);
        return op.Succeeded ? TypedResults.Created($"/api/associations/{id}", ToView(member!)) : Problem(op);
    }

    private static async Task<Results<Created<MemberView>, ProblemHttpResult>> JoinAsync(Guid id, AssociationService service, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } a) return Problems.NotFound(AssociationService.NotFoundMessage);
        var (op, member) = await service.RequestJoinAsync(a, null, ct);
        return op.Succeeded ? TypedResults.Created($"/api/associations/{id}", ToView(member!)) : Problem(op);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DecideAsync(Guid id, Guid memberId, bool accept, AssociationService service, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } a) return Problems.NotFound(AssociationService.NotFoundMessage);
        var op = await service.DecideAsync(a, memberId, accept, ct);
        return op.Succeeded ? TypedResults.NoContent() : Problem(op);
    }

    private static async Task<Results<Created<PlanView>, ProblemHttpResult>> CreatePlanAsync(Guid id, CreatePlanRequest? request, AssociationService service,
        AppDbContext db, CancellationToken ct)
    {
        if (request is null) return Problems.BadRequest("Передайте учебный год: {\"academicYear\": \"2025-2026\"}.");
        if (await service.FindAsync(id, ct) is not { } a) return Problems.NotFound(AssociationService.NotFoundMessage);
        var kind = PlanKind.WorkPlan;
        if (!string.IsNullOrWhiteSpace(request.Kind))
        {
            if (AssociationTitles.ParsePlanKind(request.Kind) is not { } parsed) return Problems.BadRequest("Вид плана: workPlan (план работы) или roadMap (дорожная карта).");
            kind = parsed;
        }
        var (op, plan) = await service.CreatePlanAsync(a, request.AcademicYear, kind, request.Title, ct);
        if (!op.Succeeded) return Problem(op);
        return TypedResults.Created($"/api/plans/{plan!.Id}", await PlanViewAsync(plan, service, db, ct));
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> GetPlanAsync(Guid id, AssociationService service, AppDbContext db, CancellationToken ct) =>
        await service.FindPlanAsync(id, ct) is { } plan ? TypedResults.Ok(await PlanViewAsync(plan, service, db, ct)) : Problems.NotFound(AssociationService.PlanNotFound);

    internal static async Task<(NewPlanItem? Input, ProblemHttpResult? Problem)> ParseItemAsync(CreatePlanItemRequest request)
    {
        await Task.CompletedTask;
        EventKind? kind = null;
        if (!string.IsNullOrWhiteSpace(request.Kind))
        {
            kind = AssociationTitles.ParseEventKind(request.Kind);
            if (kind is null && AssociationTitles.Fold(request.Kind) is not ("other" or "прочее" or "организационная" or "организационнаяработа" or "task" or "work"))
                return (null, Problems.BadRequest($"Вид мероприятия «{request.Kind}» не распознан. Допустимые значения: {AssociationTitles.AllowedEventKinds}, other (организационная работа)."));
        }
        PlanTiming? timing = null;
        if (!string.IsNullOrWhiteSpace(request.Timing))
        {
            timing = AssociationTitles.Fold(request.Timing) switch
            {
                "month" or "месяц" => PlanTiming.Month,
                "date" or "дата" => PlanTiming.Date,
                "months" or "period" or "месяцы" => PlanTiming.Months,
                "wholeperiod" or "всеченивсегопериода" or "втечениевсегопериода" or "always" => PlanTiming.WholePeriod,
                "asscheduled" or "schedule" or "всоответствиисграфиком" or "всоответствиисграфикомпроведения" => PlanTiming.AsScheduled,
                _ => null,
            };
            if (timing is null) return (null, Problems.BadRequest("Срок: month, date, months, wholePeriod («в течение всего периода») или asScheduled («в соответствии с графиком»)."));
        }
        return (new NewPlanItem(request.Title, request.Content, kind, timing, request.Month, request.EndMonth, request.Date, request.TimingNote,
            request.VenueOrganizationId, request.ResponsibleIds ?? [], request.ResponsibleText), null);
    }

    private static async Task<Results<Created<PlanItemView>, ProblemHttpResult>> AddItemAsync(Guid id, CreatePlanItemRequest? request, AssociationService service,
        AppDbContext db, CancellationToken ct)
    {
        if (request is null) return Problems.BadRequest("Передайте пункт плана: title, kind, month или date, responsibleIds.");
        if (await service.FindPlanAsync(id, ct) is not { } plan) return Problems.NotFound(AssociationService.PlanNotFound);
        var (input, problem) = await ParseItemAsync(request);
        if (problem is not null) return problem;
        var (op, item) = await service.AddItemAsync(plan, input!, ct);
        if (!op.Succeeded) return Problem(op);
        var view = await PlanViewAsync(plan, service, db, ct);
        return TypedResults.Created($"/api/plans/{id}", view.Items.Single(i => i.Id == item!.Id));
    }

    private static async Task<Results<Ok<PlanItemView>, ProblemHttpResult>> OutcomeAsync(Guid id, Guid itemId, OutcomeRequest? request, AssociationService service,
        AppDbContext db, CancellationToken ct)
    {
        if (await service.FindPlanAsync(id, ct) is not { } plan) return Problems.NotFound(AssociationService.PlanNotFound);
        if (plan.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return Problems.NotFound("Пункт плана не найден.");
        if (AssociationTitles.ParseOutcome(request?.Outcome) is not { } outcome) return Problems.BadRequest("Исполнение: done, moved, notDone или planned.");
        var op = await service.SetOutcomeAsync(plan, item, outcome, request!.Reason, request.Date, ct);
        if (!op.Succeeded) return Problem(op);
        return TypedResults.Ok((await PlanViewAsync(plan, service, db, ct)).Items.Single(i => i.Id == itemId));
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> AdvanceAsync(Guid id, PlanStatus to, AssociationService service, AppDbContext db, CancellationToken ct)
    {
        if (await service.FindPlanAsync(id, ct) is not { } plan) return Problems.NotFound(AssociationService.PlanNotFound);
        var op = await service.AdvancePlanAsync(plan, to, null, ct);
        return op.Succeeded ? TypedResults.Ok(await PlanViewAsync(plan, service, db, ct)) : Problem(op);
    }

    private static async Task<IResult> DocxAsync(Guid id, AssociationService service, AssociationDocuments documents, CancellationToken ct)
    {
        if (await service.FindPlanAsync(id, ct) is not { } plan) return Problems.NotFound(AssociationService.PlanNotFound);
        var (bytes, name) = await documents.PlanAsync(plan, ct);
        return TypedResults.File(bytes, AssociationDocx.ContentType, name);
    }

    internal static MemberView ToView(AssociationMember m) => new(
        m.Id, m.PersonId, m.FullName, m.Position, m.OrganizationName, m.Role.Code(), m.Role.Title(), m.Status.Code(), m.Status.Title(), m.JoinedOn);

    internal static async Task<AssociationView> ViewAsync(Association a, bool withMembers, AppDbContext db, CancellationToken ct)
    {
        await Task.CompletedTask;
        var active = a.Members.Where(m => m.Status == MemberStatus.Active).ToList();
        return new AssociationView(
            a.Id, a.Name, a.Level.Code(), a.Level.Title(), a.Kind.Code(), a.Kind.Title(), a.Subject, a.SubjectId, a.RegionId, a.MunicipalityId, a.Municipality?.Name,
            a.OrganizationId, a.Organization?.ShortName, a.BaseOrganizationId, a.BaseOrganization?.ShortName, a.LeaderPersonId, a.Leader?.FullName, a.LeaderTitle,
            a.LeaderOrderNumber, a.LeaderOrderDate, a.ReportDates, active.Count,
            withMembers ? a.Members.Where(m => m.Status is MemberStatus.Active or MemberStatus.Requested).OrderBy(m => m.SortOrder).Select(ToView).ToList() : null);
    }

    internal static async Task<PlanView> PlanViewAsync(WorkPlan plan, AssociationService service, AppDbContext db, CancellationToken ct)
    {
        var progress = await service.ProgressAsync(plan, ct);
        var year = AcademicYear.Parse(plan.AcademicYear) ?? AcademicYear.Of(service.Today);
        var venues = plan.Items.Where(i => i.VenueOrganizationId is not null).Select(i => i.VenueOrganizationId!.Value).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => venues.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct);
        return new PlanView(plan.Id, plan.AssociationId, plan.Association?.Name, plan.Kind.Code(), plan.Kind.Title(), plan.Title, plan.AcademicYear,
            plan.Status.Code(), plan.Status.Title(), plan.ApprovedOn, plan.ApprovalDocument, plan.PublishedAt,
            plan.Items.OrderBy(i => i.Number).Select(i =>
            {
                var p = progress[i.Id];
                var timing = AssociationService.Timing(i);
                return new PlanItemView(i.Id, i.Number, i.Title, i.Content, i.Kind?.Code(), i.Kind?.Title(), i.Timing.ToString().ToLowerInvariant() switch
                {
                    "wholeperiod" => "wholePeriod", "asscheduled" => "asScheduled", var t => t,
                }, i.Month, i.EndMonth, i.Date, PlanRules.TimingText(timing, year), i.TimingNote, PlanRules.Deadline(timing, year, year.End),
                    i.VenueOrganizationId, i.VenueOrganizationId is { } v ? names.GetValueOrDefault(v) : null, i.Responsible.Select(r => r.PersonId).ToList(),
                    i.ResponsibleText, i.Outcome.Code(), i.OutcomeReason, p.Code(), p.Title(), p == ItemProgress.Late);
            }).ToList());
    }
}
