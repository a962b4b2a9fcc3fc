using System.Text;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Metodist.Web.Features.Demo;

/// <summary>
/// Multi-row INSERT statements built from the EF model: table and column names, value converters
/// (enums stored as text) and parameter types come from EF's own mappings, so the rows are the ones
/// SaveChanges would write, on SQLite and PostgreSQL alike. SaveChanges issues one statement per row
/// on SQLite, which made a 9,000-teacher region take ten seconds; this takes a fraction of that.
/// It bypasses SaveChanges, and so the audit trail: use it only for data no user entered.
/// </summary>
internal static class DemoBulkInsert
{
    /// <summary>
    /// Parameters per statement. SQLite binds parameters by name through a linear search, so long
    /// statements cost more per row than they save; PostgreSQL pays a round trip per statement instead.
    /// </summary>
    private static int MaxParameters(AppDbContext db) => db.Database.IsSqlite() ? 100 : 2000;

    public static async Task InsertAsync<T>(AppDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetColumnName(table) is not null && p.GetBeforeSaveBehavior() != PropertySaveBehavior.Ignore)
            .Select(p => new Column(p.GetColumnName(table)!, p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var rowsPerStatement = Math.Max(1, MaxParameters(db) / columns.Length);

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? 120;
        var fullStatement = Statement(sql, table, columns, rowsPerStatement);
        var buffer = new List<T>(rowsPerStatement);

        foreach (var row in rows)
        {
            buffer.Add(row);
            if (buffer.Count == rowsPerStatement) await FlushAsync(fullStatement);
        }
        if (buffer.Count > 0) await FlushAsync(Statement(sql, table, columns, buffer.Count));

        async Task FlushAsync(string statement)
        {
            command.CommandText = statement;
            command.Parameters.Clear();
            var index = 0;
            foreach (var row in buffer)
            {
                foreach (var column in columns)
                {
                    command.Parameters.Add(column.Mapping.CreateParameter(command, sql.GenerateParameterName("p" + index++), column.Getter.GetClrValue(row), column.Nullable));
                }
            }
            await command.ExecuteNonQueryAsync(ct);
            buffer.Clear();
        }
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);

    private static string Statement(ISqlGenerationHelper sql, StoreObjectIdentifier table, Column[] columns, int rows)
    {
        var text = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(") VALUES ");
        var index = 0;
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) text.Append(", ");
            text.Append('(');
            for (var c = 0; c < columns.Length; c++)
            {
                if (c > 0) text.Append(", ");
                text.Append(sql.GenerateParameterNamePlaceholder("p" + index++));
            }
            text.Append(')');
        }
        return text.ToString();
    }
}
