using Airgate.AirflowEmulator;
using Airgate.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Infrastructure;

internal sealed class GatewayOptions
{
    public Dictionary<string, string?> Settings { get; } = [];

    public string? RegistryPath { get; set; }

    public EmulatorOptions? Emulator { get; set; }

    public ManualTimeProvider? Clock { get; set; }

    /// <summary>An emulator several gateways share (replicas); the test disposes it, not the gateway.</summary>
    public AirflowEmulator.AirflowEmulator? SharedEmulator { get; set; }

    /// <summary>False to let the gateway reach <c>Airgate:Airflow:BaseUrl</c> over the network (the Prism check).</summary>
    public bool UseEmulator { get; set; } = true;

    public Action<IServiceCollection>? ConfigureServices { get; set; }
}
