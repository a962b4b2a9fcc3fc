using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>
/// Imports results of an outside assessment (a score 0–100 per competence area) as results of the external
/// diagnostic, with levels by its thresholds. Like the teacher import it checks the whole file first and
/// then writes in batches past the change tracker, with its own audit entries. A result of the same teacher,
/// day and diagnostic already stored is replaced in place (same id, new scores), so a file can be loaded again.
/// </summary>
public sealed class DiagnosticResultImporter(AppDbContext db, TimeProvider clock)
{
    /// <summary>Rows per transaction: each writes a result, its areas (up to one per competence) and an audit entry.</summary>
    public const int BatchSize = 2000;
    private const string ResultEntity = "Результат диагностики";

    public async Task<ImportOutcome> RunAsync(ImportJob job, ImportProgressHandler? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var outcome = new ImportOutcome();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var areaLookup = AreaColumns.Lookup(await db.CompetenceAreas.AsNoTracking()
            .Select(a => new AreaHeading(a.Id, a.Code, a.Name)).ToListAsync(ct));
        using var file = ImportSteps.Open(job.Content, outcome, headings =>
            ColumnMap<ResultField>.CountKnown(headings, ResultColumns.Fixed) + headings.Count(h => areaLookup.ContainsKey(ImportText.Key(h))) >= 2);
        if (file is null) return outcome;

        var columns = ColumnMap<ResultField>.Build(file.Headings, ResultColumns.Fixed);
        var areas = AreaColumns.Build(file.Headings, areaLookup, columns);
        if (!CheckColumns(columns, areas, file.HeaderRowNumber, outcome))
            return outcome.Fail("В файле нет обязательных столбцов: " + string.Join(", ", outcome.Errors.Select(e => $"«{e.Column}»")) + ".");
        var notice = Notice(columns, areas);
        var diagnostic = await db.Diagnostics.AsNoTracking().FirstOrDefaultAsync(d => d.Id == DefaultAreas.ExternalDiagnostic, ct);
        if (diagnostic is null) return outcome.Fail("В системе нет внешней диагностики, к которой относятся загружаемые результаты.");

        var people = await PersonIndex.LoadAsync(db, ct);
        HashSet<Guid>? inScope = null;
        string? scopeName = null;
        if (job.MunicipalityScopeId is { } scopeId)
        {
            inScope = (await db.Employments.AsNoTracking().Where(e => e.MunicipalityId == scopeId).Select(e => e.PersonId).ToListAsync(ct)).ToHashSet();
            scopeName = await db.Municipalities.Where(m => m.Id == scopeId).Select(m => m.Name).FirstOrDefaultAsync(ct);
        }
        var existing = await ExistingAsync(diagnostic.Id, ct);
        var reader = new ResultRowReader(columns, areas, people, inScope, scopeName, today);
        var records = new List<ResultRecord>();
        var taken = new Dictionary<(Guid, DateOnly), int>();
        var checkedAll = await ImportSteps.CheckRowsAsync(file, outcome, (row, errors) =>
        {
            if (reader.Read(row, errors) is not { } record) return;
            if (!taken.TryAdd((record.PersonId, record.TakenOn), row.Number))
            {
                errors.Add(new RowError(columns.Heading(ResultField.TakenOn),
                    $"Результат этого педагога за {Format.Date(record.TakenOn)} уже указан в строке {taken[(record.PersonId, record.TakenOn)]}."));
                return;
            }
            record.ExistingId = existing.TryGetValue((record.PersonId, record.TakenOn), out var stored) ? stored.Id : null;
            records.Add(record);
        }, progress, ct);
        if (!checkedAll) return outcome;

        await MarkUnchangedAsync(job, diagnostic, records, existing, ct);
        outcome.Created = records.Count(r => r.ExistingId is null);
        outcome.Updated = records.Count(r => r.ExistingId is not null && !r.Unchanged);
        if (outcome.VerdictBeforeWriting(job, "результатов", notice) is { } verdict) return verdict;

        var actor = ImportSteps.Actor(job);
        await ImportSteps.SaveInBatchesPastTrackerAsync(db, records, BatchSize, batch => SaveBatchAsync(job, diagnostic, batch, existing, actor, ct),
            outcome, progress, ct);
        if (outcome.Created > 1000) await PlannerStatistics.RefreshAsync(db, ct);
        var unchanged = records.Count - outcome.Created - outcome.Updated;
        return ImportSteps.Succeed(outcome,
            $"добавлено результатов — {Format.Number(outcome.Created)}, заменено прежних — {Format.Number(outcome.Updated)}" +
            (unchanged > 0 ? $", совпали с прежними — {Format.Number(unchanged)}" : ""), notice);
    }

    private static bool CheckColumns(ColumnMap<ResultField> columns, AreaColumns areas, int headerRow, ImportOutcome outcome)
    {
        var ok = true;
        void Missing(string column, string message)
        {
            outcome.AddError(headerRow, column, message);
            ok = false;
        }

        if (!columns.Has(ResultField.TakenOn)) Missing("Дата", "В файле нет обязательного столбца «Дата» (дата диагностики).");
        if (areas.Columns.Count == 0)
            Missing("Компетенции", "В файле нет ни одного столбца с баллами: назовите столбцы кодами компетенций (legal, subject…) или их названиями.");
        var named = columns.Has(ResultField.FullName) || (columns.Has(ResultField.LastName) && columns.Has(ResultField.FirstName));
        if (!columns.Has(ResultField.Snils) && !(named && columns.Has(ResultField.BirthDate)))
            Missing("СНИЛС", "В файле нет столбца «СНИЛС» или столбцов «Фамилия», «Имя», «Дата рождения», по которым находится педагог.");
        return ok;
    }

    private static string? Notice(ColumnMap<ResultField> columns, AreaColumns areas)
    {
        var parts = new List<string>();
        if (columns.Notice() is { } fixedNotice) parts.Add(fixedNotice);
        foreach (var (heading, sameAs) in areas.Repeated) parts.Add($"Столбец «{heading}» повторяет столбец «{sameAs}» и пропущен.");
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private async Task<Dictionary<(Guid PersonId, DateOnly TakenOn), (Guid Id, int Score, DeficitLevel Level)>> ExistingAsync(Guid diagnosticId, CancellationToken ct)
    {
        var existing = new Dictionary<(Guid, DateOnly), (Guid, int, DeficitLevel)>();
        await foreach (var r in db.DiagnosticResults.AsNoTracking().Where(r => r.DiagnosticId == diagnosticId)
                           .Select(r => new { r.Id, r.PersonId, r.TakenOn, r.Score, r.Level }).AsAsyncEnumerable().WithCancellation(ct))
        {
            existing.TryAdd((r.PersonId, r.TakenOn), (r.Id, r.Score, r.Level));
        }
        return existing;
    }

    /// <summary>
    /// Marks the rows that would store exactly what is stored already (the same file loaded again): they are counted as
    /// loaded but not rewritten, and leave no audit entry. The stored scores are read only for the matched results.
    /// </summary>
    private async Task MarkUnchangedAsync(ImportJob job, Diagnostic diagnostic, List<ResultRecord> records,
        Dictionary<(Guid PersonId, DateOnly TakenOn), (Guid Id, int Score, DeficitLevel Level)> existing, CancellationToken ct)
    {
        var matched = records.Where(r => r.ExistingId is not null).ToList();
        var stored = new Dictionary<Guid, List<(Guid AreaId, int Score, DeficitLevel Level)>>();
        foreach (var chunk in matched.Select(r => r.ExistingId!.Value).Chunk(BatchSize))
        {
            await foreach (var a in db.DiagnosticResultAreas.AsNoTracking().Where(a => chunk.Contains(a.ResultId))
                               .Select(a => new { a.ResultId, a.AreaId, a.Score, a.Level }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!stored.TryGetValue(a.ResultId, out var list)) stored[a.ResultId] = list = [];
                list.Add((a.AreaId, a.Score, a.Level));
            }
        }
        foreach (var record in matched)
        {
            var result = Build(record, diagnostic, job.Id, default);
            var before = existing[(record.PersonId, record.TakenOn)];
            var areas = stored.GetValueOrDefault(result.Id) ?? [];
            record.Unchanged = result.Score == before.Score && result.Level == before.Level && result.Areas.Count == areas.Count
                && result.Areas.All(a => areas.Contains((a.AreaId, a.Score, a.Level)));
        }
    }

    /// <summary>The result a row stores: a new one with a time-ordered id (so new rows land at the end of the key indexes), or the matched one's id.</summary>
    private static DiagnosticResult Build(ResultRecord record, Diagnostic diagnostic, Guid jobId, DateTime now)
    {
        var result = new DiagnosticResult
        {
            Id = record.ExistingId ?? Guid.CreateVersion7(), PersonId = record.PersonId, DiagnosticId = diagnostic.Id, TakenOn = record.TakenOn,
            ImportJobId = jobId, CreatedAt = now,
        };
        Scoring.Apply(result, diagnostic, record.Scores.ToDictionary(s => s.AreaId, s => s.Score));
        foreach (var area in result.Areas) area.Id = Guid.CreateVersion7();
        return result;
    }

    private async Task SaveBatchAsync(ImportJob job, Diagnostic diagnostic, ResultRecord[] batch,
        Dictionary<(Guid PersonId, DateOnly TakenOn), (Guid Id, int Score, DeficitLevel Level)> existing, AuditActor actor, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var created = new List<DiagnosticResult>();
        var replaced = new List<DiagnosticResult>();
        var entries = new List<AuditEntry>(batch.Length);
        foreach (var record in batch.Where(r => !r.Unchanged))
        {
            var result = Build(record, diagnostic, job.Id, now);
            var entry = new AuditEntry
            {
                Id = Guid.CreateVersion7(), At = now, UserId = actor.UserId, UserName = actor.UserName, EntityType = ResultEntity, EntityId = result.Id,
                PersonId = result.PersonId, NewValue = Summary(diagnostic, result.TakenOn, result.Score, result.Level),
            };
            if (record.ExistingId is null)
            {
                entry.Action = AuditAction.Created;
                created.Add(result);
            }
            else
            {
                var before = existing[(record.PersonId, record.TakenOn)];
                entry.Action = AuditAction.Updated;
                entry.Field = "Баллы по компетенциям";
                entry.OldValue = Summary(diagnostic, result.TakenOn, before.Score, before.Level);
                replaced.Add(result);
            }
            entries.Add(entry);
        }

        if (entries.Count == 0) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (replaced.Count > 0)
        {
            // The stored result keeps its id (routes and attempts refer to it) and gets the new scores.
            var ids = replaced.Select(r => r.Id).ToList();
            await db.DiagnosticResultAreas.Where(a => ids.Contains(a.ResultId)).ExecuteDeleteAsync(ct);
            foreach (var result in replaced)
            {
                var stored = new DiagnosticResult { Id = result.Id, Score = result.Score, Level = result.Level, ImportJobId = result.ImportJobId };
                var tracked = db.DiagnosticResults.Attach(stored);
                tracked.Property(r => r.Score).IsModified = true;
                tracked.Property(r => r.Level).IsModified = true;
                tracked.Property(r => r.ImportJobId).IsModified = true;
            }
            await db.SaveChangesAsync(ct);
        }
        await BulkInsert<DiagnosticResult>.InsertAllAsync(db, created, ct);
        await BulkInsert<DiagnosticResultArea>.InsertAllAsync(db, created.Concat(replaced).SelectMany(r => r.Areas), ct);
        await BulkInsert<AuditEntry>.InsertAllAsync(db, entries, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string Summary(Diagnostic diagnostic, DateOnly takenOn, int score, DeficitLevel level) =>
        $"{diagnostic.Title}, {Format.Date(takenOn)}: {Format.Count(score, "балл", "балла", "баллов")}, {level.Title()}";
}
