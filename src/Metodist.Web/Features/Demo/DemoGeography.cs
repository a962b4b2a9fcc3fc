namespace Metodist.Web.Features.Demo;

/// <summary>
/// A settlement: its name as written in an address, the same name after «МБОУ СШ № 1 …» (г. Вельска),
/// the adjective that names its school (Вельская средняя школа), postal code and a Latin tag for e-mails.
/// </summary>
internal sealed record DemoSettlement(string Name, string Of, string Adjective, string Postcode, string Latin)
{
    public bool IsTown => Name.StartsWith("г. ", StringComparison.Ordinal);
}

/// <summary>
/// A municipality of the demo region with the number of organizations of each kind at the default size
/// (about 9,000 teachers). Towns number their schools and kindergartens; a district has numbered schools
/// only in its town centre and names the others after their villages.
/// </summary>
internal sealed record DemoMunicipality(
    string Name,
    string Genitive,
    int District,
    DemoSettlement Centre,
    string PhoneCode,
    string InnPrefix,
    int Schools,
    int CentreSchools,
    int Kindergartens,
    int Additional,
    int ServiceStaff,
    DemoSettlement[] Villages,
    (string FullName, string ShortName, string Latin)[] Colleges,
    int[]? Gymnasiums = null,
    int[]? Lyceums = null,
    string[]? Streets = null,
    int SchoolNumbers = 0,
    int KindergartenNumbers = 0)
{
    /// <summary>A city district (городской округ): every school is numbered and there are no villages.</summary>
    public bool IsCity => Villages.Length == 0;

    /// <summary>Архангельск and Северодвинск: the big schools and kindergartens.</summary>
    public bool IsLargeCity => Genitive is "города Архангельска" or "города Северодвинска";
}

/// <summary>Архангельская область: five intermunicipal districts and 25 of its municipalities (facts of geography; the numbers of organizations are the demo's own).</summary>
internal static class DemoGeography
{
    public const string RegionName = "Архангельская область";
    public const string RegionCode = "29";

    public static readonly string[] Districts =
    [
        "Архангельский межмуниципальный округ",
        "Северодвинский межмуниципальный округ",
        "Котласский межмуниципальный округ",
        "Вельский межмуниципальный округ",
        "Няндомский межмуниципальный округ",
    ];

    private static DemoSettlement S(string name, string of, string adjective, string postcode, string latin) => new(name, of, adjective, postcode, latin);

    private static DemoSettlement V(string name, string adjective, string postcode) =>
        new(name, name, adjective, postcode, DemoNames.Transliterate(name[(name.IndexOf(' ') + 1)..]));

    private static (string, string, string) College(string name, string abbreviation, string latin, bool autonomous = true) =>
        (autonomous
            ? $"Государственное автономное профессиональное образовательное учреждение Архангельской области «{name}»"
            : $"Государственное бюджетное профессиональное образовательное учреждение Архангельской области «{name}»",
         $"{(autonomous ? "ГАПОУ" : "ГБПОУ")} АО «{abbreviation}»", latin);

    public static readonly string[] ArkhangelskStreets =
    [
        "просп. Троицкий", "просп. Ломоносова", "просп. Обводный канал", "просп. Советских Космонавтов", "просп. Московский",
        "просп. Новгородский", "ул. Воскресенская", "ул. Садовая", "ул. Гагарина", "ул. Тимме", "ул. Логинова",
        "ул. Карла Либкнехта", "ул. Урицкого", "ул. Суворова", "ул. Выучейского", "ул. Воронина", "ул. Галушина",
        "ул. Северодвинская", "ул. Комсомольская", "ул. Полины Осипенко", "ул. Партизанская",
        "наб. Северной Двины", "ул. Кедрова", "ул. Никитова", "ул. Дачная", "ул. Победы", "ул. Кировская",
    ];

    public static readonly string[] SeverodvinskStreets =
    [
        "просп. Ленина", "ул. Карла Маркса", "просп. Морской", "ул. Ломоносова", "ул. Лебедева", "просп. Победы", "ул. Южная",
        "ул. Северная", "ул. Советская", "ул. Полярная", "ул. Первомайская", "б-р Строителей", "ул. Торцева", "ул. Октябрьская",
        "просп. Труда", "ул. Капитана Воронина", "ул. Гагарина", "ул. Мира",
    ];

    public static readonly string[] TownStreets =
    [
        "ул. Советская", "ул. Ленина", "ул. Октябрьская", "ул. Первомайская", "ул. Школьная", "ул. Молодёжная", "ул. Садовая",
        "ул. Лесная", "ул. Северная", "ул. Гагарина", "ул. Пионерская", "ул. Комсомольская", "ул. Заводская", "ул. Набережная",
        "ул. Мира", "ул. Новая", "ул. Центральная", "ул. Победы", "ул. Строителей", "ул. Железнодорожная",
    ];

    public static readonly string[] VillageStreets =
    [
        "ул. Школьная", "ул. Центральная", "ул. Советская", "ул. Набережная", "ул. Молодёжная", "ул. Лесная", "ул. Новая",
    ];

    public static readonly DemoMunicipality[] Municipalities =
    [
        new("Архангельск", "города Архангельска", 0, S("г. Архангельск", "г. Архангельска", "Архангельская", "163000", "arh"), "8182", "2901",
            Schools: 34, CentreSchools: 34, Kindergartens: 32, Additional: 5, ServiceStaff: 12, Villages: [],
            Colleges:
            [
                College("Архангельский педагогический колледж", "АПК", "apk"),
                College("Архангельский техникум строительства и экономики", "АТСЭ", "atse"),
                College("Архангельский торгово-экономический колледж", "АТЭК", "atek"),
                College("Архангельский политехнический техникум", "АПТ", "apt", autonomous: false),
            ],
            Gymnasiums: [3, 6, 21, 24, 25], Lyceums: [1], Streets: ArkhangelskStreets, SchoolNumbers: 95, KindergartenNumbers: 190),
        new("Северодвинск", "города Северодвинска", 1, S("г. Северодвинск", "г. Северодвинска", "Северодвинская", "164500", "severodvinsk"), "8184", "2902",
            Schools: 18, CentreSchools: 18, Kindergartens: 15, Additional: 3, ServiceStaff: 8, Villages: [],
            Colleges:
            [
                College("Северодвинский техникум судостроения и технического обслуживания", "СТСиТО", "ststo"),
                College("Северодвинский техникум социальной инфраструктуры", "СТСИ", "stsi"),
            ],
            Gymnasiums: [14], Lyceums: [17], Streets: SeverodvinskStreets, SchoolNumbers: 36, KindergartenNumbers: 95),
        new("Новодвинск", "города Новодвинска", 1, S("г. Новодвинск", "г. Новодвинска", "Новодвинская", "164900", "novodvinsk"), "81852", "2903",
            Schools: 5, CentreSchools: 5, Kindergartens: 5, Additional: 1, ServiceStaff: 5, Villages: [],
            Colleges: [College("Новодвинский индустриальный техникум", "НИТ", "nit")]),
        new("Котлас", "города Котласа", 2, S("г. Котлас", "г. Котласа", "Котласская", "165300", "kotlas"), "81837", "2904",
            Schools: 7, CentreSchools: 7, Kindergartens: 6, Additional: 2, ServiceStaff: 6, Villages: [],
            Colleges:
            [
                College("Котласский педагогический колледж", "КПК", "kpk"),
                College("Котласский электромеханический техникум", "КЭМТ", "kemt"),
            ],
            Gymnasiums: [3]),
        new("Коряжма", "города Коряжмы", 2, S("г. Коряжма", "г. Коряжмы", "Коряжемская", "165650", "koryazhma"), "81850", "2905",
            Schools: 4, CentreSchools: 4, Kindergartens: 4, Additional: 1, ServiceStaff: 4, Villages: [],
            Colleges: [College("Коряжемский индустриальный техникум", "КИТ", "kit")]),
        new("Мирный", "города Мирного", 4, S("г. Мирный", "г. Мирного", "Мирнинская", "164170", "mirny"), "81834", "2925",
            Schools: 3, CentreSchools: 3, Kindergartens: 3, Additional: 1, ServiceStaff: 3, Villages: [], Colleges: []),
        new("Вельский район", "Вельского района", 3, S("г. Вельск", "г. Вельска", "Вельская", "165150", "velsk"), "81836", "2907",
            Schools: 9, CentreSchools: 4, Kindergartens: 4, Additional: 2, ServiceStaff: 4,
            Villages:
            [
                V("пос. Кулой", "Кулойская", "165130"), V("пос. Аргуновский", "Аргуновская", "165143"), V("пос. Солгинский", "Солгинская", "165127"),
                V("с. Пакшеньга", "Пакшеньгская", "165136"), V("с. Благовещенское", "Благовещенская", "165110"), V("д. Усть-Шоноша", "Усть-Шоношская", "165122"),
            ],
            Colleges: [College("Вельский индустриально-экономический колледж", "ВИЭК", "viek")]),
        new("Устьянский район", "Устьянского района", 3, V("пос. Октябрьский", "Октябрьская", "165210"), "81855", "2922",
            Schools: 8, CentreSchools: 0, Kindergartens: 3, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("с. Шангалы", "Шангальская", "165230"), V("пос. Малодоры", "Малодорская", "165224"), V("пос. Кизема", "Киземская", "165250"),
                V("пос. Илеза", "Илезская", "165235"), V("с. Строевское", "Строевская", "165226"), V("пос. Лойга", "Лойгинская", "165256"),
                V("д. Бестужево", "Бестужевская", "165216"), V("с. Ростовское", "Ростовская", "165212"),
            ],
            Colleges: []),
        new("Шенкурский район", "Шенкурского района", 3, S("г. Шенкурск", "г. Шенкурска", "Шенкурская", "165160", "shenkursk"), "81851", "2924",
            Schools: 4, CentreSchools: 1, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("с. Ровдино", "Ровдинская", "165174"), V("с. Шеговары", "Шеговарская", "165171"), V("с. Тарня", "Тарнянская", "165177"),
                V("с. Усть-Паденьга", "Усть-Паденьгская", "165165"),
            ],
            Colleges: []),
        new("Виноградовский район", "Виноградовского района", 3, V("пос. Березник", "Березниковская", "164570"), "81831", "2914",
            Schools: 5, CentreSchools: 0, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("пос. Рочегда", "Рочегодская", "164582"), V("д. Осиново", "Осиновская", "164575"), V("пос. Конецгорье", "Конецгорская", "164586"),
                V("с. Сельцо", "Сельцовская", "164578"), V("пос. Важский", "Важская", "164573"),
            ],
            Colleges: []),
        new("Котласский район", "Котласского района", 2, V("пос. Приводино", "Приводинская", "165358"), "81837", "2904",
            Schools: 5, CentreSchools: 0, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("г. Сольвычегодск", "Сольвычегодская", "165330"), V("пос. Шипицыно", "Шипицынская", "165390"), V("пос. Удимский", "Удимская", "165380"),
                V("с. Савватия", "Савватиевская", "165345"), V("пос. Черёмушский", "Черёмушская", "165346"),
            ],
            Colleges: []),
        new("Красноборский район", "Красноборского района", 2, V("с. Красноборск", "Красноборская", "165430"), "81840", "2909",
            Schools: 5, CentreSchools: 0, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("с. Черевково", "Черевковская", "165410"), V("с. Пермогорье", "Пермогорская", "165421"), V("с. Белая Слуда", "Белослудская", "165427"),
                V("д. Куликово", "Куликовская", "165435"), V("с. Алексеевское", "Алексеевская", "165442"),
            ],
            Colleges: []),
        new("Верхнетоемский район", "Верхнетоемского района", 2, V("с. Верхняя Тойма", "Верхнетоемская", "165500"), "81854", "2910",
            Schools: 5, CentreSchools: 0, Kindergartens: 1, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("пос. Двинской", "Двинская", "165531"), V("с. Сефтра", "Сефтренская", "165515"), V("пос. Зеленник", "Зеленниковская", "165542"),
                V("с. Федьково", "Федьковская", "165520"), V("пос. Авнюгский", "Авнюгская", "165537"),
            ],
            Colleges: []),
        new("Вилегодский район", "Вилегодского района", 2, V("с. Ильинско-Подомское", "Ильинская", "165680"), "81843", "2911",
            Schools: 4, CentreSchools: 0, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("с. Никольск", "Никольская", "165690"), V("д. Павловск", "Павловская", "165686"), V("с. Вилегодск", "Вилегодская", "165671"),
                V("пос. Фоминский", "Фоминская", "165694"),
            ],
            Colleges: []),
        new("Ленский район", "Ленского района", 2, V("с. Яренск", "Яренская", "165780"), "81859", "2915",
            Schools: 4, CentreSchools: 0, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("пос. Урдома", "Урдомская", "165770"), V("пос. Сойга", "Сойгинская", "165776"), V("пос. Литвино", "Литвиновская", "165773"),
                V("д. Козьмино", "Козьминская", "165785"),
            ],
            Colleges: []),
        new("Няндомский район", "Няндомского района", 4, S("г. Няндома", "г. Няндомы", "Няндомская", "164200", "nyandoma"), "81838", "2918",
            Schools: 5, CentreSchools: 3, Kindergartens: 3, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("пос. Шалакуша", "Шалакушская", "164221"), V("с. Мошинское", "Мошинская", "164230"), V("д. Лепша", "Лепшинская", "164214"),
            ],
            Colleges: [College("Няндомский железнодорожный колледж", "НЖК", "nzhk")]),
        new("Каргопольский район", "Каргопольского района", 4, S("г. Каргополь", "г. Каргополя", "Каргопольская", "164110", "kargopol"), "81841", "2913",
            Schools: 4, CentreSchools: 2, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("с. Ухта", "Ухтинская", "164131"), V("д. Ошевенск", "Ошевенская", "164125"), V("с. Печниково", "Печниковская", "164137"),
            ],
            Colleges: []),
        new("Коношский район", "Коношского района", 4, V("пос. Коноша", "Коношская", "164010"), "81858", "2912",
            Schools: 5, CentreSchools: 0, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("пос. Ерцево", "Ерцевская", "164020"), V("пос. Подюга", "Подюжская", "164040"), V("пос. Волошка", "Волошская", "164050"),
                V("д. Климовская", "Климовская", "164032"),
            ],
            Colleges: []),
        new("Плесецкий район", "Плесецкого района", 4, V("пос. Плесецк", "Плесецкая", "164262"), "81832", "2920",
            Schools: 8, CentreSchools: 0, Kindergartens: 4, Additional: 1, ServiceStaff: 4,
            Villages:
            [
                V("пос. Савинский", "Савинская", "164288"), V("пос. Североонежск", "Североонежская", "164268"), V("пос. Обозерский", "Обозерская", "164254"),
                V("пос. Самодед", "Самодедская", "164270"), V("пос. Ярнема", "Ярнемская", "164276"), V("пос. Оксовский", "Оксовская", "164284"),
                V("с. Конёво", "Конёвская", "164250"),
            ],
            Colleges: []),
        new("Пинежский район", "Пинежского района", 0, V("с. Карпогоры", "Карпогорская", "164600"), "81856", "2919",
            Schools: 6, CentreSchools: 0, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("пос. Пинега", "Пинежская", "164610"), V("с. Сура", "Сурская", "164620"), V("пос. Ясный", "Ясненская", "164613"),
                V("пос. Междуреченский", "Междуреченская", "164638"), V("с. Шилега", "Шилегская", "164624"), V("д. Веркола", "Веркольская", "164644"),
            ],
            Colleges: []),
        new("Лешуконский район", "Лешуконского района", 0, V("с. Лешуконское", "Лешуконская", "164670"), "81833", "2916",
            Schools: 3, CentreSchools: 0, Kindergartens: 1, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("с. Койнас", "Койнасская", "164685"), V("с. Ценогора", "Ценогорская", "164676"), V("д. Олема", "Олемская", "164682"),
            ],
            Colleges: []),
        new("Мезенский район", "Мезенского района", 0, S("г. Мезень", "г. Мезени", "Мезенская", "164750", "mezen"), "81848", "2917",
            Schools: 4, CentreSchools: 1, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("с. Каменка", "Каменская", "164760"), V("с. Дорогорское", "Дорогорская", "164765"), V("с. Лампожня", "Лампожнская", "164753"),
                V("с. Долгощелье", "Долгощельская", "164770"),
            ],
            Colleges: []),
        new("Приморский район", "Приморского района", 1, V("пос. Уемский", "Уемская", "163502"), "8182", "2921",
            Schools: 7, CentreSchools: 0, Kindergartens: 3, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("пос. Катунино", "Катунинская", "163508"), V("с. Лявля", "Лявленская", "163522"), V("д. Васьково", "Васьковская", "163530"),
                V("пос. Талаги", "Талажская", "163540"), V("с. Заостровье", "Заостровская", "163512"), V("д. Рикасиха", "Рикасихинская", "163511"),
                V("с. Лопшеньга", "Лопшеньгская", "163550"),
            ],
            Colleges: []),
        new("Холмогорский район", "Холмогорского района", 1, V("с. Холмогоры", "Холмогорская", "164530"), "81830", "2923",
            Schools: 5, CentreSchools: 0, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("с. Емецк", "Емецкая", "164541"), V("пос. Луковецкий", "Луковецкая", "164545"), V("с. Ломоносово", "Ломоносовская", "164536"),
                V("с. Матигоры", "Матигорская", "164531"), V("пос. Белогорский", "Белогорская", "164534"),
            ],
            Colleges: []),
        new("Онежский район", "Онежского района", 1, S("г. Онега", "г. Онеги", "Онежская", "164840", "onega"), "81839", "2906",
            Schools: 4, CentreSchools: 2, Kindergartens: 2, Additional: 1, ServiceStaff: 3,
            Villages:
            [
                V("пос. Малошуйка", "Малошуйская", "164870"), V("с. Порог", "Порожская", "164856"), V("с. Чекуево", "Чекуевская", "164863"),
            ],
            Colleges: []),
    ];
}
