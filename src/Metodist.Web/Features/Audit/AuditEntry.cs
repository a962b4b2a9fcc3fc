namespace Metodist.Web.Features.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,

    /// <summary>Someone opened a private record (a diagnostic result); the person can see who looked.</summary>
    Viewed,
}

/// <summary>One change of one field of personal data: who, when, what, old and new value.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public Guid EntityId { get; set; }

    /// <summary>The person whose data changed, so their history and the scope of the reader can be checked.</summary>
    public Guid? PersonId { get; set; }

    public AuditAction Action { get; set; }
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
