using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProjectWorkflow.Application.Workflows.Storage;

/// <summary>
/// Writes the journal lines of one save as one multi-row <c>INSERT … RETURNING</c> (<c>OUTPUT</c> on SQL Server)
/// instead of one tracked entity — and, on SQLite, one statement — per line. The database numbers the lines as before;
/// the statement hands the numbers back (matched by instance and sequence, which are unique together), so the audit
/// chain can vouch for each line by its id (<see cref="Audit.AuditCovers"/>). It runs inside the save's transaction,
/// through EF Core's command pipeline (logged and intercepted like EF's own statements), and can carry one statement
/// before it in the same round trip (the audit chain's head lock). A line the database refuses (another writer took
/// the sequence first) fails the save like any other row, as a <see cref="DbUpdateException"/>.
/// </summary>
internal static class JournalLines
{
    // SQL Server takes at most 2,100 parameters a statement: 8 a line.
    private const int LinesPerStatement = 200;

    private static readonly string[] Columns =
    [
        nameof(JournalRecord.InstanceId), nameof(JournalRecord.Sequence), nameof(JournalRecord.At), nameof(JournalRecord.ElementId),
        nameof(JournalRecord.Kind), nameof(JournalRecord.Event), nameof(JournalRecord.Actor), nameof(JournalRecord.Detail),
    ];

    /// <summary>
    /// Inserts <paramref name="lines"/> and sets their ids. <paramref name="before"/>, when given, runs first in the same
    /// command; <paramref name="readBefore"/> reads its one result set.
    /// </summary>
    public static async Task WriteAsync(DbContext db, IReadOnlyList<JournalRecord> lines, CancellationToken cancellationToken,
        string? before = null, Action<DbDataReader>? readBefore = null)
    {
        if (lines.Count == 0 && before is null) return;
        var entity = db.Model.FindEntityType(typeof(JournalRecord))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = Columns.Select(c => entity.FindProperty(c)!).ToArray();
        var names = properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToArray();
        var id = sql.DelimitIdentifier(entity.FindProperty(nameof(JournalRecord.Id))!.GetColumnName(table)!);
        var (instanceColumn, sequenceColumn) = (names[0], names[1]);
        var sqlServer = db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true;
        using var factory = db.Database.GetDbConnection().CreateCommand(); // makes the parameters only; EF runs the statement

        var text = new StringBuilder();
        if (before is not null) text.Append(before).Append(";\n");
        var parameters = new List<object>(lines.Count * properties.Length);
        var chunks = lines.Chunk(LinesPerStatement).ToList();
        foreach (var chunk in chunks)
        {
            text.Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (").AppendJoin(", ", names).Append(')');
            if (sqlServer) text.Append($" OUTPUT INSERTED.{id}, INSERTED.{instanceColumn}, INSERTED.{sequenceColumn}");
            text.Append(" VALUES ");
            for (var row = 0; row < chunk.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                var line = chunk[row];
                object?[] values = [line.InstanceId, line.Sequence, line.At, line.ElementId, line.Kind, line.Event, line.Actor, line.Detail];
                for (var column = 0; column < properties.Length; column++)
                {
                    var name = $"@j{parameters.Count}";
                    parameters.Add(properties[column].GetRelationalTypeMapping().CreateParameter(factory, name, values[column], properties[column].IsNullable));
                    text.Append(column == 0 ? "" : ", ").Append(name);
                }
                text.Append(')');
            }
            if (!sqlServer) text.Append($" RETURNING {id}, {instanceColumn}, {sequenceColumn}");
            text.Append(";\n");
        }

        var command = db.GetService<IRawSqlCommandBuilder>().Build(text.ToString(), parameters);
        var numbered = new Dictionary<(Guid, long), long>();
        var inserting = before is null; // a failure of the statement before is its own, not the journal's
        try
        {
            await using var reader = await command.RelationalCommand.ExecuteReaderAsync(
                new RelationalCommandParameterObject(db.GetService<IRelationalConnection>(), command.ParameterValues, null, db,
                    db.GetService<IRelationalCommandDiagnosticsLogger>()),
                cancellationToken);
            var results = reader.DbDataReader;
            if (before is not null)
            {
                readBefore?.Invoke(results);
                inserting = true;
                await results.NextResultAsync(cancellationToken);
            }
            foreach (var _ in chunks)
            {
                while (await results.ReadAsync(cancellationToken))
                    numbered[(results.GetGuid(1), results.GetInt64(2))] = results.GetInt64(0);
                await results.NextResultAsync(cancellationToken);
            }
        }
        catch (DbException refused) when (inserting)
        {
            throw new DbUpdateException("The database refused the command's journal lines.", refused);
        }
        foreach (var line in lines)
            line.Id = numbered.TryGetValue((line.InstanceId, line.Sequence), out var lineId)
                ? lineId
                : throw new DbUpdateException($"The database did not number journal line {line.Sequence} of instance {line.InstanceId}.");
    }
}
