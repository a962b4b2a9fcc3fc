using System.CommandLine;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Metodist.Tests.Imports.ImportFiles;

namespace Metodist.Tests.Imports;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task TheImportCommandRunsTheImporterInProcessAndPrintsARussianReport()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Imports:WorkerEnabled"] = "false" });
        var data = await TestData.CreateAsync(app);
        var path = Path.Combine(Path.GetTempPath(), $"педагоги-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, Csv(["ФИО", "Дата рождения", "ИНН организации", "Должность", "Предметы"],
        [
            ["Иванова Мария Сергеевна", "14.03.1985", "2901000001", "Учитель", "Математика"],
            ["Петров Олег Иванович", "02.07.1990", "2901000002", "Учитель", "Физика"],
        ], separator: ',', encoding: Windows1251));
        try
        {
            var output = new StringWriter();
            var exit = await ImportCommand.RunAsync(app.Services, ImportKind.Teachers, new FileInfo(path), validOnly: false, dryRun: false, output);

            exit.Should().Be(ImportCommand.ExitSucceeded, output.ToString());
            output.ToString().Should().Contain("Готово.").And.Contain("добавлено: 2");
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Persons.CountAsync()).Should().Be(2);
            (await db.AuditEntries.Where(a => a.Action == Metodist.Web.Features.Audit.AuditAction.Created).Select(a => a.UserName).ToListAsync())
                .Should().AllSatisfy(name => name.Should().StartWith("командная строка"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AFailedImportExitsWithAnErrorAndListsRowsAndColumns()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Imports:WorkerEnabled"] = "false" });
        var data = await TestData.CreateAsync(app);
        var path = Path.Combine(Path.GetTempPath(), $"педагоги-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, Csv(["ФИО", "Дата рождения", "Организация", "Должность", "СНИЛС"],
        [
            ["Иванова Мария Сергеевна", "14.03.1985", data.NorthSchool.ShortName, "Учитель", ""],
            ["Петров Олег Иванович", "02.07.1990", data.NorthSchool.ShortName, "Учитель", "123-456-789 00"],
        ]));
        try
        {
            var output = new StringWriter();
            var exit = await ImportCommand.RunAsync(app.Services, ImportKind.Teachers, new FileInfo(path), validOnly: false, dryRun: false, output);

            exit.Should().Be(ImportCommand.ExitFailed);
            output.ToString().Should().Contain("Не выполнено.").And.Contain("строка 3, столбец «СНИЛС»: СНИЛС не проходит проверку контрольной суммы");

            var validOnly = new StringWriter();
            (await ImportCommand.RunAsync(app.Services, ImportKind.Teachers, new FileInfo(path), validOnly: true, dryRun: false, validOnly)).Should().Be(0);
            validOnly.ToString().Should().Contain("сохранено: 1");
        }
        finally
        {
            File.Delete(path);
        }
        var missing = new StringWriter();
        (await ImportCommand.RunAsync(app.Services, ImportKind.Organizations, new FileInfo(path), false, false, missing)).Should().Be(ImportCommand.ExitNoFile);
        missing.ToString().Should().Contain("Файл не найден");
    }

    [Fact]
    public void TheCommandLineAcceptsTheKindTheFileAndTheOptions()
    {
        var root = new RootCommand();
        root.Subcommands.Add(ImportCommand.Create());

        var teachers = root.Parse(["import", "teachers", "педагоги.xlsx", "--valid-only"]);
        teachers.Errors.Should().BeEmpty();
        teachers.CommandResult.Command.Name.Should().Be("teachers");
        teachers.GetValue<bool>("--valid-only").Should().BeTrue();
        teachers.GetValue<FileInfo>("file")!.Name.Should().Be("педагоги.xlsx");

        root.Parse(["import", "organizations", "организации.csv", "--dry-run"]).Errors.Should().BeEmpty();
        root.Parse(["import", "teachers"]).Errors.Should().NotBeEmpty("the file is required");
    }
}
