using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ProjectWorkflow.Benchmarks.Scale;

/// <summary>
/// Writes generated rows straight into a table the EF model describes, without the API and without EF's change tracker:
/// <c>COPY … (FORMAT BINARY)</c> through <see cref="NpgsqlBinaryImporter"/> on PostgreSQL, one prepared INSERT per row in
/// one transaction on SQLite. Values are the model's CLR values, converted as EF converts them (GUIDs as text and
/// DateTimeOffset as ticks on SQLite, UTC on PostgreSQL); a column the row does not name gets its type's default.
/// </summary>
internal sealed class BulkRows
{
    private readonly IReadOnlyList<(string Column, IProperty Property)> _columns;
    private readonly string _table;
    private readonly bool _postgres;
    private readonly string _connectionString;

    public BulkRows(DbContext db, Type entity, bool postgres, string connectionString)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        _table = type.GetTableName()!;
        var table = StoreObjectIdentifier.Table(_table, type.GetSchema());
        _columns = db.Model.GetEntityTypes().Where(e => e.GetTableName() == _table)
            .OrderBy(e => e == type ? 0 : 1)
            .SelectMany(e => e.GetProperties())
            .Select(p => (Column: p.GetColumnName(table)!, Property: p))
            .Where(c => c.Column is not null && !(c.Property.ValueGenerated == ValueGenerated.OnAdd && c.Property.ClrType == typeof(long) && c.Property.IsPrimaryKey()))
            .DistinctBy(c => c.Column)
            .ToList();
        _postgres = postgres;
        _connectionString = connectionString;
    }

    /// <summary>Writes <paramref name="count"/> rows; <paramref name="row"/> gives the values it names (by property name).</summary>
    public async Task WriteAsync(int count, Func<int, IReadOnlyDictionary<string, object?>> row)
    {
        if (count == 0) return;
        if (_postgres) await CopyAsync(count, row);
        else await InsertAsync(count, row);
    }

    private object? ValueOf(IProperty property, IReadOnlyDictionary<string, object?> values)
    {
        var value = values.TryGetValue(property.Name, out var given) ? given : Default(property);
        var converter = property.GetTypeMapping().Converter;
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }

    private static object? Default(IProperty property)
    {
        if (property.IsNullable) return null;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type == typeof(string)) return "";
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(DateTimeOffset)) return DateTimeOffset.UtcNow;
        if (type == typeof(DateTime)) return DateTime.UtcNow;
        if (type == typeof(DateOnly)) return DateOnly.FromDateTime(DateTime.UtcNow);
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        return Activator.CreateInstance(type);
    }

    private async Task InsertAsync(int count, Func<int, IReadOnlyDictionary<string, object?>> row)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_connectionString);
        await connection.OpenAsync();
        const int perTransaction = 50_000;
        for (var from = 0; from < count; from += perTransaction)
        {
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"$p{i}"))})";
            var parameters = _columns.Select((_, i) => insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            for (var i = from; i < Math.Min(count, from + perTransaction); i++)
            {
                var values = row(i);
                for (var c = 0; c < _columns.Count; c++)
                {
                    var value = ValueOf(_columns[c].Property, values);
                    // As EF binds them: GUIDs as upper-case text.
                    parameters[c].Value = value switch
                    {
                        null => DBNull.Value,
                        Guid g => g.ToString().ToUpperInvariant(),
                        _ => value,
                    };
                }
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
    }

    private async Task CopyAsync(int count, Func<int, IReadOnlyDictionary<string, object?>> row)
    {
        // Index upkeep while millions of rows arrive outlasts the default 30 s command timeout.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < count; i++)
        {
            var values = row(i);
            await writer.StartRowAsync();
            foreach (var (_, property) in _columns)
            {
                switch (ValueOf(property, values))
                {
                    case null: await writer.WriteNullAsync(); break;
                    case string s: await writer.WriteAsync(s, NpgsqlDbType.Text); break;
                    case Guid g: await writer.WriteAsync(g, NpgsqlDbType.Uuid); break;
                    case long l: await writer.WriteAsync(l, NpgsqlDbType.Bigint); break;
                    case int n: await writer.WriteAsync(n, NpgsqlDbType.Integer); break;
                    case short n: await writer.WriteAsync(n, NpgsqlDbType.Smallint); break;
                    case bool b: await writer.WriteAsync(b, NpgsqlDbType.Boolean); break;
                    case decimal d: await writer.WriteAsync(d, NpgsqlDbType.Numeric); break;
                    case double d: await writer.WriteAsync(d, NpgsqlDbType.Double); break;
                    case DateTimeOffset t: await writer.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz); break;
                    case DateTime t: await writer.WriteAsync(DateTime.SpecifyKind(t, DateTimeKind.Utc), NpgsqlDbType.TimestampTz); break;
                    case DateOnly d: await writer.WriteAsync(d, NpgsqlDbType.Date); break;
                    case var other: throw new InvalidOperationException($"{_table}.{property.Name}: no COPY mapping for {other.GetType().Name}.");
                }
            }
        }
        await writer.CompleteAsync();
    }
}
