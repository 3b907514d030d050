using Airgate.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Airgate.Problems;

/// <summary>Problems for bad path and query parameters: every bad parameter listed in one answer.</summary>
internal static class InvalidRequestProblems
{
    public static ProblemHttpResult InvalidParameters(IReadOnlyList<ParameterError> errors) =>
        Problem.BadRequest(
            string.Join("; ", errors.Select(e => $"'{e.Parameter}' {e.Message}")),
            new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new { parameter = e.Parameter, message = e.Message }).ToArray(),
            });
}
