using Airgate.Airflow;
using Airgate.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Airgate.Runs;

/// <summary>
/// A failed record keeps why it failed as <c>kind: detail</c>, so a retry with the same <c>Idempotency-Key</c>
/// answers the same problem the first request got.
/// </summary>
internal static class FailureReasons
{
    public const string Abandoned = "abandoned";

    public static string For(AirflowFailure failure) => $"{failure.Error}: {failure.Detail}";

    public static string ForAbandoned(TimeSpan grace) =>
        $"{Abandoned}: Airflow had no such run {grace.TotalMinutes:0.#} minutes after the trigger; it was never created.";

    public static ProblemHttpResult ToProblem(string? reason, string dagId)
    {
        var (kind, detail) = reason?.Split(": ", 2) is [var k, var d] ? (k, d) : (string.Empty, reason ?? "The trigger failed.");
        if (Enum.TryParse<AirflowError>(kind, out var error))
        {
            return new AirflowFailure(error, null, detail).ToProblem($"Workflow '{dagId}' no longer exists in Airflow: {detail}");
        }

        return Problem.Create(
            StatusCodes.Status409Conflict, ProblemTypes.Conflict, "The run was never created",
            $"{detail} Send the request again with a new Idempotency-Key to start a run.");
    }
}
