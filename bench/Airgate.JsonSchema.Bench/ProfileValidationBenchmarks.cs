using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Airgate.JsonSchema.Bench;

/// <summary>Validates pipeline-profile parameters (valid and invalid) against a compiled Bactopia-like profile schema.</summary>
[MemoryDiagnoser]
public class ProfileValidationBenchmarks
{
    private CompiledSchema? _schema;
    private JsonElement _valid;
    private JsonElement _invalid;

    private CompiledSchema Schema => _schema ?? throw new InvalidOperationException("GlobalSetup has not run.");

    [GlobalSetup]
    public void Setup() => Setup(null);

    /// <summary>Prepares the schema and instances; <paramref name="schemaPath"/> swaps in another schema when tuning.</summary>
    public void Setup(string? schemaPath)
    {
        _schema = CompiledSchema.Compile(schemaPath is null ? Read("profile-schema.json") : JsonDocument.Parse(File.ReadAllText(schemaPath)).RootElement.Clone());
        _valid = Read("valid-parameters.json");
        _invalid = Read("invalid-parameters.json");
        if (schemaPath is null && (!_schema.IsValid(_valid) || _schema.IsValid(_invalid)))
        {
            throw new InvalidOperationException("The bench data no longer has one valid and one invalid instance.");
        }
    }

    [Benchmark]
    public bool IsValid_Valid() => Schema.IsValid(_valid);

    [Benchmark]
    public bool IsValid_Invalid() => Schema.IsValid(_invalid);

    [Benchmark]
    public int Evaluate_Valid() => Schema.Evaluate(_valid).Errors.Count;

    [Benchmark]
    public int Evaluate_Invalid() => Schema.Evaluate(_invalid).Errors.Count;

    private static JsonElement Read(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", name))).RootElement.Clone();
}
