namespace Metodist.Web.Infrastructure;

/// <summary>
/// The clock of the region the deployment serves: "today" for ages, experience, young-teacher flags and
/// attestation deadlines is the date in the region (<c>Region:TimeZone</c>, Moscow time by default), not
/// the server's, which is often UTC.
/// </summary>
public sealed class RegionTimeProvider(TimeZoneInfo zone) : TimeProvider
{
    public const string DefaultZone = "Europe/Moscow";

    public override TimeZoneInfo LocalTimeZone => zone;

    public static TimeZoneInfo ZoneFrom(IConfiguration configuration)
    {
        var id = configuration["Region:TimeZone"];
        if (string.IsNullOrWhiteSpace(id)) id = DefaultZone;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new InvalidOperationException($"Неизвестный часовой пояс Region__TimeZone «{id}»: укажите идентификатор IANA, например Europe/Moscow.");
    }

    public DateOnly Today => DateOnly.FromDateTime(GetLocalNow().DateTime);
}
