using Metodist.Web;
using Metodist.Web.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Metodist.Bench;

/// <summary>A fresh, migrated database of either kind, with the app built over it.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _pgServer;
    private readonly string? _pgDatabase;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? pgServer, string? pgDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _pgServer = pgServer;
        _pgDatabase = pgDatabase;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, string? pgServer, string name)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            if (pgServer is null) throw new InvalidOperationException("--pg is required for PostgreSQL");
            var database = "metodist_bench_" + name + "_" + Guid.NewGuid().ToString("N")[..8];
            await using (var admin = new NpgsqlConnection(pgServer))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(pgServer) { Database = database }.ConnectionString;
            return new BenchDatabase(provider, cs, null, pgServer, database);
        }
        var file = Path.Combine(Path.GetTempPath(), $"metodist-bench-{name}-{Guid.NewGuid():N}.db");
        return new BenchDatabase(provider, $"Data Source={file}", file, null, null);
    }

    /// <summary>Builds the app over this database; with <paramref name="urls"/> it can serve HTTP.</summary>
    public WebApplication BuildApp(string? urls = null) => MetodistApp.Build([], builder =>
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:Default"] = ConnectionString,
            ["Demo:SeedOnStart"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Environment.EnvironmentName = "Production";
        if (urls is not null) builder.WebHost.UseUrls(urls);
    });

    public static async Task MigrateAsync(WebApplication app) => await Startup.MigrateAsync(app.Services);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_sqliteFile is not null)
        {
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                if (File.Exists(f)) File.Delete(f);
            }
        }
        if (_pgDatabase is not null)
        {
            await using var admin = new NpgsqlConnection(_pgServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
