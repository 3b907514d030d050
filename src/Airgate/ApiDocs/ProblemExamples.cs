using System.Text.Json.Nodes;
using Airgate.Problems;

namespace Airgate.ApiDocs;

/// <summary>
/// One example body per problem type (<see cref="ProblemTypes"/>), shown under each response of its status; a test
/// fails when a type has none.
/// </summary>
internal static class ProblemExamples
{
    /// <summary>An example problem; <paramref name="Operations"/> names the only operations that answer it (null: any with its status).</summary>
    public sealed record Example(int Status, string Title, string Detail, string? Extensions = null, string[]? Operations = null)
    {
        public JsonObject Body(string type)
        {
            var body = new JsonObject
            {
                ["type"] = type,
                ["title"] = Title,
                ["status"] = Status,
                ["detail"] = Detail,
                ["instance"] = "/api/v1/workflows/bactopia_species_screen/runs",
                ["trace_id"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            };
            if (Extensions is not null && JsonNode.Parse(Extensions) is JsonObject extra)
            {
                foreach (var (name, value) in extra)
                {
                    body[name] = value?.DeepClone();
                }
            }

            return body;
        }
    }

    private const string Retry = """{"retry_after_seconds": 5}""";
    private static readonly string[] Validating = ["TriggerRun", "RerunRun"];
    private static readonly string[] Streams = ["StreamRunEvents", "StreamRunListEvents"];

    /// <summary>The examples an operation's response with this status can carry, by type.</summary>
    public static IEnumerable<KeyValuePair<string, Example>> For(string? operationId, int status) =>
        ByType.Where(pair => pair.Value.Status == status && (pair.Value.Operations is null || pair.Value.Operations.Contains(operationId)));

    /// <summary>The last segment of the type URI (invalid-parameters), used to name the example.</summary>
    public static string Name(string type) => type[(type.LastIndexOf('/') + 1)..];

    /// <summary>Examples by problem type URI.</summary>
    public static readonly IReadOnlyDictionary<string, Example> ByType = new Dictionary<string, Example>(StringComparer.Ordinal)
    {
        [ProblemTypes.BadRequest] = new(400, "The request is not valid", "limit must be a whole number from 1 to 1000.",
            """{"errors": [{"parameter": "limit", "message": "must be a whole number from 1 to 1000"}]}"""),
        [ProblemTypes.InvalidParameters] = new(400, "The run's parameters are not valid", "2 problems were found; see 'errors'.",
            """{"errors": [{"pipeline": "bactopia-kraken2-3.2.0", "pointer": "/kraken2_db", "keyword": "required", "message": "kraken2_db is required"}, {"pipeline": "bactopia-kraken2-3.2.0", "pointer": "/samples/0/r1", "keyword": "pattern", "message": "must match the pattern '\\.f(ast)?q(\\.gz)?$'"}]}""", Validating),
        [ProblemTypes.AirflowRejected] = new(400, "Airflow rejected the request", "DAG 'bactopia_species_screen' is paused."),
        [ProblemTypes.Unauthenticated] = new(401, "Authentication required", "Send an API key in the X-Api-Key header."),
        [ProblemTypes.Forbidden] = new(403, "Not your run", "Only the user who started this run, or an admin, may stop or finish it."),
        [ProblemTypes.NotFound] = new(404, "Not found", "Workflow 'bactopia_species_scren' does not exist."),
        [ProblemTypes.MethodNotAllowed] = new(405, "Method not allowed", "DELETE is not allowed on this path."),
        [ProblemTypes.Conflict] = new(409, "Conflict with Airflow's state", "The run has already finished."),
        [ProblemTypes.RerunUnavailable] = new(409, "This run cannot be rerun", "Airgate has no record of the parameters of run 'scheduled__2026-12-01T00:00:00+00:00': it was not started through Airgate.",
            """{"dag_id": "bactopia_species_screen", "dag_run_id": "scheduled__2026-12-01T00:00:00+00:00"}""", ["RerunRun"]),
        [ProblemTypes.RunNotFinished] = new(409, "The run has not finished", "Run 'manual__2026-12-07T10:15:00+00:00_a1b2' is running; its task instances can run again once it has finished (stop it first to clear it now).",
            """{"state": "running"}""", ["ClearRun"]),
        [ProblemTypes.RequestTimeout] = new(408, "The request body did not arrive in time", "The request body was not received in full in time (shorter than its Content-Length, or too slow). Send it again."),
        [ProblemTypes.PayloadTooLarge] = new(413, "The request body is too large", "The body must be at most 1048576 bytes."),
        [ProblemTypes.UnsupportedMediaType] = new(415, "Unsupported media type", "The body must be JSON sent with 'Content-Type: application/json', not 'text/plain'."),
        [ProblemTypes.IdempotencyKeyReused] = new(422, "Idempotency-Key reused", "This Idempotency-Key was already used for a different request. Use a new key for a new run.",
            """{"dag_id": "bactopia_species_screen", "dag_run_id": "manual__2026-12-07T10:15:00+00:00_a1b2"}"""),
        [ProblemTypes.TooManyStreams] = new(429, "Too many open event streams", "You hold as many open event streams as one user may (Airgate:Events:MaxStreamsPerUser). Close one, or try again later.", Retry),
        [ProblemTypes.Internal] = new(500, "Airgate failed to handle the request", "An unexpected error occurred. Quote the trace_id when reporting it."),
        [ProblemTypes.AirflowUnavailable] = new(502, "Airflow cannot be reached", "Connection refused (airflow.example.org:443).", Retry),
        [ProblemTypes.AirflowBadGateway] = new(502, "Airflow answered with an error", "Airflow answered 500 Internal Server Error.", Retry),
        [ProblemTypes.MwaaRefused] = new(502, "Amazon MWAA refused the call (AccessDeniedException)", "Amazon MWAA refused Airgate: a private webserver answers InvokeRestApi only from inside its VPC. Run Airgate in the environment's VPC."),
        [ProblemTypes.DatabaseUnavailable] = new(503, "Airgate's database is unavailable", "Airgate could not reach its database. Try again shortly.", Retry),
        [ProblemTypes.DatabaseReadOnly] = new(503, "Airgate's database is read-only", "Airgate's database accepts reads but refuses writes, so nothing that must be recorded can be done now and nothing was sent to Airflow. Try again later.", """{"retry_after_seconds": 30}"""),
        [ProblemTypes.StreamsExhausted] = new(503, "No event stream available", "This Airgate process holds as many open event streams as it may (Airgate:Events:MaxStreams). Try again later.", Retry, Streams),
        [ProblemTypes.ValidationTimeout] = new(503, "The parameters could not be checked in time", "A parameter's pattern could not be matched in time because Airgate is busy, so the parameters were neither accepted nor rejected and nothing was sent to Airflow. Send the same request again after Retry-After. Not checked: bactopia-kraken2-3.2.0 /samples/0/sample.", """{"retry_after_seconds": 1}""", Validating),
        [ProblemTypes.AuthUnavailable] = new(503, "Authentication unavailable", "The identity provider's signing keys could not be read; try again shortly."),
        [ProblemTypes.AirflowTimeout] = new(504, "Airflow did not answer in time", "No answer within 00:00:30.", Retry),
    };
}
