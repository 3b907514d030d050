namespace Airgate.Core.Runs;

/// <summary>
/// Who triggered a run: for runs started through Airgate both the user's id and name; for runs started
/// outside Airgate the id is null and the name is Airflow's <c>triggering_user_name</c> (when the server has it).
/// </summary>
public sealed record RunOwner(string? Id, string? Name);
