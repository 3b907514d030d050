using System.Data.Common;
using Airgate.Core.Presets;
using Airgate.Storage.Sql;

namespace Airgate.Storage.Presets;

/// <summary>Presets on either database: the same SQL, with timestamps and JSON handled by the <see cref="SqlDialect"/>.</summary>
internal sealed class SqlPresetStore(SqlDialect dialect, TimeProvider timeProvider) : IPresetStore
{
    private const string Columns = "owner_id, dag_id, name, \"values\", created_at, updated_at";

    public async Task<IReadOnlyList<Preset>> ListAsync(string ownerId, string dagId, CancellationToken cancellationToken = default)
    {
        if (StorableText.HasNul(ownerId) || StorableText.HasNul(dagId))
        {
            return [];
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand(
            $"SELECT {Columns} FROM presets WHERE owner_id = @owner_id AND dag_id = @dag_id ORDER BY name");
        select.AddText("@owner_id", ownerId);
        select.AddText("@dag_id", dagId);
        return await ReadAllAsync(select, cancellationToken);
    }

    public async Task<Preset?> GetAsync(string ownerId, string dagId, string name, CancellationToken cancellationToken = default)
    {
        if (StorableText.HasNul(ownerId) || StorableText.HasNul(dagId) || StorableText.HasNul(name))
        {
            return null;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, ownerId, dagId, name, cancellationToken);
    }

    public async Task<(Preset? Preset, SavePresetOutcome Outcome)> SaveAsync(
        string ownerId, string dagId, string name, string values, int maxPerWorkflow, CancellationToken cancellationToken = default)
    {
        StorableText.Ensure(ownerId, nameof(ownerId));
        StorableText.Ensure(dagId, nameof(dagId));
        StorableText.Ensure(name, nameof(name));
        JsonText.EnsureValid(values, nameof(values));

        var now = dialect.ToDatabase(timeProvider.GetUtcNow());
        using var turn = await dialect.EnterWriteAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        // The write lock up front: the count and the insert see the same rows, so two saves never pass the limit together.
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);

        await using (var update = connection.CreateCommand(
            $"""
            UPDATE presets SET "values" = {dialect.JsonParameter("@values")}, updated_at = @now
            WHERE owner_id = @owner_id AND dag_id = @dag_id AND name = @name
            """, transaction))
        {
            AddKey(update, ownerId, dagId, name);
            update.AddText("@values", values);
            update.Add("@now", dialect.TimestampDbType, now);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                var replaced = await GetAsync(connection, transaction, ownerId, dagId, name, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (replaced, SavePresetOutcome.Replaced);
            }
        }

        await using (var count = connection.CreateCommand(
            "SELECT COUNT(*) FROM presets WHERE owner_id = @owner_id AND dag_id = @dag_id", transaction))
        {
            count.AddText("@owner_id", ownerId);
            count.AddText("@dag_id", dagId);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) >= maxPerWorkflow)
            {
                return (null, SavePresetOutcome.LimitReached);
            }
        }

        await using (var insert = connection.CreateCommand(
            $"""
            INSERT INTO presets ({Columns})
            VALUES (@owner_id, @dag_id, @name, {dialect.JsonParameter("@values")}, @now, @now)
            """, transaction))
        {
            AddKey(insert, ownerId, dagId, name);
            insert.AddText("@values", values);
            insert.Add("@now", dialect.TimestampDbType, now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var created = await GetAsync(connection, transaction, ownerId, dagId, name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (created, SavePresetOutcome.Created);
    }

    public async Task<bool> DeleteAsync(string ownerId, string dagId, string name, CancellationToken cancellationToken = default)
    {
        if (StorableText.HasNul(ownerId) || StorableText.HasNul(dagId) || StorableText.HasNul(name))
        {
            return false;
        }

        using var turn = await dialect.EnterWriteAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var delete = connection.CreateCommand(
            "DELETE FROM presets WHERE owner_id = @owner_id AND dag_id = @dag_id AND name = @name");
        AddKey(delete, ownerId, dagId, name);
        return await delete.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<Preset?> GetAsync(
        DbConnection connection, DbTransaction? transaction, string ownerId, string dagId, string name, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand(
            $"SELECT {Columns} FROM presets WHERE owner_id = @owner_id AND dag_id = @dag_id AND name = @name", transaction);
        AddKey(select, ownerId, dagId, name);
        var rows = await ReadAllAsync(select, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static void AddKey(DbCommand command, string ownerId, string dagId, string name)
    {
        command.AddText("@owner_id", ownerId);
        command.AddText("@dag_id", dagId);
        command.AddText("@name", name);
    }

    private async Task<List<Preset>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        List<Preset> presets = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            presets.Add(new Preset(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                dialect.ReadTimestamp(reader, 4), dialect.ReadTimestamp(reader, 5)));
        }

        return presets;
    }
}
