using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Metodist.Tests.Imports.ImportFiles;

namespace Metodist.Tests.Imports;

public sealed class DiagnosticResultImportTests(ImportAppFixture fixture) : IClassFixture<ImportAppFixture>
{
    private const string Kind = "diagnostic-results";
    private static readonly string[] Headings = ["СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Дата", "legal", "subject", "Методическая компетенция", "digital"];
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);
    private static readonly DateOnly LastMonth = Today.AddMonths(-1);
    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy");

    private TestData Data => fixture.Data;

    private async Task<List<DiagnosticResult>> ResultsAsync(params Guid[] personIds)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DiagnosticResults.AsNoTracking().Include(r => r.Areas).Where(r => personIds.Contains(r.PersonId)).ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync(Guid personId)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.PersonId == personId && e.EntityType == "Результат диагностики").ToListAsync();
    }

    private static DeficitLevel AreaLevel(DiagnosticResult result, Guid areaId) => result.Areas.Single(a => a.AreaId == areaId).Level;

    private static string Describe(ImportStatusBody job) => job.Message + " " + string.Join("; ", job.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}"));

    [Fact]
    public async Task AWindows1251CsvWithSemicolonsGivesResultsOfTheExternalDiagnosticWithLevelsByItsThresholds()
    {
        var snils = Snils.FromNumber(210000001);
        var bySnils = await Data.AddTeacherAsync(Data.NorthSchool, "Ёлкина", "Светлана", "Игоревна", new DateOnly(1980, 1, 2), snils);
        var byName = await Data.AddTeacherAsync(Data.SouthSchool, "Воробьёв", "Пётр", "Ильич", new DateOnly(1975, 6, 30));
        var client = await fixture.Tokens.ClientAsync(fixture.Admin);
        var file = Csv(Headings,
        [
            [snils.Replace("-", "").Replace(" ", ""), "", "", "", "", Date(LastMonth), "85", "55", "30", ""],
            ["", "ВОРОБЬЕВ", "петр", "Ильич", "30.06.1975", Date(Today), "70", "69", "40", "39"],
        ], ';', Windows1251);

        var job = await ImportTesting.ImportAsync(client, Kind, file, "результаты.csv");

        job.Status.Should().Be("succeeded", Describe(job));
        job.Kind.Should().Be(Kind);
        (job.Total, job.Imported, job.Created, job.Updated, job.BadRows).Should().Be((2, 2, 2, 0, 0));
        job.Message.Should().Contain("добавлено результатов — 2");

        var first = (await ResultsAsync(bySnils.Id)).Should().ContainSingle().Subject;
        first.DiagnosticId.Should().Be(DefaultAreas.ExternalDiagnostic);
        first.ImportJobId.Should().Be(job.Id);
        first.TakenOn.Should().Be(LastMonth);
        first.Areas.Should().HaveCount(3, "an empty cell is an area not assessed");
        AreaLevel(first, DefaultAreas.Legal).Should().Be(DeficitLevel.None);
        AreaLevel(first, DefaultAreas.Subject).Should().Be(DeficitLevel.Partial);
        AreaLevel(first, DefaultAreas.Methodical).Should().Be(DeficitLevel.Pronounced, "the area's Russian name is a heading too");
        first.Score.Should().Be(57);
        first.Level.Should().Be(DeficitLevel.Partial);

        var second = (await ResultsAsync(byName.Id)).Should().ContainSingle().Subject;
        second.TakenOn.Should().Be(Today);
        second.Areas.Select(a => (a.AreaId, a.Score, a.Level)).Should().BeEquivalentTo(new[]
        {
            (DefaultAreas.Legal, 70, DeficitLevel.None), (DefaultAreas.Subject, 69, DeficitLevel.Partial),
            (DefaultAreas.Methodical, 40, DeficitLevel.Partial), (DefaultAreas.Digital, 39, DeficitLevel.Pronounced),
        });
        second.Score.Should().Be(55);

        var audit = (await AuditAsync(bySnils.Id)).Should().ContainSingle().Subject;
        audit.Action.Should().Be(AuditAction.Created);
        audit.EntityId.Should().Be(first.Id);
        audit.UserName.Should().Be(fixture.Admin);
        audit.NewValue.Should().Contain("57 баллов").And.Contain("частичный дефицит");
    }

    [Fact]
    public async Task AnXlsxWithExcelDatesAndNumbersIsImported()
    {
        var snils = Snils.FromNumber(210000011);
        var teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Кравец", "Инна", "Олеговна", new DateOnly(1990, 9, 9), snils);
        var client = await fixture.Tokens.ClientAsync(fixture.Admin);
        var file = Xlsx(
        [
            [T("СНИЛС"), T("Фамилия"), T("Имя"), T("Отчество"), T("Дата рождения"), T("Дата"), T("Цифровая компетенция"), T("inclusive"), T("gifted")],
            [T(snils), T("Кравец"), T("Инна"), T("Олеговна"), D(new DateOnly(1990, 9, 9)), D(LastMonth), N(100), N(0), Blank()],
        ]);

        var job = await ImportTesting.ImportAsync(client, Kind, file, "результаты.xlsx");

        job.Status.Should().Be("succeeded", Describe(job));
        var result = (await ResultsAsync(teacher.Id)).Should().ContainSingle().Subject;
        result.TakenOn.Should().Be(LastMonth);
        result.Areas.Select(a => (a.AreaId, a.Score, a.Level)).Should().BeEquivalentTo(new[]
        {
            (DefaultAreas.Digital, 100, DeficitLevel.None), (DefaultAreas.Inclusive, 0, DeficitLevel.Pronounced),
        });
        result.Score.Should().Be(50);
        result.Level.Should().Be(DeficitLevel.Partial);
    }

    [Fact]
    public async Task BadRowsAreReportedByRowAndColumnAndNothingIsSavedUnlessOnlyValidRowsAreAsked()
    {
        var good = await Data.AddTeacherAsync(Data.NorthSchool, "Гусева", "Алла", "Борисовна", new DateOnly(1982, 4, 5), Snils.FromNumber(210000021));
        var noScores = await Data.AddTeacherAsync(Data.NorthSchool, "Зуева", "Нина", "Павловна", new DateOnly(1983, 5, 6), Snils.FromNumber(210000022));
        await Data.AddTeacherAsync(Data.NorthSchool, "Тёзкина", "Ольга", "Ивановна", new DateOnly(1984, 7, 8));
        await Data.AddTeacherAsync(Data.SouthSchool, "Тёзкина", "Ольга", "Ивановна", new DateOnly(1984, 7, 8));
        var client = await fixture.Tokens.ClientAsync(fixture.Admin);
        var file = Csv(Headings,
        [
            [good.Snils!, "", "", "", "", Date(LastMonth), "80", "60", "", ""],
            [good.Snils!, "", "", "", "", Date(Today.AddDays(-2)), "105", "abc", "7,5", ""],
            [good.Snils!, "", "", "", "", "31.02.2026", "50", "", "", ""],
            ["", "Несуществующая", "Мария", "Петровна", "01.01.1990", Date(LastMonth), "50", "", "", ""],
            [noScores.Snils!, "", "", "", "", Date(LastMonth), "", "", "", ""],
            ["", "Тёзкина", "Ольга", "Ивановна", "08.07.1984", Date(LastMonth), "50", "", "", ""],
            [good.Snils!, "", "", "", "", Date(Today.AddDays(1)), "50", "", "", ""],
            ["123-456-789 00", "", "", "", "", Date(LastMonth), "50", "", "", ""],
            [good.Snils!, "", "", "", "", Date(LastMonth), "90", "", "", ""],
        ]);

        var job = await ImportTesting.ImportAsync(client, Kind, file, "результаты.csv");

        job.Status.Should().Be("failed");
        (job.Total, job.BadRows, job.Imported).Should().Be((9, 8, 0));
        job.Message.Should().Contain("ничего не сохранено");
        job.Errors.Should().Contain(e => e.Row == 3 && e.Column == "legal" && e.Message.Contains("«105»") && e.Message.Contains("от 0 до 100"));
        job.Errors.Should().Contain(e => e.Row == 3 && e.Column == "subject" && e.Message.Contains("«abc»"));
        job.Errors.Should().Contain(e => e.Row == 3 && e.Column == "Методическая компетенция" && e.Message.Contains("«7,5»"));
        job.Errors.Should().Contain(e => e.Row == 4 && e.Column == "Дата" && e.Message.Contains("«31.02.2026»"));
        job.Errors.Should().Contain(e => e.Row == 5 && e.Column == "Фамилия" && e.Message.Contains("Несуществующая Мария Петровна, 01.01.1990 г. р., не найден"));
        job.Errors.Should().Contain(e => e.Row == 6 && e.Column == "legal" && e.Message.Contains("Нет ни одного балла"));
        job.Errors.Should().Contain(e => e.Row == 7 && e.Column == "Фамилия" && e.Message.Contains("несколько педагогов"));
        job.Errors.Should().Contain(e => e.Row == 8 && e.Column == "Дата" && e.Message.Contains("позже сегодняшней"));
        job.Errors.Should().Contain(e => e.Row == 9 && e.Column == "СНИЛС" && e.Message.Contains("контрольной суммы"));
        job.Errors.Should().Contain(e => e.Row == 10 && e.Column == "Дата" && e.Message.Contains("уже указан в строке 2"));
        (await ResultsAsync(good.Id, noScores.Id)).Should().BeEmpty();

        var validOnly = await ImportTesting.ImportAsync(client, Kind, file, "результаты.csv", validOnly: true);

        validOnly.Status.Should().Be("succeeded", Describe(validOnly));
        (validOnly.Imported, validOnly.Created, validOnly.BadRows).Should().Be((1, 1, 8));
        validOnly.Message.Should().Contain("Пропущено строк с ошибками: 8");
        var saved = (await ResultsAsync(good.Id, noScores.Id)).Should().ContainSingle().Subject;
        saved.PersonId.Should().Be(good.Id);
        saved.Areas.Select(a => a.Score).Should().BeEquivalentTo([80, 60]);
    }

    [Fact]
    public async Task ImportingTheSameTeacherAndDateAgainReplacesTheEarlierResult()
    {
        var teacher = await Data.AddTeacherAsync(Data.SouthSchool, "Лаптева", "Вера", "Сергеевна", new DateOnly(1979, 2, 3), Snils.FromNumber(210000031));
        var client = await fixture.Tokens.ClientAsync(fixture.Admin);
        byte[] File(string legal, string digital) => Csv(Headings, [[teacher.Snils!, "", "", "", "", Date(LastMonth), legal, "", "", digital]]);

        var first = await ImportTesting.ImportAsync(client, Kind, File("30", "35"), "первая.csv");
        first.Status.Should().Be("succeeded", Describe(first));
        var before = (await ResultsAsync(teacher.Id)).Should().ContainSingle().Subject;
        before.Level.Should().Be(DeficitLevel.Pronounced);

        var again = await ImportTesting.ImportAsync(client, Kind, File("90", ""), "повторная.csv");

        again.Status.Should().Be("succeeded", Describe(again));
        (again.Created, again.Updated).Should().Be((0, 1));
        var after = (await ResultsAsync(teacher.Id)).Should().ContainSingle().Subject;
        after.Id.Should().Be(before.Id, "the stored result is replaced, not duplicated");
        after.ImportJobId.Should().Be(again.Id);
        after.Areas.Select(a => (a.AreaId, a.Score)).Should().Equal((DefaultAreas.Legal, 90));
        after.Score.Should().Be(90);
        after.Level.Should().Be(DeficitLevel.None);
        var audit = await AuditAsync(teacher.Id);
        audit.Select(e => e.Action).Should().BeEquivalentTo([AuditAction.Created, AuditAction.Updated]);
        var update = audit.Single(e => e.Action == AuditAction.Updated);
        update.OldValue.Should().Contain("33 балла").And.Contain("выраженный дефицит");
        update.NewValue.Should().Contain("90 баллов").And.Contain("нет дефицита");

        var same = await ImportTesting.ImportAsync(client, Kind, File("90", ""), "ещё раз.csv");
        (same.Imported, same.Created, same.Updated).Should().Be((1, 0, 0));
        same.Message.Should().Contain("совпали с прежними — 1");
        (await ResultsAsync(teacher.Id)).Single().ImportJobId.Should().Be(again.Id, "a result that has not changed is not rewritten");
        (await AuditAsync(teacher.Id)).Should().HaveCount(2);

        var otherDay = await ImportTesting.ImportAsync(client, Kind,
            Csv(Headings, [[teacher.Snils!, "", "", "", "", Date(LastMonth.AddDays(-1)), "50", "", "", ""]]), "другой день.csv");
        otherDay.Created.Should().Be(1);
        (await ResultsAsync(teacher.Id)).Should().HaveCount(2);
    }

    [Fact]
    public async Task AMunicipalMethodistCannotImportResultsOfATeacherOfAnotherMunicipality()
    {
        var own = await Data.AddTeacherAsync(Data.NorthSchool, "Соколова", "Дина", "Юрьевна", new DateOnly(1986, 8, 1), Snils.FromNumber(210000041));
        var foreign = await Data.AddTeacherAsync(Data.SouthSchool, "Орлова", "Дина", "Юрьевна", new DateOnly(1987, 8, 1), Snils.FromNumber(210000042));
        var login = await Data.AddUserAsync(RegionFixture.UniqueLogin("mmc"), null, (AppRole.MunicipalMethodist, Data.North.Id));
        var client = await fixture.Tokens.ClientAsync(login);
        var file = Csv(Headings,
        [
            [own.Snils!, "", "", "", "", Date(LastMonth), "75", "", "", ""],
            ["", "Орлова", "Дина", "Юрьевна", "01.08.1987", Date(LastMonth), "75", "", "", ""],
            [foreign.Snils!, "", "", "", "", Date(LastMonth), "75", "", "", ""],
        ]);

        var job = await ImportTesting.ImportAsync(client, Kind, file, "результаты.csv", validOnly: true);

        job.Status.Should().Be("succeeded", Describe(job));
        (job.Imported, job.BadRows).Should().Be((1, 2));
        job.Errors.Should().Contain(e => e.Row == 3 && e.Column == "Фамилия" && e.Message.Contains("не работает в организациях муниципалитета «Северск»"));
        job.Errors.Should().Contain(e => e.Row == 4 && e.Column == "СНИЛС" && e.Message.Contains("только педагогов своего муниципалитета"));
        (await ResultsAsync(own.Id)).Should().ContainSingle();
        (await ResultsAsync(foreign.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task TheDiagnosticsEndpointAcceptsAFileWith202AndTheJobEndsAtTheImportsStatus()
    {
        var teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Белых", "Ян", "Романович", new DateOnly(1991, 3, 3), Snils.FromNumber(210000051));
        var client = await fixture.Tokens.ClientAsync(fixture.Admin);
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(Csv(["СНИЛС", "Дата", "psychology"], [[teacher.Snils!, Date(LastMonth), "45"]]));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "результаты.csv");

        var response = await client.PostAsync("/api/diagnostics/results/import?validOnly=false", form);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, Guid>>();
        body.Should().ContainKey("id");
        response.Headers.Location!.ToString().Should().Be($"/api/imports/{body!["id"]}");
        var job = await ImportTesting.WaitAsync(client, body["id"]);
        job.Status.Should().Be("succeeded", Describe(job));
        job.Kind.Should().Be(Kind);
        job.DryRun.Should().BeFalse();
        (await ResultsAsync(teacher.Id)).Single().Areas.Single().AreaId.Should().Be(DefaultAreas.Psychological);
    }

    [Fact]
    public async Task OnlyTheAdministratorAndMunicipalMethodistsMayImportResultsAndTheTemplateListsTheAreaCodes()
    {
        var login = await Data.AddUserAsync(RegionFixture.UniqueLogin("school"), null, (AppRole.SchoolMethodist, Data.NorthSchool.Id));
        var school = await fixture.Tokens.ClientAsync(login);
        var file = Csv(["СНИЛС", "Дата", "legal"], [[Snils.FromNumber(210000061), Date(LastMonth), "50"]]);

        var refused = await ImportTesting.PostFileAsync(school, Kind, file, "результаты.csv");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Contain("Загружать данные могут");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "результаты.csv" } };
        (await school.PostAsync("/api/diagnostics/results/import", form)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var admin = await fixture.Tokens.ClientAsync(fixture.Admin);
        var template = await admin.GetAsync($"/api/imports/templates/{Kind}");
        template.StatusCode.Should().Be(HttpStatusCode.OK);
        using var workbook = TabularReader.Open(await template.Content.ReadAsByteArrayAsync());
        workbook.Headings.Should().Equal(["СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Дата", .. DefaultAreas.All.Select(a => a.Code)]);
    }

    [Fact]
    public async Task AFileWithoutTheDateOrAnyAreaColumnIsRefusedWithTheMissingColumns()
    {
        var client = await fixture.Tokens.ClientAsync(fixture.Admin);

        var job = await ImportTesting.ImportAsync(client, Kind, Csv(["СНИЛС", "Фамилия", "Баллы"], [[Snils.FromNumber(210000071), "Иванова", "50"]]), "результаты.csv");

        job.Status.Should().Be("failed");
        job.Message.Should().Contain("«Дата»").And.Contain("«Компетенции»");
        job.Errors.Should().Contain(e => e.Column == "Компетенции" && e.Message.Contains("кодами компетенций"));
    }

    [Fact]
    public async Task TheCommandLineImportsResultsAndCoursesWithOnlyValidRows()
    {
        var teacher = await Data.AddTeacherAsync(Data.NorthSchool, "Щукина", "Ада", "Львовна", new DateOnly(1988, 10, 10), Snils.FromNumber(210000081));
        var root = new RootCommand();
        root.Subcommands.Add(ImportCommand.Create());
        var parsed = root.Parse(["import", "diagnostic-results", "результаты.csv", "--valid-only"]);
        parsed.Errors.Should().BeEmpty();
        parsed.CommandResult.Command.Name.Should().Be(Kind);
        root.Parse(["import", "courses", "курсы.xlsx"]).Errors.Should().BeEmpty();

        var path = Path.Combine(Path.GetTempPath(), $"результаты-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, Csv(["СНИЛС", "Дата", "legal"],
            [[teacher.Snils!, Date(LastMonth), "64"], [teacher.Snils!, "вчера", "64"]], ',', Windows1251));
        try
        {
            var output = new StringWriter();
            var exit = await ImportCommand.RunAsync(fixture.App.Services, ImportKind.DiagnosticResults, new FileInfo(path), validOnly: true, dryRun: false, output);

            exit.Should().Be(ImportCommand.ExitSucceeded, output.ToString());
            output.ToString().Should().Contain("результаты диагностики").And.Contain("добавлено: 1").And.Contain("строка 3, столбец «Дата»");
            (await ResultsAsync(teacher.Id)).Single().Level.Should().Be(DeficitLevel.Partial);
            (await AuditAsync(teacher.Id)).Single().UserName.Should().StartWith("командная строка");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
