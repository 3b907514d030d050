using System.Text;
using Airgate.Airflow.Mwaa;

namespace Airgate.Airflow;

/// <summary>How to reach and authenticate to Airflow; bound from <see cref="SectionName"/> and validated at start.</summary>
public sealed record AirflowOptions
{
    /// <summary>The configuration section the options are bound from by default.</summary>
    public const string SectionName = "Airgate:Airflow";

    /// <summary>How calls reach Airflow: <see cref="AirflowTransport.Http"/> (the default, <see cref="BaseUrl"/>) or <see cref="AirflowTransport.Mwaa"/> (<see cref="Mwaa"/>).</summary>
    public AirflowTransport Transport { get; init; } = AirflowTransport.Http;

    /// <summary>The Amazon MWAA environment, used when <see cref="Transport"/> is <see cref="AirflowTransport.Mwaa"/>.</summary>
    public MwaaOptions Mwaa { get; init; } = new();

    /// <summary>Airflow's absolute http(s) URL, e.g. <c>http://airflow:8080</c>; a path prefix is kept (<c>https://host/airflow</c>).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The user to log in as via <c>POST /auth/token</c>; set with <see cref="Password"/>, or use <see cref="Token"/>.</summary>
    public string? Username { get; init; }

    /// <summary>The password for <see cref="Username"/>; never logged.</summary>
    public string? Password { get; init; }

    /// <summary>A long-lived JWT sent as is, instead of <see cref="Username"/> and <see cref="Password"/>; never logged.</summary>
    public string? Token { get; init; }

    /// <summary>Longest wait for one attempt (login included), headers and body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for a TCP (and TLS) connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for a whole call, retries and their delays included; null means enough for every attempt.</summary>
    public TimeSpan? TotalTimeout { get; init; }

    /// <summary>How many times a failed GET is retried (unreachable, timeout, 502, 503, 504); POST and PATCH never are.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a pooled connection lives, so DNS changes are picked up.</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The API to speak: <see cref="AirflowApiVersion.Auto"/> (ask the server), <see cref="AirflowApiVersion.V2"/> or <see cref="AirflowApiVersion.V1"/>.</summary>
    public AirflowApiVersion ApiVersion { get; init; } = AirflowApiVersion.Auto;

    /// <summary>True when a static <see cref="Token"/> is configured instead of a login.</summary>
    public bool UsesStaticToken => !string.IsNullOrEmpty(Token);

    /// <summary>The time allowed for a whole call: <see cref="TotalTimeout"/>, or every attempt plus the longest delays between them and a second to spare.</summary>
    public TimeSpan EffectiveTotalTimeout =>
        TotalTimeout ?? (RequestTimeout * (MaxRetries + 1)) + (MaxRetryDelay * MaxRetries) + TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two attempts.</summary>
    internal static TimeSpan MaxRetryDelay => TimeSpan.FromSeconds(5);

    // Records print every property: keep the secrets out of ToString, and so out of any log that prints the options.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Transport = {Transport}, Mwaa = {Mwaa}, BaseUrl = {BaseUrl}, ApiVersion = {ApiVersion}, Username = {Username}, Password = {(Password is null ? "null" : "***")}, ");
        builder.Append($"Token = {(Token is null ? "null" : "***")}, RequestTimeout = {RequestTimeout}, ConnectTimeout = {ConnectTimeout}, ");
        builder.Append($"TotalTimeout = {TotalTimeout}, MaxRetries = {MaxRetries}, RetryDelay = {RetryDelay}, PooledConnectionLifetime = {PooledConnectionLifetime}");
        return true;
    }
}
