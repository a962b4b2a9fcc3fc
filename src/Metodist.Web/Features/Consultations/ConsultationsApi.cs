using Metodist.Web.Features.Answers;
using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Consultations;

public sealed record AssigneeView(Guid? UserId, string Name);

public sealed record AttachmentView(Guid Id, string FileName, long Size, bool IsAnswer, string Url);

public sealed record HistoryView(string From, string To, DateTime At, string UserName, string? Comment);

public sealed record ConsultationView(
    Guid Id, int Number, string Status, string StatusName, string Level, Guid? ServiceMunicipalityId, string Service, AssigneeView? Assignee, DateOnly DueOn,
    bool Overdue, string Topic, Guid? SubjectId, string? Subject, string Text, string AskerName, bool FromOrganization, Guid? OrganizationId,
    Guid? MunicipalityId, DateTime CreatedAt, DateTime? TakenAt, string? Answer, DateTime? AnsweredAt, string? AnsweredBy, string? RejectionReason,
    DateTime? ClosedAt, bool IsPublished, DateTime? PublishedAt, string? PublicQuestion, string? PublicAnswer,
    IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<HistoryView> History);

public sealed record ConsultationPage(IReadOnlyList<ConsultationSummary> Items, int Total, int Page, int PageSize);

public sealed record NewConsultationBody(string? Topic, string? Subject, string? Text, string? Level, Guid? OrganizationId);

/// <summary>The answer's text: <c>text</c>, or <c>answer</c> as some clients name it.</summary>
public sealed record AnswerBody(string? Text, string? Answer);

public sealed record RejectBody(string? Reason);

public sealed record CommentBody(string? Comment);

public sealed record AssignBody(Guid? AssigneeUserId);

public sealed record PublishBody(string? Question, string? Answer);

public static class ConsultationsApi
{
    private const string NotVisible = "Обращение не найдено или недоступно вам.";

    public static void MapConsultationsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/consultations").WithTags("Консультации");
        group.MapPost("/", CreateAsync)
            .WithSummary("Обращение за методической помощью: topic, subject (id, название из справочника или свой текст), text; level = municipal | regional; organizationId — от имени организации");
        group.MapGet("/", ListAsync).WithSummary("Обращения в области видимости: status, overdue, level, subjectId, assignee = mine | nobody, search, page");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("Обращение с вложениями и историей");
        group.MapPost("/{id:guid}/take", TakeAsync).WithSummary("Взять в работу (исполнитель — вы); 409, если обращение не новое");
        group.MapPost("/{id:guid}/assign", AssignAsync).WithSummary("Назначить исполнителя из методистов службы: assigneeUserId");
        group.MapPost("/{id:guid}/answer", AnswerAsync).WithSummary("Ответ: text (или answer); новое обращение при этом берётся в работу");
        group.MapPost("/{id:guid}/reject", RejectAsync).WithSummary("Отклонить с причиной: reason");
        group.MapPost("/{id:guid}/close", CloseAsync).WithSummary("Закрыть обращение с ответом (заявитель или служба)");
        group.MapPost("/{id:guid}/forward", ForwardAsync).WithSummary("Передать из муниципальной службы в ЦНППМ (срок прежний): comment");
        group.MapPost("/{id:guid}/return", ReturnAsync).WithSummary("Вернуть из ЦНППМ в муниципальную службу (срок прежний): comment");
        group.MapPost("/{id:guid}/publish", PublishAsync).WithSummary("Опубликовать ответ без имени заявителя: question, answer");
        group.MapPost("/{id:guid}/unpublish", UnpublishAsync).WithSummary("Снять ответ с публикации");
        group.MapGet("/{id:guid}/files/{fileId:guid}", FileAsync).WithSummary("Файл обращения или ответа (заявителю и службе)");

        api.MapGet("/answers", AnswersAsync).AllowAnonymous().WithTags("Консультации")
            .WithSummary("Опубликованные ответы методистов (без входа): search, subjectId, page");
    }

    public static async Task<ConsultationView> ViewAsync(AppDbContext db, ConsultationDesk desk, ConsultationRequest r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(desk);
        var fileIds = r.Attachments.Select(a => a.FileId).ToList();
        var files = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).Select(f => new { f.Id, f.FileName, f.Size }).ToListAsync(ct);
        var attachments = r.Attachments
            .Join(files, a => a.FileId, f => f.Id, (a, f) => new AttachmentView(f.Id, f.FileName, f.Size, a.IsAnswer, $"/api/consultations/{r.Id}/files/{f.Id}"))
            .OrderBy(a => a.IsAnswer).ThenBy(a => a.FileName, StringComparer.Ordinal).ToList();
        return new ConsultationView(
            r.Id, r.Number, r.Status.Code(), r.Status.Title(), r.Level.Code(), r.ServiceMunicipalityId, await desk.ServiceNameAsync(r, ct),
            r.AssigneeName is { } name ? new AssigneeView(r.AssigneeUserId, name) : null, r.DueOn, ConsultationWorkflow.IsOverdue(r.Status, r.DueOn, desk.Today),
            r.Topic, r.SubjectId, r.SubjectName, r.Text, r.AskerName, r.FromOrganization, r.OrganizationId, r.MunicipalityId, r.CreatedAt, r.TakenAt,
            r.Answer, r.AnsweredAt, r.AnsweredBy, r.RejectionReason, r.ClosedAt, r.IsPublished, r.PublishedAt, r.PublicQuestion, r.PublicAnswer, attachments,
            r.History.OrderBy(h => h.At).Select(h => new HistoryView(h.From.Code(), h.To.Code(), h.At, h.UserName, h.Comment)).ToList());
    }

    private static async Task<Results<Created<ConsultationView>, ProblemHttpResult>> CreateAsync(NewConsultationBody? body, ConsultationDesk desk,
        AppDbContext db, CancellationToken ct)
    {
        if (body is null) return Problems.BadRequest("Передайте topic, subject и text обращения.");
        var level = ConsultationTitles.ParseLevel(body.Level);
        if (!string.IsNullOrWhiteSpace(body.Level) && level is null) return Problems.BadRequest("Неизвестный уровень: допустимы municipal и regional.");
        var outcome = await desk.CreateAsync(new ConsultationInput(body.Topic, body.Subject, body.Text, level == ConsultationLevel.Regional, body.OrganizationId, []), ct);
        if (outcome.Request is not { } request) return Problem(outcome.Op);
        var saved = await desk.FindAsync(request.Id, ct);
        return TypedResults.Created($"/api/consultations/{request.Id}", await ViewAsync(db, desk, saved!, ct));
    }

    private static async Task<Results<Ok<ConsultationPage>, ProblemHttpResult>> ListAsync(ConsultationList list, string? status, bool? overdue, string? level,
        Guid? subjectId, string? assignee, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var filter = new ConsultationFilter { Overdue = overdue == true, SubjectId = subjectId, Search = search, Page = page ?? 1, PageSize = pageSize ?? 50 };
        if (!string.IsNullOrWhiteSpace(status))
        {
            filter.Status = ConsultationTitles.ParseStatus(status);
            if (filter.Status is null) return Problems.BadRequest("Неизвестное состояние: допустимы new, inProgress, answered, closed, rejected.");
        }
        if (!string.IsNullOrWhiteSpace(level))
        {
            filter.Level = ConsultationTitles.ParseLevel(level);
            if (filter.Level is null) return Problems.BadRequest("Неизвестный уровень: допустимы municipal и regional.");
        }
        filter.Assignee = assignee?.Trim().ToLowerInvariant() switch
        {
            null or "" => AssigneeFilter.Any,
            "mine" or "me" => AssigneeFilter.Mine,
            "nobody" or "none" => AssigneeFilter.Nobody,
            _ => (AssigneeFilter)(-1),
        };
        if (!Enum.IsDefined(filter.Assignee)) return Problems.BadRequest("assignee: допустимы mine и nobody.");
        var result = await list.PageAsync(filter, ct);
        return TypedResults.Ok(new ConsultationPage(result.Items, result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> GetAsync(Guid id, ConsultationDesk desk, AppDbContext db, CancellationToken ct)
    {
        var request = await desk.FindAsync(id, ct);
        return request is null ? Problems.NotFound(NotVisible) : TypedResults.Ok(await ViewAsync(db, desk, request, ct));
    }

    /// <summary>Runs a step on a visible request and answers with the request after it, or with the problem.</summary>
    private static async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> StepAsync(Guid id, ConsultationDesk desk, AppDbContext db,
        Func<ConsultationRequest, Task<ConsultationOp>> step, CancellationToken ct)
    {
        var request = await desk.FindAsync(id, ct);
        if (request is null) return Problems.NotFound(NotVisible);
        var op = await step(request);
        if (!op.Succeeded) return Problem(op);
        var after = await desk.FindAsync(id, ct);
        // A step may take the request out of the user's sight (forwarded to the region): the answer is then the request as it was left.
        return TypedResults.Ok(await ViewAsync(db, desk, after ?? request, ct));
    }

    internal static ProblemHttpResult Problem(ConsultationOp op) => op.Status switch
    {
        ConsultationOpStatus.Invalid => Problems.BadRequest(op.Message!),
        ConsultationOpStatus.NotFound => Problems.NotFound(op.Message ?? NotVisible),
        ConsultationOpStatus.Forbidden => Problems.Forbidden(op.Message!),
        _ => Problems.Conflict(op.Message!),
    };

    private static Task<Results<Ok<ConsultationView>, ProblemHttpResult>> TakeAsync(Guid id, ConsultationDesk desk, AppDbContext db, CancellationToken ct) =>
        StepAsync(id, desk, db, r => desk.TakeAsync(r, ct), ct);

    private static Task<Results<Ok<ConsultationView>, ProblemHttpResult>> AssignAsync(Guid id, AssignBody? body, ConsultationDesk desk, AppDbContext db,
        CancellationToken ct) =>
        StepAsync(id, desk, db, r => body?.AssigneeUserId is { } assignee
            ? desk.AssignAsync(r, assignee, ct)
            : Task.FromResult(ConsultationOp.Invalid("Укажите assigneeUserId — методиста, которому назначается обращение.")), ct);

    private static Task<Results<Ok<ConsultationView>, ProblemHttpResult>> AnswerAsync(Guid id, AnswerBody? body, ConsultationDesk desk, AppDbContext db,
        CancellationToken ct) =>
        StepAsync(id, desk, db, r => desk.AnswerAsync(r, string.IsNullOrWhiteSpace(body?.Text) ? body?.Answer : body.Text, [], ct), ct);

    private static Task<Results<Ok<ConsultationView>, ProblemHttpResult>> RejectAsync(Guid id, RejectBody? body, ConsultationDesk desk, AppDbContext db,
        CancellationToken ct) =>
        StepAsync(id, desk, db, r => desk.RejectAsync(r, body?.Reason, ct), ct);

    private static Task<Results<Ok<ConsultationView>, ProblemHttpResult>> CloseAsync(Guid id, ConsultationDesk desk, AppDbContext db, CancellationToken ct) =>
        StepAsync(id, desk, db, r => desk.CloseAsync(r, ct), ct);

    private static Task<Results<Ok<ConsultationView>, ProblemHttpResult>> ForwardAsync(Guid id, CommentBody? body, ConsultationDesk desk, AppDbContext db,
        CancellationToken ct) =>
        StepAsync(id, desk, db, r => desk.ForwardAsync(r, body?.Comment, ct), ct);

    private static Task<Results<Ok<ConsultationView>, ProblemHttpResult>> ReturnAsync(Guid id, CommentBody? body, ConsultationDesk desk, AppDbContext db,
        CancellationToken ct) =>
        StepAsync(id, desk, db, r => desk.ReturnAsync(r, body?.Comment, ct), ct);

    private static Task<Results<Ok<ConsultationView>, ProblemHttpResult>> PublishAsync(Guid id, PublishBody? body, ConsultationDesk desk, AppDbContext db,
        CancellationToken ct) =>
        StepAsync(id, desk, db, r => desk.PublishAsync(r, body?.Question, body?.Answer, ct), ct);

    private static Task<Results<Ok<ConsultationView>, ProblemHttpResult>> UnpublishAsync(Guid id, ConsultationDesk desk, AppDbContext db, CancellationToken ct) =>
        StepAsync(id, desk, db, r => desk.UnpublishAsync(r, ct), ct);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(Guid id, Guid fileId, ConsultationDesk desk, CancellationToken ct)
    {
        var file = await desk.FileAsync(id, fileId, ct);
        return file is null ? Problems.NotFound("Файл не найден или недоступен вам.") : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<PublicAnswerPage>> AnswersAsync(PublicAnswers answers, string? search, Guid? subjectId, int? page, int? pageSize,
        CancellationToken ct) =>
        TypedResults.Ok(await answers.PageAsync(search, subjectId, page ?? 1, pageSize ?? 20, ct));
}
