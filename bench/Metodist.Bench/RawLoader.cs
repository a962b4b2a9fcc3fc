using System.Globalization;
using System.Text;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Metodist.Web.Infrastructure.Text;
using Microsoft.Data.Sqlite;

namespace Metodist.Bench;

/// <summary>
/// The yardstick: the same rows (persons, places of work, subjects, one audit entry per person) written
/// with prepared INSERTs in one transaction, with no validation, matching or progress — the least work
/// that loads this file into the same schema.
/// </summary>
internal static class RawLoader
{
    public static int Load(string connectionString, byte[] csv)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // The same connection settings the product uses (SqlitePragmas), so only the code differs.
        SqlitePragmas.Apply(connection);
        var organizations = Dictionary(connection, "SELECT Inn, Id FROM Organizations WHERE Inn IS NOT NULL");
        var municipalities = Dictionary(connection, "SELECT Id, MunicipalityId FROM Organizations");
        var positions = Dictionary(connection, "SELECT Name, Id FROM Positions");
        var subjects = Dictionary(connection, "SELECT Name, Id FROM Subjects");
        var categories = RegistryTitles.Categories.ToDictionary(c => c.Value, c => c.Key.ToString());

        using var tx = connection.BeginTransaction();
        using var person = Prepare(connection, tx,
            "INSERT INTO Persons (Id, LastName, FirstName, MiddleName, BirthDate, Email, Phone, Snils, Category, CategoryAssignedOn, NextAttestationDue, PedagogicalWorkStart, CreatedAt, UpdatedAt, SearchName) " +
            "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)", 15);
        using var employment = Prepare(connection, tx,
            "INSERT INTO Employments (Id, PersonId, OrganizationId, MunicipalityId, PositionId, IsMain, StartDate) VALUES ($1,$2,$3,$4,$5,$6,$7)", 7);
        using var subject = Prepare(connection, tx, "INSERT INTO EmploymentSubjects (EmploymentId, SubjectId) VALUES ($1,$2)", 2);
        using var audit = Prepare(connection, tx,
            "INSERT INTO AuditEntries (Id, At, UserName, EntityType, EntityId, PersonId, Action, NewValue) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)", 8);

        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var rows = 0;
        using var reader = new StringReader(Encoding.UTF8.GetString(csv));
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var c = line.Split(';');
            var personId = Id();
            var fullName = $"{c[0]} {c[1]} {c[2]}".Trim();
            var assigned = Date(c[11]);
            Run(person, personId, c[0], c[1], Null(c[2]), Date(c[3]), Null(c[5]), Null(c[6]), Null(c[4]), categories[c[10]],
                assigned, assigned is null ? null : DateOnly.ParseExact(assigned, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddYears(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Date(c[12]), now, now, SearchText.Normalize(fullName));
            var organizationId = organizations[c[7]];
            var employmentId = Id();
            Run(employment, employmentId, personId, organizationId, municipalities[organizationId], positions[c[8]], 1, Date(c[13]));
            foreach (var name in c[9].Split(", ", StringSplitOptions.RemoveEmptyEntries)) Run(subject, employmentId, subjects[name]);
            Run(audit, Id(), now, "система", "Педагог", personId, personId, "Created", $"{fullName}, {c[3]}");
            rows++;
        }
        tx.Commit();
        return rows;
    }

    private static string Id() => Guid.NewGuid().ToString().ToUpperInvariant();

    private static string? Null(string value) => value.Length == 0 ? null : value;

    private static string? Date(string value) => value.Length == 0
        ? null
        : DateOnly.ParseExact(value, "dd.MM.yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Dictionary(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, string>();
        while (reader.Read()) result[reader.GetString(0)] = reader.GetString(1);
        return result;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++) command.Parameters.Add(new SqliteParameter("$" + i, null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
