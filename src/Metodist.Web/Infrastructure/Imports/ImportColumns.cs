namespace Metodist.Web.Infrastructure.Imports;

/// <summary>A column an importer understands: its field, the heading used in the template and in messages, and the other headings people write.</summary>
public sealed record ImportColumn<TField>(TField Field, string Title, params string[] Synonyms)
    where TField : struct, Enum;

public enum TeacherField
{
    FullName,
    LastName,
    FirstName,
    MiddleName,
    BirthDate,
    Snils,
    Email,
    Phone,
    Municipality,
    Organization,
    OrganizationInn,
    Position,
    Subjects,
    IsMain,
    PartTime,
    EmploymentStart,
    Category,
    CategoryAssignedOn,
    NextAttestationDue,
    WorkStart,
    ExperienceYears,
    Education,
}

public enum OrganizationField
{
    FullName,
    ShortName,
    Kind,
    Municipality,
    Inn,
    Address,
    Phone,
    Email,
}

/// <summary>The headings each import accepts (compared by <see cref="ImportText.Key"/>, so case, ё and punctuation do not matter).</summary>
public static class ImportColumns
{
    private static readonly string[] MunicipalityHeadings =
        ["Муниципальное образование", "Район", "Муниципальный район", "Городской округ", "Муниципальный район (городской округ)", "МО", "Территория"];

    private static readonly string[] PhoneHeadings = ["Контактный телефон", "Номер телефона", "Мобильный телефон", "Тел."];

    private static readonly string[] EmailHeadings = ["E-mail", "Электронная почта", "Эл. почта", "Адрес электронной почты", "Почта"];

    public static readonly IReadOnlyList<ImportColumn<TeacherField>> Teachers =
    [
        new(TeacherField.FullName, "ФИО", "Ф.И.О.", "Фамилия Имя Отчество", "Фамилия, имя, отчество", "ФИО педагога", "ФИО работника", "ФИО сотрудника", "Ф.И.О. педагога"),
        new(TeacherField.LastName, "Фамилия"),
        new(TeacherField.FirstName, "Имя"),
        new(TeacherField.MiddleName, "Отчество", "Отчество (при наличии)"),
        new(TeacherField.BirthDate, "Дата рождения", "Дата рожд.", "День рождения"),
        new(TeacherField.Snils, "СНИЛС", "Номер СНИЛС", "СНИЛС педагога", "Страховой номер"),
        new(TeacherField.Email, "Email", EmailHeadings),
        new(TeacherField.Phone, "Телефон", PhoneHeadings),
        new(TeacherField.Municipality, "Муниципалитет", MunicipalityHeadings),
        new(TeacherField.Organization, "Организация",
            "Образовательная организация", "ОО", "Место работы", "Наименование организации", "Наименование ОО", "Учреждение", "Образовательное учреждение", "ОУ"),
        new(TeacherField.OrganizationInn, "ИНН организации", "ИНН ОО", "ИНН учреждения", "ИНН места работы"),
        new(TeacherField.Position, "Должность", "Занимаемая должность", "Должность педагога"),
        new(TeacherField.Subjects, "Предметы",
            "Предмет", "Преподаваемый предмет", "Преподаваемые предметы", "Учебный предмет", "Учебные предметы", "Дисциплина", "Дисциплины"),
        new(TeacherField.IsMain, "Основное место работы", "Вид занятости", "Тип занятости", "Характер работы", "Основная работа"),
        new(TeacherField.PartTime, "Совместительство", "Совместитель", "По совместительству"),
        new(TeacherField.EmploymentStart, "Дата приема на работу",
            "Дата приема", "Дата начала работы", "Дата трудоустройства", "Работает с", "Дата начала работы в организации"),
        new(TeacherField.Category, "Квалификационная категория", "Категория", "Кв. категория", "Квалификационная категория педагога", "Имеющаяся категория"),
        new(TeacherField.CategoryAssignedOn, "Дата присвоения категории",
            "Дата аттестации", "Дата присвоения", "Дата установления категории", "Дата последней аттестации"),
        new(TeacherField.NextAttestationDue, "Дата следующей аттестации",
            "Срок аттестации", "Срок следующей аттестации", "Срок действия категории", "Категория действительна до", "Срок окончания категории"),
        new(TeacherField.WorkStart, "Дата начала педагогической деятельности",
            "Педагогический стаж с", "Начало педагогического стажа", "Дата начала педагогического стажа", "Начало педагогической деятельности"),
        new(TeacherField.ExperienceYears, "Педагогический стаж, лет",
            "Педагогический стаж", "Стаж (лет)", "Стаж", "Педстаж", "Стаж педагогической работы", "Стаж работы", "Педагогический стаж (лет)"),
        new(TeacherField.Education, "Образование", "Уровень образования", "Уровень образование"),
    ];

    public static readonly IReadOnlyList<ImportColumn<OrganizationField>> Organizations =
    [
        new(OrganizationField.FullName, "Полное наименование",
            "Наименование", "Полное наименование организации", "Наименование организации", "Наименование ОО", "Полное наименование ОО", "Организация", "Образовательная организация"),
        new(OrganizationField.ShortName, "Краткое наименование",
            "Сокращённое наименование", "Краткое наименование организации", "Сокращённое наименование организации", "Краткое название"),
        new(OrganizationField.Kind, "Тип", "Вид организации", "Тип организации", "Вид", "Тип ОО", "Вид ОО"),
        new(OrganizationField.Municipality, "Муниципалитет", MunicipalityHeadings),
        new(OrganizationField.Inn, "ИНН", "ИНН организации", "ИНН ОО"),
        new(OrganizationField.Address, "Адрес", "Юридический адрес", "Фактический адрес", "Почтовый адрес", "Адрес организации"),
        new(OrganizationField.Phone, "Телефон", PhoneHeadings),
        new(OrganizationField.Email, "Email", EmailHeadings),
    ];
}

/// <summary>Which column of a file holds which field.</summary>
public sealed class ColumnMap<TField>
    where TField : struct, Enum
{
    private readonly Dictionary<TField, (int Column, string Heading)> _columns = [];
    private readonly Dictionary<TField, ImportColumn<TField>> _definitions;

    private ColumnMap(IReadOnlyList<ImportColumn<TField>> definitions) =>
        _definitions = definitions.ToDictionary(d => d.Field);

    /// <summary>Headings of the file that match no column: they are skipped.</summary>
    public List<string> Unknown { get; } = [];

    /// <summary>Columns whose field an earlier column already gives: they are skipped.</summary>
    public List<(string Heading, string SameAs)> Repeated { get; } = [];

    public static ColumnMap<TField> Build(IReadOnlyList<string> headings, IReadOnlyList<ImportColumn<TField>> definitions)
    {
        var map = new ColumnMap<TField>(definitions);
        var lookup = Lookup(definitions);
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            if (heading.Length == 0) continue;
            if (!lookup.TryGetValue(ImportText.Key(heading), out var field))
            {
                map.Unknown.Add(heading);
                continue;
            }
            if (map._columns.TryGetValue(field, out var earlier))
            {
                map.Repeated.Add((heading, earlier.Heading));
                continue;
            }
            map._columns[field] = (i, heading);
        }
        return map;
    }

    /// <summary>How many of the headings are known: a row with two or more is taken for the header.</summary>
    public static int CountKnown(IReadOnlyList<string> headings, IReadOnlyList<ImportColumn<TField>> definitions)
    {
        var lookup = Lookup(definitions);
        return headings.Count(h => lookup.ContainsKey(ImportText.Key(h)));
    }

    private static Dictionary<string, TField> Lookup(IReadOnlyList<ImportColumn<TField>> definitions)
    {
        var lookup = new Dictionary<string, TField>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            lookup.TryAdd(ImportText.Key(definition.Title), definition.Field);
            foreach (var synonym in definition.Synonyms) lookup.TryAdd(ImportText.Key(synonym), definition.Field);
        }
        return lookup;
    }

    public bool Has(TField field) => _columns.ContainsKey(field);

    /// <summary>The heading as written in the file, or the template's heading when the file has no such column.</summary>
    public string Heading(TField field) => _columns.TryGetValue(field, out var column) ? column.Heading : _definitions[field].Title;

    /// <summary>The cleaned value of a field in a row; empty when the file has no such column.</summary>
    public string Value(TabularRow row, TField field) => _columns.TryGetValue(field, out var column) ? ImportText.Clean(row[column.Column]) : "";

    /// <summary>A note about skipped columns, for the report; null when every column was used.</summary>
    public string? Notice()
    {
        var parts = new List<string>();
        if (Unknown.Count > 0) parts.Add("Не распознаны и пропущены столбцы: " + string.Join(", ", Unknown.Select(h => $"«{h}»")) + ".");
        foreach (var (heading, sameAs) in Repeated) parts.Add($"Столбец «{heading}» повторяет столбец «{sameAs}» и пропущен.");
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
