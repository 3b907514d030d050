using Airgate.Airflow;

namespace Airgate.Runs;

/// <summary>
/// One overall time budget for an interactive read (<see cref="RunsOptions.InteractiveReadBudget"/>): however many
/// Airflow calls, attempts and retries the read makes, the client gets an answer once the budget is spent.
/// </summary>
internal static class ReadBudget
{
    /// <summary>The read's value, or <c>TimedOut</c> when the budget ran out first (the client's own cancellation still throws).</summary>
    public static async Task<(bool TimedOut, T? Value)> RunAsync<T>(
        Func<CancellationToken, Task<T>> read, TimeSpan budget, TimeProvider time, CancellationToken requestAborted)
    {
        using var deadline = new CancellationTokenSource(budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, deadline.Token);
        try
        {
            return (false, await read(linked.Token));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !requestAborted.IsCancellationRequested)
        {
            return (true, default);
        }
    }

    /// <summary>The failure a spent budget is answered with: a 504, as any Airflow timeout.</summary>
    public static AirflowFailure Spent(TimeSpan budget) =>
        new(AirflowError.Timeout, null, $"Airflow did not answer within Airgate's read budget ({budget.TotalSeconds:0.###} s).");
}
