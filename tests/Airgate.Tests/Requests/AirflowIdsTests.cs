using Airgate.Requests;

namespace Airgate.Tests.Requests;

public sealed class AirflowIdsTests
{
    public static TheoryData<string> BadKeys => new()
    {
        string.Empty, ".", "..", "...", "a/b", "a%2Fb", "a\0b", "a b", "a?b", "a#b", "a:b", "a+b", new string('x', 251), "\u202E",
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void CheckKey_BadValue_ReturnsErrorNamingTheParameter(string value) =>
        AirflowIds.CheckKey("dag_id", value)?.Parameter.ShouldBe("dag_id");

    [Theory]
    [InlineData("bactopia_amr_analysis")]
    [InlineData("group.task-1")]
    [InlineData("données")]
    public void CheckKey_AirflowKey_IsAccepted(string value) => AirflowIds.CheckKey("dag_id", value).ShouldBeNull();

    [Theory]
    [InlineData("manual__2025-10-02T12:00:00+00:00")]
    [InlineData("airgate__0f8e~retry.1")]
    public void CheckRunId_AirflowRunId_IsAccepted(string value) => AirflowIds.CheckRunId("dag_run_id", value).ShouldBeNull();

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("a\nb")]
    public void CheckRunId_BadValue_ReturnsError(string value) => AirflowIds.CheckRunId("dag_run_id", value).ShouldNotBeNull();
}
