using System.Globalization;
using Metodist.Web.Features.Files;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Courses;

public enum EnrolmentFailure
{
    None,

    /// <summary>The course, the teacher or the enrolment does not exist or lies outside the user's scope.</summary>
    NotFound,

    /// <summary>The input is wrong: <see cref="EnrolmentOutcome.Errors"/> says where.</summary>
    Invalid,

    /// <summary>The state forbids it: no places, already enrolled, cancelled.</summary>
    Conflict,
}

/// <summary>What an enrolment use case came to: the enrolment, or why not (a Russian message, and the field errors of bad input).</summary>
public sealed record EnrolmentOutcome(Enrolment? Enrolment, EnrolmentFailure Failure, string? Message, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Failure == EnrolmentFailure.None;

    /// <summary>How many items of the teacher's routes the use case linked to the enrolment or closed by it.</summary>
    public int RouteItems { get; init; }

    public static EnrolmentOutcome Done(Enrolment enrolment) => new(enrolment, EnrolmentFailure.None, null, new Dictionary<string, string>());

    public static EnrolmentOutcome NotFound(string message) => new(null, EnrolmentFailure.NotFound, message, new Dictionary<string, string>());

    public static EnrolmentOutcome Conflict(string message) => new(null, EnrolmentFailure.Conflict, message, new Dictionary<string, string>());

    public static EnrolmentOutcome Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(null, EnrolmentFailure.Invalid, string.Join(" ", errors.Values), errors);
}

/// <summary>The end of study as it is recorded: the date (today when not given), the certificate number and an optional scan.</summary>
public sealed record CompletionInput(DateOnly? CompletedOn, string? CertificateNumber, UploadedScan? Scan = null);

/// <summary>
/// Enrolment, cancellation and completion for the pages and the API. Each use case checks the scope of the current user,
/// keeps the teacher's route (ИОМ) in step, and saves everything at once or nothing.
/// </summary>
public sealed class CourseEnrolments(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string CourseNotFound = "Курс не найден.";
    public const string TeacherNotFound = "Педагог не найден или недоступен в вашей области видимости.";
    public const string EnrolmentNotFound = "Запись на курс не найдена или недоступна в вашей области видимости.";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>
    /// Enrols a teacher (the user themselves when <paramref name="personId"/> is null) and links the course's items of their open
    /// routes to the enrolment. Refused when the teacher is outside the scope, already holds a place, or no place is left.
    /// </summary>
    public async Task<EnrolmentOutcome> EnrolAsync(Guid courseId, Guid? personId, CancellationToken ct = default)
    {
        var scope = await currentUser.ScopeAsync(ct);
        if ((personId ?? scope.PersonId) is not { } teacherId)
            return EnrolmentOutcome.Invalid(new Dictionary<string, string> { ["TeacherId"] = "Укажите педагога, которого нужно записать на курс." });
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, ct)) return EnrolmentOutcome.NotFound(CourseNotFound);
        if (!await IsVisibleAsync(scope, teacherId, ct)) return EnrolmentOutcome.NotFound(TeacherNotFound);
        var self = teacherId == scope.PersonId;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Writing the course row first holds it until the commit: enrolments in the same course wait for each other,
        // so the count of places below includes every enrolment saved before this one.
        await db.Courses.Where(c => c.Id == courseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Quota, c => c.Quota), ct);
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == courseId, ct);
        var existing = await db.Enrolments.AsNoTracking()
            .Where(e => e.CourseId == courseId && e.PersonId == teacherId && e.Status != EnrolmentStatus.Cancelled)
            .Select(e => (EnrolmentStatus?)e.Status).FirstOrDefaultAsync(ct);
        if (existing is { } status)
        {
            return EnrolmentOutcome.Conflict(status == EnrolmentStatus.Completed
                ? (self ? "Вы уже прошли обучение на этом курсе." : "Педагог уже прошёл обучение на этом курсе.")
                : (self ? "Вы уже записаны на этот курс." : "Педагог уже записан на этот курс."));
        }
        var taken = await db.Enrolments.CountAsync(e => e.CourseId == courseId && e.Status != EnrolmentStatus.Cancelled, ct);
        if (!course.HasPlaceFor(taken))
            return EnrolmentOutcome.Conflict($"Свободных мест на курсе нет: все {course.Quota} мест заняты.");

        var enrolment = new Enrolment { CourseId = courseId, PersonId = teacherId, Status = EnrolmentStatus.Enrolled, EnrolledBy = currentUser.UserName };
        db.Enrolments.Add(enrolment);
        var items = await OpenRouteItems(teacherId).Where(i => i.CourseId == courseId && i.EnrolmentId == null).ToListAsync(ct);
        foreach (var item in items) item.EnrolmentId = enrolment.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return EnrolmentOutcome.Done(enrolment) with { RouteItems = items.Count };
    }

    /// <summary>Takes an enrolled teacher off the course: the place is freed and the items of open routes are no longer linked to it.</summary>
    public async Task<EnrolmentOutcome> CancelAsync(Guid enrolmentId, CancellationToken ct = default)
    {
        var enrolment = await FindVisibleAsync(enrolmentId, ct);
        if (enrolment is null) return EnrolmentOutcome.NotFound(EnrolmentNotFound);
        if (!enrolment.CanCancel)
        {
            return EnrolmentOutcome.Conflict(enrolment.Status == EnrolmentStatus.Completed
                ? "Обучение уже завершено: запись нельзя отменить."
                : "Запись на курс уже отменена.");
        }
        enrolment.Cancel();
        foreach (var item in await OpenRouteItems(enrolment.PersonId).Where(i => i.EnrolmentId == enrolment.Id && !i.IsDone).ToListAsync(ct))
            item.EnrolmentId = null;
        await db.SaveChangesAsync(ct);
        return EnrolmentOutcome.Done(enrolment);
    }

    /// <summary>
    /// Records the end of study (status «обучение завершено», date, certificate and its scan) and closes the teacher's items of
    /// open routes for this enrolment or this course, with the certificate as their evidence — in one save.
    /// </summary>
    public async Task<EnrolmentOutcome> CompleteAsync(Guid enrolmentId, CompletionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var enrolment = await FindVisibleAsync(enrolmentId, ct);
        if (enrolment is null) return EnrolmentOutcome.NotFound(EnrolmentNotFound);
        if (!enrolment.CanComplete) return EnrolmentOutcome.Conflict("Запись на курс отменена: окончание обучения отметить нельзя.");
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == enrolment.CourseId, ct);
        var completedOn = input.CompletedOn ?? Today;
        var errors = Validate(input, completedOn, course);
        if (errors.Count > 0) return EnrolmentOutcome.Invalid(errors);

        Guid? scanId = null;
        if (input.Scan is { } scan)
        {
            var file = CertificateScans.ToStoredFile(scan, enrolment.PersonId, currentUser.UserName);
            db.StoredFiles.Add(file);
            if (enrolment.CertificateFileId is { } replaced) db.StoredFiles.Remove(new StoredFile { Id = replaced });
            scanId = file.Id;
        }
        enrolment.Complete(completedOn, input.CertificateNumber!, scanId);
        var items = await OpenRouteItems(enrolment.PersonId).Where(i => i.EnrolmentId == enrolment.Id || i.CourseId == enrolment.CourseId).ToListAsync(ct);
        foreach (var item in items)
        {
            item.EnrolmentId = enrolment.Id;
            item.IsDone = true;
            item.DoneOn = completedOn;
            item.Evidence = enrolment.Evidence;
        }
        await db.SaveChangesAsync(ct);
        return EnrolmentOutcome.Done(enrolment) with { RouteItems = items.Count };
    }

    /// <summary>The enrolment (tracked) when its teacher is in the current user's scope.</summary>
    public async Task<Enrolment?> FindVisibleAsync(Guid enrolmentId, CancellationToken ct = default)
    {
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId, ct);
        if (enrolment is null) return null;
        return await IsVisibleAsync(await currentUser.ScopeAsync(ct), enrolment.PersonId, ct) ? enrolment : null;
    }

    private Task<bool> IsVisibleAsync(UserScope scope, Guid personId, CancellationToken ct) =>
        scope.PrivatePersons(db.Persons).AnyAsync(p => p.Id == personId, ct);

    /// <summary>The teacher's items in routes that are still open (from draft to in progress).</summary>
    private IQueryable<RouteItem> OpenRouteItems(Guid personId) =>
        db.RouteItems.Where(i => i.PersonId == personId && i.Route!.Status != RouteStatus.Completed && i.Route.Status != RouteStatus.NotCompleted);

    private Dictionary<string, string> Validate(CompletionInput input, DateOnly completedOn, Course course)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.CertificateNumber)) errors["CertificateNumber"] = "Укажите номер удостоверения.";
        else if (input.CertificateNumber.Trim().Length > 100) errors["CertificateNumber"] = "Номер удостоверения — не длиннее 100 символов.";
        if (completedOn > Today) errors["CompletedOn"] = "Дата окончания обучения не может быть позже сегодняшнего дня.";
        else if (course.StartsOn is { } start && completedOn < start)
            errors["CompletedOn"] = $"Дата окончания обучения раньше начала курса ({start.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}).";
        if (input.Scan is { } scan && CertificateScans.Problem(scan) is { } problem) errors["Scan"] = problem;
        return errors;
    }
}
