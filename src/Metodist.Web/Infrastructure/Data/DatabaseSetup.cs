using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Metodist.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Неизвестный Database__Provider «{value}»: допустимы Sqlite и Postgres.");
    }

    /// <summary>The configured connection string, or a SQLite file under data/ at the repository root (or beside the app).</summary>
    public static string ConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (ProviderOf(configuration) == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Для PostgreSQL задайте строку подключения ConnectionStrings__Default.");
        var dataDir = Path.Combine(FindRepositoryRoot(contentRoot) ?? contentRoot, "data");
        Directory.CreateDirectory(dataDir);
        return $"Data Source={Path.Combine(dataDir, "metodist.db")}";
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Metodist.slnx"))) return dir.FullName;
        }
        return null;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.CommandTimeout(120));
                options.AddInterceptors(new SqlitePragmas());
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.CommandTimeout(120));
                break;
        }
        // Migrations are written by hand and there is no model snapshot (docs/adr/0002); the tests
        // that migrate both databases and round-trip every entity are what keeps model and schema in step.
        options.ConfigureWarnings(w => w
            .Ignore(RelationalEventId.PendingModelChangesWarning)
            // The teacher list caps an unordered read of sort keys on purpose (TeacherList.PageAsync).
            .Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    public static IServiceCollection AddMetodistDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderOf(configuration);
        var connectionString = ConnectionString(configuration, contentRoot);
        services.AddSingleton(new DatabaseInfo(provider, connectionString));
        services.AddDbContext<AppDbContext>(o => Configure(o, provider, connectionString));
        return services;
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString);
