using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.JsonSchema;

namespace Airgate.Cli;

/// <summary><c>airgate schema validate</c> and <c>airgate schema suite</c>: the JSON Schema validator from the command line.</summary>
internal static class SchemaCommands
{
    // Printed for people and scripts, never embedded in HTML: keep quotes and '>' readable.
    private static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var command = new Command("schema", "Validate JSON documents against JSON Schema draft 2020-12.");
        command.Subcommands.Add(CreateValidate());
        command.Subcommands.Add(SchemaSuiteCommand.Create());
        return command;
    }

    private static Command CreateValidate()
    {
        var schemaArgument = new Argument<FileInfo>("schema") { Description = "The schema file (JSON)." };
        var instancesArgument = new Argument<FileInfo[]>("instance") { Description = "One or more instance files (JSON).", Arity = ArgumentArity.OneOrMore };
        var assertFormat = new Option<bool>("--assert-format") { Description = "Assert 'format' instead of treating it as an annotation." };
        var maxErrors = new Option<int>("--max-errors") { Description = "Most errors reported per instance.", DefaultValueFactory = _ => 100 };
        var command = new Command("validate", "Validate instances against a schema; prints errors as JSON, exits 1 if any instance is invalid, 2 if a file cannot be read or the schema is invalid.")
        {
            schemaArgument, instancesArgument, assertFormat, maxErrors,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var schemaFile = parseResult.GetValue(schemaArgument);
            var instances = parseResult.GetValue(instancesArgument) ?? [];
            var options = new SchemaOptions { AssertFormat = parseResult.GetValue(assertFormat) };
            var evaluation = new EvaluationOptions { MaxErrors = parseResult.GetValue(maxErrors) };
            return Task.FromResult(Validate(schemaFile, instances, options, evaluation));
        });
        return command;
    }

    private static int Validate(FileInfo? schemaFile, FileInfo[] instanceFiles, SchemaOptions options, EvaluationOptions evaluation)
    {
        if (schemaFile is null)
        {
            return Fail("(none)", "no schema given");
        }

        if (!TryRead(schemaFile, out var schemaDocument, out var schemaProblem))
        {
            return Fail(schemaFile.FullName, schemaProblem ?? "unreadable");
        }

        CompiledSchema schema;
        using (schemaDocument)
        {
            try
            {
                schema = CompiledSchema.Compile(schemaDocument.RootElement, options with { BaseUri = new Uri(schemaFile.FullName) });
            }
            catch (InvalidSchemaException e)
            {
                return Fail(schemaFile.FullName, $"invalid schema at '{e.SchemaLocation}': {e.Message}");
            }
        }

        var exitCode = 0;
        var results = new JsonArray();
        foreach (var file in instanceFiles)
        {
            if (!TryRead(file, out var instance, out var problem))
            {
                results.Add(new JsonObject { ["instance"] = file.FullName, ["valid"] = false, ["problem"] = problem });
                exitCode = 2;
                continue;
            }

            using (instance)
            {
                var result = schema.Evaluate(instance.RootElement, evaluation);
                // Anything odd in the text was refused by TryRead, so evaluation sees only valid Unicode and unique members.
                var output = result.ToBasicOutput();
                output.Insert(0, "instance", file.FullName);
                results.Add(output);
                if (!result.IsValid && exitCode == 0)
                {
                    exitCode = 1;
                }
            }
        }

        Console.Out.WriteLine(results.ToJsonString(Output));
        return exitCode;
    }

    private static bool TryRead(FileInfo file, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonDocument? document, out string? problem)
    {
        try
        {
            const int MaxDepth = 10_000;
            var bytes = File.ReadAllBytes(file.FullName);
            // Repeated members and lone surrogates are reported as invalid JSON (with where), never a stack trace.
            if (Core.Json.StrictJson.Check(bytes, MaxDepth) is { } odd)
            {
                document = null;
                problem = odd.Kind == Core.Json.StrictJsonErrorKind.Invalid ? odd.Message : $"not valid JSON: {odd.Message}";
                return false;
            }

            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
            problem = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            document = null;
            problem = $"cannot read '{file.FullName}': {e.Message}";
            return false;
        }
    }

    private static int Fail(string file, string problem)
    {
        Console.Out.WriteLine(new JsonObject { ["file"] = file, ["problem"] = problem }.ToJsonString(Output));
        return 2;
    }
}
