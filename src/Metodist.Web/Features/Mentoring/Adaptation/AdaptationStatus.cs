using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Mentoring.Adaptation;

/// <summary>How a young teacher is settling in, from the mean of their latest adaptation questionnaire (1–5).</summary>
public enum AdaptationState
{
    NoData,
    Adapted,
    Adapting,
    Difficulties,
}

public static class AdaptationStatus
{
    public const decimal AdaptedFrom = 4.0m;
    public const decimal AdaptingFrom = 3.0m;

    /// <summary>The mean of the marks given (1–5), to two decimals as it is stored; null when there are none.</summary>
    public static decimal? MeanOf(IEnumerable<int?> scores)
    {
        var given = scores.OfType<int>().ToList();
        return given.Count == 0 ? null : Math.Round((decimal)given.Sum() / given.Count, 2, MidpointRounding.AwayFromZero);
    }

    public static AdaptationState Of(decimal? meanScore) => meanScore switch
    {
        null => AdaptationState.NoData,
        >= AdaptedFrom => AdaptationState.Adapted,
        >= AdaptingFrom => AdaptationState.Adapting,
        _ => AdaptationState.Difficulties,
    };

    public static string Title(this AdaptationState state) => state switch
    {
        AdaptationState.Adapted => "адаптирован",
        AdaptationState.Adapting => "адаптируется",
        AdaptationState.Difficulties => "испытывает трудности",
        _ => "нет анкеты",
    };

    public static string Code(this AdaptationState state) => state switch
    {
        AdaptationState.Adapted => "adapted",
        AdaptationState.Adapting => "adapting",
        AdaptationState.Difficulties => "difficulties",
        _ => "noData",
    };

    /// <summary>The badge class of the site's CSS for the state.</summary>
    public static string Badge(this AdaptationState state) => state switch
    {
        AdaptationState.Adapted => "ok",
        AdaptationState.Adapting => "warn",
        AdaptationState.Difficulties => "bad",
        _ => "",
    };

    /// <summary>The state of each of <paramref name="personIds"/> by their latest submitted questionnaire.</summary>
    public static async Task<Dictionary<Guid, AdaptationState>> ForAsync(AppDbContext db, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0) return [];
        var ids = personIds.ToArray();
        var rows = await db.AdaptationResponses.AsNoTracking().Where(r => ids.Contains(r.PersonId))
            .Select(r => new { r.PersonId, r.SubmittedAt, r.MeanScore }).ToListAsync(ct);
        return rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => Of(g.MaxBy(r => r.SubmittedAt)!.MeanScore));
    }
}
