using Airgate.AirflowEmulator.Hosting;

namespace Airgate.AirflowEmulator;

/// <summary>
/// Faults to inject into the emulated Airflow. Thread-safe; request faults match a method (null for any) and a
/// path prefix compared with the request path as it arrived (percent-encoded), and are used up in the order added.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly List<RequestFaultRule> _rules = [];
    private readonly List<(string DagId, string TaskId, DateTimeOffset Since)> _failingTasks = [];
    private readonly List<(HttpMethod? Method, string PathPrefix, TimeSpan Delay)> _latencies = [];
    private long _tokenGeneration;

    internal EmulatorFaults(TimeProvider time) => _time = time;

    /// <summary>Every instance of the task that finishes from now on fails; its downstream tasks become <c>upstream_failed</c> and the run fails.</summary>
    public void FailTask(string dagId, string taskId)
    {
        lock (_gate)
        {
            _failingTasks.Add((dagId, taskId, _time.GetUtcNow()));
        }
    }

    /// <summary>Answers the next <paramref name="count"/> matching requests with <paramref name="statusCode"/> (and <c>Retry-After</c> when given) without processing them.</summary>
    public void RespondWithStatus(HttpMethod? method, string pathPrefix, int statusCode, int count = 1, TimeSpan? retryAfter = null) =>
        Add(method, pathPrefix, count, new RequestFault(RequestFaultKind.Status, statusCode, retryAfter, LostAnswer.DropConnection));

    /// <summary>
    /// Answers the next <paramref name="count"/> matching requests as Amazon MWAA answers its own errors (not Airflow's):
    /// <paramref name="statusCode"/>, <c>x-amzn-errortype: {errorType}</c> and <c>{"message": ...}</c>; the path is the Airflow one.
    /// </summary>
    public void RespondWithAwsError(HttpMethod? method, string pathPrefix, string errorType, int statusCode, string? message = null, int count = 1, TimeSpan? retryAfter = null) =>
        Add(method, pathPrefix, count, new RequestFault(RequestFaultKind.AwsError, statusCode, retryAfter, LostAnswer.DropConnection, errorType, message));

    /// <summary>Answers the next <paramref name="count"/> matching requests with 200 and a body that is not valid JSON.</summary>
    public void RespondWithGarbage(HttpMethod? method, string pathPrefix, int count = 1) =>
        Add(method, pathPrefix, count, new RequestFault(RequestFaultKind.Garbage, 200, null, LostAnswer.DropConnection));

    /// <summary>Never answers the next <paramref name="count"/> matching requests: they hang until the client gives up.</summary>
    public void Hang(HttpMethod? method, string pathPrefix, int count = 1) =>
        Add(method, pathPrefix, count, new RequestFault(RequestFaultKind.Hang, 0, null, LostAnswer.DropConnection));

    /// <summary>Processes the next <paramref name="count"/> matching requests (a trigger creates its run) but loses the answer.</summary>
    public void LoseAnswer(HttpMethod? method, string pathPrefix, int count = 1, LostAnswer how = LostAnswer.DropConnection) =>
        Add(method, pathPrefix, count, new RequestFault(RequestFaultKind.LoseAnswer, 0, null, how));

    /// <summary>Delays the next <paramref name="count"/> matching requests by <paramref name="delay"/> (real time), then processes them.</summary>
    public void Delay(TimeSpan delay, HttpMethod? method, string pathPrefix, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Add(method, pathPrefix, count, new RequestFault(RequestFaultKind.Latency, 0, delay, LostAnswer.DropConnection));
    }

    /// <summary>Delays every matching request by <paramref name="delay"/> (real time) until <see cref="Reset"/>.</summary>
    public void AddLatency(TimeSpan delay, HttpMethod? method = null, string pathPrefix = "/")
    {
        lock (_gate)
        {
            _latencies.Add((method, pathPrefix, delay));
        }
    }

    /// <summary>Every token issued so far is now expired (401 <c>Token Expired</c>).</summary>
    public void ExpireAllTokens() => Interlocked.Increment(ref _tokenGeneration);

    /// <summary>Removes every request fault, latency and failing task (expired tokens stay expired).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _rules.Clear();
            _latencies.Clear();
            _failingTasks.Clear();
        }
    }

    internal long TokenGeneration => Interlocked.Read(ref _tokenGeneration);

    internal bool FailsAt(string dagId, string taskId, DateTimeOffset finishesAt)
    {
        lock (_gate)
        {
            return _failingTasks.Exists(f => f.DagId == dagId && f.TaskId == taskId && f.Since < finishesAt);
        }
    }

    internal RequestFault? Take(string method, string path)
    {
        lock (_gate)
        {
            var rule = _rules.Find(r => r.Matches(method, path));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            if (rule.Remaining <= 0)
            {
                _rules.Remove(rule);
            }

            return rule.Fault;
        }
    }

    internal TimeSpan LatencyFor(string method, string path)
    {
        lock (_gate)
        {
            var total = TimeSpan.Zero;
            foreach (var (m, prefix, delay) in _latencies)
            {
                if (RequestFaultRule.Matches(m, prefix, method, path))
                {
                    total += delay;
                }
            }

            return total;
        }
    }

    private void Add(HttpMethod? method, string pathPrefix, int count, RequestFault fault)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _rules.Add(new RequestFaultRule(method, pathPrefix, fault) { Remaining = count });
        }
    }
}
