using System.Net;
using System.Net.Http.Json;
using System.Text;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Metodist.Tests.Imports.ImportFiles;

namespace Metodist.Tests.Imports;

public sealed class ImportAccessTests(RegionFixture fixture) : IClassFixture<RegionFixture>
{
    private static byte[] OneTeacher(string organization) =>
        Csv(["ФИО", "Дата рождения", "Организация", "Должность"], [["Иванова Мария Сергеевна", "14.03.1985", organization, "Учитель"]]);

    [Fact]
    public async Task RolesOtherThanAdministratorAndMunicipalMethodistAreForbiddenWithARussianProblem()
    {
        var login = await fixture.Data.AddUserAsync(RegionFixture.UniqueLogin("school"), null, (AppRole.SchoolMethodist, fixture.Data.NorthSchool.Id));
        var client = await fixture.App.ApiClientAsync(login, TestData.Password);

        var response = await ImportTesting.PostFileAsync(client, "teachers", OneTeacher(fixture.Data.NorthSchool.ShortName), "педагоги.csv");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("Доступ запрещён");
        problem.Detail.Should().Contain("Загружать данные могут");
        (await client.GetAsync("/api/imports/templates/teachers")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnonymousRequestsAreUnauthorized()
    {
        var response = await ImportTesting.PostFileAsync(fixture.App.Anonymous(), "teachers", OneTeacher("x"), "педагоги.csv");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnotherUsersImportIsNotFoundExceptForARegionAdministrator()
    {
        var north = await fixture.App.ApiClientAsync(
            await fixture.Data.AddUserAsync(RegionFixture.UniqueLogin("north"), null, (AppRole.MunicipalMethodist, fixture.Data.North.Id)), TestData.Password);
        var south = await fixture.App.ApiClientAsync(
            await fixture.Data.AddUserAsync(RegionFixture.UniqueLogin("south"), null, (AppRole.MunicipalMethodist, fixture.Data.South.Id)), TestData.Password);
        var admin = await fixture.App.ApiClientAsync(await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("admin")), TestData.Password);

        var response = await ImportTesting.PostFileAsync(north, "teachers", OneTeacher(fixture.Data.NorthSchool.ShortName), "педагоги.csv", dryRun: true);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().Should().StartWith("/api/imports/");
        var id = (await response.Content.ReadFromJsonAsync<ImportCreatedBody>())!.Id;

        var foreign = await south.GetAsync($"/api/imports/{id}");
        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await foreign.Content.ReadFromJsonAsync<ProblemDetails>())!.Title.Should().Be("Не найдено");
        (await admin.GetAsync($"/api/imports/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var own = await ImportTesting.WaitAsync(north, id);
        own.DryRun.Should().BeTrue();
        own.Status.Should().Be("succeeded");
        own.Created.Should().Be(1, "the check says how many would be created");
        own.Imported.Should().Be(0);
    }

    [Fact]
    public async Task EmptyUnknownAndOldExcelFilesAreRejectedWithABadRequestInRussian()
    {
        var client = await fixture.App.ApiClientAsync(await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("admin")), TestData.Password);

        async Task<string> Rejected(byte[] content, string name)
        {
            var response = await ImportTesting.PostFileAsync(client, "teachers", content, name);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            problem!.Title.Should().Be("Некорректный запрос");
            return problem.Detail!;
        }

        (await Rejected([], "пусто.csv")).Should().Be("Файл пуст.");
        (await Rejected([.. "%PDF-1.4\n"u8, 0, 0, 1, 2, 3, 0, 0], "скан.pdf")).Should().Contain("Неизвестный тип файла");
        (await Rejected([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "старый.xls")).Should().Contain(".xls");

        var noFile = await client.PostAsync("/api/imports/teachers", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        noFile.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noFile.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("«file»");
        var notMultipart = await client.PostAsync("/api/imports/teachers", new StringContent("ФИО;Дата рождения", Encoding.UTF8, "text/csv"));
        notMultipart.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AFileWithoutARequiredColumnFailsWithTheColumnNamedInRowOne()
    {
        var client = await fixture.App.ApiClientAsync(await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("admin")), TestData.Password);
        var file = Csv(["Фамилия", "Имя", "Организация", "Должность"], [["Иванова", "Мария", fixture.Data.NorthSchool.ShortName, "Учитель"]]);

        var job = await ImportTesting.ImportAsync(client, "teachers", file, "педагоги.csv", validOnly: true);

        job.Status.Should().Be("failed");
        job.Imported.Should().Be(0);
        job.Errors.Should().ContainSingle().Which.Should().Be(new ImportErrorBody(1, "Дата рождения", "В файле нет обязательного столбца «Дата рождения»."));
    }

    [Fact]
    public async Task TheTemplateHasTheAcceptedHeadingsAndAnExportedTeacherListImportsBackUnchanged()
    {
        var admin = await fixture.Data.AddAdminAsync(RegionFixture.UniqueLogin("admin"));
        var client = await fixture.App.ApiClientAsync(admin, TestData.Password);
        var template = await client.GetAsync("/api/imports/templates/teachers");
        template.StatusCode.Should().Be(HttpStatusCode.OK);
        var sheet = XlsxSheet.Read(await template.Content.ReadAsByteArrayAsync());
        sheet.Headings.Should().ContainInOrder("Фамилия", "Имя", "Отчество", "Дата рождения", "СНИЛС");
        sheet.Headings.Should().Contain(["Организация", "Должность", "Предметы", "Квалификационная категория"]);

        var teacher = await fixture.Data.AddTeacherAsync(fixture.Data.SouthSchool, "Экспортова", "Вера", "Павловна", new DateOnly(1979, 5, 6),
            snils: Metodist.Web.Features.Registry.Snils.FromNumber(777000111));
        var export = await client.GetAsync($"/api/teachers/export?search=Экспортова");
        export.StatusCode.Should().Be(HttpStatusCode.OK);

        var job = await ImportTesting.ImportAsync(client, "teachers", await export.Content.ReadAsByteArrayAsync(), "педагоги.xlsx");

        job.Status.Should().Be("succeeded", string.Join("; ", job.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}")));
        job.Created.Should().Be(0);
        job.Updated.Should().Be(1);
        job.Message.Should().Contain("«Молодой педагог»", "unknown columns are named in the report");
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var changes = await db.AuditEntries.Where(a => a.PersonId == teacher.Id && a.UserName == admin)
            .Select(a => $"{a.Action} {a.EntityType} {a.Field}: {a.OldValue} → {a.NewValue}").ToListAsync();
        changes.Should().BeEmpty("nothing changed");
    }
}
