using System.Net.Http.Headers;
using System.Net.Http.Json;
using Metodist.Web;
using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Metodist.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh, migrated database of the kind chosen by METODIST_TEST_DB (Sqlite, the default,
/// or Postgres with METODIST_TEST_PG as the server's connection string). Each instance owns its database.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;

    private TestApp(WebApplication app, DatabaseProvider provider, string? sqliteFile, string? postgresServer, string? postgresDatabase)
    {
        App = app;
        Provider = provider;
        _sqliteFile = sqliteFile;
        _postgresServer = postgresServer;
        _postgresDatabase = postgresDatabase;
    }

    public WebApplication App { get; }
    public DatabaseProvider Provider { get; }
    public IServiceProvider Services => App.Services;

    public static DatabaseProvider ProviderUnderTest =>
        string.Equals(Environment.GetEnvironmentVariable("METODIST_TEST_DB"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>Starts the app. With <paramref name="kestrel"/> it listens on a free loopback port (for the browser); otherwise on the in-memory test server.</summary>
    public static async Task<TestApp> StartAsync(IDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        var provider = ProviderUnderTest;
        string connectionString;
        string? sqliteFile = null, pgServer = null, pgDatabase = null;
        if (provider == DatabaseProvider.Postgres)
        {
            pgServer = Environment.GetEnvironmentVariable("METODIST_TEST_PG")
                ?? throw new InvalidOperationException("METODIST_TEST_PG is not set: run the tests through ./test.sh");
            pgDatabase = "metodist_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(pgServer))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {pgDatabase}", admin);
                await create.ExecuteNonQueryAsync();
            }
            connectionString = new NpgsqlConnectionStringBuilder(pgServer) { Database = pgDatabase, Pooling = false }.ConnectionString;
        }
        else
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), "metodist-test-" + Guid.NewGuid().ToString("N") + ".db");
            connectionString = $"Data Source={sqliteFile};Pooling=False";
        }

        var config = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = connectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Demo:SeedOnStart"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests compute "today" with the machine's clock; the app's region clock follows it here.
            ["Region:TimeZone"] = TimeZoneInfo.Local.Id,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;

        var app = MetodistApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Environment.EnvironmentName = "Testing";
            if (kestrel) builder.WebHost.UseUrls("http://127.0.0.1:0");
            else builder.WebHost.UseTestServer();
        });
        var testApp = new TestApp(app, provider, sqliteFile, pgServer, pgDatabase);
        await Startup.PrepareAsync(app.Services, app.Configuration, app.Logger);
        await app.StartAsync();
        return testApp;
    }

    /// <summary>The base address when started with Kestrel.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A client with no credentials (follows no redirects, keeps no cookies).</summary>
    public HttpClient Anonymous()
    {
        var client = App.GetTestClient();
        return client;
    }

    /// <summary>A client that signs in through POST /api/auth/token and sends the token on every request.</summary>
    public async Task<HttpClient> ApiClientAsync(string login, string password)
    {
        var client = App.GetTestClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { login, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!.Token);
        return client;
    }

    private sealed record TokenBody(string Token);

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                if (File.Exists(file)) File.Delete(file);
            }
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
