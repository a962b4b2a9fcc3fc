using Metodist.Tests.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Metodist.Tests.Imports.ImportFiles;

namespace Metodist.Tests.Imports;

public sealed class ImportWorkerTests
{
    private static ImportWorker Worker(TestApp app) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<IConfiguration>(), NullLogger<ImportWorker>.Instance);

    private static async Task<ImportJob> QueueAsync(TestApp app, ImportJob job)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        return job;
    }

    private static async Task<ImportJob> ReloadAsync(TestApp app, Guid id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    [Fact]
    public async Task TwoNodesRacingForOneQueuedJobNeverBothGetIt()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Imports:WorkerEnabled"] = "false" });
        var data = await TestData.CreateAsync(app);
        var job = await QueueAsync(app, new ImportJob
        {
            Kind = ImportKind.Teachers, FileName = "педагоги.csv", UserName = "admin",
            Content = Csv(["ФИО", "Дата рождения", "Организация", "Должность"], [["Иванова Мария Сергеевна", "14.03.1985", data.NorthSchool.ShortName, "Учитель"]]),
        });

        var claims = await Task.WhenAll(Worker(app).ClaimNextAsync(default), Worker(app).ClaimNextAsync(default), Worker(app).ClaimNextAsync(default));

        claims.Count(c => c.Claimed == job.Id).Should().Be(1);
        (await ReloadAsync(app, job.Id)).Status.Should().Be(ImportStatus.Running);
        (await Worker(app).ClaimNextAsync(default)).Should().Be((false, (Guid?)null));
    }

    [Fact]
    public async Task TheWorkerRunsAQueuedJobAndStoresItsReport()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Imports:WorkerEnabled"] = "false" });
        var data = await TestData.CreateAsync(app);
        var job = await QueueAsync(app, new ImportJob
        {
            Kind = ImportKind.Teachers, FileName = "педагоги.csv", UserName = "admin", ValidOnly = true,
            Content = Csv(["ФИО", "Дата рождения", "Организация", "Должность"],
                [["Иванова Мария Сергеевна", "14.03.1985", data.NorthSchool.ShortName, "Учитель"], ["Петров Олег", "01.01.1900", data.NorthSchool.ShortName, "Учитель"]]),
        });

        (await Worker(app).RunNextAsync(default)).Should().BeTrue();

        var done = await ReloadAsync(app, job.Id);
        done.Status.Should().Be(ImportStatus.Succeeded);
        done.Total.Should().Be(2);
        done.Processed.Should().Be(2);
        done.Imported.Should().Be(1);
        done.BadRows.Should().Be(1);
        done.StartedAt.Should().NotBeNull();
        done.FinishedAt.Should().NotBeNull();
        ImportOutcome.ParseErrors(done.ErrorsJson).Should().ContainSingle().Which.Row.Should().Be(3);
        done.ErrorsJson.Should().Contain("\"row\":3").And.Contain("\"column\":\"Дата рождения\"");
    }

    [Fact]
    public async Task AJobWhoseNodeWentSilentIsMarkedFailed()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Imports:WorkerEnabled"] = "false" });
        var stale = await QueueAsync(app, new ImportJob
        {
            Kind = ImportKind.Teachers, FileName = "старое.csv", Status = ImportStatus.Running, Content = [1],
            StartedAt = DateTime.UtcNow.AddHours(-2), HeartbeatAt = DateTime.UtcNow.AddHours(-1),
        });
        var alive = await QueueAsync(app, new ImportJob
        {
            Kind = ImportKind.Teachers, FileName = "идёт.csv", Status = ImportStatus.Running, Content = [1],
            StartedAt = DateTime.UtcNow.AddMinutes(-1), HeartbeatAt = DateTime.UtcNow,
        });

        await Worker(app).FailAbandonedAsync(default);

        var failed = await ReloadAsync(app, stale.Id);
        failed.Status.Should().Be(ImportStatus.Failed);
        failed.Message.Should().Contain("Загрузка прервана");
        (await ReloadAsync(app, alive.Id)).Status.Should().Be(ImportStatus.Running);
    }
}
