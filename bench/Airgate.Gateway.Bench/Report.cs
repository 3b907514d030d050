namespace Airgate.Gateway.Bench;

/// <summary>The figures, printed as a Markdown table ready for the README.</summary>
internal sealed class Report
{
    private readonly List<(string Name, string Value)> _rows = [];

    public void Add(string name, string value)
    {
        _rows.Add((name, value));
        Console.Error.WriteLine($"{name}: {value}");
    }

    public void Print()
    {
        Console.WriteLine("| measure | result |");
        Console.WriteLine("|---|---|");
        foreach (var (name, value) in _rows)
        {
            Console.WriteLine($"| {name} | {value} |");
        }
    }
}
