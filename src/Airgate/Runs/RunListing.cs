using Airgate.Auth;
using Airgate.Core.Runs;
using Airgate.Problems;
using Airgate.Requests;
using Airgate.Runs.Mirror;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Runs;

/// <summary><c>GET /workflows/{dag_id}/runs</c>: exact listings from the store, after mirroring Airflow's changes.</summary>
internal static class RunListing
{
    internal static async Task<Results<Ok<RunList>, ProblemHttpResult>> ListRuns(
        [FromRoute(Name = "dag_id")] string dagId,
        ListRunsQuery query,
        AirgateUser user,
        RunAccess access,
        RunMirror mirror,
        IRunStore store,
        CancellationToken cancellationToken)
    {
        List<ParameterError> errors = [];
        if (dagId != "~" && AirflowIds.CheckKey("dag_id", dagId) is { } idError)
        {
            errors.Add(idError with { Message = idError.Message + ", or '~' for every workflow" });
        }

        errors.AddRange(query.Errors);
        // The binder has checked order_by against the same names; parsing cannot fail after it passed.
        if (errors.Count > 0 || !RunOrderBy.TryParse(query.OrderBy, out var orderBy) || orderBy is null)
        {
            return InvalidRequestProblems.InvalidParameters(errors);
        }

        var (limit, offset, states, pattern, mine) = (query.Limit, query.Offset, query.State, query.UserNamePattern, query.Mine);

        var status = await mirror.RefreshAsync(cancellationToken);
        var page = await store.ListAsync(new RunQuery
        {
            DagId = dagId == "~" ? null : dagId,
            // Under RunVisibility Own the owner filter is part of the query, so totals stay exact for what the user may see.
            OwnerId = mine ? user.Id : access.ListOwnerFilter(user),
            OwnerNamePattern = pattern,
            States = states,
            OrderBy = orderBy,
            Limit = limit,
            Offset = offset,
        }, cancellationToken);
        if (page.TotalEntries == 0 && dagId != "~" && await mirror.IsUnknownWorkflowAsync(dagId, cancellationToken))
        {
            return Problem.NotFound($"No workflow (Airflow DAG) has the id '{dagId}'.");
        }

        return TypedResults.Ok(new RunList([.. page.Items.Select(RunResponse.From)], page.TotalEntries, status.SyncedAt, status.Backfill));
    }
}
