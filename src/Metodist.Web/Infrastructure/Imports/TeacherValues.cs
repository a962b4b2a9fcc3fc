using Metodist.Web.Features.Registry;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>How the teacher import reads categories, education and the kind of employment from the words people use.</summary>
public static class TeacherValues
{
    private static readonly Dictionary<string, QualificationCategory> Categories = Keyed(new (string, QualificationCategory)[]
    {
        ("высшая", QualificationCategory.Highest), ("высшая категория", QualificationCategory.Highest),
        ("высшая квалификационная категория", QualificationCategory.Highest), ("ВКК", QualificationCategory.Highest),
        ("первая", QualificationCategory.First), ("первая категория", QualificationCategory.First),
        ("первая квалификационная категория", QualificationCategory.First), ("1", QualificationCategory.First),
        ("1 категория", QualificationCategory.First), ("I", QualificationCategory.First), ("I категория", QualificationCategory.First),
        ("ПКК", QualificationCategory.First),
        ("соответствие", QualificationCategory.Conformity), ("соответствие занимаемой должности", QualificationCategory.Conformity),
        ("СЗД", QualificationCategory.Conformity), ("соответствует занимаемой должности", QualificationCategory.Conformity),
        ("без категории", QualificationCategory.None), ("нет", QualificationCategory.None), ("не имеет", QualificationCategory.None),
        ("б/к", QualificationCategory.None), ("отсутствует", QualificationCategory.None), ("без", QualificationCategory.None),
        ("педагог-методист", QualificationCategory.TeacherMethodist), ("педагог-наставник", QualificationCategory.TeacherMentor),
    }.Concat(RegistryTitles.Categories.Select(c => (c.Value, c.Key))));

    private static readonly Dictionary<string, bool> MainWords = Keyed(new (string, bool)[]
    {
        ("основное", true), ("основная", true), ("основной", true), ("основное место работы", true), ("основная работа", true),
        ("штатный", true), ("штатный работник", true),
        ("совместитель", false), ("совместительство", false), ("по совместительству", false), ("внешнее совместительство", false),
        ("внутреннее совместительство", false), ("внешний совместитель", false), ("внутренний совместитель", false),
    });

    private static Dictionary<string, T> Keyed<T>(IEnumerable<(string Word, T Value)> pairs)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (word, value) in pairs) result.TryAdd(ImportText.Key(word), value);
        return result;
    }

    public static string AllowedCategories => "высшая, первая, соответствие занимаемой должности, без категории, педагог-методист, педагог-наставник";

    public static QualificationCategory? ParseCategory(string value) =>
        Categories.TryGetValue(ImportText.Key(value), out var category) ? category : null;

    /// <summary>
    /// Reads «Образование»: the level when the text names one («Высшее педагогическое», «СПО»), and the
    /// text itself to keep when it says more than the level (the institution, the qualification).
    /// </summary>
    public static (EducationLevel? Level, string? Text) ParseEducation(string value)
    {
        var key = ImportText.Key(value);
        foreach (var (level, title) in RegistryTitles.Education)
        {
            if (key == ImportText.Key(title)) return (level, null);
        }
        EducationLevel? found = null;
        if (key.StartsWith("высшеепедагогическое", StringComparison.Ordinal)) found = EducationLevel.HigherPedagogical;
        else if (key.StartsWith("высшее", StringComparison.Ordinal) || key == "впо") found = EducationLevel.Higher;
        else if (key.StartsWith("среднеепрофессиональноепедагогическое", StringComparison.Ordinal)) found = EducationLevel.SecondaryVocationalPedagogical;
        else if (key.StartsWith("среднеепрофессиональное", StringComparison.Ordinal) || key.StartsWith("среднееспециальное", StringComparison.Ordinal) || key == "спо")
            found = EducationLevel.SecondaryVocational;
        else if (key is "иное" or "другое") found = EducationLevel.Other;
        return key is "спо" or "впо" or "иное" or "другое" ? (found, null) : (found, value);
    }

    /// <summary>Reads whether the place of work is the main one: да/нет, «основное», «совместительство»…</summary>
    public static bool? ParseIsMain(string value)
    {
        if (MainWords.TryGetValue(ImportText.Key(value), out var main)) return main;
        return ImportText.ParseYesNo(value);
    }

    /// <summary>Reads a «Совместительство» column: «да» means it is not the main place of work.</summary>
    public static bool? ParsePartTimeAsMain(string value)
    {
        if (MainWords.TryGetValue(ImportText.Key(value), out var main)) return main;
        return ImportText.ParseYesNo(value) is { } partTime ? !partTime : null;
    }

    /// <summary>
    /// The start of pedagogical work for «стаж N лет» counted today: 1 September of the school year that
    /// makes exactly N full years today.
    /// </summary>
    public static DateOnly WorkStartFromYears(int years, DateOnly today)
    {
        var start = new DateOnly(today.Year - years, 9, 1);
        return TeacherRules.FullYearsBetween(start, today) < years || start > today ? start.AddYears(-1) : start;
    }
}
