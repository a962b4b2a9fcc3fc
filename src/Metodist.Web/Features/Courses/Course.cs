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

    public static string Title(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Enrolled => "записан",
        EnrolmentStatus.Completed => "обучение завершено",
        _ => "запись отменена",
    };
}
