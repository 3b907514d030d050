namespace Airgate.Runs.Mirror;

/// <summary>How far the cold-start backfill has read Airflow's runs (newest first); shown on listings until complete.</summary>
internal sealed record BackfillProgress(bool Complete, long RunsRead, long? RunsTotal);
