using System.Diagnostics;
using System.Globalization;
using System.Text;
using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Bench;

/// <summary>
/// Seeds a region of N teachers, writes a results file with one row per teacher (СНИЛС when the teacher has one,
/// ФИО and birth date always, a score for each of the seven areas), imports it through the product's importer,
/// then imports a file with other scores for the same teachers and days (every result replaced), then that file again
/// (nothing to change).
/// </summary>
internal static class ResultImportBench
{
    public static async Task RunAsync(DatabaseProvider provider, string? pgServer, int teachers)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, pgServer, "results");
        await using var app = database.BuildApp();
        await BenchDatabase.MigrateAsync(app);
        var seed = await DemoRegion.SeedAsync(app.Services, teachers);
        byte[] csv, rescored;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            csv = await WriteCsvAsync(db, scoreSeed: 1);
            rescored = await WriteCsvAsync(db, scoreSeed: 2);
        }
        Console.WriteLine($"Загрузка результатов диагностики, {provider}: {seed.Persons:N0} педагогов (заполнено за {seed.Elapsed.TotalSeconds:F1} с), " +
                          $"файл CSV {csv.Length / 1024.0 / 1024.0:F1} МБ");

        var first = await ImportAsync(app.Services, csv);
        Report("первая загрузка", first);
        Report("другие баллы (замена)", await ImportAsync(app.Services, rescored));
        Report("тот же файл ещё раз", await ImportAsync(app.Services, rescored));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Console.WriteLine($"В базе: {await db.DiagnosticResults.CountAsync():N0} результатов, {await db.DiagnosticResultAreas.CountAsync():N0} баллов по компетенциям, " +
                              $"{await db.AuditEntries.CountAsync():N0} записей журнала");
        }
    }

    private static async Task<(ImportOutcome Outcome, TimeSpan Elapsed)> ImportAsync(IServiceProvider services, byte[] csv)
    {
        await using var scope = services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var stopwatch = Stopwatch.StartNew();
        // Namesakes born the same day without СНИЛС cannot be told apart: those rows are reported, the rest saved.
        var outcome = await runner.RunAsync(new ImportJob { Kind = ImportKind.DiagnosticResults, FileName = "bench.csv", Content = csv, UserName = "bench", ValidOnly = true });
        stopwatch.Stop();
        if (!outcome.Succeeded) throw new InvalidOperationException($"Загрузка не удалась: {outcome.Message}");
        return (outcome, stopwatch.Elapsed);
    }

    private static void Report(string what, (ImportOutcome Outcome, TimeSpan Elapsed) run)
    {
        var (outcome, elapsed) = run;
        Console.WriteLine($"  {what,-22} {elapsed.TotalSeconds,6:F1} с, {outcome.Total / elapsed.TotalSeconds,8:N0} строк/с " +
                          $"(строк {outcome.Total:N0}: добавлено {outcome.Created:N0}, заменено {outcome.Updated:N0}, " +
                          $"без изменений {outcome.Imported - outcome.Created - outcome.Updated:N0}, с ошибками {outcome.BadRows:N0})");
    }

    /// <summary>The same teachers and days whatever <paramref name="scoreSeed"/> is; the scores follow from it.</summary>
    private static async Task<byte[]> WriteCsvAsync(AppDbContext db, int scoreSeed)
    {
        var days = new Random(20261122);
        var scores = new Random(scoreSeed);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var sb = new StringBuilder();
        sb.Append("СНИЛС;Фамилия;Имя;Отчество;Дата рождения;Дата;").Append(string.Join(';', DefaultAreas.All.Select(a => a.Code))).Append('\n');
        var people = await db.Persons.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Snils, p.LastName, p.FirstName, p.MiddleName, p.BirthDate }).ToListAsync();
        foreach (var p in people)
        {
            sb.Append(p.Snils).Append(';').Append(p.LastName).Append(';').Append(p.FirstName).Append(';').Append(p.MiddleName).Append(';')
                .Append(Date(p.BirthDate)).Append(';').Append(Date(today.AddDays(-days.Next(0, 365))));
            foreach (var _ in DefaultAreas.All) sb.Append(';').Append(scores.Next(0, 101).ToString(CultureInfo.InvariantCulture));
            sb.Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
