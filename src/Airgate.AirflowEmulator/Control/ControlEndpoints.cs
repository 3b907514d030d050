using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Airgate.AirflowEmulator.Hosting;
using Airgate.AirflowEmulator.Http;

namespace Airgate.AirflowEmulator.Control;

/// <summary>
/// The control API under <c>/_emulator/</c>, for processes that share an emulator over HTTP (benchmarks, several
/// gateways): faults, bulk seeding and request counts. It is never recorded, faulted or authenticated.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_emulator";

    private static readonly string[] SeedStates = ["queued", "running", "success", "failed"];

    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static IEndpointRouteBuilder MapControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup(Prefix);
        control.MapPost("/faults", AddFault).WithName("EmulatorAddFault");
        control.MapDelete("/faults", ResetFaults).WithName("EmulatorResetFaults");
        control.MapPost("/runs", SeedRuns).WithName("EmulatorSeedRuns");
        control.MapGet("/requests", CountRequests).WithName("EmulatorCountRequests");
        control.MapDelete("/requests", ClearRequests).WithName("EmulatorClearRequests");
        return app;
    }

    private static async Task<IResult> AddFault(HttpRequest request, EmulatorFaults faults)
    {
        var (fault, error) = await ReadAsync<FaultRequest>(request);
        if (fault is null)
        {
            return AirflowResults.BadRequest(error);
        }

        HttpMethod? method = fault.Method is { Length: > 0 } m ? new HttpMethod(m.ToUpperInvariant()) : null;
        var prefix = fault.PathPrefix ?? "/api/v2/";
        if (!prefix.StartsWith('/'))
        {
            return AirflowResults.BadRequest("path_prefix must start with '/'.");
        }

        if (fault.Count is < 1)
        {
            return AirflowResults.BadRequest("count must be at least 1 (omit it for every request, latency only).");
        }

        var count = fault.Count ?? 1;
        switch (fault.Kind)
        {
            case "latency" when fault.LatencyMs is >= 0 and <= 600_000:
                var delay = TimeSpan.FromMilliseconds(fault.LatencyMs.Value);
                if (fault.Count is null)
                {
                    faults.AddLatency(delay, method, prefix);
                }
                else
                {
                    faults.Delay(delay, method, prefix, count);
                }

                break;
            case "latency":
                return AirflowResults.BadRequest("latency needs latency_ms between 0 and 600000.");
            case "hang":
                faults.Hang(method, prefix, count);
                break;
            case "status" when fault.Status is >= 100 and <= 599:
                faults.RespondWithStatus(method, prefix, fault.Status.Value, count,
                    fault.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
                break;
            case "status":
                return AirflowResults.BadRequest("status needs a status between 100 and 599.");
            case "aws_error" when fault.Error is { Length: > 0 and <= 100 } awsError && awsError.All(char.IsAsciiLetterOrDigit) && fault.Status is null or (>= 400 and <= 599):
                faults.RespondWithAwsError(method, prefix, awsError, fault.Status ?? Mwaa.MwaaAnswers.StatusOf(awsError), fault.Message, count,
                    fault.RetryAfterSeconds is { } wait ? TimeSpan.FromSeconds(wait) : null);
                break;
            case "aws_error":
                return AirflowResults.BadRequest("aws_error needs error: an AWS error type such as AccessDeniedException (letters and digits).");
            case "garbage":
                faults.RespondWithGarbage(method, prefix, count);
                break;
            case "lose_answer" when fault.How is null or "drop_connection" or "gateway_timeout":
                faults.LoseAnswer(method, prefix, count, fault.How == "gateway_timeout" ? LostAnswer.GatewayTimeout : LostAnswer.DropConnection);
                break;
            case "lose_answer":
                return AirflowResults.BadRequest("how must be drop_connection or gateway_timeout.");
            default:
                return AirflowResults.BadRequest("kind must be one of latency, hang, status, garbage, lose_answer, aws_error.");
        }

        return AirflowResults.Json(new JsonObject { ["added"] = fault.Kind }, StatusCodes.Status201Created);
    }

    private static IResult ResetFaults(EmulatorFaults faults)
    {
        faults.Reset();
        return Results.NoContent();
    }

    private static async Task<IResult> SeedRuns(HttpRequest request, AirflowEmulator emulator, TimeProvider time)
    {
        var (seed, error) = await ReadAsync<SeedRequest>(request);
        if (seed is null)
        {
            return AirflowResults.BadRequest(error);
        }

        List<string> problems = [];
        if (seed.DagId is null || !emulator.DagIds.Contains(seed.DagId, StringComparer.Ordinal))
        {
            problems.Add($"dag_id must name a DAG the emulator serves ({string.Join(", ", emulator.DagIds)}).");
        }

        if (seed.Count is < 1 or > 2_000_000)
        {
            problems.Add("count must be between 1 and 2000000.");
        }

        if (seed.States is { Count: 0 } || seed.States?.Any(s => !SeedStates.Contains(s, StringComparer.Ordinal)) == true)
        {
            problems.Add($"states must be a non-empty list of {string.Join(", ", SeedStates)}.");
        }

        if (seed.TriggeringUserNames is { Count: 0 })
        {
            problems.Add("triggering_user_names must not be empty.");
        }

        if (seed.IntervalSeconds is < 0 or > 86_400 * 365 || !double.IsFinite(seed.IntervalSeconds))
        {
            problems.Add("interval_seconds must be between 0 and one year.");
        }

        if (!IsRunIdPrefix(seed.RunIdPrefix))
        {
            problems.Add("run_id_prefix must match ^[A-Za-z0-9_.~:+-]{1,200}$.");
        }

        if (problems.Count > 0)
        {
            return AirflowResults.BadRequest(string.Join(" ", problems));
        }

        var states = seed.States ?? ["success"];
        var users = seed.TriggeringUserNames ?? ["admin"];
        var start = seed.Start ?? time.GetUtcNow().AddSeconds(-seed.IntervalSeconds * seed.Count);
        var runs = Enumerable.Range(0, seed.Count).Select(i =>
        {
            var user = users[i % users.Count];
            var conf = (JsonObject?)seed.Conf?.DeepClone() ?? [];
            if (seed.UserInConf)
            {
                conf["triggering_user_name"] = user;
            }

            return new SeededRun
            {
                DagId = seed.DagId!,
                RunId = $"{seed.RunIdPrefix}__{i:D7}",
                RunAfter = start.AddSeconds(seed.IntervalSeconds * i),
                State = states[i % states.Count],
                TriggeringUserName = user,
                Conf = conf,
            };
        });
        try
        {
            emulator.AddRuns(runs);
        }
        catch (InvalidOperationException e)
        {
            return AirflowResults.Detail(StatusCodes.Status409Conflict, e.Message);
        }

        return AirflowResults.Json(new JsonObject { ["added"] = seed.Count }, StatusCodes.Status201Created);
    }

    private static IResult CountRequests(RequestRecorder recorder)
    {
        var all = recorder.All;
        var byOperation = new JsonObject();
        foreach (var group in all.GroupBy(r => r.Operation ?? "Unmatched").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            byOperation[group.Key] = group.Count();
        }

        return AirflowResults.Json(new JsonObject { ["total"] = all.Count, ["by_operation"] = byOperation });
    }

    private static IResult ClearRequests(RequestRecorder recorder)
    {
        recorder.Clear();
        return Results.NoContent();
    }

    private static bool IsRunIdPrefix(string value) =>
        value.Length is >= 1 and <= 200 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '~' or ':' or '+' or '-');

    private static async Task<(T? Value, string Error)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, BodyOptions, request.HttpContext.RequestAborted);
            return value is null ? (null, "The body must be a JSON object.") : (value, string.Empty);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid: {e.Message}");
        }
    }
}
