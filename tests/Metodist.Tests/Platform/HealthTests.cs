using System.Net;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Npgsql;

namespace Metodist.Tests.Platform;

/// <summary>/health tells a load balancer whether this node can reach its database.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task HealthIsOkWithoutSignInWhenTheDatabaseAnswers()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.Anonymous();
        var response = await client.GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task HealthIsServiceUnavailableWhenTheDatabaseCannotBeReached()
    {
        var unreachable = TestApp.ProviderUnderTest == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("METODIST_TEST_PG")) { Database = "metodist_missing_" + Guid.NewGuid().ToString("N")[..8], Pooling = false }.ConnectionString
            : $"Data Source={Path.Combine(Path.GetTempPath(), "metodist-missing-" + Guid.NewGuid().ToString("N"), "nowhere.db")};Mode=ReadWrite";
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = unreachable,
            ["Database:MigrateOnStart"] = "false",
        });
        using var client = app.Anonymous();
        var response = await client.GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Be("Unhealthy");
    }
}
