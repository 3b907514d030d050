namespace Airgate.Gateway.Bench;

/// <summary>The figures, printed as a Markdown table ready for the README.</summary>
internal sealed class Report
{
    private readonly List<(string Name, string Value)> _rows = [];
    private readonly List<IReadOnlyList<string>> _tables = [];

    public void Add(string name, string value)
    {
        _rows.Add((name, value));
        Console.Error.WriteLine($"{name}: {value}");
    }

    /// <summary>A part's own table (already Markdown), printed after the measure/result table.</summary>
    public void AddTable(IReadOnlyList<string> lines) => _tables.Add(lines);

    public void Print()
    {
        if (_rows.Count > 0)
        {
            Console.WriteLine("| measure | result |");
            Console.WriteLine("|---|---|");
            foreach (var (name, value) in _rows)
            {
                Console.WriteLine($"| {name} | {value} |");
            }
        }

        foreach (var table in _tables)
        {
            Console.WriteLine();
            table.ToList().ForEach(Console.WriteLine);
        }
    }
}
