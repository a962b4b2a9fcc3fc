namespace Metodist.Web.Features.Registry;

public static class RegistryTitles
{
    public static readonly IReadOnlyDictionary<QualificationCategory, string> Categories = new Dictionary<QualificationCategory, string>
    {
        [QualificationCategory.None] = "Без категории",
        [QualificationCategory.Conformity] = "Соответствие занимаемой должности",
        [QualificationCategory.First] = "Первая",
        [QualificationCategory.Highest] = "Высшая",
        [QualificationCategory.TeacherMethodist] = "Педагог-методист",
        [QualificationCategory.TeacherMentor] = "Педагог-наставник",
    };

    public static readonly IReadOnlyDictionary<EducationLevel, string> Education = new Dictionary<EducationLevel, string>
    {
        [EducationLevel.Higher] = "Высшее",
        [EducationLevel.HigherPedagogical] = "Высшее педагогическое",
        [EducationLevel.SecondaryVocational] = "Среднее профессиональное",
        [EducationLevel.SecondaryVocationalPedagogical] = "Среднее профессиональное педагогическое",
        [EducationLevel.Other] = "Иное",
    };

    public static string Title(this QualificationCategory category) => Categories[category];

    public static string Title(this EducationLevel level) => Education[level];

    /// <summary>The positions dictionary as the migration seeds it; ids are fixed so both databases agree.</summary>
    public static readonly IReadOnlyList<(Guid Id, string Name)> DefaultPositions =
    [
        (new Guid("0b6f0001-0000-4000-8000-000000000001"), "Учитель"),
        (new Guid("0b6f0001-0000-4000-8000-000000000002"), "Воспитатель"),
        (new Guid("0b6f0001-0000-4000-8000-000000000003"), "Педагог дополнительного образования"),
        (new Guid("0b6f0001-0000-4000-8000-000000000004"), "Педагог-психолог"),
        (new Guid("0b6f0001-0000-4000-8000-000000000005"), "Учитель-логопед"),
        (new Guid("0b6f0001-0000-4000-8000-000000000006"), "Учитель-дефектолог"),
        (new Guid("0b6f0001-0000-4000-8000-000000000007"), "Социальный педагог"),
        (new Guid("0b6f0001-0000-4000-8000-000000000008"), "Педагог-организатор"),
        (new Guid("0b6f0001-0000-4000-8000-000000000009"), "Педагог-библиотекарь"),
        (new Guid("0b6f0001-0000-4000-8000-00000000000a"), "Музыкальный руководитель"),
        (new Guid("0b6f0001-0000-4000-8000-00000000000b"), "Инструктор по физической культуре"),
        (new Guid("0b6f0001-0000-4000-8000-00000000000c"), "Преподаватель"),
        (new Guid("0b6f0001-0000-4000-8000-00000000000d"), "Преподаватель-организатор ОБЗР"),
        (new Guid("0b6f0001-0000-4000-8000-00000000000e"), "Советник директора по воспитанию"),
        (new Guid("0b6f0001-0000-4000-8000-00000000000f"), "Тьютор"),
        (new Guid("0b6f0001-0000-4000-8000-000000000010"), "Старший воспитатель"),
        (new Guid("0b6f0001-0000-4000-8000-000000000011"), "Методист"),
        (new Guid("0b6f0001-0000-4000-8000-000000000012"), "Заместитель директора"),
        (new Guid("0b6f0001-0000-4000-8000-000000000013"), "Заведующий"),
        (new Guid("0b6f0001-0000-4000-8000-000000000014"), "Директор"),
    ];

    public static readonly IReadOnlyList<(Guid Id, string Name)> DefaultSubjects =
    [
        (new Guid("5b1e0001-0000-4000-8000-000000000001"), "Русский язык"),
        (new Guid("5b1e0001-0000-4000-8000-000000000002"), "Литература"),
        (new Guid("5b1e0001-0000-4000-8000-000000000003"), "Математика"),
        (new Guid("5b1e0001-0000-4000-8000-000000000004"), "Информатика"),
        (new Guid("5b1e0001-0000-4000-8000-000000000005"), "Физика"),
        (new Guid("5b1e0001-0000-4000-8000-000000000006"), "Химия"),
        (new Guid("5b1e0001-0000-4000-8000-000000000007"), "Биология"),
        (new Guid("5b1e0001-0000-4000-8000-000000000008"), "География"),
        (new Guid("5b1e0001-0000-4000-8000-000000000009"), "История"),
        (new Guid("5b1e0001-0000-4000-8000-00000000000a"), "Обществознание"),
        (new Guid("5b1e0001-0000-4000-8000-00000000000b"), "Английский язык"),
        (new Guid("5b1e0001-0000-4000-8000-00000000000c"), "Немецкий язык"),
        (new Guid("5b1e0001-0000-4000-8000-00000000000d"), "Физическая культура"),
        (new Guid("5b1e0001-0000-4000-8000-00000000000e"), "ОБЗР"),
        (new Guid("5b1e0001-0000-4000-8000-00000000000f"), "Музыка"),
        (new Guid("5b1e0001-0000-4000-8000-000000000010"), "Изобразительное искусство"),
        (new Guid("5b1e0001-0000-4000-8000-000000000011"), "Труд (технология)"),
        (new Guid("5b1e0001-0000-4000-8000-000000000012"), "Начальные классы"),
        (new Guid("5b1e0001-0000-4000-8000-000000000013"), "Дошкольное образование"),
        (new Guid("5b1e0001-0000-4000-8000-000000000014"), "Дополнительное образование"),
        (new Guid("5b1e0001-0000-4000-8000-000000000015"), "Основы религиозных культур и светской этики"),
    ];
}
