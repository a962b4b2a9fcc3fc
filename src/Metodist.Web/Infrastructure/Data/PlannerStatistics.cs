using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Data;

/// <summary>After a bulk load: fresh statistics for the query planner (and, on PostgreSQL, a vacuum so
/// that index-only scans see the new rows as visible and autovacuum does not start in the middle of work).</summary>
public static class PlannerStatistics
{
    public static Task RefreshAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE", ct);
}
