using Airgate.Airflow.Models;

namespace Airgate.Airflow.Tests;

public sealed class TimeoutTests
{
    // The total is set well above the attempts so that only the per-attempt timeout decides how many attempts run.
    private static Dictionary<string, string?> Short(string maxRetries = "1") => new()
    {
        ["Airgate:Airflow:RequestTimeout"] = "00:00:00.100",
        ["Airgate:Airflow:MaxRetries"] = maxRetries,
        ["Airgate:Airflow:TotalTimeout"] = "00:00:30",
    };

    [Fact]
    public async Task Get_AirflowNeverAnswers_EachAttemptTimesOutThenTimeout()
    {
        var airflow = new HangingHandler();
        using var host = AirflowTestHost.WithStaticToken(Short(), airflow);

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Timeout);
        airflow.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task Trigger_AirflowNeverAnswers_OneAttemptThenTimeout()
    {
        var airflow = new HangingHandler();
        using var host = AirflowTestHost.WithStaticToken(Short(), airflow);

        var result = await host.Client.TriggerDagRunAsync("etl", new TriggerDagRunRequest { Conf = [] });

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Timeout);
        airflow.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Get_TotalTimeoutShorterThanAttempts_StopsAtTotal()
    {
        var airflow = new HangingHandler();
        using var host = AirflowTestHost.WithStaticToken(
            new() { ["Airgate:Airflow:RequestTimeout"] = "00:01:00", ["Airgate:Airflow:TotalTimeout"] = "00:00:00.100" },
            airflow);

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Timeout);
        airflow.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Login_AirflowNeverAnswers_Timeout()
    {
        var airflow = new HangingHandler();
        using var host = new AirflowTestHost(Short(maxRetries: "0"), airflow);

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Timeout);
        host.Logins.ShouldHaveSingleItem();
        host.ApiRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_CallerCancels_ThrowsOperationCanceled()
    {
        var airflow = new HangingHandler();
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:RequestTimeout"] = "00:01:00" }, airflow);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => host.Client.GetDagAsync("etl", cancellation.Token));

        airflow.Calls.ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task Trigger_AlreadyCancelled_ThrowsWithoutSending()
    {
        var airflow = new HangingHandler();
        using var host = AirflowTestHost.WithStaticToken(airflow: airflow);

        await Should.ThrowAsync<OperationCanceledException>(() =>
            host.Client.TriggerDagRunAsync("etl", new TriggerDagRunRequest { Conf = [] }, new CancellationToken(canceled: true)));

        airflow.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Get_CallerCancelsWhileLoginInFlight_ThrowsOperationCanceled()
    {
        var airflow = new HangingHandler();
        using var host = new AirflowTestHost(new() { ["Airgate:Airflow:RequestTimeout"] = "00:00:02" }, airflow);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Should.ThrowAsync<OperationCanceledException>(() => host.Client.GetDagAsync("etl", cancellation.Token));
    }
}
