using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Features.Demo;

internal sealed class DemoAdaptationData;

/// <summary>Adaptation questionnaires of the demo region's young teachers (filled in by the adaptation work).</summary>
internal static class DemoAdaptation
{
    public static DemoAdaptationData Generate(DemoStaff staff, DateOnly today, TimeZoneInfo zone) => new();

    public static Task InsertAsync(AppDbContext db, DemoAdaptationData data, CancellationToken ct) => Task.CompletedTask;
}
