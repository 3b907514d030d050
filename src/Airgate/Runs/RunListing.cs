using Airgate.Auth;
using Airgate.Core.Runs;
using Airgate.Problems;
using Airgate.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Runs;

/// <summary><c>GET /workflows/{dag_id}/runs</c>: exact listings from the store, after mirroring Airflow's changes.</summary>
internal static class RunListing
{
    private const int MaxPatternLength = 250;
    private static readonly string[] States = ["queued", "running", "success", "failed"];

    internal static async Task<Results<Ok<RunList>, ProblemHttpResult>> ListRuns(
        [FromRoute(Name = "dag_id")] string dagId,
        HttpRequest request,
        AirgateUser user,
        RunAccess access,
        RunMirror mirror,
        IRunStore store,
        CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        if (dagId != "~" && AirflowIds.CheckKey("dag_id", dagId) is { } idError)
        {
            query.AddError(idError.Parameter, idError.Message + ", or '~' for every workflow");
        }

        var limit = query.Int("limit", 50, 1, RunQuery.MaxLimit);
        var offset = query.Int("offset", 0, 0, int.MaxValue);
        var states = query.Strings("state", 20);
        foreach (var state in states.Where(s => !States.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            query.AddError("state", $"'{state}' is not one of: {string.Join(", ", States)}");
        }

        var pattern = query.String("user_name_pattern", MaxPatternLength);
        var mine = query.Bool("mine") ?? false;
        var orderByText = query.String("order_by", 50);
        if (!RunOrderBy.TryParse(orderByText, out var orderBy))
        {
            query.AddError("order_by", $"must be one of {string.Join(", ", RunOrderBy.AllowedFields)}, optionally prefixed with '-'");
        }

        if (query.Errors.Count > 0 || orderBy is null)
        {
            return InvalidRequestProblems.InvalidParameters(query.Errors);
        }

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
