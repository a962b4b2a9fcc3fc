using Metodist.Web.Features.Courses;
using Metodist.Web.Infrastructure.Web;

namespace Metodist.Web.Infrastructure.Imports;

public enum CourseField
{
    Title,
    Provider,
    Kind,
    Hours,
    Form,
    StartsOn,
    EndsOn,
    Quota,
    FederalRegistry,
    Areas,
    Subject,
    Description,
}

/// <summary>The headings of a course catalogue file.</summary>
public static class CourseColumns
{
    public static readonly IReadOnlyList<ImportColumn<CourseField>> All =
    [
        new(CourseField.Title, "Название программы",
            "Наименование", "Программа", "Название курса", "Наименование программы", "Наименование курса", "Название", "Наименование ДПП", "Курс"),
        new(CourseField.Provider, "Организация",
            "Провайдер", "Организация/Провайдер", "Исполнитель", "Разработчик", "Организация-исполнитель", "Организация-разработчик", "Поставщик"),
        new(CourseField.Kind, "Вид", "Вид программы", "Тип программы", "Вид ДПП", "Тип"),
        new(CourseField.Hours, "Объём, ч",
            "Часы", "Количество часов", "Трудоёмкость", "Объём", "Объём часов", "Объём программы", "Кол-во часов", "Трудоёмкость, ч", "Часов"),
        new(CourseField.Form, "Форма", "Форма обучения", "Форма реализации", "Форма проведения"),
        new(CourseField.StartsOn, "Дата начала", "Начало", "Начало обучения", "Дата начала обучения", "Сроки с"),
        new(CourseField.EndsOn, "Дата окончания", "Окончание", "Окончание обучения", "Дата окончания обучения", "Сроки по"),
        new(CourseField.Quota, "Квота", "Количество мест", "Кол-во мест", "Мест", "Число мест"),
        new(CourseField.FederalRegistry, "Федеральный реестр", "ФР", "В федеральном реестре", "Федеральный реестр ДПП", "ФР ДПП"),
        new(CourseField.Areas, "Компетенции", "Компетенция", "Дефициты", "Профессиональные дефициты", "Направленность на дефициты"),
        new(CourseField.Subject, "Предмет", "Учебный предмет", "Предметная область"),
        new(CourseField.Description, "Описание", "Аннотация", "Краткое описание", "Содержание"),
    ];
}

/// <summary>How the course import reads the kind, form and «in the federal registry» of a programme from the words people use.</summary>
public static class CourseValues
{
    private static readonly Dictionary<string, CourseKind> Kinds = Keyed(
    [
        ("повышение квалификации", CourseKind.Advanced), ("ПК", CourseKind.Advanced), ("ДПП ПК", CourseKind.Advanced), ("КПК", CourseKind.Advanced),
        ("курсы повышения квалификации", CourseKind.Advanced), ("дополнительная профессиональная программа повышения квалификации", CourseKind.Advanced),
        ("профессиональная переподготовка", CourseKind.Retraining), ("переподготовка", CourseKind.Retraining), ("ПП", CourseKind.Retraining),
        ("ДПП ПП", CourseKind.Retraining), ("дополнительная профессиональная программа профессиональной переподготовки", CourseKind.Retraining),
        ("стажировка", CourseKind.Internship), ("стажёрская практика", CourseKind.Internship), ("стажировочная площадка", CourseKind.Internship),
    ]);

    private static readonly Dictionary<string, CourseForm> Forms = Keyed(
    [
        ("очно", CourseForm.InPerson), ("очная", CourseForm.InPerson), ("очное", CourseForm.InPerson), ("очный", CourseForm.InPerson),
        ("очно-заочно", CourseForm.Blended), ("очно-заочная", CourseForm.Blended), ("очно-заочное", CourseForm.Blended), ("смешанная", CourseForm.Blended),
        ("очно с применением ДОТ", CourseForm.Blended), ("очная с применением ДОТ", CourseForm.Blended),
        ("дистанционно", CourseForm.Distance), ("дистанционная", CourseForm.Distance), ("дистанционное", CourseForm.Distance), ("ДОТ", CourseForm.Distance),
        ("заочно", CourseForm.Distance), ("заочная", CourseForm.Distance), ("онлайн", CourseForm.Distance), ("online", CourseForm.Distance),
        ("заочно с применением ДОТ", CourseForm.Distance), ("заочная с применением ДОТ", CourseForm.Distance),
        ("заочная с применением дистанционных образовательных технологий", CourseForm.Distance),
        ("с применением ДОТ", CourseForm.Distance), ("с использованием ДОТ", CourseForm.Distance), ("заочно с использованием ДОТ", CourseForm.Distance),
    ]);

    private static Dictionary<string, T> Keyed<T>(IEnumerable<(string Word, T Value)> pairs)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (word, value) in pairs) result.TryAdd(ImportText.Key(word), value);
        return result;
    }

    public const string AllowedKinds = "повышение квалификации, профессиональная переподготовка, стажировка";

    public const string AllowedForms = "очно, очно-заочно, дистанционно (также «заочно с применением ДОТ»)";

    public static CourseKind? ParseKind(string value) => Kinds.TryGetValue(ImportText.Key(value), out var kind) ? kind : null;

    public static CourseForm? ParseForm(string value) => Forms.TryGetValue(ImportText.Key(value), out var form) ? form : null;

    /// <summary>да/нет as <see cref="ImportText.ParseYesNo"/> reads it, and «ФР» (in the federal registry).</summary>
    public static bool? ParseFederalRegistry(string value) =>
        ImportText.Key(value) is "фр" or "фрдпп" or "федеральныйреестр" ? true : ImportText.ParseYesNo(value);

    /// <summary>A whole positive number of hours or places; «72 ч» and «72 часа» are read as 72.</summary>
    public static int? ParseCount(string value)
    {
        var text = ImportText.Clean(value);
        var end = 0;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        if (end == 0 || end > 6) return null;
        var rest = text[end..].Trim().TrimEnd('.');
        if (rest.Length > 0 && rest is not ("ч" or "час" or "часа" or "часов" or "ак. ч" or "мест" or "места" or "место")) return null;
        return int.Parse(text[..end], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>One valid row of a catalogue file. Null means «not given»: a new course gets the default, a matched one keeps its value.</summary>
internal sealed class CourseRecord
{
    public int Row { get; init; }
    public string Title { get; set; } = "";
    public string Provider { get; set; } = "";
    public CourseKind? Kind { get; set; }
    public int Hours { get; set; }
    public CourseForm Form { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int? Quota { get; set; }
    public bool? FederalRegistry { get; set; }
    public List<Guid>? AreaIds { get; set; }
    public Guid? SubjectId { get; set; }
    public string? Description { get; set; }
    public Guid? ExistingId { get; set; }

    /// <summary>What makes two rows (or a row and a stored course) the same programme: title, provider and start.</summary>
    public (string Title, string Provider, DateOnly? StartsOn) MatchKey => (ImportText.Key(Title), ImportText.Key(Provider), StartsOn);
}

/// <summary>Reads and checks the rows of a course catalogue against the competence areas and the subjects.</summary>
internal sealed class CourseRowReader(ColumnMap<CourseField> columns, Dictionary<string, Guid> areas, IReadOnlyList<string> areaCodes, RegistryLookup lookup)
{
    public CourseRecord? Read(TabularRow row, List<RowError> errors)
    {
        string Value(CourseField field) => columns.Value(row, field);
        void Error(CourseField field, string message) => errors.Add(new RowError(columns.Heading(field), message));

        var record = new CourseRecord { Row = row.Number, Title = Value(CourseField.Title), Provider = Value(CourseField.Provider) };
        if (record.Title.Length == 0) Error(CourseField.Title, "Не указано название программы.");
        else if (ImportValues.CheckLength(record.Title, 500, "Название программы") is { } titleError) Error(CourseField.Title, titleError);
        if (record.Provider.Length == 0) Error(CourseField.Provider, "Не указана организация, которая проводит обучение.");
        else if (ImportValues.CheckLength(record.Provider, 300, "Название организации") is { } providerError) Error(CourseField.Provider, providerError);

        if (Value(CourseField.Kind) is { Length: > 0 } kind)
        {
            record.Kind = CourseValues.ParseKind(kind);
            if (record.Kind is null) Error(CourseField.Kind, $"Неизвестный вид программы «{kind}». Допустимо: {CourseValues.AllowedKinds}.");
        }

        var hours = Value(CourseField.Hours);
        if (hours.Length == 0) Error(CourseField.Hours, "Не указан объём программы в часах.");
        else if (CourseValues.ParseCount(hours) is { } h and >= 1 and <= CourseInput.MaxHours) record.Hours = h;
        else Error(CourseField.Hours, $"Объём «{hours}» должен быть целым числом часов от 1 до {CourseInput.MaxHours}, например 72.");

        var form = Value(CourseField.Form);
        if (form.Length == 0) Error(CourseField.Form, $"Не указана форма обучения: {CourseValues.AllowedForms}.");
        else if (CourseValues.ParseForm(form) is { } f) record.Form = f;
        else Error(CourseField.Form, $"Неизвестная форма обучения «{form}». Допустимо: {CourseValues.AllowedForms}.");

        record.StartsOn = ReadDate(Value, Error, CourseField.StartsOn);
        record.EndsOn = ReadDate(Value, Error, CourseField.EndsOn);
        if (record is { StartsOn: { } start, EndsOn: { } end } && end < start)
            Error(CourseField.EndsOn, $"Дата окончания {Format.Date(end)} раньше даты начала {Format.Date(start)}.");

        if (Value(CourseField.Quota) is { Length: > 0 } quota)
        {
            if (CourseValues.ParseCount(quota) is { } q and >= 1 and <= 100_000) record.Quota = q;
            else Error(CourseField.Quota, $"Квота «{quota}» должна быть целым числом мест от 1 до 100 000.");
        }
        if (Value(CourseField.FederalRegistry) is { Length: > 0 } registry)
        {
            record.FederalRegistry = CourseValues.ParseFederalRegistry(registry);
            if (record.FederalRegistry is null) Error(CourseField.FederalRegistry, $"Не удалось понять «{registry}»: укажите «да», если программа есть в федеральном реестре, или «нет».");
        }
        if (Value(CourseField.Areas) is { Length: > 0 } areaText) record.AreaIds = ReadAreas(areaText, Error);
        if (Value(CourseField.Subject) is { Length: > 0 } subject)
        {
            if (lookup.FindSubject(subject) is { } found) record.SubjectId = found.Id;
            else Error(CourseField.Subject, SubjectError(subject));
        }
        if (Value(CourseField.Description) is { Length: > 0 } description)
        {
            if (ImportValues.CheckLength(description, 4000, "Описание") is { } descriptionError) Error(CourseField.Description, descriptionError);
            record.Description = description;
        }
        return errors.Count == 0 ? record : null;
    }

    private static DateOnly? ReadDate(Func<CourseField, string> value, Action<CourseField, string> error, CourseField field)
    {
        var text = value(field);
        if (text.Length == 0) return null;
        if (ImportText.TryParseDate(text, out var date)) return date;
        error(field, ImportValues.DateError(text));
        return null;
    }

    private List<Guid> ReadAreas(string text, Action<CourseField, string> error)
    {
        var ids = new List<Guid>();
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (areas.TryGetValue(ImportText.Key(part), out var id))
            {
                if (!ids.Contains(id)) ids.Add(id);
            }
            else
            {
                error(CourseField.Areas, $"Неизвестная компетенция «{part}». Укажите коды ({string.Join(", ", areaCodes)}) или названия компетенций через запятую.");
            }
        }
        return ids;
    }

    private string SubjectError(string name)
    {
        var closest = ImportText.Closest(name, lookup.SubjectNames.Values);
        return closest.Count > 0
            ? $"Предмет «{name}» не найден в справочнике. Возможно, имелся в виду: {string.Join(", ", closest.Select(c => $"«{c}»"))}."
            : $"Предмет «{name}» не найден в справочнике предметов.";
    }
}
