using Metodist.Web.Infrastructure.Web;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>How far an import is: rows checked while reading (<see cref="Total"/> is 0 until the file has been read), then rows done while saving.</summary>
public sealed record ImportProgress(int Processed, int Total);

/// <summary>Receives progress reports of an import (the worker stores them, the command line prints them).</summary>
public delegate Task ImportProgressHandler(ImportProgress progress, CancellationToken ct);

/// <summary>What an import did: counts, the errors by row and column, and a one-line summary in Russian.</summary>
public sealed class ImportOutcome
{
    /// <summary>More errors than this are counted but not kept: a wrong file can have an error in each of 100,000 rows.</summary>
    public const int MaxStoredErrors = 10_000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public bool Succeeded { get; set; }

    /// <summary>Data rows in the file (empty rows are not counted).</summary>
    public int Total { get; set; }

    /// <summary>Rows saved (0 for a check or a failed import).</summary>
    public int Imported { get; set; }

    /// <summary>Records created (or, for a check, that would be created).</summary>
    public int Created { get; set; }

    /// <summary>Records found in the registry and updated (or, for a check, that would be updated).</summary>
    public int Updated { get; set; }

    public int BadRows { get; set; }

    public int ErrorCount { get; private set; }

    public List<ImportError> Errors { get; } = [];

    public string? Message { get; set; }

    public void AddError(int row, string column, string message)
    {
        ErrorCount++;
        if (Errors.Count < MaxStoredErrors) Errors.Add(new ImportError(row, column, message));
    }

    /// <summary>The file cannot be imported at all (unreadable, or a required column is missing).</summary>
    /// <summary>Joins a message and an optional notice about the file (for example, its encoding).</summary>
    public static string WithNotice(string message, string? notice) => notice is null ? message : message + " " + notice;

    /// <summary>
    /// What the check of the whole file decides before anything is written: a check-only job ends here with
    /// its counts; a job with bad rows and without «только строки без ошибок» fails with nothing saved.
    /// Returns null when the rows may be written. <paramref name="records"/> names what is created
    /// (педагогов, организаций).
    /// </summary>
    public ImportOutcome? VerdictBeforeWriting(ImportJob job, string records, string? notice)
    {
        if (job.DryRun)
        {
            Succeeded = true;
            Message = WithNotice(
                $"Проверено {Format.Count(Total, "строка", "строки", "строк")}: без ошибок {Format.Number(Total - BadRows)}, с ошибками {Format.Number(BadRows)}. " +
                $"Будет добавлено {records}: {Format.Number(Created)}, обновлено: {Format.Number(Updated)}.", notice);
            return this;
        }
        if (BadRows > 0 && !job.ValidOnly)
        {
            return Fail(WithNotice(
                $"Ошибки в {Format.Count(BadRows, "строке", "строках", "строках")} из {Format.Number(Total)}: ничего не сохранено. " +
                "Исправьте файл или загрузите только строки без ошибок.", notice));
        }
        return null;
    }

    public ImportOutcome Fail(string message)
    {
        Succeeded = false;
        Imported = 0;
        Created = 0;
        Updated = 0;
        Message = message;
        return this;
    }

    public string ErrorsJson() => JsonSerializer.Serialize(Errors, Json);

    public static IReadOnlyList<ImportError> ParseErrors(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ImportError>>(json, Json) ?? [];

    /// <summary>Copies the result onto a job (for an in-memory job; the worker writes the same fields with one UPDATE).</summary>
    public void ApplyTo(ImportJob job, DateTime finishedAt)
    {
        job.Status = Succeeded ? ImportStatus.Succeeded : ImportStatus.Failed;
        job.FinishedAt = finishedAt;
        job.Total = Total;
        job.Processed = Total;
        job.Imported = Imported;
        job.Created = Created;
        job.Updated = Updated;
        job.BadRows = BadRows;
        job.ErrorCount = ErrorCount;
        job.ErrorsJson = ErrorsJson();
        job.Message = Message;
    }
}
