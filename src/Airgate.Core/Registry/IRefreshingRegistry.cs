namespace Airgate.Core.Registry;

/// <summary>A registry read from a remote source on a schedule, which can fail and then serves its last good snapshot.</summary>
public interface IRefreshingRegistry
{
    /// <summary>How the last reads went, for <c>/health/ready</c>.</summary>
    RegistryRefreshState State { get; }
}

/// <summary>The outcome of a remote registry's reads.</summary>
/// <param name="Source">What is read, e.g. <c>DynamoDB tables cape-dap-registry and cape-workflow-registry</c>.</param>
/// <param name="LastSuccess">When a read last succeeded; null when none has yet (the registry is empty).</param>
/// <param name="Failure">Why reads fail, since <paramref name="FailingSince"/>; null when the last read succeeded.</param>
/// <param name="FailingSince">When reads began to fail.</param>
public sealed record RegistryRefreshState(string Source, DateTimeOffset? LastSuccess, string? Failure, DateTimeOffset? FailingSince);
