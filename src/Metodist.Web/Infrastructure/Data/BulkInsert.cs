using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Metodist.Web.Infrastructure.Data;

/// <summary>
/// Writes new rows of one entity type with prepared INSERT commands built from the EF model (table,
/// columns, and each column's type mapping, so values are stored exactly as EF stores them) inside the
/// context's current transaction. It skips the change tracker, which costs several times the database's
/// own work when 100,000 people are created at once; nothing else (audit, search names, timestamps) is
/// done for the caller.
/// </summary>
internal sealed class BulkInsert<T> : IAsyncDisposable
    where T : class
{
    private readonly ISqlGenerationHelper _sql;
    private readonly DbCommand _single;
    private readonly DbCommand? _multi;
    private readonly (PropertyInfo Property, RelationalTypeMapping Mapping, bool Nullable)[] _columns;
    private readonly int _rowsPerStatement;
    private readonly List<T> _pending = [];

    private BulkInsert(ISqlGenerationHelper sql, DbCommand single, DbCommand? multi, (PropertyInfo, RelationalTypeMapping, bool)[] columns, int rowsPerStatement)
    {
        _sql = sql;
        _single = single;
        _multi = multi;
        _columns = columns;
        _rowsPerStatement = rowsPerStatement;
    }

    /// <summary>Prepares the commands on the context's connection; call inside the transaction the rows belong to.</summary>
    public static BulkInsert<T> Create(AppDbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.GetColumnName(store) is not null)
            .Select(p => (Property: p, Column: p.GetColumnName(store)!))
            .ToList();
        var mapped = columns.Select(c => (c.Property.PropertyInfo!, c.Property.GetRelationalTypeMapping(), c.Property.IsNullable)).ToArray();

        // SQLite runs a prepared single-row INSERT fastest; PostgreSQL is better served by fewer round trips.
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, 1000 / columns.Count);
        var head = $"INSERT INTO {sql.DelimitIdentifier(table, entityType.GetSchema())} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ";
        DbCommand Command(int rows)
        {
            var text = new StringBuilder(head);
            for (var r = 0; r < rows; r++)
            {
                if (r > 0) text.Append(", ");
                text.Append('(');
                for (var c = 0; c < columns.Count; c++)
                {
                    if (c > 0) text.Append(", ");
                    text.Append(sql.GenerateParameterNamePlaceholder($"p{r * columns.Count + c}"));
                }
                text.Append(')');
            }
            var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = text.ToString();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (db.Database.GetCommandTimeout() is { } timeout) command.CommandTimeout = timeout;
            return command;
        }

        return new BulkInsert<T>(sql, Command(1), rowsPerStatement > 1 ? Command(rowsPerStatement) : null, mapped, rowsPerStatement);
    }

    /// <summary>Writes all <paramref name="rows"/> inside the context's current transaction.</summary>
    public static async Task InsertAllAsync(AppDbContext db, IEnumerable<T> rows, CancellationToken ct)
    {
        await using var insert = Create(db);
        await insert.AddRangeAsync(rows, ct);
        await insert.FlushAsync(ct);
    }

    public async Task AddAsync(T entity, CancellationToken ct)
    {
        _pending.Add(entity);
        if (_pending.Count >= _rowsPerStatement) await FlushAsync(ct);
    }

    public async Task AddRangeAsync(IEnumerable<T> entities, CancellationToken ct)
    {
        foreach (var entity in entities) await AddAsync(entity, ct);
    }

    /// <summary>Writes the rows still waiting for a full multi-row statement.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        if (_multi is not null && _pending.Count == _rowsPerStatement)
        {
            await ExecuteAsync(_multi, _pending, ct);
        }
        else
        {
            foreach (var entity in _pending) await ExecuteAsync(_single, [entity], ct);
        }
        _pending.Clear();
    }

    private async Task ExecuteAsync(DbCommand command, List<T> rows, CancellationToken ct)
    {
        if (command.Parameters.Count == 0)
        {
            // Parameters are created once per command by the column's type mapping (which sets the provider's
            // parameter type) and then only given new values, converted as the mapping converts them.
            var index = 0;
            for (var r = 0; r < rows.Count; r++)
            {
                foreach (var (_, mapping, nullable) in _columns)
                    command.Parameters.Add(mapping.CreateParameter(command, _sql.GenerateParameterName($"p{index++}"), null, nullable));
            }
        }
        var parameter = 0;
        foreach (var row in rows)
        {
            foreach (var (property, mapping, _) in _columns)
                command.Parameters[parameter++].Value = ToProvider(mapping, property.GetValue(row));
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    private static object ToProvider(RelationalTypeMapping mapping, object? value)
    {
        if (value is null) return DBNull.Value;
        return (mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _single.DisposeAsync();
        if (_multi is not null) await _multi.DisposeAsync();
    }
}
