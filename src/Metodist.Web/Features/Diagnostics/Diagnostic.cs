using Metodist.Web.Features.Registry;

namespace Metodist.Web.Features.Diagnostics;

public enum DiagnosticKind
{
    /// <summary>A test built in the product and taken in the browser.</summary>
    OnlineTest,

    /// <summary>An outside assessment whose results are imported from a table.</summary>
    External,
}

/// <summary>A diagnostic of professional deficits with its level thresholds (and, for a test, its questions).</summary>
public sealed class Diagnostic
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DiagnosticKind Kind { get; set; }
    public int? TimeLimitMinutes { get; set; }

    /// <summary>A score (0–100) at or above this means no deficit.</summary>
    public int NoDeficitFrom { get; set; } = 70;

    /// <summary>A score at or above this (and below <see cref="NoDeficitFrom"/>) is a partial deficit; below it, pronounced.</summary>
    public int PartialFrom { get; set; } = 40;

    /// <summary>Teachers may take a published test; an unpublished one is still being written.</summary>
    public bool IsPublished { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string CreatedBy { get; set; } = "";
    public List<DiagnosticQuestion> Questions { get; set; } = [];

    public DeficitLevel LevelOf(int score) => Scoring.Level(score, NoDeficitFrom, PartialFrom);
}

public sealed class DiagnosticQuestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DiagnosticId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public Guid AreaId { get; set; }
    public CompetenceArea? Area { get; set; }
    public bool MultipleChoice { get; set; }
    public List<DiagnosticOption> Options { get; set; } = [];
}

public sealed class DiagnosticOption
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid QuestionId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public bool IsCorrect { get; set; }
}

/// <summary>A diagnostic assigned to a cohort (territory, organization, subject, position) with a deadline.</summary>
public sealed class DiagnosticCampaign
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DiagnosticId { get; set; }
    public Diagnostic? Diagnostic { get; set; }
    public string Title { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly Deadline { get; set; }
    public Guid RegionId { get; set; }
    public Guid? DistrictId { get; set; }
    public Guid? MunicipalityId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? SubjectId { get; set; }
    public Guid? PositionId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string CreatedBy { get; set; } = "";
}

/// <summary>A teacher's sitting of an online test; answers are saved one by one as they are given.</summary>
public sealed class DiagnosticAttempt
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DiagnosticId { get; set; }
    public Diagnostic? Diagnostic { get; set; }
    public Guid PersonId { get; set; }
    public Guid? CampaignId { get; set; }
    public DateTime StartedAt { get; set; } = DateTime.UtcNow;
    public DateTime? FinishedAt { get; set; }
    public Guid? ResultId { get; set; }
    public List<AttemptAnswer> Answers { get; set; } = [];
}

public sealed class AttemptAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AttemptId { get; set; }
    public Guid QuestionId { get; set; }

    /// <summary>The numbers of the chosen options, comma-separated in ascending order («1,3»).</summary>
    public string Chosen { get; set; } = "";

    public DateTime AnsweredAt { get; set; } = DateTime.UtcNow;
}

/// <summary>A teacher's deficit profile from one diagnostic: a score and level per area, the overall level and the date.</summary>
public sealed class DiagnosticResult
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid DiagnosticId { get; set; }
    public Diagnostic? Diagnostic { get; set; }
    public Guid? CampaignId { get; set; }
    public DateOnly TakenOn { get; set; }
    public int Score { get; set; }
    public DeficitLevel Level { get; set; }
    public Guid? ImportJobId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<DiagnosticResultArea> Areas { get; set; } = [];
}

public sealed class DiagnosticResultArea
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ResultId { get; set; }
    public Guid AreaId { get; set; }
    public CompetenceArea? Area { get; set; }
    public int Score { get; set; }
    public DeficitLevel Level { get; set; }
}
