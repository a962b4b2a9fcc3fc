using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Features.Demo;

internal sealed class DemoConsultationsData;

/// <summary>The consultation desk of the demo region (filled in by the consultations module's work).</summary>
internal static class DemoConsultations
{
    public static DemoConsultationsData Generate(DemoStaff staff, DateOnly today, TimeZoneInfo zone) => new();

    public static Task InsertAsync(AppDbContext db, DemoConsultationsData data, CancellationToken ct) => Task.CompletedTask;

    public static Task InsertForAccountsAsync(AppDbContext db, DemoConsultationsData data, CancellationToken ct) => Task.CompletedTask;
}
