using System.Data;
using System.Data.Common;

namespace Airgate.Storage.Sql;

internal static class DbCommandExtensions
{
    /// <summary>Adds a typed parameter (typed even when null, so PostgreSQL never has to guess).</summary>
    public static void Add(this DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static void AddText(this DbCommand command, string name, string? value) => command.Add(name, DbType.String, value);

    public static void AddInt64(this DbCommand command, string name, long value) => command.Add(name, DbType.Int64, value);

    public static DbCommand CreateCommand(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
