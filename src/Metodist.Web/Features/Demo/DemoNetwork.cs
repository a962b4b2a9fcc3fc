using Metodist.Web.Features.Routes;
using Metodist.Web.Infrastructure.Data;

namespace Metodist.Web.Features.Demo;

/// <summary>Everything the support network adds to the demo region: mentoring, the methodical asset and the consultation desk.</summary>
internal sealed record DemoNetworkData(DemoMentoringData Mentoring, DemoAdaptationData Adaptation, DemoAssetData Asset, DemoConsultationsData Consultations,
    DemoAssociationsData Associations);

/// <summary>
/// Builds the support network of the demo region over its registry, catalogue and drafted routes, before the routes are
/// written: pairs put themselves into the mentees' section 3 and regional methodists become the tutors of their teachers' routes.
/// </summary>
internal static class DemoNetwork
{
    public static DemoNetworkData Generate(DemoStaff staff, DemoSupportData support, IReadOnlyList<DevelopmentRoute> routes, DateOnly today, TimeZoneInfo zone) =>
        new(DemoMentoring.Generate(staff, routes, today, zone),
            DemoAdaptation.Generate(staff, today, zone),
            DemoAsset.Generate(staff, support, routes, today, zone),
            DemoConsultations.Generate(staff, today, zone),
            DemoAssociations.Generate(staff, today, zone));

    /// <summary>Writes the rows that need only the registry (and the routes, written before).</summary>
    public static async Task InsertAsync(AppDbContext db, DemoNetworkData data, CancellationToken ct)
    {
        await DemoMentoring.InsertAsync(db, data.Mentoring, ct);
        await DemoAdaptation.InsertAsync(db, data.Adaptation, ct);
        await DemoAsset.InsertAsync(db, data.Asset, ct);
        await DemoConsultations.InsertAsync(db, data.Consultations, ct);
        await DemoAssociations.InsertAsync(db, data.Associations, ct);
    }

    /// <summary>Writes the rows that point at demo accounts (notifications), once the accounts exist.</summary>
    public static Task InsertForAccountsAsync(AppDbContext db, DemoNetworkData data, CancellationToken ct) =>
        DemoConsultations.InsertForAccountsAsync(db, data.Consultations, ct);
}
