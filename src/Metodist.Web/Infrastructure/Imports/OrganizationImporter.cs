using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>Reads the kind of an organization from the words people use, or guesses it from the name.</summary>
public static class OrganizationValues
{
    private static readonly Dictionary<string, OrganizationKind> Kinds = Build();

    public static string AllowedKinds => "школа, детский сад (ДОУ), дополнительное образование (ДО, ЦДО), СПО (колледж, техникум), ММС (методическая служба), ЦНППМ, другое";

    private static Dictionary<string, OrganizationKind> Build()
    {
        var words = new (OrganizationKind Kind, string[] Words)[]
        {
            (OrganizationKind.School, ["школа", "общеобразовательная организация", "общеобразовательное учреждение", "ОО", "ОУ", "СОШ", "ООШ", "НОШ", "СШ", "гимназия", "лицей", "школа-интернат"]),
            (OrganizationKind.Kindergarten, ["детский сад", "детсад", "ДОУ", "ДОО", "дошкольная организация", "дошкольная образовательная организация", "дошкольное образовательное учреждение", "д/с"]),
            (OrganizationKind.AdditionalEducation, ["дополнительное образование", "доп. образование", "ДО", "ЦДО", "УДО", "организация дополнительного образования", "учреждение дополнительного образования", "ДДТ", "ЦДТ", "ДШИ", "ДЮСШ"]),
            (OrganizationKind.College, ["СПО", "колледж", "техникум", "училище", "профессиональная образовательная организация", "ПОО"]),
            (OrganizationKind.MunicipalService, ["ММС", "методическая служба", "муниципальная методическая служба", "ММЦ", "методический центр", "ИМЦ"]),
            (OrganizationKind.RegionalCentre, ["ЦНППМ", "центр непрерывного повышения профессионального мастерства", "ИРО", "институт развития образования"]),
            (OrganizationKind.Other, ["другое", "иное", "прочее", "другая"]),
        };
        var result = new Dictionary<string, OrganizationKind>(StringComparer.Ordinal);
        foreach (var (kind, list) in words)
        {
            foreach (var word in list) result.TryAdd(ImportText.Key(word), kind);
        }
        foreach (var (kind, title) in OrganizationKinds.Titles) result.TryAdd(ImportText.Key(title), kind);
        return result;
    }

    public static OrganizationKind? ParseKind(string value) => Kinds.TryGetValue(ImportText.Key(value), out var kind) ? kind : null;

    /// <summary>The kind that the name gives away («МБДОУ "Детский сад № 5"» is a kindergarten), or null.</summary>
    public static OrganizationKind? InferKind(string name)
    {
        var key = ImportText.Key(name);
        var words = name.ToLowerInvariant().Split([' ', '"', '«', '»', '(', ')', ',', '.', '№'], StringSplitOptions.RemoveEmptyEntries)
            .Select(ImportText.Key).ToHashSet(StringComparer.Ordinal);
        bool Any(params string[] candidates) => candidates.Any(c => words.Contains(ImportText.Key(c)));
        if (key.Contains("цнппм", StringComparison.Ordinal) || key.Contains("непрерывногоповышенияпрофессиональногомастерства", StringComparison.Ordinal))
            return OrganizationKind.RegionalCentre;
        if (key.Contains("детскийсад", StringComparison.Ordinal) || Any("мбдоу", "мадоу", "мкдоу", "мдоу", "доу", "гбдоу"))
            return OrganizationKind.Kindergarten;
        if (key.Contains("дополнительногообразования", StringComparison.Ordinal) || key.Contains("детскоготворчества", StringComparison.Ordinal)
            || key.Contains("школаискусств", StringComparison.Ordinal) || key.Contains("спортивнаяшкола", StringComparison.Ordinal)
            || Any("до", "цдо", "ддт", "цдт", "дши", "дюсш", "сюн", "сютур", "удо"))
            return OrganizationKind.AdditionalEducation;
        if (key.Contains("колледж", StringComparison.Ordinal) || key.Contains("техникум", StringComparison.Ordinal) || key.Contains("училище", StringComparison.Ordinal))
            return OrganizationKind.College;
        if (key.Contains("методическ", StringComparison.Ordinal) || Any("ммс", "ммц", "имц"))
            return OrganizationKind.MunicipalService;
        if (key.Contains("школа", StringComparison.Ordinal) || key.Contains("гимназия", StringComparison.Ordinal) || key.Contains("лицей", StringComparison.Ordinal)
            || Any("мбоу", "маоу", "мкоу", "моу", "гбоу", "сош", "оош", "нош"))
            return OrganizationKind.School;
        return null;
    }
}

/// <summary>
/// Imports organizations: matched by ИНН, else by full name within the municipality, and then updated;
/// otherwise created. Checks the whole file before saving anything, as the teacher import does.
/// </summary>
public sealed class OrganizationImporter(AppDbContext db)
{
    public const int BatchSize = 1000;

    private sealed class OrganizationRecord
    {
        public int Row { get; init; }
        public Guid? ExistingId { get; set; }
        public Guid NewId { get; } = Guid.NewGuid();
        public string FullName { get; set; } = "";
        public string? ShortName { get; set; }
        public OrganizationKind? Kind { get; set; }
        public Guid MunicipalityId { get; set; }
        public string? Inn { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }

    public async Task<ImportOutcome> RunAsync(ImportJob job, ImportProgressHandler? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var outcome = new ImportOutcome();
        TabularFile file;
        try
        {
            file = TabularReader.Open(job.Content, headings => ColumnMap<OrganizationField>.CountKnown(headings, ImportColumns.Organizations) >= 2);
        }
        catch (TabularFileException e)
        {
            outcome.AddError(1, "", e.Message);
            return outcome.Fail(e.Message);
        }

        var records = new List<OrganizationRecord>();
        RegistryLookup lookup;
        string? notice;
        using (file)
        {
            var columns = ColumnMap<OrganizationField>.Build(file.Headings, ImportColumns.Organizations);
            if (!columns.Has(OrganizationField.FullName))
            {
                outcome.AddError(file.HeaderRowNumber, "Полное наименование", "В файле нет обязательного столбца «Полное наименование» (или «Наименование»).");
                return outcome.Fail("В файле нет обязательного столбца «Полное наименование».");
            }
            if (!columns.Has(OrganizationField.Municipality) && job.MunicipalityScopeId is null && !columns.Has(OrganizationField.Inn))
            {
                outcome.AddError(file.HeaderRowNumber, "Муниципалитет", "В файле нет столбца «Муниципалитет».");
                return outcome.Fail("В файле нет обязательного столбца «Муниципалитет».");
            }
            notice = columns.Notice();
            lookup = await RegistryLookup.LoadAsync(db, ct);
            var byInn = new Dictionary<string, int>(StringComparer.Ordinal);
            var byName = new Dictionary<(Guid, string), int>();
            var errors = new List<RowError>();
            try
            {
                foreach (var row in file.Rows)
                {
                    ct.ThrowIfCancellationRequested();
                    outcome.Total++;
                    errors.Clear();
                    var record = Read(row, columns, lookup, job.MunicipalityScopeId, errors);
                    if (record is not null)
                    {
                        if (record.Inn is { } inn && !byInn.TryAdd(inn, row.Number))
                            errors.Add(new RowError(columns.Heading(OrganizationField.Inn), $"ИНН {inn} уже указан в строке {byInn[inn]}."));
                        else if (!byName.TryAdd((record.MunicipalityId, ImportText.Key(record.FullName)), row.Number))
                            errors.Add(new RowError(columns.Heading(OrganizationField.FullName),
                                $"Организация «{record.FullName}» этого муниципалитета уже указана в строке {byName[(record.MunicipalityId, ImportText.Key(record.FullName))]}."));
                        else records.Add(record);
                    }
                    if (errors.Count > 0)
                    {
                        outcome.BadRows++;
                        foreach (var error in errors) outcome.AddError(row.Number, error.Column, error.Message);
                    }
                    if (progress is not null && outcome.Total % 2000 == 0) await progress(new ImportProgress(outcome.Total, 0), ct);
                }
            }
            catch (TabularFileException e)
            {
                outcome.AddError(outcome.Total + file.HeaderRowNumber + 1, "", e.Message);
                return outcome.Fail(e.Message);
            }
        }

        if (outcome.Total == 0) return outcome.Fail("В файле нет строк с данными под заголовками.");
        outcome.Created = records.Count(r => r.ExistingId is null);
        outcome.Updated = records.Count(r => r.ExistingId is not null);
        if (progress is not null) await progress(new ImportProgress(outcome.BadRows, outcome.Total), ct);
        if (outcome.VerdictBeforeWriting(job, "организаций", notice) is { } verdict) return verdict;

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ChangeTracker.Clear();
        try
        {
            var processed = outcome.BadRows;
            foreach (var batch in records.Chunk(BatchSize))
            {
                ct.ThrowIfCancellationRequested();
                await SaveBatchAsync(batch, ct);
                outcome.Imported += batch.Length;
                processed += batch.Length;
                if (progress is not null) await progress(new ImportProgress(processed, outcome.Total), ct);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        outcome.Succeeded = true;
        outcome.Message = ImportOutcome.WithNotice(
            $"Загружено {Format.Count(outcome.Imported, "строка", "строки", "строк")} из {Format.Number(outcome.Total)}: " +
            $"добавлено организаций — {Format.Number(outcome.Created)}, обновлено — {Format.Number(outcome.Updated)}." +
            (outcome.BadRows > 0 ? $" Пропущено строк с ошибками: {Format.Number(outcome.BadRows)}." : ""), notice);
        return outcome;
    }


    private static OrganizationRecord? Read(TabularRow row, ColumnMap<OrganizationField> columns, RegistryLookup lookup, Guid? scopeId, List<RowError> errors)
    {
        string Value(OrganizationField field) => columns.Value(row, field);
        void Error(OrganizationField field, string message) => errors.Add(new RowError(columns.Heading(field), message));
        string MunicipalityName(Guid id) => lookup.Municipalities.TryGetValue(id, out var m) ? m.Name : "—";

        var record = new OrganizationRecord { Row = row.Number, FullName = Value(OrganizationField.FullName) };
        if (record.FullName.Length == 0) Error(OrganizationField.FullName, "Не указано полное наименование организации.");
        else if (ImportValues.CheckLength(record.FullName, 500, "Полное наименование") is { } fullError) Error(OrganizationField.FullName, fullError);

        if (Value(OrganizationField.ShortName) is { Length: > 0 } shortName)
        {
            if (ImportValues.CheckLength(shortName, 200, "Краткое наименование") is { } shortError) Error(OrganizationField.ShortName, shortError);
            record.ShortName = shortName;
        }
        if (Value(OrganizationField.Kind) is { Length: > 0 } kindText)
        {
            record.Kind = OrganizationValues.ParseKind(kindText);
            if (record.Kind is null) Error(OrganizationField.Kind, $"Неизвестный тип организации «{kindText}». Допустимо: {OrganizationValues.AllowedKinds}.");
        }
        if (Value(OrganizationField.Inn) is { Length: > 0 } innText)
        {
            record.Inn = ImportValues.ReadInn(innText, checkDigits: true, out var innError);
            if (innError is not null) Error(OrganizationField.Inn, innError);
        }
        if (Value(OrganizationField.Address) is { Length: > 0 } address)
        {
            if (ImportValues.CheckLength(address, 500, "Адрес") is { } addressError) Error(OrganizationField.Address, addressError);
            record.Address = address;
        }
        if (Value(OrganizationField.Phone) is { Length: > 0 } phone)
        {
            if (ImportValues.CheckPhone(phone) is { } phoneError) Error(OrganizationField.Phone, phoneError);
            record.Phone = phone;
        }
        if (Value(OrganizationField.Email) is { Length: > 0 } email)
        {
            if (ImportValues.CheckEmail(email) is { } emailError) Error(OrganizationField.Email, emailError);
            record.Email = email;
        }

        MunicipalityRef? municipality = null;
        if (Value(OrganizationField.Municipality) is { Length: > 0 } municipalityName)
        {
            municipality = lookup.FindMunicipality(municipalityName, out var municipalityError);
            if (municipalityError is not null) Error(OrganizationField.Municipality, municipalityError);
        }
        if (errors.Count > 0) return null;

        OrganizationRef? existing = null;
        if (record.Inn is { } inn && lookup.OrganizationsByInn(inn) is [var byInn, ..]) existing = byInn;
        var municipalityId = municipality?.Id ?? existing?.MunicipalityId ?? scopeId;
        if (municipalityId is not { } targetId)
        {
            Error(OrganizationField.Municipality, "Не указан муниципалитет организации.");
            return null;
        }
        if (existing is null)
        {
            var key = ImportText.Key(record.FullName);
            existing = lookup.OrganizationsByName(record.FullName).FirstOrDefault(o => o.MunicipalityId == targetId && ImportText.Key(o.FullName) == key);
            if (existing is null && record.ShortName is { } shortText)
            {
                var shortKey = ImportText.Key(shortText);
                existing = lookup.OrganizationsByName(shortText).FirstOrDefault(o => o.MunicipalityId == targetId && ImportText.Key(o.ShortName) == shortKey && o.Inn is null);
            }
        }

        if (scopeId is { } scope)
        {
            if (existing is not null && existing.MunicipalityId != scope)
            {
                Error(record.Inn is null ? OrganizationField.FullName : OrganizationField.Inn,
                    $"Организация «{existing.ShortName}» относится к муниципалитету «{MunicipalityName(existing.MunicipalityId)}»: " +
                    $"вы можете изменять только организации муниципалитета «{MunicipalityName(scope)}».");
                return null;
            }
            if (targetId != scope)
            {
                Error(OrganizationField.Municipality,
                    $"Муниципалитет «{MunicipalityName(targetId)}» вне вашей области: вы можете загружать только организации муниципалитета «{MunicipalityName(scope)}».");
                return null;
            }
        }
        if (existing is null && record.Kind is null)
        {
            record.Kind = OrganizationValues.InferKind(record.ShortName ?? "") ?? OrganizationValues.InferKind(record.FullName);
            if (record.Kind is null)
            {
                Error(OrganizationField.Kind, $"Не указан тип организации, и по названию его определить не удалось. Допустимо: {OrganizationValues.AllowedKinds}.");
                return null;
            }
        }
        record.ExistingId = existing?.Id;
        record.MunicipalityId = targetId;
        return record;
    }

    private async Task SaveBatchAsync(OrganizationRecord[] batch, CancellationToken ct)
    {
        var ids = batch.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var existing = ids.Count == 0 ? [] : await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var moved = new List<(Guid Id, Guid MunicipalityId)>();
        foreach (var record in batch)
        {
            if (record.ExistingId is { } id && existing.TryGetValue(id, out var organization))
            {
                if (organization.MunicipalityId != record.MunicipalityId) moved.Add((organization.Id, record.MunicipalityId));
            }
            else
            {
                organization = new Organization { Id = record.NewId, ShortName = Truncate(record.ShortName ?? record.FullName, 200) };
                db.Organizations.Add(organization);
            }
            organization.FullName = record.FullName;
            if (record.ShortName is not null) organization.ShortName = record.ShortName;
            if (record.Kind is { } kind) organization.Kind = kind;
            organization.MunicipalityId = record.MunicipalityId;
            if (record.Inn is not null) organization.Inn = record.Inn;
            if (record.Address is not null) organization.Address = record.Address;
            if (record.Phone is not null) organization.Phone = record.Phone;
            if (record.Email is not null) organization.Email = record.Email;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // Places of work carry their organization's municipality for scope filters: keep them in step.
        foreach (var (id, municipalityId) in moved)
            await db.Employments.Where(e => e.OrganizationId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.MunicipalityId, municipalityId), ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
