using Xunit.Sdk;

namespace Airgate.Storage.Tests.Infrastructure;

/// <summary>A theory of the store contract; skipped per database class like <see cref="StoreFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Airgate.Storage.Tests.Infrastructure.StoreTheoryDiscoverer", "Airgate.Storage.Tests")]
public sealed class StoreTheoryAttribute : TheoryAttribute;
