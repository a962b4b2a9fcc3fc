using Metodist.Web.Features.Audit;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics;

public sealed record AreaScore(Guid AreaId, string Code, string Name, int Score, DeficitLevel Level);

/// <summary>One deficit profile as the pages and the API show it.</summary>
public sealed record DeficitProfile(Guid ResultId, Guid PersonId, Guid DiagnosticId, string Diagnostic, DateOnly TakenOn, int Score, DeficitLevel Level,
    IReadOnlyList<AreaScore> Areas);

/// <summary>A look at someone's result, as the teacher sees it in «кто смотрел мои результаты».</summary>
public sealed record ResultView(DateTime At, string UserName, string? Where);

/// <summary>
/// The privacy of diagnostic results. A teacher's individual result is seen by the teacher, their tutor, the methodists
/// of their organization and municipality, and the region centre (<see cref="UserScope.PrivatePersons"/>); anyone else
/// gets only aggregates. Every opening of someone else's result is written to the audit log, and the teacher sees who looked.
/// </summary>
public sealed class ResultAccess(AppDbContext db, CurrentUser user)
{
    public const string AuditEntity = "Результат диагностики";

    public async Task<bool> CanSeeAsync(Guid personId, CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        return await scope.PrivatePersons(db.Persons).AnyAsync(p => p.Id == personId, ct);
    }

    /// <summary>The teacher's results, newest first, or null when the user may not see them. Nothing is audited here.</summary>
    public async Task<List<DeficitProfile>?> HistoryAsync(Guid personId, CancellationToken ct = default)
    {
        if (!await CanSeeAsync(personId, ct)) return null;
        var results = await db.DiagnosticResults.AsNoTracking().Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.TakenOn).ThenByDescending(r => r.CreatedAt)
            .Select(r => new
            {
                r.Id, r.PersonId, r.DiagnosticId, Diagnostic = r.Diagnostic!.Title, r.TakenOn, r.Score, r.Level,
                Areas = r.Areas.Select(a => new AreaScore(a.AreaId, a.Area!.Code, a.Area.Name, a.Score, a.Level)).ToList(),
                Order = r.Areas.Select(a => new { a.AreaId, a.Area!.SortOrder }).ToList(),
            })
            .ToListAsync(ct);
        return results.Select(r =>
        {
            var order = r.Order.ToDictionary(o => o.AreaId, o => o.SortOrder);
            return new DeficitProfile(r.Id, r.PersonId, r.DiagnosticId, r.Diagnostic, r.TakenOn, r.Score, r.Level, r.Areas.OrderBy(a => order[a.AreaId]).ToList());
        }).ToList();
    }

    /// <summary>
    /// Opens a teacher's results for reading: null when the user may not see them; otherwise the history, with the look
    /// written to the audit log (unless the teacher is looking at their own). <paramref name="where"/> says where it was opened.
    /// </summary>
    public async Task<List<DeficitProfile>?> OpenAsync(Guid personId, string where, CancellationToken ct = default)
    {
        var history = await HistoryAsync(personId, ct);
        if (history is null || history.Count == 0) return history;
        await RecordViewAsync(personId, history[0].ResultId, where, ct);
        return history;
    }

    public Task RecordViewAsync(Guid personId, Guid resultId, string where, CancellationToken ct = default) =>
        RecordViewsAsync([(personId, resultId)], where, ct);

    /// <summary>
    /// Writes one «просмотр» entry per opened result of someone else (an export opens thousands at once, so the entries
    /// go in with a bulk insert rather than through the change tracker).
    /// </summary>
    public async Task RecordViewsAsync(IEnumerable<(Guid PersonId, Guid ResultId)> opened, string where, CancellationToken ct = default)
    {
        var scope = await user.ScopeAsync(ct);
        var now = DateTime.UtcNow;
        var entries = opened.Where(o => o.PersonId != scope.PersonId).Select(o => new AuditEntry
        {
            Id = Guid.CreateVersion7(), At = now, UserId = scope.UserId, UserName = user.UserName, EntityType = AuditEntity, EntityId = o.ResultId,
            PersonId = o.PersonId, Action = AuditAction.Viewed, Field = where,
        }).ToList();
        if (entries.Count == 0) return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await BulkInsert<AuditEntry>.InsertAllAsync(db, entries, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Who opened this teacher's results, newest first.</summary>
    public Task<List<ResultView>> ViewsOfAsync(Guid personId, int take, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking()
            .Where(a => a.PersonId == personId && a.EntityType == AuditEntity && a.Action == AuditAction.Viewed)
            .OrderByDescending(a => a.At).Take(take)
            .Select(a => new ResultView(a.At, a.UserName, a.Field))
            .ToListAsync(ct);
}
