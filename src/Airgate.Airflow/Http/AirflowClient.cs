using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Airgate.Airflow.Http.Wire;
using Airgate.Airflow.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Airgate.Airflow.Http;

/// <summary>The typed <c>/api/v2</c> client: ids checked and encoded, GETs retried, every failure answered as a value.</summary>
internal sealed partial class AirflowClient : IAirflowClient
{
    private const int PageSize = 100;
    private static readonly ResiliencePropertyKey<string> PathKey = new("Airgate.Airflow.Path");
    private static readonly string[] PatchFields = ["state", "note"];
    private static readonly string[] PatchStates = ["queued", "success", "failed"];

    private readonly HttpClient _http;
    private readonly AirflowOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AirflowClient> _logger;
    private readonly ResiliencePipeline<AttemptOutcome> _retrying;

    public AirflowClient(HttpClient http, IOptions<AirflowOptions> options, TimeProvider time, ILogger<AirflowClient> logger)
    {
        _http = http;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _retrying = BuildRetryPipeline();
    }

    /// <summary>Joins the base URL and a relative path without letting <see cref="Uri"/> un-escape or collapse anything in it.</summary>
    public static Uri ResolveUri(AirflowOptions options, string relative) =>
        new($"{options.BaseUrl?.TrimEnd('/')}/{relative}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    public Task<AirflowResult<AirflowVersion>> GetVersionAsync(CancellationToken cancellationToken = default) =>
        SendAsync<AirflowVersion>(HttpMethod.Get, AirflowRequestPath.Api().Literal("version"), body: null, anonymous: true, cancellationToken);

    public Task<AirflowResult<AirflowHealth>> GetHealthAsync(CancellationToken cancellationToken = default) =>
        SendAsync<AirflowHealth>(HttpMethod.Get, AirflowRequestPath.Api().Literal("monitor").Literal("health"), body: null, anonymous: true, cancellationToken);

    public async Task<AirflowResult<AirflowPage<AirflowDag>>> ListDagsAsync(DagQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = AirflowRequestPath.Api().Literal("dags");
        if ((CheckPaging(query.Limit, query.Offset) ?? CheckText("tags", query.Tags) ?? CheckText("dag_id_pattern", query.DagIdPattern)) is { } problem)
        {
            return Reject<AirflowPage<AirflowDag>>(HttpMethod.Get, path, problem);
        }

        path.Query("limit", query.Limit).Query("offset", query.Offset).Query("tags", query.Tags)
            .Query("dag_id_pattern", query.DagIdPattern).Query("paused", query.Paused);
        var result = await SendAsync<DagCollection>(HttpMethod.Get, path, body: null, anonymous: false, cancellationToken);
        return result.IsSuccess ? new AirflowPage<AirflowDag>(result.Value.Dags, result.Value.TotalEntries) : result.Failure;
    }

    public Task<AirflowResult<IReadOnlyList<AirflowDag>>> ListAllDagsAsync(DagQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = query.Limit > 0 ? query.Limit : PageSize;
        return ReadAllAsync(
            query.Offset,
            (offset, token) => ListDagsAsync(query with { Limit = pageSize, Offset = offset }, token),
            dag => dag.DagId,
            cancellationToken);
    }

    public Task<AirflowResult<AirflowDag>> GetDagAsync(string dagId, CancellationToken cancellationToken = default) =>
        GetByIdsAsync<AirflowDag>(cancellationToken, ("dags", "dag_id", dagId));

    public Task<AirflowResult<AirflowDagDetails>> GetDagDetailsAsync(string dagId, CancellationToken cancellationToken = default) =>
        GetByIdsAsync<AirflowDagDetails>(cancellationToken, ("dags", "dag_id", dagId), ("details", null, null));

    public async Task<AirflowResult<IReadOnlyList<AirflowTask>>> ListTasksAsync(string dagId, CancellationToken cancellationToken = default)
    {
        var result = await GetByIdsAsync<TaskCollection>(cancellationToken, ("dags", "dag_id", dagId), ("tasks", null, null));
        return result.IsSuccess ? result.Value.Tasks.ToList() : result.Failure;
    }

    public Task<AirflowResult<AirflowTask>> GetTaskAsync(string dagId, string taskId, CancellationToken cancellationToken = default) =>
        GetByIdsAsync<AirflowTask>(cancellationToken, ("dags", "dag_id", dagId), ("tasks", "task_id", taskId));

    public Task<AirflowResult<AirflowDagRun>> TriggerDagRunAsync(string dagId, TriggerDagRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = AirflowRequestPath.CheckId("dag_id", dagId);
        if (problem is null && request.DagRunId is not null && !RunIdPattern().IsMatch(request.DagRunId))
        {
            problem = "dag_run_id may contain only letters, digits and _ . ~ : + -.";
        }

        var path = AirflowRequestPath.Api().Literal("dags");
        if (problem is not null)
        {
            return Task.FromResult(Reject<AirflowDagRun>(HttpMethod.Post, path, problem));
        }

        path.Id(dagId).Literal("dagRuns");
        var body = new TriggerBody { DagRunId = request.DagRunId, LogicalDate = request.LogicalDate, Conf = request.Conf, Note = request.Note };
        return SendAsync<AirflowDagRun>(HttpMethod.Post, path, body, anonymous: false, cancellationToken);
    }

    public async Task<AirflowResult<AirflowPage<AirflowDagRun>>> ListDagRunsAsync(string dagId, DagRunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = AirflowRequestPath.Api().Literal("dags");
        if ((AirflowRequestPath.CheckId("dag_id", dagId) ?? CheckPaging(query.Limit, query.Offset) ?? CheckText("state", query.States) ?? CheckText("order_by", query.OrderBy)) is { } problem)
        {
            return Reject<AirflowPage<AirflowDagRun>>(HttpMethod.Get, path, problem);
        }

        path.Id(dagId).Literal("dagRuns")
            .Query("limit", query.Limit).Query("offset", query.Offset).Query("state", query.States).Query("order_by", query.OrderBy);
        var result = await SendAsync<DagRunCollection>(HttpMethod.Get, path, body: null, anonymous: false, cancellationToken);
        return result.IsSuccess ? new AirflowPage<AirflowDagRun>(result.Value.DagRuns, result.Value.TotalEntries) : result.Failure;
    }

    public Task<AirflowResult<AirflowDagRun>> GetDagRunAsync(string dagId, string dagRunId, CancellationToken cancellationToken = default) =>
        GetByIdsAsync<AirflowDagRun>(cancellationToken, ("dags", "dag_id", dagId), ("dagRuns", "dag_run_id", dagRunId));

    public Task<AirflowResult<AirflowDagRun>> PatchDagRunAsync(string dagId, string dagRunId, DagRunPatch patch, IReadOnlyList<string>? updateMask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var given = new List<string>();
        if (patch.State is not null)
        {
            given.Add("state");
        }

        if (patch.Note is not null)
        {
            given.Add("note");
        }

        var mask = updateMask ?? given;
        var path = AirflowRequestPath.Api().Literal("dags");
        var problem = AirflowRequestPath.CheckId("dag_id", dagId) ?? AirflowRequestPath.CheckId("dag_run_id", dagRunId);
        if (problem is null && mask.FirstOrDefault(f => !PatchFields.Contains(f, StringComparer.Ordinal)) is { } unknown)
        {
            problem = $"update_mask field '{unknown}' is not one of: {string.Join(", ", PatchFields)}.";
        }

        if (problem is null && mask.Count == 0)
        {
            problem = "The patch changes nothing: give a state, a note or an update_mask.";
        }

        if (problem is null && patch.State is not null && !PatchStates.Contains(patch.State, StringComparer.Ordinal))
        {
            problem = $"state '{patch.State}' is not one of: {string.Join(", ", PatchStates)}.";
        }

        if (problem is null && patch.Note is { Length: > 1000 })
        {
            problem = "note must be at most 1000 characters.";
        }

        if (problem is not null)
        {
            return Task.FromResult(Reject<AirflowDagRun>(HttpMethod.Patch, path, problem));
        }

        path.Id(dagId).Literal("dagRuns").Id(dagRunId).Query("update_mask", mask.Distinct(StringComparer.Ordinal));
        return SendAsync<AirflowDagRun>(HttpMethod.Patch, path, patch, anonymous: false, cancellationToken);
    }

    public Task<AirflowResult<IReadOnlyList<AirflowTaskInstance>>> ListAllTaskInstancesAsync(string dagId, string dagRunId, string? taskId = null, CancellationToken cancellationToken = default)
    {
        var path = AirflowRequestPath.Api().Literal("dags");
        var problem = AirflowRequestPath.CheckId("dag_id", dagId) ?? AirflowRequestPath.CheckId("dag_run_id", dagRunId)
            ?? (taskId is null ? null : AirflowRequestPath.CheckId("task_id", taskId));
        if (problem is not null)
        {
            return Task.FromResult(Reject<IReadOnlyList<AirflowTaskInstance>>(HttpMethod.Get, path, problem));
        }

        path.Id(dagId).Literal("dagRuns").Id(dagRunId).Literal("taskInstances");
        return ReadAllAsync<AirflowTaskInstance>(
            0,
            async (offset, token) =>
            {
                var page = AirflowRequestPath.Api().Literal("dags").Id(dagId).Literal("dagRuns").Id(dagRunId).Literal("taskInstances")
                    .Query("task_id", taskId).Query("limit", PageSize).Query("offset", offset);
                var result = await SendAsync<TaskInstanceCollection>(HttpMethod.Get, page, body: null, anonymous: false, token);
                return result.IsSuccess ? new AirflowPage<AirflowTaskInstance>(result.Value.TaskInstances, result.Value.TotalEntries) : result.Failure;
            },
            instance => instance.Id,
            cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z0-9_.~:+-]+$")]
    private static partial Regex RunIdPattern();

    private static string? CheckPaging(int limit, int offset) =>
        limit < 0 ? "limit must not be negative." : offset < 0 ? "offset must not be negative." : null;

    private static string? CheckText(string name, string? value) =>
        value is null ? null : AirflowRequestPath.CheckId(name, value);

    private static string? CheckText(string name, IEnumerable<string> values) =>
        values.Select(v => AirflowRequestPath.CheckId(name, v)).FirstOrDefault(p => p is not null);

    /// <summary>Reads pages until <c>total_entries</c> is reached, advancing by what each page really held (Airflow caps <c>limit</c> silently).</summary>
    private static async Task<AirflowResult<IReadOnlyList<T>>> ReadAllAsync<T>(
        int offset,
        Func<int, CancellationToken, Task<AirflowResult<AirflowPage<T>>>> readPage,
        Func<T, string> key,
        CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var result = await readPage(offset, cancellationToken);
            if (!result.IsSuccess)
            {
                return result.Failure;
            }

            var page = result.Value;
            var added = 0;
            foreach (var item in page.Items)
            {
                // A collection that shifts while we read can repeat an item across pages.
                if (seen.Add(key(item)))
                {
                    items.Add(item);
                    added++;
                }
            }

            offset += page.Items.Count;

            // An empty page, or one with nothing new, before the total: stop rather than loop forever.
            if (page.Items.Count == 0 || added == 0 || offset >= page.TotalEntries)
            {
                return items;
            }
        }
    }

    private Task<AirflowResult<T>> GetByIdsAsync<T>(CancellationToken cancellationToken, params (string Literal, string? Name, string? Id)[] segments)
    {
        var path = AirflowRequestPath.Api();
        foreach (var (literal, name, id) in segments)
        {
            if (name is not null && AirflowRequestPath.CheckId(name, id) is { } problem)
            {
                return Task.FromResult(Reject<T>(HttpMethod.Get, path, problem));
            }
        }

        foreach (var (literal, _, id) in segments)
        {
            path.Literal(literal);
            if (id is not null)
            {
                path.Id(id);
            }
        }

        return SendAsync<T>(HttpMethod.Get, path, body: null, anonymous: false, cancellationToken);
    }

    private AirflowResult<T> Reject<T>(HttpMethod method, AirflowRequestPath path, string problem)
    {
        AirflowLog.RejectedLocally(_logger, method.Method, path.Path, problem);
        return new AirflowFailure(AirflowError.Rejected, null, problem);
    }

    private async Task<AirflowResult<T>> SendAsync<T>(HttpMethod method, AirflowRequestPath path, object? body, bool anonymous, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = new Call(method, ResolveUri(_options, path.PathAndQuery), "/" + path.Path, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), AirflowJson.Options), anonymous);
        var started = _time.GetTimestamp();
        using var totalTimeout = new CancellationTokenSource(_options.EffectiveTotalTimeout, _time);
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalTimeout.Token);
        AttemptOutcome outcome;
        try
        {
            // Only GET is safe to repeat: a retried POST could trigger a second run.
            outcome = method == HttpMethod.Get
                ? await RetryAsync(call, total.Token, cancellationToken)
                : await AttemptAsync(call, total.Token, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var elapsed = Elapsed(started);
            AirflowLog.Cancelled(_logger, method.Method, call.LogPath, elapsed);
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = new AttemptOutcome(null, null, new AirflowFailure(AirflowError.Timeout, null, $"Airflow did not answer within {_options.EffectiveTotalTimeout.TotalSeconds:0.###} s."));
        }

        if (outcome.Failure is { } failure)
        {
            var elapsed = Elapsed(started);
            AirflowLog.Failed(_logger, method.Method, call.LogPath, failure.Error, failure.StatusCode, elapsed);
            return failure;
        }

        try
        {
            if (JsonSerializer.Deserialize<T>(outcome.Body, AirflowJson.Options) is { } value and not IAirflowWire { IsComplete: false })
            {
                var elapsed = Elapsed(started);
                AirflowLog.Succeeded(_logger, method.Method, call.LogPath, outcome.Status ?? 0, elapsed);
                return value;
            }
        }
        catch (JsonException)
        {
            // Answered below: the body is not what the spec promises.
        }
        catch (NotSupportedException)
        {
            // Same: a shape System.Text.Json cannot map.
        }

        AirflowLog.Unreadable(_logger, method.Method, call.LogPath, outcome.Status ?? 0, typeof(T).Name);
        return new AirflowFailure(AirflowError.InvalidResponse, outcome.Status, $"Airflow's answer to {method.Method} {call.LogPath} is not a valid {typeof(T).Name}.");
    }

    private async ValueTask<AttemptOutcome> RetryAsync(Call call, CancellationToken token, CancellationToken callerToken)
    {
        var context = ResilienceContextPool.Shared.Get(token);
        context.Properties.Set(PathKey, call.LogPath);
        try
        {
            return await _retrying.ExecuteAsync(
                static (context, state) => state.Client.AttemptAsync(state.Call, context.CancellationToken, state.Caller),
                context,
                (Client: this, Call: call, Caller: callerToken));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<AttemptOutcome> AttemptAsync(Call call, CancellationToken token, CancellationToken callerToken)
    {
        using var attemptTimeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, attemptTimeout.Token);
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Options.Set(AirflowTokenHandler.Anonymous, call.Anonymous);
        request.Options.Set(AirflowTokenHandler.LogPath, call.LogPath);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            var status = (int)response.StatusCode;
            return new AttemptOutcome(status, body, AirflowFailures.FromStatus(status, body, response.Headers.RetryAfter, _time.GetUtcNow()));
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested || token.IsCancellationRequested)
        {
            // The caller gave up, or the whole call ran out of time: SendAsync answers both.
            throw;
        }
        catch (OperationCanceledException)
        {
            // This attempt's timeout, or the connect timeout.
            return new AttemptOutcome(null, null, new AirflowFailure(AirflowError.Timeout, null, $"Airflow did not answer within {_options.RequestTimeout.TotalSeconds:0.###} s."));
        }
        catch (AirflowLoginException e)
        {
            return new AttemptOutcome(e.Failure.StatusCode, null, e.Failure);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.ConfigurationLimitExceeded)
        {
            AirflowLog.Unreachable(_logger, call.Method.Method, call.LogPath, e.HttpRequestError);
            return new AttemptOutcome(null, null, new AirflowFailure(AirflowError.InvalidResponse, null, "Airflow answered something that is not valid HTTP."));
        }
        catch (HttpRequestException e)
        {
            AirflowLog.Unreachable(_logger, call.Method.Method, call.LogPath, e.HttpRequestError);
            return new AttemptOutcome(null, null, new AirflowFailure(AirflowError.Unreachable, null, $"Airflow could not be reached ({Describe(e.HttpRequestError)})."));
        }
        catch (IOException)
        {
            AirflowLog.Unreachable(_logger, call.Method.Method, call.LogPath, HttpRequestError.ResponseEnded);
            return new AttemptOutcome(null, null, new AirflowFailure(AirflowError.Unreachable, null, "The connection to Airflow broke before the answer was complete."));
        }
    }

    private ResiliencePipeline<AttemptOutcome> BuildRetryPipeline()
    {
        var builder = new ResiliencePipelineBuilder<AttemptOutcome> { TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptOutcome>
            {
                MaxRetryAttempts = _options.MaxRetries,
                Delay = _options.RetryDelay,
                MaxDelay = AirflowOptions.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { IsTransient: true }),
                OnRetry = args =>
                {
                    var failure = args.Outcome.Result?.Failure;
                    var path = args.Context.Properties.GetValue(PathKey, "?");
                    AirflowLog.Retrying(_logger, "GET", path, args.AttemptNumber + 1, failure?.Error ?? AirflowError.Unreachable, failure?.StatusCode, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private long Elapsed(long started) => (long)_time.GetElapsedTime(started).TotalMilliseconds;

    private static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "its host name did not resolve",
        HttpRequestError.ConnectionError => "the connection was refused or reset",
        HttpRequestError.SecureConnectionError => "TLS failed",
        HttpRequestError.ResponseEnded => "the connection closed before the answer ended",
        _ => "the request failed",
    };

    private sealed record Call(HttpMethod Method, Uri Uri, string LogPath, byte[]? Body, bool Anonymous);
}
