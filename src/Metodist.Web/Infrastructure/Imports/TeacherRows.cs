using System.Globalization;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Text;
using Metodist.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Imports;

internal sealed record RowError(string Column, string Message);

/// <summary>One valid row of a teacher file, read into registry values. Null means «not given: keep what the registry has».</summary>
internal sealed class TeacherRecord
{
    public int Row { get; init; }
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? Snils { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public QualificationCategory? Category { get; set; }
    public DateOnly? CategoryAssignedOn { get; set; }
    public DateOnly? NextAttestationDue { get; set; }
    public DateOnly? WorkStart { get; set; }

    /// <summary>The start was worked out from «стаж, лет», so a more precise date already in the registry is kept when it gives the same years.</summary>
    public bool WorkStartFromYears { get; set; }

    public EducationLevel? EducationLevel { get; set; }
    public string? Education { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid MunicipalityId { get; set; }
    public Guid PositionId { get; set; }

    /// <summary>Null when the file says nothing about subjects.</summary>
    public List<Guid>? SubjectIds { get; set; }

    public bool? IsMain { get; set; }
    public DateOnly? EmploymentStart { get; set; }

    public string FullName => string.IsNullOrEmpty(MiddleName) ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";

    /// <summary>The folded ФИО, as <see cref="Person.SearchName"/> stores it.</summary>
    public string NameKey => _nameKey ??= SearchText.Normalize(FullName);

    private string? _nameKey;
}

/// <summary>Reads and checks the rows of a teacher file against the registry dictionaries and the importer's scope.</summary>
internal sealed class TeacherRowReader(ColumnMap<TeacherField> columns, RegistryLookup lookup, Guid? municipalityScopeId, DateOnly today)
{
    private readonly Dictionary<string, (OrganizationRef? Organization, TeacherField Field, string? Error)> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (List<Guid>? Ids, string? Error)> _subjectLists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _positionErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (MunicipalityRef? Municipality, string? Error)> _municipalities = new(StringComparer.Ordinal);

    /// <summary>Subjects the file names that the dictionary lacks: they are added when the import saves.</summary>
    public Dictionary<string, (Guid Id, string Name)> NewSubjects { get; } = new(StringComparer.Ordinal);

    public TeacherRecord? Read(TabularRow row, List<RowError> errors)
    {
        var record = new TeacherRecord { Row = row.Number };
        string Value(TeacherField field) => columns.Value(row, field);
        void Error(TeacherField field, string message) => errors.Add(new RowError(columns.Heading(field), message));

        ReadName(record, Value, Error);
        ReadBirthDate(record, Value(TeacherField.BirthDate), Error);

        if (Value(TeacherField.Snils) is { Length: > 0 } snilsText)
        {
            var snils = Snils.Normalize(snilsText, out var snilsError);
            if (snilsError is not null) Error(TeacherField.Snils, snilsError);
            record.Snils = snils;
        }
        if (Value(TeacherField.Email) is { Length: > 0 } email)
        {
            if (ImportValues.CheckEmail(email) is { } emailError) Error(TeacherField.Email, emailError);
            record.Email = email;
        }
        if (Value(TeacherField.Phone) is { Length: > 0 } phone)
        {
            if (ImportValues.CheckPhone(phone) is { } phoneError) Error(TeacherField.Phone, phoneError);
            record.Phone = phone;
        }

        ReadEmployment(record, Value, Error);
        ReadCategory(record, Value, Error);
        ReadWorkStart(record, Value, Error);

        if (Value(TeacherField.Education) is { Length: > 0 } education)
        {
            if (ImportValues.CheckLength(education, 500, "Образование") is { } educationError) Error(TeacherField.Education, educationError);
            (record.EducationLevel, record.Education) = TeacherValues.ParseEducation(education);
        }
        return errors.Count == 0 ? record : null;
    }

    private static void ReadName(TeacherRecord record, Func<TeacherField, string> value, Action<TeacherField, string> error)
    {
        var last = value(TeacherField.LastName);
        var first = value(TeacherField.FirstName);
        var middle = value(TeacherField.MiddleName);
        TeacherField lastField = TeacherField.LastName, firstField = TeacherField.FirstName, middleField = TeacherField.MiddleName;
        if (last.Length == 0 && first.Length == 0)
        {
            var full = value(TeacherField.FullName);
            if (full.Length == 0)
            {
                error(TeacherField.FullName, "Не указаны фамилия, имя и отчество.");
                return;
            }
            var parts = full.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                error(TeacherField.FullName, $"В ФИО «{full}» должны быть хотя бы фамилия и имя через пробел.");
                return;
            }
            last = parts[0];
            first = parts[1];
            // «Мамедов Ильхам Гейдар оглы»: everything after the first name is the patronymic.
            if (parts.Length > 2) middle = string.Join(' ', parts[2..]);
            lastField = firstField = middleField = TeacherField.FullName;
        }
        else
        {
            if (last.Length == 0) error(TeacherField.LastName, "Не указана фамилия.");
            if (first.Length == 0) error(TeacherField.FirstName, "Не указано имя.");
        }
        if (ImportValues.CheckNamePart(last, "Фамилия") is { } lastError) error(lastField, lastError);
        if (ImportValues.CheckNamePart(first, "Имя") is { } firstError) error(firstField, firstError);
        if (ImportValues.CheckNamePart(middle, "Отчество") is { } middleError) error(middleField, middleError);
        record.LastName = NameCase(last);
        record.FirstName = NameCase(first);
        record.MiddleName = middle.Length == 0 ? null : NameCase(middle);
    }

    /// <summary>«ИВАНОВА» and «иванова» become «Иванова»; a name typed with its own capitals is kept as typed («ван Дейк»).</summary>
    internal static string NameCase(string name)
    {
        if (!name.Any(char.IsLetter)) return name;
        var upper = name.Where(char.IsLetter).All(char.IsUpper);
        var lower = name.Where(char.IsLetter).All(char.IsLower);
        if (!upper && !lower) return name;
        var russian = CultureInfo.GetCultureInfo("ru-RU");
        return russian.TextInfo.ToTitleCase(name.ToLower(russian));
    }

    private void ReadBirthDate(TeacherRecord record, string text, Action<TeacherField, string> error)
    {
        if (text.Length == 0)
        {
            error(TeacherField.BirthDate, "Не указана дата рождения.");
            return;
        }
        if (!ImportText.TryParseDate(text, out var birth))
        {
            error(TeacherField.BirthDate, ImportValues.DateError(text));
            return;
        }
        if (birth > today)
        {
            error(TeacherField.BirthDate, $"Дата рождения {Format.Date(birth)} позже сегодняшней.");
            return;
        }
        var age = TeacherRules.Age(birth, today);
        if (age is < 16 or > 100)
        {
            error(TeacherField.BirthDate, $"По дате рождения {Format.Date(birth)} возраст — {Format.Count(age, "год", "года", "лет")}; допустимо от 16 до 100 лет.");
            return;
        }
        record.BirthDate = birth;
    }

    private DateOnly? ReadDate(Func<TeacherField, string> value, Action<TeacherField, string> error, TeacherField field)
    {
        var text = value(field);
        if (text.Length == 0) return null;
        if (ImportText.TryParseDate(text, out var date)) return date;
        error(field, ImportValues.DateError(text));
        return null;
    }

    private void ReadEmployment(TeacherRecord record, Func<TeacherField, string> value, Action<TeacherField, string> error)
    {
        MunicipalityRef? municipality = null;
        if (value(TeacherField.Municipality) is { Length: > 0 } municipalityName)
        {
            if (!_municipalities.TryGetValue(municipalityName, out var found))
            {
                var match = lookup.FindMunicipality(municipalityName, out var municipalityError);
                _municipalities[municipalityName] = found = (match, municipalityError);
            }
            if (found.Error is not null) error(TeacherField.Municipality, found.Error);
            municipality = found.Municipality;
        }

        var organization = FindOrganization(value(TeacherField.Organization), value(TeacherField.OrganizationInn), municipality, error);
        if (organization is not null)
        {
            record.OrganizationId = organization.Id;
            record.MunicipalityId = organization.MunicipalityId;
        }

        var positionName = value(TeacherField.Position);
        if (positionName.Length == 0) error(TeacherField.Position, "Не указана должность.");
        else if (lookup.FindPosition(positionName) is { } position) record.PositionId = position.Id;
        else error(TeacherField.Position, PositionError(positionName));

        if (value(TeacherField.Subjects) is { Length: > 0 } subjects)
        {
            var (ids, subjectError) = ReadSubjects(subjects);
            if (subjectError is not null) error(TeacherField.Subjects, subjectError);
            record.SubjectIds = ids;
        }

        if (value(TeacherField.IsMain) is { Length: > 0 } main)
        {
            record.IsMain = TeacherValues.ParseIsMain(main);
            if (record.IsMain is null) error(TeacherField.IsMain, $"Не удалось понять «{main}»: укажите «да» (основное место работы) или «нет» (совместительство).");
        }
        else if (value(TeacherField.PartTime) is { Length: > 0 } partTime)
        {
            record.IsMain = TeacherValues.ParsePartTimeAsMain(partTime);
            if (record.IsMain is null) error(TeacherField.PartTime, $"Не удалось понять «{partTime}»: укажите «да» (совместительство) или «нет» (основное место работы).");
        }

        if (ReadDate(value, error, TeacherField.EmploymentStart) is { } start)
        {
            if (start > today.AddYears(1)) error(TeacherField.EmploymentStart, $"Дата приёма на работу {Format.Date(start)} позже, чем через год от сегодняшней.");
            else if (record.BirthDate != default && start < record.BirthDate.AddYears(14))
                error(TeacherField.EmploymentStart, $"Дата приёма на работу {Format.Date(start)} раньше, чем педагогу исполнилось 14 лет.");
            record.EmploymentStart = start;
        }
    }

    private OrganizationRef? FindOrganization(string name, string innText, MunicipalityRef? municipality, Action<TeacherField, string> error)
    {
        if (name.Length == 0 && innText.Length == 0)
        {
            error(TeacherField.Organization, "Не указана организация (место работы).");
            return null;
        }
        var cacheKey = $"{innText}|{name}|{municipality?.Id}";
        if (!_organizations.TryGetValue(cacheKey, out var found))
        {
            _organizations[cacheKey] = found = ResolveOrganization(name, innText, municipality);
        }
        if (found.Error is not null) error(found.Field, found.Error);
        return found.Organization;
    }

    private (OrganizationRef? Organization, TeacherField Field, string? Error) ResolveOrganization(string name, string innText, MunicipalityRef? municipality)
    {
        OrganizationRef? organization;
        var inMunicipality = municipality is null ? "" : $" муниципалитета «{municipality.Name}»";
        if (innText.Length > 0)
        {
            var inn = ImportValues.ReadInn(innText, checkDigits: false, out var innError);
            if (inn is null) return (null, TeacherField.OrganizationInn, innError);
            var byInn = lookup.OrganizationsByInn(inn);
            if (byInn.Count == 0) return (null, TeacherField.OrganizationInn, $"Организация с ИНН {inn} не найдена в реестре.");
            organization = byInn.FirstOrDefault(o => o.MunicipalityId == municipality?.Id)
                ?? byInn.FirstOrDefault(o => o.MunicipalityId == municipalityScopeId) ?? byInn[0];
            if (municipality is not null && organization.MunicipalityId != municipality.Id)
            {
                return (null, TeacherField.Municipality,
                    $"Организация с ИНН {inn} («{organization.ShortName}») находится в муниципалитете «{MunicipalityName(organization.MunicipalityId)}», а не «{municipality.Name}».");
            }
        }
        else
        {
            var everywhere = lookup.OrganizationsByName(name);
            var candidates = municipality is null ? everywhere : everywhere.Where(o => o.MunicipalityId == municipality.Id).ToList();
            if (candidates.Count == 0 && everywhere.Count > 0)
            {
                var elsewhere = string.Join(", ", everywhere.Select(o => $"«{MunicipalityName(o.MunicipalityId)}»").Distinct());
                return (null, TeacherField.Municipality, $"Организация «{name}» не найдена в муниципалитете «{municipality!.Name}»; она есть в муниципалитете {elsewhere}.");
            }
            if (candidates.Count > 1 && municipalityScopeId is { } scope && candidates.Any(o => o.MunicipalityId == scope))
                candidates = candidates.Where(o => o.MunicipalityId == scope).ToList();
            if (candidates.Count == 0)
                return (null, TeacherField.Organization, $"Организация «{name}» не найдена в реестре{inMunicipality}. Проверьте название или сначала загрузите организации.");
            if (candidates.Count > 1)
                return (null, TeacherField.Organization, $"Организаций с названием «{name}» в реестре несколько: укажите муниципалитет или ИНН организации.");
            organization = candidates[0];
        }

        if (municipalityScopeId is { } scopeId && organization.MunicipalityId != scopeId)
        {
            return (null, innText.Length > 0 ? TeacherField.OrganizationInn : TeacherField.Organization,
                $"Организация «{organization.ShortName}» относится к муниципалитету «{MunicipalityName(organization.MunicipalityId)}»: " +
                $"вы можете загружать педагогов только организаций муниципалитета «{MunicipalityName(scopeId)}».");
        }
        return (organization, TeacherField.Organization, null);
    }

    private string MunicipalityName(Guid id) => lookup.Municipalities.TryGetValue(id, out var m) ? m.Name : "—";

    private string PositionError(string name)
    {
        var key = ImportText.Key(name);
        if (_positionErrors.TryGetValue(key, out var message)) return message;
        var closest = ImportText.Closest(name, lookup.AllPositionNames);
        message = closest.Count > 0
            ? $"Должность «{name}» не найдена в справочнике. Возможно, имелась в виду: {string.Join(", ", closest.Select(c => $"«{c}»"))}."
            : $"Должность «{name}» не найдена в справочнике должностей.";
        _positionErrors[key] = message;
        return message;
    }

    private (List<Guid>? Ids, string? Error) ReadSubjects(string text)
    {
        if (_subjectLists.TryGetValue(text, out var cached)) return cached;
        var ids = new List<Guid>();
        string? error = null;
        foreach (var part in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = ImportText.Clean(part);
            var key = ImportText.Key(name);
            if (key.Length == 0) continue;
            Guid id;
            if (lookup.FindSubject(name) is { } known) id = known.Id;
            else if (NewSubjects.TryGetValue(key, out var added)) id = added.Id;
            else if (name.Length > 200)
            {
                error = "Название предмета длиннее 200 символов.";
                continue;
            }
            else
            {
                id = Guid.NewGuid();
                NewSubjects[key] = (id, char.ToUpper(name[0], CultureInfo.GetCultureInfo("ru-RU")) + name[1..]);
            }
            if (!ids.Contains(id)) ids.Add(id);
        }
        var result = (error is null ? ids : null, error);
        _subjectLists[text] = result;
        return result;
    }

    private void ReadCategory(TeacherRecord record, Func<TeacherField, string> value, Action<TeacherField, string> error)
    {
        if (value(TeacherField.Category) is { Length: > 0 } categoryText)
        {
            record.Category = TeacherValues.ParseCategory(categoryText);
            if (record.Category is null)
                error(TeacherField.Category, $"Неизвестная квалификационная категория «{categoryText}». Допустимо: {TeacherValues.AllowedCategories}.");
        }
        var assigned = ReadDate(value, error, TeacherField.CategoryAssignedOn);
        if (assigned is { } a)
        {
            if (a > today) error(TeacherField.CategoryAssignedOn, $"Дата присвоения категории {Format.Date(a)} позже сегодняшней.");
            else if (record.BirthDate != default && a < record.BirthDate.AddYears(16))
                error(TeacherField.CategoryAssignedOn, $"Дата присвоения категории {Format.Date(a)} раньше, чем педагогу исполнилось 16 лет.");
        }
        var next = ReadDate(value, error, TeacherField.NextAttestationDue);
        if (next is { } n && assigned is { } from && n <= from)
            error(TeacherField.NextAttestationDue, $"Дата следующей аттестации {Format.Date(n)} должна быть позже даты присвоения категории {Format.Date(from)}.");
        record.CategoryAssignedOn = assigned;
        record.NextAttestationDue = next;
    }

    private void ReadWorkStart(TeacherRecord record, Func<TeacherField, string> value, Action<TeacherField, string> error)
    {
        if (ReadDate(value, error, TeacherField.WorkStart) is { } start)
        {
            if (start > today) error(TeacherField.WorkStart, $"Дата начала педагогической деятельности {Format.Date(start)} позже сегодняшней.");
            else if (record.BirthDate != default && start < record.BirthDate.AddYears(14))
                error(TeacherField.WorkStart, $"Дата начала педагогической деятельности {Format.Date(start)} раньше, чем педагогу исполнилось 14 лет.");
            record.WorkStart = start;
            return;
        }
        if (columns.Has(TeacherField.WorkStart) && value(TeacherField.WorkStart).Length > 0) return;
        if (value(TeacherField.ExperienceYears) is not { Length: > 0 } yearsText) return;
        if (!ImportText.TryParseWholeNumber(yearsText, out var years))
        {
            error(TeacherField.ExperienceYears, $"Стаж «{yearsText}» должен быть числом лет, например 12.");
            return;
        }
        if (record.BirthDate != default && years > TeacherRules.Age(record.BirthDate, today) - 14)
        {
            error(TeacherField.ExperienceYears, $"Стаж {Format.Count(years, "год", "года", "лет")} больше возможного для возраста педагога.");
            return;
        }
        record.WorkStart = TeacherValues.WorkStartFromYears(years, today);
        record.WorkStartFromYears = true;
    }
}

/// <summary>Who is already in the registry: by СНИЛС and by folded ФИО with birth date.</summary>
internal sealed class PersonIndex
{
    public Dictionary<string, Guid> BySnils { get; } = new(StringComparer.Ordinal);
    public Dictionary<(string Name, DateOnly BirthDate), List<(Guid Id, string? Snils)>> ByName { get; } = [];

    public static async Task<PersonIndex> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var index = new PersonIndex();
        await foreach (var p in db.Persons.AsNoTracking().Select(p => new { p.Id, p.Snils, p.SearchName, p.BirthDate }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var snils = p.Snils is null ? null : Snils.Normalize(p.Snils, out _) ?? p.Snils;
            if (snils is not null) index.BySnils.TryAdd(snils, p.Id);
            var key = (p.SearchName, p.BirthDate);
            if (!index.ByName.TryGetValue(key, out var list)) index.ByName[key] = list = [];
            list.Add((p.Id, snils));
        }
        return index;
    }
}

/// <summary>Everything the file will change for one person: the registry person it updates (or none) and its rows in file order.</summary>
internal sealed class PersonPlan(Guid? existingId, string? snils)
{
    public Guid? ExistingId { get; } = existingId;
    /// <summary>Time-ordered, so a batch of new people lands at the end of the key indexes instead of all over them.</summary>
    public Guid NewId { get; } = Guid.CreateVersion7();
    public string? Snils { get; set; } = snils;
    public List<TeacherRecord> Records { get; } = [];
    public TeacherRecord First => Records[0];
}

/// <summary>
/// Matches rows to people: by СНИЛС, else by ФИО and birth date (a СНИЛС never matches a person with another СНИЛС),
/// first among the rows before, then in the registry. Several rows of one person are several places of work.
/// </summary>
internal sealed class TeacherPlanBuilder(PersonIndex people, ColumnMap<TeacherField> columns)
{
    private readonly Dictionary<string, PersonPlan> _bySnils = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, DateOnly), List<PersonPlan>> _byName = [];
    private readonly Dictionary<Guid, PersonPlan> _byExisting = [];

    public List<PersonPlan> Plans { get; } = [];

    public int Created => Plans.Count(p => p.ExistingId is null);

    public int Updated => Plans.Count(p => p.ExistingId is not null);

    public void Add(TeacherRecord record, List<RowError> errors)
    {
        var nameKey = (record.NameKey, record.BirthDate);
        PersonPlan? plan = null;
        if (record.Snils is { } snils && _bySnils.TryGetValue(snils, out var sameSnils))
        {
            if (sameSnils.First.NameKey != record.NameKey || sameSnils.First.BirthDate != record.BirthDate)
            {
                errors.Add(new RowError(columns.Heading(TeacherField.Snils),
                    $"СНИЛС {snils} уже указан в строке {sameSnils.First.Row} у другого педагога ({sameSnils.First.FullName}, {Format.Date(sameSnils.First.BirthDate)})."));
                return;
            }
            plan = sameSnils;
        }
        if (plan is null && record.Snils is { } known && people.BySnils.TryGetValue(known, out var personId))
            plan = ForExisting(personId, known);
        if (plan is null && _byName.TryGetValue(nameKey, out var sameName))
            plan = sameName.FirstOrDefault(p => Compatible(p.Snils, record.Snils));
        if (plan is null && people.ByName.TryGetValue(nameKey, out var registered))
        {
            foreach (var (id, registeredSnils) in registered)
            {
                if (!Compatible(registeredSnils, record.Snils)) continue;
                var candidate = ForExisting(id, registeredSnils);
                if (!Compatible(candidate.Snils, record.Snils)) continue;
                plan = candidate;
                break;
            }
        }
        plan ??= new PersonPlan(null, record.Snils);

        if (plan.Records.FirstOrDefault(r => r.OrganizationId == record.OrganizationId) is { } repeated)
        {
            errors.Add(new RowError(columns.Heading(TeacherField.Organization),
                $"Педагог {record.FullName} с этим местом работы уже указан в строке {repeated.Row}: строка повторяется."));
            return;
        }

        if (plan.Records.Count == 0) Plans.Add(plan);
        plan.Records.Add(record);
        if (record.Snils is { } s)
        {
            plan.Snils ??= s;
            _bySnils.TryAdd(s, plan);
        }
        if (!_byName.TryGetValue(nameKey, out var list)) _byName[nameKey] = list = [];
        if (!list.Contains(plan)) list.Add(plan);
    }

    private PersonPlan ForExisting(Guid id, string? snils)
    {
        if (_byExisting.TryGetValue(id, out var plan)) return plan;
        plan = new PersonPlan(id, snils);
        _byExisting[id] = plan;
        return plan;
    }

    private static bool Compatible(string? a, string? b) => a is null || b is null || a == b;
}
