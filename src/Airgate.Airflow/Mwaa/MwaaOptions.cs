namespace Airgate.Airflow.Mwaa;

/// <summary>Which Amazon MWAA environment to call, bound from <c>Airgate:Airflow:Mwaa</c> when the transport is <see cref="AirflowTransport.Mwaa"/>.</summary>
public sealed record MwaaOptions
{
    /// <summary>The MWAA environment's name (<c>[a-zA-Z][0-9a-zA-Z-_]*</c>, 1-80 characters); required.</summary>
    public string? Environment { get; init; }

    /// <summary>The AWS region of the environment; null for the region of the AWS environment (<c>AWS_REGION</c>, profile, instance).</summary>
    public string? Region { get; init; }

    /// <summary>An absolute http(s) URL replacing <c>https://env.airflow.{region}.amazonaws.com</c> (VPC interface endpoints, tests); null for the default.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The base of the URIs the client builds over MWAA: never sent, the MWAA handler reads their path and query.</summary>
    internal const string AirflowPathCarrier = "https://airflow.mwaa.invalid";

    /// <summary>The signing name of MWAA's API.</summary>
    public const string SigningService = "airflow";

    /// <summary>MWAA's public endpoint in a region.</summary>
    public static string DefaultEndpoint(string region) => $"https://env.airflow.{region}.amazonaws.com";
}
