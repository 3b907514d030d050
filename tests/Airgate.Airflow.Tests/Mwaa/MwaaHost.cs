using Airgate.Airflow.Aws;
using Airgate.AirflowEmulator;
using Airgate.Testing;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Airflow.Tests.Mwaa;

/// <summary>An Airflow client on the MWAA transport, signing with given credentials, over an emulated MWAA (or a mock).</summary>
internal static class MwaaHost
{
    public const string Endpoint = "https://mwaa.test";

    public static readonly EmulatedMwaa Emulated = new();

    public static Dictionary<string, string?> Settings(string api = "v2", string? environment = null, string? region = null) => new()
    {
        ["Airgate:Airflow:Transport"] = "Mwaa",
        ["Airgate:Airflow:Mwaa:Environment"] = environment ?? Emulated.Environment,
        ["Airgate:Airflow:Mwaa:Region"] = region ?? Emulated.Region,
        ["Airgate:Airflow:Mwaa:Endpoint"] = Endpoint,
        ["Airgate:Airflow:ApiVersion"] = api,
        ["Airgate:Airflow:BaseUrl"] = null,
        ["Airgate:Airflow:Username"] = null,
        ["Airgate:Airflow:Password"] = null,
    };

    public static AirflowTestHost Over(HttpMessageHandler? airflow, Dictionary<string, string?>? settings = null, AWSCredentials? credentials = null, TimeProvider? time = null, Dictionary<string, string?>? extra = null)
    {
        var values = settings ?? Settings();
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }

        var chain = credentials is null && settings is null ? new AwsCredentialChain(new BasicAWSCredentials(Emulated.AccessKeyId, Emulated.SecretAccessKey))
            : credentials is null ? null : new AwsCredentialChain(credentials);
        return new AirflowTestHost(values, airflow, time, services =>
        {
            if (chain is not null)
            {
                services.AddSingleton(chain);
            }
        });
    }

    public static AirflowEmulator.AirflowEmulator Emulator(EmulatedApi api = EmulatedApi.V2, EmulatedMwaa? mwaa = null, TimeProvider? time = null) =>
        new(new EmulatorOptions
        {
            FixturesPath = Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags"),
            Api = api,
            Mwaa = mwaa ?? Emulated,
        }, time);

    public static AWSCredentials EmulatorCredentials(string? secret = null) => new BasicAWSCredentials(Emulated.AccessKeyId, secret ?? Emulated.SecretAccessKey);
}
