using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metodist.Web.Features.Asset;

public sealed record AssetRequirementItem(string Code, string Title, bool Met, bool Judged);

public sealed record AssetCandidateItem(
    Guid TeacherId, string Name, string? Organization, string? Municipality, IReadOnlyList<string> Subjects, string Category, string CategoryName,
    int? ExperienceYears, bool Eligible, string Fit, string FitName, IReadOnlyList<AssetRequirementItem> Requirements, string? Status, Guid? MethodistId);

public sealed record AssetCandidatePage(IReadOnlyList<AssetCandidateItem> Items, int Total, int Page, int PageSize);

public sealed record AssetRef(Guid Id, string Name);

public sealed record AssetMethodistItem(
    Guid Id, Guid TeacherId, string Name, string? Organization, string Status, string StatusName, IReadOnlyList<AssetRef> Subjects,
    IReadOnlyList<AssetRef> Municipalities, int AssignedTeachers, int LoadNorm, bool Overloaded, DateOnly? ActiveSince);

public sealed record AssetMethodistPage(IReadOnlyList<AssetMethodistItem> Items, int Total, int Page, int PageSize);

public sealed record AssetHistoryItem(string From, string To, DateTime At, string UserName, string? Comment);

public sealed record AssetTeacherItem(Guid TeacherId, string Name, string? Organization, string? Municipality, IReadOnlyList<string> Subjects, DateOnly AssignedOn);

public sealed record AssetMethodistDetail(
    Guid Id, Guid TeacherId, string Name, string Status, string StatusName, string Fit, IReadOnlyList<AssetRequirementItem> Requirements,
    IReadOnlyList<AssetRef> Subjects, IReadOnlyList<AssetRef> Municipalities, int AssignedTeachers, int LoadNorm, bool Overloaded,
    DateOnly? AssessedOn, string? AssessmentResult, Guid? TrainingCourseId, string? TrainingCourse, DateOnly? TrainedOn, DateOnly? ActiveSince,
    string? OrderNumber, DateOnly? WithdrawnOn, string? WithdrawalReason, IReadOnlyList<AssetHistoryItem> History, IReadOnlyList<AssetTeacherItem> Teachers);

public sealed record AssetCreateRequest(
    Guid? TeacherId, string? Status, List<Guid>? SubjectIds, List<Guid>? MunicipalityIds,
    bool? AssociationLeader, bool? ExamExpert, bool? CommunityLeader, bool? HighStudentResults);

public sealed record AssetUpdateRequest(
    List<Guid>? SubjectIds, List<Guid>? MunicipalityIds, int? LoadNorm, bool? AssociationLeader, bool? ExamExpert, bool? CommunityLeader, bool? HighStudentResults);

public sealed record AssetTransitionRequest(string? To, DateOnly? Date, string? Result, Guid? CourseId, string? OrderNumber, string? Reason);

public sealed record AssetAssignmentsRequest(List<Guid>? TeacherIds);

public sealed record AssetAssignmentsResult(int Assigned, int Moved, int AssignedTeachers, int LoadNorm, bool Overloaded, IReadOnlyList<string> Warnings);

public sealed record AssetBulkRequest(Guid? SubjectId, Guid? MunicipalityId, bool? Preview, bool? UpToNorm);

public sealed record AssetBulkMethodist(Guid Id, string Name, int Before, int Adding, int After, int LoadNorm, bool Overloaded);

public sealed record AssetBulkResult(
    Guid SubjectId, string Subject, Guid? MunicipalityId, string? Municipality, int Teachers, int Assigned, int Uncovered, int LeftOver, bool Applied,
    IReadOnlyList<AssetBulkMethodist> Methodists, IReadOnlyList<string> Warnings);

/// <summary>The API of the methodical asset: candidates, members, their way through the statuses, and the teachers assigned to them.</summary>
public static class AssetApi
{
    private const string StaffOnly = "Методический актив доступен сотрудникам методических служб и ЦНППМ.";

    public static void MapAssetEndpoints(this RouteGroupBuilder api)
    {
        var asset = api.MapGroup("/asset").WithTags("Методический актив");
        asset.MapGet("/candidates", CandidatesAsync)
            .WithSummary("Кандидаты в региональные методисты: найденные по реестру (высшая категория, стаж от 5 лет) и включённые в кандидаты; municipalityId, subjectId, search, eligibleOnly, page");
        asset.MapGet("/methodists", MethodistsAsync)
            .WithSummary("Региональные методисты и кандидаты с числом закреплённых педагогов (assignedTeachers): status, municipalityId (территория), subjectId, search, page");
        asset.MapGet("/methodists/{id:guid}", MethodistAsync).WithSummary("Карточка регионального методиста (id записи или id педагога): требования, история, закреплённые педагоги");
        asset.MapPost("/methodists", CreateAsync).WithSummary("Включение педагога в методический актив (кандидатом или на этапе status); только администратор региона");
        asset.MapPut("/methodists/{id:guid}", UpdateAsync).WithSummary("Предметы, территория, норма нагрузки и экспертно подтверждаемые требования методиста");
        asset.MapPost("/methodists/{id:guid}/transitions", TransitionAsync)
            .WithSummary("Смена статуса: to = assessed (date, result), trained (courseId, date), active (date, orderNumber), withdrawn (date, reason); 409 — переход недопустим");
        asset.MapPost("/methodists/{id:guid}/assignments", AssignAsync)
            .WithSummary("Закрепление педагогов за действующим методистом (id записи или id педагога-методиста); 409 — методист не действующий, 400 — неизвестные педагоги");
        asset.MapDelete("/methodists/{id:guid}/assignments/{teacherId:guid}", UnassignAsync).WithSummary("Открепление педагога от методиста");
        asset.MapPost("/assignments/bulk", BulkAsync)
            .WithSummary("Массовое закрепление незакреплённых педагогов предмета subjectId на территории (municipalityId или вся территория методистов) за действующими методистами; preview = true — только расчёт");
    }

    private static ProblemHttpResult Problem(AssetOp op) => op.Status switch
    {
        AssetOpStatus.NotFound => Problems.NotFound(op.Message ?? AssetService.MethodistNotFound),
        AssetOpStatus.Forbidden => Problems.Forbidden(op.Message ?? AssetService.AdminOnly),
        AssetOpStatus.Conflict => Problems.Conflict(op.Message!),
        _ => Problems.BadRequest(op.Message!),
    };

    internal static IReadOnlyList<AssetRequirementItem> Requirements(AssetEligibilityResult eligibility) =>
        eligibility.Requirements.Select(r => new AssetRequirementItem(r.Code, r.Title, r.Met, r.IsJudged)).ToList();

    private static async Task<Results<Ok<AssetCandidatePage>, ProblemHttpResult>> CandidatesAsync(AssetCandidates candidates, AssetService asset,
        Guid? municipalityId, Guid? subjectId, string? search, bool? eligibleOnly, int? page, int? pageSize, CancellationToken ct)
    {
        if (!(await asset.ScopeAsync(ct)).IsStaff) return Problems.Forbidden(StaffOnly);
        var result = await candidates.PageAsync(new CandidateFilter
        {
            MunicipalityId = municipalityId, SubjectId = subjectId, Search = search, EligibleOnly = eligibleOnly ?? false, Page = page ?? 1, PageSize = pageSize ?? 50,
        }, ct);
        var items = result.Items.Select(r => new AssetCandidateItem(r.PersonId, r.Name, r.Organization, r.Municipality, r.Subjects, r.Category.ToString(),
            r.Category.Title(), r.ExperienceYears, r.Eligibility.Eligible, r.Eligibility.Fit.Code(), r.Eligibility.Fit.Title(), Requirements(r.Eligibility),
            r.IsCandidate ? AssetStatus.Candidate.Code() : null, r.MethodistId)).ToList();
        return TypedResults.Ok(new AssetCandidatePage(items, result.Total, result.Page, result.PageSize));
    }

    private static AssetMethodistItem ToItem(MethodistRow r) => new(
        r.Id, r.PersonId, r.Name, r.Organization, r.Status.Code(), r.Status.Title(), r.Subjects.Select(s => new AssetRef(s.Id, s.Name)).ToList(),
        r.Municipalities.Select(m => new AssetRef(m.Id, m.Name)).ToList(), r.Assigned, r.Norm, r.Overloaded, r.ActiveSince);

    private static async Task<Results<Ok<AssetMethodistPage>, ProblemHttpResult>> MethodistsAsync(AssetList list, AssetService asset,
        string? status, Guid? municipalityId, Guid? subjectId, string? search, bool? overloaded, int? page, int? pageSize, CancellationToken ct)
    {
        if (!(await asset.ScopeAsync(ct)).IsStaff) return Problems.Forbidden(StaffOnly);
        AssetStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            parsed = AssetTitles.ParseStatus(status);
            if (parsed is null) return Problems.BadRequest($"Неизвестный статус «{status}»: допустимы {AssetTitles.Codes}.");
        }
        var result = await list.PageAsync(new MethodistFilter
        {
            Status = parsed, MunicipalityId = municipalityId, SubjectId = subjectId, Search = search, OverloadedOnly = overloaded ?? false,
            Page = page ?? 1, PageSize = pageSize ?? 50,
        }, ct);
        return TypedResults.Ok(new AssetMethodistPage(result.Items.Select(ToItem).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Ok<AssetMethodistDetail>, ProblemHttpResult>> MethodistAsync(Guid id, AssetService asset, AssetCard card, CancellationToken ct)
    {
        var methodist = await asset.FindAsync(id, ct);
        if (methodist is null) return Problems.NotFound(AssetService.MethodistNotFound);
        return TypedResults.Ok(await DetailAsync(methodist, card, ct));
    }

    private static async Task<AssetMethodistDetail> DetailAsync(RegionalMethodist m, AssetCard card, CancellationToken ct)
    {
        var view = await card.LoadAsync(m, ct);
        return new AssetMethodistDetail(m.Id, m.PersonId, m.Person!.FullName, m.Status.Code(), m.Status.Title(), view.Eligibility.Fit.Code(), Requirements(view.Eligibility),
            view.Subjects.Select(s => new AssetRef(s.Id, s.Name)).ToList(), view.Municipalities.Select(x => new AssetRef(x.Id, x.Name)).ToList(),
            view.Assigned, view.Norm, AssetLoad.IsOverloaded(view.Assigned, view.Norm), m.AssessedOn, m.AssessmentResult, m.TrainingCourseId, view.TrainingCourse,
            m.TrainedOn, m.ActiveSince, m.OrderNumber, m.WithdrawnOn, m.WithdrawalReason,
            m.History.OrderBy(h => h.At).Select(h => new AssetHistoryItem(h.From.Code(), h.To.Code(), h.At, h.UserName, h.Comment)).ToList(),
            view.Teachers.Select(t => new AssetTeacherItem(t.PersonId, t.Name, t.Place?.Organization, t.Place?.Municipality, t.Place?.Subjects ?? [], t.AssignedOn)).ToList());
    }

    private static JudgedRequirements Judged(bool? associationLeader, bool? examExpert, bool? communityLeader, bool? highStudentResults, JudgedRequirements current) =>
        new(associationLeader ?? current.AssociationLeader, examExpert ?? current.ExamExpert, communityLeader ?? current.CommunityLeader,
            highStudentResults ?? current.HighStudentResults);

    private static async Task<Results<Created<AssetMethodistDetail>, ProblemHttpResult>> CreateAsync(AssetCreateRequest? request, AssetService asset,
        AssetCard card, CancellationToken ct)
    {
        if (!(await asset.ScopeAsync(ct)).IsRegionAdmin) return Problems.Forbidden(AssetService.AdminOnly);
        if (request?.TeacherId is not { } teacherId) return Problems.BadRequest("Укажите teacherId — педагога, которого нужно включить в методический актив.");
        var status = AssetStatus.Candidate;
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            if (AssetTitles.ParseStatus(request.Status) is not { } parsed) return Problems.BadRequest($"Неизвестный статус «{request.Status}»: допустимы {AssetTitles.Codes}.");
            status = parsed;
        }
        var judged = Judged(request.AssociationLeader, request.ExamExpert, request.CommunityLeader, request.HighStudentResults, JudgedRequirements.None);
        var (op, methodist) = await asset.CreateAsync(new NewMethodist(teacherId, status, judged, request.SubjectIds ?? [], request.MunicipalityIds ?? []), ct);
        if (!op.Succeeded) return Problem(op);
        var saved = await asset.FindAsync(methodist!.Id, ct);
        return TypedResults.Created($"/api/asset/methodists/{methodist.Id}", await DetailAsync(saved!, card, ct));
    }

    private static async Task<Results<Ok<AssetMethodistDetail>, ProblemHttpResult>> UpdateAsync(Guid id, AssetUpdateRequest? request, AssetService asset,
        AssetCard card, CancellationToken ct)
    {
        var methodist = await asset.FindAsync(id, ct);
        if (methodist is null) return Problems.NotFound(AssetService.MethodistNotFound);
        if (request is null) return Problems.BadRequest("Передайте subjectIds, municipalityIds, loadNorm или требования, которые нужно изменить.");
        var op = await asset.UpdateServiceAsync(methodist, request.SubjectIds ?? methodist.Subjects.Select(s => s.SubjectId).ToList(),
            request.MunicipalityIds ?? methodist.Municipalities.Select(m => m.MunicipalityId).ToList(), request.LoadNorm ?? methodist.LoadNorm, ct);
        if (!op.Succeeded) return Problem(op);
        var judged = Judged(request.AssociationLeader, request.ExamExpert, request.CommunityLeader, request.HighStudentResults, JudgedRequirements.Of(methodist));
        (op, _) = await asset.JudgeAsync(methodist.PersonId, judged, ct);
        if (!op.Succeeded) return Problem(op);
        return TypedResults.Ok(await DetailAsync(methodist, card, ct));
    }

    private static async Task<Results<Ok<AssetMethodistDetail>, ProblemHttpResult>> TransitionAsync(Guid id, AssetTransitionRequest? request, AssetService asset,
        AssetCard card, CancellationToken ct)
    {
        var methodist = await asset.FindAsync(id, ct);
        if (methodist is null) return Problems.NotFound(AssetService.MethodistNotFound);
        if (AssetTitles.ParseStatus(request?.To) is not { } to) return Problems.BadRequest($"Укажите to — новый статус: {AssetTitles.Codes}.");
        var op = await asset.TransitionAsync(methodist, new AssetTransitionInput(to, request!.Date, request.Result, request.CourseId, request.OrderNumber, request.Reason), ct);
        if (!op.Succeeded) return Problem(op);
        return TypedResults.Ok(await DetailAsync(methodist, card, ct));
    }

    private static async Task<Results<Ok<AssetAssignmentsResult>, ProblemHttpResult>> AssignAsync(Guid id, AssetAssignmentsRequest? request, AssetService asset,
        CancellationToken ct)
    {
        if (!(await asset.ScopeAsync(ct)).IsRegionAdmin) return Problems.Forbidden(AssetService.AdminOnly);
        var methodist = await asset.FindAsync(id, ct);
        if (methodist is null) return Problems.NotFound(AssetService.MethodistNotFound);
        var outcome = await asset.AssignAsync(methodist, request?.TeacherIds ?? [], ct);
        if (!outcome.Op.Succeeded) return Problem(outcome.Op);
        return TypedResults.Ok(new AssetAssignmentsResult(outcome.Assigned, outcome.Moved, outcome.Total, outcome.Norm,
            AssetLoad.IsOverloaded(outcome.Total, outcome.Norm), outcome.Warnings));
    }

    private static async Task<Results<Ok<AssetAssignmentsResult>, ProblemHttpResult>> UnassignAsync(Guid id, Guid teacherId, AssetService asset, CancellationToken ct)
    {
        if (!(await asset.ScopeAsync(ct)).IsRegionAdmin) return Problems.Forbidden(AssetService.AdminOnly);
        var methodist = await asset.FindAsync(id, ct);
        if (methodist is null) return Problems.NotFound(AssetService.MethodistNotFound);
        var op = await asset.UnassignAsync(methodist, teacherId, ct);
        if (!op.Succeeded) return Problem(op);
        var (total, norm) = await asset.LoadAsync(methodist, ct);
        return TypedResults.Ok(new AssetAssignmentsResult(0, 0, total, norm, AssetLoad.IsOverloaded(total, norm), []));
    }

    private static async Task<Results<Ok<AssetBulkResult>, ProblemHttpResult>> BulkAsync(AssetBulkRequest? request, AssetService asset, CancellationToken ct)
    {
        if (!(await asset.ScopeAsync(ct)).IsRegionAdmin) return Problems.Forbidden(AssetService.AdminOnly);
        if (request?.SubjectId is not { } subjectId) return Problems.BadRequest("Укажите subjectId — предмет, педагогов которого нужно распределить.");
        var (op, result) = await asset.BulkAsync(subjectId, request.MunicipalityId, request.UpToNorm ?? false, apply: request.Preview != true, ct);
        if (!op.Succeeded) return Problem(op);
        var r = result!;
        return TypedResults.Ok(new AssetBulkResult(r.SubjectId, r.Subject, r.MunicipalityId, r.Municipality, r.Teachers, r.Plan.Assignments.Count,
            r.Plan.Uncovered.Count, r.Plan.LeftOver.Count, r.Applied,
            r.Methodists.Select(m => new AssetBulkMethodist(m.Id, m.Name, m.Before, m.Adding, m.After, m.Norm, m.Overloaded)).ToList(), r.Plan.Warnings));
    }
}
