using Metodist.Web.Features.Registry;

namespace Metodist.Web.Features.Demo;

/// <summary>The demo region in memory, ready to be saved: every entity has its id and foreign keys set, no navigation to another aggregate.</summary>
public sealed class DemoData
{
    public required Region Region { get; init; }
    public required IReadOnlyList<District> Districts { get; init; }
    public required IReadOnlyList<Municipality> Municipalities { get; init; }
    public required IReadOnlyList<Organization> Organizations { get; init; }
    public required IReadOnlyList<Person> Persons { get; init; }
    public required DemoCast Cast { get; init; }

    public int EmploymentCount => Persons.Sum(p => p.Employments.Count);
}

/// <summary>The places and people the demo accounts belong to (all in one mid-size municipality, so its pages tell one story).</summary>
public sealed record DemoCast(
    Municipality Municipality,
    Organization School,
    Person MunicipalMethodist,
    Person SchoolMethodist,
    Person AssociationLead,
    Person Tutor,
    Person Mentor,
    Person YoungTeacher);

/// <summary>
/// Builds the demo region from a fixed seed: the same teacher count and date give the same region.
/// Dates are relative to <c>today</c>, so that the share of young teachers and the attestations due
/// within months hold on the day the region is built.
/// </summary>
internal sealed class DemoGenerator
{
    public const int Seed = 20261122;

    /// <summary>The default region has about 9,000 teachers; a larger one gets proportionally more schools, kindergartens and centres.</summary>
    public const int BaseTeachers = 9000;

    /// <summary>Share of young teachers (under 35 and in the first three years of work); DOMAIN.md: over 20 % of teachers are under 35.</summary>
    public const double YoungShare = 0.225;

    /// <summary>Share of people who also work part-time in another organization of their municipality.</summary>
    public const double SecondJobShare = 0.05;

    private const string Teacher = "Учитель";
    private const string Educator = "Воспитатель";
    private const string AdditionalTeacher = "Педагог дополнительного образования";
    private const string Lecturer = "Преподаватель";
    private const string Methodist = "Методист";
    private const string Deputy = "Заместитель директора";
    private const string Director = "Директор";
    private const string Head = "Заведующий";

    private static readonly Dictionary<string, Guid> PositionIds = RegistryTitles.DefaultPositions.ToDictionary(p => p.Name, p => p.Id);
    private static readonly Dictionary<string, Guid> SubjectIds = RegistryTitles.DefaultSubjects.ToDictionary(s => s.Name, s => s.Id);

    /// <summary>What school teachers teach, with the share of each combination (primary school is the largest group, then Russian and mathematics).</summary>
    private static readonly (string[] Subjects, double Weight)[] SchoolProfiles =
    [
        (["Начальные классы"], 22), (["Начальные классы", "Основы религиозных культур и светской этики"], 4),
        (["Русский язык", "Литература"], 13), (["Русский язык"], 1),
        (["Математика"], 8), (["Математика", "Информатика"], 2), (["Математика", "Физика"], 1.5),
        (["Английский язык"], 8), (["Немецкий язык"], 1), (["Английский язык", "Немецкий язык"], 0.5),
        (["История", "Обществознание"], 6.5),
        (["Физика"], 2), (["Физика", "Информатика"], 1), (["Информатика"], 2),
        (["Химия"], 1.5), (["Химия", "Биология"], 1.5), (["Биология"], 2), (["Биология", "География"], 1), (["География"], 2),
        (["Физическая культура"], 6), (["Физическая культура", "ОБЗР"], 1), (["ОБЗР"], 0.8),
        (["Музыка"], 2), (["Изобразительное искусство"], 1.5), (["Музыка", "Изобразительное искусство"], 0.5),
        (["Труд (технология)"], 3), (["Труд (технология)", "Изобразительное искусство"], 0.5),
    ];

    /// <summary>General subjects a college lecturer may teach; the others teach professional disciplines outside the dictionary.</summary>
    private static readonly string[][] CollegeProfiles =
    [
        ["Русский язык", "Литература"], ["Математика"], ["Английский язык"], ["История", "Обществознание"], ["Физическая культура"],
        ["Информатика"], ["Физика"], ["Химия"], ["Биология"], ["ОБЗР"],
    ];

    /// <summary>Share of men by first subject: men teach physical education, ОБЗР and technology far more often than primary school.</summary>
    private static readonly Dictionary<string, double> MaleShareBySubject = new()
    {
        ["Начальные классы"] = 0.02, ["Русский язык"] = 0.03, ["Литература"] = 0.03, ["Математика"] = 0.12, ["Информатика"] = 0.4,
        ["Физика"] = 0.3, ["Химия"] = 0.08, ["Биология"] = 0.06, ["География"] = 0.12, ["История"] = 0.25, ["Обществознание"] = 0.25,
        ["Английский язык"] = 0.05, ["Немецкий язык"] = 0.05, ["Физическая культура"] = 0.5, ["ОБЗР"] = 0.85, ["Музыка"] = 0.15,
        ["Изобразительное искусство"] = 0.1, ["Труд (технология)"] = 0.5,
    };

    /// <summary>«учитель …» of each school subject: the genitive the names of posts and associations take.</summary>
    internal static readonly Dictionary<string, string> SubjectOfTeacher = new()
    {
        ["Русский язык"] = "русского языка", ["Литература"] = "литературы", ["Математика"] = "математики", ["Информатика"] = "информатики",
        ["Физика"] = "физики", ["Химия"] = "химии", ["Биология"] = "биологии", ["География"] = "географии", ["История"] = "истории",
        ["Обществознание"] = "обществознания", ["Английский язык"] = "английского языка", ["Немецкий язык"] = "немецкого языка",
        ["Физическая культура"] = "физической культуры", ["ОБЗР"] = "основ безопасности и защиты Родины", ["Музыка"] = "музыки",
        ["Изобразительное искусство"] = "изобразительного искусства", ["Труд (технология)"] = "технологии",
    };

    private static readonly Dictionary<string, string> NonPedagogicalQualification = new()
    {
        ["Математика"] = "математик", ["Информатика"] = "инженер-программист", ["Физика"] = "физик", ["Химия"] = "химик",
        ["Биология"] = "биолог", ["География"] = "географ", ["История"] = "историк", ["Обществознание"] = "юрист",
        ["Английский язык"] = "лингвист, переводчик", ["Немецкий язык"] = "лингвист, переводчик", ["Русский язык"] = "филолог",
        ["Литература"] = "филолог", ["Физическая культура"] = "специалист по физической культуре и спорту", ["ОБЗР"] = "инженер",
        ["Музыка"] = "артист оркестра, преподаватель", ["Изобразительное искусство"] = "художник-дизайнер", ["Труд (технология)"] = "инженер-технолог",
    };

    private static readonly string[] KindergartenNames =
    [
        "Солнышко", "Колокольчик", "Теремок", "Ромашка", "Берёзка", "Сказка", "Радуга", "Золотой ключик", "Рябинушка", "Светлячок",
        "Ёлочка", "Белочка", "Журавушка", "Семицветик", "Улыбка", "Дюймовочка", "Северяночка", "Снежинка", "Огонёк", "Ласточка",
        "Парус", "Звёздочка", "Незабудка", "Капелька", "Медвежонок", "Малыш", "Гнёздышко", "Аленький цветочек", "Лесовичок", "Родничок",
        "Умка", "Буратино", "Чебурашка", "Золушка", "Подснежник", "Василёк", "Калинка", "Кораблик", "Поморочка", "Морошка",
    ];

    private static readonly (string Name, string Abbreviation, string Latin, bool Sport)[] AdditionalEducation =
    [
        ("Дом детского творчества", "ДДТ", "ddt", false),
        ("Детско-юношеская спортивная школа", "ДЮСШ", "dyussh", true),
        ("Центр дополнительного образования детей", "ЦДОД", "tsdod", false),
        ("Станция юных техников", "СЮТ", "syut", false),
        ("Детско-юношеский центр", "ДЮЦ", "dyuts", false),
        ("Детский экологический центр", "ДЭЦ", "dets", false),
    ];

    private static readonly string[] MailDomains = ["yandex.ru", "mail.ru", "bk.ru", "inbox.ru", "list.ru", "rambler.ru", "gmail.com"];
    private static readonly double[] MailDomainWeights = [35, 35, 6, 5, 4, 5, 10];
    private static readonly int[] MobileCodes = [900, 902, 904, 908, 909, 911, 921, 931, 950, 951, 952, 953, 960, 964, 981, 991, 999];

    /// <summary>Ages of experienced staff, in five-year bands with their weights; the young are drawn separately.</summary>
    private static readonly (int From, int To, double Weight)[] ExperiencedAges =
    [
        (25, 29, 4), (30, 34, 9), (35, 39, 12), (40, 44, 14), (45, 49, 15), (50, 54, 14), (55, 59, 13), (60, 64, 11), (65, 68, 8),
    ];

    private static readonly double[] ExperiencedAgeWeights = ExperiencedAges.Select(a => a.Weight).ToArray();
    private static readonly double[] SchoolProfileWeights = SchoolProfiles.Select(p => p.Weight).ToArray();
    private static readonly double[][] FemaleNameWeights = EraWeights(DemoNames.FemaleNames);
    private static readonly double[][] MaleNameWeights = EraWeights(DemoNames.MaleNames);

    private static readonly double[] YoungAgeWeights = [10, 14, 14, 12, 10, 8, 7, 6, 5, 4, 4, 3, 3]; // ages 22..34

    private static readonly (QualificationCategory Category, double Weight)[] ExperiencedCategories =
    [
        (QualificationCategory.None, 8), (QualificationCategory.Conformity, 20), (QualificationCategory.First, 35),
        (QualificationCategory.Highest, 31), (QualificationCategory.TeacherMethodist, 3), (QualificationCategory.TeacherMentor, 3),
    ];

    private static readonly (QualificationCategory Category, double Weight)[] LeaderCategories =
    [
        (QualificationCategory.None, 25), (QualificationCategory.Conformity, 30), (QualificationCategory.First, 20), (QualificationCategory.Highest, 25),
    ];

    private static readonly double[] ExperiencedCategoryWeights = ExperiencedCategories.Select(c => c.Weight).ToArray();
    private static readonly double[] LeaderCategoryWeights = LeaderCategories.Select(c => c.Weight).ToArray();

    private readonly Random _rng = new(Seed);
    private readonly Random _ids = new(Seed + 1);
    private readonly int _teachers;
    private readonly DateOnly _today;
    private readonly double _scale;
    private readonly HashSet<string> _inns = [];
    private readonly HashSet<int> _snils = [];
    private readonly HashSet<string> _emails = [];
    private readonly double[] _surnameWeights;

    private DemoGenerator(int teachers, DateOnly today)
    {
        _teachers = teachers;
        _today = today;
        _scale = Math.Max(1.0, teachers / (double)BaseTeachers);
        // Surnames follow a long tail: the first of the list are met far more often than the last.
        _surnameWeights = DemoNames.Surnames.Select((_, i) => 1 / Math.Sqrt(i + 1)).ToArray();
    }

    /// <summary>The smallest region the generator builds: every organization gets at least a head and every demo account its person.</summary>
    public const int MinTeachers = 1000;

    public static DemoData Generate(int teachers, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(teachers, MinTeachers);
        return new DemoGenerator(teachers, today).Build();
    }

    private sealed class Plan(Organization organization, DemoMunicipality source, int municipalityIndex)
    {
        public Organization Organization { get; } = organization;
        public DemoMunicipality Source { get; } = source;
        public int MunicipalityIndex { get; } = municipalityIndex;
        public double Weight { get; set; }
        public int Staff { get; set; }
        public bool Fixed { get; set; }
        public bool Sport { get; set; }
        public bool Numbered { get; set; }
        public List<Person> People { get; } = [];
    }

    private readonly record struct Slot(string Position, string[] Subjects, double MaleShare, bool Leader, bool MayBeYoung, int MinAge = 25, int MaxAge = 68);

    private DemoData Build()
    {
        var region = new Region { Id = DemoIds.Region, Name = DemoGeography.RegionName, Code = DemoGeography.RegionCode };
        var districts = DemoGeography.Districts.Select(name => new District { Id = NewId(), RegionId = region.Id, Name = name }).ToList();
        var municipalities = DemoGeography.Municipalities
            .Select(m => new Municipality { Id = NewId(), RegionId = region.Id, DistrictId = districts[m.District].Id, Name = m.Name })
            .ToList();

        var plans = BuildOrganizations(municipalities);
        DistributeStaff(plans);
        var persons = BuildPeople(plans);
        AddSecondJobs(plans, persons);
        var cast = ChooseCast(plans, municipalities);
        return new DemoData
        {
            Region = region,
            Districts = districts,
            Municipalities = municipalities,
            Organizations = plans.Select(p => p.Organization).ToList(),
            Persons = persons,
            Cast = cast,
        };
    }

    // ---------------------------------------------------------------- organizations

    private int Scaled(int count) => Math.Max(count, (int)Math.Round(count * _scale));

    private List<Plan> BuildOrganizations(List<Municipality> municipalities)
    {
        var plans = new List<Plan>();
        for (var i = 0; i < DemoGeography.Municipalities.Length; i++)
        {
            var source = DemoGeography.Municipalities[i];
            var municipality = municipalities[i];
            if (i == 0) plans.Add(RegionalCentre(source, municipality));
            plans.Add(MunicipalService(source, municipality, i));
            AddSchools(plans, source, municipality, i);
            AddKindergartens(plans, source, municipality, i);
            for (var k = 0; k < Scaled(source.Additional); k++) plans.Add(AdditionalCentre(source, municipality, i, k));
            foreach (var college in source.Colleges) plans.Add(College(source, municipality, i, college));
        }
        foreach (var plan in plans) plan.Organization.RefreshSearchName();
        return plans;
    }

    private Organization NewOrganization(Municipality municipality, OrganizationKind kind, string fullName, string shortName) => new()
    {
        Id = NewId(), MunicipalityId = municipality.Id, Kind = kind, FullName = fullName, ShortName = shortName,
    };

    private Plan RegionalCentre(DemoMunicipality source, Municipality municipality)
    {
        var organization = NewOrganization(municipality, OrganizationKind.RegionalCentre,
            "Государственное автономное образовательное учреждение дополнительного профессионального образования «Архангельский областной институт открытого образования» "
            + "(Центр непрерывного повышения профессионального мастерства педагогических работников)",
            "ГАОУ ДПО «АО ИОО» (ЦНППМ)");
        organization.Address = "163069, Архангельская область, г. Архангельск, просп. Новгородский, д. 66";
        organization.Phone = OfficePhone(source.PhoneCode);
        organization.Email = "cnppm.aoioo@yandex.ru";
        organization.Inn = NewInn(source.InnPrefix);
        return new Plan(organization, source, 0) { Fixed = true, Staff = Math.Clamp(30 + _teachers / 3000, 30, 80) };
    }

    private Plan MunicipalService(DemoMunicipality source, Municipality municipality, int index)
    {
        var organization = source.IsCity
            ? NewOrganization(municipality, OrganizationKind.MunicipalService,
                "Муниципальное бюджетное учреждение «Информационно-методический центр»", $"МБУ «ИМЦ» {source.Centre.Of}")
            : NewOrganization(municipality, OrganizationKind.MunicipalService,
                $"Методический кабинет управления образования администрации {source.Genitive}", $"Методический кабинет УО {source.Genitive}");
        Contact(organization, source, source.Centre, (source.IsCity ? "imc-" : "metodkab-") + source.Centre.Latin + "@mail.ru");
        return new Plan(organization, source, index)
        {
            Fixed = true,
            Staff = Math.Max(source.ServiceStaff, (int)Math.Round(source.ServiceStaff * Math.Sqrt(_scale))),
        };
    }

    private void AddSchools(List<Plan> plans, DemoMunicipality source, Municipality municipality, int index)
    {
        var schools = Scaled(source.Schools);
        var places = source.Centre.IsTown ? source.Villages : [source.Centre, .. source.Villages];
        var rural = Math.Min(schools - Scaled(source.CentreSchools), places.Length);
        var numbered = schools - rural;

        foreach (var number in SchoolNumbers(source, numbered))
        {
            var (title, abbreviation) = source.Gymnasiums?.Contains(number) == true ? ($"Гимназия № {number}", $"Гимназия № {number}")
                : source.Lyceums?.Contains(number) == true ? ($"Лицей № {number}", $"Лицей № {number}")
                : ($"Средняя школа № {number}", $"СШ № {number}");
            var organization = NewOrganization(municipality, OrganizationKind.School,
                $"Муниципальное бюджетное общеобразовательное учреждение «{title}»", $"МБОУ {abbreviation} {source.Centre.Of}");
            Contact(organization, source, source.Centre, $"school{number}-{source.Centre.Latin}@yandex.ru");
            var special = !title.StartsWith("Средняя", StringComparison.Ordinal);
            var weight = source.IsLargeCity ? Between(special ? 60 : 50, special ? 85 : 90)
                : source.IsCity ? Between(35, 65)
                : Between(28, 50);
            plans.Add(new Plan(organization, source, index) { Weight = weight, Numbered = true });
        }

        for (var k = 0; k < rural; k++)
        {
            var place = places[k];
            // The school of a village district centre is the district's big school; villages have secondary or basic ones.
            var secondary = (!source.Centre.IsTown && k == 0) || _rng.NextDouble() < 0.7;
            var kind = secondary ? "средняя школа" : "основная школа";
            var organization = NewOrganization(municipality, OrganizationKind.School,
                $"Муниципальное бюджетное общеобразовательное учреждение «{place.Adjective} {kind}»",
                $"МБОУ «{place.Adjective} {(secondary ? "СШ" : "ОШ")}»");
            Contact(organization, source, place, $"{DemoNames.Transliterate(place.Adjective)}-school@yandex.ru");
            var weight = !source.Centre.IsTown && k == 0 ? Between(30, 50) : secondary ? Between(14, 30) : Between(7, 13);
            plans.Add(new Plan(organization, source, index) { Weight = weight });
        }
    }

    /// <summary>Distinct school numbers of a town, gymnasiums and lyceums first, the others scattered over the town's range as real numbering is.</summary>
    private List<int> SchoolNumbers(DemoMunicipality source, int count)
    {
        var special = (source.Gymnasiums ?? []).Concat(source.Lyceums ?? []).Take(count).ToList();
        var range = Math.Max(source.SchoolNumbers, (int)Math.Ceiling(count * 1.4) + 2);
        var numbers = new HashSet<int>(special);
        while (numbers.Count < count) numbers.Add(_rng.Next(1, range + 1));
        return [.. numbers.Order()];
    }

    private void AddKindergartens(List<Plan> plans, DemoMunicipality source, Municipality municipality, int index)
    {
        var count = Scaled(source.Kindergartens);
        var names = Shuffled(KindergartenNames);
        var inCentre = source.IsCity ? count : (count + 1) / 2;
        var range = Math.Max(source.KindergartenNumbers, (int)Math.Ceiling(inCentre * 1.6) + 2);
        var numbers = new HashSet<int>();
        if (source.Centre.IsTown)
        {
            while (numbers.Count < inCentre) numbers.Add(_rng.Next(1, range + 1));
        }
        var sortedNumbers = numbers.Order().ToList();
        for (var k = 0; k < count; k++)
        {
            var name = names[k % names.Length];
            var inTown = k < inCentre && source.Centre.IsTown;
            var place = k < inCentre || source.Villages.Length == 0 ? source.Centre : source.Villages[(k - inCentre) % source.Villages.Length];
            string title, shortName, email;
            if (inTown)
            {
                var number = sortedNumbers[k];
                title = $"Детский сад № {number} «{name}»";
                shortName = $"МБДОУ Детский сад № {number} «{name}» {place.Of}";
                email = $"ds{number}-{place.Latin}@mail.ru";
            }
            else
            {
                title = $"Детский сад «{name}»";
                shortName = $"МБДОУ Детский сад «{name}» {place.Name}";
                email = $"ds-{DemoNames.Transliterate(name)}-{place.Latin}@mail.ru";
            }
            var organization = NewOrganization(municipality, OrganizationKind.Kindergarten,
                $"Муниципальное бюджетное дошкольное образовательное учреждение «{title}»", shortName);
            Contact(organization, source, place, email);
            var weight = source.IsLargeCity ? Between(22, 38) : source.IsCity ? Between(16, 30) : inTown || place == source.Centre ? Between(12, 22) : Between(5, 12);
            plans.Add(new Plan(organization, source, index) { Weight = weight, Numbered = inTown });
        }
    }

    private Plan AdditionalCentre(DemoMunicipality source, Municipality municipality, int index, int k)
    {
        var (name, abbreviation, latin, sport) = AdditionalEducation[k % AdditionalEducation.Length];
        var round = k / AdditionalEducation.Length;
        // A large region repeats the kinds of centres and numbers the repeats.
        if (round > 0)
        {
            name += $" № {round + 1}";
            abbreviation += $" № {round + 1}";
            latin += round + 1;
        }
        var organization = NewOrganization(municipality, OrganizationKind.AdditionalEducation,
            $"Муниципальное бюджетное учреждение дополнительного образования «{name}»", $"МБУ ДО «{abbreviation}» {source.Centre.Of}");
        Contact(organization, source, source.Centre, $"{latin}-{source.Centre.Latin}@mail.ru");
        var weight = source.IsLargeCity ? Between(20, 40) : source.IsCity ? Between(12, 25) : Between(7, 15);
        return new Plan(organization, source, index) { Weight = weight, Sport = sport };
    }

    private Plan College(DemoMunicipality source, Municipality municipality, int index, (string FullName, string ShortName, string Latin) college)
    {
        var organization = NewOrganization(municipality, OrganizationKind.College, college.FullName, college.ShortName);
        Contact(organization, source, source.Centre, $"{college.Latin}29@mail.ru");
        return new Plan(organization, source, index) { Weight = Between(45, 90) };
    }

    private void Contact(Organization organization, DemoMunicipality source, DemoSettlement place, string email)
    {
        organization.Address = Address(source, place);
        organization.Phone = OfficePhone(source.PhoneCode);
        organization.Email = email;
        organization.Inn = NewInn(source.InnPrefix);
    }

    private string Address(DemoMunicipality source, DemoSettlement place)
    {
        var town = place.IsTown;
        var streets = source.Streets ?? (town ? DemoGeography.TownStreets : DemoGeography.VillageStreets);
        var street = streets[_rng.Next(streets.Length)];
        var house = town ? _rng.Next(1, 121) : _rng.Next(1, 41);
        var building = town && _rng.NextDouble() < 0.1 ? $", корп. {_rng.Next(1, 4)}" : "";
        var postcode = source.IsLargeCity
            ? (int.Parse(place.Postcode, System.Globalization.CultureInfo.InvariantCulture) + _rng.Next(0, source.Streets == DemoGeography.ArkhangelskStreets ? 72 : 25)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)
            : place.Postcode;
        var territory = source.IsCity ? "" : source.Name + ", ";
        return $"{postcode}, Архангельская область, {territory}{place.Name}, {street}, д. {house}{building}";
    }

    /// <summary>An office number: «8 (8182) 65-12-34» for a four-digit city code, «8 (81836) 6-12-34» for a five-digit district code.</summary>
    private string OfficePhone(string code) => code.Length == 4
        ? $"8 ({code}) {_rng.Next(20, 70):D2}-{_rng.Next(0, 100):D2}-{_rng.Next(0, 100):D2}"
        : $"8 ({code}) {_rng.Next(2, 7)}-{_rng.Next(0, 100):D2}-{_rng.Next(0, 100):D2}";

    /// <summary>A ten-digit ИНН of an organization: tax office code, serial number and the check digit (weights 2, 4, 10, 3, 5, 9, 4, 6, 8; mod 11, mod 10).</summary>
    private string NewInn(string prefix)
    {
        while (true)
        {
            var nine = prefix + _rng.Next(0, 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            var inn = nine + InnCheckDigit(nine);
            if (_inns.Add(inn)) return inn;
        }
    }

    internal static int InnCheckDigit(string nineDigits)
    {
        ReadOnlySpan<int> weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += weights[i] * (nineDigits[i] - '0');
        return sum % 11 % 10;
    }

    // ---------------------------------------------------------------- staff

    /// <summary>
    /// The regional centre and the municipal services have fixed staffs; the remaining teachers are shared
    /// among the other organizations in proportion to their size (largest remainder, at least one each).
    /// </summary>
    private void DistributeStaff(List<Plan> plans)
    {
        var variable = plans.Where(p => !p.Fixed).ToList();
        var remaining = _teachers - plans.Where(p => p.Fixed).Sum(p => p.Staff) - variable.Count;
        if (remaining < 0) throw new ArgumentOutOfRangeException(nameof(plans), "Слишком мало педагогов для демонстрационного региона.");
        var totalWeight = variable.Sum(p => p.Weight);
        var shares = variable.Select(p => remaining * p.Weight / totalWeight).ToArray();
        for (var i = 0; i < variable.Count; i++) variable[i].Staff = 1 + (int)Math.Floor(shares[i]);
        var left = _teachers - plans.Sum(p => p.Staff);
        foreach (var i in Enumerable.Range(0, variable.Count).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i).Take(left))
        {
            variable[i].Staff++;
        }
    }

    private List<Slot> SlotsFor(Plan plan)
    {
        var size = plan.Staff;
        var slots = new List<Slot>(size);
        void Add(int threshold, string position, double male, bool mayBeYoung = true)
        {
            if (size >= threshold && slots.Count < size) slots.Add(new Slot(position, [], male, Leader: false, mayBeYoung));
        }
        void Lead(string position, double male, int minAge, int maxAge)
        {
            if (slots.Count < size) slots.Add(new Slot(position, [], male, Leader: true, MayBeYoung: false, minAge, maxAge));
        }

        switch (plan.Organization.Kind)
        {
            case OrganizationKind.School:
                Lead(Director, 0.3, 38, 64);
                var deputies = size >= 12 ? Math.Clamp(size / 25, 1, 4) : size >= 5 ? 1 : 0;
                for (var d = 0; d < deputies; d++) Lead(Deputy, 0.15, 33, 63);
                Add(15, "Педагог-психолог", 0.05);
                Add(18, "Советник директора по воспитанию", 0.2);
                Add(20, "Социальный педагог", 0.05);
                Add(30, "Учитель-логопед", 0.01);
                Add(35, "Педагог-организатор", 0.15);
                Add(40, "Педагог-библиотекарь", 0.03, mayBeYoung: false);
                Add(50, "Преподаватель-организатор ОБЗР", 0.85);
                Add(70, "Учитель-дефектолог", 0.02);
                Add(80, "Тьютор", 0.1);
                while (slots.Count < size)
                {
                    var subjects = PickSchoolProfile();
                    slots.Add(new Slot(Teacher, subjects, MaleShareBySubject[subjects[0]], Leader: false, MayBeYoung: true));
                }
                break;
            case OrganizationKind.Kindergarten:
                Lead(Head, 0.01, 36, 63);
                Add(10, "Старший воспитатель", 0.01, mayBeYoung: false);
                Add(6, "Музыкальный руководитель", 0.05);
                Add(12, "Инструктор по физической культуре", 0.15);
                Add(14, "Учитель-логопед", 0.01);
                Add(20, "Педагог-психолог", 0.03);
                Add(25, "Музыкальный руководитель", 0.05);
                Add(30, "Учитель-дефектолог", 0.02);
                while (slots.Count < size) slots.Add(new Slot(Educator, ["Дошкольное образование"], 0.01, Leader: false, MayBeYoung: true));
                break;
            case OrganizationKind.AdditionalEducation:
                Lead(Director, plan.Sport ? 0.5 : 0.25, 38, 64);
                if (size >= 10) Lead(Deputy, 0.25, 33, 63);
                Add(12, Methodist, 0.15, mayBeYoung: false);
                Add(15, "Педагог-организатор", 0.2);
                while (slots.Count < size)
                {
                    slots.Add(new Slot(AdditionalTeacher, [plan.Sport ? "Физическая культура" : "Дополнительное образование"], plan.Sport ? 0.6 : 0.2,
                        Leader: false, MayBeYoung: true));
                }
                break;
            case OrganizationKind.College:
                Lead(Director, 0.5, 42, 65);
                Lead(Deputy, 0.3, 35, 63);
                if (size >= 20) Lead(Deputy, 0.3, 35, 63);
                Add(15, Methodist, 0.15, mayBeYoung: false);
                Add(25, "Педагог-психолог", 0.05);
                Add(30, "Социальный педагог", 0.05);
                Add(40, "Преподаватель-организатор ОБЗР", 0.85);
                while (slots.Count < size)
                {
                    var subjects = _rng.NextDouble() < 0.45 ? CollegeProfiles[_rng.Next(CollegeProfiles.Length)] : [];
                    slots.Add(new Slot(Lecturer, subjects, subjects.Length > 0 ? Math.Max(0.15, MaleShareBySubject[subjects[0]]) : 0.35,
                        Leader: false, MayBeYoung: true));
                }
                break;
            case OrganizationKind.MunicipalService:
                Lead(plan.Source.IsCity ? Director : Head, 0.15, 40, 64);
                while (slots.Count < size) slots.Add(MethodistSlot(0.12));
                break;
            case OrganizationKind.RegionalCentre:
                Lead(Director, 0.3, 45, 65);
                Lead(Deputy, 0.2, 38, 63);
                Lead(Deputy, 0.2, 38, 63);
                for (var t = 0; t < 3; t++) slots.Add(new Slot("Тьютор", [], 0.15, Leader: false, MayBeYoung: false, MinAge: 30));
                while (slots.Count < size) slots.Add(MethodistSlot(0.15));
                break;
            default:
                throw new InvalidOperationException($"Unexpected organization kind {plan.Organization.Kind}");
        }
        return slots;
    }

    /// <summary>Most methodists look after one subject; the others after a direction (preschool, young teachers, assessment).</summary>
    private Slot MethodistSlot(double male)
    {
        string[] subjects = _rng.NextDouble() switch
        {
            < 0.55 => [PickSchoolProfile()[0]],
            < 0.70 => ["Дошкольное образование"],
            < 0.78 => ["Дополнительное образование"],
            _ => [],
        };
        return new Slot(Methodist, subjects, male, Leader: false, MayBeYoung: false, MinAge: 30);
    }

    private List<Person> BuildPeople(List<Plan> plans)
    {
        var slots = plans.SelectMany(plan => SlotsFor(plan).Select(slot => (Plan: plan, Slot: slot))).ToList();
        var eligible = Enumerable.Range(0, slots.Count).Where(i => slots[i].Slot.MayBeYoung).ToArray();
        var youngCount = Math.Min(eligible.Length, (int)Math.Round(_teachers * YoungShare));
        var young = new bool[slots.Count];
        // A partial Fisher–Yates shuffle picks exactly the planned number of young teachers.
        for (var i = 0; i < youngCount; i++)
        {
            var j = _rng.Next(i, eligible.Length);
            (eligible[i], eligible[j]) = (eligible[j], eligible[i]);
            young[eligible[i]] = true;
        }

        var persons = new List<Person>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            var (plan, slot) = slots[i];
            var person = NewPerson(plan, slot, young[i]);
            plan.People.Add(person);
            persons.Add(person);
        }
        return persons;
    }

    private Person NewPerson(Plan plan, Slot slot, bool young)
    {
        var female = _rng.NextDouble() >= slot.MaleShare;
        var (birth, start) = young ? YoungDates() : ExperiencedDates(slot);
        var person = new Person
        {
            Id = NewId(),
            LastName = DemoNames.Surname(DemoNames.Surnames[PickIndex(_surnameWeights)], female),
            FirstName = PickName(female ? DemoNames.FemaleNames : DemoNames.MaleNames, birth.Year),
            MiddleName = DemoNames.Patronymic(PickName(DemoNames.MaleNames, birth.Year - _rng.Next(22, 36)), female),
            BirthDate = birth,
            PedagogicalWorkStart = start,
        };
        (person.EducationLevel, person.Education) = Education(slot, birth, start);
        AssignCategory(person, slot, young);
        Contacts(person);

        var employment = new Employment
        {
            Id = NewId(),
            PersonId = person.Id,
            OrganizationId = plan.Organization.Id,
            MunicipalityId = plan.Organization.MunicipalityId,
            PositionId = PositionIds[slot.Position],
            IsMain = true,
            StartDate = EmploymentStart(start, young, slot.Leader),
        };
        foreach (var subject in slot.Subjects) employment.Subjects.Add(new EmploymentSubject { EmploymentId = employment.Id, SubjectId = SubjectIds[subject] });
        person.Employments.Add(employment);
        person.RefreshSearchName();
        return person;
    }

    /// <summary>The most recent 1 September on or before today: the start of the current academic year.</summary>
    private DateOnly AcademicYearStart => _today >= new DateOnly(_today.Year, 9, 1) ? new DateOnly(_today.Year, 9, 1) : new DateOnly(_today.Year - 1, 9, 1);

    /// <summary>A young teacher: 22–34 years old, started on one of the last three 1 Septembers (or a little later in that autumn).</summary>
    private (DateOnly Birth, DateOnly Start) YoungDates()
    {
        var age = 22 + PickIndex(YoungAgeWeights);
        var birth = _today.AddYears(-age).AddDays(-_rng.Next(0, 365));
        var yearsAgo = PickIndex([40.0, 33.0, 27.0]);
        var start = AcademicYearStart.AddYears(-yearsAgo);
        if (_rng.NextDouble() < 0.2) start = start.AddDays(_rng.Next(1, 75));
        if (start > _today) start = AcademicYearStart;
        // Someone who is 22 today could not have started three years ago after college at 19.
        while (yearsAgo > 0 && TeacherRules.FullYearsBetween(birth, start) < 19)
        {
            yearsAgo--;
            start = AcademicYearStart.AddYears(-yearsAgo);
        }
        return (birth, start);
    }

    /// <summary>Experienced staff: an age from the bands (or the range of a leading post), work started after college or university, some later in life.</summary>
    private (DateOnly Birth, DateOnly Start) ExperiencedDates(Slot slot)
    {
        int age;
        if (slot.Leader) age = _rng.Next(slot.MinAge, slot.MaxAge + 1);
        else
        {
            var band = ExperiencedAges[PickIndex(ExperiencedAgeWeights)];
            age = Math.Clamp(_rng.Next(band.From, band.To + 1), slot.MinAge, slot.MaxAge);
        }
        var birth = _today.AddYears(-age).AddDays(-_rng.Next(0, 365));
        var startAge = _rng.NextDouble() < 0.12 && age >= 30
            ? _rng.Next(25, Math.Min(age - 3, 45) + 1)
            : 20 + PickIndex([8.0, 12, 30, 30, 12, 8]);
        if (age < TeacherRules.YoungTeacherMaxAge) startAge = Math.Min(startAge, age - 4);
        var year = birth.Year + startAge + (birth.Month >= 9 ? 1 : 0);
        var start = _rng.NextDouble() < 0.8 ? new DateOnly(year, 9, 1) : new DateOnly(year, 1, 10).AddDays(_rng.Next(0, 340));
        if (start > _today) start = AcademicYearStart;
        // Under 35 and in the first three years is the young teacher's status; experienced staff under 35 started earlier.
        var youngSince = TeacherRules.YoungStartedOnOrAfter(_today);
        if (TeacherRules.IsYoungTeacher(birth, start, _today)) start = youngSince.AddDays(-_rng.Next(1, 300));
        return (birth, start);
    }

    private DateOnly EmploymentStart(DateOnly workStart, bool young, bool leader)
    {
        if (young) return _rng.NextDouble() < 0.75 ? workStart : Max(workStart, AcademicYearStart.AddYears(-_rng.Next(0, 2)));
        if (leader) return Max(workStart, AcademicYearStart.AddYears(-_rng.Next(0, 16)));
        // Most people have been in their school for years; the fraction is skewed toward the beginning of the career.
        var span = _today.DayNumber - workStart.DayNumber;
        var date = DateOnly.FromDayNumber(workStart.DayNumber + (int)(span * Math.Pow(_rng.NextDouble(), 1.6)));
        if (_rng.NextDouble() < 0.7)
        {
            var september = new DateOnly(date.Year, 9, 1);
            if (september >= workStart && september <= _today) date = september;
        }
        return date;
    }

    private void AssignCategory(Person person, Slot slot, bool young)
    {
        var start = person.PedagogicalWorkStart!.Value;
        var experience = TeacherRules.FullYearsBetween(start, _today);
        var category = young
            ? experience >= 2 && _rng.NextDouble() < 0.15 ? QualificationCategory.First : QualificationCategory.None
            : Pick(slot.Leader ? LeaderCategories : ExperiencedCategories);
        if (category is QualificationCategory.TeacherMethodist or QualificationCategory.TeacherMentor && experience < 10) category = QualificationCategory.Highest;
        if (category == QualificationCategory.Highest && experience < 5) category = QualificationCategory.First;
        if (category == QualificationCategory.None)
        {
            person.AssignCategory(QualificationCategory.None, null);
            return;
        }
        // Granted at an attestation within the last five years (so it is still valid) and not in the first year of work.
        var earliest = Max(start.AddYears(1), _today.AddYears(-TeacherRules.CategoryValidityYears).AddDays(1));
        var latest = _today.AddDays(-14);
        if (earliest > latest)
        {
            person.AssignCategory(QualificationCategory.None, null);
            return;
        }
        person.AssignCategory(category, DateOnly.FromDayNumber(earliest.DayNumber + _rng.Next(0, latest.DayNumber - earliest.DayNumber + 1)));
    }

    private void Contacts(Person person)
    {
        if (_rng.NextDouble() < 0.90) person.Snils = NewSnils();
        if (_rng.NextDouble() < 0.93)
        {
            person.Phone = $"+7 {MobileCodes[_rng.Next(MobileCodes.Length)]} {_rng.Next(100, 1000)}-{_rng.Next(0, 100):D2}-{_rng.Next(0, 100):D2}";
        }
        if (_rng.NextDouble() < 0.88) person.Email = NewEmail(person);
    }

    private string NewSnils()
    {
        // Above 001-001-998: numbers issued before checksums existed are not used, so every value proves the checksum.
        while (true)
        {
            var number = _rng.Next(2_000_000, 999_999_999);
            if (_snils.Add(number)) return Snils.FromNumber(number);
        }
    }

    private string NewEmail(Person person)
    {
        var last = DemoNames.Transliterate(person.LastName);
        var first = DemoNames.Transliterate(person.FirstName);
        var initials = first[..1] + DemoNames.Transliterate(person.MiddleName ?? "")[..1];
        var year = person.BirthDate.Year;
        var local = _rng.Next(5) switch
        {
            0 => $"{last}.{initials}",
            1 => $"{first}.{last}",
            2 => $"{last}{year % 100:D2}",
            3 => $"{last}_{first[..1]}{year}",
            _ => $"{initials}{last}",
        };
        var domain = MailDomains[PickIndex(MailDomainWeights)];
        var email = $"{local}@{domain}";
        for (var n = 1; !_emails.Add(email); n++) email = $"{local}{n}@{domain}";
        return email;
    }

    // ---------------------------------------------------------------- education

    private (EducationLevel, string) Education(Slot slot, DateOnly birth, DateOnly start)
    {
        var startAge = TeacherRules.FullYearsBetween(birth, start);
        var preschool = slot.Position is Educator or "Старший воспитатель" or "Музыкальный руководитель" or "Инструктор по физической культуре" or Head;
        double[] weights = slot.Leader || slot.Position is Methodist or "Тьютор"
            ? [20, 80, 0, 0, 0]
            : preschool ? [8, 40, 5, 45, 2]
            : slot.Position == AdditionalTeacher ? [25, 40, 12, 20, 3]
            : slot.Position == Lecturer ? [50, 35, 8, 5, 2]
            : [17, 70, 2, 10, 1];
        // Someone who started work before 21 came from a college, not a university.
        if (startAge < 21 && !slot.Leader) weights = [0, 0, 15, 85, 0];
        var level = (EducationLevel)PickIndex(weights);
        var qualification = PedagogicalQualification(slot);
        var university = Math.Min(_today.Year, Math.Max(birth.Year + 22, Math.Min(start.Year, birth.Year + 23 + _rng.Next(0, 2))));
        var college = Math.Min(_today.Year, Math.Max(birth.Year + 19, Math.Min(start.Year, birth.Year + 20)));
        switch (level)
        {
            case EducationLevel.HigherPedagogical:
                return (level, $"{PedagogicalUniversity(university)}, {university}, квалификация «{qualification}»");
            case EducationLevel.Higher:
                var subject = slot.Subjects.FirstOrDefault(NonPedagogicalQualification.ContainsKey);
                var profession = subject is null ? _rng.NextDouble() < 0.5 ? "экономист" : "психолог" : NonPedagogicalQualification[subject];
                var text = $"{University(university)}, {university}, квалификация «{profession}»";
                return (level, text + Retraining(university));
            case EducationLevel.SecondaryVocationalPedagogical:
                var collegeQualification = preschool ? "воспитатель детей дошкольного возраста"
                    : slot.Subjects.Contains("Начальные классы") ? "учитель начальных классов"
                    : slot.Subjects.Contains("Физическая культура") ? "учитель физической культуры"
                    : slot.Subjects.Contains("Музыка") ? "учитель музыки"
                    : slot.Position == AdditionalTeacher ? "педагог дополнительного образования"
                    : "учитель начальных классов";
                return (level, $"{PedagogicalCollege(college)}, {college}, квалификация «{collegeQualification}»");
            case EducationLevel.SecondaryVocational:
                var art = slot.Subjects.Any(s => s is "Музыка" or "Изобразительное искусство" or "Дополнительное образование");
                var name = art ? "Архангельский колледж культуры" : college < 2000 ? "Архангельский строительный техникум" : "Архангельский техникум строительства и экономики";
                return (level, $"{name}, {college}" + Retraining(college));
            default:
                var year = Math.Min(_today.Year, Math.Max(start.Year, birth.Year + 25));
                return (level, $"Профессиональная переподготовка «Педагогика и психология», ГАОУ ДПО «Архангельский областной институт открытого образования», {year}");
        }
    }

    private string Retraining(int graduated) => _rng.NextDouble() < 0.6
        ? $"; профессиональная переподготовка «Педагогическое образование», {Math.Min(_today.Year, graduated + _rng.Next(1, 8))}"
        : "";

    private string PedagogicalQualification(Slot slot)
    {
        switch (slot.Position)
        {
            case Educator or "Старший воспитатель" or Head:
                return "воспитатель детей дошкольного возраста";
            case "Музыкальный руководитель":
                return "учитель музыки";
            case "Инструктор по физической культуре":
                return "педагог по физической культуре";
            case "Педагог-психолог" or "Социальный педагог" or "Учитель-логопед" or "Учитель-дефектолог" or "Педагог-организатор" or "Педагог-библиотекарь":
                return slot.Position.ToLowerInvariant();
            case "Советник директора по воспитанию":
                return "педагог-организатор";
            case "Преподаватель-организатор ОБЗР":
                return "учитель основ безопасности жизнедеятельности";
            case AdditionalTeacher:
                return slot.Subjects.Contains("Физическая культура") ? "педагог по физической культуре и спорту" : "педагог дополнительного образования";
        }
        // Teachers, lecturers, methodists and heads were trained as teachers of their subjects.
        var subjects = slot.Subjects.Where(SubjectOfTeacher.ContainsKey).ToList();
        if (slot.Subjects.Contains("Начальные классы")) return "учитель начальных классов";
        if (subjects.Count == 0) subjects = PickSchoolProfile().Where(SubjectOfTeacher.ContainsKey).ToList();
        if (subjects.Contains("Английский язык") && subjects.Contains("Немецкий язык")) return "учитель английского и немецкого языков";
        return subjects.Count == 0 ? "учитель начальных классов" : "учитель " + string.Join(" и ", subjects.Select(s => SubjectOfTeacher[s]));
    }

    /// <summary>The universities that trained the region's teachers, under the name each had in the year of graduation.</summary>
    private string PedagogicalUniversity(int year) => _rng.NextDouble() switch
    {
        < 0.70 => year < 1992 ? "Архангельский государственный педагогический институт имени М. В. Ломоносова"
            : year < 2012 ? "Поморский государственный университет имени М. В. Ломоносова"
            : "Северный (Арктический) федеральный университет имени М. В. Ломоносова",
        < 0.85 => year < 1995 ? "Вологодский государственный педагогический институт"
            : year < 2014 ? "Вологодский государственный педагогический университет"
            : "Вологодский государственный университет",
        < 0.95 => year < 1991 ? "Ленинградский государственный педагогический институт имени А. И. Герцена"
            : "Российский государственный педагогический университет имени А. И. Герцена",
        _ => "Сыктывкарский государственный университет",
    };

    private string University(int year) => _rng.NextDouble() switch
    {
        < 0.6 => year < 1994 ? "Архангельский лесотехнический институт"
            : year < 2011 ? "Архангельский государственный технический университет"
            : "Северный (Арктический) федеральный университет имени М. В. Ломоносова",
        < 0.8 => year < 1992 ? "Ленинградский государственный университет" : "Санкт-Петербургский государственный университет",
        _ => year < 1992 ? "Архангельский государственный педагогический институт имени М. В. Ломоносова"
            : year < 2012 ? "Поморский государственный университет имени М. В. Ломоносова"
            : "Северный (Арктический) федеральный университет имени М. В. Ломоносова",
    };

    private string PedagogicalCollege(int year) => _rng.NextDouble() switch
    {
        < 0.5 => year < 1992 ? "Архангельское педагогическое училище" : "Архангельский педагогический колледж",
        < 0.8 => year < 1995 ? "Котласское педагогическое училище" : "Котласский педагогический колледж",
        _ => year < 1995 ? "Каргопольское педагогическое училище" : "Каргопольский педагогический колледж",
    };

    // ---------------------------------------------------------------- second jobs and the cast

    /// <summary>About one in twenty also works part-time in another organization of the same municipality.</summary>
    private void AddSecondJobs(List<Plan> plans, List<Person> persons)
    {
        var byMunicipality = plans
            .Where(p => p.Organization.Kind is OrganizationKind.School or OrganizationKind.AdditionalEducation or OrganizationKind.College)
            .GroupBy(p => p.Organization.MunicipalityId)
            .ToDictionary(g => g.Key, g => g.ToList());
        var teacherId = PositionIds[Teacher];
        var lecturerId = PositionIds[Lecturer];
        var candidates = persons.Where(p => p.Employments[0].PositionId == teacherId || p.Employments[0].PositionId == lecturerId
                || p.Employments[0].PositionId == PositionIds[AdditionalTeacher] || p.Employments[0].PositionId == PositionIds["Педагог-психолог"])
            .ToArray();
        var wanted = (int)Math.Round(_teachers * SecondJobShare);
        var added = 0;
        for (var i = 0; i < candidates.Length && added < wanted; i++)
        {
            var j = _rng.Next(i, candidates.Length);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
            var person = candidates[i];
            var main = person.Employments[0];
            if (!byMunicipality.TryGetValue(main.MunicipalityId, out var places)) continue;
            var target = places[_rng.Next(places.Count)].Organization;
            if (target.Id == main.OrganizationId) target = places[_rng.Next(places.Count)].Organization;
            if (target.Id == main.OrganizationId) continue;
            var subjects = main.Subjects.Select(s => s.SubjectId).ToList();
            Guid position;
            switch (target.Kind)
            {
                case OrganizationKind.AdditionalEducation:
                    position = PositionIds[AdditionalTeacher];
                    subjects = [SubjectIds[subjects.Contains(SubjectIds["Физическая культура"]) ? "Физическая культура" : "Дополнительное образование"]];
                    break;
                case OrganizationKind.College when main.PositionId == teacherId:
                    position = lecturerId;
                    break;
                case OrganizationKind.School when main.PositionId != PositionIds[AdditionalTeacher] && (main.PositionId != lecturerId || subjects.Count > 0):
                    position = main.PositionId == lecturerId ? teacherId : main.PositionId;
                    break;
                default:
                    continue;
            }
            var second = new Employment
            {
                Id = NewId(), PersonId = person.Id, OrganizationId = target.Id, MunicipalityId = target.MunicipalityId, PositionId = position,
                IsMain = false, StartDate = Max(person.PedagogicalWorkStart!.Value, AcademicYearStart.AddYears(-_rng.Next(0, 5))),
            };
            foreach (var subject in subjects) second.Subjects.Add(new EmploymentSubject { EmploymentId = second.Id, SubjectId = subject });
            person.Employments.Add(second);
            added++;
        }
    }

    /// <summary>
    /// The people behind the demo accounts, all in Северодвинск: a methodist of its ММС, a deputy head, a young
    /// teacher of that school with an experienced colleague as mentor, a regional methodist and a leader of the
    /// mathematics association from other schools. When a small region lacks someone, a colleague is adjusted to fit.
    /// </summary>
    private DemoCast ChooseCast(List<Plan> plans, List<Municipality> municipalities)
    {
        const int castMunicipality = 1;
        var municipality = municipalities[castMunicipality];
        var service = plans.Single(p => p.MunicipalityIndex == castMunicipality && p.Organization.Kind == OrganizationKind.MunicipalService);
        var schools = plans.Where(p => p.MunicipalityIndex == castMunicipality && p.Organization.Kind == OrganizationKind.School)
            .OrderByDescending(p => p.Numbered && p.Organization.ShortName.StartsWith("МБОУ СШ", StringComparison.Ordinal))
            .ThenByDescending(p => p.Staff)
            .ToList();
        var school = schools[0];
        var others = schools.Skip(1).SelectMany(p => p.People).ToList();
        var taken = new HashSet<Guid>();
        var teacherId = PositionIds[Teacher];
        bool IsTeacher(Person p) => p.Employments[0].PositionId == teacherId && !taken.Contains(p.Id);
        int Experience(Person p) => TeacherRules.FullYearsBetween(p.PedagogicalWorkStart!.Value, _today);
        Person Take(Person p)
        {
            taken.Add(p.Id);
            return p;
        }

        var methodist = Take(service.People.FirstOrDefault(p => p.Employments[0].PositionId == PositionIds[Methodist]) ?? service.People[0]);
        var deputy = Take(school.People.FirstOrDefault(p => p.Employments[0].PositionId == PositionIds[Deputy]) ?? school.People[0]);

        // A young teacher in the second or third year, so that the account has a history: last year's diagnostic, a route under way.
        var young = school.People.FirstOrDefault(p => IsTeacher(p) && TeacherRules.IsYoungTeacher(p.BirthDate, p.PedagogicalWorkStart, _today)
                && p.PedagogicalWorkStart <= AcademicYearStart.AddYears(-1))
            ?? MakeYoung(school.People.First(IsTeacher));
        Take(young);
        var youngSubjects = young.Employments[0].Subjects.Select(s => s.SubjectId).ToHashSet();
        bool Experienced(Person p) => Experience(p) >= 5 && p.Category is not QualificationCategory.None and not QualificationCategory.Conformity;
        var mentor = school.People.FirstOrDefault(p => IsTeacher(p) && Experienced(p) && p.Employments[0].Subjects.Any(s => youngSubjects.Contains(s.SubjectId)))
            ?? school.People.FirstOrDefault(p => IsTeacher(p) && Experienced(p))
            ?? MakeExperienced(school.People.First(IsTeacher), QualificationCategory.Highest);
        Take(mentor);

        var tutor = others.FirstOrDefault(p => IsTeacher(p) && TeacherRules.IsEligibleForAsset(p.Category, p.PedagogicalWorkStart, _today))
            ?? MakeExperienced(others.First(IsTeacher), QualificationCategory.Highest);
        Take(tutor);

        var mathematics = SubjectIds["Математика"];
        bool TeachesMathematics(Person p) => IsTeacher(p) && p.Employments[0].Subjects.Any(s => s.SubjectId == mathematics);
        var lead = others.FirstOrDefault(p => TeachesMathematics(p) && Experienced(p));
        if (lead is null)
        {
            var mathTeacher = others.FirstOrDefault(TeachesMathematics);
            lead = mathTeacher is not null
                ? MakeExperienced(mathTeacher, QualificationCategory.Highest)
                : MakeMathematician(MakeExperienced(others.First(IsTeacher), QualificationCategory.Highest), mathematics);
        }
        Take(lead);

        return new DemoCast(municipality, school.Organization, methodist, deputy, lead, tutor, mentor, young);
    }

    private Person MakeYoung(Person person)
    {
        person.BirthDate = _today.AddYears(-24).AddDays(-100);
        person.PedagogicalWorkStart = AcademicYearStart.AddYears(-1);
        person.Employments[0].StartDate = person.PedagogicalWorkStart;
        person.AssignCategory(QualificationCategory.None, null);
        return person;
    }

    private Person MakeExperienced(Person person, QualificationCategory category)
    {
        if (TeacherRules.Age(person.BirthDate, _today) < 40) person.BirthDate = _today.AddYears(-44).AddDays(-200);
        person.PedagogicalWorkStart = new DateOnly(person.BirthDate.Year + 23, 9, 1);
        person.Employments[0].StartDate = person.PedagogicalWorkStart.Value.AddYears(5);
        person.AssignCategory(category, _today.AddYears(-2).AddDays(-40));
        return person;
    }

    private static Person MakeMathematician(Person person, Guid mathematics)
    {
        var employment = person.Employments[0];
        employment.Subjects.Clear();
        employment.Subjects.Add(new EmploymentSubject { EmploymentId = employment.Id, SubjectId = mathematics });
        return person;
    }

    // ---------------------------------------------------------------- randomness

    /// <summary>Ids come from their own seeded stream, so the same region gets the same ids and the data does not depend on how many ids were drawn.</summary>
    private Guid NewId() => _ids.NextGuid();

    private int Between(int min, int max) => _rng.Next(min, max + 1);

    private int PickIndex(double[] weights) => _rng.PickIndex(weights);

    private QualificationCategory Pick((QualificationCategory Category, double Weight)[] options) =>
        options[PickIndex(ReferenceEquals(options, LeaderCategories) ? LeaderCategoryWeights : ExperiencedCategoryWeights)].Category;

    private string[] PickSchoolProfile() => SchoolProfiles[PickIndex(SchoolProfileWeights)].Subjects;

    private static double[][] EraWeights(DemoFirstName[] names) =>
        [.. new[] { 1960, 1980, 2000 }.Select(year => names.Select(n => (double)n.WeightFor(year)).ToArray())];

    private string PickName(DemoFirstName[] names, int birthYear)
    {
        var era = birthYear < 1970 ? 0 : birthYear < 1990 ? 1 : 2;
        var weights = ReferenceEquals(names, DemoNames.FemaleNames) ? FemaleNameWeights[era] : MaleNameWeights[era];
        return names[PickIndex(weights)].Name;
    }

    private T[] Shuffled<T>(T[] items)
    {
        var copy = items.ToArray();
        _rng.Shuffle(copy);
        return copy;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
