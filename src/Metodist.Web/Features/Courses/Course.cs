using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;

namespace Metodist.Web.Features.Courses;

public enum CourseForm
{
    InPerson,
    Blended,
    Distance,
}

public enum CourseKind
{
    /// <summary>Повышение квалификации.</summary>
    Advanced,

    /// <summary>Профессиональная переподготовка.</summary>
    Retraining,

    /// <summary>Стажировка.</summary>
    Internship,
}

public enum EnrolmentStatus
{
    Enrolled,
    Completed,
    Cancelled,
}

/// <summary>An advanced-training programme (ДПП ПК), retraining or internship of the catalogue.</summary>
public sealed class Course
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    public string Provider { get; set; } = "";
    public CourseKind Kind { get; set; }
    public int Hours { get; set; }
    public CourseForm Form { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>Places; null when not limited.</summary>
    public int? Quota { get; set; }

    public bool FederalRegistry { get; set; }

    /// <summary>The subject the programme is for; null for programmes open to every subject.</summary>
    public Guid? SubjectId { get; set; }

    public Subject? Subject { get; set; }
    public string? Description { get; set; }
    public string SearchTitle { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<CourseArea> Areas { get; set; } = [];
    public List<Enrolment> Enrolments { get; set; } = [];

    /// <summary>Places left when <paramref name="taken"/> places are held by enrolments that are not cancelled; null when not limited.</summary>
    public int? PlacesLeft(int taken) => Quota is { } quota ? Math.Max(0, quota - taken) : null;

    /// <summary>Whether one more teacher may enrol while <paramref name="taken"/> places are held.</summary>
    public bool HasPlaceFor(int taken) => Quota is not { } quota || taken < quota;
}

public sealed class CourseArea
{
    public Guid CourseId { get; set; }
    public Guid AreaId { get; set; }
    public CompetenceArea? Area { get; set; }
}

/// <summary>A teacher on a course: enrolled, then completed with a certificate (or cancelled).</summary>
public sealed class Enrolment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CourseId { get; set; }
    public Course? Course { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public EnrolmentStatus Status { get; set; }
    public DateTime EnrolledAt { get; set; } = DateTime.UtcNow;
    public string EnrolledBy { get; set; } = "";
    public DateOnly? CompletedOn { get; set; }
    public string? CertificateNumber { get; set; }
    public Guid? CertificateFileId { get; set; }

    /// <summary>An enrolled teacher may be taken off the course; a finished or cancelled enrolment stays as it is.</summary>
    public bool CanCancel => Status == EnrolmentStatus.Enrolled;

    /// <summary>Completion is recorded for an enrolled teacher, and may be corrected once recorded; a cancelled enrolment cannot be completed.</summary>
    public bool CanComplete => Status != EnrolmentStatus.Cancelled;

    /// <summary>Holds a place of the quota and blocks a second enrolment of the same teacher.</summary>
    public bool IsActive => Status != EnrolmentStatus.Cancelled;

    public void Cancel()
    {
        if (!CanCancel) throw new InvalidOperationException($"An enrolment in status {Status} cannot be cancelled.");
        Status = EnrolmentStatus.Cancelled;
    }

    /// <summary>Records the end of study with the certificate; a new scan replaces the old one, no scan keeps it.</summary>
    public void Complete(DateOnly completedOn, string certificateNumber, Guid? scanFileId)
    {
        if (!CanComplete) throw new InvalidOperationException("A cancelled enrolment cannot be completed.");
        ArgumentException.ThrowIfNullOrWhiteSpace(certificateNumber);
        Status = EnrolmentStatus.Completed;
        CompletedOn = completedOn;
        CertificateNumber = certificateNumber.Trim();
        if (scanFileId is not null) CertificateFileId = scanFileId;
    }

    /// <summary>What a route item closed by this enrolment shows as its evidence: «Удостоверение № 123 от 01.12.2026».</summary>
    public string Evidence => $"Удостоверение № {CertificateNumber} от {CompletedOn?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
}

public static class CourseTitles
{
    public static string Title(this CourseForm form) => form switch
    {
        CourseForm.InPerson => "очно",
        CourseForm.Blended => "очно-заочно",
        _ => "дистанционно",
    };

    public static string Title(this CourseKind kind) => kind switch
    {
        CourseKind.Advanced => "повышение квалификации",
        CourseKind.Retraining => "профессиональная переподготовка",
        _ => "стажировка",
    };

    /// <summary>How a route item describes a catalogue programme: «Очно-заочно, 72 ч.; provider; Федеральный реестр ДПП».</summary>
    public static string Details(CourseForm form, int hours, string provider, bool federalRegistry)
    {
        var formTitle = form.Title();
        return $"{char.ToUpperInvariant(formTitle[0])}{formTitle[1..]}, {hours} ч.; {provider}" + (federalRegistry ? "; Федеральный реестр ДПП" : "");
    }

    public static string Title(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Enrolled => "записан",
        EnrolmentStatus.Completed => "обучение завершено",
        _ => "запись отменена",
    };

    public static string BadgeClass(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Enrolled => "badge warn",
        EnrolmentStatus.Completed => "badge ok",
        _ => "badge",
    };

    /// <summary>The API's name of a form: <c>inPerson</c>, <c>blended</c>, <c>distance</c>.</summary>
    public static string Code(this CourseForm form) => form switch
    {
        CourseForm.InPerson => "inPerson",
        CourseForm.Blended => "blended",
        _ => "distance",
    };

    /// <summary>The API's name of a kind: <c>advanced</c>, <c>retraining</c>, <c>internship</c>.</summary>
    public static string Code(this CourseKind kind) => kind switch
    {
        CourseKind.Advanced => "advanced",
        CourseKind.Retraining => "retraining",
        _ => "internship",
    };

    /// <summary>The API's name of a status: <c>enrolled</c>, <c>completed</c>, <c>cancelled</c>.</summary>
    public static string Code(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Enrolled => "enrolled",
        EnrolmentStatus.Completed => "completed",
        _ => "cancelled",
    };

    public static readonly CourseForm[] Forms = Enum.GetValues<CourseForm>();
    public static readonly CourseKind[] Kinds = Enum.GetValues<CourseKind>();

    public static CourseForm? ParseForm(string? code) => Forms.Cast<CourseForm?>().FirstOrDefault(f => string.Equals(f!.Value.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static CourseKind? ParseKind(string? code) => Kinds.Cast<CourseKind?>().FirstOrDefault(k => string.Equals(k!.Value.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The course's dates as a person reads them: «01.09.2026 – 30.09.2026», «с 01.09.2026», «сроки не указаны».</summary>
    public static string Dates(DateOnly? startsOn, DateOnly? endsOn) => (startsOn, endsOn) switch
    {
        ({ } s, { } e) => $"{Day(s)} – {Day(e)}",
        ({ } s, null) => "с " + Day(s),
        (null, { } e) => "до " + Day(e),
        _ => "сроки не указаны",
    };

    private static string Day(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
