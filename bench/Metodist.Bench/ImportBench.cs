using System.Diagnostics;
using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Bench;

/// <summary>
/// Imports N teachers from CSV into SQLite through the product's importer, then loads the same file
/// into a second fresh database with <see cref="RawLoader"/>, and reports both times and their ratio.
/// </summary>
internal static class ImportBench
{
    public static async Task RunAsync(int teachers)
    {
        var data = DemoRegion.Generate(teachers, DateOnly.FromDateTime(DateTime.Today));
        Console.WriteLine($"Импорт: {data.Persons.Count:N0} педагогов, {data.Organizations.Count} организаций (SQLite)");

        await using var importerDb = await BenchDatabase.CreateAsync(DatabaseProvider.Sqlite, null, "importer");
        await using var importerApp = importerDb.BuildApp();
        await BenchDatabase.MigrateAsync(importerApp);
        var csv = await PrepareAsync(importerApp.Services, data);
        Console.WriteLine($"Файл CSV: {csv.Length / 1024.0 / 1024.0:F1} МБ");

        var importer = Stopwatch.StartNew();
        ImportOutcome outcome;
        await using (var scope = importerApp.Services.CreateAsyncScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            outcome = await runner.RunAsync(new ImportJob { Kind = ImportKind.Teachers, FileName = "bench.csv", Content = csv, UserName = "bench" });
        }
        importer.Stop();
        if (!outcome.Succeeded || outcome.Imported != data.Persons.Count)
            throw new InvalidOperationException($"Импорт не удался: {outcome.Message}; импортировано {outcome.Imported} из {data.Persons.Count}");

        await using var rawDb = await BenchDatabase.CreateAsync(DatabaseProvider.Sqlite, null, "raw");
        await using var rawApp = rawDb.BuildApp();
        await BenchDatabase.MigrateAsync(rawApp);
        await PrepareAsync(rawApp.Services, data);
        var raw = Stopwatch.StartNew();
        var rawRows = RawLoader.Load(rawDb.ConnectionString, csv);
        raw.Stop();

        await using (var scope = importerApp.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Console.WriteLine($"В базе после импорта: {await db.Persons.CountAsync():N0} педагогов, {await db.Employments.CountAsync():N0} мест работы, {await db.AuditEntries.CountAsync():N0} записей журнала");
        }
        Console.WriteLine($"Импорт продукта:        {importer.Elapsed.TotalSeconds,8:F1} с ({outcome.Imported:N0} строк)");
        Console.WriteLine($"Минимальный SQL-загрузчик: {raw.Elapsed.TotalSeconds,5:F1} с ({rawRows:N0} строк)");
        Console.WriteLine($"Отношение импорт / SQL-загрузчик: {importer.Elapsed.TotalSeconds / raw.Elapsed.TotalSeconds:F2}");
    }

    /// <summary>Loads the territories and organizations the file refers to, and writes the CSV.</summary>
    private static async Task<byte[]> PrepareAsync(IServiceProvider services, DemoData data)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuditEnabled = false;
        db.Regions.Add(new Region { Id = data.Region.Id, Name = data.Region.Name, Code = data.Region.Code });
        db.Districts.AddRange(data.Districts.Select(d => new District { Id = d.Id, RegionId = d.RegionId, Name = d.Name }));
        db.Municipalities.AddRange(data.Municipalities.Select(m => new Municipality { Id = m.Id, RegionId = m.RegionId, DistrictId = m.DistrictId, Name = m.Name }));
        db.Organizations.AddRange(data.Organizations.Select(o => new Organization
        {
            Id = o.Id, MunicipalityId = o.MunicipalityId, Kind = o.Kind, FullName = o.FullName, ShortName = o.ShortName,
            Address = o.Address, Phone = o.Phone, Email = o.Email, Inn = o.Inn,
        }));
        await db.SaveChangesAsync();
        var positions = await db.Positions.ToDictionaryAsync(p => p.Id, p => p.Name);
        var subjects = await db.Subjects.ToDictionaryAsync(p => p.Id, p => p.Name);
        return TeacherCsv.Write(data, positions, subjects);
    }
}
