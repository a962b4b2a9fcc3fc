using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Features.Demo;

internal sealed class DemoAssetData;

/// <summary>The methodical asset of the demo region (filled in by the asset module's work).</summary>
internal static class DemoAsset
{
    public static DemoAssetData Generate(DemoStaff staff, DemoSupportData support, IReadOnlyList<DevelopmentRoute> routes, DateOnly today, TimeZoneInfo zone) => new();

    public static Task InsertAsync(AppDbContext db, DemoAssetData data, CancellationToken ct) => Task.CompletedTask;
}
