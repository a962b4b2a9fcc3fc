using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;

namespace Metodist.Web.Features.Routes;

public enum RouteStatus
{
    Draft,
    Submitted,
    Approved,
    InProgress,
    Completed,
    NotCompleted,
}

/// <summary>The sections of the road map of the ИОМ form (seed 004).</summary>
public enum RouteSection
{
    Courses,
    Internship,
    Events,
    Communities,
    Experience,
    Materials,
    Mentoring,
}

/// <summary>An individual educational route (ИОМ): the form's header, goal, period and road map, and its way through agreement.</summary>
public sealed class DevelopmentRoute
{
    public const string StandardGoal =
        "Непрерывное профессиональное развитие педагога для обеспечения повышения качества образования, основанное на персонализированном подходе, " +
        "учитывающем профессиональные дефициты, его личные ресурсы, педагогический контекст образовательной организации.";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public RouteStatus Status { get; set; }

    // The header of the form, as it was when the route was drafted.
    public Guid? MunicipalityId { get; set; }
    public Guid? OrganizationId { get; set; }
    public string? MunicipalityName { get; set; }
    public string? OrganizationName { get; set; }
    public string? PositionName { get; set; }
    public string? SubjectName { get; set; }
    public Guid? ResultId { get; set; }
    public DateOnly? TestDate { get; set; }
    public DeficitLevel? DeficitLevel { get; set; }

    public string Goal { get; set; } = StandardGoal;
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>The regional methodist who accompanies the route.</summary>
    public Guid? TutorPersonId { get; set; }

    public Person? Tutor { get; set; }

    /// <summary>The organization agreed the submitted route (the «Уполномоченный ОО» signature).</summary>
    public DateTime? OrganizationAgreedAt { get; set; }

    public string? OrganizationAgreedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public List<RouteItem> Items { get; set; } = [];
    public List<RouteTransition> Transitions { get; set; } = [];
}

/// <summary>One line of the road map: what, the form and hours, the deadline, the deficit it answers, and the teacher's reflective report.</summary>
public sealed class RouteItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RouteId { get; set; }
    public DevelopmentRoute? Route { get; set; }

    /// <summary>The route's teacher, kept on the item for the audit log and for finding a teacher's items.</summary>
    public Guid PersonId { get; set; }

    public RouteSection Section { get; set; }
    public int SortOrder { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The second column of the form: form of study, hours and so on; for 1.4 the content of work, for 2.1 the event, for 2.2 where it is published, for 3 the directions.</summary>
    public string? Details { get; set; }

    public int? Hours { get; set; }

    /// <summary>For 1.4: the teacher's status in the association or community.</summary>
    public string? Status { get; set; }

    public DateOnly? Deadline { get; set; }
    public Guid? DeficitAreaId { get; set; }
    public CompetenceArea? DeficitArea { get; set; }
    public Guid? CourseId { get; set; }
    public Guid? EnrolmentId { get; set; }

    /// <summary>For section 3: the mentoring pair the item stands for; kept in step with the pair by the mentoring module.</summary>
    public Guid? MentoringPairId { get; set; }

    /// <summary>For section 1.3: the methodical event the item stands for; marking attendance at it closes the item.</summary>
    public Guid? EventId { get; set; }

    /// <summary>Why the draft proposed this item («Выраженный дефицит: цифровая компетенция»).</summary>
    public string? Reason { get; set; }

    public string? Reflection { get; set; }
    public DateTime? ReflectionAt { get; set; }
    public bool IsDone { get; set; }
    public DateOnly? DoneOn { get; set; }

    /// <summary>What shows the item was done: a certificate number, a link, an order.</summary>
    public string? Evidence { get; set; }
}

/// <summary>One step of a route's way: from and to, who, when, and the comment (required when sent back).</summary>
public sealed class RouteTransition
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RouteId { get; set; }
    public RouteStatus From { get; set; }
    public RouteStatus To { get; set; }

    /// <summary>True for the organization's agreement, which keeps the status «на согласовании».</summary>
    public bool IsAgreement { get; set; }

    public DateTime At { get; set; } = DateTime.UtcNow;
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string? Comment { get; set; }
}

public static class RouteTitles
{
    public static readonly RouteSection[] Sections = Enum.GetValues<RouteSection>();

    public static string Title(this RouteStatus status) => status switch
    {
        RouteStatus.Draft => "черновик",
        RouteStatus.Submitted => "на согласовании",
        RouteStatus.Approved => "утверждён",
        RouteStatus.InProgress => "выполняется",
        RouteStatus.Completed => "завершён",
        _ => "не завершён",
    };

    public static string BadgeClass(this RouteStatus status) => status switch
    {
        RouteStatus.Completed => "badge ok",
        RouteStatus.NotCompleted => "badge bad",
        RouteStatus.Approved or RouteStatus.InProgress => "badge ok",
        RouteStatus.Submitted => "badge warn",
        _ => "badge",
    };

    /// <summary>The API's name of a status: draft, submitted, approved, inProgress, completed, notCompleted.</summary>
    public static string Code(this RouteStatus status) => status switch
    {
        RouteStatus.Draft => "draft",
        RouteStatus.Submitted => "submitted",
        RouteStatus.Approved => "approved",
        RouteStatus.InProgress => "inProgress",
        RouteStatus.Completed => "completed",
        _ => "notCompleted",
    };

    public static RouteStatus? ParseStatus(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "draft" => RouteStatus.Draft,
        "submitted" => RouteStatus.Submitted,
        "approved" => RouteStatus.Approved,
        "inprogress" or "in_progress" or "in-progress" => RouteStatus.InProgress,
        "completed" => RouteStatus.Completed,
        "notcompleted" or "not_completed" or "not-completed" => RouteStatus.NotCompleted,
        _ => null,
    };

    public static string Code(this RouteSection section) => section switch
    {
        RouteSection.Courses => "1.1",
        RouteSection.Internship => "1.2",
        RouteSection.Events => "1.3",
        RouteSection.Communities => "1.4",
        RouteSection.Experience => "2.1",
        RouteSection.Materials => "2.2",
        _ => "3",
    };

    public static RouteSection? ParseSection(string? code) => Sections.Cast<RouteSection?>().FirstOrDefault(s => s!.Value.Code() == code?.Trim());

    public static string Title(this RouteSection section) => section switch
    {
        RouteSection.Courses => "Обучение по дополнительным профессиональным программам повышения квалификации и/или профессиональной переподготовки",
        RouteSection.Internship => "Стажировка (индивидуальная или групповая)",
        RouteSection.Events => "Мероприятия, направленные на профессиональное развитие и обмен опытом (форум, конференция, семинар, вебинар, мастер-класс, конкурс, посещение урочных и внеурочных занятий учителей-методистов и пр.)",
        RouteSection.Communities => "Работа в профессиональных сообществах, методических объединениях",
        RouteSection.Experience => "Представление личного опыта",
        RouteSection.Materials => "Разработка собственных методических, учебно-методических материалов",
        _ => "Наставничество",
    };

    public static string ShortTitle(this RouteSection section) => section switch
    {
        RouteSection.Courses => "Курсы",
        RouteSection.Internship => "Стажировка",
        RouteSection.Events => "Мероприятия",
        RouteSection.Communities => "Сообщества и объединения",
        RouteSection.Experience => "Представление опыта",
        RouteSection.Materials => "Собственные материалы",
        _ => "Наставничество",
    };

    /// <summary>The heading of the «details» column of the form for this section.</summary>
    public static string DetailsTitle(this RouteSection section) => section switch
    {
        RouteSection.Communities => "Содержание работы",
        RouteSection.Experience => "Мероприятие, на котором представлен опыт",
        RouteSection.Materials => "Где представлены, размещены, используются",
        RouteSection.Mentoring => "Основные направления работы",
        _ => "Форма обучения, трудоёмкость и пр.",
    };
}
