using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Imports;

/// <summary>
/// Runs queued imports on whichever app node gets to them first. A job is claimed with one conditional
/// UPDATE (Queued → Running), so two nodes never run the same job; progress and the final report are
/// written back to the job row, where any node can read them.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ImportWorker> logger) : BackgroundService
{
    /// <summary>A running job that has not reported for this long was cut off (its node stopped) and is marked failed.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Imports:WorkerEnabled", true)) return;
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, configuration.GetValue("Imports:PollIntervalMs", 1000)));
        await Task.Yield();
        var lastSweep = DateTime.MinValue;
        string? lastError = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var ranJob = false;
            try
            {
                if (DateTime.UtcNow - lastSweep > TimeSpan.FromMinutes(1))
                {
                    await FailAbandonedAsync(stoppingToken);
                    lastSweep = DateTime.UtcNow;
                }
                ranJob = await RunNextAsync(stoppingToken);
                lastError = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The same failure every second (say, the database is down) is logged once until it changes.
                if (e.Message != lastError) logger.LogError(e, "Import worker could not poll for jobs");
                lastError = e.Message;
            }
            if (ranJob) continue;
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and runs the oldest queued job; false when there was none.</summary>
    internal async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var (found, claimed) = await ClaimNextAsync(ct);
        if (claimed is { } id) await RunClaimedAsync(id, ct);
        // When another node was quicker, look for the next job at once.
        return found;
    }

    /// <summary>
    /// Takes the oldest queued job with a conditional UPDATE, which only one node can win; returns whether
    /// there was a job and, if this node won it, its id.
    /// </summary>
    internal async Task<(bool Found, Guid? Claimed)> ClaimNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var candidate = await db.ImportJobs.AsNoTracking()
            .Where(j => j.Status == ImportStatus.Queued)
            .OrderBy(j => j.CreatedAt)
            .Select(j => (Guid?)j.Id)
            .FirstOrDefaultAsync(ct);
        if (candidate is not { } id) return (false, null);
        var now = DateTime.UtcNow;
        var claimed = await db.ImportJobs
            .Where(j => j.Id == id && j.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Running)
                .SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.HeartbeatAt, now), ct);
        return (true, claimed == 1 ? id : null);
    }

    private async Task RunClaimedAsync(Guid id, CancellationToken ct)
    {
        ImportOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var job = await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            var lastReport = DateTime.MinValue;
            outcome = await runner.RunAsync(job, async (progress, token) =>
            {
                if (DateTime.UtcNow - lastReport < ProgressInterval) return;
                lastReport = DateTime.UtcNow;
                await ReportAsync(id, progress, token);
            }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            outcome = new ImportOutcome().Fail(
                "Загрузка прервана: сервер был остановлен. Часть строк могла сохраниться; загрузите файл ещё раз — повторная загрузка обновит записи без дубликатов.");
            await FinishAsync(id, outcome, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {JobId} failed", id);
            outcome = new ImportOutcome().Fail(
                "Загрузка прервана из-за ошибки на сервере. Часть строк могла сохраниться; загрузите файл ещё раз — повторная загрузка обновит записи без дубликатов.");
        }
        await FinishAsync(id, outcome, CancellationToken.None);
    }

    private async Task ReportAsync(Guid id, ImportProgress progress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Processed, progress.Processed)
            .SetProperty(j => j.Total, progress.Total)
            .SetProperty(j => j.HeartbeatAt, now), ct);
    }

    private async Task FinishAsync(Guid id, ImportOutcome outcome, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var status = outcome.Succeeded ? ImportStatus.Succeeded : ImportStatus.Failed;
        var errors = outcome.ErrorsJson();
        await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.HeartbeatAt, now)
            .SetProperty(j => j.Total, outcome.Total)
            .SetProperty(j => j.Processed, outcome.Total)
            .SetProperty(j => j.Imported, outcome.Imported)
            .SetProperty(j => j.Created, outcome.Created)
            .SetProperty(j => j.Updated, outcome.Updated)
            .SetProperty(j => j.BadRows, outcome.BadRows)
            .SetProperty(j => j.ErrorCount, outcome.ErrorCount)
            .SetProperty(j => j.ErrorsJson, errors)
            .SetProperty(j => j.Message, outcome.Message), ct);
    }

    /// <summary>Marks running jobs whose node has gone silent as failed.</summary>
    internal async Task FailAbandonedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var cutoff = now - AbandonedAfter;
        var failed = await db.ImportJobs
            .Where(j => j.Status == ImportStatus.Running && (j.HeartbeatAt == null || j.HeartbeatAt < cutoff))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Failed)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.Message,
                    "Загрузка прервана: сервер, который её выполнял, перестал отвечать. Загрузите файл ещё раз — повторная загрузка обновит записи без дубликатов."), ct);
        if (failed > 0) logger.LogWarning("Marked {Count} abandoned import jobs as failed", failed);
    }
}
