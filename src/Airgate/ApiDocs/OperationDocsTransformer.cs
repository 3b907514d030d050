using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Airgate.ApiDocs;

/// <summary>
/// What a reader of the document needs besides the shapes: each operation's description, examples of each request
/// body and an example of each problem type under the responses that answer it. Runs after <see cref="DocumentTransformer"/>,
/// so the health and metrics operations it adds are covered too.
/// </summary>
internal sealed class OperationDocsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Examples ??= new Dictionary<string, IOpenApiExample>();
        foreach (var (type, example) in ProblemExamples.ByType)
        {
            document.Components.Examples[ComponentName(type)] = new OpenApiExample
            {
                Summary = example.Title,
                Description = $"A {type} problem.",
                Value = example.Body(type),
            };
        }

        var operations = (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).ToList();
        foreach (var operation in operations)
        {
            var id = operation.OperationId;
            if (id is not null && OperationDescriptions.ById.TryGetValue(id, out var description))
            {
                operation.Description = description;
            }

            if (id is not null && operation.RequestBody is OpenApiRequestBody body && RequestExamples.ById.TryGetValue(id, out var examples))
            {
                foreach (var media in body.Content?.Values ?? [])
                {
                    media.Examples = examples.ToDictionary(
                        pair => pair.Key,
                        pair => (IOpenApiExample)new OpenApiExample { Summary = pair.Value.Summary, Description = pair.Value.Description, Value = RequestExamples.Value(pair.Value) });
                }
            }

            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
            {
                if (response is OpenApiResponse concrete && int.TryParse(status, out var code)
                    && concrete.Content?.TryGetValue(ProblemResponses.ContentType, out var problem) == true)
                {
                    var named = ProblemExamples.For(id, code).ToDictionary(
                        pair => ProblemExamples.Name(pair.Key),
                        pair => (IOpenApiExample)new OpenApiExampleReference(ComponentName(pair.Key), document));
                    problem.Examples = named.Count > 0 ? named : null;
                }
            }
        }

        return Task.CompletedTask;
    }

    private static string ComponentName(string type) => "problem-" + ProblemExamples.Name(type);
}
