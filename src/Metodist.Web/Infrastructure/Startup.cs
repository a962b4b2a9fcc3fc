using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure;

/// <summary>What the demo seeding tells the person who started the app.</summary>
public sealed record DemoAccounts(IReadOnlyList<string> Accounts, string PasswordNote);

/// <summary>What happens before the app serves requests: migrations, then the demo region when the database is empty.</summary>
public static class Startup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // The name search index addresses rows by rowid, which a VACUUM may renumber: rebuild it from
            // the names (about two seconds for 100,000 people).
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"PersonSearch\" (\"PersonSearch\") VALUES ('rebuild')", ct);
        }
    }

    public static async Task<DemoAccounts?> PrepareAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        if (configuration.GetValue("Database:MigrateOnStart", true))
        {
            await MigrateAsync(services);
            logger.LogInformation("Database migrated");
        }
        DemoAccounts? demo = configuration.GetValue("Demo:SeedOnStart", true)
            ? await Features.Demo.DemoRegion.EnsureSeededAsync(services, configuration)
            : null;
        return demo;
    }

    public static void PrintBanner(IEnumerable<string> urls, DemoAccounts? demo)
    {
        Console.WriteLine();
        Console.WriteLine("Metodist запущен: " + string.Join(", ", urls));
        if (demo is not null)
        {
            Console.WriteLine("Демонстрационные учётные записи (логин — роль):");
            foreach (var line in demo.Accounts) Console.WriteLine("  " + line);
            Console.WriteLine(demo.PasswordNote);
        }
        Console.WriteLine();
    }
}
