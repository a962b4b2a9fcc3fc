using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Metodist.Tests.Imports.ImportFiles;

namespace Metodist.Tests.Imports;

public sealed class TeacherImportTests
{
    private const string North = "МБОУ СШ № 1 (Северск)";
    private const string South = "МБОУ СШ № 2 (Южноград)";

    private static readonly string SnilsA = Snils.FromNumber(123456701);
    private static readonly string SnilsB = Snils.FromNumber(123456702);
    private static readonly string SnilsC = Snils.FromNumber(123456703);

    private static string[] Row(string last, string first, string middle, string birth, string snils, string municipality, string organization,
        string position = "Учитель", string subjects = "Математика", string category = "Первая", string categoryDate = "20.04.2023",
        string workStart = "01.09.2008", string email = "") =>
        [last, first, middle, birth, snils, municipality, organization, position, subjects, category, categoryDate, workStart, email];

    private static byte[] CleanFile(char separator = ';') => Csv(TeacherHeadings,
    [
        Row("Иванова", "Мария", "Сергеевна", "14.03.1985", SnilsA, "Северск", North, subjects: "Математика, Информатика", category: "Высшая",
            email: "ivanova@example.ru"),
        Row("Петров", "Олег", "Иванович", "2.7.1990", SnilsB, "Южноград", South, position: "Учитель", subjects: "Физика", category: "соответствие занимаемой должности",
            categoryDate: "", workStart: "2015-09-01"),
        Row("Сидорова", "Анна", "", "05.11.1999", "", "", North, position: "Педагог-психолог", subjects: "", category: "без категории", categoryDate: "",
            workStart: "01.09.2022"),
    ], separator);

    private static async Task<List<Person>> PersonsAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Persons.AsNoTracking()
            .Include(p => p.Employments).ThenInclude(e => e.Subjects).ThenInclude(s => s.Subject)
            .Include(p => p.Employments).ThenInclude(e => e.Position)
            .AsSplitQuery()
            .OrderBy(p => p.LastName).ToListAsync();
    }

    [Fact]
    public async Task ACleanCsvFileImportsEveryRowWithPlacesOfWorkSubjectsAndCategories()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);

        var job = await ImportTesting.ImportAsync(client, "teachers", CleanFile(','), "педагоги.csv");

        job.Status.Should().Be("succeeded", job.Message);
        job.Total.Should().Be(3);
        job.Imported.Should().Be(3);
        job.Created.Should().Be(3);
        job.Updated.Should().Be(0);
        job.BadRows.Should().Be(0);
        job.Errors.Should().BeEmpty();

        var persons = await PersonsAsync(app);
        persons.Select(p => p.FullName).Should().Equal("Иванова Мария Сергеевна", "Петров Олег Иванович", "Сидорова Анна");
        var ivanova = persons[0];
        ivanova.BirthDate.Should().Be(new DateOnly(1985, 3, 14));
        ivanova.Snils.Should().Be(SnilsA);
        ivanova.Email.Should().Be("ivanova@example.ru");
        ivanova.Category.Should().Be(QualificationCategory.Highest);
        ivanova.CategoryAssignedOn.Should().Be(new DateOnly(2023, 4, 20));
        ivanova.NextAttestationDue.Should().Be(new DateOnly(2028, 4, 20));
        ivanova.PedagogicalWorkStart.Should().Be(new DateOnly(2008, 9, 1));
        var employment = ivanova.Employments.Should().ContainSingle().Subject;
        employment.OrganizationId.Should().Be(data.NorthSchool.Id);
        employment.MunicipalityId.Should().Be(data.North.Id);
        employment.Position!.Name.Should().Be("Учитель");
        employment.IsMain.Should().BeTrue();
        employment.Subjects.Select(s => s.Subject!.Name).Should().BeEquivalentTo("Математика", "Информатика");

        persons[1].BirthDate.Should().Be(new DateOnly(1990, 7, 2));
        persons[1].Category.Should().Be(QualificationCategory.Conformity);
        persons[1].PedagogicalWorkStart.Should().Be(new DateOnly(2015, 9, 1));
        persons[1].Employments.Single().OrganizationId.Should().Be(data.SouthSchool.Id);
        persons[2].MiddleName.Should().BeNull();
        persons[2].Category.Should().Be(QualificationCategory.None);
        persons[2].Employments.Single().Position!.Name.Should().Be("Педагог-психолог");
    }

    private static byte[] FileWithBadRows() => Csv(TeacherHeadings,
    [
        Row("Иванова", "Мария", "Сергеевна", "14.03.1985", SnilsA, "Северск", North),
        Row("Петров", "Олег", "Иванович", "02.07.1990", "123-456-789 00", "Северск", North),
        Row("Смирнова", "Елена", "Павловна", "31.02.1985", SnilsC, "Северск", "Школа, которой нет"),
        Row("Кузнецов", "Пётр", "Андреевич", "10.10.1980", "", "Северск", North, position: "Учитель математики"),
        Row("Волкова", "Ирина", "", "", "", "Северск", North, category: "вторая"),
        Row("Орлов", "Денис", "", "01.01.2020", "", "Северск", North),
        Row("Иванова", "Мария", "Сергеевна", "14.03.1985", SnilsA, "Северск", North),
    ]);

    [Fact]
    public async Task BadRowsAreReportedWithRowAndColumnInRussianAndNothingIsSaved()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);

        var job = await ImportTesting.ImportAsync(client, "teachers", FileWithBadRows(), "педагоги.csv", validOnly: false);

        job.Status.Should().Be("failed");
        job.Total.Should().Be(7);
        job.Imported.Should().Be(0);
        job.BadRows.Should().Be(6);
        job.Message.Should().Contain("ничего не сохранено");
        job.Errors.Should().ContainSingle(e => e.Row == 3 && e.Column == "СНИЛС" && e.Message.Contains("контрольной суммы"));
        job.Errors.Should().ContainSingle(e => e.Row == 4 && e.Column == "Дата рождения" && e.Message.Contains("«31.02.1985»"));
        job.Errors.Should().ContainSingle(e => e.Row == 4 && e.Column == "Организация" && e.Message.Contains("«Школа, которой нет» не найдена"));
        job.Errors.Should().ContainSingle(e => e.Row == 5 && e.Column == "Должность" && e.Message.Contains("Возможно, имелась в виду: «Учитель»"));
        job.Errors.Should().ContainSingle(e => e.Row == 6 && e.Column == "Дата рождения" && e.Message == "Не указана дата рождения.");
        job.Errors.Should().ContainSingle(e => e.Row == 6 && e.Column == "Квалификационная категория" && e.Message.Contains("«вторая»"));
        job.Errors.Should().ContainSingle(e => e.Row == 7 && e.Column == "Дата рождения" && e.Message.Contains("допустимо от 16 до 100 лет"));
        job.Errors.Should().ContainSingle(e => e.Row == 8 && e.Column == "Организация" && e.Message.Contains("уже указан в строке 2"));
        job.Errors.Should().NotContain(e => e.Row == 2);

        (await PersonsAsync(app)).Should().BeEmpty();
    }

    [Fact]
    public async Task AnOrganizationGivenWithTheWrongMunicipalityIsReportedWithWhereItIs()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);
        var file = Csv(["ФИО", "Дата рождения", "Муниципалитет", "Организация", "Должность"],
            [["Иванова Мария Сергеевна", "14.03.1985", "Южноград", North, "Учитель"], ["Петров Олег Иванович", "02.07.1990", "Нигдеград", North, "Учитель"]]);

        var job = await ImportTesting.ImportAsync(client, "teachers", file, "педагоги.csv");

        job.Errors.Should().ContainSingle(e => e.Row == 2 && e.Column == "Муниципалитет" && e.Message.Contains("она есть в муниципалитете «Северск»"));
        job.Errors.Should().ContainSingle(e => e.Row == 3 && e.Column == "Муниципалитет" && e.Message.Contains("«Нигдеград» не найден"));
    }

    [Fact]
    public async Task WithValidOnlyTheValidRowsAreSavedAndTheBadOnesListed()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);

        var job = await ImportTesting.ImportAsync(client, "teachers", FileWithBadRows(), "педагоги.csv", validOnly: true);

        job.Status.Should().Be("succeeded");
        job.Total.Should().Be(7);
        job.Imported.Should().Be(1);
        job.Created.Should().Be(1);
        job.BadRows.Should().Be(6);
        job.Errors.Select(e => e.Row).Distinct().Should().BeEquivalentTo([3, 4, 5, 6, 7, 8]);
        (await PersonsAsync(app)).Should().ContainSingle().Which.FullName.Should().Be("Иванова Мария Сергеевна");
    }

    [Fact]
    public async Task AWindows1251FileSeparatedBySemicolonsWithOtherHeadingsIsRead()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);
        var file = Csv(
            ["Ф.И.О.", "Дата рождения", "Место работы", "Район", "Должность", "Преподаваемые предметы", "Категория", "Стаж (лет)", "Совместительство"],
            [
                ["Ёлкина Алёна Петровна", "07.08.1979", "мбоу сш №1 (северск)", "Северск", "учитель", "Русский язык; Литература; Родной язык", "первая", "12", "нет"],
                ["Мамедов Ильхам Гейдар оглы", "1.2.1970", "МБОУ СШ № 2 (Южноград)", "Южноград", "Учитель", "История", "высшая", "25,5", "да"],
            ],
            separator: ';', encoding: Windows1251);

        var job = await ImportTesting.ImportAsync(client, "teachers", file, "педагоги-1251.csv");

        job.Status.Should().Be("succeeded", string.Join("; ", job.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}")));
        job.Imported.Should().Be(2);
        var persons = await PersonsAsync(app);
        var yolkina = persons.Single(p => p.LastName == "Ёлкина");
        yolkina.FirstName.Should().Be("Алёна");
        yolkina.MiddleName.Should().Be("Петровна");
        yolkina.Category.Should().Be(QualificationCategory.First);
        TeacherRules.ExperienceYears(yolkina.PedagogicalWorkStart, DateOnly.FromDateTime(DateTime.Now)).Should().Be(12);
        yolkina.PedagogicalWorkStart!.Value.Month.Should().Be(9);
        var employment = yolkina.Employments.Single();
        employment.IsMain.Should().BeTrue();
        employment.Subjects.Select(s => s.Subject!.Name).Should().BeEquivalentTo("Русский язык", "Литература", "Родной язык");
        var mamedov = persons.Single(p => p.LastName == "Мамедов");
        mamedov.MiddleName.Should().Be("Гейдар оглы");
        mamedov.Employments.Single().IsMain.Should().BeFalse();
        TeacherRules.ExperienceYears(mamedov.PedagogicalWorkStart, DateOnly.FromDateTime(DateTime.Now)).Should().Be(25);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Subjects.CountAsync(s => s.Name == "Родной язык")).Should().Be(1, "an unknown subject is added to the dictionary once");
    }

    [Fact]
    public async Task AnXlsxFileWithExcelDatesNumbersAndATitleLineIsImported()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);
        var snilsDigits = SnilsA.Replace("-", "").Replace(" ", "");
        var file = Xlsx(
        [
            [T("Список педагогических работников на 01.09.2026")],
            [],
            [T("ФИО"), T("Дата рождения"), T("СНИЛС"), T("ИНН организации"), T("Должность"), T("Дата аттестации"), T("Категория"), T("E-mail"), T("Дата приёма на работу")],
            [T("Иванова Мария Сергеевна"), D(new DateOnly(1985, 3, 14)), N(double.Parse(snilsDigits)), T("2901000001"), T("Учитель"), D(new DateOnly(2022, 12, 27)),
                T("Высшая"), T("ivanova@example.ru"), N(new DateOnly(2010, 9, 1).ToDateTime(TimeOnly.MinValue).ToOADate())],
            [T("Петров Олег Иванович"), D(new DateOnly(1990, 7, 2)), T(SnilsB), N(2901000002), T("Учитель"), null, T("Первая"), null, T("01.09.2016")],
        ]);

        var job = await ImportTesting.ImportAsync(client, "teachers", file, "педагоги.xlsx");

        job.Status.Should().Be("succeeded", string.Join("; ", job.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}")));
        job.Total.Should().Be(2);
        job.Imported.Should().Be(2);
        var persons = await PersonsAsync(app);
        var ivanova = persons.Single(p => p.LastName == "Иванова");
        ivanova.BirthDate.Should().Be(new DateOnly(1985, 3, 14));
        ivanova.Snils.Should().Be(SnilsA);
        ivanova.CategoryAssignedOn.Should().Be(new DateOnly(2022, 12, 27));
        ivanova.Employments.Single().OrganizationId.Should().Be(data.NorthSchool.Id);
        ivanova.Employments.Single().StartDate.Should().Be(new DateOnly(2010, 9, 1));
        var petrov = persons.Single(p => p.LastName == "Петров");
        petrov.BirthDate.Should().Be(new DateOnly(1990, 7, 2));
        petrov.Employments.Single().OrganizationId.Should().Be(data.SouthSchool.Id);
    }

    [Fact]
    public async Task AnXlsxRowWithErrorsIsReportedByTheRowNumberExcelShows()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);
        var file = Xlsx(
        [
            [T("Сведения о педагогах")],
            [T("Фамилия"), T("Имя"), T("Дата рождения"), T("Организация"), T("Должность")],
            [T("Иванова"), T("Мария"), D(new DateOnly(1985, 3, 14)), T(North), T("Учитель")],
            [T("Петров"), T("Олег"), T("1990"), T(North), T("Учитель")],
        ]);

        var job = await ImportTesting.ImportAsync(client, "teachers", file, "педагоги.xlsx");

        job.Status.Should().Be("failed");
        job.Errors.Should().ContainSingle().Which.Should().Be(new ImportErrorBody(4, "Дата рождения", job.Errors[0].Message));
        job.Errors[0].Message.Should().Contain("допустимо от 16 до 100 лет");
    }

    [Fact]
    public async Task FullNameInOneColumnAndInThreeColumnsFindTheSamePerson()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);
        var three = Csv(["Фамилия", "Имя", "Отчество", "Дата рождения", "Организация", "Должность"],
            [["Сидорова", "Анна", "Викторовна", "05.11.1999", North, "Учитель"]]);
        var one = Csv(["Фамилия Имя Отчество", "Дата рождения", "Организация", "Должность", "Телефон"],
            [["СИДОРОВА анна викторовна", "05.11.1999", North, "Учитель", "+7 900 123-45-67"]]);

        (await ImportTesting.ImportAsync(client, "teachers", three, "три.csv")).Created.Should().Be(1);
        var second = await ImportTesting.ImportAsync(client, "teachers", one, "один.csv");

        second.Status.Should().Be("succeeded");
        second.Created.Should().Be(0);
        second.Updated.Should().Be(1);
        var person = (await PersonsAsync(app)).Should().ContainSingle().Subject;
        person.Phone.Should().Be("+7 900 123-45-67");
        person.Employments.Should().ContainSingle();
    }

    [Fact]
    public async Task ImportingTheSameFileAgainUpdatesBySnilsInsteadOfDuplicating()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);

        await ImportTesting.ImportAsync(client, "teachers", CleanFile(), "педагоги.csv");
        var again = await ImportTesting.ImportAsync(client, "teachers", CleanFile(), "педагоги.csv");

        again.Status.Should().Be("succeeded");
        again.Created.Should().Be(0);
        again.Updated.Should().Be(3);
        var persons = await PersonsAsync(app);
        persons.Should().HaveCount(3);
        persons.SelectMany(p => p.Employments).Should().HaveCount(3);
        persons.Single(p => p.LastName == "Иванова").Employments.Single().Subjects.Should().HaveCount(2);

        // A new surname with the same СНИЛС is the same person (married), not a new one.
        var renamed = Csv(TeacherHeadings, [Row("Кузнецова", "Мария", "Сергеевна", "14.03.1985", SnilsA, "Северск", North, category: "первая", categoryDate: "")]);
        var third = await ImportTesting.ImportAsync(client, "teachers", renamed, "фамилия.csv");
        third.Updated.Should().Be(1);
        third.Created.Should().Be(0);
        persons = await PersonsAsync(app);
        persons.Should().HaveCount(3);
        var maria = persons.Single(p => p.Snils == SnilsA);
        maria.LastName.Should().Be("Кузнецова");
        maria.Category.Should().Be(QualificationCategory.First);
        maria.CategoryAssignedOn.Should().BeNull("a new category without its date clears the old date");
    }

    [Fact]
    public async Task WithoutSnilsAPersonIsFoundByNameAndBirthDateAndGainsASecondPlaceOfWork()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);
        var existing = await data.AddTeacherAsync(data.NorthSchool, "Лебедева", "Ольга", "Ивановна", new DateOnly(1982, 6, 1));
        var file = Csv(["ФИО", "Дата рождения", "Организация", "Должность", "Основное место работы", "Предметы"],
        [
            ["Лебедева Ольга Ивановна", "01.06.1982", North, "Учитель", "да", "Математика"],
            ["Лебедева Ольга Ивановна", "01.06.1982", South, "Преподаватель", "внешнее совместительство", "Физика"],
        ]);

        var first = await ImportTesting.ImportAsync(client, "teachers", file, "совместители.csv");
        var second = await ImportTesting.ImportAsync(client, "teachers", file, "совместители.csv");

        first.Status.Should().Be("succeeded");
        first.Created.Should().Be(0);
        first.Updated.Should().Be(1);
        second.Created.Should().Be(0);
        var person = (await PersonsAsync(app)).Should().ContainSingle().Subject;
        person.Id.Should().Be(existing.Id);
        person.Employments.Should().HaveCount(2);
        person.Employments.Single(e => e.OrganizationId == data.NorthSchool.Id).IsMain.Should().BeTrue();
        var partTime = person.Employments.Single(e => e.OrganizationId == data.SouthSchool.Id);
        partTime.IsMain.Should().BeFalse();
        partTime.Position!.Name.Should().Be("Преподаватель");
        partTime.Subjects.Select(s => s.Subject!.Name).Should().Equal("Физика");
    }

    [Fact]
    public async Task AMunicipalMethodistCannotImportTeachersIntoAnotherMunicipalitysOrganization()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var login = await data.AddUserAsync("methodist-north", null, (Metodist.Web.Features.Accounts.AppRole.MunicipalMethodist, data.North.Id));
        var client = await app.ApiClientAsync(login, TestData.Password);
        var file = Csv(["ФИО", "Дата рождения", "Организация", "ИНН организации", "Должность"],
        [
            ["Иванова Мария Сергеевна", "14.03.1985", North, "", "Учитель"],
            ["Петров Олег Иванович", "02.07.1990", South, "", "Учитель"],
            ["Смирнов Илья Олегович", "02.07.1991", "", "2901000002", "Учитель"],
        ]);

        var job = await ImportTesting.ImportAsync(client, "teachers", file, "педагоги.csv");

        job.Status.Should().Be("failed");
        job.Errors.Should().ContainSingle(e => e.Row == 3 && e.Column == "Организация" && e.Message.Contains("только организаций муниципалитета «Северск»"));
        job.Errors.Should().ContainSingle(e => e.Row == 4 && e.Column == "ИНН организации" && e.Message.Contains("«Южноград»"));
        (await PersonsAsync(app)).Should().BeEmpty();

        var validOnly = await ImportTesting.ImportAsync(client, "teachers", file, "педагоги.csv", validOnly: true);
        validOnly.Imported.Should().Be(1);
        (await PersonsAsync(app)).Should().ContainSingle().Which.Employments.Single().MunicipalityId.Should().Be(data.North.Id);
    }

    [Fact]
    public async Task EveryImportedPersonAndEveryChangedFieldIsInTheAuditLog()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var admin = await data.AddAdminAsync();
        var client = await app.ApiClientAsync(admin, TestData.Password);

        await ImportTesting.ImportAsync(client, "teachers", CleanFile(), "педагоги.csv");
        var changed = Csv(TeacherHeadings,
            [Row("Иванова", "Мария", "Сергеевна", "14.03.1985", SnilsA, "Северск", North, position: "Методист", subjects: "Математика", category: "Первая", categoryDate: "15.05.2025")]);
        var update = await ImportTesting.ImportAsync(client, "teachers", changed, "изменения.csv");
        update.Status.Should().Be("succeeded");

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ivanova = await db.Persons.SingleAsync(p => p.Snils == SnilsA);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.PersonId == ivanova.Id).ToListAsync();
        var created = entries.Should().ContainSingle(a => a.Action == AuditAction.Created && a.EntityType == "Педагог").Subject;
        created.NewValue.Should().Be("Иванова Мария Сергеевна, 14.03.1985");
        created.UserName.Should().Be(admin);
        created.UserId.Should().NotBeNull();
        entries.Should().ContainSingle(a => a.Action == AuditAction.Updated && a.Field == "Квалификационная категория" && a.OldValue == "Высшая" && a.NewValue == "Первая");
        entries.Should().ContainSingle(a => a.Field == "Дата присвоения категории" && a.OldValue == "20.04.2023" && a.NewValue == "15.05.2025");
        entries.Should().ContainSingle(a => a.Field == "Срок следующей аттестации" && a.OldValue == "20.04.2028" && a.NewValue == "15.05.2030");
        entries.Should().ContainSingle(a => a.EntityType == "Место работы" && a.Field == "Должность" && a.OldValue == "Учитель" && a.NewValue == "Методист");
        entries.Should().ContainSingle(a => a.EntityType == "Место работы" && a.Field == "Предметы" && a.OldValue == "Информатика" && a.NewValue == null);
        entries.Should().NotContain(a => a.Field == "Фамилия", "unchanged fields are not logged");
        (await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Created && a.EntityType == "Педагог")).Should().Be(3);
    }
}
