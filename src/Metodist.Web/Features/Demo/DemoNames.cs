using System.Text;

namespace Metodist.Web.Features.Demo;

/// <summary>A first name with its popularity among people born before 1970, in 1970–1989 and from 1990 on.</summary>
internal sealed record DemoFirstName(string Name, int Before1970, int From1970, int From1990)
{
    public int WeightFor(int birthYear) => birthYear < 1970 ? Before1970 : birthYear < 1990 ? From1970 : From1990;
}

/// <summary>
/// Russian names for the demo region: surnames common in the Russian North, first names weighted by the
/// decade of birth (a teacher born in 1962 is a Галина more often than a Полина), patronymics derived
/// from the father's name by the rules of Russian grammar.
/// </summary>
internal static class DemoNames
{
    /// <summary>Male surnames, most frequent first; the female form follows from <see cref="Surname"/>.</summary>
    public static readonly string[] Surnames =
    [
        "Попов", "Кузнецов", "Смирнов", "Иванов", "Шестаков", "Хабаров", "Некрасов", "Мальцев", "Чупров", "Пономарёв",
        "Соколов", "Першин", "Кокорин", "Коптяев", "Томилов", "Бурков", "Лодыгин", "Федотов", "Ершов", "Шангин",
        "Худяков", "Воронин", "Рябов", "Корельский", "Заозерский", "Поздеев", "Мосеев", "Третьяков", "Лобанов", "Двинянинов",
        "Ружников", "Тарасов", "Зыков", "Гладких", "Белых", "Седых", "Сидоров", "Кудрявцев", "Тюкин", "Ширшов",
        "Анциферов", "Вешняков", "Вторушин", "Гагарин", "Дьячков", "Едемский", "Зуев", "Истомин", "Калинин", "Карпов",
        "Клепиков", "Коновалов", "Копылов", "Коряковский", "Котов", "Крылов", "Лебедев", "Макаров", "Малыгин", "Меньшиков",
        "Мехреньгин", "Митрофанов", "Морозов", "Мошников", "Нечаев", "Никитин", "Новиков", "Окулов", "Павлов", "Пахомов",
        "Петров", "Плотников", "Поляков", "Порошин", "Пушкарёв", "Распопов", "Рогачёв", "Рочев", "Рудаков", "Рыжков",
        "Савин", "Семёнов", "Серебренников", "Соловьёв", "Старцев", "Степанов", "Суханов", "Титов", "Тропников", "Уваров",
        "Фёдоров", "Филиппов", "Фомин", "Хромов", "Чащин", "Чебыкин", "Черепанов", "Шабанов", "Шарапов", "Шишкин",
        "Щукин", "Юдин", "Якушев", "Бобрецов", "Вальков", "Ваганов", "Глебов", "Горбунов", "Дементьев", "Ермолин",
        "Жданов", "Жуков", "Завьялов", "Игнатьев", "Кашин", "Кольцов", "Лыткин", "Марков", "Носов", "Овчинников",
        "Орлов", "Паршин", "Рахманов", "Шевченко", "Ковальчук", "Мизгирёв", "Пластинин", "Тряпицын", "Ушаков", "Цывкунов",
    ];

    public static readonly DemoFirstName[] FemaleNames =
    [
        new("Татьяна", 10, 8, 2), new("Елена", 9, 10, 3), new("Ольга", 9, 8, 2), new("Наталья", 9, 9, 2), new("Ирина", 8, 8, 2),
        new("Светлана", 8, 6, 1), new("Галина", 7, 1, 0), new("Людмила", 7, 2, 0), new("Надежда", 6, 3, 1), new("Любовь", 6, 3, 1),
        new("Валентина", 6, 1, 0), new("Нина", 5, 1, 0), new("Марина", 5, 6, 2), new("Лариса", 5, 3, 0), new("Тамара", 4, 0, 0),
        new("Вера", 4, 2, 1), new("Лидия", 3, 1, 0), new("Зинаида", 2, 0, 0), new("Антонина", 3, 0, 0), new("Евгения", 2, 4, 3),
        new("Юлия", 1, 7, 6), new("Анна", 2, 6, 10), new("Мария", 1, 3, 10), new("Екатерина", 1, 6, 9), new("Анастасия", 0, 3, 12),
        new("Дарья", 0, 2, 9), new("Ксения", 0, 3, 7), new("Алёна", 0, 3, 5), new("Виктория", 0, 3, 7), new("Кристина", 0, 2, 6),
        new("Полина", 0, 1, 7), new("Александра", 1, 2, 6), new("Елизавета", 0, 0, 6), new("Алина", 0, 1, 6), new("Софья", 0, 0, 3),
        new("Валерия", 0, 1, 5), new("Оксана", 1, 6, 1), new("Яна", 0, 2, 4), new("Маргарита", 2, 2, 3), new("Вероника", 0, 2, 4),
        new("Римма", 2, 0, 0), new("Жанна", 1, 2, 0), new("Инна", 2, 2, 0), new("Диана", 0, 1, 4), new("Олеся", 0, 3, 2),
    ];

    public static readonly DemoFirstName[] MaleNames =
    [
        new("Александр", 8, 9, 9), new("Сергей", 9, 10, 3), new("Андрей", 6, 9, 4), new("Алексей", 5, 9, 6), new("Дмитрий", 3, 8, 8),
        new("Владимир", 9, 5, 2), new("Николай", 8, 3, 2), new("Михаил", 5, 4, 7), new("Евгений", 5, 6, 4), new("Игорь", 4, 5, 1),
        new("Юрий", 7, 3, 0), new("Виктор", 7, 2, 1), new("Олег", 4, 5, 1), new("Павел", 3, 5, 5), new("Иван", 3, 2, 8),
        new("Максим", 0, 3, 9), new("Роман", 1, 5, 5), new("Денис", 0, 5, 5), new("Артём", 0, 1, 8), new("Никита", 0, 1, 8),
        new("Кирилл", 0, 1, 6), new("Илья", 0, 2, 7), new("Антон", 1, 5, 4), new("Константин", 3, 4, 3), new("Василий", 5, 1, 1),
        new("Анатолий", 6, 1, 0), new("Валерий", 5, 1, 0), new("Геннадий", 5, 1, 0), new("Борис", 4, 1, 0), new("Пётр", 4, 1, 1),
        new("Григорий", 2, 1, 1), new("Леонид", 3, 1, 0), new("Станислав", 2, 3, 2), new("Вячеслав", 4, 4, 1), new("Владислав", 0, 3, 5),
        new("Егор", 0, 1, 6), new("Даниил", 0, 0, 6), new("Матвей", 0, 0, 3), new("Тимофей", 0, 0, 3), new("Ярослав", 0, 1, 3),
        new("Георгий", 2, 1, 2), new("Фёдор", 2, 0, 2), new("Степан", 1, 0, 2), new("Вадим", 2, 4, 1), new("Аркадий", 2, 0, 0),
        new("Валентин", 3, 1, 0), new("Эдуард", 2, 2, 0), new("Руслан", 0, 3, 2), new("Виталий", 3, 4, 1),
    ];

    /// <summary>Names whose patronymic does not follow the general rule.</summary>
    private static readonly Dictionary<string, (string Male, string Female)> IrregularPatronymics = new()
    {
        ["Илья"] = ("Ильич", "Ильинична"),
        ["Никита"] = ("Никитич", "Никитична"),
        ["Павел"] = ("Павлович", "Павловна"),
        ["Пётр"] = ("Петрович", "Петровна"),
        ["Михаил"] = ("Михайлович", "Михайловна"),
        ["Лев"] = ("Львович", "Львовна"),
        ["Дмитрий"] = ("Дмитриевич", "Дмитриевна"),
        ["Георгий"] = ("Георгиевич", "Георгиевна"),
    };

    /// <summary>The surname in the form for the given sex: Попов → Попова, Корельский → Корельская, Белых and Шевченко do not change.</summary>
    public static string Surname(string male, bool female)
    {
        if (!female) return male;
        if (male.EndsWith("ий", StringComparison.Ordinal)) return male[..^2] + "ая";
        if (male.EndsWith("ой", StringComparison.Ordinal)) return male[..^2] + "ая";
        return male.EndsWith("ов", StringComparison.Ordinal) || male.EndsWith("ев", StringComparison.Ordinal) || male.EndsWith("ёв", StringComparison.Ordinal)
            || male.EndsWith("ин", StringComparison.Ordinal) || male.EndsWith("ын", StringComparison.Ordinal)
            ? male + "а"
            : male;
    }

    /// <summary>Сергей → Сергеевич/Сергеевна, Юрий → Юрьевич, Игорь → Игоревич, Иван → Иванович; the exceptions are listed.</summary>
    public static string Patronymic(string fatherName, bool female)
    {
        if (IrregularPatronymics.TryGetValue(fatherName, out var irregular)) return female ? irregular.Female : irregular.Male;
        string stem;
        if (fatherName.EndsWith("ий", StringComparison.Ordinal)) stem = fatherName[..^2] + "ьев";
        else if (fatherName.EndsWith('й') || fatherName.EndsWith('ь')) stem = fatherName[..^1] + "ев";
        else stem = fatherName + "ов";
        return stem + (female ? "на" : "ич");
    }

    private static readonly Dictionary<char, string> Latin = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch",
        ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    /// <summary>Lower-case Latin spelling for e-mail addresses (Шестакова → shestakova); other characters are dropped.</summary>
    public static string Transliterate(string text)
    {
        var result = new StringBuilder(text.Length + 4);
        foreach (var c in text.ToLowerInvariant())
        {
            if (Latin.TryGetValue(c, out var latin)) result.Append(latin);
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9') result.Append(c);
        }
        return result.ToString();
    }
}
