using Airgate.Storage.Sql;
using Airgate.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Airgate.Storage.Tests;

/// <summary>The store contract on SQLite, with a temporary file per test.</summary>
public sealed class SqliteRunStoreTests : RunStoreContract
{
    private readonly List<string> _files = [];

    internal override Task<SqlDialect> CreateEmptyDatabaseAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"airgate-test-{Guid.NewGuid():N}.db");
        _files.Add(path);
        return Task.FromResult<SqlDialect>(new SqliteDialect($"Data Source={path}", TimeSpan.FromSeconds(5)));
    }

    protected override Task DropDatabasesAsync()
    {
        // Pooled connections keep the file open; only idle ones are closed, so other tests are unaffected.
        SqliteConnection.ClearAllPools();
        foreach (var file in _files.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless; failing the test for it would not be.
            }
        }

        return Task.CompletedTask;
    }
}
