namespace Metodist.Web.Features.Files;

/// <summary>An uploaded file (a certificate scan, a material), kept in the database so that every app node can serve it.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public byte[] Content { get; set; } = [];
    public long Size { get; set; }
    public DateTime UploadedAt { get; set; } = DateTime.UtcNow;
    public string UploadedBy { get; set; } = "";

    /// <summary>Whose personal file this is (a certificate): the file is shown only to those who see that person.</summary>
    public Guid? PersonId { get; set; }
}
