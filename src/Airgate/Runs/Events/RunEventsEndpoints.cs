using System.ComponentModel;
using Airgate.ApiDocs;
using Airgate.Auth;
using Airgate.Problems;
using Airgate.Requests;
using Airgate.Runs.Mirror;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Events;

/// <summary>Live events (Server-Sent Events) of one run and of a run listing, fed by shared polling.</summary>
internal static class RunEventsEndpoints
{
    // How long a refused client should wait: streams last minutes, so sooner would mostly be refused again.
    private const int RetryAfterSeconds = 10;

    public static RouteGroupBuilder MapRunEvents(this RouteGroupBuilder group)
    {
        group.MapGet("/events", StreamRunListEvents).WithName("StreamRunListEvents")
            .Produces<string>(StatusCodes.Status200OK, SseFrames.ContentType).ProducesProblems(400, 404, 429, 503)
            .WithSummary("Server-Sent Events: a 'run' event for each run entering or changing in the listing with these filters (dag_id '~' for all).");
        group.MapGet("/{dag_run_id}/events", StreamRunEvents).WithName("StreamRunEvents")
            .Produces<string>(StatusCodes.Status200OK, SseFrames.ContentType).ProducesProblems(ProblemResponses.AirflowRead).ProducesProblems(429)
            .WithSummary("Server-Sent Events of one run: snapshot, then run, task_instance and summary as they change, end when it finishes.");
        return group;
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamRunEvents(
        [FromRoute(Name = "dag_id")] string dagId,
        [FromRoute(Name = "dag_run_id")] string dagRunId,
        [FromHeader(Name = "Last-Event-ID"), Description("The last event id the client saw (EventSource sends it when reconnecting). Any value is accepted: a resumed stream starts with a fresh snapshot.")]
        string? lastEventId,
        HttpContext context,
        AirgateUser user,
        RunLookup lookup,
        RunWatchers watchers,
        StreamLimits limits,
        IOptions<EventsOptions> options,
        TimeProvider time)
    {
        // A resume is answered like a first connection (a snapshot holds everything a missed event said), so the id is
        // never parsed and a garbage one cannot fail the request.
        _ = lastEventId;
        if (RunDetail.CheckIds(dagId, dagRunId, null) is { } invalid)
        {
            return invalid;
        }

        var cancellationToken = context.RequestAborted;
        var (lease, refusal) = limits.TryOpen(user.Id, "run");
        if (lease is null)
        {
            return Refused(context.Response, refusal);
        }

        using (lease)
        {
            var (record, _, problem) = await lookup.FindAsync(user, dagId, dagRunId, fresh: false, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var subscriber = new EventSubscriber();
            var watch = watchers.Join(dagId, dagRunId, record, subscriber);
            try
            {
                await StreamAsync(context.Response, subscriber, options.Value, time, cancellationToken);
            }
            finally
            {
                watchers.Leave(watch, subscriber);
            }
        }

        return TypedResults.Empty;
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamRunListEvents(
        [FromRoute(Name = "dag_id")] string dagId,
        RunListEventsQuery query,
        HttpContext context,
        AirgateUser user,
        RunAccess access,
        RunMirror mirror,
        RunListingFeed feed,
        StreamLimits limits,
        IOptions<EventsOptions> options,
        TimeProvider time)
    {
        List<ParameterError> errors = [];
        if (dagId != "~" && AirflowIds.CheckKey("dag_id", dagId) is { } idError)
        {
            errors.Add(idError with { Message = idError.Message + ", or '~' for every workflow" });
        }

        errors.AddRange(query.Errors);
        if (errors.Count > 0)
        {
            return InvalidRequestProblems.InvalidParameters(errors);
        }

        var cancellationToken = context.RequestAborted;
        var (lease, refusal) = limits.TryOpen(user.Id, "listing");
        if (lease is null)
        {
            return Refused(context.Response, refusal);
        }

        using (lease)
        {
            if (dagId != "~" && await mirror.IsUnknownWorkflowAsync(dagId, cancellationToken))
            {
                return Problem.NotFound($"No workflow (Airflow DAG) has the id '{dagId}'.");
            }

            var filter = new ListingFilter(
                dagId == "~" ? null : dagId,
                // Under RunVisibility Own the owner filter applies as it does to the listing, so a stream shows no more than it.
                query.Mine ? user.Id : access.ListOwnerFilter(user),
                query.UserNamePattern is { } pattern ? NamePattern.Parse(pattern) : null,
                query.State);
            var subscriber = new EventSubscriber();
            feed.Join(subscriber, filter);
            try
            {
                await StreamAsync(context.Response, subscriber, options.Value, time, cancellationToken);
            }
            finally
            {
                feed.Leave(subscriber);
            }
        }

        return TypedResults.Empty;
    }

    private static async Task StreamAsync(HttpResponse response, EventSubscriber subscriber, EventsOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await SseFrames.BeginAsync(response, cancellationToken);
            await EventStreamPump.RunAsync(response, subscriber.Reader, options.KeepAliveInterval, time, cancellationToken);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            // The client left: nothing to answer, and not an error.
        }
    }

    internal static ProblemHttpResult Refused(HttpResponse response, StreamRefusal refusal)
    {
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return refusal == StreamRefusal.UserFull
            ? Problem.Create(
                StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyStreams, "Too many open event streams",
                "You hold as many open event streams as one user may (Airgate:Events:MaxStreamsPerUser). Close one, or try again later.",
                new Dictionary<string, object?> { ["retry_after_seconds"] = RetryAfterSeconds })
            : Problem.Create(
                StatusCodes.Status503ServiceUnavailable, ProblemTypes.StreamsExhausted, "No event stream available",
                "This Airgate process holds as many open event streams as it may (Airgate:Events:MaxStreams). Try again later.",
                new Dictionary<string, object?> { ["retry_after_seconds"] = RetryAfterSeconds });
    }
}
