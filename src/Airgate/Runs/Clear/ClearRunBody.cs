using System.ComponentModel;

namespace Airgate.Runs.Clear;

/// <summary>The clear body as the document declares it; read strictly by <see cref="RunClear"/>.</summary>
[Description("Optional: an empty body runs the failed task instances again.")]
internal sealed record ClearRunBody
{
    [DefaultValue(true), Description("true: only failed (and upstream_failed) task instances run again; false: every one.")]
    public bool OnlyFailed { get; init; } = true;
}
