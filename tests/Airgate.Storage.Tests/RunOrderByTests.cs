using Airgate.Core.Runs;

namespace Airgate.Storage.Tests;

public sealed class RunOrderByTests
{
    [Theory]
    [InlineData(null, "-run_after")]
    [InlineData("", "-run_after")]
    [InlineData("state", "state")]
    [InlineData("-created_at", "-created_at")]
    [InlineData("dag_id", "dag_id")]
    public void TryParse_AllowedValue_RoundTrips(string? value, string expected)
    {
        RunOrderBy.TryParse(value, out var orderBy).ShouldBeTrue();

        orderBy.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("conf")]
    [InlineData("Run_After")]
    [InlineData("--run_after")]
    [InlineData("run_after; DROP TABLE runs")]
    [InlineData("-")]
    public void TryParse_AnythingElse_IsRejected(string value)
    {
        RunOrderBy.TryParse(value, out var orderBy).ShouldBeFalse();
        orderBy.ShouldBeNull();
    }

    [Fact]
    public void AllowedFields_ListsEveryField()
    {
        RunOrderBy.AllowedFields.ShouldBe(["run_after", "logical_date", "start_date", "end_date", "state", "dag_run_id", "dag_id", "created_at"]);
    }
}
