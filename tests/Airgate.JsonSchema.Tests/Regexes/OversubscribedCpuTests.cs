using System.Text.Json;

namespace Airgate.JsonSchema.Tests.Regexes;

public class OversubscribedCpuTests
{
    private static readonly (string Json, string? Error)[] Instances =
    [
        ("""{"tools": "cnvkit,deepvariant,vep", "sentieon_dnascope_emit_mode": "variant", "fasta": "genome.fa.gz", "outdir": "results"}""", null),
        ("""{"sentieon_dnascope_emit_mode": "variant,gvcf", "skip_tools": "fastqc,multiqc"}""", null),
        ("""{"tools": "cnvkit,"}""", "/tools: must match the pattern '" + NfCorePatterns.Tools + "'"),
        ("""{"fasta": "s3://bucket/genome.fa"}""", "/fasta: must match the pattern '^(?!s3://)\\S+\\.(fa|fasta)(\\.gz)?$'"),
        ("""{"outdir": "   "}""", "/outdir: must match the pattern '^(?!\\s*$).+'"),
        // Exponential for a backtracking engine: it could only time out, whatever the machine.
        ($$"""{"tools": "{{string.Concat(Enumerable.Repeat("cnvkit,", 3000))}}x"}""", "/tools: must match the pattern '" + NfCorePatterns.Tools + "'"),
    ];

    [Fact]
    public void Evaluate_NfCoreLookaroundPatternsWithTheCpuOversubscribed_GiveTheSameVerdictEveryTime()
    {
        var schema = Schemas.Compile(NfCorePatterns.Schema);
        var instances = Instances.Select(i => Schemas.Json(i.Json)).ToArray();
        var stop = 0;
        void Spin()
        {
            while (Volatile.Read(ref stop) == 0)
            {
                Thread.SpinWait(1000);
            }
        }

        var spinners = Enumerable.Range(0, Environment.ProcessorCount * 4).Select(_ => new Thread(Spin) { IsBackground = true }).ToList();
        spinners.ForEach(t => t.Start());
        var verdicts = new System.Collections.Concurrent.ConcurrentBag<(int Instance, bool Undetermined, string? Error)>();
        try
        {
            Parallel.For(0, Environment.ProcessorCount * 4, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 4 }, _ =>
            {
                for (var round = 0; round < 10; round++)
                {
                    for (var i = 0; i < instances.Length; i++)
                    {
                        var result = schema.Evaluate(instances[i]);
                        verdicts.Add((i, result.Undetermined, string.Join(" | ", result.Errors.Select(e => $"{e.InstanceLocation}: {e.Message}")) is { Length: > 0 } errors ? errors : null));
                    }
                }
            });
        }
        finally
        {
            Volatile.Write(ref stop, 1);
            spinners.ForEach(t => t.Join());
        }

        verdicts.Count.ShouldBe(Environment.ProcessorCount * 4 * 10 * Instances.Length);
        foreach (var (instance, undetermined, error) in verdicts)
        {
            undetermined.ShouldBeFalse();
            error.ShouldBe(Instances[instance].Error, $"instance {instance}");
        }
    }
}
