namespace Airgate.Core.Runs;

/// <summary>Where a run record came from.</summary>
public enum RunSource
{
    /// <summary>Triggered through Airgate: owner, pipelines and parameters are Airgate's own record.</summary>
    Airgate,

    /// <summary>Started outside Airgate and only mirrored from Airflow.</summary>
    External,
}
