using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Metodist.Web.Infrastructure.Data;

/// <summary>
/// Settings for each SQLite connection: write-ahead logging (readers do not wait for a writer),
/// NORMAL synchronisation (safe with WAL), and a 64 MB page cache so that indexes over 100,000
/// people stay in memory instead of being read from disk at every insert.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Statements = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Statements;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Statements;
        command.ExecuteNonQuery();
    }
}
