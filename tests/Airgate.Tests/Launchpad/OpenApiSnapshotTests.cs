using System.Text.Json.Nodes;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;

namespace Airgate.Launchpad.Tests;

/// <summary>
/// The launchpad (ui/) and clients/typescript build from a committed snapshot of the OpenAPI document
/// (clients/openapi/airgate.json) and the types generated from it; this fails when the served document has moved on.
/// </summary>
public sealed class OpenApiSnapshotTests
{
    [Fact]
    public async Task OpenApi_ServedDocument_MatchesTheCommittedSnapshot()
    {
        await using var gateway = Gateway.Start();
        var served = JsonNode.Parse(await gateway.Client.GetStringAsync("/openapi/v1.json"))?.AsObject();
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "clients", "openapi", "airgate.json")));
        served.ShouldNotBeNull();
        // Where the document was read from is not part of the contract.
        served.Remove("servers");

        JsonNode.DeepEquals(served, snapshot).ShouldBeTrue(
            "clients/openapi/airgate.json differs from /openapi/v1.json: run 'bash clients/refresh-openapi.sh' and commit clients/openapi/");
    }
}
