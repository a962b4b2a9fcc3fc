using System.Diagnostics;
using Metodist.Web.Features.Demo;
using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Bench;

/// <summary>
/// Seeds a region of N teachers (with the demo's diagnostic results, catalogue and routes), removes the routes, and
/// drafts a route for every teacher with a deficit with <see cref="RouteBatch"/>; reported per route. For comparison in
/// the same run, a sample of teachers is drafted one by one the way the page and the API do it (<see cref="RouteDrafts"/>).
/// </summary>
internal static class DraftBench
{
    private const int Sample = 200;

    public static async Task RunAsync(DatabaseProvider provider, string? pgServer, int teachers)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, pgServer, "drafts");
        await using var app = database.BuildApp();
        await BenchDatabase.MigrateAsync(app);
        var seed = await DemoRegion.SeedAsync(app.Services, teachers);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(600);
            await db.Routes.ExecuteDeleteAsync();
            await PlannerStatistics.RefreshAsync(db, default);
            Console.WriteLine($"Черновики ИОМ, {provider}: {seed.Persons:N0} педагогов (заполнено за {seed.Elapsed.TotalSeconds:F1} с), " +
                              $"результатов диагностики {await db.DiagnosticResults.CountAsync():N0}, курсов {await db.Courses.CountAsync():N0}");
        }

        // One by one, as «Составить ИОМ» does: a sample of teachers with results.
        List<Guid> sample;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            sample = await db.DiagnosticResults.Select(r => r.PersonId).Distinct().OrderBy(id => id).Take(Sample).ToListAsync();
        }
        var single = Stopwatch.StartNew();
        foreach (var personId in sample)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RouteDrafts>().CreateAsync(personId, "bench", null, default);
        }
        single.Stop();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Routes.ExecuteDeleteAsync();
        }
        var singleMs = single.Elapsed.TotalMilliseconds / sample.Count;
        Console.WriteLine($"  по одному (страница, API): {sample.Count} маршрутов за {single.Elapsed.TotalSeconds:F1} с, {singleMs:F1} мс на маршрут");

        RouteBatch.Outcome outcome;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            outcome = await scope.ServiceProvider.GetRequiredService<RouteBatch>().DraftAllAsync("bench", default);
        }
        var batchMs = outcome.Elapsed.TotalMilliseconds / Math.Max(1, outcome.Routes);
        Console.WriteLine($"  все сразу (routes draft-all): {outcome.Routes:N0} маршрутов, {outcome.Items:N0} пунктов за {outcome.Elapsed.TotalSeconds:F1} с, " +
                          $"{batchMs:F2} мс на маршрут");
        Console.WriteLine($"  отношение «по одному / все сразу» на маршрут: {singleMs / batchMs:F1}");
    }
}
