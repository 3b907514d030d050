namespace Airgate.AirflowEmulator;

/// <summary>How an answer the emulator has processed is lost on its way back.</summary>
public enum LostAnswer
{
    /// <summary>The connection drops: the client sees an <see cref="HttpRequestException"/> (an <see cref="IOException"/> inside).</summary>
    DropConnection,

    /// <summary>A proxy in front gives up: the client sees 504 Gateway Timeout.</summary>
    GatewayTimeout,
}
