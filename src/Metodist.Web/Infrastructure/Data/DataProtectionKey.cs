namespace Metodist.Web.Infrastructure.Data;

/// <summary>A data-protection key ring entry, kept in the database so every app node shares it.</summary>
public sealed class DataProtectionKey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
