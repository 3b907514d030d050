namespace Airgate.Storage.Tests.Infrastructure;

/// <summary>
/// Marks a test class whose tests need PostgreSQL. Its <see cref="StoreFactAttribute"/> and
/// <see cref="StoreTheoryAttribute"/> tests are skipped, with the reason, when <c>AIRGATE_TEST_POSTGRES</c> is not
/// set; when it is set and the server cannot be reached, they fail.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute
{
    public const string EnvironmentVariable = "AIRGATE_TEST_POSTGRES";

    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static string? SkipReasonFor(Type testClass) =>
        testClass.IsDefined(typeof(RequiresPostgresAttribute), inherit: true) && AdminConnectionString is null
            ? $"PostgreSQL tests need {EnvironmentVariable} (e.g. 'Host=127.0.0.1;Port=5432;Username=airgate;Password=airgate;Database=postgres'); CI sets it."
            : null;
}
