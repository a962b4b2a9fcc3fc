using Metodist.Web.Features.Registry;

namespace Metodist.Web.Features.Asset;

/// <summary>
/// The way of a regional methodist (seed 004): a candidate passes the assessment of methodical competences, then the
/// training, becomes an active regional methodist with teachers assigned, and may be withdrawn.
/// </summary>
public enum AssetStatus
{
    Candidate,
    Assessed,
    Trained,
    Active,
    Withdrawn,
}

/// <summary>A member (or candidate) of the region's methodical asset.</summary>
public sealed class RegionalMethodist
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public AssetStatus Status { get; set; }

    // The requirements only a person can judge (seed 004); category and experience come from the registry.
    public bool IsAssociationLeader { get; set; }
    public bool IsExamExpert { get; set; }
    public bool IsCommunityLeader { get; set; }
    public bool HasHighStudentResults { get; set; }

    public DateOnly? AssessedOn { get; set; }

    /// <summary>The result of the assessment of methodical competences («78 баллов из 100, рекомендован»).</summary>
    public string? AssessmentResult { get; set; }

    /// <summary>The training course from the catalogue.</summary>
    public Guid? TrainingCourseId { get; set; }

    public DateOnly? TrainedOn { get; set; }
    public DateOnly? ActiveSince { get; set; }

    /// <summary>The order that gave the status.</summary>
    public string? OrderNumber { get; set; }

    public DateOnly? WithdrawnOn { get; set; }
    public string? WithdrawalReason { get; set; }

    /// <summary>How many teachers this methodist can serve; null means the region's norm.</summary>
    public int? LoadNorm { get; set; }

    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public List<RegionalMethodistSubject> Subjects { get; set; } = [];
    public List<RegionalMethodistMunicipality> Municipalities { get; set; } = [];
    public List<AssetStatusChange> History { get; set; } = [];
}

public sealed class RegionalMethodistSubject
{
    public Guid MethodistId { get; set; }
    public Guid SubjectId { get; set; }
    public Subject? Subject { get; set; }
}

/// <summary>A municipality the methodist serves (the territory).</summary>
public sealed class RegionalMethodistMunicipality
{
    public Guid MethodistId { get; set; }
    public Guid MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
}

public sealed class AssetStatusChange
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MethodistId { get; set; }
    public AssetStatus From { get; set; }
    public AssetStatus To { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
    public string UserName { get; set; } = "";
    public string? Comment { get; set; }
}

/// <summary>A teacher assigned to a regional methodist; a teacher has at most one.</summary>
public sealed class AssetAssignment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MethodistId { get; set; }
    public RegionalMethodist? Methodist { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public DateOnly AssignedOn { get; set; }
    public string AssignedBy { get; set; } = "";
}
