using Airgate.Core.Registry;

namespace Airgate.Registry;

internal sealed record RegistryProblemList(IReadOnlyList<RegistryProblem> Problems, int TotalEntries);
