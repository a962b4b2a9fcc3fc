namespace Metodist.Web.Features.Events;

/// <summary>The forms of methodical events the sources name (000, 001, 002).</summary>
public enum EventKind
{
    /// <summary>заседание.</summary>
    Meeting,
    Seminar,

    /// <summary>семинар-практикум.</summary>
    Workshop,
    MasterClass,
    RoundTable,
    Consultation,
    Webinar,
    Conference,
    Forum,
    OpenLesson,
    Publication,
    Competition,
}

public enum EventStatus
{
    Draft,
    Published,
    Cancelled,
}

public enum RegistrationStatus
{
    Registered,
    Waitlisted,
    Cancelled,
}

/// <summary>
/// A methodical event: its time, venue or link, organizer (an association or a municipal service), audience, capacity,
/// materials and the competence areas it develops. Published events are on the public calendar.
/// </summary>
public sealed class MethodicalEvent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    public EventKind Kind { get; set; }
    public string? Description { get; set; }

    /// <summary>Start and end as UTC instants; pages show them in the region's time.</summary>
    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public Guid? VenueOrganizationId { get; set; }
    public Registry.Organization? VenueOrganization { get; set; }

    /// <summary>Room, address or other words about the place.</summary>
    public string? VenueNote { get; set; }

    public string? OnlineUrl { get; set; }

    public Guid? AssociationId { get; set; }
    public Associations.Association? Association { get; set; }

    /// <summary>The municipality whose service organizes it or whose association does; null for a regional event.</summary>
    public Guid? MunicipalityId { get; set; }

    public Guid RegionId { get; set; }
    public Guid? PlanItemId { get; set; }

    /// <summary>Places; null for no limit. Registrations beyond it go to the waiting list.</summary>
    public int? Capacity { get; set; }

    /// <summary>Who it is for, in words («учителя математики 5–9 классов»).</summary>
    public string? Audience { get; set; }

    /// <summary>Hours of the event, printed on the certificate.</summary>
    public decimal? Hours { get; set; }

    public EventStatus Status { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? CancelReason { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public List<EventRegistration> Registrations { get; set; } = [];
    public List<EventResponsible> Responsible { get; set; } = [];
    public List<EventArea> Areas { get; set; } = [];
    public List<EventSubject> Subjects { get; set; } = [];
    public List<EventPosition> Positions { get; set; } = [];
    public List<EventMaterial> Materials { get; set; } = [];
}

public sealed class EventRegistration
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EventId { get; set; }
    public MethodicalEvent? Event { get; set; }
    public Guid PersonId { get; set; }
    public Registry.Person? Person { get; set; }
    public RegistrationStatus Status { get; set; }
    public DateTime RegisteredAt { get; set; } = DateTime.UtcNow;
    public string RegisteredBy { get; set; } = "";
    public bool Attended { get; set; }
    public DateTime? AttendanceMarkedAt { get; set; }

    /// <summary>The certificate of participation's number, given when attendance is marked.</summary>
    public string? CertificateNumber { get; set; }
}

public sealed class EventResponsible
{
    public Guid EventId { get; set; }
    public Guid PersonId { get; set; }
    public Registry.Person? Person { get; set; }
}

public sealed class EventArea
{
    public Guid EventId { get; set; }
    public Guid AreaId { get; set; }
}

public sealed class EventSubject
{
    public Guid EventId { get; set; }
    public Guid SubjectId { get; set; }
}

public sealed class EventPosition
{
    public Guid EventId { get; set; }
    public Guid PositionId { get; set; }
}

/// <summary>A material of the event (presentation, programme, resolution), stored as a file.</summary>
public sealed class EventMaterial
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EventId { get; set; }
    public Guid FileId { get; set; }
    public Files.StoredFile? File { get; set; }
    public string Title { get; set; } = "";
    public DateTime AddedAt { get; set; } = DateTime.UtcNow;
}
