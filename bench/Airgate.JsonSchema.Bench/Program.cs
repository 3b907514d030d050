using System.Diagnostics;
using Airgate.JsonSchema.Bench;
using BenchmarkDotNet.Running;

if (args is ["--quick", ..])
{
    // A Stopwatch loop for fast feedback while tuning; the figures to quote come from BenchmarkDotNet.
    var benchmarks = new ProfileValidationBenchmarks();
    benchmarks.Setup(args.Length > 1 && args[1] != "-" ? args[1] : null);
    (string Name, Func<object> Run)[] cases =
    [
        ("IsValid_Valid", () => benchmarks.IsValid_Valid()),
        ("IsValid_Invalid", () => benchmarks.IsValid_Invalid()),
        ("Evaluate_Valid", () => benchmarks.Evaluate_Valid()),
        ("Evaluate_Invalid", () => benchmarks.Evaluate_Invalid()),
    ];
    var only = args.Length > 2 ? args[2] : null;
    foreach (var (name, run) in cases.Where(c => only is null || c.Name == only))
    {
        for (var i = 0; i < 20_000; i++)
        {
            run();
        }

        var watch = Stopwatch.StartNew();
        var n = only is null ? 200_000 : 2_000_000;
        for (var i = 0; i < n; i++)
        {
            run();
        }

        Console.WriteLine($"{name}: {watch.Elapsed.TotalNanoseconds / n:F0} ns");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ProfileValidationBenchmarks).Assembly).Run(args);
