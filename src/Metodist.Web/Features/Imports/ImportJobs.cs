using Metodist.Web.Features.Accounts;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Imports;

/// <summary>An import job as the API and the pages show it (never with the file itself).</summary>
public sealed record ImportJobView(
    Guid Id, string Kind, string Status, bool DryRun, bool ValidOnly, string FileName, string UserName,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt,
    int Total, int Processed, int Imported, int Created, int Updated, int BadRows, int ErrorCount, string? Message,
    IReadOnlyList<ImportError> Errors)
{
    public bool IsFinished => Status is "succeeded" or "failed";

    public int ValidRows => Math.Max(0, Total - BadRows);

    public string ModeTitle => DryRun ? "проверка" : ValidOnly ? "загрузка строк без ошибок" : "загрузка";

    public string StatusTitle => Status switch
    {
        "queued" => "в очереди",
        "running" => DryRun ? "проверяется" : "выполняется",
        "succeeded" => DryRun ? (BadRows > 0 ? "проверено, есть ошибки" : "проверено") : "загружено",
        _ => "не выполнено",
    };

    public string StatusClass => Status switch
    {
        "succeeded" => BadRows > 0 ? "badge warn" : "badge ok",
        "failed" => "badge bad",
        _ => "badge",
    };
}

public sealed record ImportCreated(Guid Id);

/// <summary>
/// Creating and reading import jobs for a user. Region administrators import anywhere; a municipal
/// methodist imports into their municipality (with several, into the first one they were given).
/// </summary>
public sealed class ImportJobs(AppDbContext db)
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>The file plus the multipart envelope.</summary>
    public const long MaxRequestBytes = MaxFileBytes + 1024 * 1024;

    public const string NotAllowed = "Загружать данные могут администратор региона и методисты муниципальной методической службы.";

    public static string TooLarge => "Файл больше 50 МБ: разделите его на несколько файлов.";

    /// <summary>The municipality the user's imports must stay in; null for a region administrator.</summary>
    public static Guid? MunicipalityScope(UserScope scope) =>
        scope.IsRegionAdmin ? null : scope.Roles.Where(r => r.Role == AppRole.MunicipalMethodist).Select(r => (Guid?)r.ScopeId).FirstOrDefault();

    public const string CoursesNotAllowed = "Каталог курсов загружает только администратор региона.";

    public static string KindName(ImportKind kind) => ImportKinds.Of(kind).Name;

    public static ImportKind? ParseKind(string? kind) => ImportKinds.Find(kind)?.Kind;

    public static string KindTitle(string kind) => ImportKinds.Find(kind)?.Title ?? kind;

    /// <summary>Why the user may not import this kind, or null when they may.</summary>
    public static string? Refusal(UserScope scope, ImportKind kind)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.CanImport) return NotAllowed;
        return ImportKinds.Of(kind).RegionAdminOnly && !scope.IsRegionAdmin ? CoursesNotAllowed : null;
    }

    /// <summary>The kinds the user may import, in the order the upload page offers them.</summary>
    public static IReadOnlyList<ImportKindInfo> AllowedKinds(UserScope scope) => ImportKinds.All.Where(k => Refusal(scope, k.Kind) is null).ToList();

    /// <summary>Queues a job for an uploaded file; returns the reason in Russian when the file is not accepted.</summary>
    public async Task<(ImportJob? Job, string? Error)> CreateAsync(UserScope scope, string userName, ImportKind kind, IFormFile? file,
        bool dryRun, bool validOnly, CancellationToken ct)
    {
        if (Refusal(scope, kind) is { } refusal) return (null, refusal);
        if (file is null) return (null, "Выберите файл XLSX или CSV.");
        if (file.Length == 0) return (null, "Файл пуст.");
        if (file.Length > MaxFileBytes) return (null, TooLarge);
        byte[] content;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await using var stream = file.OpenReadStream();
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        if (TabularReader.Reject(content) is { } problem) return (null, problem);

        var job = new ImportJob
        {
            Kind = kind,
            DryRun = dryRun,
            ValidOnly = validOnly,
            FileName = SafeFileName(file.FileName),
            Content = content,
            UserId = scope.UserId,
            UserName = userName,
            MunicipalityScopeId = MunicipalityScope(scope),
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return (job, null);
    }

    /// <summary>Queues the real import of a checked file (from its stored content); null when the source job is not the user's.</summary>
    public async Task<ImportJob?> ImportCheckedAsync(UserScope scope, string userName, Guid sourceId, bool validOnly, CancellationToken ct)
    {
        if (!scope.CanImport) return null;
        var source = await Visible(scope).FirstOrDefaultAsync(j => j.Id == sourceId, ct);
        if (source is null || Refusal(scope, source.Kind) is not null) return null;
        var job = new ImportJob
        {
            Kind = source.Kind,
            DryRun = false,
            ValidOnly = validOnly,
            FileName = source.FileName,
            Content = source.Content,
            UserId = scope.UserId,
            UserName = userName,
            MunicipalityScopeId = MunicipalityScope(scope),
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    public async Task<ImportJobView?> FindAsync(UserScope scope, Guid id, CancellationToken ct)
    {
        var row = await Rows(Visible(scope).Where(j => j.Id == id), withErrors: true).FirstOrDefaultAsync(ct);
        return row?.ToView();
    }

    /// <summary>The user's latest jobs, newest first, without their errors.</summary>
    public async Task<IReadOnlyList<ImportJobView>> RecentAsync(UserScope scope, int take, CancellationToken ct)
    {
        if (scope.UserId is not { } userId) return [];
        var rows = await Rows(db.ImportJobs.Where(j => j.UserId == userId).OrderByDescending(j => j.CreatedAt).Take(take), withErrors: false).ToListAsync(ct);
        return rows.Select(r => r.ToView()).ToList();
    }

    private IQueryable<ImportJob> Visible(UserScope scope)
    {
        if (scope.UserId is not { } userId) return db.ImportJobs.Where(_ => false);
        return scope.IsRegionAdmin ? db.ImportJobs : db.ImportJobs.Where(j => j.UserId == userId);
    }

    private sealed record JobRow(
        Guid Id, ImportKind Kind, ImportStatus Status, bool DryRun, bool ValidOnly, string FileName, string UserName,
        DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt,
        int Total, int Processed, int Imported, int Created, int Updated, int BadRows, int ErrorCount, string? Message, string? ErrorsJson)
    {
        public ImportJobView ToView() => new(Id, KindName(Kind), Status.ToString().ToLowerInvariant(), DryRun, ValidOnly, FileName, UserName,
            Utc(CreatedAt), Utc(StartedAt), Utc(FinishedAt), Total, Processed, Imported, Created, Updated, BadRows, ErrorCount, Message,
            ImportOutcome.ParseErrors(ErrorsJson));

        private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

        private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
    }

    /// <summary>Never the file content; the errors only when asked for (they can run to megabytes).</summary>
    private static IQueryable<JobRow> Rows(IQueryable<ImportJob> jobs, bool withErrors) => jobs.AsNoTracking().Select(j => new JobRow(
        j.Id, j.Kind, j.Status, j.DryRun, j.ValidOnly, j.FileName, j.UserName, j.CreatedAt, j.StartedAt, j.FinishedAt,
        j.Total, j.Processed, j.Imported, j.Created, j.Updated, j.BadRows, j.ErrorCount, j.Message, withErrors ? j.ErrorsJson : null));

    private static string SafeFileName(string? name)
    {
        var clean = Path.GetFileName(name ?? "").Trim();
        if (clean.Length == 0) clean = "файл";
        return clean.Length > 400 ? clean[^400..] : clean;
    }
}
