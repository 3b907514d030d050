using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Airgate.Runs.Events;

/// <summary>
/// Adds the payloads of the events to the document's components (an SSE response is declared as text, which says
/// nothing of its events), so a typed client knows each event's shape: <c>RunEventSnapshot</c>, <c>RunEventRun</c>, ...
/// </summary>
internal sealed class RunEventSchemas : IOpenApiDocumentTransformer
{
    private static readonly Type[] Payloads =
        [typeof(RunEventSnapshot), typeof(RunEventRun), typeof(RunEventTaskInstance), typeof(RunSummary), typeof(RunEventEnd), typeof(RunEventError)];

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var type in Payloads)
        {
            var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
            var name = type == typeof(RunSummary) ? "RunEventSummary" : type.Name;
            document.Components.Schemas.TryAdd(name, schema);
        }
    }
}
