using System.ComponentModel;

namespace Airgate.Runs;

/// <summary>The stop body as the document declares it; read strictly by <see cref="StopRequest"/>.</summary>
[Description("Optional: an empty body stops the run (state failed).")]
internal sealed record StopRunBody
{
    [Description("failed stops the run (the default); success finishes it.")]
    public StopState State { get; init; }

    [Description("A note stored on the Airflow run (at most 1000 characters).")]
    public string? Note { get; init; }
}
