using System.Text;
using Metodist.Web.Features.Files;

namespace Metodist.Web.Features.Consultations;

/// <summary>
/// Files attached to a request or to its answer: documents, tables, presentations, scans and photos up to 10 MB each (the
/// limit of every upload here), at most <see cref="MaxFiles"/> at a time, recognised by their first bytes. They are served
/// only through the request (<c>/Consultations/{id}/Files/{fileId}</c>), to the asker and the service that handles it.
/// </summary>
public static class ConsultationFiles
{
    public const int MaxFiles = 5;

    public const string Accept = ".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.txt";

    /// <summary>Room above five files of 10 MB, so that a larger file gets a message next to the field rather than an error page.</summary>
    public const int MaxRequestBytes = 64 * 1024 * 1024;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly Dictionary<string, string> ZipTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
    };

    private static readonly Dictionary<string, string> OleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
    };

    /// <summary>The content type the bytes (and, for office formats that share a container, the name) show, or null when the kind is not accepted.</summary>
    public static string? ContentTypeOf(string fileName, ReadOnlySpan<byte> content)
    {
        if (CertificateScans.ContentTypeOf(content) is { } scan) return scan;
        var extension = Path.GetExtension(fileName);
        if (content.StartsWith(Zip)) return ZipTypes.GetValueOrDefault(extension);
        if (content.StartsWith(Ole)) return OleTypes.GetValueOrDefault(extension);
        if (content.StartsWith("{\\rtf"u8)) return "application/rtf";
        if (extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) && content.Length > 0 && !content.Contains((byte)0) && IsUtf8(content))
            return "text/plain; charset=utf-8";
        return null;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> content)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Reads the chosen files of a form (empty inputs left out).</summary>
    public static async Task<List<UploadedScan>> ReadAsync(IEnumerable<IFormFile>? files, CancellationToken ct)
    {
        var read = new List<UploadedScan>();
        foreach (var file in files ?? [])
        {
            if (await UploadedScan.FromAsync(file, ct) is { } upload) read.Add(upload);
        }
        return read;
    }

    /// <summary>A Russian message about what is wrong with the files, or null when they may be stored.</summary>
    public static string? Problem(IReadOnlyList<UploadedScan> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count > MaxFiles) return $"Можно приложить не больше {MaxFiles} файлов.";
        foreach (var file in files)
        {
            var name = NameOf(file.FileName);
            if (file.Length > CertificateScans.MaxBytes) return $"Файл «{name}» больше 10 МБ: уменьшите его или сохраните в PDF.";
            if (ContentTypeOf(name, file.Content) is null)
                return $"Файл «{name}» не подходит: приложите документ (PDF, DOC, DOCX, ODT, RTF, TXT), таблицу, презентацию или изображение (JPG, PNG).";
        }
        return null;
    }

    /// <summary>A checked file as stored: the asker's personal file when the asker is a registry person.</summary>
    public static StoredFile ToStoredFile(UploadedScan file, Guid? askerPersonId, string uploadedBy)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = NameOf(file.FileName);
        var contentType = ContentTypeOf(name, file.Content) ?? throw new InvalidOperationException("Check the files with Problem() before storing them.");
        if (string.IsNullOrWhiteSpace(name)) name = "файл";
        if (name.Length > 200)
        {
            var extension = Path.GetExtension(name);
            name = name[..(200 - extension.Length)] + extension;
        }
        return new StoredFile
        {
            FileName = name, ContentType = contentType, Content = file.Content, Size = file.Content.Length, UploadedBy = uploadedBy, PersonId = askerPersonId,
        };
    }

    /// <summary>
    /// Whether a stored file belongs to a request: such a file is served only through the request, so a general file
    /// download (<c>/Files/{id}</c>) should refuse it.
    /// </summary>
    public static Task<bool> IsAttachmentAsync(Infrastructure.Data.AppDbContext db, Guid fileId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.ConsultationAttachments, a => a.FileId == fileId, ct);
    }

    private static string NameOf(string fileName) => Path.GetFileName(fileName.Replace('\\', '/'));
}
