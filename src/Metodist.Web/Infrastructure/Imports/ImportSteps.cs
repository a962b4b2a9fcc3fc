using Metodist.Web.Features.Audit;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>
/// The steps an importer takes whatever it imports: open the file, check every row (counting rows and bad rows,
/// keeping the errors, reporting progress), save the checked records in batches, and sum up in Russian.
/// </summary>
internal static class ImportSteps
{
    private const int ReadProgressEvery = 2000;

    /// <summary>The file, or null with the outcome failed when it cannot be read at all.</summary>
    public static TabularFile? Open(byte[] content, ImportOutcome outcome, Func<IReadOnlyList<string>, bool> isHeader)
    {
        try
        {
            return TabularReader.Open(content, isHeader);
        }
        catch (TabularFileException e)
        {
            outcome.AddError(1, "", e.Message);
            outcome.Fail(e.Message);
            return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="check"/> on every data row; it adds the row's errors to the list it is given. False, with the
    /// outcome failed, when the file breaks off in the middle or has no data rows.
    /// </summary>
    public static async Task<bool> CheckRowsAsync(TabularFile file, ImportOutcome outcome, Action<TabularRow, List<RowError>> check,
        ImportProgressHandler? progress, CancellationToken ct)
    {
        var errors = new List<RowError>();
        try
        {
            foreach (var row in file.Rows)
            {
                ct.ThrowIfCancellationRequested();
                outcome.Total++;
                errors.Clear();
                check(row, errors);
                if (errors.Count > 0)
                {
                    outcome.BadRows++;
                    foreach (var error in errors) outcome.AddError(row.Number, error.Column, error.Message);
                }
                if (progress is not null && outcome.Total % ReadProgressEvery == 0) await progress(new ImportProgress(outcome.Total, 0), ct);
            }
        }
        catch (TabularFileException e)
        {
            outcome.AddError(outcome.Total + file.HeaderRowNumber + 1, "", e.Message);
            outcome.Fail(e.Message);
            return false;
        }
        if (outcome.Total == 0)
        {
            outcome.Fail("В файле нет строк с данными под заголовками.");
            return false;
        }
        if (progress is not null) await progress(new ImportProgress(outcome.BadRows, outcome.Total), ct);
        return true;
    }

    /// <summary>Saves the records batch by batch, counting them as imported and reporting progress after each batch.</summary>
    public static async Task SaveInBatchesAsync<T>(IReadOnlyList<T> records, int batchSize, Func<T[], Task> save, ImportOutcome outcome,
        ImportProgressHandler? progress, CancellationToken ct)
    {
        var processed = outcome.BadRows;
        foreach (var batch in records.Chunk(batchSize))
        {
            ct.ThrowIfCancellationRequested();
            await save(batch);
            outcome.Imported += batch.Length;
            processed += batch.Length;
            if (progress is not null) await progress(new ImportProgress(processed, outcome.Total), ct);
        }
    }

    /// <summary>
    /// <see cref="SaveInBatchesAsync"/> for an importer that writes past the change tracker and writes its own audit entries:
    /// change detection and the audit hook are off, and one connection stays open, until the last batch is saved.
    /// </summary>
    public static async Task SaveInBatchesPastTrackerAsync<T>(AppDbContext db, IReadOnlyList<T> records, int batchSize, Func<T[], Task> save,
        ImportOutcome outcome, ImportProgressHandler? progress, CancellationToken ct)
    {
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        var audit = db.AuditEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AuditEnabled = false;
        db.ChangeTracker.Clear();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await SaveInBatchesAsync(records, batchSize, save, outcome, progress, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.AuditEnabled = audit;
        }
    }

    /// <summary>Who the audit entries of a job name: the user who started it, or the system.</summary>
    public static AuditActor Actor(ImportJob job) =>
        new(job.UserId, string.IsNullOrEmpty(job.UserName) ? AuditActor.System.UserName : job.UserName);

    /// <summary>Marks the import done with «Загружено N строк из M: <paramref name="counts"/>.» and the rows skipped for errors.</summary>
    public static ImportOutcome Succeed(ImportOutcome outcome, string counts, string? notice)
    {
        outcome.Succeeded = true;
        outcome.Message = ImportOutcome.WithNotice(
            $"Загружено {Format.Count(outcome.Imported, "строка", "строки", "строк")} из {Format.Number(outcome.Total)}: {counts}." +
            (outcome.BadRows > 0 ? $" Пропущено строк с ошибками: {Format.Number(outcome.BadRows)}." : ""), notice);
        return outcome;
    }
}
