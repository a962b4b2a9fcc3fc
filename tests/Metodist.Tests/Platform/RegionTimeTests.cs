using Metodist.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Metodist.Tests.Platform;

[Trait("Category", "Unit")]
public sealed class RegionTimeTests
{
    private static IConfiguration Config(string? zone) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Region:TimeZone"] = zone }).Build();

    [Fact]
    public void TheRegionClockIsMoscowTimeUnlessConfigured()
    {
        RegionTimeProvider.ZoneFrom(Config(null)).BaseUtcOffset.Should().Be(TimeSpan.FromHours(3));
        RegionTimeProvider.ZoneFrom(Config("Asia/Vladivostok")).BaseUtcOffset.Should().Be(TimeSpan.FromHours(10));
    }

    [Fact]
    public void TodayIsTheDateInTheRegionNotOnTheServer()
    {
        var vladivostok = RegionTimeProvider.ZoneFrom(Config("Asia/Vladivostok"));
        var clock = new RegionTimeProvider(vladivostok);

        var before = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, vladivostok).DateTime);
        var today = clock.Today;
        var after = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, vladivostok).DateTime);

        clock.GetLocalNow().Offset.Should().Be(TimeSpan.FromHours(10));
        today.Should().BeOneOf(before, after);
    }

    [Fact]
    public void AnUnknownTimeZoneIsReportedInRussian()
    {
        var act = () => RegionTimeProvider.ZoneFrom(Config("Марс/Олимп"));

        act.Should().Throw<InvalidOperationException>().WithMessage("*Region__TimeZone*");
    }
}
