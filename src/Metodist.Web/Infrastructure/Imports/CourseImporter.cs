using Metodist.Web.Features.Courses;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>
/// Imports the course catalogue. A row is the same programme as a stored course with the same title,
/// provider and start date (compared as <see cref="ImportText.Key"/>), which it updates; otherwise it adds a
/// course. Checks the whole file before saving anything, as the other imports do. A catalogue holds
/// hundreds or thousands of programmes, so it is saved through EF in batches.
/// </summary>
public sealed class CourseImporter(AppDbContext db)
{
    public const int BatchSize = 500;

    public async Task<ImportOutcome> RunAsync(ImportJob job, ImportProgressHandler? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var outcome = new ImportOutcome();
        using var file = ImportSteps.Open(job.Content, outcome, headings => ColumnMap<CourseField>.CountKnown(headings, CourseColumns.All) >= 2);
        if (file is null) return outcome;

        var columns = ColumnMap<CourseField>.Build(file.Headings, CourseColumns.All);
        var missing = new[] { CourseField.Title, CourseField.Provider, CourseField.Hours, CourseField.Form }.Where(f => !columns.Has(f)).ToList();
        if (missing.Count > 0)
        {
            foreach (var field in missing)
                outcome.AddError(file.HeaderRowNumber, columns.Heading(field), $"В файле нет обязательного столбца «{columns.Heading(field)}».");
            return outcome.Fail("В файле нет обязательных столбцов: " + string.Join(", ", missing.Select(f => $"«{columns.Heading(f)}»")) + ".");
        }
        var notice = columns.Notice();

        var areaList = await db.CompetenceAreas.AsNoTracking().OrderBy(a => a.SortOrder).Select(a => new AreaHeading(a.Id, a.Code, a.Name)).ToListAsync(ct);
        var lookup = await RegistryLookup.LoadAsync(db, ct);
        var stored = new Dictionary<(string, string, DateOnly?), Guid>();
        foreach (var c in await db.Courses.AsNoTracking().Select(c => new { c.Id, c.Title, c.Provider, c.StartsOn }).ToListAsync(ct))
            stored.TryAdd((ImportText.Key(c.Title), ImportText.Key(c.Provider), c.StartsOn), c.Id);

        var reader = new CourseRowReader(columns, AreaColumns.Lookup(areaList), areaList.Select(a => a.Code).ToList(), lookup);
        var records = new List<CourseRecord>();
        var seen = new Dictionary<(string, string, DateOnly?), int>();
        var checkedAll = await ImportSteps.CheckRowsAsync(file, outcome, (row, errors) =>
        {
            if (reader.Read(row, errors) is not { } record) return;
            if (!seen.TryAdd(record.MatchKey, row.Number))
            {
                errors.Add(new RowError(columns.Heading(CourseField.Title),
                    $"Программа «{record.Title}» этой организации с той же датой начала уже указана в строке {seen[record.MatchKey]}."));
                return;
            }
            record.ExistingId = stored.TryGetValue(record.MatchKey, out var id) ? id : null;
            // As in the course form: the drafter of routes offers a programme for the areas it is aimed at, so a new one needs some.
            if (record.ExistingId is null && record.AreaIds is not { Count: > 0 })
            {
                errors.Add(new RowError(columns.Heading(CourseField.Areas),
                    "Не указаны компетенции, на которые направлена программа: перечислите коды или названия через запятую."));
                return;
            }
            records.Add(record);
        }, progress, ct);
        if (!checkedAll) return outcome;

        outcome.Created = records.Count(r => r.ExistingId is null);
        outcome.Updated = records.Count - outcome.Created;
        if (outcome.VerdictBeforeWriting(job, "курсов", notice) is { } verdict) return verdict;

        db.ChangeTracker.Clear();
        try
        {
            await ImportSteps.SaveInBatchesAsync(records, BatchSize, batch => SaveBatchAsync(batch, ct), outcome, progress, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return ImportSteps.Succeed(outcome, $"добавлено курсов — {Format.Number(outcome.Created)}, обновлено — {Format.Number(outcome.Updated)}", notice);
    }

    private async Task SaveBatchAsync(CourseRecord[] batch, CancellationToken ct)
    {
        var ids = batch.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var existing = ids.Count == 0
            ? []
            : await db.Courses.Include(c => c.Areas).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var record in batch)
        {
            if (record.ExistingId is not { } id || !existing.TryGetValue(id, out var course))
            {
                // Also when the matched course was deleted after the file was checked.
                course = new Course { Kind = CourseKind.Advanced };
                db.Courses.Add(course);
            }
            course.Title = record.Title;
            course.Provider = record.Provider;
            course.Hours = record.Hours;
            course.Form = record.Form;
            course.StartsOn = record.StartsOn;
            if (record.Kind is { } kind) course.Kind = kind;
            if (record.EndsOn is not null) course.EndsOn = record.EndsOn;
            if (record.Quota is not null) course.Quota = record.Quota;
            if (record.FederalRegistry is { } federal) course.FederalRegistry = federal;
            if (record.SubjectId is not null) course.SubjectId = record.SubjectId;
            if (record.Description is not null) course.Description = record.Description;
            if (record.AreaIds is { } areaIds)
            {
                course.Areas.RemoveAll(a => !areaIds.Contains(a.AreaId));
                foreach (var areaId in areaIds.Where(a => course.Areas.All(x => x.AreaId != a)))
                    course.Areas.Add(new CourseArea { CourseId = course.Id, AreaId = areaId });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
