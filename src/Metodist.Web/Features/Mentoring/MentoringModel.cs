using Metodist.Web.Features.Registry;

namespace Metodist.Web.Features.Mentoring;

/// <summary>The forms of mentoring the regional model names (seed 001): who teaches whom.</summary>
public enum MentoringForm
{
    /// <summary>«опытный педагог — молодой специалист».</summary>
    ExperiencedYoung,

    /// <summary>«педагог, владеющий компетенцией, — педагог, осваивающий её».</summary>
    CompetentLearning,

    /// <summary>«лидер педагогического сообщества — пассивный педагог».</summary>
    LeaderPassive,

    /// <summary>«руководитель — педагог».</summary>
    ManagerTeacher,
}

/// <summary>Who set the pair up: an organization (the school's order) or the municipality.</summary>
public enum MentoringLevel
{
    Organization,
    Municipality,
}

public enum MentoringStatus
{
    Active,
    Completed,
    Cancelled,
}

public enum MentoringPlanKind
{
    Meeting,
    Task,
}

/// <summary>A mentoring pair or group: one mentor and one or more mentees, set up by an order, with a plan, a meetings log and a closing evaluation.</summary>
public sealed class MentoringPair
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MentorPersonId { get; set; }
    public Person? Mentor { get; set; }
    public MentoringForm Form { get; set; }
    public MentoringLevel Level { get; set; }
    public MentoringStatus Status { get; set; }

    /// <summary>The municipality the pair belongs to (the mentees' one), kept for scope filters.</summary>
    public Guid MunicipalityId { get; set; }

    /// <summary>The organization that set the pair up, when the level is the organization.</summary>
    public Guid? OrganizationId { get; set; }

    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? OrderNumber { get; set; }
    public DateOnly? OrderDate { get; set; }
    public string? Goals { get; set; }

    /// <summary>The closing evaluation: how the mentee(s) did, written when the pair is completed.</summary>
    public string? Evaluation { get; set; }

    /// <summary>Closing mark from 1 to 5.</summary>
    public int? EvaluationScore { get; set; }

    public DateOnly? ClosedOn { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public List<MentoringMentee> Mentees { get; set; } = [];
    public List<MentoringPlanItem> PlanItems { get; set; } = [];
    public List<MentoringMeeting> Meetings { get; set; } = [];
}

public sealed class MentoringMentee
{
    public Guid PairId { get; set; }
    public MentoringPair? Pair { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>One line of the mentoring plan: a meeting or a task with a due date.</summary>
public sealed class MentoringPlanItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PairId { get; set; }
    public MentoringPlanKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Details { get; set; }
    public DateOnly? DueDate { get; set; }
    public bool IsDone { get; set; }
    public DateOnly? DoneOn { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A meeting held: date, topic and hours.</summary>
public sealed class MentoringMeeting
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PairId { get; set; }
    public DateOnly Date { get; set; }
    public string Topic { get; set; } = "";
    public decimal Hours { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string CreatedBy { get; set; } = "";
}

/// <summary>Which half of the academic year a questionnaire round belongs to.</summary>
public enum AdaptationRound
{
    /// <summary>Autumn: September to December.</summary>
    Autumn,

    /// <summary>Spring: January to May.</summary>
    Spring,
}

public enum AdaptationQuestionKind
{
    /// <summary>A mark from 1 (совсем нет) to 5 (полностью).</summary>
    Scale,

    /// <summary>Free text.</summary>
    Text,
}

/// <summary>The adaptation questionnaire of one round, twice a year; questions are copied from the previous round and can be edited.</summary>
public sealed class AdaptationSurvey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Title { get; set; } = "";

    /// <summary>"2026-2027".</summary>
    public string AcademicYear { get; set; } = "";

    public AdaptationRound Round { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<AdaptationQuestion> Questions { get; set; } = [];
}

public sealed class AdaptationQuestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SurveyId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public AdaptationQuestionKind Kind { get; set; }
}

/// <summary>A young teacher's answers to one round; the municipality is kept as it was, for results per municipality.</summary>
public sealed class AdaptationResponse
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SurveyId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid? MunicipalityId { get; set; }
    public Guid? OrganizationId { get; set; }
    public DateTime SubmittedAt { get; set; } = DateTime.UtcNow;

    /// <summary>The mean of the scale answers, 1–5; it gives the adaptation status.</summary>
    public decimal? MeanScore { get; set; }

    public List<AdaptationAnswer> Answers { get; set; } = [];
}

public sealed class AdaptationAnswer
{
    public Guid ResponseId { get; set; }
    public Guid QuestionId { get; set; }
    public int? Score { get; set; }
    public string? Text { get; set; }
}
