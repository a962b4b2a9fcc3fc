using Metodist.Web.Features.Registry;

namespace Metodist.Web.Features.Consultations;

public enum ConsultationStatus
{
    New,
    InProgress,
    Answered,
    Closed,
    Rejected,
}

/// <summary>Which service answers: the municipal service of the asker's municipality or the region's centre.</summary>
public enum ConsultationLevel
{
    Municipal,
    Regional,
}

/// <summary>A request for methodical help from a teacher or an organization, routed to a service and answered by a due date.</summary>
public sealed class ConsultationRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The request's number shown to people, unique and growing.</summary>
    public int Number { get; set; }

    public Guid? AskerPersonId { get; set; }
    public Person? AskerPerson { get; set; }
    public Guid? AskerUserId { get; set; }
    public string AskerName { get; set; } = "";

    /// <summary>Set when an organization asks (its methodist on its behalf) and for a teacher's place of work.</summary>
    public Guid? OrganizationId { get; set; }

    public bool FromOrganization { get; set; }

    /// <summary>The asker's municipality.</summary>
    public Guid? MunicipalityId { get; set; }

    public string Topic { get; set; } = "";
    public Guid? SubjectId { get; set; }
    public string? SubjectName { get; set; }
    public string Text { get; set; } = "";

    public ConsultationLevel Level { get; set; }

    /// <summary>The municipality whose service answers; null for the region's centre.</summary>
    public Guid? ServiceMunicipalityId { get; set; }

    public Guid? AssigneeUserId { get; set; }
    public string? AssigneeName { get; set; }
    public ConsultationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateOnly DueOn { get; set; }
    public DateTime? TakenAt { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
    public string? RejectionReason { get; set; }
    public DateTime? ClosedAt { get; set; }

    // A good answer published without the asker's name.
    public bool IsPublished { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PublicQuestion { get; set; }
    public string? PublicAnswer { get; set; }

    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public List<ConsultationAttachment> Attachments { get; set; } = [];
    public List<ConsultationHistory> History { get; set; } = [];
}

public sealed class ConsultationAttachment
{
    public Guid RequestId { get; set; }
    public Guid FileId { get; set; }

    /// <summary>True for a file the methodist attached to the answer.</summary>
    public bool IsAnswer { get; set; }
}

/// <summary>One step of a request: routed, taken, answered, forwarded, closed or rejected, by whom and when.</summary>
public sealed class ConsultationHistory
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RequestId { get; set; }
    public ConsultationStatus From { get; set; }
    public ConsultationStatus To { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
    public string UserName { get; set; } = "";
    public string? Comment { get; set; }
}
