namespace Airgate.Testing.OpenApi;

// Earlier literal segments outrank later ones: /dags/{dag_id}/dagRuns/list beats /dags/{dag_id}/dagRuns/{dag_run_id}.
internal sealed class OpenApiPathSpecificity : IComparer<int[]>
{
    public static readonly OpenApiPathSpecificity Instance = new();

    public int Compare(int[]? x, int[]? y)
    {
        if (x is null || y is null)
        {
            return (x is null).CompareTo(y is null);
        }

        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
