using System.Globalization;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Text;
using Metodist.Web.Infrastructure.Web;

namespace Metodist.Web.Infrastructure.Imports;

public enum ResultField
{
    Snils,
    LastName,
    FirstName,
    MiddleName,
    BirthDate,
    TakenOn,
    FullName,
}

/// <summary>The fixed headings of a results file; the scores follow in one column per competence area (its code or its name).</summary>
public static class ResultColumns
{
    public static readonly IReadOnlyList<ImportColumn<ResultField>> Fixed =
    [
        AsTeacher(ResultField.Snils, TeacherField.Snils),
        AsTeacher(ResultField.LastName, TeacherField.LastName),
        AsTeacher(ResultField.FirstName, TeacherField.FirstName),
        AsTeacher(ResultField.MiddleName, TeacherField.MiddleName),
        AsTeacher(ResultField.BirthDate, TeacherField.BirthDate),
        new(ResultField.TakenOn, "Дата",
            "Дата диагностики", "Дата прохождения", "Дата прохождения диагностики", "Дата тестирования", "Дата оценки", "Дата проведения"),
        AsTeacher(ResultField.FullName, TeacherField.FullName),
    ];

    /// <summary>A teacher is named in a results file with the same headings as in a teacher file.</summary>
    private static ImportColumn<ResultField> AsTeacher(ResultField field, TeacherField teacher)
    {
        var column = ImportColumns.Teachers.Single(c => c.Field == teacher);
        return new ImportColumn<ResultField>(field, column.Title, column.Synonyms);
    }
}

/// <summary>A competence area as a results file may name it in a heading.</summary>
public sealed record AreaHeading(Guid Id, string Code, string Name);

/// <summary>Which columns of a results file hold the scores of which areas.</summary>
internal sealed class AreaColumns
{
    private AreaColumns(List<(int Column, string Heading, Guid AreaId)> columns, List<(string Heading, string SameAs)> repeated)
    {
        Columns = columns;
        Repeated = repeated;
    }

    public IReadOnlyList<(int Column, string Heading, Guid AreaId)> Columns { get; }

    /// <summary>Columns of an area an earlier column already gives: they are skipped.</summary>
    public IReadOnlyList<(string Heading, string SameAs)> Repeated { get; }

    public static Dictionary<string, Guid> Lookup(IEnumerable<AreaHeading> areas)
    {
        var lookup = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            lookup.TryAdd(ImportText.Key(area.Code), area.Id);
            lookup.TryAdd(ImportText.Key(area.Name), area.Id);
        }
        return lookup;
    }

    public static AreaColumns Build(IReadOnlyList<string> headings, Dictionary<string, Guid> lookup, ColumnMap<ResultField> fixedColumns)
    {
        var columns = new List<(int, string, Guid)>();
        var repeated = new List<(string, string)>();
        var seen = new Dictionary<Guid, string>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            if (!lookup.TryGetValue(ImportText.Key(heading), out var areaId)) continue;
            // An area heading is not an unknown column: the fixed map could not know it.
            fixedColumns.Unknown.Remove(heading);
            if (seen.TryGetValue(areaId, out var earlier))
            {
                repeated.Add((heading, earlier));
                continue;
            }
            seen[areaId] = heading;
            columns.Add((i, heading, areaId));
        }
        return new AreaColumns(columns, repeated);
    }
}

/// <summary>One valid row: whose result, of which day, and the scores given.</summary>
internal sealed class ResultRecord
{
    public int Row { get; init; }
    public Guid PersonId { get; set; }
    public DateOnly TakenOn { get; set; }
    public (Guid AreaId, int Score)[] Scores { get; set; } = [];

    /// <summary>The result of this teacher, day and diagnostic already stored: it is replaced.</summary>
    public Guid? ExistingId { get; set; }

    /// <summary>The stored result already has exactly these scores and levels: nothing to write.</summary>
    public bool Unchanged { get; set; }
}

/// <summary>
/// Reads the rows of a results file: finds the teacher by СНИЛС, else by ФИО and birth date (never one of
/// several namesakes, never one outside the importer's municipality), and checks the date and the scores.
/// </summary>
internal sealed class ResultRowReader(ColumnMap<ResultField> columns, AreaColumns areas, PersonIndex people, HashSet<Guid>? inScope,
    string? scopeName, DateOnly today)
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public ResultRecord? Read(TabularRow row, List<RowError> errors)
    {
        string Value(ResultField field) => columns.Value(row, field);
        void Error(ResultField field, string message) => errors.Add(new RowError(columns.Heading(field), message));

        var record = new ResultRecord { Row = row.Number };
        ReadTakenOn(record, Value(ResultField.TakenOn), Error);
        ReadScores(record, row, errors);
        if (FindPerson(Value, Error) is { } personId) record.PersonId = personId;
        return errors.Count == 0 ? record : null;
    }

    private void ReadTakenOn(ResultRecord record, string text, Action<ResultField, string> error)
    {
        if (text.Length == 0)
        {
            error(ResultField.TakenOn, "Не указана дата диагностики.");
            return;
        }
        if (!ImportText.TryParseDate(text, out var date)) error(ResultField.TakenOn, ImportValues.DateError(text));
        else if (date > today) error(ResultField.TakenOn, $"Дата диагностики {Format.Date(date)} позже сегодняшней.");
        else if (date < Earliest) error(ResultField.TakenOn, $"Дата диагностики {Format.Date(date)} раньше 2000 года: проверьте год.");
        else record.TakenOn = date;
    }

    private void ReadScores(ResultRecord record, TabularRow row, List<RowError> errors)
    {
        var scores = new List<(Guid, int)>(areas.Columns.Count);
        var bad = false;
        foreach (var (column, heading, areaId) in areas.Columns)
        {
            var text = ImportText.Clean(row[column]);
            if (text.Length == 0) continue;
            if (TryParseScore(text, out var score)) scores.Add((areaId, score));
            else
            {
                errors.Add(new RowError(heading, $"Балл «{text}» должен быть целым числом от 0 до 100."));
                bad = true;
            }
        }
        if (scores.Count == 0 && !bad)
            errors.Add(new RowError(areas.Columns[0].Heading, "Нет ни одного балла: укажите балл от 0 до 100 хотя бы по одной компетенции."));
        record.Scores = [.. scores];
    }

    /// <summary>A whole number from 0 to 100; «85,0» and «85 %» are read as 85.</summary>
    internal static bool TryParseScore(string text, out int score)
    {
        score = 0;
        var number = text.TrimEnd('%').TrimEnd().Replace(',', '.');
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        if (value != decimal.Truncate(value) || value > 100) return false;
        score = (int)value;
        return true;
    }

    private Guid? FindPerson(Func<ResultField, string> value, Action<ResultField, string> error)
    {
        string? snils = null;
        if (value(ResultField.Snils) is { Length: > 0 } snilsText)
        {
            snils = Snils.Normalize(snilsText, out var snilsError);
            if (snilsError is not null)
            {
                error(ResultField.Snils, $"{snilsError}: «{snilsText}».");
                return null;
            }
            if (people.BySnils.TryGetValue(snils!, out var bySnils)) return InScope(bySnils, ResultField.Snils, $"со СНИЛС {snils}", error);
        }

        var (name, nameField) = Name(value);
        var birthText = value(ResultField.BirthDate);
        DateOnly birth = default;
        if (birthText.Length > 0 && !ImportText.TryParseDate(birthText, out birth))
        {
            error(ResultField.BirthDate, ImportValues.DateError(birthText));
            return null;
        }
        if (name.Length == 0 || birthText.Length == 0)
        {
            if (snils is not null) error(ResultField.Snils, $"Педагог со СНИЛС {snils} не найден в реестре. Укажите также ФИО и дату рождения, чтобы найти педагога по ним.");
            else error(nameField, "Не указан СНИЛС: укажите СНИЛС педагога или его фамилию, имя, отчество и дату рождения.");
            return null;
        }

        var who = $"{name}, {Format.Date(birth)} г. р.";
        var candidates = people.ByName.TryGetValue((SearchText.Normalize(name), birth), out var found)
            ? found.Where(p => p.Snils is null || snils is null || p.Snils == snils).Select(p => p.Id).ToList()
            : [];
        // Of namesakes born the same day, the only one in the importer's municipality is meant.
        if (candidates.Count > 1 && inScope is not null && candidates.Count(inScope.Contains) == 1) candidates = candidates.Where(inScope.Contains).ToList();
        switch (candidates.Count)
        {
            case 0:
                error(snils is null ? nameField : ResultField.Snils, snils is null
                    ? $"Педагог {who}, не найден в реестре. Проверьте ФИО и дату рождения или укажите СНИЛС."
                    : $"Педагог со СНИЛС {snils} не найден в реестре, как и педагог {who}.");
                return null;
            case 1:
                return InScope(candidates[0], nameField, who + ",", error);
            default:
                error(nameField, $"В реестре несколько педагогов {who}: укажите СНИЛС, чтобы выбрать нужного.");
                return null;
        }
    }

    private Guid? InScope(Guid personId, ResultField field, string who, Action<ResultField, string> error)
    {
        if (inScope is null || inScope.Contains(personId)) return personId;
        error(field, $"Педагог {who} не работает в организациях муниципалитета «{scopeName}»: вы можете загружать результаты только педагогов своего муниципалитета.");
        return null;
    }

    /// <summary>The ФИО from three columns or one, with the column to name in messages about it.</summary>
    private (string Name, ResultField Field) Name(Func<ResultField, string> value)
    {
        var last = value(ResultField.LastName);
        var first = value(ResultField.FirstName);
        if (last.Length == 0 && first.Length == 0 && value(ResultField.FullName) is { Length: > 0 } full) return (full, ResultField.FullName);
        var field = columns.Has(ResultField.LastName) || !columns.Has(ResultField.FullName) ? ResultField.LastName : ResultField.FullName;
        if (last.Length == 0 || first.Length == 0) return ("", field);
        var middle = value(ResultField.MiddleName);
        return (middle.Length == 0 ? $"{last} {first}" : $"{last} {first} {middle}", field);
    }
}
