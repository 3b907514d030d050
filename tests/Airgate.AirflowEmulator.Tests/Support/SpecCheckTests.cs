namespace Airgate.AirflowEmulator.Tests.Support;

/// <summary>The contract check the harness relies on must actually bite, or every "checked" test proves nothing.</summary>
public sealed class SpecCheckTests
{
    [Fact]
    public void Problems_MissingRequiredField_IsReported()
    {
        SpecCheck.Problems("GET", "/api/v2/version", 200, """{"git_version": null}""").ShouldNotBeEmpty();
    }

    [Fact]
    public void Problems_WrongTypeInRun_IsReported()
    {
        var run = """{"dag_run_id": "r", "dag_id": "d", "run_after": "2026-01-01T00:00:00Z", "run_type": "manual", "state": "cancelled", "dag_versions": [], "dag_display_name": "d"}""";

        SpecCheck.Problems("GET", "/api/v2/dags/d/dagRuns/r", 200, run).ShouldNotBeEmpty();
    }

    [Fact]
    public void Problems_UndocumentedStatus_IsReported()
    {
        SpecCheck.Problems("GET", "/api/v2/dags/d/dagRuns", 400, """{"detail": "x"}""").ShouldNotBeEmpty();
    }

    [Fact]
    public void Problems_ConformantVersion_IsEmpty()
    {
        SpecCheck.Problems("GET", "/api/v2/version", 200, """{"version": "3.2.1", "git_version": null}""").ShouldBeEmpty();
    }

    [Fact]
    public void Problems_RouteOutsideTheSpec_IsNotChecked()
    {
        SpecCheck.Problems("POST", "/auth/token", 201, "not json").ShouldBeEmpty();
    }
}
