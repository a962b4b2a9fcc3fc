using Metodist.Web.Features.Registry;

namespace Metodist.Web.Features.Associations;

/// <summary>Where an association works: a school (ШМО), a municipality (ММО), several municipalities, or the region (РМО).</summary>
public enum AssociationLevel
{
    School,
    Municipal,
    Intermunicipal,
    Regional,
}

/// <summary>The kinds of professional groups seed 001 names.</summary>
public enum AssociationKind
{
    /// <summary>методическое объединение.</summary>
    MethodicalAssociation,

    /// <summary>профессиональное сообщество.</summary>
    ProfessionalCommunity,

    /// <summary>творческая группа.</summary>
    CreativeGroup,

    /// <summary>кроссфункциональная команда.</summary>
    CrossFunctionalTeam,

    /// <summary>«Школа молодого учителя».</summary>
    YoungTeacherSchool,

    /// <summary>сетевое сообщество.</summary>
    NetworkCommunity,
}

/// <summary>A member's part in the association (seed 000: куратор, совет, научно-методическое сопровождение).</summary>
public enum MemberRole
{
    Member,
    Leader,
    Curator,
    Council,
    Adviser,
    Secretary,
}

public enum MemberStatus
{
    /// <summary>A teacher asked to join; the leader has not decided yet.</summary>
    Requested,
    Active,
    Declined,
    Left,
}

/// <summary>
/// A methodical association or professional community at one level, with its leader appointed by an order, its base
/// organization, members, programme, yearly plans, protocols and reports.
/// </summary>
public sealed class Association
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public AssociationLevel Level { get; set; }
    public AssociationKind Kind { get; set; }

    /// <summary>The subject area or the problem it works on, as written («Математика», «Методическая работа: из теории в практику»).</summary>
    public string Subject { get; set; } = "";

    /// <summary>The subject of the registry when <see cref="Subject"/> names one.</summary>
    public Guid? SubjectId { get; set; }

    public Guid RegionId { get; set; }
    public Guid? DistrictId { get; set; }

    /// <summary>The municipality of a municipal association, or the municipality of a school association's school.</summary>
    public Guid? MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    /// <summary>The school of a school association.</summary>
    public Guid? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>The base organization (базовое учреждение) where it meets.</summary>
    public Guid? BaseOrganizationId { get; set; }

    public Organization? BaseOrganization { get; set; }

    public Guid? LeaderPersonId { get; set; }
    public Person? Leader { get; set; }

    /// <summary>The leader as the order names them when they are not in the registry («директор МАУ «ЦРО»»).</summary>
    public string? LeaderTitle { get; set; }

    public string? LeaderOrderNumber { get; set; }
    public DateOnly? LeaderOrderDate { get; set; }
    public string? Description { get; set; }

    /// <summary>The days of the year reports are due, as «дд.мм» separated by commas (seed 000: «20.12, 20.05»).</summary>
    public string ReportDates { get; set; } = "20.12, 20.05";

    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public List<AssociationMember> Members { get; set; } = [];
}

/// <summary>
/// One member: a person of the registry (name, position and organization are copied from the place of work and can be
/// corrected) or someone from outside it, such as a university's scientific adviser.
/// </summary>
public sealed class AssociationMember
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssociationId { get; set; }
    public Association? Association { get; set; }
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }
    public string FullName { get; set; } = "";
    public string? Position { get; set; }
    public string? OrganizationName { get; set; }
    public MemberRole Role { get; set; }
    public MemberStatus Status { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public DateTime RequestedAt { get; set; } = DateTime.UtcNow;
    public string? RequestComment { get; set; }
    public string? DecidedBy { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>The programme of activity (программа деятельности) with the passport of seed 000, its stages and the list of sources.</summary>
public sealed class Programme
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The association whose programme this is; null for a programme of a municipal service.</summary>
    public Guid? AssociationId { get; set; }

    /// <summary>The municipal service (its municipality) whose programme this is, or the association's municipality.</summary>
    public Guid? MunicipalityId { get; set; }

    public string Name { get; set; } = "";
    public string? BasisDocuments { get; set; }
    public string? TargetAudience { get; set; }
    public string? Customer { get; set; }
    public string? Developers { get; set; }
    public string? Goal { get; set; }
    public string? Tasks { get; set; }
    public string? ExpectedResults { get; set; }

    /// <summary>«1 учебный год (2023-2024)».</summary>
    public string? Period { get; set; }

    public string? FormsOfWork { get; set; }
    public string? ExplanatoryNote { get; set; }
    public bool IsPublished { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public List<ProgrammeStage> Stages { get; set; } = [];
    public List<ProgrammeSource> Sources { get; set; } = [];
}

/// <summary>A stage of the programme's mechanism: name, dates, tasks, means and expected result.</summary>
public sealed class ProgrammeStage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProgrammeId { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public string? Dates { get; set; }
    public string? Tasks { get; set; }
    public string? Means { get; set; }
    public string? ExpectedResult { get; set; }
}

public sealed class ProgrammeSource
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProgrammeId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>A yearly work plan of an association, or a road map (seed 002) of an association or a service.</summary>
public enum PlanKind
{
    WorkPlan,
    RoadMap,
}

public enum PlanStatus
{
    Draft,
    Approved,
    Published,
}

/// <summary>How an item's time is written: a month, a date, a span of months, or the road map's words.</summary>
public enum PlanTiming
{
    Month,
    Date,
    Months,

    /// <summary>«в течение всего периода».</summary>
    WholePeriod,

    /// <summary>«в соответствии с графиком проведения».</summary>
    AsScheduled,
}

/// <summary>What became of a plan item; <see cref="Planned"/> until the leader or a held event says otherwise.</summary>
public enum PlanItemOutcome
{
    Planned,
    Done,
    Moved,
    NotDone,
}

public sealed class WorkPlan
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? AssociationId { get; set; }
    public Association? Association { get; set; }

    /// <summary>The municipal service whose road map this is, when it is not an association's.</summary>
    public Guid? MunicipalityId { get; set; }

    public PlanKind Kind { get; set; }
    public string Title { get; set; } = "";

    /// <summary>"2025-2026"; a road map may span several years («2022 – 2023 годы»).</summary>
    public string AcademicYear { get; set; } = "";

    public PlanStatus Status { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? ApprovedBy { get; set; }

    /// <summary>The order or protocol that approved it («протокол № 1 от 12.09.2025»).</summary>
    public string? ApprovalDocument { get; set; }

    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public List<PlanItem> Items { get; set; } = [];
}

public sealed class PlanItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PlanId { get; set; }
    public WorkPlan? Plan { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string? Content { get; set; }

    /// <summary>The form of the measure, as events have it; null for organisational work («разработка программы»).</summary>
    public Events.EventKind? Kind { get; set; }

    public PlanTiming Timing { get; set; }

    /// <summary>The month (1–12) of a monthly item, or the first month of a span.</summary>
    public int? Month { get; set; }

    /// <summary>The last month of a span.</summary>
    public int? EndMonth { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>Further deadlines written on the item («до 20.12.2023, до 20.05.2024»), kept as they were typed.</summary>
    public string? TimingNote { get; set; }

    public Guid? VenueOrganizationId { get; set; }
    public Organization? VenueOrganization { get; set; }

    /// <summary>The responsible people as the plan prints them («Каргаполова Д.А., заместитель директора …»).</summary>
    public string? ResponsibleText { get; set; }

    public PlanItemOutcome Outcome { get; set; }
    public string? OutcomeReason { get; set; }
    public DateOnly? OutcomeDate { get; set; }
    public List<PlanItemResponsible> Responsible { get; set; } = [];
}

public sealed class PlanItemResponsible
{
    public Guid PlanItemId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>Minutes of a meeting (протокол заседания) with attendees, agenda, what was heard and decided, and assignments.</summary>
public sealed class Protocol
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssociationId { get; set; }
    public Association? Association { get; set; }
    public Guid? EventId { get; set; }
    public int Number { get; set; }
    public DateOnly Date { get; set; }
    public string? Venue { get; set; }
    public string? Chair { get; set; }
    public string? Secretary { get; set; }

    /// <summary>The agenda, one question per line.</summary>
    public string Agenda { get; set; } = "";

    public string? Heard { get; set; }
    public string? Decided { get; set; }

    /// <summary>Guests who are not members, counted with those present.</summary>
    public int Guests { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string CreatedBy { get; set; } = "";
    public List<ProtocolAttendee> Attendees { get; set; } = [];
    public List<ProtocolAssignment> Assignments { get; set; } = [];
}

public sealed class ProtocolAttendee
{
    public Guid ProtocolId { get; set; }
    public Guid MemberId { get; set; }
    public string FullName { get; set; } = "";
    public bool Present { get; set; }
}

/// <summary>An assignment decided at a meeting: listed as open until it is closed.</summary>
public sealed class ProtocolAssignment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProtocolId { get; set; }
    public Protocol? Protocol { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public Guid? ResponsiblePersonId { get; set; }
    public string? ResponsibleText { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? DoneNote { get; set; }
}

public enum ReportStatus
{
    Draft,
    Submitted,
}

/// <summary>A report of the association for a period ending on one of its report dates; the figures are drawn from the data, the text is the leader's.</summary>
public sealed class AssociationReport
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssociationId { get; set; }
    public Association? Association { get; set; }
    public Guid? PlanId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateOnly DueOn { get; set; }
    public ReportStatus Status { get; set; }
    public string? Summary { get; set; }
    public string? Problems { get; set; }
    public string? Proposals { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
