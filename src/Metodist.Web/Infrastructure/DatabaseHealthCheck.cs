using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Metodist.Web.Infrastructure;

/// <summary>Healthy when the database answers a query; /health then returns 200, otherwise 503.</summary>
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Positions.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("База данных доступна");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("База данных недоступна", ex);
        }
    }
}
