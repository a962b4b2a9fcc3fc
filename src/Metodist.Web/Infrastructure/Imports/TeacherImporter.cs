using System.Globalization;
using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Text;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>
/// Imports teachers with their places of work from XLSX or CSV. The whole file is read and checked
/// first; only then, if it may be saved at all, it is written in batches (each its own transaction)
/// with the change tracker cleared between them, so 100,000 rows take seconds rather than minutes.
/// The usual audit hook is off while saving; the importer writes the same audit entries itself.
/// </summary>
public sealed class TeacherImporter(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// People per transaction. Each commit rewrites the index pages the batch touched (random keys touch many), so
    /// bigger batches are faster; 2,000 keeps a SQLite write lock to about a second, so other users' saves only wait briefly.
    /// </summary>
    public const int BatchSize = 2000;
    private const int ReadProgressEvery = 2000;

    private static readonly (string Label, Func<Person, object?> Value)[] AuditedFields =
    [
        ("Фамилия", p => p.LastName),
        ("Имя", p => p.FirstName),
        ("Отчество", p => p.MiddleName),
        ("Дата рождения", p => p.BirthDate),
        ("Электронная почта", p => p.Email),
        ("Телефон", p => p.Phone),
        ("СНИЛС", p => p.Snils),
        ("Квалификационная категория", p => p.Category),
        ("Дата присвоения категории", p => p.CategoryAssignedOn),
        ("Срок следующей аттестации", p => p.NextAttestationDue),
        ("Начало педагогической деятельности", p => p.PedagogicalWorkStart),
        ("Уровень образования", p => p.EducationLevel),
        ("Образование", p => p.Education),
    ];

    private const string PersonEntity = "Педагог";
    private const string EmploymentEntity = "Место работы";

    /// <summary>
    /// Runs the import described by <paramref name="job"/> (its content, file name, options and importer),
    /// without touching the job itself: the caller stores the outcome.
    /// </summary>
    public async Task<ImportOutcome> RunAsync(ImportJob job, ImportProgressHandler? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var outcome = new ImportOutcome();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

        TabularFile file;
        try
        {
            file = TabularReader.Open(job.Content, headings => ColumnMap<TeacherField>.CountKnown(headings, ImportColumns.Teachers) >= 2);
        }
        catch (TabularFileException e)
        {
            outcome.AddError(1, "", e.Message);
            return outcome.Fail(e.Message);
        }

        TeacherPlanBuilder plans;
        TeacherRowReader reader;
        string? notice;
        using (file)
        {
            var columns = ColumnMap<TeacherField>.Build(file.Headings, ImportColumns.Teachers);
            if (!CheckColumns(columns, file.HeaderRowNumber, outcome))
                return outcome.Fail("В файле нет обязательных столбцов: " + string.Join(", ", outcome.Errors.Select(e => $"«{e.Column}»")) + ".");
            notice = columns.Notice();

            var lookup = await RegistryLookup.LoadAsync(db, ct);
            var people = await PersonIndex.LoadAsync(db, ct);
            reader = new TeacherRowReader(columns, lookup, job.MunicipalityScopeId, today);
            plans = new TeacherPlanBuilder(people, columns);
            var errors = new List<RowError>();
            try
            {
                foreach (var row in file.Rows)
                {
                    ct.ThrowIfCancellationRequested();
                    outcome.Total++;
                    errors.Clear();
                    if (reader.Read(row, errors) is { } record) plans.Add(record, errors);
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
                return outcome.Fail(e.Message);
            }

            if (outcome.Total == 0) return outcome.Fail("В файле нет строк с данными под заголовками.");
            outcome.Created = plans.Created;
            outcome.Updated = plans.Updated;
            if (progress is not null) await progress(new ImportProgress(outcome.BadRows, outcome.Total), ct);

            if (outcome.VerdictBeforeWriting(job, "педагогов", notice) is { } verdict) return verdict;

            await SaveAsync(job, plans, reader, lookup, outcome, progress, today, ct);
            // A large load changes the tables' shape: refresh the planner's statistics so lists stay fast.
            if (outcome.Created > 1000) await PlannerStatistics.RefreshAsync(db, ct);
        }

        outcome.Succeeded = true;
        outcome.Message = ImportOutcome.WithNotice(
            $"Загружено {Format.Count(outcome.Imported, "строка", "строки", "строк")} из {Format.Number(outcome.Total)}: " +
            $"добавлено педагогов — {Format.Number(outcome.Created)}, обновлено — {Format.Number(outcome.Updated)}." +
            (outcome.BadRows > 0 ? $" Пропущено строк с ошибками: {Format.Number(outcome.BadRows)}." : ""), notice);
        return outcome;
    }


    private static bool CheckColumns(ColumnMap<TeacherField> columns, int headerRow, ImportOutcome outcome)
    {
        var ok = true;
        void Missing(string column, string message)
        {
            outcome.AddError(headerRow, column, message);
            ok = false;
        }

        if (!columns.Has(TeacherField.FullName))
        {
            if (!columns.Has(TeacherField.LastName) && !columns.Has(TeacherField.FirstName))
                Missing("ФИО", "В файле нет столбца «ФИО» или столбцов «Фамилия», «Имя», «Отчество».");
            else if (!columns.Has(TeacherField.LastName)) Missing("Фамилия", "В файле нет столбца «Фамилия».");
            else if (!columns.Has(TeacherField.FirstName)) Missing("Имя", "В файле нет столбца «Имя».");
        }
        if (!columns.Has(TeacherField.BirthDate)) Missing("Дата рождения", "В файле нет обязательного столбца «Дата рождения».");
        if (!columns.Has(TeacherField.Organization) && !columns.Has(TeacherField.OrganizationInn))
            Missing("Организация", "В файле нет столбца «Организация» (или «ИНН организации»).");
        if (!columns.Has(TeacherField.Position)) Missing("Должность", "В файле нет обязательного столбца «Должность».");
        return ok;
    }

    private async Task SaveAsync(ImportJob job, TeacherPlanBuilder plans, TeacherRowReader reader, RegistryLookup lookup, ImportOutcome outcome,
        ImportProgressHandler? progress, DateOnly today, CancellationToken ct)
    {
        var actor = new AuditActor(job.UserId, string.IsNullOrEmpty(job.UserName) ? AuditActor.System.UserName : job.UserName);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        var audit = db.AuditEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AuditEnabled = false;
        db.ChangeTracker.Clear();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (reader.NewSubjects.Count > 0) await AddSubjectsAsync(reader, plans, lookup, ct);

            var processed = outcome.BadRows;
            outcome.Created = 0;
            outcome.Updated = 0;
            foreach (var batch in plans.Plans.Chunk(BatchSize))
            {
                ct.ThrowIfCancellationRequested();
                await SaveBatchAsync(batch, lookup, actor, today, outcome, ct);
                var rows = batch.Sum(p => p.Records.Count);
                outcome.Imported += rows;
                processed += rows;
                if (progress is not null) await progress(new ImportProgress(processed, outcome.Total), ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.AuditEnabled = audit;
        }
    }

    /// <summary>Adds the subjects the file named that the dictionary lacked, unless another import has added them meanwhile.</summary>
    private async Task AddSubjectsAsync(TeacherRowReader reader, TeacherPlanBuilder plans, RegistryLookup lookup, CancellationToken ct)
    {
        var current = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var subject in await db.Subjects.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            current.TryAdd(ImportText.Key(subject.Name), subject.Id);
        var replaced = new Dictionary<Guid, Guid>();
        foreach (var (key, (id, name)) in reader.NewSubjects)
        {
            if (current.TryGetValue(key, out var existing))
            {
                replaced[id] = existing;
                lookup.AddSubject(existing, name);
                continue;
            }
            db.Subjects.Add(new Subject { Id = id, Name = name });
            lookup.AddSubject(id, name);
        }
        if (replaced.Count > 0)
        {
            foreach (var ids in plans.Plans.SelectMany(p => p.Records).Select(r => r.SubjectIds).OfType<List<Guid>>())
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    if (replaced.TryGetValue(ids[i], out var existing)) ids[i] = existing;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task SaveBatchAsync(PersonPlan[] batch, RegistryLookup lookup, AuditActor actor, DateOnly today, ImportOutcome outcome, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await LoadExistingAsync(batch, ct);
        var created = new List<Person>();
        var entries = new List<AuditEntry>();
        AuditEntry Entry(Guid entityId, Guid personId, string entityType, AuditAction action) => new()
        {
            Id = Guid.CreateVersion7(), At = now, UserId = actor.UserId, UserName = actor.UserName, EntityType = entityType, EntityId = entityId, PersonId = personId, Action = action,
        };

        foreach (var plan in batch)
        {
            if (plan.ExistingId is { } id && existing.TryGetValue(id, out var person))
            {
                var before = AuditedFields.Select(f => Describe(f.Value(person))).ToArray();
                foreach (var record in plan.Records)
                {
                    ApplyPerson(person, record, today);
                    ApplyEmployment(person, record, lookup, isNewPerson: false, entries, Entry);
                }
                for (var i = 0; i < AuditedFields.Length; i++)
                {
                    var after = Describe(AuditedFields[i].Value(person));
                    if (after == before[i]) continue;
                    var change = Entry(person.Id, person.Id, PersonEntity, AuditAction.Updated);
                    change.Field = AuditedFields[i].Label;
                    change.OldValue = before[i];
                    change.NewValue = after;
                    entries.Add(change);
                }
                outcome.Updated++;
            }
            else
            {
                // Also when the matched person was deleted after the file was checked: the row still describes someone to keep.
                person = new Person { Id = plan.NewId, CreatedAt = now, UpdatedAt = now };
                foreach (var record in plan.Records)
                {
                    ApplyPerson(person, record, today);
                    ApplyEmployment(person, record, lookup, isNewPerson: true, entries, Entry);
                }
                person.RefreshSearchName();
                created.Add(person);
                var entry = Entry(person.Id, person.Id, PersonEntity, AuditAction.Created);
                entry.NewValue = $"{person.FullName}, {person.BirthDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";
                entries.Add(entry);
                outcome.Created++;
            }
        }

        // New people go straight to the tables (parents first); changes to people already there go through EF.
        await using (var persons = BulkInsert<Person>.Create(db))
        {
            await persons.AddRangeAsync(created, ct);
            await persons.FlushAsync(ct);
        }
        await using (var employments = BulkInsert<Employment>.Create(db))
        {
            await employments.AddRangeAsync(created.SelectMany(p => p.Employments), ct);
            await employments.FlushAsync(ct);
        }
        await using (var subjects = BulkInsert<EmploymentSubject>.Create(db))
        {
            await subjects.AddRangeAsync(created.SelectMany(p => p.Employments).SelectMany(e => e.Subjects), ct);
            await subjects.FlushAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        await using (var audit = BulkInsert<AuditEntry>.Create(db))
        {
            await audit.AddRangeAsync(entries, ct);
            await audit.FlushAsync(ct);
        }
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The people of the batch already in the registry, tracked, with their places of work and subjects.</summary>
    private async Task<Dictionary<Guid, Person>> LoadExistingAsync(PersonPlan[] batch, CancellationToken ct)
    {
        var ids = batch.Where(p => p.ExistingId is not null).Select(p => p.ExistingId!.Value).ToList();
        if (ids.Count == 0) return [];
        // Three plain queries: one query with Include over an IN list of a thousand ids is many times slower on SQLite.
        var persons = await db.Persons.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var employments = await db.Employments.Where(e => ids.Contains(e.PersonId)).ToListAsync(ct);
        foreach (var chunk in employments.Select(e => e.Id).Chunk(BatchSize))
            await db.EmploymentSubjects.Where(s => chunk.Contains(s.EmploymentId)).LoadAsync(ct);
        return persons;
    }

    /// <summary>Copies the values the row gives; what the row leaves empty stays as it is.</summary>
    private static void ApplyPerson(Person person, TeacherRecord r, DateOnly today)
    {
        // The person was found ignoring case and ё: a file in capitals does not rewrite a name that only differs so.
        person.LastName = SameName(person.LastName, r.LastName) ? person.LastName : r.LastName;
        person.FirstName = SameName(person.FirstName, r.FirstName) ? person.FirstName : r.FirstName;
        if (r.MiddleName is not null && !SameName(person.MiddleName, r.MiddleName)) person.MiddleName = r.MiddleName;
        person.BirthDate = r.BirthDate;
        if (r.Snils is not null) person.Snils = r.Snils;
        if (r.Email is not null) person.Email = r.Email;
        if (r.Phone is not null) person.Phone = r.Phone;

        if (r.Category is { } category)
        {
            if (category != person.Category || r.CategoryAssignedOn is not null || r.NextAttestationDue is not null)
            {
                var same = category == person.Category;
                var assigned = r.CategoryAssignedOn ?? (same ? person.CategoryAssignedOn : null);
                var next = r.NextAttestationDue ?? (same && r.CategoryAssignedOn is null ? person.NextAttestationDue : null);
                person.AssignCategory(category, assigned, next);
            }
        }
        else if (person.Category != QualificationCategory.None)
        {
            if (r.CategoryAssignedOn is { } assigned) person.AssignCategory(person.Category, assigned, r.NextAttestationDue);
            else if (r.NextAttestationDue is { } next) person.NextAttestationDue = next;
        }

        if (r.WorkStart is { } start)
        {
            var keepPrecise = r.WorkStartFromYears
                && TeacherRules.ExperienceYears(person.PedagogicalWorkStart, today) == TeacherRules.ExperienceYears(start, today);
            if (!keepPrecise) person.PedagogicalWorkStart = start;
        }
        if (r.EducationLevel is { } level) person.EducationLevel = level;
        if (r.Education is not null) person.Education = r.Education;
    }

    private static bool SameName(string? current, string value) =>
        !string.IsNullOrEmpty(current) && SearchText.Normalize(current) == SearchText.Normalize(value);

    private void ApplyEmployment(Person person, TeacherRecord r, RegistryLookup lookup, bool isNewPerson, List<AuditEntry> entries,
        Func<Guid, Guid, string, AuditAction, AuditEntry> entry)
    {
        var employment = person.Employments.FirstOrDefault(e => e.OrganizationId == r.OrganizationId);
        if (employment is null)
        {
            employment = new Employment
            {
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                OrganizationId = r.OrganizationId,
                MunicipalityId = r.MunicipalityId,
                PositionId = r.PositionId,
                IsMain = r.IsMain ?? person.Employments.Count == 0,
                StartDate = r.EmploymentStart,
            };
            foreach (var subjectId in r.SubjectIds ?? []) employment.Subjects.Add(new EmploymentSubject { EmploymentId = employment.Id, SubjectId = subjectId });
            person.Employments.Add(employment);
            if (isNewPerson) return;

            db.Employments.Add(employment);
            var created = entry(employment.Id, person.Id, EmploymentEntity, AuditAction.Created);
            created.NewValue = $"{OrganizationName(lookup, r.OrganizationId)}, {PositionName(lookup, r.PositionId)}";
            entries.Add(created);
            foreach (var subjectId in r.SubjectIds ?? []) entries.Add(SubjectEntry(entry(employment.Id, person.Id, EmploymentEntity, AuditAction.Updated), null, SubjectName(lookup, subjectId)));
            return;
        }

        void Change(string field, string? oldValue, string? newValue)
        {
            if (isNewPerson || oldValue == newValue) return;
            var change = entry(employment.Id, person.Id, EmploymentEntity, AuditAction.Updated);
            change.Field = field;
            change.OldValue = oldValue;
            change.NewValue = newValue;
            entries.Add(change);
        }

        employment.MunicipalityId = r.MunicipalityId;
        Change("Должность", PositionName(lookup, employment.PositionId), PositionName(lookup, r.PositionId));
        employment.PositionId = r.PositionId;
        if (r.IsMain is { } main)
        {
            Change("Основное место работы", Describe(employment.IsMain), Describe(main));
            employment.IsMain = main;
        }
        if (r.EmploymentStart is { } start)
        {
            Change("Дата начала работы", Describe(employment.StartDate), Describe(start));
            employment.StartDate = start;
        }
        if (r.SubjectIds is { } subjectIds)
        {
            foreach (var subject in employment.Subjects.Where(s => !subjectIds.Contains(s.SubjectId)).ToList())
            {
                employment.Subjects.Remove(subject);
                if (isNewPerson) continue;
                db.EmploymentSubjects.Remove(subject);
                entries.Add(SubjectEntry(entry(employment.Id, person.Id, EmploymentEntity, AuditAction.Updated), SubjectName(lookup, subject.SubjectId), null));
            }
            foreach (var subjectId in subjectIds.Where(id => employment.Subjects.All(s => s.SubjectId != id)))
            {
                var added = new EmploymentSubject { EmploymentId = employment.Id, SubjectId = subjectId };
                employment.Subjects.Add(added);
                if (isNewPerson) continue;
                db.EmploymentSubjects.Add(added);
                entries.Add(SubjectEntry(entry(employment.Id, person.Id, EmploymentEntity, AuditAction.Updated), null, SubjectName(lookup, subjectId)));
            }
        }
    }

    private static AuditEntry SubjectEntry(AuditEntry entry, string? removed, string? added)
    {
        entry.Field = "Предметы";
        entry.OldValue = removed;
        entry.NewValue = added;
        return entry;
    }

    private static string OrganizationName(RegistryLookup lookup, Guid id) => lookup.Organizations.TryGetValue(id, out var o) ? o.ShortName : id.ToString();

    private static string PositionName(RegistryLookup lookup, Guid id) => lookup.PositionNames.TryGetValue(id, out var name) ? name : id.ToString();

    private static string SubjectName(RegistryLookup lookup, Guid id) => lookup.SubjectNames.TryGetValue(id, out var name) ? name : id.ToString();

    private static string? Describe(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        bool b => b ? "да" : "нет",
        QualificationCategory c => c.Title(),
        EducationLevel e => e.Title(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
