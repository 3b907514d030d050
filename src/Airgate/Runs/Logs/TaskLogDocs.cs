using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Airgate.Runs.Logs;

/// <summary>
/// The log route's three answers in the document: JSON (<see cref="TaskLogResponse"/>), <c>text/plain</c> and, with
/// <c>follow=true</c>, <c>text/event-stream</c>, whose event payloads are components (<c>TaskLogEvent</c>, <c>TaskLogEnd</c>).
/// </summary>
internal static class TaskLogDocs
{
    public static RouteHandlerBuilder WithTaskLogDocs(this RouteHandlerBuilder builder) => builder
        .Produces<TaskLogResponse>(StatusCodes.Status200OK, "application/json")
        .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (context.Document is { } document)
            {
                document.AddComponent("TaskLogEvent", await context.GetOrCreateSchemaAsync(typeof(TaskLogEventData), null, cancellationToken));
                document.AddComponent("TaskLogEnd", await context.GetOrCreateSchemaAsync(typeof(TaskLogEnd), null, cancellationToken));
            }

            if (operation.Responses?.TryGetValue("200", out var ok) is true && ok is OpenApiResponse response)
            {
                response.Description = "The log: JSON by default; plain text (one line per entry, streamed) for Accept: text/plain; "
                    + "Server-Sent Events with follow=true: 'log' events (TaskLogEvent) until the task instance finishes, "
                    + "then one 'end' event (TaskLogEnd); 'error' events (a problem's type, title, status, detail) while Airflow fails.";
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content["text/plain"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                response.Content["text/event-stream"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        });
}
