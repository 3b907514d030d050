namespace Airgate.Tests.Infrastructure;

/// <summary>
/// A test that needs PostgreSQL: the shared server (<c>AIRGATE_TEST_POSTGRES</c>) or
/// (ownServer) a private one this test may stop and start (<c>AIRGATE_TEST_PG_BIN</c>: the folder of initdb and pg_ctl). Skipped,
/// with the reason, when the variable is not set; CI sets both.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(bool ownServer = false)
    {
        var variable = ownServer ? PrivatePostgres.BinVariable : TestDatabases.ServerVariable;
        if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 })
        {
            Skip = $"Needs {variable}; CI sets it (see .ci/run).";
        }
    }
}
