using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Features.Demo;

internal sealed class DemoMentoringData;

/// <summary>Mentoring pairs and adaptation questionnaires of the demo region (filled in by the mentoring module's work).</summary>
internal static class DemoMentoring
{
    public static DemoMentoringData Generate(DemoStaff staff, IReadOnlyList<DevelopmentRoute> routes, DateOnly today, TimeZoneInfo zone) => new();

    public static Task InsertAsync(AppDbContext db, DemoMentoringData data, CancellationToken ct) => Task.CompletedTask;
}
