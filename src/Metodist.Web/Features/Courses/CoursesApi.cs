using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Courses;

/// <summary>A course of the catalogue in the API: codes for kind and form, area codes, places left (null when not limited).</summary>
public sealed record CourseItem(
    Guid Id, string Title, string Provider, string Kind, string KindName, int Hours, string Form, string FormName,
    DateOnly? StartsOn, DateOnly? EndsOn, int? Quota, int Enrolled, int? PlacesLeft, bool FederalRegistry,
    IReadOnlyList<string> Areas, Guid? SubjectId, string? SubjectName, string? Description);

/// <summary>A teacher's enrolment in the API; status is <c>enrolled</c>, <c>completed</c> or <c>cancelled</c>.</summary>
public sealed record EnrolmentItem(
    Guid Id, Guid CourseId, string CourseTitle, Guid TeacherId, string Status, string StatusName, DateTime EnrolledAt, string EnrolledBy,
    DateOnly? CompletedOn, string? CertificateNumber, Guid? CertificateFileId);

public sealed record EnrolRequest(Guid? TeacherId);

public sealed record CompletionRequest(DateOnly? Date, string? CertificateNumber);

public static class CoursesApi
{
    public static void MapCoursesEndpoints(this RouteGroupBuilder api)
    {
        var courses = api.MapGroup("/courses").WithTags("Курсы");
        courses.MapGet("/", ListAsync).WithSummary("Каталог курсов: area — код области компетенций, federalRegistry — только программы Федерального реестра (или только не из него)");
        courses.MapGet("/{id:guid}", GetAsync).WithSummary("Курс каталога");
        courses.MapPost("/{id:guid}/enrolments", EnrolAsync)
            .WithSummary("Запись педагога на курс (teacherId не нужен, когда педагог записывается сам); 409 — мест нет или педагог уже записан");

        var enrolments = api.MapGroup("/enrolments").WithTags("Курсы");
        enrolments.MapGet("/{id:guid}", GetEnrolmentAsync).WithSummary("Запись на курс");
        enrolments.MapPost("/{id:guid}/completion", CompleteAsync)
            .WithSummary("Окончание обучения: дата (по умолчанию сегодня) и номер удостоверения; закрывает пункты ИОМ по этому курсу");
        enrolments.MapPost("/{id:guid}/cancellation", CancelAsync).WithSummary("Отмена записи на курс: место освобождается");

        api.MapGet("/teachers/{id:guid}/enrolments", TeacherEnrolmentsAsync).WithTags("Курсы").WithSummary("Записи педагога на курсы");
    }

    private static async Task<Results<Ok<List<CourseItem>>, ProblemHttpResult>> ListAsync(
        CourseCatalogue catalogue, string? area, bool? federalRegistry, string? search, string? form, string? kind, Guid? subjectId,
        DateOnly? from, DateOnly? to, bool? withPlaces, CancellationToken ct)
    {
        Guid? areaId = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            var areas = await catalogue.AreasAsync(ct);
            var found = areas.FirstOrDefault(a => string.Equals(a.Code, area.Trim(), StringComparison.OrdinalIgnoreCase));
            if (found is null)
                return Problems.BadRequest($"Неизвестная область компетенций «{area}». Допустимые коды: {string.Join(", ", areas.Select(a => a.Code))}.");
            areaId = found.Id;
        }
        var parsedForm = CourseTitles.ParseForm(form);
        if (!string.IsNullOrWhiteSpace(form) && parsedForm is null)
            return Problems.BadRequest($"Неизвестная форма обучения «{form}». Допустимые значения: {string.Join(", ", CourseTitles.Forms.Select(f => f.Code()))}.");
        var parsedKind = CourseTitles.ParseKind(kind);
        if (!string.IsNullOrWhiteSpace(kind) && parsedKind is null)
            return Problems.BadRequest($"Неизвестный вид программы «{kind}». Допустимые значения: {string.Join(", ", CourseTitles.Kinds.Select(k => k.Code()))}.");
        var rows = await catalogue.AllAsync(new CourseFilter
        {
            Search = search, AreaId = areaId, FederalRegistry = federalRegistry, Form = parsedForm, Kind = parsedKind, SubjectId = subjectId,
            From = from, To = to, WithPlacesOnly = withPlaces ?? false,
        }, ct);
        return TypedResults.Ok(rows.Select(ToItem).ToList());
    }

    private static async Task<Results<Ok<CourseItem>, ProblemHttpResult>> GetAsync(Guid id, CourseCatalogue catalogue, CancellationToken ct) =>
        await catalogue.FindAsync(id, ct) is { } row ? TypedResults.Ok(ToItem(row)) : Problems.NotFound(CourseEnrolments.CourseNotFound);

    private static async Task<Results<Created<EnrolmentItem>, ProblemHttpResult, ValidationProblem>> EnrolAsync(
        Guid id, EnrolRequest? body, CourseEnrolments enrolments, AppDbContext db, CancellationToken ct)
    {
        var outcome = await enrolments.EnrolAsync(id, body?.TeacherId, ct);
        if (!outcome.Succeeded) return outcome.Failure == EnrolmentFailure.Invalid ? Invalid(outcome) : Refusal(outcome);
        var item = await ItemAsync(db, outcome.Enrolment!.Id, ct);
        return TypedResults.Created($"/api/enrolments/{item.Id}", item);
    }

    private static async Task<Results<Ok<EnrolmentItem>, ProblemHttpResult, ValidationProblem>> CompleteAsync(
        Guid id, CompletionRequest body, CourseEnrolments enrolments, AppDbContext db, CancellationToken ct)
    {
        var outcome = await enrolments.CompleteAsync(id, new CompletionInput(body.Date, body.CertificateNumber), ct);
        if (!outcome.Succeeded) return outcome.Failure == EnrolmentFailure.Invalid ? Invalid(outcome) : Refusal(outcome);
        return TypedResults.Ok(await ItemAsync(db, id, ct));
    }

    private static async Task<Results<Ok<EnrolmentItem>, ProblemHttpResult, ValidationProblem>> CancelAsync(
        Guid id, CourseEnrolments enrolments, AppDbContext db, CancellationToken ct)
    {
        var outcome = await enrolments.CancelAsync(id, ct);
        if (!outcome.Succeeded) return outcome.Failure == EnrolmentFailure.Invalid ? Invalid(outcome) : Refusal(outcome);
        return TypedResults.Ok(await ItemAsync(db, id, ct));
    }

    private static async Task<Results<Ok<EnrolmentItem>, ProblemHttpResult>> GetEnrolmentAsync(Guid id, CourseEnrolments enrolments, AppDbContext db, CancellationToken ct) =>
        await enrolments.FindVisibleAsync(id, ct) is null ? Problems.NotFound(CourseEnrolments.EnrolmentNotFound) : TypedResults.Ok(await ItemAsync(db, id, ct));

    private static async Task<Results<Ok<List<EnrolmentItem>>, ProblemHttpResult>> TeacherEnrolmentsAsync(Guid id, AppDbContext db, CurrentUser user, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        if (!await scope.PrivatePersons(db.Persons).AnyAsync(p => p.Id == id, ct)) return Problems.NotFound(CourseEnrolments.TeacherNotFound);
        var rows = await Items(db.Enrolments.Where(e => e.PersonId == id)).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderByDescending(e => e.EnrolledAt).Select(ToItem).ToList());
    }

    private static ProblemHttpResult Refusal(EnrolmentOutcome outcome) => outcome.Failure == EnrolmentFailure.NotFound
        ? Problems.NotFound(outcome.Message!)
        : Problems.Conflict(outcome.Message!);

    /// <summary>Field errors under the names of the request's fields (date, certificateNumber, teacherId).</summary>
    private static ValidationProblem Invalid(EnrolmentOutcome outcome) =>
        Problems.Invalid(outcome.Errors.ToDictionary(e => e.Key == "CompletedOn" ? "date" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }));

    private sealed record EnrolmentRow(Guid Id, Guid CourseId, string CourseTitle, Guid PersonId, EnrolmentStatus Status, DateTime EnrolledAt, string EnrolledBy,
        DateOnly? CompletedOn, string? CertificateNumber, Guid? CertificateFileId);

    private static IQueryable<EnrolmentRow> Items(IQueryable<Enrolment> query) => query.AsNoTracking().Select(e => new EnrolmentRow(
        e.Id, e.CourseId, e.Course!.Title, e.PersonId, e.Status, e.EnrolledAt, e.EnrolledBy, e.CompletedOn, e.CertificateNumber, e.CertificateFileId));

    private static async Task<EnrolmentItem> ItemAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        ToItem(await Items(db.Enrolments.Where(e => e.Id == id)).FirstAsync(ct));

    private static EnrolmentItem ToItem(EnrolmentRow e) => new(
        e.Id, e.CourseId, e.CourseTitle, e.PersonId, e.Status.Code(), e.Status.Title(), DateTime.SpecifyKind(e.EnrolledAt, DateTimeKind.Utc), e.EnrolledBy,
        e.CompletedOn, e.CertificateNumber, e.CertificateFileId);

    internal static CourseItem ToItem(CourseRow c) => new(
        c.Id, c.Title, c.Provider, c.Kind.Code(), c.Kind.Title(), c.Hours, c.Form.Code(), c.Form.Title(), c.StartsOn, c.EndsOn, c.Quota, c.Taken, c.PlacesLeft,
        c.FederalRegistry, c.Areas.Select(a => a.Code).ToList(), c.SubjectId, c.SubjectName, c.Description);
}
