using Airgate.ApiDocs;
using Airgate.Auth;
using Airgate.Core.Presets;
using Airgate.Problems;
using Airgate.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Airgate.Presets;

/// <summary>
/// Saved launch forms: a user keeps named sets of a workflow's form values and starts from them later. Each preset
/// belongs to the user who saved it; nobody else (admins included) lists, reads or deletes it. Presets never reach
/// Airflow: a run started from one is a trigger like any other, validated then.
/// </summary>
internal static class PresetsEndpoints
{
    /// <summary>How many presets one user may keep per workflow.</summary>
    public const int MaxPerWorkflow = 100;

    public const int MaxNameLength = 100;

    public static IEndpointRouteBuilder MapPresets(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/workflows/{dag_id}/presets").WithTags("Presets");
        group.MapGet("/", ListPresets).WithName("ListPresets").ProducesProblems(400, 503)
            .WithSummary("The caller's saved presets of a workflow.")
            .WithDescription("Every preset the signed-in user saved for this workflow, ordered by name. Other users' presets are never listed.")
            .WithPresetExamples(request: false, list: true);
        group.MapGet("/{name}", GetPreset).WithName("GetPreset").ProducesProblems(400, 404, 503)
            .WithSummary("One of the caller's presets.")
            .WithDescription("The preset's values as they were saved: per pipeline id, or Airflow Params. 404 when the caller has no preset of that name.")
            .WithPresetExamples(request: false, list: false);
        group.MapPut("/{name}", SavePreset).WithName("SavePreset").Accepts<SavePresetBody>("application/json")
            .ProducesProblems(400, 409, 413, 415, 503)
            .WithSummary("Save the launch form's values as a named preset (create or replace).")
            .WithDescription($"Creates the preset (201) or replaces the values of the caller's preset of that name (200). Values are kept as sent and validated only when a run is started from them, so a half-filled form can be saved. At most {MaxPerWorkflow} presets per user and workflow (409 beyond).")
            .WithPresetExamples(request: true, list: false);
        group.MapDelete("/{name}", DeletePreset).WithName("DeletePreset").ProducesProblems(400, 404, 503)
            .WithSummary("Delete one of the caller's presets.")
            .WithDescription("Removes the preset; 404 when the caller has no preset of that name.");
        return routes;
    }

    internal static async Task<Results<Ok<PresetList>, ProblemHttpResult>> ListPresets(
        [FromRoute(Name = "dag_id")] string dagId, AirgateUser user, IPresetStore store, CancellationToken cancellationToken)
    {
        if (AirflowIds.CheckKey("dag_id", dagId) is { } error)
        {
            return InvalidRequestProblems.InvalidParameters([error]);
        }

        var presets = await store.ListAsync(user.Id, dagId, cancellationToken);
        return TypedResults.Ok(new PresetList([.. presets.Select(PresetResponse.From)]));
    }

    internal static async Task<Results<Ok<PresetResponse>, ProblemHttpResult>> GetPreset(
        [FromRoute(Name = "dag_id")] string dagId, [FromRoute] string name, AirgateUser user, IPresetStore store, CancellationToken cancellationToken)
    {
        if (CheckKey(dagId, name) is { } problem)
        {
            return problem;
        }

        return await store.GetAsync(user.Id, dagId, name, cancellationToken) is { } preset
            ? TypedResults.Ok(PresetResponse.From(preset))
            : NoSuchPreset();
    }

    internal static async Task<Results<Created<PresetResponse>, Ok<PresetResponse>, ProblemHttpResult>> SavePreset(
        [FromRoute(Name = "dag_id")] string dagId,
        [FromRoute] string name,
        HttpRequest request,
        AirgateUser user,
        IPresetStore store,
        CancellationToken cancellationToken)
    {
        if (CheckKey(dagId, name) is { } problem)
        {
            return problem;
        }

        var (body, bodyProblem) = await JsonBodyReader.ReadAsync(request, cancellationToken, PresetBodyReader.MaxBytes);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (PresetBodyReader.Check(body) is { Count: > 0 } errors)
        {
            return InvalidRequestProblems.InvalidParameters(errors);
        }

        var (preset, outcome) = await store.SaveAsync(user.Id, dagId, name, body!.Value.GetRawText(), MaxPerWorkflow, cancellationToken);
        return (outcome, preset) switch
        {
            (SavePresetOutcome.Created, { } created) => TypedResults.Created(
                $"/api/v1/workflows/{Uri.EscapeDataString(dagId)}/presets/{Uri.EscapeDataString(name)}", PresetResponse.From(created)),
            (SavePresetOutcome.Replaced, { } replaced) => TypedResults.Ok(PresetResponse.From(replaced)),
            _ => Problem.Create(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Too many presets",
                $"You already have {MaxPerWorkflow} presets for this workflow. Delete one, or save over an existing name."),
        };
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeletePreset(
        [FromRoute(Name = "dag_id")] string dagId, [FromRoute] string name, AirgateUser user, IPresetStore store, CancellationToken cancellationToken)
    {
        if (CheckKey(dagId, name) is { } problem)
        {
            return problem;
        }

        return await store.DeleteAsync(user.Id, dagId, name, cancellationToken) ? TypedResults.NoContent() : NoSuchPreset();
    }

    private static ProblemHttpResult? CheckKey(string dagId, string name)
    {
        List<ParameterError> errors = [];
        if (AirflowIds.CheckKey("dag_id", dagId) is { } dagError)
        {
            errors.Add(dagError);
        }

        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl) || name.Trim().Length != name.Length)
        {
            errors.Add(new ParameterError("name", $"must be 1 to {MaxNameLength} characters, without control characters or leading and trailing spaces"));
        }

        return errors.Count > 0 ? InvalidRequestProblems.InvalidParameters(errors) : null;
    }

    private static ProblemHttpResult NoSuchPreset() => Problem.NotFound("You have no preset of that name for this workflow.");
}
