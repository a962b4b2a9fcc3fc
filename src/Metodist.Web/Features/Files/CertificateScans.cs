namespace Metodist.Web.Features.Files;

/// <summary>An uploaded scan before it is stored: the name the person gave it, its length and its bytes.</summary>
public sealed record UploadedScan(string FileName, long Length, byte[] Content)
{
    public UploadedScan(string fileName, byte[] content) : this(fileName, content.Length, content)
    {
    }

    /// <summary>Reads an uploaded form file, or null when nothing was chosen. A file over the limit is not read: its length refuses it.</summary>
    public static async Task<UploadedScan?> FromAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return null;
        if (file.Length > CertificateScans.MaxBytes) return new UploadedScan(file.FileName, file.Length, []);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new UploadedScan(file.FileName, buffer.ToArray());
    }
}

/// <summary>
/// Scans of certificates: PDF, JPEG or PNG up to 10 MB, recognised by their first bytes rather than by the name, and
/// stored as the teacher's personal file (shown only to those who see the teacher).
/// </summary>
public static class CertificateScans
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public const string Accept = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    private static readonly (byte[] Signature, string ContentType, string Extension)[] Kinds =
    [
        ("%PDF-"u8.ToArray(), "application/pdf", ".pdf"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg", ".jpg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", ".png"),
    ];

    /// <summary>The content type the bytes show, or null when they are not a PDF, JPEG or PNG.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> content)
    {
        foreach (var (signature, contentType, _) in Kinds)
        {
            if (content.StartsWith(signature)) return contentType;
        }
        return null;
    }

    /// <summary>A Russian message about what is wrong with the scan, or null when it may be stored.</summary>
    public static string? Problem(UploadedScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        if (scan.Length > MaxBytes) return "Файл больше 10 МБ: уменьшите разрешение скана или сохраните его в PDF.";
        if (ContentTypeOf(scan.Content) is null) return "Скан должен быть файлом PDF, JPG или PNG.";
        return null;
    }

    /// <summary>The stored file of a checked scan, belonging to the teacher.</summary>
    public static StoredFile ToStoredFile(UploadedScan scan, Guid personId, string uploadedBy)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var contentType = ContentTypeOf(scan.Content) ?? throw new InvalidOperationException("Check the scan with Problem() before storing it.");
        var extension = Kinds.First(k => k.ContentType == contentType).Extension;
        var name = Path.GetFileName(scan.FileName.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name)) name = "удостоверение" + extension;
        if (name.Length > 200) name = name[..(200 - extension.Length)] + extension;
        return new StoredFile
        {
            FileName = name,
            ContentType = contentType,
            Content = scan.Content,
            Size = scan.Content.Length,
            UploadedBy = uploadedBy,
            PersonId = personId,
        };
    }
}
