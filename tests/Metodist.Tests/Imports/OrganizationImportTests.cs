using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Metodist.Tests.Imports.ImportFiles;

namespace Metodist.Tests.Imports;

public sealed class OrganizationImportTests
{
    private static readonly string[] Headings = ["Полное наименование", "Краткое наименование", "Тип", "Муниципалитет", "ИНН", "Адрес", "Телефон", "Email"];
    private static readonly string KindergartenInn = Inn.FromNineDigits("290100005");

    private static async Task<List<Organization>> OrganizationsAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Organizations.AsNoTracking().OrderBy(o => o.ShortName).ToListAsync();
    }

    [Fact]
    public async Task OrganizationsAreCreatedOrUpdatedByInnOrByFullNameWithinTheMunicipality()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);
        var file = Csv(Headings,
        [
            ["Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 5»", "МБДОУ ДС № 5", "ДОУ", "Северск", KindergartenInn,
                "г. Северск, ул. Ленина, 5", "8 (812) 123-45-67", "ds5@example.ru"],
            ["Муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества»", "МБУ ДО ЦДТ", "", "г. Южноград", "", "", "", ""],
            [data.NorthSchool.FullName, "", "школа", "Северск", "", "г. Северск, ул. Школьная, 1", "", ""],
        ]);

        var job = await ImportTesting.ImportAsync(client, "organizations", file, "организации.csv");

        job.Status.Should().Be("succeeded", string.Join("; ", job.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}")));
        job.Created.Should().Be(2);
        job.Updated.Should().Be(1);
        var organizations = await OrganizationsAsync(app);
        organizations.Should().HaveCount(4);
        var kindergarten = organizations.Single(o => o.ShortName == "МБДОУ ДС № 5");
        kindergarten.Kind.Should().Be(OrganizationKind.Kindergarten);
        kindergarten.MunicipalityId.Should().Be(data.North.Id);
        kindergarten.Inn.Should().Be(KindergartenInn);
        kindergarten.Phone.Should().Be("8 (812) 123-45-67");
        var centre = organizations.Single(o => o.ShortName == "МБУ ДО ЦДТ");
        centre.Kind.Should().Be(OrganizationKind.AdditionalEducation, "the kind follows from the name when the cell is empty");
        centre.MunicipalityId.Should().Be(data.South.Id);
        var school = organizations.Single(o => o.Id == data.NorthSchool.Id);
        school.Address.Should().Be("г. Северск, ул. Школьная, 1");
        school.ShortName.Should().Be(data.NorthSchool.ShortName, "an empty cell keeps the value");

        var again = await ImportTesting.ImportAsync(client, "organizations", file, "организации.csv");
        again.Created.Should().Be(0);
        again.Updated.Should().Be(3);
        (await OrganizationsAsync(app)).Should().HaveCount(4);

        // Teachers can be loaded into the organizations just imported.
        var teachers = Csv(["ФИО", "Дата рождения", "Организация", "Муниципалитет", "Должность"],
            [["Белова Дарья Игоревна", "03.04.1996", "мбдоу дс № 5", "Северск", "Воспитатель"]]);
        var teacherJob = await ImportTesting.ImportAsync(client, "teachers", teachers, "воспитатели.csv");
        teacherJob.Status.Should().Be("succeeded");
        teacherJob.Created.Should().Be(1);
    }

    [Fact]
    public async Task BadOrganizationRowsAreReportedAndNothingIsSaved()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var client = await app.ApiClientAsync(await data.AddAdminAsync(), TestData.Password);
        var file = Csv(Headings,
        [
            ["Муниципальное автономное общеобразовательное учреждение «Лицей № 3»", "МАОУ Лицей № 3", "лицей", "Северск", Inn.FromNineDigits("290100003"), "", "", ""],
            ["Школа с неверным ИНН", "", "школа", "Северск", "2901000009", "", "", ""],
            ["Университет", "", "университет", "Северск", "", "", "", ""],
            ["Школа в неизвестном городе", "", "школа", "Атлантида", "", "", "", ""],
            ["", "Без названия", "школа", "Северск", "", "", "", "не-почта"],
            ["Муниципальное автономное общеобразовательное учреждение «Лицей № 3»", "", "лицей", "Северск", "", "", "", ""],
        ]);

        var job = await ImportTesting.ImportAsync(client, "organizations", file, "организации.csv");

        job.Status.Should().Be("failed");
        job.BadRows.Should().Be(5);
        job.Errors.Should().Contain(e => e.Row == 3 && e.Column == "ИНН" && e.Message.Contains("контрольных цифр"));
        job.Errors.Should().Contain(e => e.Row == 4 && e.Column == "Тип" && e.Message.Contains("«университет»"));
        job.Errors.Should().Contain(e => e.Row == 5 && e.Column == "Муниципалитет" && e.Message.Contains("«Атлантида» не найден"));
        job.Errors.Should().Contain(e => e.Row == 6 && e.Column == "Полное наименование");
        job.Errors.Should().Contain(e => e.Row == 6 && e.Column == "Email");
        job.Errors.Should().Contain(e => e.Row == 7 && e.Column == "Полное наименование" && e.Message.Contains("строке 2"));
        (await OrganizationsAsync(app)).Should().HaveCount(2);
    }

    [Fact]
    public async Task AMunicipalMethodistImportsOrganizationsOnlyIntoTheirMunicipality()
    {
        await using var app = await ImportTesting.StartAppAsync();
        var data = await TestData.CreateAsync(app);
        var login = await data.AddUserAsync("methodist-orgs", null, (AppRole.MunicipalMethodist, data.North.Id));
        var client = await app.ApiClientAsync(login, TestData.Password);
        var gymnasiumInn = Inn.FromNineDigits("290100009");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Organizations.Add(new Organization { FullName = "Гимназия № 9", ShortName = "Гимназия № 9", Kind = OrganizationKind.School, MunicipalityId = data.South.Id, Inn = gymnasiumInn });
            await db.SaveChangesAsync();
        }
        var file = Csv(["Наименование", "Вид организации", "Район", "ИНН"],
        [
            ["Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 7»", "СОШ", "", ""],
            ["Детский сад «Солнышко»", "детский сад", "Южноград", ""],
            ["Гимназия № 9 имени Пушкина", "гимназия", "", gymnasiumInn],
        ]);

        var job = await ImportTesting.ImportAsync(client, "organizations", file, "организации.csv", validOnly: true);

        job.Status.Should().Be("succeeded");
        job.Created.Should().Be(1);
        job.Errors.Should().Contain(e => e.Row == 3 && e.Column == "Район" && e.Message.Contains("вне вашей области"));
        job.Errors.Should().Contain(e => e.Row == 4 && e.Column == "ИНН" && e.Message.Contains("«Южноград»"));
        var organizations = await OrganizationsAsync(app);
        organizations.Should().HaveCount(4);
        organizations.Single(o => o.FullName == "Гимназия № 9").MunicipalityId.Should().Be(data.South.Id);
        organizations.Single(o => o.FullName.Contains("№ 7")).MunicipalityId.Should().Be(data.North.Id, "without a municipality column the methodist's own is used");
    }
}
